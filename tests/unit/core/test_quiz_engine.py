"""Taking a quiz: forgiving answer checks, shuffled presentation, scores, results CSV, the terminal."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dushu.core.quiz import (
    Question,
    QuizSet,
    QuizSettings,
    answers_match,
    check_answer,
    normalise_answer,
    pinyin_key,
    present_quiz,
    results_csv,
    run_terminal_quiz,
    score_quiz,
    write_results_csv,
)
from dushu.core.quiz.answers import Response

CHOICE = Question(
    "c1",
    "choice",
    "QUAD 在何時復活？",
    2,
    ("2016年8月", "2019年9月", "2017年11月", "2021年3月"),
    explanation="文中說2017年11月。",
)
TF = Question("t1", "truefalse", "QUAD 是四方安全對話機制的簡稱。", True)
CLOZE = Question("z1", "cloze", "「四方安全對話機制」隨即在____復活。", ("2017年11月", "2017/11"))
SHORT = Question("s1", "short", "「四方安全對話機制」的英文簡稱？", ("QUAD",))
READING = Question("r1", "short", "「同盟」的拼音？", ("tóng méng",))
ORDER = Question(
    "o1", "order", "按先後排列：", items=("提出印太概念", "QUAD復活", "外長會議", "首腦峰會"), points=2
)
MATCH = Question(
    "m1",
    "match",
    "配對：",
    pairs=(
        ("QUAD", "四方安全對話機制"),
        ("TPP", "跨太平洋夥伴關係協定"),
        ("RCEP", "區域全面經濟夥伴關係協定"),
    ),
    points=3,
)
QUIZ = QuizSet("美日同盟", (CHOICE, TF, CLOZE, SHORT, READING, ORDER, MATCH), source="seed")


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("ＱＵＡＤ", "QUAD"),
        ("quad", "QUAD"),
        (" Q U A D ", "QUAD"),
        ("四方安全对话机制", "四方安全對話機制"),
        ("「四方安全對話機制」。", "四方安全對話機制"),
        ("2017/11", "2017年11月"),
        ("2017-11", "2017年11月"),
        ("二〇一七年十一月", "2017年11月"),
        ("２０１７年１１月", "2017年11月"),
        ("tong2 meng2", "tóng méng"),
        ("TONG2MENG2", "tóng méng"),
        ("tóngméng", "tong2 meng2"),
        ("lü4", "lǜ"),
    ],
)
def test_equivalent_answers_match(given: str, accepted: str) -> None:
    assert answers_match(given, accepted)


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("QUAD", "CPTPP"),
        ("2017/12", "2017年11月"),
        ("tong1 meng2", "tóng méng"),
        ("", "QUAD"),
        ("tongmeng", "tóng méng"),
    ],
)
def test_different_answers_do_not_match(given: str, accepted: str) -> None:
    assert not answers_match(given, accepted)


def test_normalise_and_pinyin_key() -> None:
    assert normalise_answer("美日　同盟！") == "美日同盟"
    assert pinyin_key("QUAD") == ("quad", ())
    assert pinyin_key("機制") is None


def test_check_each_type() -> None:
    assert check_answer(CHOICE, 2).correct
    assert check_answer(CHOICE, "2017年11月").correct
    assert not check_answer(CHOICE, 0).correct
    assert check_answer(TF, True).correct and check_answer(TF, "對").correct
    assert not check_answer(TF, "f").correct
    assert check_answer(CLOZE, "2017.11").correct
    assert check_answer(SHORT, "quad").correct
    full = check_answer(ORDER, list(ORDER.items))
    assert (full.correct, full.points) == (True, 2.0)
    half = check_answer(ORDER, ["提出印太概念", "外長會議", "QUAD復活", "首腦峰會"])
    assert (half.correct, half.points) == (False, 1.0)
    pairs = dict(MATCH.pairs)
    assert check_answer(MATCH, pairs).points == 3.0
    wrong = {**pairs, "TPP": "區域全面經濟夥伴關係協定", "RCEP": "跨太平洋夥伴關係協定"}
    assert check_answer(MATCH, wrong).points == 1.0


def test_feedback_says_the_answer_and_explains() -> None:
    fb = check_answer(CHOICE, 0)
    assert "2017年11月" in fb.message and fb.explanation == "文中說2017年11月。"
    assert "tones" in check_answer(READING, "tong1 meng1").message
    assert check_answer(SHORT, None).message.startswith("No answer")


def test_presentation_is_shuffled_reproducibly_and_keeps_track_of_the_answer() -> None:
    first = present_quiz(QUIZ, seed=4)
    assert first == present_quiz(QUIZ, seed=4)
    assert [p.question.id for p in first] != [q.id for q in QUIZ.questions] or first != present_quiz(
        QUIZ, seed=5
    )
    for p in first:
        if p.question.type == "choice":
            assert sorted(p.options) == sorted(p.question.choices)
            assert [p.question.choices[i] for i in p.option_index] == list(p.options)
        if p.question.type == "order":
            assert p.options != p.question.items  # shown in order it would give the answer away


def test_settings_can_turn_shuffling_off() -> None:
    fixed = QuizSet(
        "t", QUIZ.questions, settings=QuizSettings(shuffle_questions=False, shuffle_choices=False)
    )
    presented = present_quiz(fixed, seed=1)
    assert [p.question.id for p in presented] == [q.id for q in QUIZ.questions]
    assert presented[0].options == CHOICE.choices


def test_score_and_results_record() -> None:
    responses: dict[str, Response] = {"c1": 2, "t1": False, "z1": "2017/11", "o1": list(ORDER.items)}
    when = datetime(2025, 11, 1, 9, 30, tzinfo=UTC)
    result, feedback = score_quiz(QUIZ, responses, who="Chan Tai Man", started=when, finished=when)
    assert result.score == 4.0 and result.max_score == 10.0
    assert result.percent == 40.0 and not result.passed
    assert [a.question_id for a in result.answers] == [q.id for q in QUIZ.questions]
    assert result.answers[0].response == "2017年11月"
    assert len(feedback) == 7


def test_results_csv_has_one_row_per_attempt_and_columns_per_question(tmp_path: Path) -> None:
    when = datetime(2025, 11, 1, 9, 30, tzinfo=UTC)
    a, _ = score_quiz(QUIZ, {"c1": 2, "s1": "=HYPERLINK()"}, who="陳大文", started=when, finished=when)
    b, _ = score_quiz(QUIZ, {"c1": 0}, who="李小明", started=when, finished=when)
    rows = list(csv.reader(io.StringIO(results_csv([a, b]))))
    assert rows[0][:8] == ["quiz", "who", "started", "finished", "score", "max_score", "percent", "passed"]
    assert "c1 points" in rows[0] and "c1 answer" in rows[0]
    assert rows[1][:2] == ["美日同盟", "陳大文"] and rows[1][2] == "2025-11-01T09:30:00+00:00"
    assert rows[2][4] == "0"
    assert "'=HYPERLINK()" in rows[1]  # never run as a spreadsheet formula
    path = tmp_path / "results.csv"
    write_results_csv([a, b], path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_results_csv_columns_are_the_sets_questions_whatever_order_each_learner_saw() -> None:
    import dataclasses

    when = datetime(2025, 11, 1, 9, 30, tzinfo=UTC)
    a, _ = score_quiz(QUIZ, {"c1": 2}, who="陳大文", started=when, finished=when)
    b, _ = score_quiz(QUIZ, {"c1": 0}, who="李小明", started=when, finished=when)
    a = dataclasses.replace(a, answers=a.answers[::-1])  # shuffled, as the app records an attempt
    order = [q.id for q in QUIZ.questions]

    def columns(text: str) -> list[str]:
        return [c[: -len(" points")] for c in next(csv.reader(io.StringIO(text))) if c.endswith(" points")]

    assert columns(results_csv([a, b], order)) == order
    by_id = columns(results_csv([a, b]))  # the set unknown: the ids in order, numbers by value
    assert sorted(by_id) == sorted(order) and by_id == columns(results_csv([b, a]))


def scripted(lines: list[str]) -> tuple[list[str], object]:
    output: list[str] = []
    feed: Iterator[str] = iter(lines)

    def fake_input(prompt: str) -> str:
        output.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return output, fake_input


def answers_for(presented_seed: int) -> list[str]:
    """Type the right answer to each question in the order the terminal will show them."""
    lines: list[str] = []
    for p in present_quiz(QUIZ, presented_seed):
        q = p.question
        if q.type == "choice":
            lines.append("ABCD"[p.option_index.index(q.answer)])  # type: ignore[arg-type]
        elif q.type == "truefalse":
            lines.append("t" if q.answer else "f")
        elif q.type in ("cloze", "short"):
            lines.append(q.accepted[0])
        elif q.type == "order":
            lines.append(" ".join(str(p.options.index(item) + 1) for item in q.items))
        else:
            lines.append("".join("ABCDEFG"[p.options.index(right)] for _left, right in q.pairs))
    return lines


def test_terminal_quiz_all_right() -> None:
    output: list[str] = []
    _prompts, fake_input = scripted(answers_for(11))
    result = run_terminal_quiz(QUIZ, fake_input, output.append, seed=11, who="tester")  # type: ignore[arg-type]
    assert result.score == result.max_score == 10.0
    assert result.passed and result.who == "tester"
    assert output[0] == "美日同盟"
    assert output[-1].startswith("Score: 10 / 10 (100%) — passed")


def test_terminal_quiz_reasks_invalid_input_skips_empty_and_stops_on_q() -> None:
    output: list[str] = []
    first = present_quiz(QUIZ, 2)[0].question
    bad = {"choice": "Z", "truefalse": "maybe", "order": "1 1 1 1", "match": "AAAAAA"}.get(first.type)
    lines = ([bad] if bad else []) + ["", "q"]
    _prompts, fake_input = scripted(lines)
    result = run_terminal_quiz(QUIZ, fake_input, output.append, seed=2)  # type: ignore[arg-type]
    assert result.score == 0.0
    assert "Stopped." in output
    assert all(a.response == "" for a in result.answers)


def test_terminal_quiz_ends_cleanly_when_input_ends() -> None:
    output: list[str] = []
    _prompts, fake_input = scripted([])
    result = run_terminal_quiz(QUIZ, fake_input, output.append, seed=0)  # type: ignore[arg-type]
    assert result.score == 0.0 and output[-1].startswith("Score: 0 / 10")


def test_terminal_quiz_stops_asking_when_time_is_up() -> None:
    timed = QuizSet("t", QUIZ.questions, settings=QuizSettings(time_limit_minutes=1))
    start = datetime(2025, 1, 1, tzinfo=UTC)
    ticks = iter(
        [
            start,
            start,
            start + timedelta(seconds=30),
            start + timedelta(minutes=2),
            start + timedelta(minutes=2),
        ]
    )
    output: list[str] = []
    _prompts, fake_input = scripted(answers_for(0))
    result = run_terminal_quiz(timed, fake_input, output.append, seed=0, clock=lambda: next(ticks))  # type: ignore[arg-type]
    assert "Time is up." in output
    assert sum(1 for a in result.answers if a.response) == 2  # asked at 0 s and 30 s, not at 2 min


def test_docstring_examples() -> None:
    import doctest

    import dushu.core.quiz.answers as answers_module

    assert doctest.testmod(answers_module).failed == 0


# --- odd but valid quiz sets (issue 13, point 6) ----------------------------------------------------------


@pytest.mark.parametrize("minutes", [10**6 * 60 * 24 * 366, 10**12, 2**63])
def test_a_time_limit_beyond_the_calendar_is_no_limit(minutes: int) -> None:
    huge = QuizSet("t", QUIZ.questions, settings=QuizSettings(time_limit_minutes=minutes))
    output: list[str] = []
    _prompts, fake_input = scripted(answers_for(3))
    result = run_terminal_quiz(huge, fake_input, output.append, seed=3)  # type: ignore[arg-type]
    assert "Time is up." not in output
    assert result.score == result.max_score
    assert f"{minutes} minutes" in output[1]


def _many(n: int) -> QuizSet:
    choices = tuple(f"選項{i}" for i in range(n))
    pairs = tuple((f"左{i}", f"右{i}") for i in range(n))
    return QuizSet(
        "多",
        (Question("c", "choice", "哪一個？", n - 1, choices), Question("m", "match", "配對", pairs=pairs)),
        settings=QuizSettings(shuffle_questions=False, shuffle_choices=False),
    )


def test_more_than_26_choices_and_pairs_are_numbered_and_answerable() -> None:
    qs = _many(30)
    presented = present_quiz(qs, 5)
    match = presented[1]
    right_numbers = " ".join(str(match.options.index(f"右{i}") + 1) for i in range(30))
    output: list[str] = []
    # A letter is not a label any more; the number is.
    _prompts, fake_input = scripted(["A", "30", "ABC", right_numbers])
    result = run_terminal_quiz(qs, fake_input, output.append, seed=5)  # type: ignore[arg-type]
    assert "  30. 選項29" in output and "     30. " + match.options[29] in output
    assert "Type a number from 1 to 30." in output
    assert "Type 30 numbers, one for each numbered item." in output
    assert [a.correct for a in result.answers] == [True, True]


def test_26_choices_still_take_letters() -> None:
    qs = _many(26)
    output: list[str] = []
    _prompts, fake_input = scripted(["Z", "q"])
    result = run_terminal_quiz(qs, fake_input, output.append, seed=1)  # type: ignore[arg-type]
    assert "  Z. 選項25" in output
    assert result.answers[0].correct
