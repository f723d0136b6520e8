"""Quiz exports: GIFT and Moodle XML as Moodle reads them, CSV for spreadsheets."""

from __future__ import annotations

import csv
import html
import importlib.util
import io
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from dushu.core.quiz import Question, QuizSet
from dushu.errors import ExportError
from dushu.export.quiz_formats import (
    export_csv,
    export_gift,
    export_moodle_xml,
    exportable_question,
    lms_answers,
    write_quiz_export,
)

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


def _load_reader() -> ModuleType:
    # Test modules cannot import each other in importlib mode: load the helper by path (and register
    # it, which its dataclasses need).
    path = Path(__file__).with_name("gift_reader.py")
    spec = importlib.util.spec_from_file_location("dushu_tests_gift_reader", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gift_reader = _load_reader()
read_gift = gift_reader.read_gift
shown_html = gift_reader.shown_html
literal = gift_reader.shortanswer_literal


def questions_of(gift: str) -> dict[str, Any]:
    """The questions Moodle imports from `gift`, by name; the category line checked and left out."""
    read = read_gift(gift)
    assert read[0].qtype == "category", "the category comes first"
    assert all(q.qtype != "category" for q in read[1:])
    return {q.name: q for q in read[1:]}


def test_gift_imports_every_question_as_moodle_reads_it() -> None:
    gift = export_gift(QUIZ)
    assert read_gift(gift)[0].category == "$course$/top/美日同盟 2015//2025"
    read = questions_of(gift)
    assert list(read) == ["c1", "t1", "z1", "s1", "o1", "m1"]
    assert [q.idnumber for q in read.values()] == list(read)
    c1 = read["c1"]
    assert c1.qtype == "multichoice"
    assert [(shown_html(t), f) for t, f in c1.answers] == [
        ("2016年8月", 0),
        ("2019年9月", 0),
        ("2017年11月", 1),
        ("2021年3月", 0),
    ]
    assert shown_html(c1.text) == "QUAD 在何時復活？\n（選一項）"
    assert shown_html(c1.feedback) == "文中說：2017年11月 #1"
    assert c1.tags == ("event", "date")
    assert (read["t1"].qtype, read["t1"].correct) == ("truefalse", False)
    assert shown_html(read["t1"].text) == "QUAD = 四方安全對話機制 {簡稱}"
    z1 = read["z1"]
    assert z1.qtype == "shortanswer"
    assert [(t.text, f) for t, f in z1.answers] == [("2017年11月", 1), ("2017/11", 1), ("a\\*b", 1)]
    assert literal(z1.answers[2][0].text) == "a*b", "a literal *, not Moodle's wildcard"
    assert "____" in shown_html(z1.text)
    # escaped in the file, shown as text
    assert shown_html(read["s1"].text) == "<script>alert(1)</script> 的英文簡稱？"
    assert read["o1"].qtype == "match"
    assert [(shown_html(a), b) for a, b in read["o1"].subquestions] == [
        ("提出印太概念", "1"),
        ("QUAD復活", "2"),
        ("外長會議", "3"),
    ]
    assert [(shown_html(a), b) for a, b in read["m1"].subquestions] == list(QUIZ.questions[5].pairs)


def test_gift_escapes_untrusted_html_and_carries_ids_and_tags() -> None:
    gift = export_gift(QUIZ)
    assert "<script>" not in gift and "&lt;script&gt;" in gift
    assert "// [id:c1]\n// [tag:event]\n// [tag:date]\n::c1::" in gift


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


# --- hostile text: nothing in a field may change what Moodle imports (issue 13, point 5) ----------------

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _one(q: Question, title: str = "測驗") -> Any:
    """The single question Moodle reads from the GIFT export of a set holding only `q`."""
    read = questions_of(export_gift(QuizSet(title, (q,))))
    assert len(read) == 1, f"exactly one question, not {list(read)}"
    return next(iter(read.values()))


def test_a_tag_with_line_breaks_cannot_inject_a_question() -> None:
    tag = "地理\n\n::injected::Is this mine?{TRUE}\n\n// [tag:extra]"
    q = _one(Question("q1", "truefalse", "臺北在北部。", True, tags=(tag, "ok")))
    assert q.qtype == "truefalse" and q.correct is True
    assert q.tags == (_one_line(tag), "ok")


def test_an_id_with_a_line_break_stays_in_its_comment() -> None:
    qid = "q1\n::evil::Who?{=me}\n"
    q = _one(Question(qid, "short", "誰？", ("小明",)))
    assert (q.qtype, q.idnumber, q.name) == ("shortanswer", _one_line(qid), _one_line(qid))
    assert [a.text for a, _f in q.answers] == ["小明"]


def test_a_title_with_line_breaks_stays_one_category() -> None:
    title = "第一課\n\n::evil::x{TRUE}\n$CATEGORY: elsewhere"
    read = read_gift(export_gift(QuizSet(title, (Question("q1", "truefalse", "對嗎？", False),))))
    assert [q.qtype for q in read] == ["category", "truefalse"]
    assert read[0].category == "$course$/top/" + _one_line(title).replace("/", "//")


@pytest.mark.parametrize("title", ["/開頭", "結尾/", "a//b", "反\\斜線\\:", "  "])
def test_titles_with_slashes_and_backslashes_name_one_category(title: str) -> None:
    qs = QuizSet(title, (Question("q1", "truefalse", "對嗎？", False),))

    def names(path: str) -> list[str]:
        # Moodle splits a path at single slashes and trims each name.
        return [n.strip().replace("//", "/") for n in re.split(r"(?<!/)/(?!/)", path.strip())]

    expected = ["$course$", "top", _one_line(title) or "Dushu"]
    assert names(read_gift(export_gift(qs))[0].category) == expected
    assert names(ET.fromstring(export_moodle_xml(qs)).findtext("question/category/text") or "") == expected


def test_an_arrow_in_the_only_accepted_answer_stays_a_short_answer() -> None:
    q = _one(Question("s1", "short", "箭頭怎麼寫？", ("A->B",)))
    assert q.qtype == "shortanswer"
    assert [(a.text, f) for a, f in q.answers] == [("A->B", 1)]


def test_an_arrow_among_several_accepted_answers_is_refused_with_a_reason() -> None:
    qs = QuizSet("箭頭", (Question("s1", "short", "箭頭怎麼寫？", ("A->B", "A→B")),))
    with pytest.raises(ExportError, match=r"question 's1'.*'->'.*Moodle XML"):
        export_gift(qs)
    root = ET.fromstring(export_moodle_xml(qs))  # Moodle XML carries it
    assert [a.findtext("text") for a in root.findall("question/answer")] == ["A->B", "A→B"]


def test_an_arrow_in_a_choice_or_a_left_side_is_text() -> None:
    choice = _one(Question("c1", "choice", "哪個對？", 0, ("A->B", "B->A")))
    assert choice.qtype == "multichoice"
    assert [(shown_html(t), f) for t, f in choice.answers] == [("A->B", 1), ("B->A", 0)]
    match = _one(Question("m1", "match", "配對", pairs=(("x->y", "甲->乙"), ("y", "丙"))))
    assert [(shown_html(a), b) for a, b in match.subquestions] == [("x->y", "甲->乙"), ("y", "丙")]


@pytest.mark.parametrize("lead", ["%50%", "%-100%", "%33.3%", "[markdown]", "[html]", "[plain]", "[moodle]"])
def test_weights_and_format_markers_at_the_start_of_a_text_are_text(lead: str) -> None:
    choice = _one(
        Question("c1", "choice", lead + "問題", 1, (lead + "甲", lead + "乙"), explanation=lead + "因為")
    )
    assert choice.qtype == "multichoice"
    assert (choice.text.format, shown_html(choice.text)) == ("html", lead + "問題")
    assert [(t.format, shown_html(t), f) for t, f in choice.answers] == [
        ("html", lead + "甲", 0),
        ("html", lead + "乙", 1),
    ]
    assert shown_html(choice.feedback) == lead + "因為"
    short = _one(Question("s1", "short", "答？", (lead + "答案", "答")))
    assert [(literal(a.text), f) for a, f in short.answers] == [(lead + "答案", 1), ("答", 1)]
    match = _one(Question("m1", "match", "配對", pairs=((lead + "左", lead + "右"), ("甲", "乙"))))
    assert [(shown_html(a), b) for a, b in match.subquestions] == [(lead + "左", lead + "右"), ("甲", "乙")]


def test_backslashes_and_brackets_in_ids_and_tags_come_back_exactly() -> None:
    for qid, tag in [("q\\", "t\\"), ("a]b", "c]d\\"), ("x\\]", "[tag:y]"), ("[id:z]", "]")]:
        q = _one(Question(qid, "truefalse", "對嗎？", True, tags=(tag, "next")))
        assert (q.idnumber, q.tags) == (qid, (tag, "next")), (qid, tag)


def test_an_id_that_would_add_a_tag_is_refused() -> None:
    with pytest.raises(ExportError, match=r"\[tag:"):
        export_gift(QuizSet("t", (Question("q [tag:evil]", "truefalse", "對嗎？", True),)))


@pytest.mark.parametrize("placeholder", ["&&058;", "&&092;", "&&010"])
def test_text_moodle_would_read_as_another_character_is_refused_or_safe(placeholder: str) -> None:
    with pytest.raises(ExportError, match="Moodle XML"):
        export_gift(QuizSet("t", (Question("s1", "short", "答？", (f"x{placeholder}",)),)))
    # In HTML text the & is written &amp;, so the same characters are safe there.
    q = _one(Question("c1", "choice", placeholder, 0, (placeholder, "乙")))
    assert shown_html(q.text) == placeholder and shown_html(q.answers[0][0]) == placeholder


def test_control_characters_are_removed_from_every_field() -> None:
    # every control character but tab, line feed and carriage return (a line break of its own)
    codes = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0xFFFE, 0xFFFF]
    junk = "".join(chr(c) for c in codes)
    qs = QuizSet(
        "題" + junk,
        (
            Question(
                "c" + junk,
                "choice",
                "問" + junk + "\r\n題",
                0,
                ("甲" + junk, "乙"),
                tags=("標" + junk + "籤",),
                explanation="因" + junk,
            ),
            Question("s" + junk, "short", "答" + junk, ("字" + junk + "*",)),
        ),
    )
    gift = export_gift(qs)
    assert not _CONTROL.search(gift)
    read = questions_of(gift)
    assert list(read) == ["c", "s"]
    assert shown_html(read["c"].text) == "問\n題"
    assert [shown_html(t) for t, _f in read["c"].answers] == ["甲", "乙"]
    assert read["c"].tags == ("標籤",)
    assert literal(read["s"].answers[0][0].text) == "字*"
    xml = export_moodle_xml(qs)
    root = ET.fromstring(xml)  # well-formed: XML 1.0 cannot hold any of them
    names = [q.findtext("name/text") for q in root.findall("question")[1:]]
    assert names == ["c", "s"]
    assert root.findtext("question/category/text") == "$course$/top/題"


def test_a_text_that_is_only_control_characters_is_refused_by_name() -> None:
    with pytest.raises(ExportError, match=r"question 'c1': a choice is empty"):
        export_moodle_xml(QuizSet("t", (Question("c1", "choice", "問", 0, ("甲", "\x01\x02")),)))
    with pytest.raises(ExportError, match=r"two choices read the same"):
        export_gift(QuizSet("t", (Question("c1", "choice", "問", 0, ("甲", "甲\x07")),)))


def test_cdata_ends_and_markup_in_xml_text_come_back_as_text() -> None:
    text = "a]]>b<![CDATA[c]]>&amp;<b>d</b>"
    qs = QuizSet(text, (Question(text, "short", text, (text,), tags=(text,), explanation=text),))
    root = ET.fromstring(export_moodle_xml(qs))
    q = root.findall("question")[1]
    assert html.unescape(q.findtext("questiontext/text") or "") == text
    assert html.unescape(q.findtext("generalfeedback/text") or "") == text
    assert q.findtext("answer/text") == text
    assert q.findtext("name/text") == q.findtext("idnumber") == text
    assert [t.findtext("text") for t in q.findall("tags/tag")] == ["a]]b![CDATA[c]]&amp;bd/b"]


# --- any text in any field: Moodle reads exactly the questions meant, or the export is refused ----------

_FRAGMENTS = [
    "~", "=", "#", "{", "}", ":", "::", "\\", "\\n", "->", "%50%", "%-25%", "[markdown]", "[html]",
    "[plain]", "\n", "\r", "\r\n", "\n\n", "\x00", "\x0b", "\x85", "\u2028", "//", "]]>", "<br>", "&amp;",
    "*", "[id:", "]", "$CATEGORY:", " ", "\t", "0", "\u3000", "T", "TRUE", "####", "<", ">", "`", "/", "&",
    "題",
]  # fmt: skip
# What GIFT cannot carry at all: drawn less often, so most examples are exported and read back.
_RARE = ["&&058;", "&&092;", "&&010", "[tag:"]
_piece = st.one_of(st.sampled_from(_FRAGMENTS), st.sampled_from(_FRAGMENTS), st.text(max_size=4))
_usual = st.lists(_piece, max_size=6).map("".join)
_rare = st.tuples(_usual, st.sampled_from(_RARE), _usual).map("".join)
_text = st.one_of(*[_usual] * 19, _rare)  # one field in twenty holds one
_mark = st.sampled_from(["題", "x", "0", "->", "%50%"])
_nonblank = st.tuples(_text, _mark, _text).map("".join)
# Refusals of ids are tested one by one above; here ids vary in everything else, so that most
# examples are exported and read back.
_id = st.tuples(_usual, _mark, _usual).map("".join)
_quiz = st.lists(
    st.deferred(lambda: _questions()), min_size=1, max_size=3, unique_by=lambda q: _one_line(q.id)
)


def _html_field(text: str) -> str:
    """What Moodle shows of a document text Dushu wrote: cleaned, its outer spaces trimmed."""
    return _clean(text).strip(" \t")


def _feedback(text: str) -> str:
    """A blank explanation is left out."""
    return _html_field(text) if _clean(text).strip(gift_reader.PHP_TRIM) else ""


def _plain_field(text: str) -> str:
    return _clean(text).replace("\n", " ").strip(" \t")


def _tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in (_one_line(re.sub("[<>`]", "", t)) for t in tags) if t))


@st.composite
def _questions(draw: st.DrawFn) -> Question:
    qtype = draw(st.sampled_from(["choice", "truefalse", "short", "cloze", "order", "match"]))
    common = {
        "id": draw(_id),
        "type": qtype,
        "prompt": draw(_nonblank) + ("____" if qtype == "cloze" else ""),
        "tags": tuple(draw(st.lists(_text, max_size=3))),
        "explanation": draw(_text),
    }
    if qtype == "choice":
        choices = tuple(draw(st.lists(_nonblank, min_size=2, max_size=4, unique=True)))
        return Question(**common, answer=draw(st.integers(0, len(choices) - 1)), choices=choices)
    if qtype == "truefalse":
        return Question(**common, answer=draw(st.booleans()))
    if qtype in ("short", "cloze"):
        return Question(**common, answer=tuple(draw(st.lists(_nonblank, min_size=1, max_size=3))))
    if qtype == "order":
        return Question(**common, items=tuple(draw(st.lists(_nonblank, min_size=2, max_size=4, unique=True))))
    lefts = draw(st.lists(_nonblank, min_size=2, max_size=4, unique=True))
    return Question(**common, pairs=tuple((a, draw(_nonblank)) for a in lefts))


def _check_gift_question(read: Any, q: Question) -> None:
    assert read.idnumber == read.name == _one_line(q.id)
    assert read.tags == _tags(q.tags)
    hint = "\n（1 = 最早）" if q.type == "order" else ""
    assert shown_html(read.text) == _html_field(_clean(q.prompt) + hint)
    expected_feedback = _feedback(q.explanation)
    assert (shown_html(read.feedback) if read.feedback.text else "") == expected_feedback
    if q.type == "choice":
        assert read.qtype == "multichoice"
        expected = [(_html_field(c), 1.0 if i == q.answer else 0.0) for i, c in enumerate(q.choices)]
        assert [(shown_html(t), f) for t, f in read.answers] == expected
    elif q.type == "truefalse":
        assert (read.qtype, read.correct) == ("truefalse", q.answer)
    elif q.type in ("short", "cloze"):
        assert read.qtype == "shortanswer"
        expected_answers = list(dict.fromkeys(_plain_field(a) for a in lms_answers(exportable_question(q))))
        assert [(literal(t.text), f) for t, f in read.answers] == [(a, 1.0) for a in expected_answers]
    else:
        assert read.qtype == "match"
        pairs = q.pairs if q.type == "match" else tuple((x, str(i)) for i, x in enumerate(q.items, 1))
        assert [(shown_html(a), b) for a, b in read.subquestions] == [
            (_html_field(a), _plain_field(b)) for a, b in pairs
        ]


_REFUSALS = ("is empty once", "read the same", "same id", "'->'", "[tag:", "&&0", "GIFT importer")


@settings(max_examples=100, deadline=None)
@given(title=_text, questions=_quiz)
def test_any_text_in_any_field_round_trips_through_gift_or_is_refused(
    title: str, questions: list[Question]
) -> None:
    qs = QuizSet(title, tuple(questions))
    try:
        gift = export_gift(qs)
    except ExportError as exc:
        assert any(reason in str(exc) for reason in _REFUSALS), str(exc)
        event("refused")
        return
    event("exported")
    read = read_gift(gift)
    assert [q.qtype for q in read][:1] == ["category"]
    assert len(read) == len(questions) + 1, "exactly the questions meant, no more, no fewer"
    for got, q in zip(read[1:], questions, strict=True):
        _check_gift_question(got, q)


@settings(max_examples=100, deadline=None)
@given(title=_text, questions=_quiz)
def test_any_text_in_any_field_round_trips_through_moodle_xml_or_is_refused(
    title: str, questions: list[Question]
) -> None:
    qs = QuizSet(title, tuple(questions))
    try:
        xml = export_moodle_xml(qs)
    except ExportError as exc:
        assert any(reason in str(exc) for reason in _REFUSALS), str(exc)
        event("refused")
        return
    event("exported")
    root = ET.fromstring(xml)
    category, *read = root.findall("question")
    assert category.get("type") == "category" and len(read) == len(questions)

    def shown(element: ET.Element, path: str) -> str:
        # Moodle trims what it reads (PHP trim); the text is HTML Dushu wrote.
        return html.unescape((element.findtext(path) or "").strip(gift_reader.PHP_TRIM).replace("<br>", "\n"))

    for got, q in zip(read, questions, strict=True):
        assert got.findtext("name/text") == got.findtext("idnumber") == _one_line(q.id)
        assert tuple(t.findtext("text") for t in got.findall("tags/tag")) == _tags(q.tags)
        hint = "\n（1 = 最早）" if q.type == "order" else ""
        assert shown(got, "questiontext/text") == _html_field(_clean(q.prompt) + hint)
        assert shown(got, "generalfeedback/text") == _feedback(q.explanation)
        answers = got.findall("answer")
        if q.type == "choice":
            assert [(shown(a, "text"), a.get("fraction")) for a in answers] == [
                (_html_field(c), "100" if i == q.answer else "0") for i, c in enumerate(q.choices)
            ]
        elif q.type in ("short", "cloze"):
            texts = [(a.findtext("text") or "").strip(gift_reader.PHP_TRIM) for a in answers]
            expected = lms_answers(exportable_question(q))
            assert [literal(t) for t in texts] == list(dict.fromkeys(_plain_field(a) for a in expected))


def test_what_does_not_fit_moodles_columns_is_left_out_or_shortened() -> None:
    long_id, long_title = "題" * 101, "標題" * 200
    qs = QuizSet(
        long_title, (Question(long_id, "truefalse", "對嗎？", True), Question("q2", "truefalse", "?", False))
    )
    read = read_gift(export_gift(qs))
    assert read[0].category == "$course$/top/" + long_title[:255]
    assert [(q.name, q.idnumber) for q in read[1:]] == [(long_id, ""), ("q2", "q2")]
    root = ET.fromstring(export_moodle_xml(qs))
    first, second = root.findall("question")[1:]
    assert first.find("idnumber") is None and first.findtext("name/text") == long_id
    assert second.findtext("idnumber") == "q2"
    assert root.findtext("question/category/text") == "$course$/top/" + long_title[:255]


def test_moodle_gets_the_answer_forms_dushu_accepts() -> None:
    qs = QuizSet(
        "寬鬆的答案",
        (
            Question("s1", "short", "「降低風險」的另一種說法？", ("去風險",)),
            Question("s2", "short", "「風險」怎麼讀？", ("fēng xiǎn",)),
        ),
    )
    gift = export_gift(qs)
    assert "=%100%[plain]去風險" in gift and "=%100%[plain]去风险" in gift
    assert "=%100%[plain]feng1 xian3" in gift and "=%100%[plain]feng1xian3" in gift
    xml = export_moodle_xml(qs)
    assert "去风险" in xml and "feng1xian3" in xml
    assert "去风险" not in export_csv(qs)  # the teacher's spreadsheet keeps the teacher's answers
    # No Traditional form is guessed for a Simplified answer (干 is 乾, 幹 or 榦).
    simplified = export_gift(QuizSet("t", (Question("s1", "short", "「乾」的简体？", ("干",)),)))
    assert "幹" not in simplified and "=%100%[plain]干" in simplified
    # A form GIFT cannot hold is left out; the teacher's own answer still goes.
    odd = export_gift(QuizSet("t", (Question("s1", "short", "？", ("Ａ＆＆０５８；",)),)))
    assert "=%100%[plain]Ａ＆＆０５８；" in odd
