"""The Facts tab: timeline of dated events, glossary and people; editable, each linked to its sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dushu.core.facts.people import count_mentions
from dushu.core.facts.terms import COUNTRY_NAMES, country_display_name
from dushu.core.models import Fact, GlossaryEntry, Person
from dushu.core.script import to_simplified, to_traditional
from dushu.gui.i18n import current_language
from dushu.gui.notice_banner import NoticeBanner

__all__ = ["FactsView", "RecordDialog", "kind_label", "member_label"]

translate = QCoreApplication.translate

Record = Fact | GlossaryEntry | Person

# Above this many rows, rows are not fitted to their wrapped text (see _RecordTab._fill).
_FIT_ROWS_LIMIT = 400


@dataclass(frozen=True)
class _Field:
    name: str  # dataclass field
    label: Callable[[], str]  # translated label
    kind: str = "line"  # "line", "text", "list" (comma separated), "sentence", "check" (yes / no)


def kind_label(kind: str) -> str:
    """A glossary kind as the interface names it (the stored value stays in English)."""
    labels = {
        "organisation": translate("Facts", "organisation"),
        "agreement": translate("Facts", "agreement"),
        "document": translate("Facts", "document"),
        "mechanism": translate("Facts", "mechanism"),
        "term": translate("Facts", "term"),
    }
    return labels.get(kind, kind)


def _date_cell(fact: Fact) -> str:
    """A fact's date as the timeline shows it: its range and whether it is only scheduled."""
    date = fact.date or "—"
    if fact.date_end and fact.date_end != fact.date:
        date += f" – {fact.date_end}"
    if fact.planned:
        date += " · " + translate("Facts", "planned")
    return date


def _date_sort_key(fact: Fact) -> tuple[int, str, int]:
    return (0 if fact.date else 1, fact.date, fact.sentence)


# English name -> the full Chinese names that stand for it (澳洲 and 澳大利亞 for Australia), longest first.
_NAMES_OF: dict[str, list[str]] = {}
for _name, _english in sorted(COUNTRY_NAMES.items(), key=lambda kv: -len(kv[0])):
    _NAMES_OF.setdefault(_english, []).append(_name)


def member_label(english: str, sentence: str, language: str) -> str:
    """A member of a group as the interface shows it: in English for the English interface; else
    the name the sentence wrote in full (or Dushu's Chinese name for it when the text used a short
    form such as 美日), in the interface's script.

    >>> member_label("Australia", "由澳大利亞、紐西蘭組成", "zh_CN")
    '澳大利亚'
    >>> member_label("US", "美日印澳四國", "zh_TW")
    '美國'
    """
    if language not in ("zh_TW", "zh_CN"):
        return english
    written = next((n for n in _NAMES_OF.get(english, ()) if n in sentence), None)
    name = written or country_display_name(english)
    if name == english:
        return english  # not a country Dushu knows: as the record has it
    return to_simplified(name) if language == "zh_CN" else to_traditional(name)


class RecordDialog(QDialog):
    """Add or edit one fact, glossary entry or person; "sentence" fields pick the sentence it comes from."""

    def __init__(
        self,
        title: str,
        fields: Sequence[_Field],
        record: Record,
        sentence_count: int,
        sentence_text: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._fields = list(fields)
        self._record = record
        self._editors: dict[str, QWidget] = {}
        form = QFormLayout()
        self._sentence_preview = QLabel(self)
        self._sentence_preview.setWordWrap(True)
        self._sentence_text = sentence_text
        for f in fields:
            value = getattr(record, f.name)
            editor: QWidget
            if f.kind == "text":
                text_editor = QPlainTextEdit(self)
                text_editor.setPlainText(str(value))
                text_editor.setFixedHeight(90)
                editor = text_editor
            elif f.kind == "check":
                check = QCheckBox(self)
                check.setChecked(bool(value))
                editor = check
            elif f.kind == "sentence":
                spin = QSpinBox(self)
                spin.setRange(1, max(1, sentence_count))
                first = value[0] if isinstance(value, tuple) and value else value
                spin.setValue(int(first) + 1 if isinstance(first, int) and first >= 0 else 1)
                spin.valueChanged.connect(self._update_preview)
                editor = spin
            else:
                line = QLineEdit(self)
                line.setText(", ".join(value) if isinstance(value, tuple) else str(value))
                editor = line
            self._editors[f.name] = editor
            form.addRow(f.label(), editor)
        form.addRow("", self._sentence_preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update_preview()

    def _update_preview(self, *_: object) -> None:
        for f in self._fields:
            editor = self._editors[f.name]
            if f.kind == "sentence" and isinstance(editor, QSpinBox):
                self._sentence_preview.setText(self._sentence_text(editor.value() - 1))

    def record(self) -> Record:
        """The edited record."""
        changes: dict[str, Any] = {}
        for f in self._fields:
            editor = self._editors[f.name]
            if isinstance(editor, QPlainTextEdit):
                changes[f.name] = editor.toPlainText().strip()
            elif isinstance(editor, QCheckBox):
                changes[f.name] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                index = editor.value() - 1
                old = getattr(self._record, f.name)
                if isinstance(old, tuple):
                    changes[f.name] = (index, *[s for s in old if s != index])
                else:
                    changes[f.name] = index
            elif isinstance(editor, QLineEdit):
                text = editor.text().strip()
                if f.kind == "list":
                    parts = [p.strip() for p in text.replace("、", ",").replace("，", ",").split(",")]
                    changes[f.name] = tuple(p for p in parts if p)
                elif f.kind == "int":
                    changes[f.name] = int(text) if text.isdigit() else getattr(self._record, f.name)
                else:
                    changes[f.name] = text
        return replace(self._record, **changes)


class _RecordModel(QAbstractTableModel):
    """Rows of records for a table view: a model stays fast with tens of thousands of facts."""

    def __init__(self, tab: _RecordTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self._columns: list[str] = []

    def reset(self, columns: list[str]) -> None:
        """The records or the column names changed."""
        self.beginResetModel()
        self._columns = columns
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._tab.records) + (1 if self._tab.undated_row() is not None else 0)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.row() == self._tab.undated_row():
            return Qt.ItemFlag.ItemIsEnabled  # the heading of the undated group cannot be selected
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section] if section < len(self._columns) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        if index.row() == self._tab.undated_row():
            return self._heading_data(index.column(), role)
        at = self._tab.record_at(index.row())
        if at is None:
            return None
        record = self._tab.records[at]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._tab.cells(record)
            return cells[index.column()] if index.column() < len(cells) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            sentence = self._tab.sentence_of(record)
            return self._tab.sentence_text(sentence) if sentence is not None else None
        return None

    def _heading_data(self, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            count = len(self._tab.records) - self._tab.dated_count()
            return translate("Facts", "Not dated (%1) — in the order of the text").replace("%1", str(count))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().color(QPalette.ColorRole.AlternateBase)
        return None


class _RecordTab(QWidget):
    """One table of records with Add / Edit / Delete / Show in the text."""

    changed = Signal()
    showSentence = Signal(int)
    questionsRequested = Signal(str)  # what the questions should be about (a clause, term or name)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.records: list[Record] = []
        self._dated = 0  # facts: how many records (the first ones) have a date
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self.model = _RecordModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Rows follow their wrapped text as the table is resized (measuring once while the tab is
        # hidden would use a tiny width and leave very tall rows).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self._show())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._add = QPushButton(self)
        self._edit = QPushButton(self)
        self._delete = QPushButton(self)
        self._goto = QPushButton(self)
        self._ask = QPushButton(self)
        self._ask.clicked.connect(self._request_questions)
        self._add.clicked.connect(self._add_record)
        self._edit.clicked.connect(self._edit_record)
        self._delete.clicked.connect(self._delete_record)
        self._goto.clicked.connect(self._show)
        buttons = QHBoxLayout()
        buttons.addWidget(self._goto)
        buttons.addWidget(self._ask)
        buttons.addStretch(1)
        buttons.addWidget(self._add)
        buttons.addWidget(self._edit)
        buttons.addWidget(self._delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.sentence_count = 0
        self.sentence_text: Callable[[int], str] = lambda _i: ""
        self.retranslate()

    # -- columns per kind --------------------------------------------------------------------------

    def _columns(self) -> list[str]:
        if self.kind == "facts":
            return [
                translate("Facts", "Date"),
                translate("Facts", "As written"),
                translate("Facts", "Who"),
                translate("Facts", "What happened"),
            ]
        if self.kind == "glossary":
            return [
                translate("Facts", "Term"),
                translate("Facts", "Abbreviation"),
                translate("Facts", "English"),
                translate("Facts", "Kind"),
                translate("Facts", "Members"),
            ]
        return [
            translate("Facts", "Name"),
            translate("Facts", "English"),
            translate("Facts", "Role"),
            translate("Facts", "Mentions"),
        ]

    def cells(self, r: Record) -> list[str]:
        if isinstance(r, Fact):
            return [_date_cell(r), r.date_text, r.subject, r.summary or r.text]
        if isinstance(r, GlossaryEntry):
            language = current_language()
            sentence = self.sentence_text(r.sentence) if language != "en" and r.members else ""
            members = [member_label(m, sentence, language) for m in r.members]
            return [r.term, r.abbreviation, r.english, kind_label(r.kind), "、".join(members)]
        return [r.name, r.english, r.role, str(r.mentions)]

    def _fields(self) -> list[_Field]:
        if self.kind == "facts":
            return [
                _Field("date", lambda: translate("Facts", "Date (YYYY, YYYY-MM or YYYY-MM-DD)")),
                _Field("date_end", lambda: translate("Facts", "Until (for a range; may stay empty)")),
                _Field("date_text", lambda: translate("Facts", "Date as written")),
                _Field("subject", lambda: translate("Facts", "Who or what acted")),
                _Field("summary", lambda: translate("Facts", "Summary (read on its own)"), "text"),
                _Field("text", lambda: translate("Facts", "As the text says it"), "text"),
                _Field("planned", lambda: translate("Facts", "Scheduled, not yet happened"), "check"),
                _Field("sentence", lambda: translate("Facts", "Sentence number"), "sentence"),
            ]
        if self.kind == "glossary":
            return [
                _Field("term", lambda: translate("Facts", "Term")),
                _Field("abbreviation", lambda: translate("Facts", "Abbreviation")),
                _Field("english", lambda: translate("Facts", "English")),
                _Field("kind", lambda: translate("Facts", "Kind")),
                _Field("members", lambda: translate("Facts", "Members (comma separated)"), "list"),
                _Field("sentence", lambda: translate("Facts", "Sentence number"), "sentence"),
            ]
        return [
            _Field("name", lambda: translate("Facts", "Name")),
            _Field("english", lambda: translate("Facts", "English")),
            _Field("role", lambda: translate("Facts", "Role")),
            _Field("sentences", lambda: translate("Facts", "First sentence number"), "sentence"),
        ]

    def _blank(self) -> Record:
        if self.kind == "facts":
            return Fact(kind="event", text="", sentence=0)
        if self.kind == "glossary":
            return GlossaryEntry(term="", kind="term", sentence=0)
        return Person(name="", mentions=1)

    def sentence_of(self, r: Record) -> int | None:
        if isinstance(r, Person):
            return r.sentences[0] if r.sentences else None
        return r.sentence if r.sentence >= 0 else None

    # -- content -----------------------------------------------------------------------------------

    def set_records(self, records: Sequence[Record]) -> None:
        """Show records (facts are kept in date order)."""
        self.records = list(records)
        if self.kind == "facts":
            self.records.sort(key=lambda r: _date_sort_key(r) if isinstance(r, Fact) else (2, "", 0))
            self._dated = sum(1 for r in self.records if isinstance(r, Fact) and r.date)
        self._fill()

    def dated_count(self) -> int:
        """How many of the records have a date (they come first)."""
        return self._dated if self.kind == "facts" else len(self.records)

    def undated_row(self) -> int | None:
        """The table row of the heading before the undated events (None when there is no such group)."""
        if self.kind != "facts" or self._dated == len(self.records):
            return None
        return self._dated

    def record_at(self, row: int) -> int | None:
        """The record shown in a table row (None for the heading)."""
        heading = self.undated_row()
        if heading is None or row < heading:
            return row if 0 <= row < len(self.records) else None
        return None if row == heading else row - 1

    def row_of(self, record: int) -> int:
        """The table row of a record."""
        heading = self.undated_row()
        return record if heading is None or record < heading else record + 1

    def _fill(self) -> None:
        columns = self._columns()
        # Fitting every row to its wrapped text is slow for thousands of rows (a whole book):
        # long lists get one line per row, with the full sentence in the tooltip.
        fit = len(self.records) <= _FIT_ROWS_LIMIT
        self.table.setWordWrap(fit)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Fixed
        )
        self.model.reset(columns)
        self.table.clearSpans()
        heading = self.undated_row()
        if heading is not None:
            self.table.setSpan(heading, 0, 1, len(columns))
        header = self.table.horizontalHeader()
        stretch = {"facts": 3, "glossary": 4, "people": 2}[self.kind]
        for col in range(len(columns)):
            mode = QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(col, mode)
        if fit:
            self.table.resizeColumnsToContents()
        else:
            for col in range(len(columns)):
                if col != stretch:
                    header.resizeSection(col, 140)
        self._update_hint()
        self._update_buttons()

    def _update_hint(self) -> None:
        if self.records:
            self._hint.hide()
            return
        self._hint.show()
        if self.kind == "facts":
            hint = translate("Facts", "No dated events were found in this text. Use Add to write one.")
        elif self.kind == "glossary":
            hint = translate("Facts", "No terms or abbreviations were found. Use Add to write one.")
        else:
            hint = translate("Facts", "No people were found in this text. Use Add to write one.")
        self._hint.setText(hint)

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.record_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        has = self._selected() is not None
        self._edit.setEnabled(has)
        self._delete.setEnabled(has)
        self._goto.setEnabled(has)
        self._ask.setEnabled(has)

    def _dialog(self, title: str, record: Record) -> Record | None:
        dialog = RecordDialog(title, self._fields(), record, self.sentence_count, self.sentence_text, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.record()

    def _counted(self, record: Record, others: Sequence[Record]) -> Record:
        """A person the user typed, with the mentions the text has of the name, counted as the
        analysis counts them (`count_mentions`), so the word panel and this list agree."""
        if not isinstance(record, Person) or not record.name:
            return record
        people = [r for r in others if isinstance(r, Person) and r.name != record.name] + [record]
        # Mentions never cross a sentence end, so the sentences joined stand for the text.
        text = "\n".join(self.sentence_text(i) for i in range(self.sentence_count))
        return replace(record, mentions=count_mentions(text, people)[record.name])

    def _add_record(self) -> None:
        record = self._dialog(translate("Facts", "Add"), self._blank())
        if record is not None:
            self.records.append(self._counted(record, self.records))
            self.set_records(self.records)
            self.changed.emit()

    def _edit_record(self) -> None:
        row = self._selected()
        if row is None:
            return
        old = self.records[row]
        record = self._dialog(translate("Facts", "Edit"), old)
        if record is not None:
            if isinstance(old, Person) and isinstance(record, Person) and record.name != old.name:
                record = self._counted(record, self.records)  # another name: count it again
            self.records[row] = record
            self.set_records(self.records)
            self.changed.emit()

    def _delete_record(self) -> None:
        row = self._selected()
        if row is None:
            return
        del self.records[row]
        self.set_records(self.records)
        self.changed.emit()

    def _request_questions(self) -> None:
        row = self._selected()
        if row is None:
            return
        r = self.records[row]
        about = r.name if isinstance(r, Person) else r.term if isinstance(r, GlossaryEntry) else r.text
        if about.strip():
            self.questionsRequested.emit(about.strip())

    def _show(self) -> None:
        row = self._selected()
        if row is None:
            return
        sentence = self.sentence_of(self.records[row])
        if sentence is not None:
            self.showSentence.emit(sentence)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self._add.setText(translate("Facts", "Add…"))
        self._edit.setText(translate("Facts", "Edit…"))
        self._delete.setText(translate("Facts", "Delete"))
        self._goto.setText(translate("Facts", "Show in the text"))
        self._ask.setText(translate("Facts", "Quiz questions on it…"))
        self._ask.setToolTip(
            translate("Facts", "Choose questions on this row for the quiz set in the Quiz Editor tab")
        )
        self._fill()


class FactsView(QWidget):
    """Timeline, glossary and people of the open document."""

    annotationsChanged = Signal(object, object, object)  # facts, glossary, people (tuples)
    showSentence = Signal(int)
    questionsRequested = Signal(str)  # quiz questions on a fact's clause, a term or a name
    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.timeline = _RecordTab("facts", self)
        self.glossary = _RecordTab("glossary", self)
        self.people = _RecordTab("people", self)
        for tab in (self.timeline, self.glossary, self.people):
            tab.changed.connect(self._emit_changed)
            tab.showSentence.connect(self.showSentence)
            tab.questionsRequested.connect(self.questionsRequested)
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(self.glossary, "")
        self.tabs.addTab(self.people, "")
        self._edited = QLabel(self)
        self._restore = QPushButton(self)
        self._restore.clicked.connect(self.restoreRequested)
        bottom = QHBoxLayout()
        bottom.addWidget(self._edited, 1)
        bottom.addWidget(self._restore)
        self.waiting = NoticeBanner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._is_edited = False
        self._retranslate()

    def set_waiting(self, text: str) -> None:
        """Say what is being done while the facts are not ready ("" when they are)."""
        self.waiting.say(text)

    def set_content(
        self,
        facts: Sequence[Fact],
        glossary: Sequence[GlossaryEntry],
        people: Sequence[Person],
        *,
        sentence_count: int,
        sentence_text: Callable[[int], str],
        edited: bool,
    ) -> None:
        """Show a document's facts; `edited` says whether they are the user's version."""
        for tab in (self.timeline, self.glossary, self.people):
            tab.sentence_count = sentence_count
            tab.sentence_text = sentence_text
        self.timeline.set_records(facts)
        self.glossary.set_records(glossary)
        self.people.set_records(people)
        self._is_edited = edited
        self._retranslate()

    def _emit_changed(self) -> None:
        self._is_edited = True
        self._retranslate()
        self.annotationsChanged.emit(
            tuple(self.timeline.records), tuple(self.glossary.records), tuple(self.people.records)
        )

    def _retranslate(self) -> None:
        counts = (len(self.timeline.records), len(self.glossary.records), len(self.people.records))
        labels = (
            translate("Facts", "Timeline (%1)"),
            translate("Facts", "Glossary (%1)"),
            translate("Facts", "People (%1)"),
        )
        for i, (label, count) in enumerate(zip(labels, counts, strict=True)):
            self.tabs.setTabText(i, label.replace("%1", str(count)))
        edited = translate("Facts", "You have edited these facts; your version is kept.")
        self._edited.setText(edited if self._is_edited else "")
        self._restore.setText(translate("Facts", "Restore the facts found in the text"))
        self._restore.setVisible(self._is_edited)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for tab in (self.timeline, self.glossary, self.people):
                tab.retranslate()
            self._retranslate()
        super().changeEvent(event)
