"""Quiz generation: every question type, distractors of the same kind, sources and reproducibility."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from dushu.core.facts.dates import find_date_mentions, format_date_zh, parse_date_answer
from dushu.core.models import Analysis, Script
from dushu.core.quiz import Question, QuizSet, answers_match, check_answer, generate_quiz, loads_quiz_set
from dushu.core.quiz.generate import candidate_questions
from dushu.core.quiz.quizfile import dumps_quiz_set
from dushu.core.script import to_simplified
from dushu.errors import DushuError


def _load_sample() -> ModuleType:
    # Test modules cannot import each other in importlib mode: load the shared sample by path.
    path = Path(__file__).with_name("quiz_sample.py")
    spec = importlib.util.spec_from_file_location("dushu_tests_quiz_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_sample = _load_sample()
ARTICLE: str = _sample.ARTICLE
sample_analysis = _sample.sample_analysis


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return sample_analysis()


@pytest.fixture(scope="module")
def quiz(analysis: Analysis) -> QuizSet:
    return generate_quiz(analysis, n=25, seed=0)


def of_tags(qs: QuizSet, *tags: str) -> list[Question]:
    return [q for q in qs.questions if all(t in q.tags for t in tags)]


def test_asks_for_n_questions_of_every_type(quiz: QuizSet) -> None:
    # Each fact is asked once, so a short text may give a few less than asked for.
    assert 15 <= len(quiz.questions) <= 25
    assert {q.type for q in quiz.questions} == {"choice", "truefalse", "cloze", "short", "order", "match"}
    assert of_tags(quiz, "vocabulary")
    assert len({q.id for q in quiz.questions}) == len(quiz.questions)


def test_every_question_cites_its_source_sentence_and_explains(quiz: QuizSet, analysis: Analysis) -> None:
    sentences = {s.text for s in analysis.sentences} | {v.example for v in analysis.vocabulary}
    for q in quiz.questions:
        assert q.explanation, q.id
        assert q.source, q.id
        assert q.source in sentences or all(part in ARTICLE for part in q.source.split(" ")), q.id


def test_generated_quiz_is_a_valid_quiz_set_file(quiz: QuizSet) -> None:
    assert loads_quiz_set(dumps_quiz_set(quiz)) == quiz


def test_choice_questions_have_four_distinct_options_and_never_repeat_the_answer(quiz: QuizSet) -> None:
    for q in quiz.questions:
        if q.type == "choice":
            assert len(q.choices) == 4, q.id
            assert len(set(q.choices)) == 4, q.id
            assert isinstance(q.answer, int) and 0 <= q.answer < 4


def test_date_choices_are_all_dates_and_the_answer_is_the_events_date(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=40, types=["choice"], seed=3)
    dated = [q for q in quiz.questions if q.tags == ("event", "date")]
    assert dated
    for q in dated:
        assert all(parse_date_answer(c) for c in q.choices), q.choices
        assert isinstance(q.answer, int)
        right = parse_date_answer(q.choices[q.answer])
        assert right is not None and q.source.count(q.choices[q.answer]) + 1 > 0
        event = next(f for f in analysis.facts if f.kind == "event" and f.date == right)
        assert event.text.replace(event.date_text, "____") in q.prompt.replace("……", "")


def test_person_choices_are_people(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=40, types=["choice"], seed=1)
    names = {p.name for p in analysis.people}
    roles = {p.role for p in analysis.people}
    for q in of_tags(quiz, "person"):
        assert set(q.choices) <= (names if "event" in q.tags else roles), q.choices


def test_members_question(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=40, types=["choice"], seed=0)
    (q,) = of_tags(quiz, "members")
    assert "三國海事協調機制" in q.prompt
    assert isinstance(q.answer, int)
    assert q.choices[q.answer] == "美國、日本、澳洲"


def test_cloze_blanks_a_date_and_accepts_equivalent_forms(analysis: Analysis) -> None:
    cloze = [q for q in candidate_questions(analysis) if q.type == "cloze"]
    q = next(q for q in cloze if q.accepted[:1] == ("2028年3月",) and "date" in q.tags)
    assert "____" in q.prompt and "2028年3月" not in q.prompt
    for typed in ("2028年3月", "2028/3", "2028-03", "２０２８年３月"):
        assert check_answer(q, typed).correct, typed
    assert not check_answer(q, "2029年5月").correct


def test_cloze_for_an_inferred_date_accepts_the_full_date_and_the_words_of_the_text(
    analysis: Analysis,
) -> None:
    quiz = generate_quiz(analysis, n=40, types=["cloze"], seed=0)
    q = next(q for q in quiz.questions if "同年9月" in q.accepted)
    assert check_answer(q, "2027年9月").correct
    assert check_answer(q, "同年9月").correct


def test_order_items_are_in_time_order_without_their_dates(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=40, types=["order"], seed=0)
    assert quiz.questions
    for q in quiz.questions:
        assert 3 <= len(q.items) <= 5
        # The explanation lists "date：item" in the right order.
        parts = [part.split("：", 1) for part in q.explanation.rstrip("。").split("；")]
        assert [label for _date, label in parts] == list(q.items)
        dates = [parse_date_answer(date) or "" for date, _label in parts]
        assert dates == sorted(dates) and all(dates)
        assert not any(find_date_mentions(item) for item in q.items)


def test_match_pairs_are_true_to_the_text(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=40, types=["match"], seed=0)
    terms = {g.abbreviation: g.term for g in analysis.glossary}
    roles = {p.name: p.role for p in analysis.people}
    assert quiz.questions
    for q in quiz.questions:
        assert len(q.pairs) >= 3
        for left, right in q.pairs:
            assert terms.get(left) == right or roles.get(left) == right


def test_truefalse_statements_are_true_exactly_when_marked_true(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=60, types=["truefalse"], seed=5)
    assert {q.answer for q in quiz.questions} == {True, False}
    events = [f for f in analysis.facts if f.kind == "event"]
    checked = 0
    for q in of_tags(quiz, "event", "date"):
        before_after = [(f, *f.text.split(f.date_text, 1)) for f in events]
        (event,) = [f for f, a, b in before_after if a in q.prompt and b in q.prompt and f.text in q.source]
        true_statement = event.text.replace(event.date_text, format_date_zh(event.date), 1)
        assert (true_statement in q.prompt) == q.answer, q.prompt
        checked += 1
    assert checked


def test_abbreviation_questions(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=60, types=["choice", "short", "cloze"], seed=0)
    abbreviations = {g.abbreviation for g in analysis.glossary}
    for q in of_tags(quiz, "term", "abbreviation"):
        if q.type == "choice" and "簡稱是甚麼" in q.prompt:
            assert set(q.choices) <= abbreviations
        if q.type in ("short", "cloze"):
            assert q.accepted[0] in abbreviations
            assert check_answer(q, q.accepted[0].lower()).correct


def test_vocabulary_questions_ask_meaning_and_reading(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=10, types=["vocabulary"], seed=0)
    meaning = of_tags(quiz, "vocabulary", "meaning")
    # A meaning question shows the word's reading, so one set does not also ask that reading.
    reading = [q for q in candidate_questions(analysis) if "reading" in q.tags]
    assert meaning and reading
    assert not any(q.accepted[0] in m.prompt for q in of_tags(quiz, "reading") for m in meaning)
    assert all(q.type == "choice" for q in meaning)
    q = next(q for q in reading if "航道" in q.prompt)
    assert check_answer(q, "háng dào").correct
    assert check_answer(q, "hang2dao4").correct
    assert not check_answer(q, "hang4dao4").correct


def test_a_text_that_states_plenty_still_asks_some_of_its_words(analysis: Analysis) -> None:
    from dushu.core.quiz.generate import MAX_WORD_SHARE

    quiz = generate_quiz(analysis, n=10, seed=0)  # every kind, vocabulary included
    words = [q for q in quiz.questions if "vocabulary" in q.tags]
    assert len(quiz.questions) == 10
    assert 1 <= len(words) <= MAX_WORD_SHARE * len(quiz.questions)


def test_cause_questions_offer_other_reasons_as_distractors(analysis: Analysis) -> None:
    text = (
        ARTICLE
        + "當然，兩國結盟不意味與鄰國決裂，因為貿易仍是重要的槓桿。\n"
        + "而其目的也很清楚，就是要把同盟綁定區域框架。\n"
    )
    candidates = candidate_questions(sample_analysis(text))
    causes = [q for q in candidates if "cause" in q.tags and q.type == "choice"]
    assert causes
    q = next(q for q in causes if "不意味與鄰國決裂" in q.prompt and "為甚麼" in q.prompt)
    assert isinstance(q.answer, int)
    assert q.choices[q.answer] == "貿易仍是重要的槓桿"


def test_types_filter_and_unknown_types(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=8, types=["truefalse", "short"], seed=0)
    assert {q.type for q in quiz.questions} <= {"truefalse", "short"}
    with pytest.raises(DushuError, match="unknown question type 'essay'"):
        generate_quiz(analysis, types=["essay"])


def test_same_seed_same_quiz_other_seed_other_quiz(analysis: Analysis) -> None:
    assert generate_quiz(analysis, seed=7) == generate_quiz(analysis, seed=7)
    assert generate_quiz(analysis, seed=7) != generate_quiz(analysis, seed=8)


def test_simplified_text_gets_simplified_prompts() -> None:
    simple = to_simplified(ARTICLE)
    base = sample_analysis(simple)
    analysis = Analysis(
        simple, Script.SIMPLIFIED, base.sentences, (), (), base.facts, base.glossary, base.people
    )
    quiz = generate_quiz(analysis, n=10, seed=0)
    assert quiz.language == "zh-Hans"
    assert all("這件事" not in q.prompt and "根據" not in q.prompt for q in quiz.questions)


def test_a_text_with_nothing_to_ask_gives_an_empty_quiz() -> None:
    quiz = generate_quiz(replace(sample_analysis("今天天氣很好。"), vocabulary=()), n=5)
    assert quiz.questions == ()


def test_answers_match_is_used_by_short_answers(quiz: QuizSet) -> None:
    for q in quiz.questions:
        if q.type in ("short", "cloze"):
            assert answers_match(q.accepted[0], q.accepted[0])


def test_who_questions_hide_the_english_gloss_that_would_give_the_answer_away(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=80, types=["choice", "truefalse"], seed=2)
    for q in of_tags(quiz, "event", "person"):
        assert not any(p.english and p.english in q.prompt for p in analysis.people), q.prompt


def test_names_and_roles_are_asked_only_when_the_text_states_them(analysis: Analysis) -> None:
    quiz = generate_quiz(analysis, n=80, seed=0)
    english = of_tags(quiz, "person", "english")
    # 柏木和子's English name is only in the name list, not in the text.
    assert english and not any("柏木和子" in q.prompt for q in english)
    for q in of_tags(quiz, "person", "role"):
        for name, role in q.pairs:
            assert role + name in ARTICLE
