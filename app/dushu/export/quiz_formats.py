"""Quiz-set exports an LMS imports as they are: Moodle GIFT, Moodle XML, and CSV for spreadsheets.

How Dushu's question types map:

- choice -> multiple choice (one right answer), truefalse -> true/false,
- cloze and short -> short answer (every accepted answer scores 100%; a cloze keeps its ____ blank in the
  question text),
- match -> matching (left side = sub-question, right side = answer),
- order -> matching as well: each item is matched to its position ("1", "2", "3" …). Moodle's own
  "ordering" question type is a plug-in that many sites lack, and GIFT cannot express it, so a
  matching question of positions is what imports everywhere; Moodle gives partial credit per item.

The explanation becomes the general feedback; `points` the default mark (Moodle XML only: GIFT has no
syntax for it); tags and the id become Moodle tags and ID number.
"""

from __future__ import annotations

import csv
import html
import io
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import BinaryIO

from dushu.core.quiz.model import Question, QuizSet
from dushu.errors import ExportError
from dushu.export.atomic import write_atomically

__all__ = ["QUIZ_EXPORT_FORMATS", "export_csv", "export_gift", "export_moodle_xml", "write_quiz_export"]

QUIZ_EXPORT_FORMATS = ("gift", "moodle-xml", "csv")


# -------------------------------------------------------------------------------------------------- GIFT


def _gift_escape(text: str) -> str:
    """Escape GIFT's control characters (Moodle reads \\~ \\= \\# \\{ \\} \\: and \\\\ back)."""
    out = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r", "").replace("\n", "\\n")


def _gift_html(text: str) -> str:
    """Document text as GIFT [html] content: HTML-escaped (it is untrusted), lines as <br>, GIFT-escaped."""
    escaped = html.escape(text, quote=False).replace("\r", "").replace("\n", "<br>")
    return _gift_escape(escaped)


def _gift_plain_answer(text: str) -> str:
    """A short-answer or matching answer: compared as plain text by Moodle, so no HTML; * is a wildcard."""
    return _gift_escape(text.replace("\n", " ")).replace("*", "\\*")


def _gift_comment(q: Question) -> str:
    tags = " ".join(f"[tag:{t.replace(']', '')}]" for t in q.tags if t.strip())
    ident = f"[id:{q.id.replace(']', '')}]"
    return f"// {ident} {tags}".rstrip()


def _gift_question(q: Question) -> str:
    name = f"::{_gift_escape(q.id)}::"
    prompt = "[html]" + _gift_html(q.prompt + ("\n（1 = 最早）" if q.type == "order" else ""))
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
        body = "\n".join(f"\t={_gift_plain_answer(a)}" for a in dict.fromkeys(q.accepted))
    elif q.type == "match":
        body = "\n".join(f"\t={_gift_html(a)} -> {_gift_plain_answer(b)}" for a, b in q.pairs)
    elif q.type == "order":
        body = "\n".join(f"\t={_gift_html(item)} -> {i}" for i, item in enumerate(q.items, start=1))
    else:
        raise ExportError(f"question {q.id}: type {q.type!r} cannot be exported")
    return f"{_gift_comment(q)}\n{name}{prompt}{{\n{body}{feedback}\n}}\n"


def export_gift(qs: QuizSet) -> str:
    """The quiz set in Moodle's GIFT format (UTF-8 text; one question per block, blank lines between)."""
    category = qs.title.replace("\n", " ").replace("/", "//")
    parts = [
        f"// {qs.title.replace(chr(10), ' ')} — exported by Dushu",
        "// Order questions are matching questions: match each item to its position (1 = earliest).",
        "",
        f"$CATEGORY: $course$/top/{category}",
        "",
    ]
    for q in qs.questions:
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
        for accepted in dict.fromkeys(q.accepted):
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
    """The quiz set as Moodle XML (question bank import format), with a category named after the set."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    cat = ET.SubElement(category, "category")
    ET.SubElement(cat, "text").text = f"$course$/top/{qs.title.replace('/', '//')}"
    for q in qs.questions:
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
