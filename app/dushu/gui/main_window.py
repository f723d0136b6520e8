"""The main window: menus, tabs, toolbar, status bar and dialogs around the views of one document.

The open document itself (analysis, edits, word statuses, the toolkit) belongs to the
DocumentController; the views follow its signals (see `dushu.gui.bindings`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from dushu import __version__
from dushu.core.facts.layout import layout_of
from dushu.errors import DushuError
from dushu.gui.bindings import (
    bind_facts,
    bind_library,
    bind_quiz,
    bind_quiz_editor,
    bind_reader,
    bind_review,
    bind_vocabulary,
    bind_word_panel,
)
from dushu.gui.controller import DocumentController, ToolkitLoader, load_toolkit, one_line, unexpected
from dushu.gui.document import ReadingDocument
from dushu.gui.document_properties import DocumentPropertiesDialog
from dushu.gui.export_dialog import ExportDialog
from dushu.gui.facts_view import FactsView
from dushu.gui.fonts import default_family
from dushu.gui.i18n import install_language, resolve_language
from dushu.gui.library_view import LibraryView, PasteDialog
from dushu.gui.quiz_editor import QuizEditor
from dushu.gui.quiz_view import QuizView
from dushu.gui.reader import ReaderView, ReadingStyle
from dushu.gui.review_view import ReviewView
from dushu.gui.settings import AppSettings, load_settings, save_settings
from dushu.gui.settings_dialog import SettingsDialog, reading_style_label
from dushu.gui.tasks import Task, TaskRunner
from dushu.gui.vocabulary_view import VocabularyView
from dushu.gui.word_panel import WordPanel
from dushu.storage.library import DocumentInfo, Library, WordStatus

__all__ = ["MainWindow", "ToolkitLoader", "load_toolkit"]

translate = QCoreApplication.translate

_TEXT_FILES = "*.txt *.text *.md *.csv *.tsv *.srt *.htm *.html"


class MainWindow(QMainWindow):
    """Reader, Vocabulary, Facts and Library tabs over the controller's open document."""

    documentShown = Signal()  # the whole analysis is on screen (tests and the benchmark wait for it)
    toolkitReady = Signal()
    errorShown = Signal(str)

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        *,
        toolkit: Any = None,
        toolkit_loader: ToolkitLoader = load_toolkit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.settings = load_settings(library)
        self.controller = DocumentController(library, runner, toolkit=toolkit, toolkit_loader=toolkit_loader)
        self.last_error = ""
        self._progress_owner: str | None = None
        self._default_family = default_family("traditional")

        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_views()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect_controller()
        self._quiz_in_front = False  # `dushu --quiz`: the default document must not hide the set
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(1500)
        self._position_timer.timeout.connect(self.save_position)
        self.reader.canvas.scrolled.connect(self._position_timer.start)
        self._apply_settings(self.settings, first=True)
        self._restore_geometry()
        self._retranslate()

    # -- what the controller holds (read by tests, benchmarks and dialogs) --------------------------

    @property
    def reading(self) -> ReadingDocument | None:
        """The document on screen."""
        return self.controller.reading

    @property
    def doc_info(self) -> DocumentInfo | None:
        """The open document's library record."""
        return self.controller.doc_info

    @property
    def toolkit(self) -> Any:
        """The language tools in use (None until loaded)."""
        return self.controller.toolkit

    # -- construction ------------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.reader = ReaderView(self)
        self.panel = WordPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 360])
        self.splitter.setChildrenCollapsible(False)
        self.vocabulary = VocabularyView(self)
        self.facts = FactsView(self)
        self.library_view = LibraryView(self.library, self)
        self.quiz = QuizView(self.library, self.runner, self)
        self.quiz_editor = QuizEditor(self.library, self, runner=self.runner)
        self.review = ReviewView(self.library, self, runner=self.runner)
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.vocabulary, "")
        self.tabs.addTab(self.facts, "")
        self.tabs.addTab(self.quiz, "")
        self.tabs.addTab(self.review, "")
        self.tabs.addTab(self.quiz_editor, "")
        self.tabs.addTab(self.library_view, "")
        self.setCentralWidget(self.tabs)

        c = self.controller
        bind_reader(c, self.reader)
        bind_word_panel(c, self.panel, self.reader, self._edit_meaning_of_token)
        bind_vocabulary(c, self.vocabulary)
        bind_facts(c, self.facts)
        bind_library(c, self.library_view)
        bind_quiz(c, self.quiz)
        bind_quiz_editor(c, self.quiz_editor, self.quiz)
        bind_review(c, self.review)
        self.quiz_editor.previewRequested.connect(lambda _qs: self.tabs.setCurrentWidget(self.quiz))
        self.quiz_editor.modifiedChanged.connect(lambda _modified: self._retranslate_tabs())
        self.review.dueCountChanged.connect(lambda _n: self._retranslate_tabs())
        self.facts.questionsRequested.connect(self._questions_about)
        self.vocabulary.questionsRequested.connect(self._questions_about)
        self.reader.canvas.wordContextMenu.connect(self._word_menu)
        self.library_view.openFileRequested.connect(self.choose_file)
        self.library_view.pasteRequested.connect(self.paste_text)
        self.library_view.propertiesRequested.connect(self.edit_properties)

    def _questions_about(self, about: str) -> None:
        """A row of the Facts or Vocabulary tab asked for quiz questions: the set editor's picker
        opens on the questions that mention it."""
        self.tabs.setCurrentWidget(self.quiz_editor)
        self.quiz_editor.add_from_text(about)

    def _connect_controller(self) -> None:
        c = self.controller
        c.documentOpening.connect(self._document_opening)
        c.documentChanged.connect(self._document_changed)
        c.analysisComplete.connect(self._analysis_complete)
        c.documentCleared.connect(self._update_title)
        c.navigate.connect(lambda _token: self.tabs.setCurrentWidget(self.splitter))
        c.toolkitReady.connect(self.toolkitReady)
        c.busy.connect(lambda label, cancellable: self._begin_progress("document", label, cancellable))
        c.progress.connect(lambda label, done, total: self._update_progress("document", done, total, label))
        c.idle.connect(lambda: self._end_progress("document"))
        # A default document that never completes (cancelled, failed) must not keep later ones back.
        c.idle.connect(lambda: QTimer.singleShot(0, self._release_quiz_front))
        c.notice.connect(self.status_label.setText)
        c.error.connect(self.show_error)

    def _document_opening(self, info: DocumentInfo) -> None:
        self._update_title()
        if not self._quiz_in_front:
            self.tabs.setCurrentWidget(self.splitter)

    def _document_changed(self) -> None:
        self._update_title()
        if self.tabs.currentWidget() is self.splitter:  # keys go to the tab in front (a quiz, say)
            self.reader.canvas.setFocus()

    def _release_quiz_front(self) -> None:
        if not self.controller.is_busy():
            self._quiz_in_front = False

    def _analysis_complete(self) -> None:
        self._quiz_in_front = False  # documents the user opens from now on come to the front
        self._show_status_summary()
        self.documentShown.emit()

    def _action(self, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], Any]) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.act_open = self._action(QKeySequence.StandardKey.Open, self.choose_file)
        self.act_paste = self._action("Ctrl+Shift+V", self.paste_text)
        self.act_library = self._action("Ctrl+L", lambda: self.tabs.setCurrentWidget(self.library_view))
        self.act_export = self._action("Ctrl+E", self.export)
        self.act_send_to_anki = self._action(None, self.send_to_anki)
        self.act_properties = self._action(None, lambda: self.edit_properties(None))
        self.act_quit = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.act_settings = self._action(QKeySequence.StandardKey.Preferences, self.open_settings)
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        # Word actions work on the selected word of the reader. Their single keys (D, K) are handled
        # by the reader itself, so that typing D in a search field never changes a word.
        self.act_deck = self._action(None, lambda: self._toggle_selected(WordStatus.LEARNING))
        self.act_known = self._action(None, lambda: self._toggle_selected(WordStatus.KNOWN))
        self.reader.canvas.wordKey.connect(self._reader_key)
        self.act_merge = self._action("Ctrl+M", lambda: self._with_selected(self.merge_with_next))
        self.act_split = self._action("Ctrl+Shift+M", lambda: self._with_selected(self.split_word))
        self.act_bigger = self._action(QKeySequence.StandardKey.ZoomIn, lambda: self.change_font_size(2))
        self.act_smaller = self._action(QKeySequence.StandardKey.ZoomOut, lambda: self.change_font_size(-2))
        self.act_colours = self._action(None, self._toggle_colours)
        self.act_colours.setCheckable(True)
        self.act_sandhi = self._action(None, self._toggle_sandhi)
        self.act_sandhi.setCheckable(True)
        self.style_group = QActionGroup(self)
        self.style_actions: dict[ReadingStyle, QAction] = {}
        for style in ReadingStyle:
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, s=style: self.set_reading_style(s))
            self.style_group.addAction(action)
            self.style_actions[style] = action
        self.act_about = self._action(None, self.about)
        self.act_find = self._action(QKeySequence.StandardKey.Find, self._focus_search)
        self.act_open_quiz = self._action("Ctrl+Shift+O", self.choose_quiz_file)
        self.act_take_quiz = self._action("Ctrl+T", lambda: self.tabs.setCurrentWidget(self.quiz))
        self.act_quiz_results = self._action(None, self._show_quiz_results)
        self.act_new_set = self._action(None, self._new_quiz_set)
        self.act_edit_set = self._action(None, self._edit_quiz_set)
        self.act_review = self._action("Ctrl+R", self._start_review)
        self.act_review_items = self._action(None, self._review_items)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_open)
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addAction(self.act_paste)
        self.menu_file.addAction(self.act_library)
        self.menu_file.addAction(self.act_properties)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_export)
        self.menu_file.addAction(self.act_send_to_anki)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_word = bar.addMenu("")
        for action in (self.act_deck, self.act_known):
            self.menu_word.addAction(action)
        self.menu_word.addSeparator()
        self.menu_word.addAction(self.act_merge)
        self.menu_word.addAction(self.act_split)
        self.menu_word.addSeparator()
        self.menu_word.addAction(self.act_find)
        self.menu_study = bar.addMenu("")
        for action in (self.act_take_quiz, self.act_open_quiz, self.act_quiz_results):
            self.menu_study.addAction(action)
        self.menu_study.addSeparator()
        self.menu_study.addAction(self.act_review)
        self.menu_study.addAction(self.act_review_items)
        self.menu_study.addSeparator()
        self.menu_study.addAction(self.act_new_set)
        self.menu_study.addAction(self.act_edit_set)
        self.menu_view = bar.addMenu("")
        for style in ReadingStyle:
            self.menu_view.addAction(self.style_actions[style])
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_colours)
        self.menu_view.addAction(self.act_sandhi)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_bigger)
        self.menu_view.addAction(self.act_smaller)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_settings)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.act_open)
        self.toolbar.addAction(self.act_paste)
        self.toolbar.addAction(self.act_export)
        self.toolbar.addSeparator()
        self.style_label = QLabel(self)
        self.style_label.setContentsMargins(6, 0, 4, 0)
        self.style_combo = QComboBox(self)
        for style in ReadingStyle:
            self.style_combo.addItem("", str(style))
        self.style_combo.currentIndexChanged.connect(
            lambda i: self.set_reading_style(ReadingStyle(self.style_combo.itemData(i)))
        )
        self.toolbar.addWidget(self.style_label)
        self.toolbar.addWidget(self.style_combo)
        self.toolbar.addAction(self.act_colours)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_smaller)
        self.toolbar.addAction(self.act_bigger)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_settings)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_current)
        status.addWidget(self.status_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    # -- start-up and opening ----------------------------------------------------------------------

    def start(self, open_path: str | None = None) -> None:
        """After the window is shown: load the toolkit, then open a file, the last document or the sample."""
        self.controller.start(open_path)

    def start_with_quiz(self, quiz_path: str) -> None:
        """After the window is shown, for `dushu --quiz FILE.toml`: the default document loads behind
        the quiz tab, which opens on the teacher's set."""
        # The default document opens behind the quiz (it may finish after the set is shown).
        self._quiz_in_front = True
        self.controller.start(None)
        self.open_quiz(quiz_path)

    def open_quiz(self, path: str) -> bool:
        """Open a quiz-set file in the Quiz tab (a bad file: one line in a dialog)."""
        self.tabs.setCurrentWidget(self.quiz)
        return self.quiz.open_quiz_file(path)

    def choose_quiz_file(self) -> None:
        """Ask for a quiz-set file and take it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Main", "Open a quiz set"),
            str(self.library.setting("last_folder", "") or Path.home()),
            translate("Main", "Quiz sets (*.toml)"),
        )
        if path:
            self.open_quiz(path)

    def _show_quiz_results(self) -> None:
        self.tabs.setCurrentWidget(self.quiz)
        self.quiz.show_results()

    def _new_quiz_set(self) -> None:
        self.tabs.setCurrentWidget(self.quiz_editor)
        self.quiz_editor.new_set()

    def _edit_quiz_set(self) -> None:
        self.tabs.setCurrentWidget(self.quiz_editor)
        self.quiz_editor.choose_file()

    def _start_review(self) -> None:
        self.tabs.setCurrentWidget(self.review)
        self.review.start_review()

    def _review_items(self) -> None:
        self.tabs.setCurrentWidget(self.review)
        self.review.open_items()

    def open_sample(self) -> None:
        """Open the bundled sample text."""
        self.controller.open_sample()

    def choose_file(self) -> None:
        """Ask for a file and open it."""
        start = str(self.library.setting("last_folder", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Main", "Open a text"),
            start,
            translate("Main", "Text files (%1);;All files (*)").replace("%1", _TEXT_FILES),
        )
        if path:
            self.library.set_setting("last_folder", str(Path(path).parent))
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Read a file in the background, store it and show it."""
        self.controller.open_path(path)

    def paste_text(self) -> None:
        """Ask for a text to paste (prefilled from the clipboard when it holds Chinese)."""
        clip = QGuiApplication.clipboard().text() if QGuiApplication.clipboard() else ""
        from dushu.core.models import is_han

        dialog = PasteDialog(clip if any(is_han(c) for c in clip[:2000]) else "", self)
        if dialog.exec() and dialog.text().strip():
            self.open_text(dialog.title(), dialog.text(), source="")

    def open_text(self, title: str, text: str, source: str = "") -> None:
        """Store a text in the library (or find it there) and show it."""
        self.controller.open_text(title, text, source)

    def open_document(self, doc_id: int) -> None:
        """Open a document of the library where the user stopped reading."""
        self.controller.open_document(doc_id)

    def save_position(self) -> None:
        """Remember where the user is reading."""
        self.controller.save_position()

    # -- the selected word -------------------------------------------------------------------------

    def _word_menu(self, index: int, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.act_deck)
        menu.addAction(self.act_known)
        menu.addSeparator()
        menu.addAction(self.act_merge)
        menu.addAction(self.act_split)
        menu.addSeparator()
        menu.addAction(translate("Main", "Edit meaning…"), lambda: self._edit_meaning_of_token(index))
        menu.addAction(translate("Main", "Copy word"), lambda: self._copy_token(index))
        menu.exec(pos)

    def _copy_token(self, index: int) -> None:
        if self.reading is not None:
            QGuiApplication.clipboard().setText(self.reading.tokens[index].text)

    def _with_selected(self, slot: Callable[[int], None]) -> None:
        index = self.reader.canvas.selected_token()
        if index is None:
            self.status_label.setText(translate("Main", "Select a word in the text first."))
            return
        slot(index)

    def _reader_key(self, key: str) -> None:
        if key == "d":
            self._toggle_selected(WordStatus.LEARNING)
        elif key == "k":
            self._toggle_selected(WordStatus.KNOWN)

    def _toggle_selected(self, status: WordStatus) -> None:
        index = self.reader.canvas.selected_token()
        if index is not None:
            self.controller.toggle_status(index, status)

    def set_status(self, words: list[str], status: WordStatus) -> None:
        """Store a status for words (Simplified); every view shows it."""
        self.controller.set_status(words, status)

    def set_meaning(self, word: str, meaning: str) -> None:
        """Store the user's meaning for a word ("" goes back to the dictionary's)."""
        self.controller.set_meaning(word, meaning)

    def merge_with_next(self, index: int) -> None:
        """Join a word with the next one (everywhere from now on)."""
        self.controller.merge_with_next(index)

    def split_word(self, index: int) -> None:
        """Stop treating a word as one (everywhere from now on)."""
        self.controller.split_word(index)

    def _edit_meaning_of_token(self, index: int) -> None:
        key = self.controller.key_of(index)
        if key is None or self.reading is None:
            return
        item = self.reading.vocab_for(index)
        from dushu.gui.vocabulary_view import first_meaning

        current = self.library.meaning(key) or (first_meaning(item) if item else "")
        text, ok = QInputDialog.getMultiLineText(
            self,
            translate("Main", "Edit meaning"),
            translate("Main", "Meaning of %1 (leave empty to use the dictionary's):").replace("%1", key),
            current,
        )
        if ok:
            self.set_meaning(key, text.strip())

    # -- document properties -----------------------------------------------------------------------

    def properties_dialog(self, doc_id: int) -> DocumentPropertiesDialog | None:
        """The Document properties dialog for a document of the library (None if it is gone)."""
        info = self.library.document(doc_id)
        if info is None:
            return None
        own = layout_of(self.library.document_text(doc_id)).reference_date
        return DocumentPropertiesDialog(info, self.library.published(doc_id), own, self)

    def edit_properties(self, doc_id: int | None) -> None:
        """Show a document's properties (the open one when `doc_id` is None)."""
        if doc_id is None:
            doc_id = self.controller.doc_id
            if doc_id is None:
                return
        dialog = self.properties_dialog(doc_id)
        if dialog is None:
            self.show_error(translate("Main", "That document is no longer in the library."))
            return
        if dialog.exec():
            self.set_published(doc_id, dialog.published())

    def set_published(self, doc_id: int, published: str) -> None:
        """Store a document's published date (the open document is analysed again with it)."""
        self.controller.set_published(doc_id, published)

    # -- export ------------------------------------------------------------------------------------

    def export(self) -> None:
        """Open the export dialog for the open document."""
        found = self._analysis_with_edits()
        if found is None:
            return
        analysis, edits = found
        dialog = ExportDialog(
            analysis,
            self.library.words_with_status(WordStatus.LEARNING),
            edits.known,
            self.runner,
            str(self.library.setting("export_folder", "")),
            self,
        )
        dialog.exported.connect(self._remember_export_folder)
        self.export_dialog = dialog
        dialog.open()

    def _analysis_with_edits(self) -> tuple[Any, Any] | None:
        """The open text's analysis with the user's edits and those edits, or None (and the user is
        told why) when there is none yet."""
        analysis = self.controller.analysis_with_edits()
        if analysis is None:
            if self.reading is None:
                self.show_error(translate("Main", "Open a text first; the export is made from it."))
            else:
                self.show_error(translate("Main", "The text is still being analysed; export it in a moment."))
            return None
        return analysis, self.controller.edits()

    def send_to_anki(self) -> None:
        """Send the open text's notes to the running Anki through AnkiConnect, in the background:
        Dushu's fields are updated, the learner's own fields, tags and reviews stay (as with
        `dushu deck --to-anki`). Every word except the known ones goes, like the Export default."""
        found = self._analysis_with_edits()
        if found is None:
            return
        from dushu.export.ankiconnect import DEFAULT_URL, push_deck
        from dushu.storage.paths import cache_dir

        analysis, edits = found
        url = str(self.library.setting("ankiconnect_url", "") or DEFAULT_URL)
        spool = cache_dir()  # in the user's home: a sandboxed Anki may not see /tmp
        label = translate("Main", "Sending to Anki…")

        def job(task: Task) -> Any:
            return push_deck(
                analysis, url=url, known_words=edits.known, spool_dir=spool, progress=task.progress,
                cancel=task.cancelled,
            )  # fmt: skip

        self.act_send_to_anki.setEnabled(False)
        self._begin_progress("anki", label, cancellable=False)
        self.runner.run(
            "anki",
            job,
            self._sent_to_anki,
            self._send_to_anki_failed,
            lambda done, total: self._update_progress("anki", done, total, label),
        )

    def _sent_to_anki(self, summary: Any) -> None:
        self.act_send_to_anki.setEnabled(True)
        self._end_progress("anki")
        text = translate(
            "Main",
            "Sent to Anki: %1 added, %2 updated, %3 already up to date; your own fields and tags were kept.",
        )
        self.status_label.setText(
            text.replace("%1", str(summary.added)).replace("%2", str(summary.updated))
            .replace("%3", str(summary.unchanged))
        )  # fmt: skip

    def _send_to_anki_failed(self, exc: BaseException) -> None:
        self.act_send_to_anki.setEnabled(True)
        self._end_progress("anki")
        # "Cannot reach Anki at …: start Anki with the AnkiConnect add-on …", one line.
        self.show_error(one_line(exc) if isinstance(exc, DushuError) else unexpected(exc))

    def _remember_export_folder(self, path: str) -> None:
        self.library.set_setting("export_folder", str(Path(path).parent))

    # -- settings ----------------------------------------------------------------------------------

    def open_settings(self) -> None:
        """Open the Settings dialog: each change applies at once; Close keeps them."""
        dialog = SettingsDialog(self.settings, self)
        dialog.settingsChanged.connect(self.apply_settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog = dialog
        dialog.open()

    def apply_settings(self, settings: AppSettings) -> None:
        """Use and remember new settings."""
        if settings == self.settings:
            return
        save_settings(self.library, settings)
        self._apply_settings(settings)

    def _apply_settings(self, settings: AppSettings, first: bool = False) -> None:
        language_changed = settings.language != self.settings.language
        self.settings = settings
        self.reader.canvas.set_options(settings.reader_options(self._default_family))
        for style, action in self.style_actions.items():
            action.setChecked(style is settings.reading_style)
        self.style_combo.blockSignals(True)
        self.style_combo.setCurrentIndex(list(ReadingStyle).index(settings.reading_style))
        self.style_combo.blockSignals(False)
        self.act_colours.setChecked(settings.tone_colours)
        self.act_sandhi.setChecked(settings.sandhi)
        self.vocabulary.set_reading_style(settings.reading_style)
        if language_changed and not first:
            install_language(resolve_language(settings.language))

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Pinyin, tone numbers, zhuyin or nothing above the words."""
        if style is not self.settings.reading_style:
            self.apply_settings(replace(self.settings, reading_style=style))

    def _toggle_colours(self) -> None:
        self.apply_settings(replace(self.settings, tone_colours=self.act_colours.isChecked()))

    def _toggle_sandhi(self) -> None:
        self.apply_settings(replace(self.settings, sandhi=self.act_sandhi.isChecked()))

    def change_font_size(self, step: int) -> None:
        """Make the text bigger or smaller."""
        self.apply_settings(self.settings.with_font_size(self.settings.font_size + step))

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.vocabulary)
        self.vocabulary.search_box().setFocus()
        self.vocabulary.search_box().selectAll()

    # -- progress ----------------------------------------------------------------------------------

    def _begin_progress(self, owner: str, label: str, cancellable: bool = True) -> None:
        self._progress_owner = owner
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self.status_label.setText(label)

    def _update_progress(self, owner: str, done: int, total: int, label: str) -> None:
        if owner != self._progress_owner:
            return
        if total:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(100 * done / total))
        else:
            self.progress.setRange(0, 0)  # busy, with no measure (finding facts)
        self.status_label.setText(label)

    def _end_progress(self, owner: str) -> None:
        if owner != self._progress_owner:
            return
        self._progress_owner = None
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button.hide()
        self.status_label.clear()

    def cancel_current(self) -> None:
        """Cancel the analysis in progress (the Cancel button)."""
        self.controller.cancel()

    # -- errors, about -----------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Tell the user what went wrong in one line, in a dialog that does not block the app."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, "Dushu", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and texts are not markup
        box.open()
        self.errorShown.emit(message)

    def report_exception(self, exc: BaseException) -> bool:
        """Show an error that escaped a slot; True when it was one the user can cause (a DushuError,
        such as the library being busy), which needs no traceback."""
        if isinstance(exc, DushuError):
            self.show_error(one_line(exc))
            return True
        self.show_error(unexpected(exc))
        return False

    def about(self) -> None:
        """Version and credits (CC-CEDICT must be credited)."""
        text = translate(
            "Main",
            "<h3>Dushu %1</h3><p>Read Chinese texts with readings and a dictionary, "
            "then study them as flashcards.</p>"
            "<p>Dictionary: <a href='https://cc-cedict.org/'>CC-CEDICT</a>, "
            "licensed under CC BY-SA 4.0. Word segmentation: jieba. Readings: pypinyin. "
            "Word levels: HSK 3.0. Word frequencies: wordfreq.</p>",
        ).replace("%1", html.escape(__version__))
        QMessageBox.about(self, translate("Main", "About Dushu"), text)

    # -- recent files, drag and drop ---------------------------------------------------------------

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        docs = self.library.recent_documents(10)
        if not docs:
            empty = self.menu_recent.addAction(translate("Main", "No documents yet"))
            empty.setEnabled(False)
            return
        for doc in docs:
            label = doc.title if len(doc.title) <= 50 else doc.title[:49] + "…"
            action = self.menu_recent.addAction(label.replace("&", "&&"))
            action.triggered.connect(lambda _c=False, d=doc.id: self.open_document(d))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        if files and files[0].lower().endswith(".toml"):
            self.open_quiz(files[0])
            event.acceptProposedAction()
        elif files:
            self.open_path(files[0])
            event.acceptProposedAction()
        elif mime.hasText() and mime.text().strip():
            self.open_text("", mime.text())
            event.acceptProposedAction()

    # -- window state ------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.library.setting("window_geometry")
        if isinstance(geometry, str) and geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
        splitter = self.library.setting("splitter_state")
        if isinstance(splitter, str) and splitter:
            self.splitter.restoreState(QByteArray.fromHex(splitter.encode("ascii")))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quiz_editor.maybe_discard():  # a teacher's unsaved set is never lost on quit
            event.ignore()
            return
        self._position_timer.stop()
        self.save_position()
        self.library.set_setting("window_geometry", _hex(self.saveGeometry()))
        self.library.set_setting("splitter_state", _hex(self.splitter.saveState()))
        self.controller.shutdown()
        super().closeEvent(event)

    # -- translation -------------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.doc_info is not None:
            self.setWindowTitle(f"{self.doc_info.title} — Dushu 讀書")
        else:
            self.setWindowTitle("Dushu 讀書")

    def _retranslate_tabs(self) -> None:
        tabs = self.tabs
        tabs.setTabText(tabs.indexOf(self.splitter), translate("Main", "Reader"))
        tabs.setTabText(tabs.indexOf(self.vocabulary), translate("Main", "Vocabulary"))
        tabs.setTabText(tabs.indexOf(self.facts), translate("Main", "Facts"))
        tabs.setTabText(tabs.indexOf(self.quiz), translate("Main", "Quiz"))
        due = self.review.due_count()
        review = translate("Main", "Review")
        tabs.setTabText(tabs.indexOf(self.review), f"{review} ({due})" if due else review)
        editor = translate("Main", "Quiz Editor")
        if self.quiz_editor.has_unsaved_changes():
            editor = f"{editor} •"
        tabs.setTabText(tabs.indexOf(self.quiz_editor), editor)
        tabs.setTabText(tabs.indexOf(self.library_view), translate("Main", "Library"))

    def _retranslate(self) -> None:
        self._retranslate_tabs()
        self.menu_study.setTitle(translate("Main", "&Study"))
        self.act_take_quiz.setText(translate("Main", "&Take a Quiz"))
        self.act_open_quiz.setText(translate("Main", "&Open Quiz Set…"))
        self.act_quiz_results.setText(translate("Main", "Quiz &Results"))
        self.act_review.setText(translate("Main", "&Review Due Cards"))
        self.act_review_items.setText(translate("Main", "Review &Items…"))
        self.act_new_set.setText(translate("Main", "&New Quiz Set"))
        self.act_edit_set.setText(translate("Main", "&Edit a Quiz Set…"))
        self.menu_file.setTitle(translate("Main", "&File"))
        self.menu_recent.setTitle(translate("Main", "Open &Recent"))
        self.menu_word.setTitle(translate("Main", "&Word"))
        self.menu_view.setTitle(translate("Main", "&View"))
        self.menu_help.setTitle(translate("Main", "&Help"))
        self.act_open.setText(translate("Main", "&Open…"))
        self.act_paste.setText(translate("Main", "&Paste Text…"))
        self.act_library.setText(translate("Main", "&Library"))
        self.act_export.setText(translate("Main", "&Export…"))
        self.act_send_to_anki.setText(translate("Main", "Send to &Anki"))
        self.act_properties.setText(translate("Main", "Document &Properties…"))
        self.act_quit.setText(translate("Main", "&Quit"))
        self.act_settings.setText(translate("Main", "&Settings…"))
        self.act_deck.setText(translate("Main", "Add to Deck") + "\tD")
        self.act_known.setText(translate("Main", "I Know This") + "\tK")
        self.act_merge.setText(translate("Main", "&Merge with Next Word"))
        self.act_split.setText(translate("Main", "&Split Word"))
        self.act_find.setText(translate("Main", "&Find in Vocabulary"))
        self.act_bigger.setText(translate("Main", "&Bigger Text"))
        self.act_smaller.setText(translate("Main", "Smalle&r Text"))
        self.act_bigger.setIconText(translate("Main", "A+"))
        self.act_smaller.setIconText(translate("Main", "A−"))
        self.act_colours.setText(translate("Main", "Tone &Colours"))
        self.act_sandhi.setText(translate("Main", "Tone Sa&ndhi in Readings"))
        self.act_about.setText(translate("Main", "&About Dushu"))
        self.style_label.setText(translate("Main", "Readings:"))
        for i, style in enumerate(ReadingStyle):
            self.style_actions[style].setText(reading_style_label(style))
            self.style_combo.setItemText(i, reading_style_label(style))
        self.cancel_button.setText(translate("Main", "Cancel"))
        idle = not self.controller.is_busy() and self._progress_owner is None
        if self.reading is None and self.toolkit is not None and idle:
            self.reader.canvas.set_placeholder(
                translate("Main", "Open a text from the Library, a file, or paste one.")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.reading is not None:
                self._show_status_summary()
        super().changeEvent(event)

    def _show_status_summary(self) -> None:
        if self.reading is None:
            return
        analysis = self.reading.analysis
        self.status_label.setText(
            translate("Main", "%1 characters · %2 different words")
            .replace("%1", f"{len(analysis.text):,}")
            .replace("%2", f"{len(analysis.vocabulary):,}")
        )


def _hex(data: QByteArray) -> str:
    return bytes(data.toHex().data()).decode("ascii")
