"""The printed handout keeps each question on one page: its heading never ends a page."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from dushu.core.quiz.model import Question, QuizSet
from dushu.export.handout import KEY_ANCHOR, QUESTION_ANCHOR
from dushu.gui.handout_print import handout_document, keep_questions_on_one_page

pytestmark = pytest.mark.gui

A4_POINTS = QSizeF(595 - 2 * 51, 842 - 2 * 51)  # A4 less 18 mm margins, as the printer has it


def _long_set() -> QuizSet:
    questions = []
    for n in range(1, 41):
        if n % 3 == 0:
            q = Question(
                f"q{n}", "match", f"第{n}題：配對。", pairs=tuple((f"詞{k}", f"word {k}") for k in range(5))
            )
        elif n % 3 == 1:
            q = Question(
                f"q{n}", "choice", f"第{n}題：河口鎮的新橋哪一年通車？", answer=0,
                choices=("一九九八年", "二〇〇三年", "二〇一〇年", "二〇一五年"),
                explanation="文中說一九九八年通車。" * 3, source="新橋在一九九八年通車。" * 3,
            )  # fmt: skip
        else:
            q = Question(f"q{n}", "short", f"第{n}題：新橋有多長？", answer=("八百米",))
        questions.append(q)
    return QuizSet("很長的測驗", tuple(questions))


def _pages_of_entries(doc: QTextDocument) -> list[tuple[str, set[int]]]:
    """Each question's and answer's anchor with the pages its paragraphs and tables are on."""
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    entries: list[tuple[str, set[int]]] = []
    block: QTextBlock = doc.begin()
    while block.isValid():
        it = block.begin()
        names: list[str] = []
        while not it.atEnd():
            names += [
                n
                for n in it.fragment().charFormat().anchorNames()
                if n.startswith((QUESTION_ANCHOR, KEY_ANCHOR))
            ]
            it += 1
        if block.text().strip() == "Answer key":
            entries.append(("heading", set()))
        elif names:
            entries.append((names[0], set()))
        table = QTextCursor(block).currentTable()
        rect = layout.frameBoundingRect(table) if table is not None else layout.blockBoundingRect(block)
        if entries and block.text().strip():
            entries[-1][1].update({int(rect.top() // height), int((rect.bottom() - 1) // height)})
        block = block.next()
    return [(name, pages) for name, pages in entries if name != "heading"]


def test_no_question_or_answer_runs_over_a_page_break(qapp: Any) -> None:
    doc = handout_document(_long_set())
    doc.setPageSize(A4_POINTS)
    split_before = [name for name, pages in _pages_of_entries(doc) if len(pages) > 1]
    assert split_before, "the test set should have questions that run over a page as laid out"
    breaks = keep_questions_on_one_page(doc)
    assert breaks >= len(split_before) - 1
    assert [name for name, pages in _pages_of_entries(doc) if len(pages) > 1] == []
    assert doc.pageCount() > 2
