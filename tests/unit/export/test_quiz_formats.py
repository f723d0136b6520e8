"""Quiz exports: GIFT and Moodle XML as Moodle reads them, CSV for spreadsheets."""

from __future__ import annotations

import csv
import html
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dushu.core.quiz import Question, QuizSet
from dushu.errors import ExportError
from dushu.export.quiz_formats import export_csv, export_gift, export_moodle_xml, write_quiz_export

QUIZ = QuizSet(
    "美日同盟 2015/2025",
    (
        Question(
            "c1",
            "choice",
            "QUAD 在何時復活？\n（選一項）",
            2,
            ("2016年8月", "2019年9月", "2017年11月", "2021年3月"),
            tags=("event", "date"),
            explanation="文中說：2017年11月 #1",
        ),
        Question("t1", "truefalse", "QUAD = 四方安全對話機制 {簡稱}", False, explanation="其實是對的~"),
        Question("z1", "cloze", "「四方安全對話機制」隨即在____復活。", ("2017年11月", "2017/11", "a*b")),
        Question("s1", "short", "<script>alert(1)</script> 的英文簡稱？", ("QUAD",), points=2),
        Question("o1", "order", "按先後排列：", items=("提出印太概念", "QUAD復活", "外長會議")),
        Question(
            "m1",
            "match",
            "配對：",
            pairs=(
                ("QUAD", "四方安全對話機制"),
                ("TPP", "跨太平洋夥伴關係協定"),
                ("RCEP", "區域全面經濟夥伴關係協定"),
            ),
        ),
    ),
)


# --- a reader that follows Moodle's qformat_gift import step by step --------------------------------------

_PLACEHOLDERS = {
    "\\:": "&&058;",
    "\\#": "&&035;",
    "\\=": "&&061;",
    "\\{": "&&123;",
    "\\}": "&&125;",
    "\\~": "&&126;",
    "\\n": "&&010",
}


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    back = {
        "&&058;": ":",
        "&&035;": "#",
        "&&061;": "=",
        "&&123;": "{",
        "&&125;": "}",
        "&&126;": "~",
        "&&010": "\n",
    }
    for placeholder, char in back.items():
        text = text.replace(placeholder, char)
    return text


def _strip_format(text: str) -> str:
    text = text.strip()
    if text.startswith("[html]"):
        text = html.unescape(text[len("[html]") :].replace("<br>", "\n"))
    return _post(text).strip()


def read_gift(gift: str) -> list[dict[str, object]]:
    questions: list[dict[str, object]] = []
    for block in re.split(r"\n\s*\n", gift):
        lines = [ln for ln in block.split("\n") if not ln.strip().startswith("//")]
        text = _pre("\n".join(lines).strip())
        if not text or text.startswith("$CATEGORY:"):
            continue
        assert text.startswith("::")
        name, text = text[2:].split("::", 1)
        start, finish = text.index("{"), text.index("}")
        answers = text[start + 1 : finish].strip()
        general = ""
        if "####" in answers:
            answers, general = answers.rsplit("####", 1)
            answers = answers.strip()
        q: dict[str, object] = {
            "name": _post(name),
            "text": _strip_format(text[:start]),
            "feedback": _strip_format(general),
        }
        if "~" in answers:
            options = [o.strip() for o in answers.replace("=", "~=").split("~") if o.strip()]
            q["type"] = "multichoice"
            q["answers"] = [(_strip_format(o.lstrip("=")), o.startswith("=")) for o in options]
        elif "=" in answers and "->" in answers:
            q["type"] = "match"
            subs = [s.strip() for s in answers.split("=") if s.strip()]
            q["pairs"] = [
                (_strip_format(s.split("->", 1)[0]), _post(s.split("->", 1)[1]).strip()) for s in subs
            ]
        elif answers in ("T", "TRUE", "F", "FALSE"):
            q["type"] = "truefalse"
            q["answer"] = answers in ("T", "TRUE")
        else:
            q["type"] = "shortanswer"
            q["answers"] = [_post(a).strip() for a in answers.split("=") if a.strip()]
        questions.append(q)
    return questions


def test_gift_imports_every_question_as_moodle_reads_it() -> None:
    gift = export_gift(QUIZ)
    assert "$CATEGORY: $course$/top/美日同盟 2015//2025" in gift
    read = {q["name"]: q for q in read_gift(gift)}
    assert list(read) == ["c1", "t1", "z1", "s1", "o1", "m1"]
    assert read["c1"]["type"] == "multichoice"
    assert read["c1"]["answers"] == [
        ("2016年8月", False),
        ("2019年9月", False),
        ("2017年11月", True),
        ("2021年3月", False),
    ]
    assert read["c1"]["text"] == "QUAD 在何時復活？\n（選一項）"
    assert read["c1"]["feedback"] == "文中說：2017年11月 #1"
    assert (read["t1"]["type"], read["t1"]["answer"]) == ("truefalse", False)
    assert read["t1"]["text"] == "QUAD = 四方安全對話機制 {簡稱}"
    assert read["z1"]["type"] == "shortanswer"
    assert read["z1"]["answers"] == ["2017年11月", "2017/11", "a\\*b"]  # a literal *, not Moodle's wildcard
    assert "____" in str(read["z1"]["text"])
    assert (
        read["s1"]["text"] == "<script>alert(1)</script> 的英文簡稱？"
    )  # escaped in the file, shown as text
    assert read["o1"]["type"] == "match"
    assert read["o1"]["pairs"] == [("提出印太概念", "1"), ("QUAD復活", "2"), ("外長會議", "3")]
    assert read["m1"]["pairs"] == list(QUIZ.questions[5].pairs)


def test_gift_escapes_untrusted_html_and_carries_ids_and_tags() -> None:
    gift = export_gift(QUIZ)
    assert "<script>" not in gift and "&lt;script&gt;" in gift
    assert "// [id:c1] [tag:event] [tag:date]" in gift


def test_moodle_xml_has_the_right_question_types_and_answers() -> None:
    root = ET.fromstring(export_moodle_xml(QUIZ))
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/美日同盟 2015//2025"
    by_name = {q.findtext("name/text"): q for q in questions}
    assert {n: q.get("type") for n, q in by_name.items()} == {
        "c1": "multichoice",
        "t1": "truefalse",
        "z1": "shortanswer",
        "s1": "shortanswer",
        "o1": "matching",
        "m1": "matching",
    }
    choice = by_name["c1"]
    fractions = [
        (html.unescape(a.findtext("text") or ""), a.get("fraction")) for a in choice.findall("answer")
    ]
    assert fractions[2] == ("2017年11月", "100") and [f for _t, f in fractions].count("100") == 1
    assert choice.findtext("single") == "true"
    assert [t.findtext("text") for t in choice.findall("tags/tag")] == ["event", "date"]
    assert choice.findtext("idnumber") == "c1"
    assert "<br>" in (choice.findtext("questiontext/text") or "")
    tf = {a.findtext("text"): a.get("fraction") for a in by_name["t1"].findall("answer")}
    assert tf == {"true": "0", "false": "100"}
    assert [a.findtext("text") for a in by_name["z1"].findall("answer")] == ["2017年11月", "2017/11", "a\\*b"]
    assert by_name["s1"].findtext("defaultgrade") == "2"
    assert "&lt;script&gt;" in (by_name["s1"].findtext("questiontext/text") or "")
    order = [(s.findtext("text"), s.findtext("answer/text")) for s in by_name["o1"].findall("subquestion")]
    assert order == [("提出印太概念", "1"), ("QUAD復活", "2"), ("外長會議", "3")]
    match = [(s.findtext("text"), s.findtext("answer/text")) for s in by_name["m1"].findall("subquestion")]
    assert match == list(QUIZ.questions[5].pairs)
    assert by_name["c1"].findtext("generalfeedback/text") == "文中說：2017年11月 #1"


def test_csv_has_one_row_per_question() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(QUIZ))))
    assert rows[0] == ["id", "type", "points", "prompt", "options", "answer", "tags", "source", "explanation"]
    assert len(rows) == 7
    assert rows[1][4].splitlines()[2] == "C. 2017年11月" and rows[1][5] == "C. 2017年11月"
    assert rows[2][5] == "false"
    assert rows[3][5] == "2017年11月 | 2017/11 | a*b"
    assert rows[5][5].splitlines() == ["1. 提出印太概念", "2. QUAD復活", "3. 外長會議"]
    assert rows[6][5].splitlines()[0] == "QUAD = 四方安全對話機制"


@pytest.mark.parametrize(
    ("fmt", "start"), [("gift", b"// "), ("moodle-xml", b"<?xml"), ("csv", b"\xef\xbb\xbfid,")]
)
def test_write_quiz_export_writes_atomically(tmp_path: Path, fmt: str, start: bytes) -> None:
    path = tmp_path / f"quiz.{fmt}"
    write_quiz_export(QUIZ, fmt, path)
    assert path.read_bytes().startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_unknown_export_format(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown quiz export format 'docx'"):
        write_quiz_export(QUIZ, "docx", tmp_path / "x")
