"""The main window: opens documents, runs analyses in the background and connects the views."""

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
from dushu.core.edits import Edits, annotations_of, apply_edits
from dushu.core.facts.layout import layout_of
from dushu.core.models import Analysis, Definition, Fact, GlossaryEntry, Person
from dushu.errors import DushuError
from dushu.gui.document import ReadingDocument, build_reading_document
from dushu.gui.document_properties import DocumentPropertiesDialog
from dushu.gui.export_dialog import ExportDialog
from dushu.gui.facts_view import FactsView
from dushu.gui.fonts import default_family
from dushu.gui.i18n import install_language, resolve_language
from dushu.gui.library_view import LibraryView, PasteDialog
from dushu.gui.reader import ReaderView, ReadingStyle
from dushu.gui.settings import AppSettings, load_settings, save_settings
from dushu.gui.settings_dialog import SettingsDialog, reading_style_label
from dushu.gui.tasks import Task, TaskRunner, quiet_gc
from dushu.gui.vocabulary_view import VocabularyView
from dushu.gui.word_panel import WordPanel
from dushu.storage.edits import load_edits
from dushu.storage.library import DocumentInfo, Library, WordStatus

__all__ = ["MainWindow", "ToolkitLoader"]

translate = QCoreApplication.translate

# Opens the toolkit in a worker: (task, merged words, split words) -> Toolkit.
ToolkitLoader = Callable[[Task, list[str], list[str]], Any]

_TEXT_FILES = "*.txt *.text *.md *.csv *.tsv *.srt *.htm *.html"


def load_toolkit(task: Task, merged: list[str], split: list[str]) -> Any:
    """The real toolkit: dictionary index (built on first start), segmenter with the user's words."""
    from dushu.storage.toolkit import open_toolkit

    toolkit = open_toolkit(progress=task.progress, cancel=task.cancelled, user_words=merged)
    for word in split:
        toolkit.segmenter.remove_user_word(word)
    return toolkit


class MainWindow(QMainWindow):
    """Reader, Vocabulary, Facts and Library tabs over one open document."""

    documentShown = Signal()  # an analysis is on screen (tests and the benchmark wait for it)
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
        self.toolkit: Any = toolkit
        self._toolkit_loader = toolkit_loader
        self._toolkit_task: Task | None = None
        self._pending: tuple[DocumentInfo, str, int | None] | None = None
        self._analysis_task: Task | None = None
        self._load_task: Task | None = None
        self.doc_info: DocumentInfo | None = None
        self.reading: ReadingDocument | None = None
        self.base_analysis: Analysis | None = None  # as analysed, before the user's fact edits
        self.last_error = ""
        self._progress_owner: str | None = None
        self._analysis_gen = 0
        self._default_family = default_family("traditional")

        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_views()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(1500)
        self._position_timer.timeout.connect(self.save_position)
        self.reader.canvas.scrolled.connect(self._position_timer.start)
        self._apply_settings(self.settings, first=True)
        self._restore_geometry()
        self._retranslate()

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
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.vocabulary, "")
        self.tabs.addTab(self.facts, "")
        self.tabs.addTab(self.library_view, "")
        self.setCentralWidget(self.tabs)

        self.reader.canvas.wordSelected.connect(self.show_word)
        self.reader.canvas.wordContextMenu.connect(self._word_menu)
        self.panel.occurrenceActivated.connect(lambda i: self.reader.canvas.select_token(i))
        self.panel.statusRequested.connect(self._panel_status)
        self.panel.mergeRequested.connect(self.merge_with_next)
        self.panel.splitRequested.connect(self.split_word)
        self.panel.editMeaningRequested.connect(self._edit_meaning_of_token)
        self.vocabulary.statusRequested.connect(lambda words, s: self.set_status(words, WordStatus(s)))
        self.vocabulary.meaningEdited.connect(self.set_meaning)
        self.vocabulary.showInReader.connect(self.show_offset)
        self.facts.annotationsChanged.connect(self._annotations_changed)
        self.facts.showSentence.connect(self.show_sentence)
        self.facts.restoreRequested.connect(self._restore_facts)
        self.library_view.openRequested.connect(self.open_document)
        self.library_view.openFileRequested.connect(self.choose_file)
        self.library_view.pasteRequested.connect(self.paste_text)
        self.library_view.documentRemoved.connect(self._document_removed)
        self.library_view.propertiesRequested.connect(self.edit_properties)

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

    # -- start-up ----------------------------------------------------------------------------------

    def start(self, open_path: str | None = None) -> None:
        """After the window is shown: load the toolkit, then open a file, the last document or the sample."""
        if self.toolkit is None:
            self._load_toolkit()
        if open_path:
            self.open_path(open_path)
            return
        recent = self.library.recent_documents(1)
        if recent:
            self.open_document(recent[0].id)
        else:
            self.open_sample()

    def _load_toolkit(self) -> None:
        merged = self.library.merged_words()
        split = self.library.split_words()
        loader = self._toolkit_loader
        self._set_placeholder(translate("Main", "Opening the dictionary…"))
        self._begin_progress("toolkit", translate("Main", "Opening the dictionary…"), cancellable=False)
        task = self.runner.run(
            "toolkit",
            lambda task: loader(task, merged, split),
            self._toolkit_loaded,
            self._toolkit_failed,
            self._toolkit_progress,
        )
        self._toolkit_task = None if task.finished else task

    def _toolkit_progress(self, done: int, total: int) -> None:
        label = translate("Main", "Building the dictionary index (first start only)…")
        self._update_progress("toolkit", done, total, label)

    def _toolkit_loaded(self, toolkit: Any) -> None:
        self.toolkit = toolkit
        self._toolkit_task = None
        self._end_progress("toolkit")
        self.toolkitReady.emit()
        if self._pending is not None:
            info, text, keep = self._pending
            self._pending = None
            self._analyze(info, text, keep)

    def _toolkit_failed(self, exc: BaseException) -> None:
        self._toolkit_task = None
        self._end_progress("toolkit")
        self.show_error(
            translate("Main", "The dictionary could not be opened: %1").replace("%1", _one_line(exc))
        )
        self._set_placeholder(translate("Main", "The dictionary could not be opened."))

    # -- opening documents -------------------------------------------------------------------------

    def open_sample(self) -> None:
        """Open the bundled sample text (what a first start shows)."""
        title, text = _sample()
        self.open_text(title, text, source=translate("Main", "Dushu sample text"))

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
        """Read a file in the background (any common encoding), store it and analyse it."""
        from_path = Path(path)
        if self._load_task is not None:
            self._load_task.cancel()

        def job(task: Task) -> str:
            from dushu.core.loading import load_text

            return load_text(from_path)

        self.status_label.setText(translate("Main", "Reading %1…").replace("%1", from_path.name))
        self._load_task = self.runner.run(
            "load", job, lambda text: self._file_loaded(from_path, text), self._file_failed
        )

    def _file_loaded(self, path: Path, text: str) -> None:
        self._load_task = None
        self.status_label.clear()
        self.open_text(_title_from(path, text), text, source=str(path))

    def _file_failed(self, exc: BaseException) -> None:
        self._load_task = None
        self.status_label.clear()
        self.show_error(_one_line(exc) if isinstance(exc, DushuError) else _unexpected(exc))

    def paste_text(self) -> None:
        """Ask for a text to paste (prefilled from the clipboard when it holds Chinese)."""
        clip = QGuiApplication.clipboard().text() if QGuiApplication.clipboard() else ""
        from dushu.core.models import is_han

        dialog = PasteDialog(clip if any(is_han(c) for c in clip[:2000]) else "", self)
        if dialog.exec() and dialog.text().strip():
            self.open_text(dialog.title(), dialog.text(), source="")

    def open_text(self, title: str, text: str, source: str = "") -> None:
        """Store a text in the library (or find it there) and show it."""
        if not text.strip():
            self.show_error(translate("Main", "The text is empty."))
            return
        self.save_position()
        info = self.library.add_document(title, text, source)
        self._analyze(info, text, info.position)

    def open_document(self, doc_id: int) -> None:
        """Open a document of the library where the user stopped reading."""
        info = self.library.document(doc_id)
        if info is None:
            self.show_error(translate("Main", "That document is no longer in the library."))
            return
        self.save_position()
        self.library.mark_opened(doc_id)
        self._analyze(info, self.library.document_text(doc_id), info.position)

    def _analyze(self, info: DocumentInfo, text: str, keep_offset: int | None) -> None:
        if self._analysis_task is not None:
            self._analysis_task.cancel()
            self._analysis_task = None
            self._end_progress("analysis")
        self._analysis_gen += 1
        gen = self._analysis_gen
        self.doc_info = info
        self._update_title()
        self.library_view.set_current(info.id)
        self.tabs.setCurrentWidget(self.splitter)
        if self.toolkit is None:
            self._pending = (info, text, keep_offset)
            self.reader.set_document(None)
            self.panel.clear()
            waiting = translate("Main", "Opening the dictionary… “%1” will appear in a moment.")
            self._set_placeholder(waiting.replace("%1", info.title))
            return
        toolkit = self.toolkit
        annotations = self.library.annotations(info.id)
        published = self.library.published(info.id)
        doc_id = info.id

        def job(task: Task) -> tuple[Analysis, ReadingDocument]:
            from dushu.core import analyze

            with quiet_gc():
                analysis = analyze(
                    text,
                    toolkit,
                    title=info.title,
                    source=info.source,
                    progress=task.progress,
                    cancel=task.cancelled,
                    document_date=published,
                )
                # Only the fact edits here: the reader and the word panel show every dictionary
                # sense beside the user's meaning, which exports put in their place (see export).
                shown = apply_edits(analysis, Edits(annotations=annotations))
                return analysis, build_reading_document(shown, doc_id)

        label = translate("Main", "Reading “%1”…").replace("%1", info.title)
        self._set_placeholder(label)
        self._begin_progress("analysis", label)

        def progress(done: int, total: int) -> None:
            if gen == self._analysis_gen:
                self._update_progress("analysis", done, total, label)

        task = self.runner.run(
            "analysis",
            job,
            lambda result: self._analysis_done(gen, result, keep_offset),
            lambda exc: self._analysis_failed(gen, exc),
            progress,
        )
        if not task.finished:
            self._analysis_task = task

    def _analysis_done(self, gen: int, result: tuple[Analysis, ReadingDocument], keep: int | None) -> None:
        if gen != self._analysis_gen:
            return
        self._analysis_task = None
        self._end_progress("analysis")
        analysis, reading = result
        if self.doc_info is None or reading.doc_id != self.doc_info.id:
            return
        self.base_analysis = analysis
        self._show_reading(reading, keep)

    def _analysis_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._analysis_gen:
            return
        self._analysis_task = None
        self._end_progress("analysis")
        message = _one_line(exc) if isinstance(exc, DushuError) else _unexpected(exc)
        self._set_placeholder(translate("Main", "This text could not be analysed."))
        self.show_error(message)

    def _show_reading(self, reading: ReadingDocument, keep_offset: int | None) -> None:
        self.reading = reading
        analysis = reading.analysis
        page = reading.page_of(reading.token_at(keep_offset)) if keep_offset else 0
        self.reader.set_document(reading, page)
        if keep_offset:
            self.reader.canvas.scroll_to_token(reading.token_at(keep_offset), top=True)
        self.panel.clear()
        self.vocabulary.set_vocabulary(analysis.vocabulary, self.library.statuses(), self.library.meanings())
        self._fill_facts()
        self._update_title()
        words = len(analysis.vocabulary)
        self.status_label.setText(
            translate("Main", "%1 characters · %2 different words")
            .replace("%1", f"{len(analysis.text):,}")
            .replace("%2", f"{words:,}")
        )
        self.reader.canvas.setFocus()
        self.documentShown.emit()

    def _fill_facts(self) -> None:
        if self.reading is None or self.doc_info is None:
            return
        a = self.reading.analysis
        self.facts.set_content(
            a.facts,
            a.glossary,
            a.people,
            sentence_count=len(a.sentences),
            sentence_text=self.reading.sentence_text,
            edited=self.library.annotations(self.doc_info.id) is not None,
        )

    def _document_removed(self, doc_id: int) -> None:
        if self.doc_info is not None and self.doc_info.id == doc_id:
            self.doc_info = None
            self.reading = None
            self.base_analysis = None
            self.reader.set_document(None)
            self.panel.clear()
            self.vocabulary.set_vocabulary((), {}, {})
            self.facts.set_content((), (), (), sentence_count=0, sentence_text=lambda _i: "", edited=False)
            self._set_placeholder(translate("Main", "Open a text from the Library, a file, or paste one."))
            self._update_title()

    # -- the selected word -------------------------------------------------------------------------

    def show_word(self, index: int) -> None:
        """Show a word in the side panel."""
        if self.reading is None:
            return
        tok = self.reading.tokens[index]
        item = self.reading.vocab_for(index)
        key = item.simplified if item is not None else (tok.simplified or tok.text)
        definitions: tuple[Definition, ...] = ()
        if item is None and self.toolkit is not None:
            from dushu.core.vocabulary import explain_token  # the toolkit has loaded jieba by now

            definitions = explain_token(tok, self.toolkit.lexicon)
        status = self.library.status(key)
        self.panel.show_word(self.reading, index, status, self.library.meaning(key), definitions)

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

    def _key_of(self, index: int) -> str | None:
        if self.reading is None:
            return None
        item = self.reading.vocab_for(index)
        return item.simplified if item is not None else None

    def _reader_key(self, key: str) -> None:
        if key == "d":
            self._toggle_selected(WordStatus.LEARNING)
        elif key == "k":
            self._toggle_selected(WordStatus.KNOWN)

    def _toggle_selected(self, status: WordStatus) -> None:
        index = self.reader.canvas.selected_token()
        key = self._key_of(index) if index is not None else None
        if key is None:
            return
        current = self.library.status(key)
        self.set_status([key], WordStatus.NEW if current is status else status)

    def _panel_status(self, index: int, status: str) -> None:
        key = self._key_of(index)
        if key is not None:
            self.set_status([key], WordStatus(status))

    def set_status(self, words: list[str], status: WordStatus) -> None:
        """Store a status for words (Simplified) and update every view."""
        self.library.set_status(words, status)
        self.vocabulary.set_statuses(words, status)
        token = self.panel.token()
        if token is not None and self._key_of(token) in words:
            self.panel.set_status(status)
        label = {
            WordStatus.KNOWN: translate("Main", "Marked as known: %1"),
            WordStatus.LEARNING: translate("Main", "Added to your deck: %1"),
            WordStatus.NEW: translate("Main", "Marked as new: %1"),
        }[status]
        shown = "、".join(self._display_form(w) for w in words[:5]) + ("…" if len(words) > 5 else "")
        self.status_label.setText(label.replace("%1", shown))

    def _display_form(self, key: str) -> str:
        """A word as the open text writes it (statuses are stored under the Simplified form)."""
        if self.reading is not None:
            for item in self.reading.analysis.vocabulary:
                if item.simplified == key:
                    return item.word
        return key

    def set_meaning(self, word: str, meaning: str) -> None:
        """Store the user's meaning for a word ("" goes back to the dictionary's)."""
        self.library.set_meaning(word, meaning or None)
        self.vocabulary.set_meaning(word, meaning or None)
        token = self.panel.token()
        if token is not None and self._key_of(token) == word:
            self.show_word(token)

    def _edit_meaning_of_token(self, index: int) -> None:
        key = self._key_of(index)
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

    # -- fixing the segmentation -------------------------------------------------------------------

    def merge_with_next(self, index: int) -> None:
        """Join a word with the next one, remember it, and analyse the document again."""
        if self.reading is None or self.toolkit is None:
            return
        tokens = self.reading.tokens
        if index + 1 >= len(tokens) or not tokens[index + 1].is_chinese or not tokens[index].is_chinese:
            self.show_error(translate("Main", "Only two neighbouring Chinese words can be merged."))
            return
        first, second = tokens[index], tokens[index + 1]
        word = (first.simplified or first.text) + (second.simplified or second.text)
        self.library.add_merged_word(word)
        self.toolkit.segmenter.add_user_word(word)
        merged = translate("Main", "“%1” is now one word, here and in every text.")
        self.status_label.setText(merged.replace("%1", first.text + second.text))
        self._reanalyze(first.start)

    def split_word(self, index: int) -> None:
        """Stop treating a word as one, remember it, and analyse the document again."""
        if self.reading is None or self.toolkit is None:
            return
        tok = self.reading.tokens[index]
        if len(tok.text) < 2:
            self.show_error(translate("Main", "A single character cannot be split."))
            return
        word = tok.simplified or tok.text
        self.library.add_split_word(word)
        self.toolkit.segmenter.remove_user_word(word)
        self.status_label.setText(
            translate("Main", "“%1” is split from now on, here and in every text.").replace("%1", tok.text)
        )
        self._reanalyze(tok.start)

    def properties_dialog(self, doc_id: int) -> DocumentPropertiesDialog | None:
        """The Document properties dialog for a document of the library (None if it is gone)."""
        info = self.library.document(doc_id)
        if info is None:
            return None
        own = layout_of(self.library.document_text(doc_id)).reference_date
        return DocumentPropertiesDialog(info, self.library.published(doc_id), own, self)

    def edit_properties(self, doc_id: int | None) -> None:
        """Show a document's properties (the open one when `doc_id` is None); a new published date
        re-runs the analysis of the open document, since its relative dates count from it."""
        if doc_id is None:
            if self.doc_info is None:
                return
            doc_id = self.doc_info.id
        dialog = self.properties_dialog(doc_id)
        if dialog is None:
            self.show_error(translate("Main", "That document is no longer in the library."))
            return
        if dialog.exec():
            self.set_published(doc_id, dialog.published())

    def set_published(self, doc_id: int, published: str) -> None:
        """Store a document's published date; the open document is analysed again with it."""
        if self.library.published(doc_id) == published:
            return
        self.library.set_published(doc_id, published)
        if self.doc_info is not None and self.doc_info.id == doc_id:
            info = self.library.document(doc_id) or self.doc_info
            self._analyze(info, self.library.document_text(doc_id), self._visible_offset())

    def _reanalyze(self, select_offset: int) -> None:
        if self.doc_info is None:
            return
        info = self.library.document(self.doc_info.id) or self.doc_info
        keep_offset = self._visible_offset()

        def select_after() -> None:
            self.documentShown.disconnect(select_after)
            if self.reading is not None:
                self.reader.canvas.select_token(self.reading.token_at(select_offset))

        self.documentShown.connect(select_after)
        self._analyze(info, self.library.document_text(info.id), keep_offset)

    # -- navigation --------------------------------------------------------------------------------

    def show_offset(self, offset: int) -> None:
        """Show the reader at a character offset and select the word there."""
        if self.reading is None:
            return
        self.tabs.setCurrentWidget(self.splitter)
        self.reader.canvas.select_token(self.reading.token_at(offset))
        self.reader.canvas.setFocus()

    def show_sentence(self, sentence: int) -> None:
        """Show the reader at a sentence and select its first word."""
        if self.reading is None:
            return
        token = self.reading.first_token_of_sentence(sentence)
        if token is not None:
            self.tabs.setCurrentWidget(self.splitter)
            self.reader.canvas.select_token(token)
            self.reader.canvas.setFocus()

    def save_position(self) -> None:
        """Remember where the user is reading."""
        if self.doc_info is None:
            return
        offset = self._visible_offset()
        if offset is not None:
            self.library.set_position(self.doc_info.id, offset)

    def _visible_offset(self) -> int | None:
        """The character offset of the first token on screen (None before a document is shown)."""
        if self.reading is None:
            return None
        first = self.reader.canvas.first_visible_token()
        return None if first is None else self.reading.tokens[first].start

    # -- facts -------------------------------------------------------------------------------------

    def _annotations_changed(self, facts: Any, glossary: Any, people: Any) -> None:
        if self.reading is None or self.doc_info is None:
            return
        analysis = replace(
            self.reading.analysis,
            facts=tuple(f for f in facts if isinstance(f, Fact)),
            glossary=tuple(g for g in glossary if isinstance(g, GlossaryEntry)),
            people=tuple(p for p in people if isinstance(p, Person)),
        )
        self.library.set_annotations(self.doc_info.id, annotations_of(analysis))
        self.reading.analysis = analysis

    def _restore_facts(self) -> None:
        if self.reading is None or self.doc_info is None or self.base_analysis is None:
            return
        self.library.set_annotations(self.doc_info.id, None)
        base = self.base_analysis
        self.reading.analysis = replace(
            self.reading.analysis, facts=base.facts, glossary=base.glossary, people=base.people
        )
        self._fill_facts()

    # -- export ------------------------------------------------------------------------------------

    def export(self) -> None:
        """Open the export dialog for the open document."""
        if self.reading is None:
            self.show_error(translate("Main", "Open a text first; the export is made from it."))
            return
        analysis, edits = self._analysis_with_edits()
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

    def _analysis_with_edits(self) -> tuple[Analysis, Edits]:
        """The open text's analysis with every edit of the user applied, and those edits."""
        assert self.reading is not None
        # The same edits, applied by the same function, as `dushu deck` and `dushu quizset` use.
        base = self.base_analysis if self.base_analysis is not None else self.reading.analysis
        doc_id = self.doc_info.id if self.doc_info is not None else None
        edits = load_edits(self.library, doc_id)
        return apply_edits(base, edits), edits

    def send_to_anki(self) -> None:
        """Send the open text's notes to the running Anki through AnkiConnect, in the background:
        Dushu's fields are updated, the learner's own fields, tags and reviews stay (as with
        `dushu deck --to-anki`). Every word except the known ones goes, like the Export default."""
        if self.reading is None:
            self.show_error(translate("Main", "Open a text first; the export is made from it."))
            return
        from dushu.export.ankiconnect import DEFAULT_URL, push_deck
        from dushu.storage.paths import cache_dir

        analysis, edits = self._analysis_with_edits()
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
        self.show_error(_one_line(exc) if isinstance(exc, DushuError) else _unexpected(exc))

    def _remember_export_folder(self, path: str) -> None:
        self.library.set_setting("export_folder", str(Path(path).parent))

    # -- settings ----------------------------------------------------------------------------------

    def open_settings(self) -> None:
        """Open the Settings dialog; changes apply at once."""
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.apply_settings(dialog.settings())

    def apply_settings(self, settings: AppSettings) -> None:
        """Use and remember new settings."""
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
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self.status_label.setText(label)

    def _update_progress(self, owner: str, done: int, total: int, label: str) -> None:
        if owner != self._progress_owner:
            return
        percent = int(100 * done / total) if total else 0
        self.progress.setValue(percent)
        self.status_label.setText(label)
        if self.reading is None or (self.doc_info is not None and self.reading.doc_id != self.doc_info.id):
            self._set_placeholder(f"{label}\n{percent}%")

    def _end_progress(self, owner: str) -> None:
        if owner != self._progress_owner:
            return
        self._progress_owner = None
        self.progress.hide()
        self.cancel_button.hide()
        self.status_label.clear()
        if self._toolkit_task is not None and not self._toolkit_task.finished:
            self._begin_progress("toolkit", translate("Main", "Opening the dictionary…"), False)

    def cancel_current(self) -> None:
        """Cancel the analysis in progress (the Cancel button)."""
        task = self._analysis_task
        if task is None:
            return
        task.cancel()
        self._analysis_task = None
        self._analysis_gen += 1
        self._end_progress("analysis")
        if self.reading is None or (self.doc_info is not None and self.reading.doc_id != self.doc_info.id):
            self.reader.set_document(None)
            self._set_placeholder(
                translate("Main", "Cancelled. Open the text again from the Library when you want to read it.")
            )
            if self.reading is not None:
                # Go back to the document that was on screen.
                self.doc_info = self.library.document(self.reading.doc_id or -1)
                self.reader.set_document(self.reading)
                self._update_title()
        self.status_label.setText(translate("Main", "Cancelled."))

    def _set_placeholder(self, text: str) -> None:
        self.reader.canvas.set_placeholder(text)

    # -- errors, about -----------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Tell the user what went wrong in one line, in a dialog that does not block the app."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, "Dushu", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.errorShown.emit(message)

    def report_exception(self, exc: BaseException) -> bool:
        """Show an error that escaped a slot; True when it was one the user can cause (a DushuError,
        such as the library being busy), which needs no traceback."""
        if isinstance(exc, DushuError):
            self.show_error(_one_line(exc))
            return True
        self.show_error(_unexpected(exc))
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
        if files:
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
        self._position_timer.stop()
        self.save_position()
        self.library.set_setting("window_geometry", _hex(self.saveGeometry()))
        self.library.set_setting("splitter_state", _hex(self.splitter.saveState()))
        self.runner.cancel_all()
        super().closeEvent(event)

    # -- translation -------------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.doc_info is not None:
            self.setWindowTitle(f"{self.doc_info.title} — Dushu 讀書")
        else:
            self.setWindowTitle("Dushu 讀書")

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, translate("Main", "Reader"))
        self.tabs.setTabText(1, translate("Main", "Vocabulary"))
        self.tabs.setTabText(2, translate("Main", "Facts"))
        self.tabs.setTabText(3, translate("Main", "Library"))
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
        idle = self._analysis_task is None and self._progress_owner is None
        if self.reading is None and self.toolkit is not None and idle:
            self._set_placeholder(translate("Main", "Open a text from the Library, a file, or paste one."))

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


def _sample() -> tuple[str, str]:
    """The bundled sample text and its title."""
    try:
        from dushu.core.sample import sample_text, sample_title
    except ImportError:  # the sample module is optional; read the resource directly
        from importlib import resources

        text = resources.files("dushu.resources").joinpath("sample/sample.txt").read_text(encoding="utf-8")
        return text.strip().splitlines()[0], text
    return sample_title(), sample_text()


def _title_from(path: Path, text: str) -> str:
    """A document title: the first line when it looks like a title, else the file name."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 40 else path.stem
    return path.stem


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:1].upper() + text[1:]


def _unexpected(exc: BaseException) -> str:
    return translate("Main", "Something went wrong (%1). Your documents and words are safe.").replace(
        "%1", f"{type(exc).__name__}: {_one_line(exc)}"
    )
