"""A GIFT reader for tests that follows the rules of Moodle's importer (qformat_gift), step by step.

Written for Dushu from the behaviour of Moodle's importer, not from its code: how PHP reads the
file into lines, which lines end a question, the escapes and their placeholders, the
[format] markers, the %weight% prefixes, the order in which the question type is decided, and
the id and tag patterns in comments. It answers "what would Moodle import from this file?", so a
test can compare that with what Dushu meant to export. Questions Dushu never writes (numerical,
essay, description) are recognised by type only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

PHP_TRIM = " \t\n\r\0\x0b"

_ESCAPES = (
    ("\\:", "&&058;"),
    ("\\#", "&&035;"),
    ("\\=", "&&061;"),
    ("\\{", "&&123;"),
    ("\\}", "&&125;"),
    ("\\~", "&&126;"),
    ("\\n", "&&010"),
)
_BACK = (
    ("&&058;", ":"),
    ("&&035;", "#"),
    ("&&061;", "="),
    ("&&123;", "{"),
    ("&&125;", "}"),
    ("&&126;", "~"),
    ("&&010", "\n"),
)
_FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"%-*([0-9]{1,2})\.?([0-9]*)%")
# [:cntrl:] without the u flag: the bytes 0-31 and 127 (UTF-8 never uses them inside a character).
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f]|)+)\]")


class GiftError(Exception):
    """What Moodle reports as an import error for one question (it then stops the whole import)."""


@dataclass(frozen=True)
class Text:
    """A text as Moodle stores it, with its format."""

    text: str
    format: str


@dataclass(frozen=True)
class GiftQuestion:
    """One question as Moodle would import it."""

    qtype: str
    name: str | None = None
    text: Text = Text("", "moodle")
    feedback: Text = Text("", "moodle")
    idnumber: str = ""
    tags: tuple[str, ...] = ()
    answers: tuple[tuple[Text, float], ...] = ()  # multichoice and shortanswer: text and fraction
    subquestions: tuple[tuple[Text, str], ...] = ()  # match: question and answer
    correct: bool | None = None  # truefalse
    category: str = ""  # the $CATEGORY pseudo-question


def php_trim(text: str) -> str:
    """PHP's trim(): only these six characters, not Unicode white space."""
    return text.strip(PHP_TRIM)


def _php_empty(text: str) -> bool:
    return text in ("", "0")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for placeholder, char in _BACK:
        text = text.replace(placeholder, char)
    return text


def _with_format(text: str, default: str) -> Text:
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        # PHP: strpos() gives false, substr($text, 1, false - 1) the text less its ends.
        name, cut = (text[1:end], end + 1) if end >= 0 else (text[1:-1], 1)
        if name in _FORMATS:
            fmt, text = name, text[cut:]
    return Text(php_trim(_post(text)), fmt)


def _weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.find("%")
    try:
        value = float(answer[:end]) / 100
    except ValueError:
        raise GiftError(f"answer weight {answer[:end]!r} is not a number") from None
    return value, answer[end + 1 :]


def _comment_split(answer: str, default: str) -> Text:
    return _with_format(php_trim(answer.split("#", 1)[0]), default)


def _first_trimmed(parts: list[str]) -> list[str]:
    if parts:
        parts[0] = php_trim(parts[0])
        if _php_empty(parts[0]):
            parts.pop(0)
    return parts


def _id_and_tags(comments: str) -> tuple[str, tuple[str, ...]]:
    found = _ID.search(comments)
    idnumber = php_trim(found.group(1)).replace("\\]", "]") if found else ""
    tags = tuple(php_trim(m.group(1)).replace("\\]", "]") for m in _TAG.finditer(comments))
    return idnumber, tags


def read_question(lines: list[str]) -> GiftQuestion | None:
    """One block of lines (no blank line inside) as Moodle reads it; None when it holds no question."""
    comments = ""
    kept = []
    for line in lines:
        line = php_trim(line)
        if line.startswith("//"):
            comments += line + "\n"
            kept.append(" ")
        else:
            kept.append(line)
    text = php_trim("\n".join(kept))
    if text == "":
        return None
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return GiftQuestion("category", category=php_trim(text[10:]))
    name = None
    if text.startswith("::"):
        text = text[2:]
        finish = text.find("::")
        if finish >= 0:
            name = php_trim(_post(text[:finish]))
            text = php_trim(text[finish + 2 :])
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        return GiftQuestion("description", name, _with_format(text, "moodle"))
    if start < 0 or finish < 0:
        raise GiftError(f"braces do not match in {text!r}")
    answertext = php_trim(text[start + 1 : finish])
    if text.endswith("}"):
        questiontext = text[:start] + text[finish + 1 :]
    else:
        questiontext = text[:start] + "_____" + text[finish + 1 :]
    separator = answertext.rfind("####")
    general = ""
    if separator >= 0:
        general = answertext[separator + 4 :]
        answertext = php_trim(answertext[:separator])
    qtext = _with_format(questiontext, "moodle")
    feedback = _with_format(general, qtext.format)
    idnumber, tags = _id_and_tags(comments)
    base = {"name": name, "text": qtext, "feedback": feedback, "idnumber": idnumber, "tags": tags}

    if answertext == "":
        return GiftQuestion("essay", **base)
    if answertext[0] == "#":
        return GiftQuestion("numerical", **base)
    if "~" in answertext:
        answers = _first_trimmed(answertext.replace("=", "~=").split("~"))
        if len(answers) < 2:
            raise GiftError("a multiple-choice question needs at least 2 answers")
        read = []
        for answer in answers:
            answer = php_trim(answer)
            if answer.startswith("="):
                fraction, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                fraction, answer = _weight(answer)
            else:
                fraction = 0.0
            read.append((_comment_split(answer, qtext.format), fraction))
        return GiftQuestion("multichoice", **base, answers=tuple(read))
    if "=" in answertext and "->" in answertext:
        subs = _first_trimmed(answertext.split("="))
        if len(subs) < 2:
            raise GiftError("a matching question needs at least 2 pairs")
        pairs = []
        for sub in subs:
            sub = php_trim(sub)
            marker = sub.find("->")
            if marker < 0:
                raise GiftError(f"matching answer {sub!r} has no ->")
            pairs.append((_with_format(sub[:marker], qtext.format), php_trim(_post(sub[marker + 2 :]))))
        return GiftQuestion("match", **base, subquestions=tuple(pairs))
    check = answertext
    if answertext.find("#") > 0:
        check = php_trim(answertext[: answertext.find("#")])
    if check in ("T", "TRUE", "F", "FALSE"):
        answer = _with_format(php_trim(answertext.split("#", 2)[0]), qtext.format)
        return GiftQuestion("truefalse", **base, correct=answer.text in ("T", "TRUE"))
    answers = _first_trimmed(answertext.split("="))
    if not answers:
        raise GiftError("a short-answer question needs an answer")
    read = []
    for answer in answers:
        answer = php_trim(answer)
        fraction = 1.0
        if _WEIGHT.match(answer):
            fraction, answer = _weight(answer)
        read.append((_comment_split(answer, qtext.format), fraction))
    return GiftQuestion("shortanswer", **base, answers=tuple(read))


def read_gift(content: str) -> list[GiftQuestion]:
    """Every question (and $CATEGORY line) Moodle imports from a GIFT file, in order."""
    if content.startswith("\ufeff"):
        content = content[1:]
    lines = content.split("\n")  # PHP's file() ends lines at \n only
    if len(lines) == 1 and "\r" in lines[0]:
        lines = lines[0].split("\r")  # Moodle's fix for old Macintosh files
    questions: list[GiftQuestion] = []
    block: list[str] = []
    for line in [*lines, ""]:
        line = php_trim(line)
        if _php_empty(line):  # PHP's empty(): "0" ends a question too
            if block:
                question = read_question(block)
                if question is not None:
                    questions.append(question)
                block = []
        else:
            block.append(line)
    return questions


def shown_html(text: Text) -> str:
    """What a learner reads from an [html] text Dushu wrote: entities decoded, <br> as a line break."""
    assert text.format == "html", text
    return html.unescape(text.text.replace("<br>", "\n"))


def shortanswer_literal(answer: str) -> str:
    """The text a short answer accepts, when it has no wildcard: Moodle reads \\* as a plain *."""
    assert not re.search(r"(?<!\\)\*", answer), f"{answer!r} holds a wildcard"
    return answer.replace("\\*", "*")
