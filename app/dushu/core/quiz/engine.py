"""Running a quiz: presenting it shuffled, scoring, results records and CSV, and the terminal runner."""

from __future__ import annotations

import csv
import io
import os
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from dushu.atomicfile import write_text_atomically
from dushu.core.quiz.answers import Feedback, Response, check_answer
from dushu.core.quiz.model import Question, QuizSet
from dushu.errors import ExportError

__all__ = [
    "AnswerRecord",
    "PresentedQuestion",
    "QuizResult",
    "present_quiz",
    "response_text",
    "results_csv",
    "run_terminal_quiz",
    "score_quiz",
    "write_results_csv",
]

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class PresentedQuestion:
    """A question as shown: its number, and the options in the order the learner sees them.

    `options` are the choices (choice), the items (order) or the right-hand sides (match), shuffled
    as the settings say (order and match are always shuffled: shown in order they give the answer away).
    `option_index[i]` is the position of `options[i]` in the question's own list.
    """

    number: int
    question: Question
    options: tuple[str, ...] = ()
    option_index: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answered (or skipped) question in a results record."""

    question_id: str
    response: str
    correct: bool
    points: float
    max_points: float


@dataclass(frozen=True, slots=True)
class QuizResult:
    """A results record: which set, who, when, each answer and the score."""

    quiz_title: str
    who: str
    started: datetime
    finished: datetime
    answers: tuple[AnswerRecord, ...]
    score: float
    max_score: float
    pass_mark: float
    quiz_source: str = ""

    @property
    def percent(self) -> float:
        """The score as a percentage of the maximum (0 for an empty quiz)."""
        return round(100.0 * self.score / self.max_score, 1) if self.max_score else 0.0

    @property
    def passed(self) -> bool:
        """True when the percentage reaches the quiz set's pass mark."""
        return self.percent >= self.pass_mark


def _shuffled(n: int, rng: random.Random, *, avoid_identity: bool) -> list[int]:
    order = list(range(n))
    rng.shuffle(order)
    if avoid_identity and n > 1 and order == list(range(n)):
        order = order[1:] + order[:1]
    return order


def present_quiz(qs: QuizSet, seed: int | None = None) -> tuple[PresentedQuestion, ...]:
    """The questions in the order and with the options a learner sees; the same seed, the same quiz."""
    rng = random.Random(seed)
    questions = list(qs.questions)
    if qs.settings.shuffle_questions:
        rng.shuffle(questions)
    presented: list[PresentedQuestion] = []
    for number, q in enumerate(questions, start=1):
        if q.type == "choice":
            order = (
                _shuffled(len(q.choices), rng, avoid_identity=False)
                if qs.settings.shuffle_choices
                else list(range(len(q.choices)))
            )
            presented.append(PresentedQuestion(number, q, tuple(q.choices[i] for i in order), tuple(order)))
        elif q.type == "order":
            order = _shuffled(len(q.items), rng, avoid_identity=True)
            presented.append(PresentedQuestion(number, q, tuple(q.items[i] for i in order), tuple(order)))
        elif q.type == "match":
            rights = [b for _a, b in q.pairs]
            order = _shuffled(len(rights), rng, avoid_identity=True)
            presented.append(PresentedQuestion(number, q, tuple(rights[i] for i in order), tuple(order)))
        else:
            presented.append(PresentedQuestion(number, q))
    return tuple(presented)


def response_text(question: Question, response: Response) -> str:
    """A response written out for a results record or CSV."""
    if response is None:
        return ""
    if question.type == "choice" and isinstance(response, int) and not isinstance(response, bool):
        return question.choices[response] if 0 <= response < len(question.choices) else str(response)
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, str):
        return response
    if isinstance(response, int):
        return str(response)
    if isinstance(response, Mapping):
        return "; ".join(f"{k} = {v}" for k, v in response.items())
    if question.type == "match":
        return "; ".join(f"{p[0]} = {p[1]}" for p in response if isinstance(p, Sequence) and len(p) == 2)
    return " → ".join(str(x) for x in response)


def score_quiz(
    qs: QuizSet,
    responses: Mapping[str, Response],
    *,
    who: str = "",
    started: datetime | None = None,
    finished: datetime | None = None,
) -> tuple[QuizResult, tuple[Feedback, ...]]:
    """Mark every question of the set (missing responses count as unanswered) and build the record."""
    now = datetime.now().astimezone()
    feedback: list[Feedback] = []
    records: list[AnswerRecord] = []
    for q in qs.questions:
        response = responses.get(q.id)
        fb = check_answer(q, response)
        feedback.append(fb)
        records.append(AnswerRecord(q.id, response_text(q, response), fb.correct, fb.points, fb.max_points))
    score = round(sum(r.points for r in records), 4)
    result = QuizResult(
        quiz_title=qs.title,
        who=who,
        started=started or now,
        finished=finished or now,
        answers=tuple(records),
        score=score,
        max_score=qs.total_points,
        pass_mark=float(qs.settings.pass_mark),
        quiz_source=qs.source,
    )
    return result, tuple(feedback)


def results_csv(results: Sequence[QuizResult], question_order: Sequence[str] = ()) -> str:
    """Results for the teacher as CSV: one row per attempt, then points and answer for each question.

    One column is one question for every learner, whatever order each attempt was shuffled into:
    the columns follow `question_order` (the set's order of ids), and ids it does not list come
    after, by id (q2 before q10)."""
    seen = {a.question_id for r in results for a in r.answers}
    listed = [qid for qid in dict.fromkeys(question_order) if qid in seen]
    question_ids = listed + sorted(seen - set(listed), key=_natural_key)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["quiz", "who", "started", "finished", "score", "max_score", "percent", "passed"]
    for qid in question_ids:
        header += [f"{qid} points", f"{qid} answer"]
    writer.writerow(header)
    for r in results:
        by_id = {a.question_id: a for a in r.answers}
        row = [
            r.quiz_title,
            r.who,
            r.started.isoformat(timespec="seconds"),
            r.finished.isoformat(timespec="seconds"),
            _num(r.score),
            _num(r.max_score),
            _num(r.percent),
            "yes" if r.passed else "no",
        ]
        for qid in question_ids:
            record = by_id.get(qid)
            row += [_num(record.points), _csv_safe(record.response)] if record else ["", ""]
        writer.writerow([_csv_safe(c) for c in row[:2]] + row[2:])
    return out.getvalue()


def _natural_key(text: str) -> list[tuple[int, int | str]]:
    """Sort key that orders the numbers inside ids by value (q2 before q10)."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part]


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _csv_safe(cell: str) -> str:
    """Keep a spreadsheet from running a learner's answer as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def write_results_csv(
    results: Sequence[QuizResult], path: str | os.PathLike[str], question_order: Sequence[str] = ()
) -> None:
    """Write results as CSV (UTF-8 with a BOM so spreadsheets read the Chinese), atomically."""
    write_text_atomically(path, results_csv(results, question_order), ExportError, encoding="utf-8-sig")


# ------------------------------------------------------------------------------------ terminal runner

InputFn = Callable[[str], str]
OutputFn = Callable[[str], None]


class _Stop(Exception):
    """The learner typed q (or input ended): stop asking."""


def run_terminal_quiz(
    qs: QuizSet,
    input_fn: InputFn = input,
    output_fn: OutputFn = print,
    seed: int | None = None,
    *,
    who: str = "",
    clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
) -> QuizResult:
    """Take a quiz in a terminal: each question, feedback after it, and the score at the end.

    Input and output are injected (`input_fn(prompt) -> str`, `output_fn(line)`), so tests and other
    front ends can drive it. An empty answer skips a question; "q" (or the end of input) stops the
    quiz and marks the rest unanswered. With a time limit, questions after it has run out are not asked.
    """
    presented = present_quiz(qs, seed)
    started = clock()
    limit = qs.settings.time_limit_minutes
    deadline = _deadline(started, limit)
    total = len(presented)
    output_fn(f"{qs.title}")
    info = f"{total} questions, {_num(qs.total_points)} points"
    if limit:
        info += f", {limit} minutes"
    output_fn(info + ". Press Enter to skip a question, q to stop.")
    responses: dict[str, Response] = {}
    try:
        for p in presented:
            if deadline is not None and clock() >= deadline:
                output_fn("Time is up.")
                break
            output_fn("")
            output_fn(
                f"Question {p.number}/{total} ({_num(float(p.question.points))} point"
                f"{'' if p.question.points == 1 else 's'})"
            )
            response = _ask(p, input_fn, output_fn)
            responses[p.question.id] = response
            fb = check_answer(p.question, response)
            output_fn(("✓ " if fb.correct else "✗ ") + fb.message)
            if fb.explanation:
                output_fn(f"  {fb.explanation}")
    except _Stop:
        output_fn("Stopped.")
    result, _ = score_quiz(qs, responses, who=who, started=started, finished=clock())
    output_fn("")
    output_fn(
        f"Score: {_num(result.score)} / {_num(result.max_score)} ({_num(result.percent)}%) — "
        f"{'passed' if result.passed else 'not passed'} (pass mark {_num(result.pass_mark)}%)"
    )
    return result


def _deadline(started: datetime, minutes: int) -> datetime | None:
    """When the time runs out; None without a limit, or with one that ends after the calendar does
    (a limit of 10**12 minutes is valid in a quiz set, but no datetime is that far away)."""
    if not minutes:
        return None
    try:
        return started + timedelta(minutes=minutes)
    except OverflowError:
        return None


def _labels(n: int) -> tuple[str, ...]:
    """How `n` options are labelled: A, B, C … while the alphabet lasts, else 1, 2, 3 …"""
    return tuple(_LETTERS[:n]) if n <= len(_LETTERS) else tuple(str(i) for i in range(1, n + 1))


def _read(input_fn: InputFn, prompt: str) -> str:
    try:
        line = input_fn(prompt)
    except EOFError:
        raise _Stop() from None
    if line.strip().lower() in ("q", "quit", ":q"):
        raise _Stop()
    return line.strip()


def _ask(p: PresentedQuestion, input_fn: InputFn, output_fn: OutputFn) -> Response:
    q = p.question
    output_fn(q.prompt)
    if q.type == "choice":
        labels = _labels(len(p.options))
        for label, option in zip(labels, p.options, strict=True):
            output_fn(f"  {label}. {option}")
        lettered = labels[0] == "A"
        while True:
            line = _read(input_fn, "Your answer (letter): " if lettered else "Your answer (number): ")
            if not line:
                return None
            index = _letter_index(line, len(p.options))
            if index is not None:
                return p.option_index[index]
            output_fn(f"Type a {'letter' if lettered else 'number'} from {labels[0]} to {labels[-1]}.")
    if q.type == "truefalse":
        while True:
            line = _read(input_fn, "True or false? (t/f): ")
            if not line:
                return None
            word = line.casefold()
            if word in ("t", "true", "y", "yes", "對", "对", "是", "1"):
                return True
            if word in ("f", "false", "n", "no", "錯", "错", "否", "0"):
                return False
            output_fn("Type t for true or f for false.")
    if q.type in ("cloze", "short"):
        line = _read(input_fn, "Your answer: ")
        return line or None
    if q.type == "order":
        for i, option in enumerate(p.options, start=1):
            output_fn(f"  {i}. {option}")
        while True:
            line = _read(input_fn, "Earliest to latest (numbers, e.g. 3 1 2): ")
            if not line:
                return None
            numbers = _numbers(line, len(p.options))
            if numbers is not None:
                return [p.options[n - 1] for n in numbers]
            output_fn(f"Type each number from 1 to {len(p.options)} once.")
    if q.type == "match":
        lefts = [a for a, _b in q.pairs]
        for i, left in enumerate(lefts, start=1):
            output_fn(f"  {i}. {left}")
        labels = _labels(len(p.options))
        for label, option in zip(labels, p.options, strict=True):
            output_fn(f"     {label}. {option}")
        lettered = labels[0] == "A"
        while True:
            line = _read(
                input_fn,
                "Letters for 1, 2, 3 … in turn (e.g. BAC): "
                if lettered
                else "Numbers of the answers for 1, 2, 3 … in turn (e.g. 2 1 3): ",
            )
            if not line:
                return None
            # More options than letters: the answers are numbers, separated by anything.
            picks = [c for c in line.upper() if c.isalpha()] if lettered else re.findall(r"\d+", line)
            if len(picks) == len(lefts) and all(c in labels for c in picks):
                return {left: p.options[labels.index(c)] for left, c in zip(lefts, picks, strict=True)}
            unit = "letters" if lettered else "numbers"
            output_fn(f"Type {len(lefts)} {unit}, one for each numbered item.")
    return None


def _letter_index(line: str, n: int) -> int | None:
    token = line.strip().upper()
    if n <= len(_LETTERS) and len(token) == 1 and token in _LETTERS[:n]:
        return _LETTERS.index(token)
    if token.isdigit() and 1 <= int(token) <= n:
        return int(token) - 1
    return None


def _numbers(line: str, n: int) -> list[int] | None:
    parts = re.findall(r"\d+", line)
    if len(parts) == 1 and len(parts[0]) == n and n < 10:
        parts = list(parts[0])  # "312"
    numbers = [int(x) for x in parts]
    if sorted(numbers) != list(range(1, n + 1)):
        return None
    return numbers
