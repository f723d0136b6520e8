"""Quiz-set files (TOML): loading with validation that names the problem, and readable atomic saving.

The rules a valid question keeps (`question_problems`) and a valid set (`quiz_set_problems`) are
public: the loader applies them to everything it reads after checking the TOML's types, and the
app's set editor applies the same functions as the teacher types, so the two cannot disagree.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dushu.atomicfile import write_text_atomically
from dushu.core.quiz.model import (
    FEEDBACK_MODES,
    FORMAT,
    QUESTION_TYPES,
    VERSION,
    Question,
    QuizSet,
    QuizSettings,
)
from dushu.errors import QuizSetError

__all__ = [
    "QuestionProblem",
    "dumps_quiz_set",
    "load_quiz_set",
    "loads_quiz_set",
    "question_problems",
    "quiz_set_problems",
    "save_quiz_set",
]

_TOP_KEYS = {"format", "version", "title", "language", "source", "author", "settings", "questions"}
_SETTINGS_KEYS = {"shuffle_questions", "shuffle_choices", "time_limit_minutes", "pass_mark", "feedback"}
_COMMON_KEYS = {"id", "type", "prompt", "points", "tags", "source", "explanation"}
_TYPE_KEYS = {
    "choice": {"choices", "answer"},
    "truefalse": {"answer"},
    "cloze": {"answer"},
    "short": {"answer"},
    "order": {"items"},
    "match": {"pairs"},
}
_BLANK = re.compile(r"_{3,}|＿{2,}")
_QUESTION_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*questions[ \t]*\]\]", re.MULTILINE)


def load_quiz_set(path: str | os.PathLike[str]) -> QuizSet:
    """Read and validate a quiz-set file; a problem raises QuizSetError naming the line or question."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise QuizSetError(f"{p}: is a folder, not a quiz-set file") from None
    except OSError as exc:
        raise QuizSetError(f"{p}: cannot read the quiz set ({exc.strerror or exc})") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizSetError(f"{p}: a quiz set must be UTF-8 text") from None
    return loads_quiz_set(content, name=str(p))


def loads_quiz_set(content: str, name: str = "quiz set") -> QuizSet:
    """Parse and validate quiz-set TOML text; `name` is used in error messages."""
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise QuizSetError(f"{name}: not valid TOML: {exc}") from None
    lines = [content.count("\n", 0, m.start()) + 1 for m in _QUESTION_HEADER.finditer(content)]
    return _build(data, name, lines)


def _where(name: str, index: int, qid: str, lines: list[int]) -> str:
    line = f", line {lines[index]}" if index < len(lines) else ""
    ident = f" (id {qid!r}{line})" if qid else f" ({line.lstrip(', ')})" if line else ""
    return f"{name}: question {index + 1}{ident}"


def _build(data: Mapping[str, Any], name: str, lines: list[int]) -> QuizSet:
    fmt = data.get("format")
    if fmt != FORMAT:
        if fmt is None:
            raise QuizSetError(f'{name}: not a Dushu quiz set (it needs format = "{FORMAT}" at the top)')
        raise QuizSetError(f'{name}: not a Dushu quiz set (format is {fmt!r}, expected "{FORMAT}")')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise QuizSetError(f"{name}: version must be a whole number (this Dushu reads version {VERSION})")
    if version != VERSION:
        newer = " is newer than this Dushu understands" if version > VERSION else " is not known"
        raise QuizSetError(f"{name}: quiz-set version {version}{newer} (this Dushu reads version {VERSION})")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise QuizSetError(f"{name}: unknown key(s) at the top: {', '.join(unknown)}")
    title = _string(data, "title", name, required=True)
    language = _string(data, "language", name) or "zh-Hant"
    source = _string(data, "source", name)
    author = _string(data, "author", name)
    settings = _settings(data.get("settings", {}), name)
    problems = _set_problems(title, settings)
    if problems:
        raise QuizSetError(f"{name}: {problems[0]}")

    raw_questions = data.get("questions")
    if raw_questions is None:
        raise QuizSetError(f"{name}: the quiz set has no questions (add [[questions]] tables)")
    if not isinstance(raw_questions, list) or not all(isinstance(q, dict) for q in raw_questions):
        raise QuizSetError(f"{name}: questions must be [[questions]] tables")
    if not raw_questions:
        raise QuizSetError(f"{name}: the quiz set has no questions")
    found: list[str] = []  # every question's problems, so that a teacher fixes them in one go
    # Every question so far, with a stand-in holding its id for one that did not parse (so that a
    # repeated id is still seen); when nothing was found, these are the set's questions.
    questions: list[Question] = []
    for i, raw in enumerate(raw_questions):
        try:
            q = _question(raw, i, name, lines)
        except QuizSetError as exc:
            found.append(str(exc))
            raw_id = raw.get("id")
            questions.append(Question(raw_id if isinstance(raw_id, str) else "", "short", ""))
            continue
        questions.append(q)
        broken = question_problems(q, i, questions)
        found += [f"{_where(name, i, q.id, lines)}: {p.message}" for p in broken]
    if found:
        if len(found) == 1:
            raise QuizSetError(found[0])
        more = len(found) - _PROBLEMS_SHOWN
        each = [f.removeprefix(f"{name}: ") for f in found[:_PROBLEMS_SHOWN]]
        raise QuizSetError(
            f"{name}: {len(found)} problems: " + "; ".join(each) + (f"; and {more} more" if more > 0 else "")
        )
    return QuizSet(title, tuple(questions), language, source, author, settings)


_PROBLEMS_SHOWN = 5  # in the one line that names a broken set's problems


def _string(table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise QuizSetError(f"{where}: {key} is missing")
        return ""
    if not isinstance(value, str):
        raise QuizSetError(f"{where}: {key} must be text in quotes, not {_kind(value)}")
    if required and not value.strip():
        raise QuizSetError(f"{where}: {key} is empty")
    return value


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _settings(raw: object, name: str) -> QuizSettings:
    if not isinstance(raw, dict):
        raise QuizSetError(f"{name}: [settings] must be a table")
    where = f"{name}: [settings]"
    unknown = sorted(set(raw) - _SETTINGS_KEYS)
    if unknown:
        raise QuizSetError(f"{where}: unknown key(s): {', '.join(unknown)}")
    defaults = QuizSettings()
    values: dict[str, Any] = {}
    for key in ("shuffle_questions", "shuffle_choices"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise QuizSetError(f"{where}: {key} must be true or false, not {_kind(raw[key])}")
            values[key] = raw[key]
    # Only the TOML types here; the ranges are _settings_problems', which the editor shares.
    if "time_limit_minutes" in raw:
        limit = raw["time_limit_minutes"]
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise QuizSetError(
                f"{where}: time_limit_minutes must be a whole number of minutes (0 = no limit)"
            )
        values["time_limit_minutes"] = limit
    if "pass_mark" in raw:
        mark = raw["pass_mark"]
        if isinstance(mark, bool) or not isinstance(mark, int | float):
            raise QuizSetError(f"{where}: pass_mark must be a percentage from 0 to 100")
        values["pass_mark"] = mark
    if "feedback" in raw:
        values["feedback"] = raw["feedback"]
    return QuizSettings(
        values.get("shuffle_questions", defaults.shuffle_questions),
        values.get("shuffle_choices", defaults.shuffle_choices),
        values.get("time_limit_minutes", defaults.time_limit_minutes),
        values.get("pass_mark", defaults.pass_mark),
        values.get("feedback", defaults.feedback),
    )


def _string_list(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A list of texts as TOML gives it; how many and which texts is question_problems' business."""
    value = raw.get(key)
    if value is None:
        raise QuizSetError(f"{where}: {key} is missing")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise QuizSetError(f"{where}: {key} must be a list of texts in quotes")
    return tuple(value)


def _question(raw: Mapping[str, Any], index: int, name: str, lines: list[int]) -> Question:
    """The question a [[questions]] table describes, once its keys have the right TOML types."""
    qid_raw = raw.get("id")
    qid = qid_raw if isinstance(qid_raw, str) else ""
    where = _where(name, index, qid, lines)
    if qid_raw is None:
        raise QuizSetError(f"{where}: id is missing")
    if not isinstance(qid_raw, str):
        raise QuizSetError(f"{where}: id must be non-empty text in quotes")
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        shown = repr(qtype) if qtype is not None else "missing"
        raise QuizSetError(f"{where}: type is {shown}; it must be one of {', '.join(QUESTION_TYPES)}")
    unknown = sorted(set(raw) - _COMMON_KEYS - _TYPE_KEYS[qtype])
    if unknown:
        other = [k for k in unknown if any(k in keys for keys in _TYPE_KEYS.values())]
        hint = f" ({other[0]!r} belongs to another question type)" if other else ""
        raise QuizSetError(f"{where}: unknown key(s) for a {qtype} question: {', '.join(unknown)}{hint}")
    prompt = _string(raw, "prompt", where, required=True)
    points = raw.get("points", 1)
    if isinstance(points, bool) or not isinstance(points, int | float):
        raise QuizSetError(f"{where}: points must be a number above 0")
    tags_raw = raw.get("tags", [])
    if not isinstance(tags_raw, list) or not all(isinstance(t, str) for t in tags_raw):
        raise QuizSetError(f"{where}: tags must be a list of texts in quotes")
    common = {
        "id": qid_raw,
        "type": qtype,
        "prompt": prompt,
        "points": points,
        "tags": tuple(tags_raw),
        "source": _string(raw, "source", where),
        "explanation": _string(raw, "explanation", where),
    }
    if qtype == "choice":
        choices = _string_list(raw, "choices", where)
        answer = raw.get("answer")
        if answer is not None and (isinstance(answer, bool) or not isinstance(answer, int)):
            raise QuizSetError(f"{where}: answer must be the number of the right choice, counting from 0")
        return Question(**common, answer=answer, choices=choices)
    if qtype == "truefalse":
        answer = raw.get("answer")
        if not isinstance(answer, bool):
            raise QuizSetError(f"{where}: answer must be true or false")
        return Question(**common, answer=answer)
    if qtype in ("cloze", "short"):
        value = raw.get("answer")
        if isinstance(value, str):
            value = [value]  # one accepted answer written without the list brackets
            raw = {**raw, "answer": value}
        return Question(**common, answer=_string_list(raw, "answer", where))
    if qtype == "order":
        return Question(**common, items=_string_list(raw, "items", where))
    pairs_raw = raw.get("pairs")
    if pairs_raw is None:
        raise QuizSetError(f"{where}: pairs is missing")
    if not isinstance(pairs_raw, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x.strip() for x in p)
        for p in pairs_raw
    ):
        raise QuizSetError(f'{where}: pairs must be a list of ["left", "right"] pairs of texts')
    return Question(**common, pairs=tuple((p[0], p[1]) for p in pairs_raw))


# ------------------------------------------------------------------------------- the rules, for everyone


@dataclass(frozen=True, slots=True)
class QuestionProblem:
    """One rule a question breaks: the field it is about (id, type, prompt, points, choices, answer,
    items or pairs) and a message that names that field, as the loader reports it."""

    field: str
    message: str
    # What is wrong, for a program that words it its own way (the set editor's form): a code from
    # PROBLEM_CODES and the values its wording needs (a number, the repeated text).
    code: str = ""
    args: tuple[str, ...] = ()


PROBLEM_CODES = (
    "id-empty",  # no id
    "id-repeated",  # args: the number (from 1) of the earlier question with this id
    "type-unknown",  # args: the type
    "prompt-empty",
    "cloze-no-blank",
    "points",  # not a number above 0
    "list-empty-entry",  # choices, items or answer has an empty entry
    "list-too-few",  # args: the minimum, the number there is
    "list-repeated",  # args: the text that is there twice
    "choice-no-answer",  # the right choice is not marked (or is not a choice's number)
    "truefalse-answer",
    "answers-none",  # cloze or short answer without an accepted answer
    "pairs-empty-side",
    "pairs-too-few",
    "pairs-repeated",  # args: the left side that is there twice
)

_Found = tuple[str, tuple[str, ...], str]  # code, args, message


def _list_problems(values: tuple[str, ...], key: str, *, minimum: int, unique: bool) -> list[_Found]:
    if any(not v.strip() for v in values):
        return [("list-empty-entry", (), f"{key} has an empty entry")]
    if len(values) < minimum:
        return [
            (
                "list-too-few",
                (str(minimum), str(len(values))),
                f"{key} needs at least {minimum} entries, it has {len(values)}",
            )
        ]
    if unique:
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            return [("list-repeated", (dupes[0],), f"{key} lists {dupes[0]!r} twice")]
    return []


def question_problems(
    question: Question, index: int = 0, others: Sequence[Question] = ()
) -> list[QuestionProblem]:
    """Every rule of the quiz-set format that `question` breaks (empty when it is valid).

    `others` is the set's list of questions and `index` the question's place in it: an id may not
    repeat one used earlier in the list. The loader raises the first problem; the editor shows all.
    """
    q = question
    found: list[QuestionProblem] = []

    def add(field: str, code: str, message: str, *args: str) -> None:
        found.append(QuestionProblem(field, message, code, args))

    def add_found(field: str, problems: list[_Found]) -> None:
        for code, args, message in problems:
            add(field, code, message, *args)

    if not q.id.strip():
        add("id", "id-empty", "id must be non-empty text in quotes")
    else:
        earlier = next((j for j, o in enumerate(others[:index]) if o.id == q.id), None)
        if earlier is not None:
            add("id", "id-repeated", f"the id is already used by question {earlier + 1}", str(earlier + 1))
    if q.type not in QUESTION_TYPES:
        add(
            "type",
            "type-unknown",
            f"type is {q.type!r}; it must be one of {', '.join(QUESTION_TYPES)}",
            str(q.type),
        )
    if not q.prompt.strip():
        add("prompt", "prompt-empty", "prompt is empty")
    elif q.type == "cloze" and not _BLANK.search(q.prompt):
        add("prompt", "cloze-no-blank", "a cloze prompt needs a blank written as ____")
    points = q.points
    if (
        isinstance(points, bool)
        or not isinstance(points, int | float)
        or not points > 0
        or (isinstance(points, float) and not math.isfinite(points))
    ):
        add("points", "points", "points must be a number above 0")

    if q.type == "choice":
        add_found("choices", _list_problems(q.choices, "choices", minimum=2, unique=True))
        answer = q.answer
        if answer is None:
            add(
                "answer",
                "choice-no-answer",
                "answer is missing (the number of the right choice, counting from 0)",
            )
        elif isinstance(answer, bool) or not isinstance(answer, int):
            add(
                "answer", "choice-no-answer", "answer must be the number of the right choice, counting from 0"
            )
        elif not 0 <= answer < len(q.choices):
            add(
                "answer",
                "choice-no-answer",
                f"answer {answer} is out of range: there are {len(q.choices)} choices, "
                f"numbered 0 to {len(q.choices) - 1}",
            )
    elif q.type == "truefalse":
        if not isinstance(q.answer, bool):
            add("answer", "truefalse-answer", "answer must be true or false")
    elif q.type in ("cloze", "short"):
        if not isinstance(q.answer, tuple) or not all(isinstance(a, str) for a in q.answer):
            add("answer", "answers-none", "answer must be a list of texts in quotes")
        elif not q.answer:
            add("answer", "answers-none", "answer needs at least one accepted answer")
        else:
            add_found("answer", _list_problems(q.answer, "answer", minimum=1, unique=False))
    elif q.type == "order":
        add_found("items", _list_problems(q.items, "items", minimum=2, unique=True))
    elif q.type == "match":
        if any(not a.strip() or not b.strip() for a, b in q.pairs):
            add("pairs", "pairs-empty-side", "pairs has a pair with an empty side")
        elif len(q.pairs) < 2:
            add("pairs", "pairs-too-few", "pairs needs at least 2 pairs", "2", str(len(q.pairs)))
        else:
            lefts = [a for a, _ in q.pairs]
            dupes = sorted({x for x in lefts if lefts.count(x) > 1})
            if dupes:
                add("pairs", "pairs-repeated", f"pairs lists {dupes[0]!r} twice on the left", dupes[0])
    return found


def _settings_problems(s: QuizSettings) -> list[str]:
    where = "[settings]"
    found = []
    limit = s.time_limit_minutes
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        found.append(f"{where}: time_limit_minutes must be a whole number of minutes (0 = no limit)")
    mark = s.pass_mark
    if (
        isinstance(mark, bool)
        or not isinstance(mark, int | float)
        or (isinstance(mark, float) and math.isnan(mark))
        or not 0 <= mark <= 100
    ):
        found.append(f"{where}: pass_mark must be a percentage from 0 to 100")
    if s.feedback not in FEEDBACK_MODES:
        found.append(f'{where}: feedback must be "immediate" (after each question) or "end" (after the last)')
    return found


def _set_problems(title: str, settings: QuizSettings) -> list[str]:
    found = [] if title.strip() else ["title is empty"]
    return found + _settings_problems(settings)


def quiz_set_problems(qs: QuizSet) -> list[str]:
    """Every rule of the quiz-set format the set breaks, each message naming the question (its
    number from 1 and its id) as the loader would; empty when the set can be saved and read back."""
    found = _set_problems(qs.title, qs.settings)
    if not qs.questions:
        found.append("the quiz set has no questions")
    for i, q in enumerate(qs.questions):
        ident = f" (id {q.id!r})" if q.id.strip() else ""
        found.extend(f"question {i + 1}{ident}: {p.message}" for p in question_problems(q, i, qs.questions))
    return found


# ---------------------------------------------------------------------------------------------- saving

_HEADER = """\
# Dushu quiz set. Edit it with any text editor; Dushu checks it when it loads and names any problem.
# Question types and their keys:
#   choice    choices = [...]; answer = number of the right choice, counting from 0
#   truefalse answer = true or false
#   cloze     prompt with a ____ blank; answer = [accepted fillings, ...]
#   short     answer = [accepted answers, ...]
#   order     items = [...] in the right order (shown shuffled)
#   match     pairs = [["left", "right"], ...] (right sides shown shuffled)
# Every question: id (unique), type, prompt, points, tags, source (the sentence it checks), explanation.
# Answers are checked ignoring full/half width, spaces, Traditional/Simplified and tone marks vs numbers.
"""


def _toml_string(value: str) -> str:
    """A TOML string literal: multi-line when the text has line breaks, so teachers can read it."""
    if "\n" in value:
        body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
        body = "".join(
            c if c in "\n\t" or (ord(c) >= 0x20 and ord(c) != 0x7F) else f"\\u{ord(c):04X}" for c in body
        )
        return f'"""\n{body}"""'
    out = []
    for c in value:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


_COMMENT_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _toml_number(value: int | float) -> str:
    # repr gives "1", "1.5", "2.0" or "1e+20", all valid TOML and read back as the same type and value.
    return repr(value)


def _toml_list(values: tuple[str, ...] | list[str], indent: str = "    ") -> str:
    if not values:
        return "[]"
    inline = "[" + ", ".join(_toml_string(v) for v in values) + "]"
    if len(inline) <= 60 and all("\n" not in v for v in values):
        return inline
    return "[\n" + "".join(f"{indent}{_toml_string(v)},\n" for v in values) + "]"


def dumps_quiz_set(qs: QuizSet) -> str:
    """The quiz set as readable TOML: a comment header, [settings], one [[questions]] table each."""
    out = [_HEADER.rstrip("\n"), ""]
    out.append(f'format = "{FORMAT}"')
    out.append(f"version = {VERSION}")
    out.append(f"title = {_toml_string(qs.title)}")
    out.append(f"language = {_toml_string(qs.language)}")
    out.append(f"source = {_toml_string(qs.source)}")
    out.append(f"author = {_toml_string(qs.author)}")
    out.append("")
    s = qs.settings
    out.append("[settings]")
    out.append(f"shuffle_questions = {'true' if s.shuffle_questions else 'false'}")
    out.append(f"shuffle_choices = {'true' if s.shuffle_choices else 'false'}")
    out.append(f"time_limit_minutes = {s.time_limit_minutes}  # 0 = no limit")
    out.append(f"pass_mark = {_toml_number(s.pass_mark)}  # percent")
    out.append(f'feedback = "{s.feedback}"  # "immediate": after each question; "end": after the last')
    for q in qs.questions:
        out.append("")
        out.append("[[questions]]")
        out.append(f"id = {_toml_string(q.id)}")
        out.append(f"type = {_toml_string(q.type)}")
        out.append(f"points = {_toml_number(q.points)}")
        out.append(f"tags = {_toml_list(q.tags)}")
        out.append(f"prompt = {_toml_string(q.prompt)}")
        if q.type == "choice":
            out.append(f"choices = {_toml_list(q.choices)}")
            assert isinstance(q.answer, int)
            shown = q.choices[q.answer] if 0 <= q.answer < len(q.choices) else ""
            # The comment repeats the choice for the reader; TOML comments cannot hold control
            # characters (a line break, \r, \x01 …), so a choice with one is not repeated.
            comment = f"  # {shown}" if shown and not _COMMENT_UNSAFE.search(shown) else ""
            out.append(f"answer = {q.answer}{comment}")
        elif q.type == "truefalse":
            out.append(f"answer = {'true' if q.answer else 'false'}")
        elif q.type in ("cloze", "short"):
            out.append(f"answer = {_toml_list(q.accepted)}")
        elif q.type == "order":
            out.append(f"items = {_toml_list(q.items)}")
        elif q.type == "match":
            body = "".join(f"    [{_toml_string(a)}, {_toml_string(b)}],\n" for a, b in q.pairs)
            out.append(f"pairs = [\n{body}]")
        out.append(f"source = {_toml_string(q.source)}")
        out.append(f"explanation = {_toml_string(q.explanation)}")
    return "\n".join(out) + "\n"


def save_quiz_set(qs: QuizSet, path: str | os.PathLike[str]) -> None:
    """Write the quiz set atomically (a temporary file in the same folder, then a rename); a set
    that breaks a rule (quiz_set_problems) is refused with a QuizSetError listing the problems."""
    problems = quiz_set_problems(qs)
    if problems:
        raise QuizSetError("the quiz set cannot be saved: " + "; ".join(problems))
    text = dumps_quiz_set(qs)
    loads_quiz_set(text, name="the quiz set being saved")  # never write a file Dushu could not read back
    write_text_atomically(path, text, QuizSetError)
