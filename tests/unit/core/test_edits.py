"""The user's edits applied by the core (`apply_edits`): meanings, facts, glossary and people; no Qt."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dushu.core.edits import NO_EDITS, Edits, annotations_of, apply_edits
from dushu.core.models import (
    Analysis,
    Definition,
    Fact,
    GlossaryEntry,
    Person,
    Script,
    Sentence,
    Token,
    VocabItem,
)

TEXT = "河洛港開放。"


def _analysis() -> Analysis:
    words = [("河洛港", 0, 3, ("hé", "luò", "gǎng")), ("開放", 3, 5, ("kāi", "fàng"))]
    tokens = (*(Token(w, s, e, 0, "n", p) for w, s, e, p in words), Token("。", 5, 6, 0, "w", ()))
    vocabulary = (
        VocabItem("河洛港", "河洛港", "河洛港", ("hé", "luò", "gǎng"),
                  (Definition("hé luò gǎng", ("Heluo Port",), "names"),), None, 0.0, 1, TEXT, 0, 0, True),
        VocabItem("開放", "開放", "开放", ("kāi", "fàng"),
                  (Definition("kāi fàng", ("to open up", "to bloom"),),), 3, 4.5, 1, TEXT, 0, 3),
    )  # fmt: skip
    return Analysis(
        TEXT, Script.TRADITIONAL, (Sentence(0, 0, 6, TEXT),), tokens, vocabulary,
        facts=(Fact("event", "河洛港開放", 0, "2031-04", "2031年4月", ("河洛港",), 0, 5),),
        glossary=(GlossaryEntry("河洛港務局", "organisation", 0, "HPA"),),
        people=(Person("柯文遠", 1, role="局長", sentences=(0,)),),
    )  # fmt: skip


def test_a_user_meaning_replaces_the_dictionary_senses() -> None:
    edited = apply_edits(_analysis(), Edits(meanings={"开放": "to open (a port) to trade"}))
    item = edited.vocabulary[1]
    assert item.definitions == (Definition("kāi fàng", ("to open (a port) to trade",), "user"),)
    assert edited.vocabulary[0] == _analysis().vocabulary[0], "other words keep the dictionary's senses"


def test_nothing_to_apply_gives_the_analysis_back() -> None:
    analysis = _analysis()
    assert apply_edits(analysis, NO_EDITS) is analysis
    assert apply_edits(analysis, Edits(meanings={"没有": "not in this text"})) is analysis
    assert NO_EDITS.empty and not Edits(known=frozenset({"开放"})).empty


def test_edited_facts_glossary_and_people_replace_what_was_found() -> None:
    analysis = _analysis()
    fact = replace(analysis.facts[0], text="河洛港全面開放", summary="河洛港在2031年4月全面開放")
    person = replace(analysis.people[0], english="Ko Wen-yuan")
    user = replace(analysis, facts=(fact,), glossary=(), people=(person,))
    data: Any = annotations_of(user)
    assert data["facts"][0]["entities"] == ["河洛港"], "stored as JSON-ready lists"

    edited = apply_edits(analysis, Edits(annotations=data, meanings={"开放": "to open"}))
    assert edited.facts == (fact,)
    assert edited.glossary == (), "a term the user deleted stays deleted"
    assert edited.people == (person,)
    assert edited.vocabulary[1].definitions[0].meanings == ("to open",)


def test_damaged_annotations_are_skipped_not_fatal() -> None:
    data = {
        "facts": [{"text": "no kind or sentence"}, "junk", {"kind": "event", "text": "ok", "sentence": "2"}],
        "people": "not a list",
    }
    edited = apply_edits(_analysis(), Edits(annotations=data))
    assert edited.facts == (Fact("event", "ok", 2),)
    assert edited.people == ()
