"""Printing a quiz set's handout (dushu.export.handout) to a PDF file with Qt's printer, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from dushu.atomicfile import write_atomically
from dushu.core.quiz.model import QuizSet
from dushu.errors import ExportError
from dushu.export.handout import KEY_ANCHOR, QUESTION_ANCHOR, HandoutWords, handout_html

__all__ = ["handout_document", "keep_questions_on_one_page", "write_handout_pdf"]


def handout_document(
    qs: QuizSet, *, words: HandoutWords | None = None, family: str = "", seed: int = 0
) -> QTextDocument:
    """The handout as a QTextDocument (the same one the PDF prints), in `family` when given."""
    doc = QTextDocument()
    if family:
        doc.setDefaultFont(QFont(family, 12))
    doc.setHtml(handout_html(qs, seed=seed, words=words, font_family=family))
    return doc


def _starts_entry(block: QTextBlock) -> bool:
    """True for the first paragraph of a question or of an answer-key entry (it holds its anchor)."""
    it = block.begin()
    while not it.atEnd():
        names = it.fragment().charFormat().anchorNames()
        if any(n.startswith((QUESTION_ANCHOR, KEY_ANCHOR)) for n in names):
            return True
        it += 1
    return False


def _bottom(doc: QTextDocument, block: QTextBlock) -> float:
    """Where `block` ends on the paged document (a block in a table: where the table ends)."""
    layout = doc.documentLayout()
    table = QTextCursor(block).currentTable()
    if table is not None:
        return float(layout.frameBoundingRect(table).bottom())
    return float(layout.blockBoundingRect(block).bottom())


def keep_questions_on_one_page(doc: QTextDocument) -> int:
    """Start a question (or an answer-key entry) on a new page when it would begin at the foot of one
    page and end on the next: its choices, columns and writing lines stay with its heading. An entry
    taller than a page is left to run on. `doc` must have its page size; returns the breaks made."""
    page = doc.pageSize().height()
    if page <= 0:
        return 0
    starts: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        if _starts_entry(block):
            starts.append(block)
        block = block.next()
    layout = doc.documentLayout()
    breaks = 0
    for n, start in enumerate(starts):
        # The entry runs to the block before the next entry, or before a forced page break (the
        # answer key's heading), or to the end of the document.
        bottom = _bottom(doc, start)
        block = start.next()
        limit = starts[n + 1] if n + 1 < len(starts) else None
        while block.isValid() and block != limit:
            if block.blockFormat().pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                break
            bottom = max(bottom, _bottom(doc, block))
            block = block.next()
        top = float(layout.blockBoundingRect(start).top())
        if int(top // page) != int((bottom - 1) // page) and bottom - top < page * 0.9:
            fmt = start.blockFormat()
            fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(start).setBlockFormat(fmt)
            breaks += 1
    return breaks


def write_handout_pdf(
    qs: QuizSet,
    path: str | os.PathLike[str],
    *,
    words: HandoutWords | None = None,
    family: str = "",
    seed: int = 0,
) -> int:
    """Print the handout of `qs` to the PDF `path` (A4, replacing it atomically); returns the pages."""
    target = Path(path)
    doc = handout_document(qs, words=words, family=family, seed=seed)
    # QPrinter writes a file by name: print beside nothing of the user's, then move the bytes into place.
    with tempfile.TemporaryDirectory(prefix="dushu-handout-") as folder:
        scratch = Path(folder) / "handout.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(scratch))
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 18, 18, 18),
                QPageLayout.Unit.Millimeter,
            )
        )
        printer.setDocName(qs.title)
        doc.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
        keep_questions_on_one_page(doc)
        pages = doc.pageCount()
        doc.print_(printer)
        try:
            data = scratch.read_bytes()
        except OSError as exc:
            raise ExportError(f"{target}: the PDF could not be made ({exc.strerror or exc})") from None
        if not data.startswith(b"%PDF"):
            raise ExportError(f"{target}: the PDF could not be made")

        def copy(handle: BinaryIO) -> None:
            handle.write(data)

        write_atomically(target, copy, ExportError)
    return pages
