"""Causes: every cause fact says what its cue marks (reason, purpose, result, restatement)."""

from __future__ import annotations

import pytest

from dushu.core.facts import extract_facts
from dushu.core.facts.causes import CAUSE_CUES, CUE_KINDS, cue_words
from dushu.core.models import Analysis, Fact, Script
from dushu.core.sentences import split_sentences
from dushu.export.anki_notes import NoteContext, fact_notes


def causes_of(text: str) -> list[Fact]:
    facts, _glossary, _people = extract_facts(text, split_sentences(text), names=())
    return [f for f in facts if f.kind == "cause"]


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        ("漁港停業，因為颱風連續三天吹襲。", "因為", "reason"),
        ("由于油价上涨，渔船减少出海。", "由于", "reason"),
        ("市府增設巴士路線，目的是紓緩早上的人潮。", "目的是", "purpose"),
        ("為了吸引遊客，小鎮舉辦燈籠節。", "為了", "purpose"),
        ("連日大雨，因此果園損失慘重。", "因此", "result"),
        ("暴雨導致山路中斷。", "導致", "result"),
        ("換句話說，車站不會再延期。", "換句話說", "restatement"),
    ],
)
def test_a_cause_fact_says_what_its_cue_marks(sentence: str, cue: str, kind: str) -> None:
    (fact,) = causes_of(sentence)
    assert (fact.cue, fact.cue_kind) == (cue, kind)


def test_every_cue_has_one_of_the_four_kinds_and_is_listed_once() -> None:
    words = [c.word for c in CAUSE_CUES]
    assert len(words) == len(set(words))
    assert set(CUE_KINDS.values()) == {"reason", "purpose", "result", "restatement"}


def test_cues_whose_part_comes_later_are_left_out_of_the_following_only_list() -> None:
    # "之所以A，是因為B": the words right after 之所以 are the effect, not the reason.
    assert "之所以" in cue_words("reason")
    assert "之所以" not in cue_words("reason", following_only=True)
    assert "其目的" not in cue_words("purpose", following_only=True)
    assert "旨在" in cue_words("purpose", following_only=True)


def _cause_cards(text: str) -> list[tuple[str, str]]:
    """(question, answer) of the Anki cause cards made from `text`."""
    sentences = tuple(split_sentences(text))
    facts = tuple(causes_of(text))
    analysis = Analysis(text, Script.TRADITIONAL, sentences, (), (), facts=facts)
    notes = fact_notes(analysis, NoteContext.build(analysis, "t"))
    return [(n.plain[0], n.plain[1]) for n in notes if "dushu::fact::cause" in n.tags]


def test_a_result_cue_from_the_one_list_makes_a_result_card() -> None:
    ((question, answer),) = _cause_cards("連月乾旱導致水庫見底。")
    # The card asks what led to the result, as the quiz does: the cause is blanked, the result shown.
    assert answer == "連月乾旱"
    assert "導致水庫見底" in question


def test_a_cue_that_states_no_cause_makes_no_card() -> None:
    # "並不是…導致的": the text denies a cause rather than giving one.
    assert _cause_cards("這次停電並不是颱風導致的，而是線路老化。") == []
