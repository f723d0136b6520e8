"""One attempt at a quiz set: the questions as presented, the learner's responses, the clock, the result.

A front end (the app's quiz tab) keeps a `QuizSession` while a learner answers. Checking and
scoring are `answers.check_answer` and `engine.score_quiz`; this module only holds the state
between them: which question is shown, what was answered, whether feedback is shown after each
question or all at the end, and when the time runs out. The clock is always passed in, so the
time limit can be tested without waiting.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from dushu.core.quiz.answers import Feedback, Response, check_answer
from dushu.core.quiz.engine import AnswerRecord, PresentedQuestion, QuizResult, present_quiz, score_quiz
from dushu.core.quiz.model import Question, QuizSet

__all__ = [
    "QuizSession",
    "SessionResult",
    "answers_from_json",
    "answers_to_json",
    "file_set_key",
    "generated_set_key",
]


def file_set_key(qs: QuizSet) -> str:
    """The identity of a set a teacher wrote: a digest of its questions and settings.

    The same set opened from a copy, an e-mail attachment or another folder keeps one history;
    a set whose questions were edited is a new set (its scores are not comparable with the old).
    The title is left out so that renaming a set keeps its history.
    """
    # Spelled out field by field (not repr): a field added to Question later must not move every key.
    questions = [
        [q.id, q.type, q.prompt, _plain(q.answer), list(q.choices), list(q.items), [list(p) for p in q.pairs],
         float(q.points)]
        for q in qs.questions
    ]
    s = qs.settings
    settings = [s.shuffle_questions, s.shuffle_choices, s.time_limit_minutes, float(s.pass_mark), s.feedback]
    canonical = json.dumps([questions, settings], ensure_ascii=False, separators=(",", ":"))
    return f"file:{hashlib.sha256(canonical.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}"


def _plain(answer: object) -> object:
    return list(answer) if isinstance(answer, tuple) else answer


def generated_set_key(text: str, n: int, types: Collection[str], seed: int) -> str:
    """The identity of a set generated from a document: the document's text and the generator's
    settings (the same document, count, types and seed always give the same questions)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return f"generated:{digest}:{n}:{','.join(sorted(types))}:{seed}"


@dataclass(frozen=True, slots=True)
class SessionResult:
    """A finished attempt: the results record, the feedback for each presented question (in the
    order shown) and whether the clock ended it."""

    result: QuizResult
    presented: tuple[PresentedQuestion, ...]
    feedback: tuple[Feedback, ...]
    responses: tuple[Response, ...]
    timed_out: bool
    set_key: str
    retry: bool

    @property
    def seconds(self) -> float:
        """How long the attempt took."""
        return max(0.0, (self.result.finished - self.result.started).total_seconds())

    @property
    def wrong(self) -> tuple[Question, ...]:
        """The questions not fully right (unanswered ones included), in the order they were shown."""
        pairs = zip(self.presented, self.feedback, strict=True)
        return tuple(p.question for p, fb in pairs if not fb.correct)


class QuizSession:
    """The state of one attempt; every method that depends on the time takes `now`."""

    def __init__(
        self,
        qs: QuizSet,
        started: datetime,
        *,
        set_key: str = "",
        who: str = "",
        seed: int | None = None,
        retry: bool = False,
        whole: QuizSet | None = None,
    ) -> None:
        """Start an attempt at `started`: the questions are presented (shuffled as the set says) now.

        `whole` is the full set when `qs` is only the part asked again (a retry).
        """
        self.quiz = qs
        self.whole = whole or qs
        self.set_key = set_key or file_set_key(qs)
        self.who = who
        self.started = started
        self.retry = retry
        self.presented = present_quiz(qs, seed)
        self.current = 0
        self._responses: dict[int, Response] = {}
        self._checked: dict[int, Feedback] = {}
        self._finished: SessionResult | None = None
        limit = qs.settings.time_limit_minutes
        self.deadline: datetime | None = None
        if limit:
            try:
                self.deadline = started + timedelta(minutes=limit)
            except OverflowError:  # a limit longer than the calendar: no limit
                self.deadline = None

    # -- what is shown ----------------------------------------------------------------------------

    @property
    def feedback_now(self) -> bool:
        """True when each answer is marked as soon as it is given ("immediate"), False for "end"."""
        return self.quiz.settings.feedback != "end"

    @property
    def count(self) -> int:
        """How many questions the attempt has."""
        return len(self.presented)

    def question(self, index: int) -> PresentedQuestion:
        """The presented question at `index` (0-based, in the order shown)."""
        return self.presented[index]

    def response(self, index: int) -> Response:
        """What the learner gave for question `index` (None when not answered yet)."""
        return self._responses.get(index)

    def answered(self, index: int) -> bool:
        """True once an answer (not a blank) was given for question `index`."""
        return _given(self._responses.get(index))

    def answered_count(self) -> int:
        """How many questions have an answer."""
        return sum(1 for i in range(self.count) if self.answered(i))

    def locked(self, index: int) -> bool:
        """True when question `index` can no longer be changed: it was marked (immediate feedback)
        or the attempt is over."""
        return self._finished is not None or index in self._checked

    def feedback(self, index: int) -> Feedback | None:
        """The marking of question `index` if the learner may see it now, else None."""
        if self._finished is not None:
            return self._finished.feedback[index]
        return self._checked.get(index)

    # -- the clock --------------------------------------------------------------------------------

    def time_left(self, now: datetime) -> timedelta | None:
        """Time until the limit (never negative), or None without a limit."""
        if self.deadline is None:
            return None
        return max(self.deadline - now, timedelta(0))

    def expired(self, now: datetime) -> bool:
        """True when the set has a time limit and it has run out."""
        return self.deadline is not None and now >= self.deadline

    # -- answering --------------------------------------------------------------------------------

    def answer(self, index: int, response: Response, now: datetime) -> Feedback | None:
        """Record the response to question `index`.

        With immediate feedback the question is marked and locked, and its Feedback returned (a blank
        answer is marked too: the learner then sees the right one). With feedback at the end the
        response is kept (and may be changed) and None is returned. Raises ValueError when the
        question is locked or the time has run out (the caller must then finish the attempt).
        """
        if self.locked(index):
            raise ValueError(f"question {index + 1} can no longer be answered")
        if self.expired(now):
            raise ValueError("the time has run out")
        self._responses[index] = response
        if not self.feedback_now:
            return None
        fb = check_answer(self.presented[index].question, response)
        self._checked[index] = fb
        return fb

    def go_to(self, index: int) -> None:
        """Show question `index` (clamped to the questions there are)."""
        self.current = max(0, min(index, self.count - 1))

    # -- the end ----------------------------------------------------------------------------------

    @property
    def finished(self) -> SessionResult | None:
        """The result once the attempt is over, else None."""
        return self._finished

    def finish(self, now: datetime) -> SessionResult:
        """End the attempt (the learner's choice, or the clock's when `now` is past the deadline).

        Unanswered questions count as wrong. Finishing twice returns the same result.
        """
        if self._finished is not None:
            return self._finished
        timed_out = self.expired(now)
        finished = self.deadline if timed_out and self.deadline is not None else now
        by_id = {p.question.id: self._responses.get(i) for i, p in enumerate(self.presented)}
        result, _ = score_quiz(self.quiz, by_id, who=self.who, started=self.started, finished=finished)
        # score_quiz lists the set's questions in file order; keep the order the learner saw.
        records = {a.question_id: a for a in result.answers}
        result = replace(result, answers=tuple(records[p.question.id] for p in self.presented))
        feedback = tuple(
            check_answer(p.question, self._responses.get(i)) for i, p in enumerate(self.presented)
        )
        self._finished = SessionResult(
            result=result,
            presented=self.presented,
            feedback=feedback,
            responses=tuple(self._responses.get(i) for i in range(self.count)),
            timed_out=timed_out,
            set_key=self.set_key,
            retry=self.retry,
        )
        return self._finished

    def retry_wrong(self, started: datetime, seed: int | None = None) -> QuizSession | None:
        """A new attempt over the questions this one got wrong (None when all were right).

        It keeps the set's settings; a time limit shrinks with the share of questions asked again
        (rounded up to whole minutes). It counts as a retry of the same set (same set key).
        """
        done = self.finish(started) if self._finished is None else self._finished
        wrong = done.wrong
        if not wrong:
            return None
        settings = self.quiz.settings
        limit = settings.time_limit_minutes
        if limit:
            limit = max(1, math.ceil(limit * len(wrong) / max(1, len(self.quiz.questions))))
        subset = replace(self.quiz, questions=wrong, settings=replace(settings, time_limit_minutes=limit))
        return QuizSession(
            subset, started, set_key=self.set_key, who=self.who, seed=seed, retry=True, whole=self.whole
        )

    def again(self, started: datetime, seed: int | None = None) -> QuizSession:
        """A fresh attempt at the whole set (shuffled anew), also after a retry of part of it."""
        return QuizSession(self.whole, started, set_key=self.set_key, who=self.who, seed=seed)


def _given(response: Response) -> bool:
    if response is None:
        return False
    if isinstance(response, str):
        return bool(response.strip())
    if isinstance(response, Sequence | Mapping) and not isinstance(response, str):
        return bool(response)
    return True


def answers_to_json(done: SessionResult) -> list[dict[str, Any]]:
    """Each answer of a finished attempt as JSON-ready data, with the question's prompt and right
    answer, so the record still reads right after the set's file changed or went away."""
    rows: list[dict[str, Any]] = []
    for p, record, fb in zip(done.presented, done.result.answers, done.feedback, strict=True):
        rows.append(
            {
                "id": record.question_id,
                "type": p.question.type,
                "prompt": p.question.prompt,
                "response": record.response,
                "expected": fb.expected,
                "correct": record.correct,
                "points": record.points,
                "max_points": record.max_points,
            }
        )
    return rows


def answers_from_json(rows: object) -> tuple[AnswerRecord, ...]:
    """The answer records of a stored attempt (what `answers_to_json` wrote); bad rows are skipped."""
    records: list[AnswerRecord] = []
    if not isinstance(rows, list):
        return ()
    for row in rows:
        if not isinstance(row, dict):
            continue
        try:
            records.append(
                AnswerRecord(
                    str(row["id"]),
                    str(row.get("response", "")),
                    bool(row.get("correct", False)),
                    float(row.get("points", 0.0)),
                    float(row.get("max_points", 0.0)),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(records)
