"""The Document properties dialog: what the library knows of a document, and its published date."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dushu.core.facts.dates import parse_document_date
from dushu.gui.library_view import format_when
from dushu.storage.library import DocumentInfo

__all__ = ["DocumentPropertiesDialog"]

translate = QCoreApplication.translate


class DocumentPropertiesDialog(QDialog):
    """Shows a document's title, source, size and dates; the published date can be set or cleared.

    `own_date` is the date the text gives itself (its dateline), shown so the user knows what an empty
    field means. After exec(), `published()` is the date to store ("" for none).
    """

    def __init__(
        self, info: DocumentInfo, published: str, own_date: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Properties", "Document properties"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        title = QLabel(info.title, self)
        title.setWordWrap(True)
        form.addRow(translate("Properties", "Title:"), title)
        source = QLabel(info.source or translate("Library", "pasted text"), self)
        source.setWordWrap(True)
        form.addRow(translate("Properties", "Source:"), source)
        form.addRow(translate("Properties", "Characters:"), QLabel(f"{info.length:,}", self))
        form.addRow(translate("Properties", "Added:"), QLabel(format_when(info.added), self))
        self.date_edit = QLineEdit(published, self)
        self.date_edit.setPlaceholderText(own_date or "YYYY-MM-DD")
        self.date_edit.setClearButtonEnabled(True)
        form.addRow(translate("Properties", "Published:"), self.date_edit)
        if own_date:
            hint = translate("Properties", "The text is dated %1. Leave the field empty to use that date.")
            hint = hint.replace("%1", own_date)
        else:
            hint = translate(
                "Properties",
                "The text gives no date of its own. Set the day it was published (YYYY-MM-DD) so that "
                "今天, 昨日 and 去年 in it get their dates; without one they stay undated.",
            )
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.date_edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons)
        self._check()

    def published(self) -> str:
        """The date typed, normalised to "YYYY-MM-DD", or "" when the field is empty or not a date."""
        value = self.date_edit.text().strip()
        if not value:
            return ""
        try:
            return parse_document_date(value)
        except ValueError:
            return ""

    def _check(self) -> None:
        value = self.date_edit.text().strip()
        ok = not value or bool(self.published())
        self.problem.setText(
            "" if ok else translate("Properties", "Write the date as YYYY-MM-DD, e.g. 2025-08-26.")
        )
        self.problem.setVisible(not ok)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
