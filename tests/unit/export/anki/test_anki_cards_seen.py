"""The cards as a learner sees them: what the deck's CSS shows and hides, light and night, and contrast."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from dushu.core.models import Analysis, Definition, Script, Sentence, Token, VocabItem
from dushu.export.anki_models import (
    CLOZE_FIELD_DEFS,
    CLOZE_TEMPLATE_DEFS,
    FACT_FIELD_DEFS,
    FACT_TEMPLATE_DEFS,
    VOCAB_FIELD_DEFS,
    VOCAB_TEMPLATE_DEFS,
    FieldDef,
    TemplateDef,
    card_css,
    resource_text,
)
from dushu.export.anki_notes import NoteContext, NoteSpec, build_notes, select_vocabulary, vocab_note


def _load_style() -> ModuleType:
    path = Path(__file__).with_name("card_style.py")
    spec = importlib.util.spec_from_file_location("dushu_tests_card_style", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


STYLE = _load_style()
CSS = card_css()
THEMES = pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
MODELS: dict[str, tuple[tuple[FieldDef, ...], tuple[TemplateDef, ...]]] = {
    "vocab": (VOCAB_FIELD_DEFS, VOCAB_TEMPLATE_DEFS),
    "fact": (FACT_FIELD_DEFS, FACT_TEMPLATE_DEFS),
    "cloze": (CLOZE_FIELD_DEFS, CLOZE_TEMPLATE_DEFS),
}


def _fields(note: NoteSpec) -> dict[str, str]:
    defs, _ = MODELS[note.model]
    return {f.name: value for f, value in zip(defs, note.fields, strict=True)}


def _sides(note: NoteSpec) -> Iterator[tuple[str, str, str]]:
    """(template name, front HTML, back HTML) of each card the note makes (Anki skips empty fronts)."""
    fields = _fields(note)
    for template in MODELS[note.model][1]:
        front = STYLE.fill(resource_text(f"{template.resource}.front.html"), fields)
        if not STYLE.visible_text(STYLE.text_runs(front, CSS, night=False)).strip():
            continue
        back = STYLE.fill(
            resource_text(f"{template.resource}.back.html"), fields, front_side=front, answer=True
        )
        yield template.name, front, back


def _all_notes(analysis: Analysis) -> list[NoteSpec]:
    return build_notes(
        analysis, select_vocabulary(analysis), include=("vocab", "facts", "cloze"), source_title="港口"
    )


def _inner_word_note() -> NoteSpec:
    """A word that stands alone once and inside a longer word once: 中 in 中國在中間。"""
    text = "中國在中間。"
    tokens = (
        Token("中國", 0, 2, 0, "ns", ("zhōng", "guó")),
        Token("在", 2, 3, 0, "p", ("zài",)),
        Token("中", 3, 4, 0, "f", ("zhōng",)),
        Token("間", 4, 5, 0, "f", ("jiān",)),
        Token("。", 5, 6, 0, "x"),
    )
    item = VocabItem("中", "中", "中", ("zhōng",), (Definition("zhōng", ("middle",)),), 1, 6.0, 2, text, 0, 3)
    analysis = Analysis(text, Script.TRADITIONAL, (Sentence(0, 0, 6, text),), tokens, (item,))
    return vocab_note(item, NoteContext.build(analysis, "t"))


@THEMES
def test_the_sentence_card_never_shows_the_word_it_asks_for(analysis: Analysis, night: bool) -> None:
    notes = [n for n in _all_notes(analysis) if n.model == "vocab"] + [_inner_word_note()]
    asked = 0
    for note in notes:
        sides = {name: (front, back) for name, front, back in _sides(note)}
        if "Sentence" not in sides:
            continue
        asked += 1
        word = _fields(note)["Word"]
        runs = STYLE.text_runs(sides["Sentence"][0], CSS, night=night)
        assert word not in STYLE.visible_text(runs), f"{word} is readable on its own Sentence card"
        assert any(r.hidden and word in r.text for r in runs), "the blank keeps the word's place"
        back = STYLE.visible_text(STYLE.text_runs(sides["Sentence"][1], CSS, night=night))
        assert word in back, "the answer side shows it"
    assert asked == len(notes)


@THEMES
def test_the_event_date_card_hides_the_date_and_its_answer_shows_it(analysis: Analysis, night: bool) -> None:
    seen = 0
    for note in (n for n in _all_notes(analysis) if n.model == "fact"):
        for name, front, back in _sides(note):
            if name != "Event → Date":
                continue
            seen += 1
            date = re.sub("<[^>]+>", "", _fields(note)["Date"]).split()[0]
            assert date not in STYLE.visible_text(STYLE.text_runs(front, CSS, night=night))
            assert date in STYLE.visible_text(STYLE.text_runs(back, CSS, night=night))
    assert seen >= 1


@THEMES
def test_every_text_on_every_card_reads_at_4_5_to_1_or_better(analysis: Analysis, night: bool) -> None:
    checked = 0
    for note in [*_all_notes(analysis), _inner_word_note()]:
        for name, front, back in _sides(note):
            for side, html in (("front", front), ("back", back)):
                for run in STYLE.text_runs(html, CSS, night=night):
                    if run.hidden:
                        continue
                    checked += 1
                    assert run.contrast >= 4.5, (
                        f"{note.model} {name} {side}: {run.text!r} in {run.path[0]!r} at {run.contrast:.2f}:1"
                    )
    assert checked > 500


@THEMES
def test_a_fact_card_highlights_only_the_fact_in_its_sentence(analysis: Analysis, night: bool) -> None:
    card_background = STYLE.text_runs("<div class='dushu'>x</div>", CSS, night=night)[0].background
    backs = [
        back
        for note in _all_notes(analysis)
        if note.model == "fact"
        for name, _, back in _sides(note)
        if name == "Question → Answer" and 'class="fact"' in _fields(note)["Source sentence"]
    ]
    assert backs
    for back in backs:
        runs = STYLE.text_runs(back, CSS, night=night)
        hints = [r for r in runs if "qhint" in r.path[0] or "answer-main" in r.path[0]]
        assert hints and all(r.background == card_background for r in hints), "no box around the card"
        in_sentence = [r for r in runs if any("source-sentence" in p for p in r.path)]
        marked = [r for r in in_sentence if any(p.split() == ["fact"] for p in r.path)]
        unmarked = [r for r in in_sentence if r not in marked]
        assert marked and unmarked
        assert {r.background for r in marked}.isdisjoint({r.background for r in unmarked}), (
            "the fact's clause stands out from the rest of its sentence"
        )


def test_the_card_templates_never_give_the_outer_element_a_highlight_class() -> None:
    highlight_classes = {"fact", "fact-date", "hl", "hl-in", "cloze"}
    for defs in (VOCAB_TEMPLATE_DEFS, FACT_TEMPLATE_DEFS, CLOZE_TEMPLATE_DEFS):
        for template in defs:
            for side in ("front", "back"):
                html = resource_text(f"{template.resource}.{side}.html")
                for classes in re.findall(r'class="dushu ([^"]*)"', html):
                    assert highlight_classes.isdisjoint(classes.split()), (template.name, side, classes)


def test_syllables_never_wrap_inside_themselves() -> None:
    rules = STYLE.parse_css(CSS)
    for tone in range(1, 6):
        assert any(
            rule.declarations.get("white-space") == "nowrap"
            and len(rule.parts) == 1
            and rule.parts[0][1].classes == {f"tone{tone}"}
            for rule in rules
        ), f"tone{tone}"


@THEMES
def test_a_long_pinyin_word_keeps_its_syllables_whole_and_readable(night: bool) -> None:
    long_word = ("sì", "fāng", "ān", "quán", "duì", "huà")
    item = VocabItem(
        "四方安全對話", "四方安全對話", "四方安全对话", long_word,
        (Definition(" ".join(long_word), ("quadrilateral security dialogue",)),), None, 2.0, 1,
        "四方安全對話開會。", 0, 0,
    )  # fmt: skip
    text = item.example
    tokens = (
        Token("四方安全對話", 0, 6, 0, "n", long_word),
        Token("開會", 6, 8, 0, "v", ("kāi", "huì")),
        Token("。", 8, 9, 0, "x"),
    )
    analysis = Analysis(text, Script.TRADITIONAL, (Sentence(0, 0, 9, text),), tokens, (item,))
    note = vocab_note(item, NoteContext.build(analysis, "t"))
    back = next(b for name, _, b in _sides(note) if name == "Recognition")
    runs = STYLE.text_runs(back, CSS, night=night)
    assert "sìfāng'ānquánduìhuà" in STYLE.visible_text(runs)
    syllables = [r for r in runs if any(p.startswith("tone") for p in r.path[:1])]
    assert [r.text for r in syllables][:6] == list(long_word)
    assert all(r.contrast >= 4.5 for r in syllables)


def test_a_blank_outranks_every_colour_rule_for_what_it_hides() -> None:
    """Whatever colour rule a later edit adds for the word or its syllables, the blank still wins."""
    hostile = CSS + "\n.nightMode .hl, .night_mode .hl, .nightMode .tone1 { color: #ff00ff; }\n"
    html = (
        '<div class="dushu"><div class="example blanked">'
        '<span class="hl">詞<span class="tone1">x</span></span></div></div>'
    )
    for night in (False, True):
        runs = STYLE.text_runs(html, hostile, night=night)
        assert all(r.hidden for r in runs)
