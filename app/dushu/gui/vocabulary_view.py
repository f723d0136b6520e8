"""The vocabulary table: every word of the text with status, filters, multi-select and editable meanings."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import VocabItem
from dushu.gui.word_panel import hsk_label
from dushu.storage.library import WordStatus

__all__ = ["Column", "VocabularyFilter", "VocabularyModel", "VocabularyView", "first_meaning"]

translate = QCoreApplication.translate

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
WORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the Simplified form: the key of statuses and meanings

Index = QModelIndex | QPersistentModelIndex


class Column:
    """Column numbers of the table."""

    WORD, PINYIN, MEANING, HSK, COUNT, STATUS = range(6)
    COUNT_ALL = 6


def first_meaning(item: VocabItem, limit: int = 3) -> str:
    """The meaning the table shows: the first reading's first few senses."""
    for d in item.definitions:
        if d.meanings:
            return "; ".join(d.meanings[:limit])
    return ""


def _fold(text: str) -> str:
    """Lower case without tone marks or spaces, so "zhongguo" finds "zhōng guó"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and not ch.isspace())


_STATUS_ORDER = {WordStatus.NEW: 0, WordStatus.LEARNING: 1, WordStatus.KNOWN: 2}


class VocabularyModel(QAbstractTableModel):
    """The analysis' vocabulary with the user's statuses and meanings laid over it."""

    meaningEdited = Signal(str, str)  # simplified word, new meaning ("" restores the dictionary's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[VocabItem] = []
        self._statuses: dict[str, WordStatus] = {}
        self._meanings: dict[str, str] = {}
        self._haystacks: list[str] = []

    def set_items(
        self, items: Sequence[VocabItem], statuses: Mapping[str, WordStatus], meanings: Mapping[str, str]
    ) -> None:
        """Show another vocabulary."""
        self.beginResetModel()
        self._items = list(items)
        self._statuses = dict(statuses)
        self._meanings = dict(meanings)
        self._haystacks = [self._haystack(i) for i in self._items]
        self.endResetModel()

    def _haystack(self, item: VocabItem) -> str:
        meaning = self._meanings.get(item.simplified) or " ".join(
            m for d in item.definitions for m in d.meanings
        )
        pinyin = _fold(" ".join(item.pinyin))
        return "\t".join((item.word, item.traditional, item.simplified, pinyin, meaning.lower()))

    def item(self, row: int) -> VocabItem:
        """The vocabulary item of a source row."""
        return self._items[row]

    def items(self) -> list[VocabItem]:
        """All items, in study order."""
        return list(self._items)

    def status(self, row: int) -> WordStatus:
        """The status of a row's word."""
        return self._statuses.get(self._items[row].simplified, WordStatus.NEW)

    def haystack(self, row: int) -> str:
        """What the search box matches for a row."""
        return self._haystacks[row]

    def set_statuses(self, words: Sequence[str], status: WordStatus) -> None:
        """Update statuses shown (after the library stored them)."""
        wanted = set(words)
        for w in wanted:
            if status is WordStatus.NEW:
                self._statuses.pop(w, None)
            else:
                self._statuses[w] = status
        for row, item in enumerate(self._items):
            if item.simplified in wanted:
                index = self.index(row, Column.STATUS)
                self.dataChanged.emit(index, index)

    def set_meaning(self, word: str, meaning: str | None) -> None:
        """Update a meaning shown (after the library stored it)."""
        if meaning:
            self._meanings[word] = meaning
        else:
            self._meanings.pop(word, None)
        for row, item in enumerate(self._items):
            if item.simplified == word:
                self._haystacks[row] = self._haystack(item)
                index = self.index(row, Column.MEANING)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else Column.COUNT_ALL

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            translate("Vocabulary", "Word"),
            translate("Vocabulary", "Pinyin"),
            translate("Vocabulary", "Meaning"),
            translate("Vocabulary", "HSK"),
            translate("Vocabulary", "Count"),
            translate("Vocabulary", "Status"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.MEANING:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == Column.WORD:
                return item.word
            if col == Column.PINYIN:
                return " ".join(item.pinyin)
            if col == Column.MEANING:
                return self._meanings.get(item.simplified) or first_meaning(item)
            if col == Column.HSK:
                return "" if item.hsk is None else ("7–9" if item.hsk >= 7 else str(item.hsk))
            if col == Column.COUNT:
                return item.count
            if col == Column.STATUS:
                return status_label(self.status(index.row()))
        elif role == SORT_ROLE:
            if col == Column.HSK:
                return item.hsk if item.hsk is not None else 99
            if col == Column.COUNT:
                return item.count
            if col == Column.STATUS:
                return _STATUS_ORDER[self.status(index.row())]
            if col == Column.WORD:
                return index.row()  # study order
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        elif role == WORD_ROLE:
            return item.simplified
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.MEANING:
                user = self._meanings.get(item.simplified)
                if user:
                    return translate("Vocabulary", "Your meaning (double-click to edit)")
                return "\n".join(f"{d.pinyin}: {'; '.join(d.meanings)}" for d in item.definitions[:4])
            if col == Column.HSK:
                return hsk_label(item.hsk)
            if col == Column.WORD and item.example:
                return item.example
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Column.HSK, Column.COUNT):
                return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.FontRole:
            if col == Column.WORD:
                font = QFont()
                font.setPointSizeF(font.pointSizeF() * 1.3)
                return font
            if col == Column.MEANING and item.simplified in self._meanings:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != Column.MEANING:
            return False
        item = self._items[index.row()]
        text = str(value).strip()
        if text == first_meaning(item):
            text = ""  # unchanged: keep following the dictionary
        self.meaningEdited.emit(item.simplified, text)
        return True


def status_label(status: WordStatus) -> str:
    """How a status reads in the table."""
    if status is WordStatus.KNOWN:
        return translate("Vocabulary", "known")
    if status is WordStatus.LEARNING:
        return translate("Vocabulary", "learning")
    return translate("Vocabulary", "new")


class VocabularyFilter(QSortFilterProxyModel):
    """Hide known words, keep HSK level N and above (unlisted words count as above), search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide_known = False
        self.min_hsk: int | None = None
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, *, hide_known: bool, min_hsk: int | None, search: str) -> None:
        """Apply new filter values."""
        self._begin()
        self.hide_known = hide_known
        self.min_hsk = min_hsk
        self.search = search.strip()
        self._end()

    def refilter(self) -> None:
        """Filter again (a status changed)."""
        self._begin()
        self._end()

    # Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange(); older Qt lacks those.
    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, VocabularyModel)
        if self.hide_known and model.status(source_row) is WordStatus.KNOWN:
            return False
        item = model.item(source_row)
        if self.min_hsk is not None and item.hsk is not None and item.hsk < self.min_hsk:
            return False
        if self.search:
            haystack = model.haystack(source_row)
            needle = self.search.lower()
            if needle not in haystack and _fold(needle) not in haystack:
                return False
        return True


class VocabularyView(QWidget):
    """The Vocabulary tab."""

    statusRequested = Signal(list, str)  # simplified words, WordStatus value
    meaningEdited = Signal(str, str)
    showInReader = Signal(int)  # character offset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VocabularyModel(self)
        self.proxy = VocabularyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.meaningEdited.connect(self.meaningEdited)

        self._hide_known = QCheckBox(self)
        self._hsk_label = QLabel(self)
        self._hsk = QComboBox(self)
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._summary = QLabel(self)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.WORD, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.MEANING, QHeaderView.ResizeMode.Stretch)
        for col in (Column.HSK, Column.COUNT, Column.STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(Column.WORD, 130)
        header.resizeSection(Column.PINYIN, 150)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._on_double_click)

        self._known_btn = QPushButton(self)
        self._deck_btn = QPushButton(self)
        self._new_btn = QPushButton(self)
        self._known_btn.clicked.connect(lambda: self._request(WordStatus.KNOWN))
        self._deck_btn.clicked.connect(lambda: self._request(WordStatus.LEARNING))
        self._new_btn.clicked.connect(lambda: self._request(WordStatus.NEW))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(180)
        self._debounce.timeout.connect(self._apply_filters)
        self._hide_known.toggled.connect(self._apply_filters)
        self._hsk.currentIndexChanged.connect(self._apply_filters)
        self._search.textChanged.connect(lambda _t: self._debounce.start())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        filters = QHBoxLayout()
        filters.addWidget(self._search, 2)
        filters.addWidget(self._hide_known)
        filters.addWidget(self._hsk_label)
        filters.addWidget(self._hsk)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self._summary, 1)
        actions.addWidget(self._deck_btn)
        actions.addWidget(self._known_btn)
        actions.addWidget(self._new_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        for key, status in (("K", WordStatus.KNOWN), ("D", WordStatus.LEARNING), ("N", WordStatus.NEW)):
            action = QAction(self.table)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _c=False, s=status: self._request(s))
            self.table.addAction(action)
        self._retranslate()
        self._update_buttons()

    # -- public API --------------------------------------------------------------------------------

    def set_vocabulary(
        self, items: Sequence[VocabItem], statuses: Mapping[str, WordStatus], meanings: Mapping[str, str]
    ) -> None:
        """Show a document's vocabulary."""
        self.model.set_items(items, statuses, meanings)
        self._update_summary()

    def set_statuses(self, words: Sequence[str], status: WordStatus) -> None:
        """Show new statuses (the library already has them)."""
        self.model.set_statuses(words, status)
        self.proxy.refilter()
        self._update_summary()

    def set_meaning(self, word: str, meaning: str | None) -> None:
        """Show a new meaning (the library already has it)."""
        self.model.set_meaning(word, meaning)

    def set_filters(
        self, *, hide_known: bool | None = None, min_hsk: int | None = -1, search: str | None = None
    ) -> None:
        """Set filter widgets programmatically (min_hsk=-1 leaves it; None means any level)."""
        if hide_known is not None:
            self._hide_known.setChecked(hide_known)
        if min_hsk != -1:
            self._hsk.setCurrentIndex(0 if min_hsk is None else min(min_hsk, 7))
        if search is not None:
            self._search.setText(search)
        self._apply_filters()

    def visible_words(self) -> list[str]:
        """The words shown, top to bottom."""
        return [str(self.proxy.index(r, Column.WORD).data()) for r in range(self.proxy.rowCount())]

    def select_words(self, words: Sequence[str]) -> None:
        """Select the rows of these words (by their form in the text)."""
        wanted = set(words)
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, Column.WORD)
            if index.data() in wanted:
                selection.select(index, flags)

    def selected_words(self) -> list[str]:
        """The Simplified forms of the selected rows."""
        rows = self.table.selectionModel().selectedRows(Column.WORD)
        return [str(index.data(WORD_ROLE)) for index in rows]

    def search_box(self) -> QLineEdit:
        """The search field (for focus shortcuts)."""
        return self._search

    # -- internals ---------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        level = self._hsk.currentIndex()
        self.proxy.set_filters(
            hide_known=self._hide_known.isChecked(),
            min_hsk=None if level <= 0 else level,
            search=self._search.text(),
        )
        self._update_summary()

    def _request(self, status: WordStatus) -> None:
        words = self.selected_words()
        if words:
            self.statusRequested.emit(words, str(status))

    def _update_buttons(self, *_: object) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for b in (self._known_btn, self._deck_btn, self._new_btn):
            b.setEnabled(has)

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        known = sum(1 for r in range(total) if self.model.status(r) is WordStatus.KNOWN)
        learning = sum(1 for r in range(total) if self.model.status(r) is WordStatus.LEARNING)
        text = translate("Vocabulary", "%1 words · %2 learning · %3 known · %4 shown")
        for n, value in enumerate((total, learning, known, self.proxy.rowCount()), start=1):
            text = text.replace(f"%{n}", str(value))
        self._summary.setText(text)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() == Column.MEANING:
            return  # the editor opens
        source = self.proxy.mapToSource(index)
        self.showInReader.emit(self.model.item(source.row()).first_offset)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction(translate("Vocabulary", "Add to deck"), lambda: self._request(WordStatus.LEARNING))
        menu.addAction(translate("Vocabulary", "Mark as known"), lambda: self._request(WordStatus.KNOWN))
        menu.addAction(translate("Vocabulary", "Mark as new"), lambda: self._request(WordStatus.NEW))
        menu.addSeparator()
        meaning_index = self.proxy.index(index.row(), Column.MEANING)
        menu.addAction(translate("Vocabulary", "Edit meaning"), lambda: self.table.edit(meaning_index))
        source = self.proxy.mapToSource(index)
        offset = self.model.item(source.row()).first_offset
        menu.addAction(translate("Vocabulary", "Show in the text"), lambda: self.showInReader.emit(offset))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _retranslate(self) -> None:
        self._search.setPlaceholderText(translate("Vocabulary", "Search words, pinyin or meanings"))
        self._hide_known.setText(translate("Vocabulary", "Hide known words"))
        self._hsk_label.setText(translate("Vocabulary", "HSK level at least:"))
        current = max(0, self._hsk.currentIndex())
        self._hsk.blockSignals(True)
        self._hsk.clear()
        self._hsk.addItem(translate("Vocabulary", "any"))
        for level in range(1, 7):
            self._hsk.addItem(str(level))
        self._hsk.addItem("7–9")
        self._hsk.setCurrentIndex(current)
        self._hsk.blockSignals(False)
        self._hsk.setToolTip(translate("Vocabulary", "Words not on the HSK list are always shown"))
        self._deck_btn.setText(translate("Vocabulary", "Add to deck (D)"))
        self._known_btn.setText(translate("Vocabulary", "Mark known (K)"))
        self._new_btn.setText(translate("Vocabulary", "Mark new (N)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, Column.COUNT_ALL - 1)
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
