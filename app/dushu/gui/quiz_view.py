"""The Quiz tab: choose a set, answer its questions, see feedback and the score, and the results of a set.

Pages: the chooser (generate from the open document, a teacher's .toml, recent and bundled sets),
one question at a time, the summary of an attempt, and a set's results (attempts and a chart).
Checking and scoring are the core's (`dushu.core.quiz`); an attempt's state is a `QuizSession`;
every finished attempt is kept in the library.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import Analysis
from dushu.core.quiz.answers import Feedback, Response
from dushu.core.quiz.engine import response_text
from dushu.core.quiz.generate import GENERATED_TYPES, generate_quiz
from dushu.core.quiz.model import Question, QuizSet
from dushu.core.quiz.quizfile import load_quiz_set, loads_quiz_set
from dushu.core.quiz.session import (
    QuizSession,
    SessionResult,
    answers_to_json,
    file_set_key,
    generated_set_key,
)
from dushu.errors import DushuError
from dushu.gui.quiz_results import (
    QuizResults,
    fill_in,
    format_duration,
    format_points,
    one_line,
    scaled_font,
)
from dushu.gui.quiz_widgets import QuestionAnswer, answer_widget_for
from dushu.gui.tasks import Task, TaskRunner
from dushu.storage.library import Library, QuizAttempt

__all__ = ["QuizView", "bundled_sets"]

translate = QCoreApplication.translate

Clock = Callable[[], datetime]

LEARNER_SETTING = "quiz.learner"
RECENT_SETTING = "quiz.recent_sets"
GENERATE_SETTING = "quiz.generate"
_RECENT_LIMIT = 8
_GENERATE_SEED = 0  # the same document and settings give the same set, so its attempts line up


def _now() -> datetime:
    return datetime.now().astimezone()


def bundled_sets() -> list[tuple[str, str]]:
    """The quiz sets shipped in decks/: (file name, its TOML text), by name."""
    found: list[tuple[str, str]] = []
    for entry in resources.files("dushu.decks").iterdir():
        if entry.name.endswith(".toml") and entry.is_file():
            found.append((entry.name, entry.read_text(encoding="utf-8-sig")))
    return sorted(found)


def _type_names() -> dict[str, str]:
    return {
        "choice": translate("Quiz", "Multiple choice"),
        "truefalse": translate("Quiz", "True or false"),
        "cloze": translate("Quiz", "Fill the blank"),
        "short": translate("Quiz", "Short answer"),
        "order": translate("Quiz", "Put in order"),
        "match": translate("Quiz", "Match pairs"),
        "vocabulary": translate("Quiz", "Vocabulary"),
    }


def _shown_answer(question: Question, response: Response) -> str:
    """A response as the summary shows it (true/false in words, blanks as a dash)."""
    if response is None or response == "":
        return "—"
    if question.type == "truefalse" and isinstance(response, bool):
        return translate("Quiz", "True") if response else translate("Quiz", "False")
    return response_text(question, response) or "—"


def _ask_line(question: Question) -> str:
    """What the learner is asked to do, above the prompt (a true/false prompt is a bare statement)."""
    return {
        "choice": translate("Quiz", "Choose the right answer:"),
        "truefalse": translate("Quiz", "Is this statement true or false?"),
        "cloze": translate("Quiz", "Fill the blank:"),
        "short": translate("Quiz", "Type the answer:"),
        "order": translate("Quiz", "Put these in order:"),
        "match": translate("Quiz", "Match each item with its partner:"),
    }.get(question.type, "")


def _expected(question: Question) -> str:
    if question.type == "truefalse":
        return translate("Quiz", "True") if question.answer else translate("Quiz", "False")
    return question.expected_text()


class QuizView(QWidget):
    """The quiz tab. `sourceRequested(sentence)` asks the window to show a question's source sentence
    in the reader; `attemptStored(set_key)` follows every attempt kept in the library."""

    sourceRequested = Signal(str)
    attemptStored = Signal(str)

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        clock: Clock = _now,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.clock = clock
        self.analysis: Analysis | None = None
        self.document_title = ""
        self.session: QuizSession | None = None
        self.source_path: str | None = None
        self.preview = False  # the set editor's "Preview as student": attempts are not kept
        self.last_error = ""
        self.last_stored: QuizAttempt | None = None
        self._answer: QuestionAnswer | None = None
        self._generating: Task | None = None
        self.setAcceptDrops(True)

        self.pages = QStackedWidget(self)
        self.chooser = self._build_chooser()
        self.question_page = self._build_question_page()
        self.summary_page = self._build_summary_page()
        self.results_page = QuizResults(library, self)
        self._set_orders: dict[str, tuple[str, ...]] = {}  # set key -> its question ids, in order
        self._bundled: list[tuple[str, QuizSet]] | None = None  # read once: see _bundled_sets
        self.results_page.question_order = lambda key: self._set_orders.get(key, ())
        self.results_page.backRequested.connect(self.back_to_chooser)
        self.results_page.problem.connect(self.show_error)
        for page in (self.chooser, self.question_page, self.summary_page, self.results_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.tick)
        self._retranslate()
        self.set_document(None, "")
        self.refresh_sets()

    # ------------------------------------------------------------------------------ public API

    def set_document(self, analysis: Analysis | None, title: str) -> None:
        """The open document changed (None: no document); generating follows it."""
        self.analysis = analysis
        self.document_title = title
        if self._generating is not None:  # a set of the previous document must not start now
            self._generating.cancel()
            self._generating = None
        self._update_generate()

    def start_quiz_set(self, qs: QuizSet, source_path: str | None = None, *, preview: bool = False) -> None:
        """Start an attempt at a set (from a file, the command line, or the editor's "Preview as
        student" with `preview=True`: a preview's attempts are not kept in the library)."""
        self._start(qs, file_set_key(qs), source_path, preview=preview)

    def open_quiz_file(self, path: str) -> bool:
        """Load a teacher's .toml and start it; a problem is shown in a dialog (one line). True if started."""
        try:
            qs = load_quiz_set(path)
        except DushuError as exc:
            self.show_error(one_line(exc))
            return False
        self._remember_recent(str(Path(path).absolute()))
        return self._start(qs, file_set_key(qs), str(Path(path).absolute()))

    def show_error(self, message: str) -> None:
        """Tell the learner what went wrong in one line, in a dialog that does not block the app."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, "Dushu", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def learner(self) -> str:
        """The learner's name as typed on the chooser."""
        return self.name_edit.text().strip()

    # ------------------------------------------------------------------------------ chooser

    def _build_chooser(self) -> QWidget:
        page = QWidget(self)
        self._chooser_title = QLabel(page)
        self._chooser_title.setFont(scaled_font(self.font(), 1.4, bold=True))
        self._name_label = QLabel(page)
        self.name_edit = QLineEdit(page)
        self.name_edit.setText(str(self.library.setting(LEARNER_SETTING, "") or ""))
        self.name_edit.editingFinished.connect(self._save_learner)
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        self.name_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        name_row = QHBoxLayout()
        name_row.addWidget(self._name_label)
        name_row.addWidget(self.name_edit)
        name_row.addStretch(1)

        # From the open document.
        self.generate_box = QGroupBox(page)
        self.generate_reason = QLabel(self.generate_box)
        self.generate_reason.setWordWrap(True)
        self.generate_reason.setTextFormat(Qt.TextFormat.PlainText)
        self._count_label = QLabel(self.generate_box)
        self.count_spin = QSpinBox(self.generate_box)
        self.count_spin.setRange(1, 60)
        stored = self.library.setting(GENERATE_SETTING, {}) or {}
        stored = stored if isinstance(stored, dict) else {}
        self.count_spin.setValue(int(stored.get("n", 10)) if str(stored.get("n", "")).isdigit() else 10)
        wanted = stored.get("types")
        wanted = set(wanted) if isinstance(wanted, list) and wanted else set(GENERATED_TYPES)
        self.type_boxes: dict[str, QCheckBox] = {}
        types_grid = QGridLayout()
        for i, kind in enumerate(GENERATED_TYPES):
            box = QCheckBox(self.generate_box)
            box.setChecked(kind in wanted)
            box.toggled.connect(lambda _on: self._update_generate())
            self.type_boxes[kind] = box
            types_grid.addWidget(box, i // 4, i % 4)
        self.generate_button = QPushButton(self.generate_box)
        self.generate_button.clicked.connect(self.generate)
        count_row = QHBoxLayout()
        count_row.addWidget(self._count_label)
        count_row.addWidget(self.count_spin)
        count_row.addStretch(1)
        go_row = QHBoxLayout()
        go_row.addStretch(1)
        go_row.addWidget(self.generate_button)
        gen_layout = QVBoxLayout(self.generate_box)
        gen_layout.addWidget(self.generate_reason)
        gen_layout.addLayout(count_row)
        gen_layout.addLayout(types_grid)
        gen_layout.addLayout(go_row)

        # Sets from files: a teacher's, recent ones, bundled ones.
        self.files_box = QGroupBox(page)
        self.open_button = QPushButton(self.files_box)
        self.open_button.clicked.connect(self._open_dialog)
        self._drop_hint = QLabel(self.files_box)
        self._drop_hint.setWordWrap(True)
        self._recent_label = QLabel(self.files_box)
        self.recent_list = QListWidget(self.files_box)
        self._bundled_label = QLabel(self.files_box)
        self.bundled_list = QListWidget(self.files_box)
        for lst, other in ((self.recent_list, self.bundled_list), (self.bundled_list, self.recent_list)):
            lst.setWordWrap(True)
            lst.setResizeMode(QListWidget.ResizeMode.Adjust)
            lst.itemActivated.connect(self._start_listed)
            lst.setMinimumHeight(90)
            lst.setMaximumHeight(170)
            lst.setFont(scaled_font(self.font(), 1.1))
            # One selection across both lists: Start takes the one the learner picked last.
            lst.itemPressed.connect(lambda _item, other=other: other.clearSelection())
            lst.itemSelectionChanged.connect(self._update_start)
        self.start_listed_button = QPushButton(self.files_box)
        self.start_listed_button.clicked.connect(self._start_selected)
        self._start_hint = QLabel(self.files_box)
        self.results_button = QPushButton(page)
        self.results_button.clicked.connect(lambda: self.show_results(""))
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addWidget(self._drop_hint, 1)
        lists = QGridLayout()
        lists.addWidget(self._recent_label, 0, 0)
        lists.addWidget(self._bundled_label, 0, 1)
        lists.addWidget(self.recent_list, 1, 0)
        lists.addWidget(self.bundled_list, 1, 1)
        files_layout = QVBoxLayout(self.files_box)
        files_layout.addLayout(open_row)
        files_layout.addLayout(lists, 1)
        start_row = QHBoxLayout()
        start_row.addWidget(self._start_hint, 1)
        start_row.addWidget(self.start_listed_button)
        files_layout.addLayout(start_row)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.results_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self._chooser_title)
        layout.addLayout(name_row)
        layout.addWidget(self.generate_box)
        layout.addWidget(self.files_box)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def _selected_listed(self) -> QListWidgetItem | None:
        for lst in (self.recent_list, self.bundled_list):
            for item in lst.selectedItems():
                if item.data(Qt.ItemDataRole.UserRole):
                    return item
        return None

    def _update_start(self) -> None:
        self.start_listed_button.setEnabled(self._selected_listed() is not None)

    def refresh_sets(self) -> None:
        """Fill the recent and bundled lists again."""
        self.recent_list.clear()
        for path in self._recent():
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, ("file", path))
            item.setToolTip(path)
            self.recent_list.addItem(item)
        if not self.recent_list.count():
            empty = QListWidgetItem(translate("Quiz", "Sets you open appear here."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(empty)
        self._fill_bundled()
        self.results_button.setEnabled(bool(self.library.sets_with_attempts()))
        self._update_start()

    def _bundled_sets(self) -> list[tuple[str, QuizSet]]:
        """The sets that come with Dushu, read and checked once (one that does not load is left out)."""
        if self._bundled is None:
            self._bundled = []
            for name, text in bundled_sets():
                try:
                    qs = loads_quiz_set(text, name)
                except DushuError:
                    continue
                self._bundled.append((name, qs))
                self._set_orders.setdefault(file_set_key(qs), tuple(q.id for q in qs.questions))
        return self._bundled

    def _fill_bundled(self) -> None:
        """The sets that come with Dushu, each with its facts in the interface language."""
        self.bundled_list.clear()
        for name, qs in self._bundled_sets():
            title = qs.title
            item = QListWidgetItem(f"{title}  ({_set_facts(qs)})")
            item.setData(Qt.ItemDataRole.UserRole, ("bundled", name))
            item.setToolTip(f"{title}\n{_feedback_words(qs)}\n{name}")
            self.bundled_list.addItem(item)

    def _recent(self) -> list[str]:
        stored = self.library.setting(RECENT_SETTING, [])
        return [str(p) for p in stored if isinstance(p, str)] if isinstance(stored, list) else []

    def _remember_recent(self, path: str) -> None:
        paths = [path] + [p for p in self._recent() if p != path]
        self.library.set_setting(RECENT_SETTING, paths[:_RECENT_LIMIT])
        self.refresh_sets()

    def _save_learner(self) -> None:
        self.library.set_setting(LEARNER_SETTING, self.learner())

    def _update_generate(self) -> None:
        has_doc = self.analysis is not None
        chosen = [k for k, box in self.type_boxes.items() if box.isChecked()]
        if not has_doc:
            self.generate_reason.setText(
                translate("Quiz", "Open a document (Library or File → Open) to make a quiz from it.")
            )
        else:
            self.generate_reason.setText(
                translate("Quiz", "From “%1”: questions on what the text says and on its words.").replace(
                    "%1", self.document_title or translate("Quiz", "the open text")
                )
            )
        for widget in (self.count_spin, *self.type_boxes.values()):
            widget.setEnabled(has_doc)
        busy = self._generating is not None
        self.generate_button.setEnabled(has_doc and bool(chosen) and not busy)
        self.generate_button.setToolTip(
            "" if chosen or not has_doc else translate("Quiz", "Choose at least one kind of question.")
        )

    def generate(self) -> None:
        """Make a set from the open document (off the GUI thread) and start it."""
        analysis = self.analysis
        if analysis is None:
            return
        n = self.count_spin.value()
        types = [k for k, box in self.type_boxes.items() if box.isChecked()]
        if not types:
            return
        self.library.set_setting(GENERATE_SETTING, {"n": n, "types": types})
        key = generated_set_key(analysis.text, n, types, _GENERATE_SEED)

        def job(task: Task) -> QuizSet:
            # No title given: the generator words one from the document's ("…：閱讀測驗").
            return generate_quiz(analysis, n=n, types=types, seed=_GENERATE_SEED)

        def done(qs: QuizSet) -> None:
            self._generating = None
            self._update_generate()
            if not qs.questions:
                self.show_error(
                    translate("Quiz", "This text has nothing to ask of the kinds chosen; choose more kinds.")
                )
                return
            self._start(qs, key, None)

        def failed(exc: BaseException) -> None:
            self._generating = None
            self._update_generate()
            self.show_error(one_line(exc) if isinstance(exc, DushuError) else repr(exc))

        self._generating = self.runner.run("quiz", job, done, failed)
        if self._generating.finished:
            self._generating = None
        self._update_generate()

    def _open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Quiz", "Open a quiz set"), "", translate("Quiz", "Quiz sets (*.toml)")
        )
        if path:
            self.open_quiz_file(path)

    def _start_selected(self) -> None:
        item = self._selected_listed()
        if item is not None:
            self._start_listed(item)

    def _start_listed(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, name = data
        if kind == "file":
            self.open_quiz_file(name)
            return
        for file_name, qs in self._bundled_sets():
            if file_name == name:
                self.start_quiz_set(qs, None)
                return

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.toLocalFile().lower().endswith(".toml") for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith(".toml"):
                event.acceptProposedAction()
                if self.session is not None and self.session.finished is None:
                    self.show_error(translate("Quiz", "Finish or end the quiz you are taking first."))
                    return
                self.open_quiz_file(path)
                return

    # ------------------------------------------------------------------------------ taking a quiz

    def _build_question_page(self) -> QWidget:
        page = QWidget(self)
        self.set_title = QLabel(page)
        self.set_title.setTextFormat(Qt.TextFormat.PlainText)
        self.set_title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.set_title.setWordWrap(True)
        self.progress_label = QLabel(page)
        self.countdown = QLabel(page)
        self.countdown.setFont(scaled_font(self.font(), 1.2, bold=True))
        self.countdown.setAccessibleName("countdown")
        top = QHBoxLayout()
        top.addWidget(self.set_title, 1)
        top.addWidget(self.progress_label)
        top.addSpacing(16)
        top.addWidget(self.countdown)

        self.kind_label = QLabel(page)
        self.kind_label.setStyleSheet("color: palette(placeholder-text);")
        self.prompt = QLabel(page)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.prompt.setFont(scaled_font(self.font(), 1.5))
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_area = QVBoxLayout()
        self.key_hint = QLabel(page)
        self.key_hint.setWordWrap(True)
        self.key_hint.setStyleSheet("color: palette(placeholder-text);")
        self.feedback_label = QLabel(page)
        self.feedback_label.setFont(scaled_font(self.font(), 1.1))
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextFormat(Qt.TextFormat.RichText)
        self.feedback_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.feedback_label.linkActivated.connect(self._source_link)
        self.feedback_frame = QFrame(page)
        self.feedback_frame.setObjectName("feedback")
        self.feedback_frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(self.feedback_frame)
        frame_layout.addWidget(self.feedback_label)
        self.feedback_frame.hide()

        self.back_button = QPushButton(page)
        self.skip_button = QPushButton(page)
        self.next_button = QPushButton(page)
        self.next_button.setDefault(True)
        self.end_button = QPushButton(page)
        self.back_button.clicked.connect(lambda: self._step(-1))
        # Page Up / Page Down page through a set whose answers come at the end (Enter also goes on).
        for key, button in ((Qt.Key.Key_PageUp, self.back_button), (Qt.Key.Key_PageDown, self.next_button)):
            shortcut = QShortcut(QKeySequence(key), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(
                lambda b=button: b.click() if b.isVisible() and b.isEnabled() else None
            )
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.submit)
        self.end_button.clicked.connect(self.end_quiz)
        self.status_label = QLabel(page)
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)

        body = QWidget(page)
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.kind_label)
        body_layout.addWidget(self.prompt)
        body_layout.addSpacing(8)
        body_layout.addLayout(self.answer_area)
        body_layout.addWidget(self.key_hint)
        body_layout.addSpacing(8)
        body_layout.addWidget(self.feedback_frame)
        body_layout.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return page

    def _start(self, qs: QuizSet, key: str, source_path: str | None, *, preview: bool = False) -> bool:
        if not qs.questions:
            self.show_error(translate("Quiz", "This quiz set has no questions."))
            return False
        self._save_learner()
        self.source_path = source_path
        self.preview = preview
        self._begin(QuizSession(qs, self.clock(), set_key=key, who=self.learner()))
        return True

    def _begin(self, session: QuizSession) -> None:
        self.session = session
        self._set_orders[session.set_key] = tuple(q.id for q in session.whole.questions)
        self.set_title.setText(session.quiz.title)
        self.pages.setCurrentWidget(self.question_page)
        if session.deadline is not None:
            self.timer.start()
        else:
            self.timer.stop()
        self._show_question(0)
        self.tick()

    def _show_question(self, index: int) -> None:
        session = self.session
        assert session is not None
        session.go_to(index)
        p = session.question(session.current)
        if self._answer is not None:
            self.answer_area.removeWidget(self._answer)
            self._answer.hide()  # deleted later: until then it must not paint over the new one
            self._answer.deleteLater()
        self._answer = answer_widget_for(p, self.question_page)
        self._answer.set_response(session.response(session.current))
        self._answer.changed.connect(self._update_buttons)
        self.answer_area.addWidget(self._answer)
        self.prompt.setText(p.question.prompt)
        self.kind_label.setText(_ask_line(p.question))
        self._update_hint()
        self.progress_label.setText(fill_in(translate("Quiz", "Question %1 of %2"), p.number, session.count))
        fb = session.feedback(session.current)
        self._answer.set_locked(session.locked(session.current))
        if fb is not None:
            self._answer.show_marking()
        self._show_feedback(p.question, fb)
        self._update_buttons()
        self._answer.focus_input()

    def _update_hint(self) -> None:
        session = self.session
        if session is None or self._answer is None:
            return
        last = session.current == session.count - 1
        if session.feedback(session.current) is not None:
            see = translate("Quiz", "Enter: see the score.")
            self.key_hint.setText(see if last else translate("Quiz", "Enter: next question."))
            return
        if session.feedback_now:
            enter = translate("Quiz", "Enter: check the answer.")
        else:
            finish = translate("Quiz", "Enter: finish the quiz.")
            enter = finish if last else translate("Quiz", "Enter: next question.")
        self.key_hint.setText(f"{self._answer.key_hint()}  {enter}")

    def _update_buttons(self) -> None:
        session = self.session
        if session is None or session.finished is not None:
            return
        i = session.current
        last = i == session.count - 1
        checked = session.feedback(i) is not None
        if session.feedback_now:
            self.back_button.hide()
            self.skip_button.setVisible(not checked)
            if checked:
                self.next_button.setText(
                    translate("Quiz", "See the score") if last else translate("Quiz", "Next question")
                )
            else:
                self.next_button.setText(translate("Quiz", "Check answer"))
        else:
            self.back_button.show()
            self.back_button.setEnabled(i > 0)
            self.skip_button.hide()
            self.next_button.setText(translate("Quiz", "Finish quiz") if last else translate("Quiz", "Next"))
        answered = session.answered_count()
        self.status_label.setText(fill_in(translate("Quiz", "%1 of %2 answered"), answered, session.count))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter submits or goes on; the answer area takes its own keys (1–9, T/F, letters)."""
        if self.pages.currentWidget() is self.question_page and self.session is not None:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return
            if self._answer is not None and not self._answer.locked and self._answer.handle_key(event):
                return
        elif self.pages.currentWidget() is self.summary_page and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            (self.retry_button if self.retry_button.isEnabled() else self.again_button).click()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        """What Enter does: mark the answer (immediate feedback) or go on to the next question."""
        session = self.session
        if session is None or session.finished is not None or self._answer is None:
            return
        if self._time_is_up():
            return
        i = session.current
        last = i == session.count - 1
        if session.feedback_now:
            if session.feedback(i) is not None:
                if last:
                    self._finish()
                else:
                    self._show_question(i + 1)
                return
            response = self._answer.response()
            if response is None:
                self.status_label.setText(
                    translate("Quiz", "Give an answer first, or press Skip to see the right one.")
                )
                return
            fb = session.answer(i, response, self.clock())
            self._answer.set_locked(True)
            self._answer.show_marking()
            self._show_feedback(session.question(i).question, fb)
            self._update_buttons()
            self._update_hint()
            self.next_button.setFocus()
            return
        self._keep_response()
        if last:
            self.end_quiz()
        else:
            self._show_question(i + 1)

    def skip(self) -> None:
        """Give no answer (immediate feedback): the question is marked wrong and its answer shown."""
        session = self.session
        if session is None or session.finished is not None or self._time_is_up():
            return
        fb = session.answer(session.current, None, self.clock())
        if self._answer is not None:
            self._answer.set_locked(True)
            self._answer.show_marking()
        self._show_feedback(session.question(session.current).question, fb)
        self._update_buttons()
        self._update_hint()
        self.next_button.setFocus()

    def _step(self, step: int) -> None:
        session = self.session
        if session is None or session.finished is not None or self._time_is_up():
            return
        self._keep_response()
        self._show_question(session.current + step)

    def _keep_response(self) -> None:
        session = self.session
        if session is None or self._answer is None or session.locked(session.current):
            return
        session.answer(session.current, self._answer.response(), self.clock())

    def end_quiz(self) -> None:
        """Finish now (asks first when questions have no answer yet)."""
        session = self.session
        if session is None or session.finished is not None or self._time_is_up():
            return
        self._keep_response()
        missing = session.count - (
            session.answered_count()
            if not session.feedback_now
            else sum(1 for i in range(session.count) if session.feedback(i) is not None)
        )
        if missing:
            answer = QMessageBox.question(
                self,
                translate("Quiz", "End the quiz?"),
                translate(
                    "Quiz", "%1 questions have no answer yet and will count as wrong. End the quiz?"
                ).replace("%1", str(missing)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._finish()

    def _show_feedback(self, question: Question, fb: Feedback | None) -> None:
        if fb is None:
            self.feedback_frame.hide()
            return
        self.feedback_label.setText(self._feedback_html(question, fb))
        self.feedback_frame.setStyleSheet(
            "QFrame#feedback { border: 2px solid %s; border-radius: 6px; }"
            % ("#2e7d32" if fb.correct else "#c62828" if fb.points <= 0 else "#b26a00")
        )
        self.feedback_frame.show()

    def _feedback_html(self, question: Question, fb: Feedback) -> str:
        if fb.correct:
            said = translate("Quiz", "Right!")  # (not inside the f-string: lupdate reads calls only)
            verdict = f"<b style='color:#2e7d32'>✓ {html.escape(said)}</b>"
        elif fb.points > 0:
            verdict = "<b style='color:#b26a00'>◐ {}</b>".format(
                html.escape(
                    translate("Quiz", "Partly right: %1 of %2 points.")
                    .replace("%1", format_points(fb.points))
                    .replace("%2", format_points(fb.max_points))
                )
            )
        elif fb.message.startswith("No answer"):
            said = translate("Quiz", "No answer.")
            verdict = f"<b style='color:#c62828'>✗ {html.escape(said)}</b>"
        else:
            said = translate("Quiz", "Not quite.")
            verdict = f"<b style='color:#c62828'>✗ {html.escape(said)}</b>"
        parts = [f"<p style='font-size:large'>{verdict}</p>"]
        if not fb.correct:
            if "tones" in fb.message:
                hint = translate("Quiz", "The syllables are right; check the tones.")
                parts.append(f"<p>{html.escape(hint)}</p>")
            parts.append(
                "<p>{} <b>{}</b></p>".format(
                    html.escape(translate("Quiz", "The answer:")), html.escape(_expected(question))
                )
            )
        if question.explanation:
            parts.append(f"<p>{html.escape(question.explanation)}</p>")
        if question.source:
            parts.append(
                "<p>{} “{}” <a href='source'>{}</a></p>".format(
                    html.escape(translate("Quiz", "From the text:")),
                    html.escape(question.source),
                    html.escape(translate("Quiz", "Show in the reader")),
                )
            )
        return "".join(parts)

    def _source_link(self, _href: str) -> None:
        session = self.session
        if session is not None:
            source = session.question(session.current).question.source
            if source:
                self.sourceRequested.emit(source)

    # ------------------------------------------------------------------------------ the clock

    def tick(self) -> None:
        """Update the countdown; when the time is up, end the attempt (the timer calls this)."""
        session = self.session
        if session is None or session.finished is not None:
            self.timer.stop()
            return
        left = session.time_left(self.clock())
        if left is None:
            self.countdown.hide()
            return
        self.countdown.show()
        seconds = left.total_seconds()
        self.countdown.setText(fill_in(translate("Quiz", "Time left %1"), format_duration(seconds)))
        self.countdown.setStyleSheet("color: #c62828;" if seconds <= 60 else "")
        if seconds <= 0:
            self._finish()

    def _time_is_up(self) -> bool:
        session = self.session
        if session is not None and session.expired(self.clock()):
            self._finish()
            return True
        return False

    # ------------------------------------------------------------------------------ summary

    def _build_summary_page(self) -> QWidget:
        page = QWidget(self)
        self.time_up_label = QLabel(page)
        self.time_up_label.setWordWrap(True)
        self.time_up_label.setStyleSheet(
            "QLabel { background: #fff3e0; color: #7a3e00; border: 1px solid #e0a050; padding: 8px;"
            " border-radius: 4px; }"
        )
        self.summary_title = QLabel(page)
        self.summary_title.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_title.setWordWrap(True)
        self.summary_title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.verdict_label = QLabel(page)
        self.verdict_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.score_label = QLabel(page)
        self.score_label.setFont(scaled_font(self.font(), 1.2))
        self.score_label.setWordWrap(True)
        self.summary_table = QTableWidget(page)
        self.summary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary_table.setWordWrap(True)
        self.summary_table.verticalHeader().hide()
        self.summary_table.itemSelectionChanged.connect(self._show_summary_detail)
        self.summary_detail = QLabel(page)
        self.summary_detail.setWordWrap(True)
        self.summary_detail.setTextFormat(Qt.TextFormat.RichText)
        self.summary_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary_detail.linkActivated.connect(self._summary_source)
        self.retry_button = QPushButton(page)
        self.again_button = QPushButton(page)
        self.set_results_button = QPushButton(page)
        self.back_to_sets_button = QPushButton(page)
        self.retry_button.clicked.connect(self.retry_wrong)
        self.again_button.clicked.connect(self.take_again)
        self.set_results_button.clicked.connect(lambda: self.show_results(self._current_key()))
        self.back_to_sets_button.clicked.connect(self.back_to_chooser)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_to_sets_button)
        buttons.addWidget(self.set_results_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.time_up_label)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.score_label)
        layout.addWidget(self.summary_table, 1)
        layout.addWidget(self.summary_detail)
        layout.addLayout(buttons)
        return page

    def _current_key(self) -> str:
        return self.session.set_key if self.session is not None else ""

    def _finish(self) -> None:
        session = self.session
        if session is None:
            return
        self.timer.stop()
        if session.finished is None:
            self._keep_response_if_open()
        done = session.finish(self.clock())
        self._store(done)
        self._show_summary(done)

    def _keep_response_if_open(self) -> None:
        session = self.session
        if session is None or self._answer is None or session.locked(session.current):
            return
        if not session.expired(self.clock()):
            session.answer(session.current, self._answer.response(), self.clock())

    def _store(self, done: SessionResult) -> None:
        if self.preview:
            return
        r = done.result
        attempt = QuizAttempt(
            set_key=done.set_key,
            title=r.quiz_title,
            who=r.who,
            started=r.started.isoformat(timespec="seconds"),
            finished=r.finished.isoformat(timespec="seconds"),
            seconds=round(done.seconds, 1),
            score=r.score,
            total=r.max_score,
            percent=r.percent,
            pass_mark=r.pass_mark,
            passed=r.passed,
            answers=tuple(answers_to_json(done)),
            retry=done.retry,
            timed_out=done.timed_out,
            source_path=self.source_path or "",
        )
        try:
            self.library.add_attempt(attempt)
        except DushuError as exc:
            self.show_error(
                fill_in(translate("Quiz", "The attempt could not be kept in the library: %1"), one_line(exc))
            )
            return
        self.last_stored = attempt
        self.results_button.setEnabled(True)
        self.attemptStored.emit(done.set_key)

    def _show_summary(self, done: SessionResult) -> None:
        r = done.result
        self.pages.setCurrentWidget(self.summary_page)
        if done.timed_out:
            self.time_up_label.setText(
                translate(
                    "Quiz",
                    "Time is up. The quiz ended when the time limit ran out; questions without an answer "
                    "count as wrong.",
                )
            )
            self.time_up_label.show()
        else:
            self.time_up_label.hide()
        if r.passed:
            self.verdict_label.setText(translate("Quiz", "✓ Passed"))
            self.verdict_label.setStyleSheet("color: #2e7d32;")
        else:
            self.verdict_label.setText(translate("Quiz", "Not passed yet"))
            self.verdict_label.setStyleSheet("color: #c62828;")
        self.summary_title.setText(
            fill_in(translate("Quiz", "%1 — the questions you got wrong"), r.quiz_title)
            if done.retry
            else r.quiz_title
        )
        if self.preview:
            self.summary_title.setText(
                self.summary_title.text() + "  " + translate("Quiz", "(preview: this attempt is not kept)")
            )
        right = sum(1 for fb in done.feedback if fb.correct)
        self.score_label.setText(
            fill_in(
                translate(
                    "Quiz",
                    "Score %1 of %2 points, %3% — pass mark %4%. %5 of %6 questions right. Time taken: %7.",
                ),
                format_points(r.score),
                format_points(r.max_score),
                format_points(r.percent),
                format_points(r.pass_mark),
                right,
                len(done.presented),
                format_duration(done.seconds),
            )
        )
        headers = [
            "#",
            translate("Quiz", "Question"),
            translate("Quiz", "Your answer"),
            translate("Quiz", "Right answer"),
            translate("Quiz", "Points"),
        ]
        table = self.summary_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(done.presented))
        shown = zip(done.presented, done.feedback, done.responses, strict=True)
        for row, (p, fb, response) in enumerate(shown):
            mark = "✓" if fb.correct else ("◐" if fb.points > 0 else "✗")
            cells = [
                f"{mark} {p.number}",
                p.question.prompt,
                _shown_answer(p.question, response),
                _expected(p.question),
                f"{format_points(fb.points)} / {format_points(fb.max_points)}",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 0:
                    item.setForeground(Qt.GlobalColor.darkGreen if fb.correct else Qt.GlobalColor.darkRed)
                table.setItem(row, col, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(col, 220)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        wrong = len(done.wrong)
        self.retry_button.setEnabled(bool(wrong))
        self.retry_button.setText(
            translate("Quiz", "Retry the wrong ones (%1)").replace("%1", str(wrong))
            if wrong
            else translate("Quiz", "Nothing to retry: all right")
        )
        self.summary_detail.setText(
            translate("Quiz", "Select a question to read its explanation.") if done.presented else ""
        )
        (self.retry_button if wrong else self.again_button).setFocus()

    def _show_summary_detail(self) -> None:
        session = self.session
        done = session.finished if session is not None else None
        model = self.summary_table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if done is None or not rows:
            return
        row = rows[0].row()
        self.summary_detail.setText(self._feedback_html(done.presented[row].question, done.feedback[row]))
        self._detail_row = row

    def _summary_source(self, _href: str) -> None:
        session = self.session
        done = session.finished if session is not None else None
        row = getattr(self, "_detail_row", -1)
        if done is not None and 0 <= row < len(done.presented):
            source = done.presented[row].question.source
            if source:
                self.sourceRequested.emit(source)

    def retry_wrong(self) -> None:
        """A new attempt over the questions the last one got wrong."""
        session = self.session
        if session is None:
            return
        again = session.retry_wrong(self.clock())
        if again is not None:
            self._begin(again)

    def take_again(self) -> None:
        """The whole set again, shuffled anew (a retry's "again" is the whole set too)."""
        session = self.session
        if session is None:
            return
        self._begin(session.again(self.clock()))

    def back_to_chooser(self) -> None:
        """Back to choosing a set (an attempt under way is ended first, asking if answers are missing)."""
        if self.session is not None and self.session.finished is None:
            self.end_quiz()
            if self.session.finished is None:
                return
        self.timer.stop()
        self.refresh_sets()
        self.pages.setCurrentWidget(self.chooser)

    # ------------------------------------------------------------------------------ results

    def show_results(self, set_key: str = "") -> None:
        """The results screen for a set (its attempts and a chart); "" shows the latest set taken."""
        self.timer.stop()
        self.results_page.show_set(set_key)
        self.pages.setCurrentWidget(self.results_page)

    def export_attempts_csv(self, path: str | None = None) -> bool:
        """Write every attempt of the set on the results screen as CSV (asks where unless `path`)."""
        return self.results_page.export_csv(path)

    # ------------------------------------------------------------------------------ language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._chooser_title.setText(translate("Quiz", "Take a quiz"))
        self._name_label.setText(translate("Quiz", "Your name:"))
        self.name_edit.setPlaceholderText(translate("Quiz", "shown on your results for the teacher"))
        self.generate_box.setTitle(translate("Quiz", "Make a quiz from the open document"))
        self._count_label.setText(translate("Quiz", "Questions:"))
        for kind, name in _type_names().items():
            self.type_boxes[kind].setText(name)
        self.generate_button.setText(translate("Quiz", "Make and start the quiz"))
        self.files_box.setTitle(translate("Quiz", "Or take a prepared quiz set"))
        self.open_button.setText(translate("Quiz", "Open a quiz set (.toml)…"))
        self._drop_hint.setText(translate("Quiz", "You can also drop a teacher's .toml file onto this page."))
        self._recent_label.setText(translate("Quiz", "Recent sets"))
        self._bundled_label.setText(translate("Quiz", "Sets that come with Dushu"))
        self.start_listed_button.setText(translate("Quiz", "Start the selected set"))
        self._start_hint.setText(translate("Quiz", "Double-click a set, or select it and press Start."))
        self.results_button.setText(translate("Quiz", "Results of earlier attempts…"))
        self.back_button.setText(translate("Quiz", "Previous"))
        self.back_button.setToolTip(translate("Quiz", "The question before (Page Up)"))
        self.skip_button.setText(translate("Quiz", "Skip (show the answer)"))
        self.end_button.setText(translate("Quiz", "End quiz"))
        self.again_button.setText(translate("Quiz", "Take the whole set again"))
        self.set_results_button.setText(translate("Quiz", "Results of this set"))
        self.back_to_sets_button.setText(translate("Quiz", "Back to the sets"))
        self._update_generate()
        # The set lists' own words ("29 questions · 30 minutes", the empty list's hint) too; the
        # library is not read here (a language change is no reason to touch it).
        self._fill_bundled()
        for i in range(self.recent_list.count()):
            item = self.recent_list.item(i)
            if item is not None and item.flags() == Qt.ItemFlag.NoItemFlags:
                item.setText(translate("Quiz", "Sets you open appear here."))
        if self.session is not None and self.session.finished is None:
            self._update_buttons()


def _set_facts(qs: QuizSet) -> str:
    """One line about a set for the lists: how many questions, the time limit, when feedback comes."""
    parts = [fill_in(translate("Quiz", "%1 questions"), len(qs.questions))]
    if qs.settings.time_limit_minutes:
        parts.append(fill_in(translate("Quiz", "%1 minutes"), qs.settings.time_limit_minutes))
    return " · ".join(parts)


def _feedback_words(qs: QuizSet) -> str:
    return (
        translate("Quiz", "Answers are shown at the end.")
        if qs.settings.feedback == "end"
        else translate("Quiz", "Answers are shown after each question.")
    )
