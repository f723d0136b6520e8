"""The vocabulary table: every word of the text with status, filters, multi-select and editable meanings."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from typing import Any

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
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
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

from dushu.core.models import Analysis, Definition, Script, VocabItem
from dushu.core.readings import to_numbers, to_zhuyin
from dushu.core.senses import Sense, learner_meaning, word_sense
from dushu.gui.notice_banner import NoticeBanner
from dushu.gui.reader import ReadingStyle
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


def _script_of(item: VocabItem) -> Script:
    """The script a word is written in, for the form of the references in its glosses."""
    if item.word == item.traditional != item.simplified:
        return Script.TRADITIONAL
    if item.word == item.simplified != item.traditional:
        return Script.SIMPLIFIED
    return Script.MIXED


def _gloss(meaning: str, definition: Definition, script: Script) -> str:
    """One gloss as a learner reads it (the card's rendering); the user's own words as typed."""
    return meaning if definition.source == "user" else learner_meaning(meaning, script)


def first_meaning(item: VocabItem, limit: int = 3, script: Script = Script.UNKNOWN) -> str:
    """The dictionary meaning the table shows when the text does not tell the sense: the first
    reading's first few senses, written for a learner (no CC-CEDICT brackets or tone numbers)."""
    if script is Script.UNKNOWN:
        script = _script_of(item)
    for d in item.definitions:
        if d.meanings:
            return "; ".join(_gloss(m, d, script) for m in d.meanings[:limit])
    return ""


def _fold(text: str) -> str:
    """Lower case without tone marks or spaces, so "zhongguo" finds "zhōng guó"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and not ch.isspace())


_STATUS_ORDER = {WordStatus.NEW: 0, WordStatus.LEARNING: 1, WordStatus.KNOWN: 2}


@lru_cache(maxsize=8192)
def _reading(syllables: tuple[str, ...], style: ReadingStyle) -> str:
    """A word's reading in the reader's style; pinyin when the reader shows none (the table needs one)."""
    if style is ReadingStyle.ZHUYIN:
        return " ".join(to_zhuyin(s) for s in syllables)
    if style is ReadingStyle.NUMBERS:
        return " ".join(to_numbers(s) for s in syllables)
    return " ".join(syllables)


class VocabularyModel(QAbstractTableModel):
    """The analysis' vocabulary with the user's statuses and meanings laid over it.

    The model filters and sorts itself (`set_filters`, `sort`): a book has tens of thousands of
    words, and a proxy that asks Python for every row and comparison takes seconds. Cells are
    computed when the table paints them; the meaning in context (`dushu.core.senses.word_sense`)
    only for the rows shown, and remembered.
    """

    meaningEdited = Signal(str, str)  # simplified word, new meaning ("" restores the dictionary's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[VocabItem] = []
        self._statuses: dict[str, WordStatus] = {}
        self._meanings: dict[str, str] = {}
        self._haystacks: dict[int, str] = {}
        self._rows: list[int] = []  # item indexes of the rows shown, in the order shown
        self._analysis: Analysis | None = None
        self._senses: dict[int, Sense | None] = {}
        self._shown_meanings: dict[int, str] = {}
        self._style = ReadingStyle.PINYIN
        self._sort_column = Column.WORD
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.hide_known = False
        self.min_hsk: int | None = None
        self.search = ""
        # Meanings in context are found a few at a time while the window is idle, so that sorting
        # and searching by meaning do not have to find all of them at once.
        self._warm_next = 0
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_some)
        self._word_font = QFont()
        self._word_font.setPointSizeF(self._word_font.pointSizeF() * 1.3)
        self._user_font = QFont()
        self._user_font.setItalic(True)

    # -- content -----------------------------------------------------------------------------------

    def set_items(
        self, items: Sequence[VocabItem], statuses: Mapping[str, WordStatus], meanings: Mapping[str, str]
    ) -> None:
        """Show another vocabulary."""
        self.beginResetModel()
        self._items = list(items)
        self._statuses = dict(statuses)
        self._meanings = dict(meanings)
        self._haystacks = {}
        self._senses = {}
        self._shown_meanings = {}
        self._rows = self._arranged()
        self.endResetModel()
        self._start_warming()

    def set_context(self, analysis: Analysis | None) -> None:
        """The analysis the vocabulary comes from: meanings then follow the sense each word has in
        its first sentence, and references are written in the text's script."""
        self._analysis = analysis
        self._senses = {}
        self._shown_meanings = {}
        self._emit_column(Column.MEANING)
        self._start_warming()

    def _start_warming(self) -> None:
        self._warm_next = 0
        if self._analysis is not None and self._items:
            self._warm_timer.start()
        else:
            self._warm_timer.stop()

    def _warm_some(self, budget: float = 0.012) -> None:
        """Find the meanings in context of the next words for at most `budget` seconds."""
        until = time.perf_counter() + budget
        n = len(self._items)
        while self._warm_next < n and time.perf_counter() < until:
            self._meaning_of(self._warm_next)
            self._warm_next += 1
        if self._warm_next >= n:
            self._warm_timer.stop()

    def meanings_ready(self) -> bool:
        """True once every word's meaning in context is known (sorting by meaning is then quick)."""
        return self._analysis is None or self._warm_next >= len(self._items)

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Show readings as pinyin, tone numbers or Zhuyin (none: pinyin)."""
        if style is self._style:
            return
        self._style = style
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.PINYIN, Column.PINYIN)
        if self._sort_column == Column.PINYIN:
            self._rearrange()
        self._emit_column(Column.PINYIN)

    def reading_style(self) -> ReadingStyle:
        """How readings are shown."""
        return self._style

    def item(self, row: int) -> VocabItem:
        """The vocabulary item of a row."""
        return self._items[self._rows[row]]

    def items(self) -> list[VocabItem]:
        """All items, in study order (hidden ones too)."""
        return list(self._items)

    def status(self, row: int) -> WordStatus:
        """The status of a row's word."""
        return self._status_of(self._rows[row])

    def haystack(self, row: int) -> str:
        """What the search box matches for a row."""
        return self._haystack(self._rows[row])

    def rows_of(self, words: Collection[str]) -> list[int]:
        """The rows showing these words (by their form in the text)."""
        return [r for r, i in enumerate(self._rows) if self._items[i].word in words]

    def shown_words(self) -> list[str]:
        """The words shown, top to bottom."""
        return [self._items[i].word for i in self._rows]

    def status_counts(self) -> tuple[int, int, int]:
        """How many words there are in all, and how many of them are learning and known."""
        learning = known = 0
        for item in self._items:
            status = self._statuses.get(item.simplified)
            if status is WordStatus.LEARNING:
                learning += 1
            elif status is WordStatus.KNOWN:
                known += 1
        return len(self._items), learning, known

    def meaning(self, row: int) -> str:
        """The meaning a row shows: the user's, else the sense in context, else the dictionary's."""
        return self._meaning_of(self._rows[row])

    def set_statuses(self, words: Sequence[str], status: WordStatus) -> None:
        """Update statuses shown (after the library stored them)."""
        for w in set(words):
            if status is WordStatus.NEW:
                self._statuses.pop(w, None)
            else:
                self._statuses[w] = status
        # One signal for the column: one per row makes the table repaint (and a proxy re-sort) per word.
        self._emit_column(Column.STATUS)

    def set_meaning(self, word: str, meaning: str | None) -> None:
        """Update a meaning shown (after the library stored it)."""
        if meaning:
            self._meanings[word] = meaning
        else:
            self._meanings.pop(word, None)
        for i, item in enumerate(self._items):
            if item.simplified == word:
                self._haystacks.pop(i, None)
                self._shown_meanings.pop(i, None)
        self._emit_column(Column.MEANING)

    # -- filtering and sorting ---------------------------------------------------------------------

    def set_filters(self, *, hide_known: bool, min_hsk: int | None, search: str) -> None:
        """Show only the words that pass these filters (see `VocabularyFilter`)."""
        self.hide_known = hide_known
        self.min_hsk = min_hsk
        self.search = search.strip()
        self.refilter()

    def refilter(self) -> None:
        """Filter again (a status changed): rows come and go, so the table is reset."""
        self.beginResetModel()
        self._rows = self._arranged()
        self.endResetModel()

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column the rows are sorted by, and the order."""
        return self._sort_column, self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self._sort_column = column
        self._sort_order = order
        self._rearrange()

    def _rearrange(self) -> None:
        """Sort the rows again, keeping selections and the current row on their words."""
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._rows = self._arranged()
        where = {item: row for row, item in enumerate(self._rows)}
        before = self.persistentIndexList()
        after = [
            self.index(where[old[p.row()]], p.column())
            if 0 <= p.row() < len(old) and old[p.row()] in where
            else QModelIndex()
            for p in before
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _accepts(self, i: int) -> bool:
        item = self._items[i]
        if self.hide_known and self._status_of(i) is WordStatus.KNOWN:
            return False
        if self.min_hsk is not None and item.hsk is not None and item.hsk < self.min_hsk:
            return False
        if self.search:
            haystack = self._haystack(i)
            needle = self.search.lower()
            if needle not in haystack and _fold(needle) not in haystack:
                return False
        return True

    def _arranged(self) -> list[int]:
        """The item indexes that pass the filters, in the sort order (ties in study order)."""
        if self.hide_known or self.min_hsk is not None or self.search:
            rows = [i for i in range(len(self._items)) if self._accepts(i)]
        else:
            rows = list(range(len(self._items)))
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        column = self._sort_column
        if column == Column.WORD:
            return rows[::-1] if reverse else rows
        items = self._items
        keys: dict[int, Callable[[int], Any]] = {
            Column.PINYIN: lambda i: _reading(items[i].pinyin, self._style),
            Column.MEANING: lambda i: self._meaning_of(i).lower(),
            Column.HSK: lambda i: 99 if items[i].hsk is None else items[i].hsk,
            Column.COUNT: lambda i: items[i].count,
        }
        key = keys.get(column, lambda i: _STATUS_ORDER[self._status_of(i)])
        return sorted(rows, key=key, reverse=reverse)  # sorted is stable both ways: ties keep study order

    # -- cells -------------------------------------------------------------------------------------

    def _status_of(self, i: int) -> WordStatus:
        return self._statuses.get(self._items[i].simplified, WordStatus.NEW)

    def _script(self, item: VocabItem) -> Script:
        if self._analysis is not None and self._analysis.script in (Script.TRADITIONAL, Script.SIMPLIFIED):
            return self._analysis.script
        return _script_of(item)

    def _sense(self, i: int) -> Sense | None:
        if self._analysis is None:
            return None
        if i not in self._senses:
            self._senses[i] = word_sense(self._analysis, self._items[i])
        return self._senses[i]

    def _meaning_of(self, i: int) -> str:
        item = self._items[i]
        user = self._meanings.get(item.simplified)
        if user:
            return user
        shown = self._shown_meanings.get(i)
        if shown is None:
            sense = self._sense(i)
            shown = sense.text if sense is not None else first_meaning(item, script=self._script(item))
            self._shown_meanings[i] = shown
        return shown

    def _haystack(self, i: int) -> str:
        found = self._haystacks.get(i)
        if found is None:
            item = self._items[i]
            meaning = self._meanings.get(item.simplified) or " ".join(
                m for d in item.definitions for m in d.meanings
            )
            pinyin = _fold(" ".join(item.pinyin))
            found = "\t".join((item.word, item.traditional, item.simplified, pinyin, meaning.lower()))
            self._haystacks[i] = found
        return found

    def _emit_column(self, column: int) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else Column.COUNT_ALL

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        reading = (
            translate("Vocabulary", "Zhuyin")
            if self._style is ReadingStyle.ZHUYIN
            else translate("Vocabulary", "Pinyin")
        )
        return [
            translate("Vocabulary", "Word"),
            reading,
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
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        i = self._rows[index.row()]
        item = self._items[i]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == Column.WORD:
                return item.word
            if col == Column.PINYIN:
                return _reading(item.pinyin, self._style)
            if col == Column.MEANING:
                return self._meaning_of(i)
            if col == Column.HSK:
                return "" if item.hsk is None else ("7–9" if item.hsk >= 7 else str(item.hsk))
            if col == Column.COUNT:
                return item.count
            if col == Column.STATUS:
                return status_label(self._status_of(i))
        elif role == SORT_ROLE:
            if col == Column.HSK:
                return item.hsk if item.hsk is not None else 99
            if col == Column.COUNT:
                return item.count
            if col == Column.STATUS:
                return _STATUS_ORDER[self._status_of(i)]
            if col == Column.WORD:
                return i  # study order
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        elif role == WORD_ROLE:
            return item.simplified
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.MEANING:
                return self._meaning_tooltip(i)
            if col == Column.HSK:
                return hsk_label(item.hsk)
            if col == Column.WORD and item.example:
                return item.example
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Column.HSK, Column.COUNT):
                return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.FontRole:
            if col == Column.WORD:
                return self._word_font
            if col == Column.MEANING and item.simplified in self._meanings:
                return self._user_font
        return None

    def _meaning_tooltip(self, i: int) -> str:
        item = self._items[i]
        if self._meanings.get(item.simplified):
            return translate("Vocabulary", "Your meaning (double-click to edit)")
        script = self._script(item)
        lines: list[str] = []
        sense = self._sense(i)
        if sense is not None:
            lines.append(translate("Vocabulary", "In its first sentence: %1").replace("%1", sense.text))
        for d in item.definitions[:4]:
            glosses = "; ".join(_gloss(m, d, script) for m in d.meanings)
            lines.append(f"{d.pinyin}: {glosses}" if d.pinyin else glosses)
        return "\n".join(lines)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != Column.MEANING:
            return False
        i = self._rows[index.row()]
        item = self._items[i]
        text = str(value).strip()
        dictionary = self._shown_meanings.get(i)
        if text in (first_meaning(item), first_meaning(item, script=self._script(item)), dictionary):
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
    """Hide known words, keep HSK level N and above (unlisted words count as above), search.

    The filtering and sorting are done by the `VocabularyModel` underneath (in one pass over its
    items, not one Python call per row and comparison); this proxy passes them on, so the view and
    callers keep talking to a proxy.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)

    def _vocabulary(self) -> VocabularyModel:
        model = self.sourceModel()
        assert isinstance(model, VocabularyModel)
        return model

    @property
    def hide_known(self) -> bool:
        """Whether known words are hidden."""
        return self._vocabulary().hide_known

    @property
    def min_hsk(self) -> int | None:
        """The lowest HSK level shown (None: any)."""
        return self._vocabulary().min_hsk

    @property
    def search(self) -> str:
        """The search text."""
        return self._vocabulary().search

    def set_filters(self, *, hide_known: bool, min_hsk: int | None, search: str) -> None:
        """Apply new filter values."""
        self._vocabulary().set_filters(hide_known=hide_known, min_hsk=min_hsk, search=search)

    def refilter(self) -> None:
        """Filter again (a status changed)."""
        model = self._vocabulary()
        if model.hide_known:
            model.refilter()
        elif model.sorted_by()[0] == Column.STATUS:
            model.sort(Column.STATUS, model.sorted_by()[1])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._vocabulary().sort(column, order)


class VocabularyView(QWidget):
    """The Vocabulary tab."""

    statusRequested = Signal(list, str)  # simplified words, WordStatus value
    meaningEdited = Signal(str, str)
    showInReader = Signal(int)  # character offset
    questionsRequested = Signal(str)  # quiz questions on this word (as the text writes it)

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
        # Widths come from the labels (see _fit_columns), never from the rows: fitting a column to
        # its contents asks for a thousand rows' cells on every reset, which a book makes slow.
        header.resizeSection(Column.WORD, 130)
        header.resizeSection(Column.PINYIN, 150)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() * 2)
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
        self.waiting = NoticeBanner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting)
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

    def set_waiting(self, text: str) -> None:
        """Say what is being done while the word list is not ready ("" when it is)."""
        self.waiting.say(text)

    def set_vocabulary(
        self, items: Sequence[VocabItem], statuses: Mapping[str, WordStatus], meanings: Mapping[str, str]
    ) -> None:
        """Show a document's vocabulary."""
        self.model.set_items(items, statuses, meanings)
        self._update_summary()

    def set_context(self, analysis: Analysis | None) -> None:
        """The analysis the vocabulary comes from (call it with `set_vocabulary`'s, or None): the
        Meaning column then shows the sense each word has in its first sentence where the sentence
        tells it, and references in the text's script."""
        self.model.set_context(analysis)

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Follow the reader's reading setting: Zhuyin, tone numbers or pinyin (none: pinyin)."""
        self.model.set_reading_style(style)
        self._fit_columns()

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
        return self.model.shown_words()

    def select_words(self, words: Sequence[str]) -> None:
        """Select the rows of these words (by their form in the text)."""
        wanted = set(words)
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in self.model.rows_of(wanted):
            selection.select(self.proxy.mapFromSource(self.model.index(r, Column.WORD)), flags)

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
        total, learning, known = self.model.status_counts()
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
        item = self.model.item(self.proxy.mapToSource(index).row())
        offset, word = item.first_offset, item.word
        menu.addAction(translate("Vocabulary", "Show in the text"), lambda: self.showInReader.emit(offset))
        menu.addAction(
            translate("Vocabulary", "Quiz questions on this word…"),
            lambda: self.questionsRequested.emit(word),
        )
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
        self._fit_columns()
        self._update_summary()

    def _fit_columns(self) -> None:
        """Size the short columns to their header and the widest value they can hold."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        header_metrics = QFontMetrics(bold)
        samples = {
            Column.HSK: ["7–9"],
            Column.COUNT: ["99999"],
            Column.STATUS: [status_label(s) for s in WordStatus],
        }
        for col, values in samples.items():
            label = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            widest = max(
                [metrics.horizontalAdvance(v) for v in values] + [header_metrics.horizontalAdvance(label)]
            )
            header.resizeSection(col, widest + 28)  # the sort arrow and the cell margins

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
