"""Printing a quiz set's handout (dushu.export.handout) to a PDF file with Qt's printer, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from dushu.atomicfile import write_atomically
from dushu.core.quiz.model import QuizSet
from dushu.errors import ExportError
from dushu.export.handout import HandoutWords, handout_html

__all__ = ["handout_document", "write_handout_pdf"]


def handout_document(
    qs: QuizSet, *, words: HandoutWords | None = None, family: str = "", seed: int = 0
) -> QTextDocument:
    """The handout as a QTextDocument (the same one the PDF prints), in `family` when given."""
    doc = QTextDocument()
    if family:
        doc.setDefaultFont(QFont(family, 12))
    doc.setHtml(handout_html(qs, seed=seed, words=words, font_family=family))
    return doc


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
