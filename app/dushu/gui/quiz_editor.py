"""The quiz-set editor tab for teachers: questions, their forms, set settings, files and exports.

What is valid is decided by `dushu.core.quiz.quizfile` (question_problems, quiz_set_problems), the
same rules the loader applies, so a set the editor saves always loads. Nothing the teacher made is
lost: discarding unsaved work asks first, and deletes, moves, duplicates and additions can be undone.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import Analysis
from dushu.core.quiz.generate import candidate_questions, generate_quiz
from dushu.core.quiz.model import QUESTION_TYPES, Question, QuizSet, QuizSettings
from dushu.core.quiz.quizfile import load_quiz_set, question_problems, quiz_set_problems, save_quiz_set
from dushu.errors import DushuError
from dushu.export.handout import HandoutWords
from dushu.gui.question_form import QuestionForm, form_message, type_label
from dushu.gui.question_picker import QuestionPicker
from dushu.gui.tasks import SyncTaskRunner, Task, TaskRunner

__all__ = ["EXPORT_KINDS", "QuizEditor"]

# Export kind -> (file suffix, how it is written).
EXPORT_KINDS = ("gift", "moodle-xml", "csv", "anki", "pdf")
_SUFFIX = {"gift": ".gift.txt", "moodle-xml": ".xml", "csv": ".csv", "anki": ".apkg", "pdf": ".pdf"}
_FOLDER_SETTING = "quiz_folder"
_MAX_UNDO = 100


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """The question list at one moment, for undo (settings are fields the teacher sees and retypes)."""

    questions: tuple[Question, ...]
    keys: tuple[int, ...]
    current: int
    label: str


def _as_shown(questions: Sequence[Question]) -> list[Question]:
    """Questions as the form shows them: a typed answer not given yet is the same as an empty list."""
    return [
        dataclasses.replace(q, answer=q.accepted) if q.type in ("cloze", "short") else q for q in questions
    ]


def _first_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class QuizEditor(QWidget):
    """A teacher's quiz-set editor. Signals: `previewRequested(QuizSet)` to try the set as a student,
    `modifiedChanged(bool)` when the set becomes unsaved or saved."""

    previewRequested = Signal(object)
    modifiedChanged = Signal(bool)

    def __init__(
        self, library: Any, parent: QWidget | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner: TaskRunner = runner or SyncTaskRunner()
        self._analysis: Analysis | None = None
        self._document_title = ""
        self._questions: list[Question] = []
        self._keys: list[int] = []
        self._next_key = 0
        self._language = "zh-Hant"
        self._source = ""
        self._path: Path | None = None
        self._saved: QuizSet | None = None
        self._modified = False
        self._undo: list[_Snapshot] = []
        self._edit_key: int | None = None  # the question whose typing the last undo step covers
        self._loading = False
        self._build()
        self._connect()
        self.retranslate()
        self._start(QuizSet(self.tr("New quiz set"), ()), None, saved=True)

    # --------------------------------------------------------------------------------------- layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QToolButton(self)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self.new_button)
        self.act_new_empty = self.new_menu.addAction("")
        self.act_new_generated = self.new_menu.addAction("")
        self.new_button.setMenu(self.new_menu)
        self.open_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_as_button = QPushButton(self)
        self.export_button = QToolButton(self)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_actions = {kind: self.export_menu.addAction("") for kind in EXPORT_KINDS}
        self.export_button.setMenu(self.export_menu)
        self.preview_button = QPushButton(self)
        self.undo_button = QPushButton(self)
        for w in (self.new_button, self.open_button, self.save_button, self.save_as_button, self.undo_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.export_button)
        bar.addWidget(self.preview_button)
        bar.addStretch(1)
        self.file_label = QLabel(self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.file_label)
        outer.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.settings_box = QGroupBox(left)
        sf = QFormLayout(self.settings_box)
        self.title_edit = QLineEdit(self.settings_box)
        self.author_edit = QLineEdit(self.settings_box)
        self.shuffle_questions = QCheckBox(self.settings_box)
        self.shuffle_choices = QCheckBox(self.settings_box)
        self.feedback_combo = QComboBox(self.settings_box)
        self.feedback_combo.addItem("", "immediate")
        self.feedback_combo.addItem("", "end")
        self.time_limit = QSpinBox(self.settings_box)
        self.time_limit.setRange(0, 600)
        self.pass_mark = QDoubleSpinBox(self.settings_box)
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setDecimals(0)
        self._settings_labels = [QLabel(self.settings_box) for _ in range(5)]
        sf.addRow(self._settings_labels[0], self.title_edit)
        sf.addRow(self._settings_labels[1], self.author_edit)
        shuffles = QHBoxLayout()
        shuffles.addWidget(self.shuffle_questions)
        shuffles.addWidget(self.shuffle_choices)
        sf.addRow(shuffles)
        sf.addRow(self._settings_labels[2], self.feedback_combo)
        sf.addRow(self._settings_labels[3], self.time_limit)
        sf.addRow(self._settings_labels[4], self.pass_mark)
        for label, field in zip(
            self._settings_labels,
            (self.title_edit, self.author_edit, self.feedback_combo, self.time_limit, self.pass_mark),
            strict=True,
        ):
            label.setBuddy(field)
        ll.addWidget(self.settings_box)

        self.questions_label = QLabel(left)
        ll.addWidget(self.questions_label)
        self.question_list = QListWidget(left)
        self.question_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.question_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.question_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.question_list.setWordWrap(True)
        self.question_list.setIconSize(QSize(16, 16))
        self.question_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        ll.addWidget(self.question_list, 1)
        buttons = QHBoxLayout()
        self.add_button = QToolButton(left)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_actions = {t: self.add_menu.addAction("") for t in QUESTION_TYPES}
        self.add_button.setMenu(self.add_menu)
        self.from_text_button = QPushButton(left)
        self.duplicate_button = QToolButton(left)
        self.delete_button = QToolButton(left)
        self.up_button = QToolButton(left)
        self.up_button.setText("↑")
        self.down_button = QToolButton(left)
        self.down_button.setText("↓")
        for w in (self.add_button, self.from_text_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        ll.addLayout(buttons)
        self.from_text_reason = QLabel(left)
        self.from_text_reason.setWordWrap(True)
        self.from_text_reason.setStyleSheet("color: #666666;")
        ll.addWidget(self.from_text_reason)

        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.form_heading = QLabel(right)
        self.form_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.form_heading.font()
        font.setBold(True)
        self.form_heading.setFont(font)
        rl.addWidget(self.form_heading)
        self.form = QuestionForm()
        scroll = QScrollArea(right)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        rl.addWidget(scroll, 1)
        self.empty_hint = QLabel(right)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        rl.addWidget(self.empty_hint)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([420, 640])
        outer.addWidget(split, 1)

        self.problems_label = QLabel(self)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        outer.addWidget(self.problems_label)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setStyleSheet("color: #555555;")
        outer.addWidget(self.status_label)

    def _connect(self) -> None:
        self.act_new_empty.triggered.connect(lambda: self.new_set())
        self.act_new_generated.triggered.connect(self._new_generated)
        self.open_button.clicked.connect(self.choose_file)
        self.save_button.clicked.connect(self.save)
        self.save_as_button.clicked.connect(self.save_as)
        self.undo_button.clicked.connect(self.undo)
        self.preview_button.clicked.connect(self.preview)
        for kind, action in self.export_actions.items():
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
        for qtype, action in self.add_actions.items():
            action.triggered.connect(lambda _checked=False, t=qtype: self.add_question(t))
        self.from_text_button.clicked.connect(lambda: self.add_from_text())
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.question_list.currentRowChanged.connect(self._current_changed)
        self.question_list.model().rowsMoved.connect(self._rows_dropped)
        self.form.edited.connect(self._form_edited)
        for edit in (self.title_edit, self.author_edit):
            edit.textChanged.connect(self._settings_changed)
        for box in (self.shuffle_questions, self.shuffle_choices):
            box.toggled.connect(self._settings_changed)
        self.feedback_combo.currentIndexChanged.connect(self._settings_changed)
        self.time_limit.valueChanged.connect(self._settings_changed)
        self.pass_mark.valueChanged.connect(self._settings_changed)

        def shortcut(
            keys: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
            widget: QWidget | None = None,
        ) -> None:
            sc = QShortcut(QKeySequence(keys), widget or self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        shortcut(QKeySequence.StandardKey.Save, self.save)
        shortcut("Ctrl+Shift+S", self.save_as)
        shortcut(QKeySequence.StandardKey.Undo, self.undo)
        shortcut(QKeySequence.StandardKey.Delete, self.delete_current, self.question_list)
        shortcut("Ctrl+D", self.duplicate_current, self.question_list)
        shortcut("Ctrl+Up", lambda: self.move_current(-1), self.question_list)
        shortcut("Ctrl+Down", lambda: self.move_current(1), self.question_list)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.new_button.setText(self.tr("New set"))
        self.act_new_empty.setText(self.tr("Empty set"))
        self.act_new_generated.setText(self.tr("Generated from the open text…"))
        self.open_button.setText(self.tr("Open…"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the set as a .toml file (Ctrl+S)"))
        self.save_as_button.setText(self.tr("Save as…"))
        self.undo_button.setText(self.tr("Undo"))
        self.export_button.setText(self.tr("Export"))
        names = {
            "gift": self.tr("Moodle GIFT…"),
            "moodle-xml": self.tr("Moodle XML…"),
            "csv": self.tr("CSV spreadsheet…"),
            "anki": self.tr("Anki deck…"),
            "pdf": self.tr("Printable handout (PDF)…"),
        }
        for kind, action in self.export_actions.items():
            action.setText(names[kind])
        self.preview_button.setText(self.tr("Preview as student"))
        self.preview_button.setToolTip(self.tr("Take the set as a learner would, without saving it"))
        self.settings_box.setTitle(self.tr("The set"))
        for label, text in zip(
            self._settings_labels,
            (
                self.tr("&Title"),
                self.tr("Aut&hor"),
                self.tr("&Feedback"),
                self.tr("Time &limit"),
                self.tr("&Pass mark"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.shuffle_questions.setText(self.tr("Shuffle questions"))
        self.shuffle_choices.setText(self.tr("Shuffle choices"))
        self.feedback_combo.setItemText(0, self.tr("After each question"))
        self.feedback_combo.setItemText(1, self.tr("At the end"))
        self.time_limit.setSpecialValueText(self.tr("No limit"))
        self.time_limit.setSuffix(self.tr(" min"))
        self.pass_mark.setSuffix(" %")
        self.title_edit.setPlaceholderText(self.tr("Shown to learners and in exports"))
        self.add_button.setText(self.tr("Add question"))
        for qtype, action in self.add_actions.items():
            action.setText(type_label(qtype))
        self.from_text_button.setText(self.tr("Add from the text…"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.duplicate_button.setToolTip(self.tr("Duplicate the question (Ctrl+D)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the question (Delete); Undo brings it back"))
        self.up_button.setToolTip(self.tr("Move up (Ctrl+Up); or drag the question"))
        self.down_button.setToolTip(self.tr("Move down (Ctrl+Down); or drag the question"))
        self.empty_hint.setText(
            self.tr("No questions yet. Add one of a type, or add questions from the open text.")
        )
        self.form.retranslate()
        self._refresh_all()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------- public API

    def set_document(self, analysis: Analysis | None, title: str = "") -> None:
        """The document open in the reader: "Add from the text…" and generated sets use it; None
        disables them and says why."""
        self._analysis = analysis
        self._document_title = title or (analysis.title if analysis is not None else "")
        self._update_document_actions()

    def quiz_set(self) -> QuizSet:
        """The set as the editor shows it now (valid or not: quiz_set_problems judges)."""
        pass_mark = self.pass_mark.value()
        settings = QuizSettings(
            shuffle_questions=self.shuffle_questions.isChecked(),
            shuffle_choices=self.shuffle_choices.isChecked(),
            time_limit_minutes=self.time_limit.value(),
            pass_mark=int(pass_mark) if pass_mark.is_integer() else pass_mark,
            feedback=str(self.feedback_combo.currentData()),
        )
        return QuizSet(
            title=self.title_edit.text(),
            questions=tuple(self._questions),
            language=self._language,
            source=self._source,
            author=self.author_edit.text(),
            settings=settings,
        )

    def problems(self) -> list[str]:
        """What stops the set being saved, each naming its question, worded for the editor's form.
        The file's own rules decide (`quiz_set_problems`); this only words what they find."""
        qs = self.quiz_set()
        rules = quiz_set_problems(qs)
        if not rules:
            return []
        found = [] if qs.title.strip() else [self.tr("Give the set a title.")]
        found += [r for r in rules if r.startswith("[settings]")]  # (the settings' own words)
        if not qs.questions:
            found.append(self.tr("Add at least one question."))
        for i, q in enumerate(qs.questions):
            found += [
                self.tr("Question {0}: {1}").format(i + 1, form_message(p))
                for p in question_problems(q, i, qs.questions)
            ]
        return found or rules  # (a rule the form has no words for is shown as the file words it)

    def has_unsaved_changes(self) -> bool:
        """True when the set differs from the file it was opened from or last saved to."""
        return self._modified

    def current_path(self) -> Path | None:
        """The file the set is saved to (None for a set never saved)."""
        return self._path

    def maybe_discard(self) -> bool:
        """Ask before unsaved work is dropped (Save, Discard or Cancel); True when the caller may go on.
        The window calls it on close; the editor calls it before New and Open."""
        if not self._modified:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved quiz set"),
            self.tr("The quiz set “{0}” has changes that are not saved.").format(
                self.title_edit.text() or "…"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(self.tr("Save them before going on?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = self._ask(box)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_set(self, generated_from: Analysis | None = None, questions: int = 20) -> bool:
        """Start a new set: empty, or generated from an analysis (`questions` of them). Unsaved work
        is asked about first; False when the teacher kept it."""
        if not self.maybe_discard():
            return False
        if generated_from is None:
            # Nothing is made yet: closing an untouched new set needs no question.
            self._start(QuizSet(self.tr("New quiz set"), ()), None, saved=True)
            self.title_edit.setFocus()
            self.title_edit.selectAll()
            return True
        analysis = generated_from
        title = self._document_title

        def job(_task: Task) -> QuizSet:
            return generate_quiz(analysis, n=questions, title="", author="")

        def done(qs: QuizSet) -> None:
            if not qs.questions:
                self._error(
                    self.tr("The text gives nothing to ask about (no dated events, terms, people or words).")
                )
                return
            self._start(qs, None, saved=False)
            self._say(
                self.tr("Generated %n question(s) from “{0}”.", "", len(qs.questions)).format(
                    title or qs.title
                )
            )

        self.runner.run("generate quiz", job, done, self._job_failed)
        return True

    def open_file(self, path: str | os.PathLike[str]) -> bool:
        """Open a .toml quiz set (asking first about unsaved work); a bad file is a one-line dialog."""
        if not self.maybe_discard():
            return False
        return self._open(path)

    def _open(self, path: str | os.PathLike[str]) -> bool:
        try:
            qs = load_quiz_set(path)
        except DushuError as exc:
            self._error(str(exc))
            return False
        self._start(qs, Path(path), saved=True)
        self._remember_folder(Path(path))
        return True

    # --------------------------------------------------------------------------------- the question list

    def questions(self) -> tuple[Question, ...]:
        """The questions in their order."""
        return tuple(self._questions)

    def current_index(self) -> int:
        """The row selected in the list (-1 for none)."""
        return self.question_list.currentRow()

    def add_question(self, qtype: str) -> None:
        """Add an empty question of a type after the selected one and put the cursor in its prompt."""
        q = Question(self._free_id(), qtype, "")  # a true/false one too: the teacher says which it is
        # Two empty rows to type in: the fewest a valid question of these types has.
        if qtype == "choice":
            q = dataclasses.replace(q, choices=("", ""))
        elif qtype == "order":
            q = dataclasses.replace(q, items=("", ""))
        elif qtype == "match":
            q = dataclasses.replace(q, pairs=(("", ""), ("", "")))
        self._insert([q], self.current_index() + 1, self.tr("add a question"))
        self.form.prompt.setFocus()

    def add_questions(self, questions: Sequence[Question]) -> None:
        """Add questions (ids made unique) at the end of the set."""
        given: list[Question] = []
        for q in questions:
            given.append(dataclasses.replace(q, id=self._free_id(extra=[g.id for g in given])))
        self._insert(given, len(self._questions), self.tr("add questions"))

    def delete_current(self) -> None:
        """Delete the selected question (Undo brings it back)."""
        row = self.current_index()
        if row < 0:
            return
        self._push_undo(self.tr("delete"))
        prompt = _first_line(self._questions[row].prompt, 30)
        del self._questions[row]
        del self._keys[row]
        self._refresh_all(select=min(row, len(self._questions) - 1))
        self._say(self.tr("Deleted question {0} “{1}”. Undo brings it back.").format(row + 1, prompt))

    def duplicate_current(self) -> None:
        """Put a copy of the selected question (with a new id) after it."""
        row = self.current_index()
        if row < 0:
            return
        copy = dataclasses.replace(self._questions[row], id=self._free_id())
        self._insert([copy], row + 1, self.tr("duplicate"))

    def move_current(self, step: int) -> None:
        """Move the selected question up (-1) or down (+1)."""
        row = self.current_index()
        target = row + step
        if row < 0 or not 0 <= target < len(self._questions):
            return
        self._push_undo(self.tr("move"))
        qs, keys = self._questions, self._keys
        qs[row], qs[target] = qs[target], qs[row]
        keys[row], keys[target] = keys[target], keys[row]
        self._refresh_all(select=target)

    def undo(self) -> None:
        """Undo the last change to the question list (delete, move, add, duplicate, typing)."""
        if not self._undo:
            self._say(self.tr("Nothing to undo."))
            return
        snap = self._undo.pop()
        # A step the field's own undo (Ctrl+Z while typing) already took back changes nothing now:
        # go on to the one before, so that the button always undoes something visible.
        while (
            self._undo
            and snap.keys == tuple(self._keys)
            and _as_shown(snap.questions) == _as_shown(self._questions)
        ):
            snap = self._undo.pop()
        self._questions = list(snap.questions)
        self._keys = list(snap.keys)
        self._edit_key = None
        self._refresh_all(select=snap.current)
        self._say(self.tr("Undid: {0}.").format(snap.label))

    def add_from_text(self, about: str = "") -> None:
        """Pick questions from the open document's candidates and add the ticked ones; `about` (a
        fact's clause, a term, a name, a word) starts the picker on the questions that mention it."""
        analysis = self._analysis
        if analysis is None:
            self._error(
                self.tr(
                    "Open a text in the reader first: its facts, terms, people and words give the questions."
                )
            )
            return

        def job(_task: Task) -> list[Question]:
            return candidate_questions(analysis)

        self.runner.run("quiz candidates", job, lambda found: self._pick(found, about), self._job_failed)

    def _pick(self, candidates: list[Question], about: str = "") -> None:
        if not candidates:
            self._error(
                self.tr("The text gives nothing to ask about (no dated events, terms, people or words).")
            )
            return
        picker = QuestionPicker(candidates, self._questions, self)
        if about:
            picker.filter_edit.setText(about)
        if self._run_picker(picker):
            chosen = picker.chosen()
            if chosen:
                self.add_questions(chosen)
                self._say(self.tr("Added %n question(s) from the text.", "", len(chosen)))

    def _run_picker(self, picker: QuestionPicker) -> bool:
        """Show the picker (tests replace this to tick rows and accept)."""
        return bool(picker.exec())

    # ------------------------------------------------------------------------------------ files

    def choose_file(self) -> None:
        """Ask for a .toml quiz set and open it."""
        if not self.maybe_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a quiz set"),
            str(self._folder()),
            self.tr("Quiz sets (*.toml);;All files (*)"),
        )
        if path:
            self._open(path)

    def save(self) -> bool:
        """Save to the set's file (asking for one the first time); a set with problems is refused."""
        if self._path is None:
            return self.save_as()
        return self._save_to(self._path)

    def save_as(self) -> bool:
        """Save under a new file name (.toml)."""
        if not self._refuse_if_broken(self.tr("The set cannot be saved yet")):
            return False
        suggested = self._path or self._folder() / f"{self._file_stem()}.toml"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the quiz set"), str(suggested), self.tr("Quiz sets (*.toml)")
        )
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".toml")
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        if not self._refuse_if_broken(self.tr("The set cannot be saved yet")):
            return False
        qs = self.quiz_set()
        try:
            save_quiz_set(qs, path)
        except DushuError as exc:
            self._error(str(exc))
            return False
        self._path = path
        self._saved = qs
        self._remember_folder(path)
        self._update_modified()
        self._say(self.tr("Saved {0}.").format(str(path)))
        return True

    def export(self, kind: str) -> bool:
        """Export the set (gift, moodle-xml, csv, anki or pdf) to a file the teacher chooses."""
        if not self._refuse_if_broken(self.tr("The set cannot be exported yet")):
            return False
        filters = {
            "gift": self.tr("Moodle GIFT (*.gift.txt *.txt)"),
            "moodle-xml": self.tr("Moodle XML (*.xml)"),
            "csv": self.tr("CSV (*.csv)"),
            "anki": self.tr("Anki package (*.apkg)"),
            "pdf": self.tr("PDF (*.pdf)"),
        }
        suggested = self._folder() / f"{self._file_stem()}{_SUFFIX[kind]}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the quiz set"), str(suggested), filters[kind]
        )
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = Path(f"{target}{_SUFFIX[kind]}")
        try:
            self._write_export(kind, self.quiz_set(), target)
        except DushuError as exc:
            self._error(str(exc))
            return False
        self._remember_folder(target)
        self._say(self.tr("Exported {0}.").format(str(target)))
        return True

    def _write_export(self, kind: str, qs: QuizSet, target: Path) -> None:
        if kind in ("gift", "moodle-xml", "csv"):
            from dushu.export.quiz_formats import write_quiz_export

            write_quiz_export(qs, kind, target)
        elif kind == "anki":
            from dushu.export.quiz_anki import write_quiz_deck

            write_quiz_deck(qs, target)
        else:
            from dushu.gui.fonts import default_family
            from dushu.gui.handout_print import write_handout_pdf

            script = "simplified" if qs.language == "zh-Hans" else "traditional"
            write_handout_pdf(qs, target, words=self.handout_words(), family=default_family(script))

    def handout_words(self) -> HandoutWords:
        """The handout's words in the interface language."""
        return HandoutWords(
            name=self.tr("Name"),
            date=self.tr("Date"),
            score=self.tr("Score"),
            points=self.tr("points"),
            one_point=self.tr("point"),
            true=self.tr("對 (true)"),
            false=self.tr("錯 (false)"),
            order_hint=self.tr("Write 1, 2, 3 … in the brackets to put them in order."),
            match_hint=self.tr("Write the letter of the matching item in the brackets beside each number."),
            answer_line=self.tr("Answer"),
            answer_key=self.tr("Answer key"),
            explanation=self.tr("Why"),
            source=self.tr("From the text"),
        )

    def preview(self) -> None:
        """Ask the window to run the set as a student would see it (a set with problems is refused)."""
        if not self._refuse_if_broken(self.tr("The set cannot be previewed yet")):
            return
        self.previewRequested.emit(self.quiz_set())

    # ------------------------------------------------------------------------------------ internals

    def _start(self, qs: QuizSet, path: Path | None, *, saved: bool) -> None:
        """Show a whole set (new, generated or opened), forgetting the undo history of the last one."""
        self._loading = True
        try:
            self._questions = list(qs.questions)
            self._keys = []
            for _ in self._questions:
                self._keys.append(self._new_key())
            self._language = qs.language
            self._source = qs.source
            self._path = path
            self.title_edit.setText(qs.title)
            self.author_edit.setText(qs.author)
            s = qs.settings
            self.shuffle_questions.setChecked(s.shuffle_questions)
            self.shuffle_choices.setChecked(s.shuffle_choices)
            self.feedback_combo.setCurrentIndex(max(0, self.feedback_combo.findData(s.feedback)))
            self.time_limit.setValue(s.time_limit_minutes)
            self.pass_mark.setValue(float(s.pass_mark))
            self._undo.clear()
            self._edit_key = None
        finally:
            self._loading = False
        # A new or generated set counts as unsaved (there is no file); an opened one as saved.
        self._saved = self.quiz_set() if saved else None
        self._refresh_all(select=0 if self._questions else -1)
        self.status_label.clear()

    def _new_key(self) -> int:
        self._next_key += 1
        return self._next_key

    def _free_id(self, extra: Sequence[str] = ()) -> str:
        used = {q.id for q in self._questions} | set(extra)
        n = len(self._questions) + 1
        while f"q{n:02d}" in used:
            n += 1
        return f"q{n:02d}"

    def _insert(self, questions: Sequence[Question], at: int, label: str) -> None:
        if not questions:
            return
        self._push_undo(label)
        at = max(0, min(at, len(self._questions)))
        self._questions[at:at] = list(questions)
        self._keys[at:at] = [self._new_key() for _ in questions]
        self._refresh_all(select=at)

    def _push_undo(self, label: str) -> None:
        self._undo.append(_Snapshot(tuple(self._questions), tuple(self._keys), self.current_index(), label))
        del self._undo[:-_MAX_UNDO]
        self._edit_key = None

    def _rows_dropped(self, *_args: object) -> None:
        """A question dragged to a new place: follow the list's order."""
        order = [
            int(self.question_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.question_list.count())
        ]
        if order == self._keys:
            return
        self._undo.append(
            _Snapshot(tuple(self._questions), tuple(self._keys), self.current_index(), self.tr("move"))
        )
        by_key = dict(zip(self._keys, self._questions, strict=True))
        self._keys = order
        self._questions = [by_key[k] for k in order]
        self._refresh_all(select=self.current_index())

    def _current_changed(self, row: int) -> None:
        if self._loading:
            return
        self._show_form(row)

    def _show_form(self, row: int) -> None:
        has = 0 <= row < len(self._questions)
        self.form.set_question(self._questions[row] if has else None)
        self.form.setVisible(has)
        self.empty_hint.setVisible(not self._questions)
        if has:
            self.form_heading.setText(
                self.tr("Question {0} of {1} · {2}").format(
                    row + 1, len(self._questions), type_label(self._questions[row].type)
                )
            )
            self.form.show_problems(question_problems(self._questions[row], row, self._questions))
        else:
            self.form_heading.setText("")
        for w in (self.duplicate_button, self.delete_button, self.up_button, self.down_button):
            w.setEnabled(has)

    def _form_edited(self) -> None:
        row = self.current_index()
        if not 0 <= row < len(self._questions):
            return
        q = self.form.question()
        if q == self._questions[row]:
            return
        if self._edit_key != self._keys[row]:
            self._push_undo(self.tr("typing in question {0}").format(row + 1))
            self._edit_key = self._keys[row]
        self._questions[row] = q
        problems = question_problems(q, row, self._questions)
        self.form.show_problems(problems)
        self.form_heading.setText(
            self.tr("Question {0} of {1} · {2}").format(row + 1, len(self._questions), type_label(q.type))
        )
        # Only this row and the ones after it can change (an id repeats an earlier one).
        for i in range(row, len(self._questions)):
            self._refresh_row(i)
        self._update_summary()

    def _settings_changed(self) -> None:
        if not self._loading:
            self._update_summary()

    def _refresh_all(self, select: int | None = None) -> None:
        if not hasattr(self, "question_list"):
            return
        keep = self.current_index() if select is None else select
        self._loading = True
        try:
            self.question_list.clear()
            for i in range(len(self._questions)):
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, self._keys[i])
                self.question_list.addItem(item)
                self._refresh_row(i)
            if 0 <= keep < len(self._questions):
                self.question_list.setCurrentRow(keep)
        finally:
            self._loading = False
        self._show_form(self.current_index())
        self._update_summary()

    def _refresh_row(self, i: int) -> None:
        item = self.question_list.item(i)
        if item is None:
            return
        q = self._questions[i]
        problems = question_problems(q, i, self._questions)
        prompt = _first_line(q.prompt) or self.tr("(no question written yet)")
        item.setText(f"{i + 1}. [{type_label(q.type)}] {prompt}")
        if problems:
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setToolTip("\n".join(form_message(p) for p in problems))
        else:
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
            item.setToolTip(q.prompt)

    def _update_summary(self) -> None:
        problems = self.problems()
        n = len(self._questions)
        points = f"{self.quiz_set().total_points:g}"
        self.questions_label.setText(self.tr("Questions: %n, points: {0}", "", n).format(points))
        if problems:
            shown = problems[:3] + (
                [self.tr("… and %n more", "", len(problems) - 3)] if len(problems) > 3 else []
            )
            self.problems_label.setText(
                self.tr("⚠ %n problem(s) to fix before saving:", "", len(problems)) + "\n" + "\n".join(shown)
            )
            self.problems_label.setStyleSheet("color: #b00020;")
        else:
            self.problems_label.setText(self.tr("✓ The set is ready to save, export and preview."))
            self.problems_label.setStyleSheet("color: #1b6e20;")
        self._update_modified()
        self._update_document_actions()
        self.undo_button.setEnabled(bool(self._undo))

    def _update_modified(self) -> None:
        modified = self._saved is None or self.quiz_set() != self._saved
        name = self._path.name if self._path is not None else self.tr("not saved yet")
        unsaved = self.tr("unsaved changes")
        self.file_label.setText(f"{name} • {unsaved}" if modified else name)
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    def _update_document_actions(self) -> None:
        has = self._analysis is not None
        reason = "" if has else self.tr("Open a text in the reader to add questions from it.")
        for w in (self.from_text_button,):
            w.setEnabled(has)
            w.setToolTip(
                reason or self.tr("Choose questions the open text gives: facts, terms, people, words")
            )
        self.act_new_generated.setEnabled(has)
        self.from_text_reason.setText(reason)
        self.from_text_reason.setVisible(bool(reason))

    def _new_generated(self) -> None:
        if self._analysis is None:
            return
        n, ok = QInputDialog.getInt(
            self, self.tr("Generate a quiz set"), self.tr("How many questions?"), 20, 1, 200
        )
        if ok:
            self.new_set(self._analysis, n)

    def _refuse_if_broken(self, heading: str) -> bool:
        problems = self.problems()
        if not problems:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, heading, heading, QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(self.tr("Fix these first (the list marks each question with a problem):"))
        box.setDetailedText("\n".join(problems))
        box.setText(heading + "\n\n" + "\n".join(problems[:8]) + ("\n…" if len(problems) > 8 else ""))
        self._ask(box)
        return False

    def _ask(self, box: QMessageBox) -> QMessageBox.StandardButton:
        """Show a message box and return the button pressed (tests replace this)."""
        box.setTextFormat(Qt.TextFormat.PlainText)
        return QMessageBox.StandardButton(box.exec())

    def _error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Dushu", message, QMessageBox.StandardButton.Ok, self)
        self._ask(box)

    def _job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DushuError):
            self._error(str(exc))
            return
        raise exc

    def _say(self, message: str) -> None:
        self.status_label.setText(message)

    def _folder(self) -> Path:
        stored = self.library.setting(_FOLDER_SETTING, "") if self.library is not None else ""
        folder = Path(stored) if stored else Path.home()
        return folder if folder.is_dir() else Path.home()

    def _remember_folder(self, path: Path) -> None:
        if self.library is not None:
            self.library.set_setting(_FOLDER_SETTING, str(path.parent))

    def _file_stem(self) -> str:
        if self._path is not None:
            return self._path.stem
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.title_edit.text()).strip()
        return stem[:60] or "quiz"
