"""The Library tab: the stored documents with where the user stopped, to open, rename or remove."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dushu.storage.library import DocumentInfo, Library

__all__ = ["LibraryView", "PasteDialog", "format_when"]

translate = QCoreApplication.translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def format_when(iso: str) -> str:
    """A stored UTC timestamp as local date and time ("2025-11-28 14:05")."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class LibraryView(QWidget):
    """Lists the library; opening goes through the main window, renaming and removing happen here."""

    openRequested = Signal(int)  # document id
    openFileRequested = Signal()
    pasteRequested = Signal()
    documentRemoved = Signal(int)
    propertiesRequested = Signal(int)  # document id

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._current: int | None = None
        self._docs: list[DocumentInfo] = []
        self._title = QLabel(self)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._open_btn = QPushButton(self)
        self._rename_btn = QPushButton(self)
        self._properties_btn = QPushButton(self)
        self._remove_btn = QPushButton(self)
        self._file_btn = QPushButton(self)
        self._paste_btn = QPushButton(self)
        self._open_btn.clicked.connect(self._open)
        self._rename_btn.clicked.connect(self._rename)
        self._properties_btn.clicked.connect(self._properties)
        self._remove_btn.clicked.connect(self._remove)
        self._file_btn.clicked.connect(self.openFileRequested)
        self._paste_btn.clicked.connect(self.pasteRequested)
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self._file_btn)
        top.addWidget(self._paste_btn)
        bottom = QHBoxLayout()
        bottom.addWidget(self._open_btn)
        bottom.addStretch(1)
        bottom.addWidget(self._rename_btn)
        bottom.addWidget(self._properties_btn)
        bottom.addWidget(self._remove_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._retranslate()
        self.refresh()

    def set_current(self, doc_id: int | None) -> None:
        """Mark the document that is open."""
        self._current = doc_id
        self.refresh()

    def refresh(self) -> None:
        """Read the list again from the library."""
        self._docs = self._library.documents()
        headers = self._headers()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self._docs))
        for row, doc in enumerate(self._docs):
            read = round(100 * doc.position / doc.length) if doc.length else 0
            cells = [
                doc.title,
                f"{min(read, 100)}%",
                f"{doc.length:,}",
                format_when(doc.opened),
                format_when(doc.added),
                doc.source or translate("Library", "pasted text"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, doc.id)
                if col in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if doc.id == self._current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if col == 5 and doc.source:
                    item.setToolTip(doc.source)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._update_buttons()

    def _headers(self) -> list[str]:
        return [
            translate("Library", "Title"),
            translate("Library", "Read"),
            translate("Library", "Characters"),
            translate("Library", "Last opened"),
            translate("Library", "Added"),
            translate("Library", "Source"),
        ]

    def _selected(self) -> DocumentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._docs[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        has = self._selected() is not None
        for b in (self._open_btn, self._rename_btn, self._properties_btn, self._remove_btn):
            b.setEnabled(has)

    def _open(self) -> None:
        doc = self._selected()
        if doc is not None:
            self.openRequested.emit(doc.id)

    def _rename(self) -> None:
        doc = self._selected()
        if doc is None:
            return
        title, ok = QInputDialog.getText(
            self, translate("Library", "Rename"), translate("Library", "Title:"), text=doc.title
        )
        if ok and title.strip():
            self._library.rename_document(doc.id, title)
            self.refresh()

    def _properties(self) -> None:
        doc = self._selected()
        if doc is not None:
            self.propertiesRequested.emit(doc.id)

    def _remove(self) -> None:
        doc = self._selected()
        if doc is None:
            return
        question = translate("Library", "Remove “%1” from the library? Your edits of its facts go with it.")
        answer = QMessageBox.question(
            self,
            translate("Library", "Remove document"),
            question.replace("%1", doc.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._library.remove_document(doc.id)
            self.refresh()
            self.documentRemoved.emit(doc.id)

    def _retranslate(self) -> None:
        self._title.setText(translate("Library", "Your documents"))
        self._hint.setText(
            translate(
                "Library",
                "Everything you open is kept here with the place where you stopped reading. "
                "You can also drop a text file on the window.",
            )
        )
        self._open_btn.setText(translate("Library", "Open"))
        self._rename_btn.setText(translate("Library", "Rename…"))
        self._properties_btn.setText(translate("Library", "Properties…"))
        self._remove_btn.setText(translate("Library", "Remove…"))
        self._file_btn.setText(translate("Library", "Open a file…"))
        self._paste_btn.setText(translate("Library", "Paste text…"))
        # Only the labels change: the list itself is read when the library changes.
        self.table.setHorizontalHeaderLabels(self._headers())
        pasted = translate("Library", "pasted text")
        for row, doc in enumerate(self._docs):
            item = self.table.item(row, 5)
            if item is not None and not doc.source:
                item.setText(pasted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class PasteDialog(QDialog):
    """Paste or type a text and give it a title."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Library", "Paste text"))
        self.resize(640, 480)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(translate("Library", "Taken from the first line if left empty"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlainText(text)
        self.text_edit.setPlaceholderText(translate("Library", "Paste a Chinese text here"))
        form = QFormLayout()
        form.addRow(translate("Library", "Title:"), self.title_edit)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("Library", "Start reading"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self._buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.text_edit.toPlainText().strip())
        )

    def title(self) -> str:
        """The title typed (may be empty)."""
        return str(self.title_edit.text()).strip()

    def text(self) -> str:
        """The text, with Windows line ends made plain."""
        return str(self.text_edit.toPlainText()).replace("\r\n", "\n").replace("\r", "\n")
