"""The study layer: one set of items for quizzes and cards, answerable from the text, in both scripts."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from dushu.core.models import Analysis, Fact, Script, Sentence
from dushu.core.quiz import generate_quiz
from dushu.core.quiz.generate import candidate_questions
from dushu.core.script import to_simplified
from dushu.core.study import study_items, templates_for
from dushu.core.study.templates import Templates
from dushu.export.anki_notes import NoteContext, cloze_notes, fact_notes


def _load_sample() -> ModuleType:
    path = Path(__file__).with_name("quiz_sample.py")
    spec = importlib.util.spec_from_file_location("dushu_tests_quiz_sample_study", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_sample = _load_sample()
ARTICLE: str = _sample.ARTICLE


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return _sample.sample_analysis()  # type: ignore[no-any-return]


def _simplified(analysis: Analysis) -> Analysis:
    text = to_simplified(analysis.text)
    base = _sample.sample_analysis(text)
    return Analysis(text, Script.SIMPLIFIED, base.sentences, base.tokens, base.vocabulary, base.facts,
                    base.glossary, base.people)  # fmt: skip


def test_every_cause_fact_yields_an_item_a_fact_note_and_a_quiz_candidate(analysis: Analysis) -> None:
    causes = [f for f in analysis.facts if f.kind == "cause" and f.cause and f.effect and f.cue_kind]
    assert causes, "the sample states reasons"
    items = [i for i in study_items(analysis) if i.kind == "cause"]
    assert len(items) == len(causes)
    notes = [
        n for n in fact_notes(analysis, NoteContext.build(analysis, "t")) if "dushu::fact::cause" in n.tags
    ]
    assert len(notes) == len(causes)
    candidates = {q.explanation for q in candidate_questions(analysis) if "cause" in q.tags}
    assert len(candidates) == len(causes)


def test_the_same_text_in_both_scripts_gives_the_same_items(analysis: Analysis) -> None:
    trad = study_items(analysis)
    simp = study_items(_simplified(analysis))
    assert [(i.kind, i.ask, to_simplified(i.answer)) for i in trad] == [
        (i.kind, i.ask, i.answer) for i in simp
    ]


def test_every_answer_is_written_in_the_text(analysis: Analysis) -> None:
    for item in study_items(analysis):
        if item.ask in ("meaning", "reading", "members"):
            continue
        if item.ask == "date":
            assert item.date_text in analysis.text
        else:
            assert item.answer in analysis.text, (item.ask, item.answer)
        for start, end in item.blanks:
            assert item.context[start:end].startswith(item.date_text if item.ask == "date" else item.answer)
        assert item.context in analysis.text, "a passage is quoted as the text writes it"


def test_distractors_are_never_the_answer_and_never_repeat(analysis: Analysis) -> None:
    for item in study_items(analysis):
        normal = [re.sub(r"\s", "", d).casefold() for d in item.distractors]
        assert len(normal) == len(set(normal))
        assert all(n not in {re.sub(r"\s", "", a).casefold() for a in item.accepted} for n in normal)


def test_an_abbreviation_only_a_list_knows_is_not_asked() -> None:
    text = "港灣委員會今日開會。"
    sentence = Sentence(0, 0, len(text), text)
    from dushu.core.models import GlossaryEntry

    entry = GlossaryEntry("港灣委員會", "organisation", 0, "HBC", "Harbour Board Committee")
    a = Analysis(text, Script.TRADITIONAL, (sentence,), (), (), glossary=(entry,))
    assert not [i for i in study_items(a) if i.kind == "term"]


def test_a_photo_caption_is_not_asked_as_an_event() -> None:
    text = "圖為兩人在會場握手。"
    sentence = Sentence(0, 0, len(text), text)
    fact = Fact("event", text[:-1], 0, "2031-05", "5月", (), 0, len(text) - 1)
    a = Analysis(text, Script.TRADITIONAL, (sentence,), (), (), facts=(fact,))
    assert study_items(a) == ()


def test_a_short_event_is_quoted_with_what_it_belongs_to() -> None:
    text = "海事局宣佈收緊港口檢查，6月1日起實施。"
    sentence = Sentence(0, 0, len(text), text)
    clause = "6月1日起實施"
    start = text.index(clause)
    fact = Fact("event", clause, 0, "2031-06-01", "6月1日", (), start, start + len(clause))
    a = Analysis(text, Script.TRADITIONAL, (sentence,), (), (), facts=(fact,))
    (item,) = study_items(a)
    assert item.context == "海事局宣佈收緊港口檢查，6月1日起實施"
    assert item.blanked("__") == "海事局宣佈收緊港口檢查，__起實施"


@pytest.mark.parametrize("script", [Script.TRADITIONAL, Script.SIMPLIFIED])
def test_both_template_files_word_every_question(script: Script) -> None:
    words = templates_for(script)
    other = templates_for(Script.SIMPLIFIED if script == Script.TRADITIONAL else Script.TRADITIONAL)
    for section in ("quiz", "explain", "card", "set"):
        assert set(words.phrases[section]) == set(other.phrases[section]), section
    assert isinstance(words, Templates)


def test_the_simplified_wording_is_written_not_converted() -> None:
    trad = templates_for(Script.TRADITIONAL)
    simp = templates_for(Script.SIMPLIFIED)
    differing = [
        k for k in trad.phrases["quiz"] if to_simplified(trad.phrases["quiz"][k]) != simp.phrases["quiz"][k]
    ]
    assert differing, "the Simplified file is phrased for Mainland readers (什么, 正误), not a conversion"
    assert "甚麼" not in "".join(simp.phrases["quiz"].values())


def test_a_text_that_repeats_itself_or_has_no_dates_still_gives_a_valid_set(analysis: Analysis) -> None:
    repeated = _sample.sample_analysis("\n".join(["海事局今日開會討論港口安全。"] * 20))
    quiz = generate_quiz(repeated, n=10, seed=0)
    assert len({q.prompt for q in quiz.questions}) == len(quiz.questions)
    nothing = _sample.sample_analysis("今天天氣很好。")
    assert generate_quiz(nothing, n=5).questions is not None


def test_card_and_quiz_use_the_same_answers(analysis: Analysis) -> None:
    items = study_items(analysis)
    ctx = NoteContext.build(analysis, "t")
    notes = fact_notes(analysis, ctx, items)
    answers = {n.plain[1].split(" (")[0] for n in notes}
    assert answers <= {i.answer for i in items}
    assert cloze_notes(analysis, ctx, items)


def test_date_distractors_have_the_answers_precision(analysis: Analysis) -> None:
    for item in study_items(analysis):
        if item.ask == "date":
            shape = re.sub(r"\d+", "9", item.answer)
            assert all(re.sub(r"\d+", "9", d) == shape for d in item.distractors), item.distractors


def test_people_are_offered_only_people_and_terms_only_terms(analysis: Analysis) -> None:
    names = {p.name for p in analysis.people}
    terms = {g.term for g in analysis.glossary}
    for item in study_items(analysis):
        if item.ask == "actor" and item.extra[:1] == ("person",):
            assert set(item.distractors) <= names
        if item.ask == "full_name":
            assert set(item.distractors) <= terms


def test_a_quiz_asks_each_fact_once_and_keeps_words_to_two_fifths(analysis: Analysis) -> None:
    for seed in range(4):
        quiz = generate_quiz(analysis, n=25, seed=seed)
        words = [q for q in quiz.questions if "vocabulary" in q.tags]
        assert len(words) <= 0.4 * len(quiz.questions)
        asked = [(q.source, q.explanation) for q in quiz.questions if q.type not in ("order", "match")]
        assert len(asked) == len(set(asked)), "no fact is asked twice"


def test_true_false_items_are_false_about_half_the_time(analysis: Analysis) -> None:
    keyed = [
        q.answer
        for seed in range(8)
        for q in generate_quiz(analysis, n=25, seed=seed).questions
        if q.type == "truefalse"
    ]
    assert keyed and 0.35 <= sum(1 for k in keyed if k) / len(keyed) <= 0.65


def test_a_cloze_blanks_a_span_and_changes_nothing_else(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=60, types=["cloze"], seed=0)
    assert quiz.questions
    for q in quiz.questions:
        quoted = q.prompt.split("\n", 1)[1][1:-1]
        before, after = quoted.split("____")
        assert any(before in s.text and after in s.text for s in analysis.sentences), quoted
