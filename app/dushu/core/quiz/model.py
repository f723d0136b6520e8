"""The quiz data model: questions of every type, quiz settings and the quiz set that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "FEEDBACK_MODES",
    "FORMAT",
    "QUESTION_TYPES",
    "VERSION",
    "Question",
    "QuizSet",
    "QuizSettings",
]

FORMAT = "dushu-quiz"
VERSION = 1
# choice: pick one of `choices` (answer = index, from 0); truefalse: answer is a bool; cloze: the prompt
# has a ____ blank, answer lists the accepted fillings; short: a typed answer, answer lists accepted
# strings; order: `items` in the right order; match: `pairs` of [left, right].
QUESTION_TYPES = ("choice", "truefalse", "cloze", "short", "order", "match")
# When a learner sees whether an answer was right: after each question, or all together at the end.
FEEDBACK_MODES = ("immediate", "end")

Answer = int | bool | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Question:
    """One question. Which of `answer`, `choices`, `items`, `pairs` are used depends on `type`."""

    id: str
    type: str
    prompt: str
    answer: Answer = None
    choices: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    points: int | float = 1
    tags: tuple[str, ...] = ()
    source: str = ""
    explanation: str = ""

    @property
    def accepted(self) -> tuple[str, ...]:
        """The accepted answers of a cloze or short question (empty for other types)."""
        return self.answer if isinstance(self.answer, tuple) else ()

    def expected_text(self) -> str:
        """The right answer as a person would write it down."""
        if self.type == "choice" and isinstance(self.answer, int) and not isinstance(self.answer, bool):
            return self.choices[self.answer]
        if self.type == "truefalse":
            return "對 (true)" if self.answer else "錯 (false)"
        if self.type in ("cloze", "short"):
            return self.accepted[0] if self.accepted else ""
        if self.type == "order":
            return " → ".join(self.items)
        if self.type == "match":
            return "; ".join(f"{a} = {b}" for a, b in self.pairs)
        return ""


@dataclass(frozen=True, slots=True)
class QuizSettings:
    """How a quiz is run. `time_limit_minutes = 0` means no limit; `pass_mark` is a percentage;
    `feedback` is one of FEEDBACK_MODES."""

    shuffle_questions: bool = True
    shuffle_choices: bool = True
    time_limit_minutes: int = 0
    pass_mark: int | float = 60
    feedback: str = "immediate"


@dataclass(frozen=True, slots=True)
class QuizSet:
    """A quiz a teacher can check, edit, share and load into an LMS."""

    title: str
    questions: tuple[Question, ...]
    language: str = "zh-Hant"
    source: str = ""
    author: str = ""
    settings: QuizSettings = field(default_factory=QuizSettings)

    @property
    def total_points(self) -> float:
        """The score of a perfect attempt."""
        return float(sum(q.points for q in self.questions))
