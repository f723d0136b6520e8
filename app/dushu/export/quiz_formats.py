"""Quiz-set exports an LMS imports as they are: Moodle GIFT, Moodle XML, and CSV for spreadsheets.

How Dushu's question types map:

- choice -> multiple choice (one right answer), truefalse -> true/false,
- cloze and short -> short answer (every accepted answer scores 100%, and so do the forms Dushu
  accepts that Moodle would not: Simplified, half-width, pinyin with tone numbers; a cloze keeps its
  ____ blank in the question text),
- match -> matching (left side = sub-question, right side = answer),
- order -> matching as well: each item is matched to its position ("1", "2", "3" …). Moodle's own
  "ordering" question type is a plug-in that many sites lack, and GIFT cannot express it, so a
  matching question of positions is what imports everywhere; Moodle gives partial credit per item.

The explanation becomes the general feedback; `points` the default mark (Moodle XML only: GIFT has no
syntax for it); tags and the id become Moodle tags and ID number.

A quiz set is the teacher's text, and may hold anything: nothing in it may change what Moodle reads.
Before either Moodle format is written, every question passes `exportable_question`: control
characters are removed (Moodle cannot store them and XML cannot hold them), line breaks are made
"\\n", an id or tag becomes one line with single spaces, and a question that would then be empty or
ambiguous (two choices that read the same) is refused with an ExportError that names it. The GIFT
writer follows the rules of Moodle's importer (qformat_gift): every text field is written on one
line, GIFT's marks ~ = # { } : are escaped, each text and answer opens with an explicit format marker
so a text beginning with "[markdown]" or "%50%" is read as text, ids and tags sit on comment lines of
their own, and what GIFT cannot say at all (a short answer holding "->" among several accepted
answers) is refused with a message that points to Moodle XML. Values too long for Moodle's columns
(an ID number over 100 characters, a category name over 255), which would stop its import, are
left out or shortened.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, BinaryIO

from dushu.core.quiz.answers import typed_forms
from dushu.core.quiz.model import Question, QuizSet
from dushu.errors import ExportError
from dushu.export.atomic import write_atomically

__all__ = [
    "QUIZ_EXPORT_FORMATS",
    "category_path",
    "export_csv",
    "export_gift",
    "export_moodle_xml",
    "exportable_question",
    "printable_text",
    "write_quiz_export",
]

QUIZ_EXPORT_FORMATS = ("gift", "moodle-xml", "csv")


# ------------------------------------------------------------------------------- what Moodle can store

# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates and the two non-characters:
# none is allowed in XML 1.0, and in GIFT a line of them is a blank line to PHP's trim().
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# What PHP's trim() removes: Moodle trims every text it imports, so these ends never arrive.
PHP_TRIM = " \t\n\r\0\x0b"
# Moodle's tag cleaning removes these (and its GIFT tag pattern stops at them).
_TAG_UNSAFE = re.compile("[<>`]")


def printable_text(text: str) -> str:
    """`text` as Moodle can store it: line breaks as "\\n", control characters removed."""
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _one_line(text: str) -> str:
    """An id, tag or title: printable, on one line, runs of white space as one space."""
    return " ".join(printable_text(text).split())


def _typed(text: str) -> str:
    """An answer a learner types or picks from a list: printable, its line breaks as spaces."""
    return printable_text(text).replace("\n", " ")


def _require(text: str, what: str, qid: str) -> str:
    if not text.strip(PHP_TRIM):
        raise ExportError(f"question {qid!r}: {what} is empty once control characters are removed")
    return text


def _distinct(texts: tuple[str, ...], what: str, qid: str) -> tuple[str, ...]:
    seen: set[str] = set()
    for t in texts:
        key = t.strip(PHP_TRIM)
        if key in seen:
            raise ExportError(
                f"question {qid!r}: two {what} read the same ({key!r}) once control characters and "
                "surrounding spaces are removed"
            )
        seen.add(key)
    return texts


def exportable_question(q: Question) -> Question:
    """`q` with every text as Moodle stores it; ExportError when that leaves it empty or ambiguous.

    Also checks what the quiz-set loader checks, for questions built in code: at least two choices,
    items or pairs, one accepted answer, and an answer index that points at a choice.
    """
    shown = q.id
    qid = _one_line(q.id)
    if not qid:
        raise ExportError(f"question {shown!r}: the id is empty once control characters are removed")
    prompt = _require(printable_text(q.prompt), "the prompt", shown)
    tags = tuple(t for t in (_one_line(_TAG_UNSAFE.sub("", tag)) for tag in q.tags) if t)
    explanation = printable_text(q.explanation)
    common: dict[str, Any] = {
        "id": qid,
        "prompt": prompt,
        "tags": tuple(dict.fromkeys(tags)),
        "source": printable_text(q.source),
        # A blank explanation is none (Moodle would keep a lone line break as feedback).
        "explanation": explanation if explanation.strip(PHP_TRIM) else "",
    }
    if q.type == "choice":
        choices = tuple(_require(printable_text(c), "a choice", shown) for c in q.choices)
        if len(choices) < 2:
            raise ExportError(f"question {shown!r}: a choice question needs at least 2 choices")
        if isinstance(q.answer, bool) or not isinstance(q.answer, int) or not 0 <= q.answer < len(choices):
            raise ExportError(f"question {shown!r}: the answer does not point at one of the choices")
        return dataclasses.replace(q, **common, choices=_distinct(choices, "choices", shown))
    if q.type == "truefalse":
        return dataclasses.replace(q, **common, answer=bool(q.answer))
    if q.type in ("cloze", "short"):
        accepted = tuple(
            # Moodle trims each answer: two that differ only in outer spaces are one.
            dict.fromkeys(
                _require(_typed(a), "an accepted answer", shown).strip(PHP_TRIM) for a in q.accepted
            )
        )
        if not accepted:
            raise ExportError(f"question {shown!r}: a {q.type} question needs an accepted answer")
        return dataclasses.replace(q, **common, answer=accepted)
    if q.type == "order":
        items = tuple(_require(printable_text(i), "an item", shown) for i in q.items)
        if len(items) < 2:
            raise ExportError(f"question {shown!r}: an order question needs at least 2 items")
        return dataclasses.replace(q, **common, items=_distinct(items, "items", shown))
    if q.type == "match":
        pairs = tuple(
            (
                _require(printable_text(a), "a left side", shown),
                _require(_typed(b), "a right side", shown),
            )
            for a, b in q.pairs
        )
        if len(pairs) < 2:
            raise ExportError(f"question {shown!r}: a match question needs at least 2 pairs")
        _distinct(tuple(a for a, _b in pairs), "left sides", shown)
        return dataclasses.replace(q, **common, pairs=pairs)
    raise ExportError(f"question {shown!r}: type {q.type!r} cannot be exported")


def lms_answers(q: Question) -> tuple[str, ...]:
    """The accepted answers a cloze or short question takes to Moodle: the teacher's, then
    `extra_answer_forms`."""
    return tuple(dict.fromkeys((*q.accepted, *extra_answer_forms(q))))


def extra_answer_forms(q: Question) -> tuple[str, ...]:
    """The forms of an exportable question's accepted answers that Dushu's own checking accepts and
    Moodle, which compares letter for letter (bar case), would not (`typed_forms`: Simplified,
    half-width, pinyin with tone numbers). A form holding "->" is left out: in GIFT it would make the
    question a matching one."""
    forms: list[str] = []
    for accepted in q.accepted:
        for form in typed_forms(accepted):
            form = _typed(form).strip(PHP_TRIM)
            if form and "->" not in form and form not in q.accepted:
                forms.append(form)
    return tuple(dict.fromkeys(forms))


def _exportable(qs: QuizSet) -> tuple[Question, ...]:
    questions = tuple(exportable_question(q) for q in qs.questions)
    seen: dict[str, str] = {}
    for original, q in zip(qs.questions, questions, strict=True):
        if q.id in seen:
            raise ExportError(
                f"questions {seen[q.id]!r} and {original.id!r} have the same id once control characters "
                "and extra spaces are removed; Moodle needs each ID number once"
            )
        seen[q.id] = original.id
    return questions


# The sizes of Moodle's columns: a longer value makes the database refuse the row, and the whole
# import stops there.
MOODLE_ID_NUMBER_LENGTH = 100
MOODLE_NAME_LENGTH = 255


def _has_id_number(q: Question) -> bool:
    """Whether the id fits Moodle's ID number; a longer id still names the question (Moodle
    shortens names itself) but is not given as an ID number."""
    return len(q.id) <= MOODLE_ID_NUMBER_LENGTH


def category_path(title: str) -> str:
    """The Moodle category for a set titled `title`, as Moodle splits category paths.

    A "/" separates categories, so one inside the title is doubled; a title that starts or ends with
    one gets a space there (Moodle trims each name), as Moodle's own exporter does.
    """
    # Moodle stores a category name in 255 characters and fails the whole import on a longer one.
    name = (_one_line(title) or "Dushu")[:MOODLE_NAME_LENGTH].rstrip()
    escaped = name.replace("/", "//")
    if escaped.startswith("/"):
        escaped = " " + escaped
    if escaped.endswith("/"):
        escaped += " "
    return f"$course$/top/{escaped}"


# -------------------------------------------------------------------------------------------------- GIFT

_GIFT_MARKS = "~=#{}:"
# Moodle's GIFT importer swaps its escapes for these placeholders and back at the end: a text that
# holds one of them itself comes back changed (&&058; as ":", &&092; as "\"), and GIFT has no way
# to protect it. HTML text never holds one (its & is written &amp;); plain text is checked.
_GIFT_PLACEHOLDERS = ("&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010", "&&092;")


def _gift_escape(text: str) -> str:
    """Escape GIFT's control characters (Moodle reads \\~ \\= \\# \\{ \\} \\: \\n and \\\\ back)."""
    out = text.replace("\\", "\\\\")
    for ch in _GIFT_MARKS:
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", "\\n")


def _gift_html(text: str) -> str:
    """Document text as GIFT [html] content: HTML-escaped (it is untrusted), lines as <br>, GIFT-escaped.

    The explicit [html] marker comes first, so a text that itself begins with "[markdown]" or
    "%50%" is read as text, not as a format or an answer weight.
    """
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return "[html]" + _gift_escape(escaped)


def _gift_literal(text: str, what: str, qid: str) -> str:
    """Plain text that Moodle stores as it stands (a name, a short answer, a matching answer)."""
    for placeholder in _GIFT_PLACEHOLDERS:
        if placeholder in text:
            raise ExportError(
                f"question {qid!r}: {what} {text!r} holds {placeholder!r}, which Moodle's GIFT importer "
                "reads as another character; export the set as Moodle XML instead"
            )
    return _gift_escape(text.replace("\n", " "))


def _gift_short_answer(text: str, qid: str) -> str:
    """A short-answer answer: full marks written out and a [plain] marker, so that an answer that
    begins with "%50%" or "[markdown]" is that text; * (Moodle's wildcard) is escaped to mean itself."""
    return "%100%[plain]" + _gift_literal(text, "the accepted answer", qid).replace("*", "\\*")


def _gift_bracketed(text: str) -> str:
    """The inside of a [id:…] or [tag:…] comment token, where Moodle reads \\] as ]."""
    return text.replace("]", "\\]")


def _gift_comment(q: Question) -> str:
    """The question's id and tags, one token a comment line: Moodle's pattern for each runs to the
    first unescaped ], so a value that ends in a backslash cannot swallow the next token."""
    if "[tag:" in q.id:
        raise ExportError(
            f"question {q.id!r}: an id holding '[tag:' would add a tag in Moodle's GIFT importer; "
            "change the id or export the set as Moodle XML"
        )
    lines = [f"// [id:{_gift_bracketed(q.id)}]"] if _has_id_number(q) else []
    lines += [f"// [tag:{_gift_bracketed(t)}]" for t in q.tags]
    return "\n".join(lines)


def _gift_question(q: Question) -> str:
    name = f"::{_gift_literal(q.id, 'the id', q.id)}::"
    prompt = _gift_html(q.prompt + ("\n（1 = 最早）" if q.type == "order" else ""))
    feedback = f"\n\t####{_gift_html(q.explanation)}" if q.explanation else ""
    if q.type == "choice":
        lines = []
        for i, choice in enumerate(q.choices):
            mark = "=" if i == q.answer else "~"
            lines.append(f"\t{mark}{_gift_html(choice)}")
        body = "\n".join(lines)
    elif q.type == "truefalse":
        body = "\tTRUE" if q.answer else "\tFALSE"
    elif q.type in ("cloze", "short"):
        answers = [_gift_short_answer(a, q.id) for a in q.accepted]
        for form in extra_answer_forms(q):
            try:  # an extra form GIFT cannot hold is left out; the teacher's answers must all go
                answers.append(_gift_short_answer(form, q.id))
            except ExportError:
                continue
        if any("->" in a for a in answers):
            # Moodle reads answers holding both = and -> as a matching question. One answer needs
            # no = in front of it; several cannot be written without one.
            if len(answers) > 1:
                raise ExportError(
                    f"question {q.id!r}: GIFT cannot hold an accepted answer with '->' among several "
                    "(Moodle would read a matching question); keep only that answer, or export the "
                    "set as Moodle XML"
                )
            body = f"\t{answers[0]}"
        else:
            body = "\n".join(f"\t={a}" for a in answers)
    elif q.type == "match":
        body = "\n".join(
            f"\t={_gift_html(a)} -> {_gift_literal(b, 'the right side', q.id)}" for a, b in q.pairs
        )
    elif q.type == "order":
        body = "\n".join(f"\t={_gift_html(item)} -> {i}" for i, item in enumerate(q.items, start=1))
    else:
        raise ExportError(f"question {q.id}: type {q.type!r} cannot be exported")
    return f"{_gift_comment(q)}\n{name}{prompt}{{\n{body}{feedback}\n}}\n"


def export_gift(qs: QuizSet) -> str:
    """The quiz set in Moodle's GIFT format (UTF-8 text; one question per block, blank lines between).

    Raises ExportError for a question GIFT cannot carry as it is (see the module docstring).
    """
    questions = _exportable(qs)
    # In a $CATEGORY line Moodle undoes \\ but none of the other escapes: double backslashes only.
    category = category_path(qs.title).replace("\\", "\\\\")
    if "&&092;" in category:
        raise ExportError(
            f"the title {qs.title!r} holds '&&092;', which Moodle's GIFT importer reads as a backslash; "
            "change the title or export the set as Moodle XML"
        )
    parts = [
        f"// {_one_line(qs.title)} — exported by Dushu",
        "// Order questions are matching questions: match each item to its position (1 = earliest).",
        "",
        f"$CATEGORY: {category}",
        "",
    ]
    for q in questions:
        parts.append(_gift_question(q))
    return "\n".join(parts)


# -------------------------------------------------------------------------------------------- Moodle XML


def _text_element(parent: ET.Element, tag: str, text: str, fmt: str = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    inner = ET.SubElement(element, "text")
    inner.text = text
    return element


def _html_text(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _xml_question(quiz: ET.Element, q: Question) -> None:
    moodle_type = {
        "choice": "multichoice",
        "truefalse": "truefalse",
        "cloze": "shortanswer",
        "short": "shortanswer",
        "match": "matching",
        "order": "matching",
    }.get(q.type)
    if moodle_type is None:
        raise ExportError(f"question {q.id}: type {q.type!r} cannot be exported")
    question = ET.SubElement(quiz, "question", {"type": moodle_type})
    name = ET.SubElement(question, "name")
    ET.SubElement(name, "text").text = q.id
    prompt = q.prompt
    if q.type == "order":
        prompt += "\n（1 = 最早）"
    _text_element(question, "questiontext", _html_text(prompt))
    _text_element(question, "generalfeedback", _html_text(q.explanation))
    ET.SubElement(question, "defaultgrade").text = _number(q.points)
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    if _has_id_number(q):
        ET.SubElement(question, "idnumber").text = q.id

    if q.type == "choice":
        ET.SubElement(question, "single").text = "true"
        ET.SubElement(question, "shuffleanswers").text = "true"
        ET.SubElement(question, "answernumbering").text = "abc"
        for i, choice in enumerate(q.choices):
            answer = ET.SubElement(
                question, "answer", {"fraction": "100" if i == q.answer else "0", "format": "html"}
            )
            ET.SubElement(answer, "text").text = _html_text(choice)
            _text_element(answer, "feedback", "")
    elif q.type == "truefalse":
        for value in ("true", "false"):
            is_right = (value == "true") == bool(q.answer)
            answer = ET.SubElement(
                question, "answer", {"fraction": "100" if is_right else "0", "format": "moodle_auto_format"}
            )
            ET.SubElement(answer, "text").text = value
            _text_element(answer, "feedback", "")
    elif q.type in ("cloze", "short"):
        ET.SubElement(question, "usecase").text = "0"
        for accepted in lms_answers(q):
            answer = ET.SubElement(question, "answer", {"fraction": "100", "format": "moodle_auto_format"})
            # Moodle treats * as "anything"; an accepted answer means itself.
            ET.SubElement(answer, "text").text = accepted.replace("*", "\\*")
            _text_element(answer, "feedback", "")
    else:
        ET.SubElement(question, "shuffleanswers").text = "true"
        pairs = q.pairs if q.type == "match" else tuple((item, str(i)) for i, item in enumerate(q.items, 1))
        for left, right in pairs:
            sub = _text_element(question, "subquestion", _html_text(left))
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = right
    if q.tags:
        tags = ET.SubElement(question, "tags")
        for t in q.tags:
            tag = ET.SubElement(tags, "tag")
            ET.SubElement(tag, "text").text = t


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def export_moodle_xml(qs: QuizSet) -> str:
    """The quiz set as Moodle XML (question bank import format), with a category named after the set.

    ElementTree escapes < > & in text (so a "]]>" never closes anything); control characters, which
    XML 1.0 cannot hold at all, are removed first (`exportable_question`).
    """
    questions = _exportable(qs)
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    cat = ET.SubElement(category, "category")
    ET.SubElement(cat, "text").text = category_path(qs.title)
    for q in questions:
        _xml_question(quiz, q)
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


# --------------------------------------------------------------------------------------------------- CSV

_CSV_COLUMNS = ("id", "type", "points", "prompt", "options", "answer", "tags", "source", "explanation")


def _csv_cell(text: str) -> str:
    """Keep spreadsheets from running text as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(qs: QuizSet) -> str:
    """One row per question: the options (choices, items or pairs) one per line in a cell, the answer
    written out. Write it with encoding "utf-8-sig" for Excel (write_quiz_export does)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_CSV_COLUMNS)
    for q in qs.questions:
        if q.type == "choice":
            options = "\n".join(f"{chr(65 + i)}. {c}" for i, c in enumerate(q.choices))
            assert isinstance(q.answer, int)
            answer = f"{chr(65 + q.answer)}. {q.choices[q.answer]}"
        elif q.type == "truefalse":
            options, answer = "", "true" if q.answer else "false"
        elif q.type in ("cloze", "short"):
            options, answer = "", " | ".join(q.accepted)
        elif q.type == "order":
            options, answer = "", "\n".join(f"{i}. {item}" for i, item in enumerate(q.items, start=1))
        else:
            options, answer = "", "\n".join(f"{a} = {b}" for a, b in q.pairs)
        row = (
            q.id,
            q.type,
            _number(q.points),
            q.prompt,
            options,
            answer,
            ", ".join(q.tags),
            q.source,
            q.explanation,
        )
        writer.writerow([_csv_cell(c) for c in row])
    return out.getvalue()


def write_quiz_export(qs: QuizSet, fmt: str, path: str | os.PathLike[str]) -> None:
    """Export `qs` as `fmt` ("gift", "moodle-xml" or "csv") to `path`, atomically."""
    if fmt == "gift":
        data = export_gift(qs).encode("utf-8")
    elif fmt == "moodle-xml":
        data = export_moodle_xml(qs).encode("utf-8")
    elif fmt == "csv":
        data = export_csv(qs).encode("utf-8-sig")
    else:
        raise ExportError(f"unknown quiz export format {fmt!r}; choose from {', '.join(QUIZ_EXPORT_FORMATS)}")

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    write_atomically(Path(path), write)
