"""Answer checking: typed answers compared the forgiving way, and a score with feedback per question."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dushu.core.facts.dates import parse_date_answer
from dushu.core.quiz.model import Question
from dushu.core.script import to_simplified
from dushu.core.tones import letter_and_tone, to_numbers

__all__ = [
    "Feedback",
    "Response",
    "answers_match",
    "check_answer",
    "normalise_answer",
    "pinyin_key",
    "typed_forms",
]

# What a learner gives: a choice index, true/false, typed text, items in order, or left -> right matches.
Response = int | bool | str | Sequence[str] | Mapping[str, str] | None


@dataclass(frozen=True, slots=True)
class Feedback:
    """How one answer was marked."""

    question_id: str
    correct: bool
    points: float  # awarded (partial credit for order and match)
    max_points: float
    expected: str  # the right answer, as a person writes it
    message: str  # one line for the learner
    explanation: str = ""


def normalise_answer(text: str) -> str:
    """The form two answers are compared in: half-width, lower case, Simplified, no spaces or punctuation.

    >>> normalise_answer("  ＱＵＡＤ 。"), normalise_answer("對話機制"), normalise_answer("「美日同盟」")
    ('quad', '对话机制', '美日同盟')
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = to_simplified(text)
    return "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def pinyin_key(text: str) -> tuple[str, tuple[int, ...]] | None:
    """Letters and tones of a pinyin answer, so "xíngdòng", "xing2 dong4" and "XING2DONG4" compare equal.

    Returns None when the text is not pinyin. Neutral tones (no mark, 5 or 0) are left out of the tones.

    >>> pinyin_key("xíngdòng") == pinyin_key("xing2 dong4") == pinyin_key("Xíng dòng")
    True
    >>> pinyin_key("lǜ") == pinyin_key("lv4") == pinyin_key("lu:4")
    True
    """
    letters: list[str] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFKC", text).lower():
        letter, tone = letter_and_tone(ch)  # "ǜ" -> ("v", 4): dushu.core.tones knows the marks
        if tone:
            tones.append(tone)
        if not letter:
            continue  # a combining tone mark (m̄)
        if ch == ":" and letters and letters[-1] == "u":
            letters[-1] = "v"
        elif ch in "1234":
            tones.append(int(ch))
        elif ch in "50":
            pass
        elif "a" <= letter <= "z" and len(letter) == 1:
            letters.append(letter)
        elif ch.isspace() or ch in "'’-·.,":
            pass
        else:
            return None
    if not letters:
        return None
    return "".join(letters), tuple(tones)


def answers_match(given: str, accepted: str) -> bool:
    """True when a typed answer matches one accepted answer.

    Ignores full/half width, case, spaces, punctuation and Traditional/Simplified differences; dates
    match in any written form (2017年11月 == 2017/11 == 2017-11); pinyin matches with tone marks or
    tone numbers.
    """
    if not given.strip():
        return False
    if normalise_answer(given) == normalise_answer(accepted):
        return True
    given_date = parse_date_answer(given)
    if given_date is not None and given_date == parse_date_answer(accepted):
        return True
    expected_pinyin = pinyin_key(accepted)
    if expected_pinyin is not None and any(
        c not in "abcdefghijklmnopqrstuvwxyz" for c in accepted.lower() if not c.isspace()
    ):
        # Only answers written as pinyin (with tones) are compared this way, not plain words like "QUAD".
        return pinyin_key(given) == expected_pinyin
    return False


def typed_forms(answer: str) -> tuple[str, ...]:
    """Other ways to type `answer` that `answers_match` accepts and a program comparing letter for
    letter would not: the Simplified form of a Traditional answer, half-width letters and digits, and
    pinyin with tone numbers for tone marks. Dates and spacing are left as the teacher wrote them.
    No Traditional form is guessed for a Simplified answer: 干 is 乾, 幹 or 榦, and a guess would
    tell a program that the wrong one is right.

    >>> typed_forms("去風險"), typed_forms("ＱＵＡＤ"), typed_forms("fēng xiǎn")
    (('去风险',), ('QUAD',), ('feng1 xian3', 'feng1xian3'))
    """
    half = unicodedata.normalize("NFKC", answer)
    forms = [half, to_simplified(half)]
    if pinyin_key(half) is not None and any(letter_and_tone(ch)[1] for ch in half):
        numbered = [to_numbers(s) for s in half.split()]
        forms += [" ".join(numbered), "".join(numbered)]
    return tuple(f for f in dict.fromkeys(forms) if f != answer and f.strip() and answers_match(f, answer))


def check_answer(question: Question, response: Response) -> Feedback:
    """Mark one response.

    choice: the index of the chosen choice (as in `question.choices`); truefalse: a bool; cloze and
    short: the typed text; order: the items in the order given; match: a mapping left -> right (or a
    sequence of [left, right] pairs). None means unanswered. Order and match earn partial credit: the
    share of items in the right place or of pairs matched right.
    """
    max_points = float(question.points)
    expected = question.expected_text()

    def done(fraction: float, message: str) -> Feedback:
        fraction = max(0.0, min(1.0, fraction))
        return Feedback(
            question.id,
            fraction >= 1.0,
            round(max_points * fraction, 4),
            max_points,
            expected,
            message,
            question.explanation,
        )

    if response is None or response == "" or (isinstance(response, Sequence | Mapping) and not response):
        return done(0.0, f"No answer. The answer is: {expected}")

    if question.type == "choice":
        if isinstance(response, str):
            index = _choice_index(question, response)
        elif isinstance(response, int) and not isinstance(response, bool):
            index = response
        else:
            index = -1
        if index == question.answer:
            return done(1.0, "Right.")
        return done(0.0, f"Not quite. The answer is: {expected}")

    if question.type == "truefalse":
        value = _truth(response)
        if value is None:
            return done(0.0, f"Answer true or false. The answer is: {expected}")
        if value == question.answer:
            return done(1.0, "Right.")
        return done(0.0, f"Not quite. The statement is {'true' if question.answer else 'false'}.")

    if question.type in ("cloze", "short"):
        given = response if isinstance(response, str) else ""
        if any(answers_match(given, a) for a in question.accepted):
            return done(1.0, "Right.")
        close = _tones_only_wrong(given, question.accepted)
        hint = " The syllables are right; check the tones." if close else ""
        return done(0.0, f"Not quite.{hint} The answer is: {expected}")

    if question.type == "order":
        given_items = (
            [str(x) for x in response]
            if isinstance(response, Sequence) and not isinstance(response, str)
            else []
        )
        right = sum(1 for a, b in zip(given_items, question.items, strict=False) if a == b)
        fraction = right / len(question.items)
        if fraction >= 1.0:
            return done(1.0, "Right.")
        return done(
            fraction, f"{right} of {len(question.items)} in the right place. The order is: {expected}"
        )

    if question.type == "match":
        if isinstance(response, Mapping):
            given_pairs = {str(k): str(v) for k, v in response.items()}
        elif isinstance(response, Sequence) and not isinstance(response, str):
            given_pairs = {str(p[0]): str(p[1]) for p in response if isinstance(p, Sequence) and len(p) == 2}
        else:
            given_pairs = {}
        right = sum(1 for a, b in question.pairs if given_pairs.get(a) == b)
        fraction = right / len(question.pairs)
        if fraction >= 1.0:
            return done(1.0, "Right.")
        return done(fraction, f"{right} of {len(question.pairs)} matched. The pairs are: {expected}")

    return done(0.0, "This question type cannot be marked.")


def _choice_index(question: Question, response: str) -> int:
    for i, choice in enumerate(question.choices):
        if answers_match(response, choice):
            return i
    return -1


_TRUE_WORDS = {"true", "t", "yes", "y", "1", "對", "对", "是", "正確", "正确", "o", "○", "✓"}
_FALSE_WORDS = {"false", "f", "no", "n", "0", "錯", "错", "否", "錯誤", "错误", "x", "×", "✗"}


def _truth(response: Response) -> bool | None:
    if isinstance(response, bool):
        return response
    if isinstance(response, str):
        word = unicodedata.normalize("NFKC", response).strip().casefold()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


def _tones_only_wrong(given: str, accepted: Sequence[str]) -> bool:
    key = pinyin_key(given)
    if key is None:
        return False
    for a in accepted:
        other = pinyin_key(a)
        if other is not None and other[0] == key[0] and other[1] != key[1]:
            return True
    return False
