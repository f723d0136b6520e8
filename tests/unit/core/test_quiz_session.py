"""One attempt at a quiz: answering, feedback now or at the end, the time limit, retrying the wrong ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from dushu.core.quiz import Question, QuizSet, QuizSettings
from dushu.core.quiz.session import (
    QuizSession,
    answers_from_json,
    answers_to_json,
    file_set_key,
    generated_set_key,
)

START = datetime(2031, 4, 2, 9, 0, tzinfo=UTC)

CHOICE = Question("c1", "choice", "青石鎮的新橋在哪一年通車？", 1, ("2019年", "2022年", "2025年"))
TF = Question("t1", "truefalse", "新橋由鎮政府出資興建。", False)
CLOZE = Question("z1", "cloze", "新橋全長____公尺。", ("三百", "300"))
ORDER = Question("o1", "order", "按先後排列：", items=("動工", "合龍", "通車"), points=2)
MATCH = Question("m1", "match", "配對：", pairs=(("東岸", "碼頭"), ("西岸", "市場")), points=2)


def quiz(feedback: str = "immediate", minutes: int = 0) -> QuizSet:
    settings = QuizSettings(
        shuffle_questions=False, shuffle_choices=False, time_limit_minutes=minutes, pass_mark=60,
        feedback=feedback,
    )
    return QuizSet("青石鎮新橋", (CHOICE, TF, CLOZE, ORDER, MATCH), settings=settings)


def index_of(session: QuizSession, qid: str) -> int:
    return next(i for i, p in enumerate(session.presented) if p.question.id == qid)


def test_immediate_feedback_marks_each_answer_and_locks_it() -> None:
    session = QuizSession(quiz(), START, who="小明")
    fb = session.answer(index_of(session, "c1"), 1, START)
    assert fb is not None and fb.correct
    assert session.locked(index_of(session, "c1"))
    with pytest.raises(ValueError):
        session.answer(index_of(session, "c1"), 0, START)
    wrong = session.answer(index_of(session, "z1"), "四百", START)
    assert wrong is not None and not wrong.correct and wrong.expected == "三百"


def test_feedback_at_the_end_keeps_answers_open_until_finished() -> None:
    session = QuizSession(quiz("end"), START)
    i = index_of(session, "t1")
    assert session.answer(i, True, START) is None
    assert session.feedback(i) is None and not session.locked(i)
    session.answer(i, False, START)  # changed her mind
    done = session.finish(START + timedelta(minutes=3))
    assert session.feedback(i) is not None and session.feedback(i).correct  # type: ignore[union-attr]
    assert done.seconds == 180
    assert done.result.score == 1 and done.result.max_score == 7
    assert not done.result.passed
    with pytest.raises(ValueError):
        session.answer(i, True, START)


def test_variant_answers_and_partial_credit_count_as_the_checker_says() -> None:
    session = QuizSession(quiz(), START)
    session.answer(index_of(session, "z1"), "３００", START)  # full-width digits
    order = session.question(index_of(session, "o1"))
    session.answer(index_of(session, "o1"), ["動工", "通車", "合龍"], START)
    assert set(order.options) == {"動工", "合龍", "通車"}
    done = session.finish(START)
    by_id = {a.question_id: a for a in done.result.answers}
    assert by_id["z1"].correct
    assert 0 < by_id["o1"].points < 2  # one of three in place


def test_the_clock_ends_the_set_and_unanswered_questions_count_wrong() -> None:
    session = QuizSession(quiz(minutes=10), START)
    assert session.time_left(START + timedelta(minutes=4)) == timedelta(minutes=6)
    session.answer(index_of(session, "c1"), 1, START + timedelta(minutes=1))
    late = START + timedelta(minutes=10, seconds=5)
    assert session.expired(late)
    with pytest.raises(ValueError):
        session.answer(index_of(session, "t1"), False, late)
    done = session.finish(late)
    assert done.timed_out
    assert done.seconds == 600  # the attempt ended when the time did
    assert done.result.score == 1
    assert [q.id for q in done.wrong] == ["t1", "z1", "o1", "m1"]


def test_no_limit_means_no_deadline_and_a_huge_limit_does_not_overflow() -> None:
    assert QuizSession(quiz(), START).time_left(START) is None
    assert QuizSession(quiz(minutes=10**12), START).deadline is None


def test_retry_asks_only_the_wrong_ones_with_a_shorter_limit() -> None:
    session = QuizSession(quiz(minutes=10), START, who="小明")
    session.answer(index_of(session, "c1"), 1, START)
    session.answer(index_of(session, "t1"), False, START)
    session.answer(index_of(session, "z1"), "300", START)
    session.finish(START + timedelta(minutes=2))
    again = session.retry_wrong(START + timedelta(minutes=3))
    assert again is not None and again.retry and again.who == "小明"
    assert {p.question.id for p in again.presented} == {"o1", "m1"}
    assert again.set_key == session.set_key
    assert again.quiz.settings.time_limit_minutes == 4  # 10 minutes * 2/5
    match = again.question(index_of(again, "m1"))
    again.answer(index_of(again, "m1"), dict(zip(["東岸", "西岸"], ["碼頭", "市場"], strict=True)), START)
    assert set(match.options) == {"碼頭", "市場"}
    again.answer(index_of(again, "o1"), ["動工", "合龍", "通車"], START)
    assert again.retry_wrong(START) is None  # all right now
    assert again.again(START).count == 5  # taking it again is the whole set


def test_take_again_is_the_whole_set() -> None:
    session = QuizSession(quiz(), START)
    session.finish(START)
    fresh = session.again(START)
    assert fresh.count == 5 and fresh.answered_count() == 0 and not fresh.retry


def test_stored_answers_read_back() -> None:
    session = QuizSession(quiz(), START)
    session.answer(0, 1, START)
    done = session.finish(START)
    rows = answers_to_json(done)
    assert rows[0]["prompt"] == CHOICE.prompt and rows[0]["response"] == "2022年"
    records = answers_from_json([*rows, "junk", {"no": "id"}])
    assert records == done.result.answers


def test_set_keys_follow_content_not_title() -> None:
    base = quiz()
    assert file_set_key(base) == file_set_key(replace(base, title="另一個標題"))
    edited = replace(base, questions=(replace(CHOICE, prompt="改過的題目"), *base.questions[1:]))
    assert file_set_key(edited) != file_set_key(base)
    key = generated_set_key("一段課文。", 10, ["choice", "cloze"], 0)
    assert key == generated_set_key("一段課文。", 10, ["cloze", "choice"], 0)
    assert key != generated_set_key("另一段課文。", 10, ["choice", "cloze"], 0)
