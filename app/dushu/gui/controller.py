"""The one owner of the open document: its analysis, the user's edits, word statuses and the toolkit.

Views never analyse or store anything themselves: they call the controller and redraw when its
signals say something changed. A new screen needs one connect() per thing it shows:

    controller.analysisComplete.connect(view.refill)      # the whole analysis is ready (edits applied:
                                                          # controller.analysis_with_edits())
    controller.documentCleared.connect(view.clear)
    controller.statusesChanged.connect(view.on_statuses)  # (words, WordStatus value)
    view.showSentence.connect(controller.show_sentence)   # the reader obeys `navigate`

Long texts show their first page early: a first slice, cut at a paragraph or sentence end, is
analysed and shown (`documentChanged` with `complete` False), then the whole text is analysed behind
it with progress, and `documentChanged` + `analysisComplete` follow when it is ready.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from dushu.core.edits import Edits, annotations_of, apply_edits
from dushu.core.models import Analysis, Definition, Fact, GlossaryEntry, Person
from dushu.errors import DushuError, one_line
from dushu.gui.document import ReadingDocument, build_reading_document
from dushu.gui.tasks import Task, TaskRunner, quiet_gc
from dushu.storage.edits import load_edits
from dushu.storage.library import DocumentInfo, Library, WordStatus

__all__ = [
    "FIRST_SLICE_CHARS",
    "DocumentController",
    "ToolkitLoader",
    "first_slice",
    "load_toolkit",
    "one_line",
    "unexpected",
    "with_user_words",
]

translate = QCoreApplication.translate

# Opens the toolkit in a worker: (task, merged words, split words) -> Toolkit.
ToolkitLoader = Callable[[Task, list[str], list[str]], Any]

# A text longer than this shows a first slice of about this size before the whole is analysed:
# analysed in well under a second, and a few pages of reading.
FIRST_SLICE_CHARS = 12_000
# The slice ends at a paragraph end found within this much more text, else at a sentence end.
_SLICE_SLACK = 4_000
_SENTENCE_END = re.compile(r"[。！？!?…]+[」』”’）)]*")


def load_toolkit(task: Task, merged: list[str], split: list[str]) -> Any:
    """The real toolkit: dictionary index (built on first start), segmenter with the user's words."""
    from dushu.storage.toolkit import open_toolkit

    return open_toolkit(progress=task.progress, cancel=task.cancelled, user_words=merged, split_words=split)


def with_user_words(toolkit: Any, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> Any:
    """A new toolkit whose segmenter keeps `add` whole and splits `remove`; `toolkit` is untouched
    (a worker thread may be analysing with it)."""
    return dataclasses.replace(toolkit, segmenter=toolkit.segmenter.derived(add, remove))


def first_slice(text: str, around: int | None = None, size: int = FIRST_SLICE_CHARS) -> tuple[int, int]:
    """The part of a long text to show first: [start, end) of about `size` characters, starting at
    the paragraph that holds offset `around` (the saved reading position) and ending at a paragraph
    end, else a sentence end. The whole text when it is short."""
    if len(text) <= size + _SLICE_SLACK:
        return 0, len(text)
    start = 0
    if around:
        around = min(around, len(text))
        start = text.rfind("\n", 0, around) + 1
        if around - start > size // 2:  # a huge paragraph: begin near the position instead
            start = _sentence_end_before(text, around - 200, start)
    end = min(len(text), start + size)
    if end >= len(text):
        return start, len(text)
    paragraph = text.find("\n", end, end + _SLICE_SLACK)
    if paragraph >= 0:
        return start, paragraph + 1
    match = _SENTENCE_END.search(text, end, end + _SLICE_SLACK)
    return start, (match.end() if match else end)


def _sentence_end_before(text: str, at: int, floor: int) -> int:
    last = floor
    for match in _SENTENCE_END.finditer(text, floor, max(floor, at)):
        last = match.end()
    return last


def unexpected(exc: BaseException) -> str:
    """The one line shown for an error no user action explains."""
    return translate("Main", "Something went wrong (%1). Your documents and words are safe.").replace(
        "%1", f"{type(exc).__name__}: {one_line(exc)}"
    )


def _message(exc: BaseException) -> str:
    return one_line(exc) if isinstance(exc, DushuError) else unexpected(exc)


def _shifted(analysis: Analysis, by: int) -> Analysis:
    """A slice's analysis with its offsets counted in the whole text (facts dropped: the whole
    text's analysis brings them)."""
    if not by:
        return dataclasses.replace(analysis, facts=(), glossary=(), people=())
    tokens = tuple(t._replace(start=t.start + by, end=t.end + by) for t in analysis.tokens)
    sentences = tuple(dataclasses.replace(s, start=s.start + by, end=s.end + by) for s in analysis.sentences)
    return dataclasses.replace(analysis, tokens=tokens, sentences=sentences, facts=(), glossary=(), people=())


class DocumentController(QObject):
    """Opens, analyses and edits the one open document; every view follows its signals."""

    documentOpening = Signal(object)  # DocumentInfo: this document is being opened (title, library)
    documentChanged = Signal()  # `reading` is new: show it at `reading_offset` (may be a first slice)
    analysisComplete = Signal()  # the whole analysis is ready: vocabulary, facts, people
    documentCleared = Signal()  # nothing is open any more
    statusesChanged = Signal(list, str)  # Simplified words, WordStatus value
    meaningChanged = Signal(str, str)  # Simplified word, the user's meaning ("" = the dictionary's)
    editsChanged = Signal()  # the facts, glossary or people were restored to the analysis' own
    annotationsEdited = Signal()  # the user changed the facts, glossary or people (the Facts tab)
    toolkitReady = Signal()
    busy = Signal(str, bool)  # label, cancellable: long work started
    progress = Signal(str, int, int)  # label, done, total (total 0: no measure, e.g. finding facts)
    idle = Signal()  # the long work ended (done, failed or cancelled)
    placeholder = Signal(str)  # what the reader says while no document is shown
    notice = Signal(str)  # one line for the status bar
    error = Signal(str)  # one line for an error dialog
    navigate = Signal(int)  # the reader should select this token and show it
    _stageReached = Signal(int, str)  # analysis generation, stage (emitted from the worker)

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        *,
        toolkit: Any = None,
        toolkit_loader: ToolkitLoader = load_toolkit,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.toolkit: Any = toolkit
        self.doc_info: DocumentInfo | None = None
        self.reading: ReadingDocument | None = None
        self.base_analysis: Analysis | None = None  # as analysed, before the user's fact edits
        self.complete = False  # `reading` is the whole text's analysis, not a first slice
        self.reading_offset: int | None = None  # where the reader should show `reading`
        self._toolkit_loader = toolkit_loader
        self._toolkit_task: Task | None = None
        self._load_task: Task | None = None
        self._analysis_tasks: list[Task] = []
        self._pending: tuple[DocumentInfo, str, int | None, int | None] | None = None
        self._previous: tuple[DocumentInfo, ReadingDocument, Analysis | None] | None = None
        self._gen = 0
        self._label = ""
        self._opening_default = False
        self._position: Callable[[], int | None] = lambda: None
        self._stageReached.connect(self._stage)

    # -- what other views read ----------------------------------------------------------------------

    @property
    def doc_id(self) -> int | None:
        """The open document's library id (None when nothing is open)."""
        return self.doc_info.id if self.doc_info is not None else None

    @property
    def title(self) -> str:
        """The open document's title ("" when nothing is open)."""
        return self.doc_info.title if self.doc_info is not None else ""

    def edits(self) -> Edits:
        """Everything the user changed that applies to the open document."""
        return load_edits(self.library, self.doc_id)

    def analysis_with_edits(self) -> Analysis | None:
        """The open text's analysis with every edit of the user applied (meanings, facts), the same
        as `dushu deck` and `dushu quizset` use; None until the whole text is analysed."""
        if self.reading is None or not self.complete:
            return None
        base = self.base_analysis if self.base_analysis is not None else self.reading.analysis
        return apply_edits(base, self.edits())

    def status(self, word: str) -> WordStatus:
        """A word's status (Simplified)."""
        return self.library.status(word)

    def statuses(self) -> dict[str, WordStatus]:
        """Every word's status."""
        return self.library.statuses()

    def meaning(self, word: str) -> str | None:
        """The user's meaning of a word (Simplified), if any."""
        return self.library.meaning(word)

    def meanings(self) -> dict[str, str]:
        """Every meaning the user wrote."""
        return self.library.meanings()

    def key_of(self, index: int) -> str | None:
        """The Simplified word (vocabulary key) of the token at `index`, None for other tokens."""
        if self.reading is None:
            return None
        item = self.reading.vocab_for(index)
        return item.simplified if item is not None else None

    def found_definitions(self, index: int) -> tuple[Definition, ...]:
        """What the dictionary says of a token that is not in the vocabulary (a number's units)."""
        if self.reading is None or self.toolkit is None or self.reading.vocab_for(index) is not None:
            return ()
        from dushu.core.vocabulary import explain_token  # the toolkit has loaded jieba by now

        return tuple(explain_token(self.reading.tokens[index], self.toolkit.lexicon))

    def display_form(self, key: str) -> str:
        """A word as the open text writes it (statuses are stored under the Simplified form)."""
        if self.reading is not None:
            for item in self.reading.analysis.vocabulary:
                if item.simplified == key:
                    return item.word
        return key

    def is_busy(self) -> bool:
        """True while the toolkit loads or a document is analysed."""
        return bool(self._analysis_tasks) or self._toolkit_task is not None

    def set_position_source(self, source: Callable[[], int | None]) -> None:
        """Where the reader is (the character offset of its first visible word)."""
        self._position = source

    # -- start-up -----------------------------------------------------------------------------------

    def start(self, open_path: str | None = None) -> None:
        """Load the toolkit, then open a file, else the last document or the sample."""
        if self.toolkit is None:
            self._load_toolkit()
        if open_path:
            self._opening_default = True  # a file that cannot be read falls back to the default
            self.open_path(open_path)
        else:
            self.open_default()

    def open_default(self) -> None:
        """What a start shows: the last document read, or the sample on a first start."""
        recent = self.library.recent_documents(1)
        if recent:
            self.open_document(recent[0].id)
        else:
            self.open_sample()

    def _load_toolkit(self) -> None:
        merged = self.library.merged_words()
        split = self.library.split_words()
        loader = self._toolkit_loader
        label = translate("Main", "Opening the dictionary…")
        self.placeholder.emit(label)
        self._label = label
        self.busy.emit(label, False)
        task = self.runner.run(
            "toolkit",
            lambda task: loader(task, merged, split),
            self._toolkit_loaded,
            self._toolkit_failed,
            self._toolkit_progress,
        )
        self._toolkit_task = None if task.finished else task

    def _toolkit_progress(self, done: int, total: int) -> None:
        if not self._analysis_tasks:
            self.progress.emit(
                translate("Main", "Building the dictionary index (first start only)…"), done, total
            )

    def _toolkit_loaded(self, toolkit: Any) -> None:
        self.toolkit = toolkit
        self._toolkit_task = None
        self.idle.emit()
        self.toolkitReady.emit()
        if self._pending is not None:
            info, text, keep, select = self._pending
            self._pending = None
            self._analyze(info, text, keep, select)

    def _toolkit_failed(self, exc: BaseException) -> None:
        self._toolkit_task = None
        self._pending = None
        self.idle.emit()
        self.error.emit(
            translate("Main", "The dictionary could not be opened: %1").replace("%1", one_line(exc))
        )
        self.placeholder.emit(translate("Main", "The dictionary could not be opened."))

    # -- opening ------------------------------------------------------------------------------------

    def open_sample(self) -> None:
        """Open the bundled sample text (what a first start shows)."""
        from dushu.core.sample import sample_text, sample_title

        self.open_text(sample_title(), sample_text(), source=translate("Main", "Dushu sample text"))

    def open_path(self, path: str) -> None:
        """Read a file in the background (any common encoding), store it and analyse it."""
        from_path = Path(path).absolute()  # messages name it with its folder ("ls" is /bin/ls)
        if self._load_task is not None:
            self._load_task.cancel()

        def job(task: Task) -> str:
            from dushu.core.loading import load_text

            return load_text(from_path, name=str(from_path))

        self.notice.emit(translate("Main", "Reading %1…").replace("%1", str(from_path)))
        task = self.runner.run(
            "load", job, lambda text: self._file_loaded(from_path, text), self._file_failed
        )
        self._load_task = None if task.finished else task

    def _file_loaded(self, path: Path, text: str) -> None:
        self._load_task = None
        self._opening_default = False
        self.notice.emit("")
        self.open_text(_title_from(path, text), text, source=str(path))

    def _file_failed(self, exc: BaseException) -> None:
        self._load_task = None
        self.notice.emit("")
        self.error.emit(_message(exc))
        if self._opening_default or (self.doc_info is None and self._pending is None):
            # `dushu FOLDER`: after the error, the window shows what a start shows, not a wait.
            self._opening_default = False
            self.open_default()

    def open_text(self, title: str, text: str, source: str = "") -> None:
        """Store a text in the library (or find it there) and show it."""
        if not text.strip():
            self.error.emit(translate("Main", "The text is empty."))
            return
        self.save_position()
        info = self.library.add_document(title, text, source)
        self._analyze(info, text, info.position)

    def open_document(self, doc_id: int) -> None:
        """Open a document of the library where the user stopped reading."""
        info = self.library.document(doc_id)
        if info is None:
            self.error.emit(translate("Main", "That document is no longer in the library."))
            return
        self.save_position()
        self.library.mark_opened(doc_id)
        self._analyze(info, self.library.document_text(doc_id), info.position)

    def reanalyze(self, select_offset: int | None = None) -> None:
        """Analyse the open document again (new user words, a new published date), keeping the
        reading position; the word at `select_offset` is selected afterwards."""
        if self.doc_info is None:
            return
        info = self.library.document(self.doc_info.id) or self.doc_info
        self._analyze(info, self.library.document_text(info.id), self._position(), select_offset)

    def set_published(self, doc_id: int, published: str) -> None:
        """Store a document's published date; the open document is analysed again with it (its
        relative dates count from it)."""
        if self.library.published(doc_id) == published:
            return
        self.library.set_published(doc_id, published)
        if self.doc_id == doc_id:
            self.reanalyze()

    def document_removed(self, doc_id: int) -> None:
        """The library lost a document: close it if it is the open one."""
        if self.doc_id != doc_id:
            return
        self._stop_analysis()
        self.doc_info = None
        self.reading = None
        self.base_analysis = None
        self.complete = False
        self._previous = None
        self.documentCleared.emit()
        self.placeholder.emit(translate("Main", "Open a text from the Library, a file, or paste one."))

    def cancel(self) -> None:
        """Stop the analysis in progress; the document shown before comes back."""
        if not self._analysis_tasks:
            return
        self._stop_analysis()
        if self.complete and self.reading is not None and self.reading.doc_id == self.doc_id:
            self.notice.emit(translate("Main", "Cancelled."))
            return  # a re-analysis: what is shown is still right
        previous, self._previous = self._previous, None
        if previous is not None:
            info, reading, base = previous
            self.doc_info, self.reading, self.base_analysis, self.complete = info, reading, base, True
            self.library.mark_opened(info.id)  # the cancelled text is not the one to reopen next time
            self.reading_offset = None
            self.documentOpening.emit(info)
            self.documentChanged.emit()
            self.analysisComplete.emit()
        else:
            self.doc_info = None
            self.reading = None
            self.base_analysis = None
            self.complete = False
            self.documentCleared.emit()
            self.placeholder.emit(
                translate("Main", "Cancelled. Open the text again from the Library when you want to read it.")
            )
        self.notice.emit(translate("Main", "Cancelled."))

    def _stop_analysis(self) -> None:
        self._gen += 1
        tasks, self._analysis_tasks = self._analysis_tasks, []
        for task in tasks:
            task.cancel()
        if tasks:
            self.idle.emit()

    # -- analysing ----------------------------------------------------------------------------------

    def _analyze(
        self, info: DocumentInfo, text: str, keep_offset: int | None, select_offset: int | None = None
    ) -> None:
        self._stop_analysis()
        same = self.reading is not None and self.reading.doc_id == info.id and self.complete
        if not same:
            # The old text goes at once; it comes back only if this one is cancelled.
            if self.reading is not None and self.complete and self.doc_info is not None:
                self._previous = (self.doc_info, self.reading, self.base_analysis)
            self.reading = None
            self.base_analysis = None
            self.complete = False
            self.documentCleared.emit()
        self.doc_info = info
        self.documentOpening.emit(info)
        if self.toolkit is None:
            self._pending = (info, text, keep_offset, select_offset)
            waiting = translate("Main", "Opening the dictionary… “%1” will appear in a moment.")
            self.placeholder.emit(waiting.replace("%1", info.title))
            return
        gen = self._gen
        label = translate("Main", "Reading “%1”…").replace("%1", info.title)
        self._label = label
        self.placeholder.emit(label)
        self.busy.emit(label, True)
        start, end = first_slice(text, keep_offset)

        def whole() -> None:
            if gen == self._gen:
                self._run_whole(gen, info, text, keep_offset, select_offset)

        if not same and (start, end) != (0, len(text)):
            # The first page first, then the whole text behind it: one after the other, since two
            # analyses at once would share one interpreter lock and the first page would wait.
            self._run_slice(gen, info, text, start, end, keep_offset, whole)
        else:
            whole()

    def _job(self, gen: int, info: DocumentInfo, text: str, *, whole: bool) -> Callable[[Task], Any]:
        toolkit = self.toolkit
        annotations = self.library.annotations(info.id)
        published = self.library.published(info.id)

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
                    stage=(lambda name: self._stageReached.emit(gen, name)) if whole else None,
                )
                if not whole:
                    return analysis, build_reading_document(analysis, info.id)
                # Only the fact edits here: the reader and the word panel show every dictionary
                # sense beside the user's meaning, which exports put in their place.
                shown = apply_edits(analysis, Edits(annotations=annotations))
                return analysis, build_reading_document(shown, info.id)

        return job

    def _run_slice(
        self,
        gen: int,
        info: DocumentInfo,
        text: str,
        start: int,
        end: int,
        keep: int | None,
        then: Callable[[], None],
    ) -> None:
        piece = self._job(gen, info, text[start:end], whole=False)

        def job(task: Task) -> ReadingDocument:
            analysis, _ = piece(task)
            shifted = dataclasses.replace(_shifted(analysis, start), text=text)
            return build_reading_document(shifted, info.id)

        def done(reading: ReadingDocument) -> None:
            if gen != self._gen:
                return
            self._analysis_tasks = []
            if not self.complete:
                self.reading = reading
                self.reading_offset = keep
                self.documentChanged.emit()
            then()

        def failed(_exc: BaseException) -> None:
            self._analysis_tasks = []
            then()  # the whole text's analysis says what went wrong, if anything does

        task = self.runner.run("first page", job, done, failed)
        if not task.finished:
            self._analysis_tasks.append(task)

    def _run_whole(
        self, gen: int, info: DocumentInfo, text: str, keep: int | None, select: int | None
    ) -> None:
        def progress(done: int, total: int) -> None:
            if gen == self._gen and self._label:
                self._report(self._label, done, total)

        task = self.runner.run(
            "analysis",
            self._job(gen, info, text, whole=True),
            lambda result: self._analysis_done(gen, result, keep, select),
            lambda exc: self._analysis_failed(gen, exc),
            progress,
        )
        if not task.finished:
            self._analysis_tasks.append(task)

    def _report(self, label: str, done: int, total: int) -> None:
        self.progress.emit(label, done, total)
        if self.reading is None:
            percent = f"\n{int(100 * done / total)}%" if total else ""
            self.placeholder.emit(label + percent)

    def _stage(self, gen: int, name: str) -> None:
        if gen != self._gen:
            return
        self._label = {
            "vocabulary": translate("Main", "Finding vocabulary…"),
            "facts": translate("Main", "Finding facts…"),
        }.get(name, self._label)
        self._report(self._label, 0, 0)

    def _analysis_done(
        self, gen: int, result: tuple[Analysis, ReadingDocument], keep: int | None, select: int | None
    ) -> None:
        if gen != self._gen:
            return
        self._analysis_tasks = []
        self._label = ""
        self.idle.emit()
        analysis, reading = result
        if self.doc_info is None or reading.doc_id != self.doc_info.id:
            return
        if self.reading is not None:
            keep = self._position()  # where the user is in what is shown (the first slice, say)
        self.base_analysis = analysis
        self.reading = reading
        self.complete = True
        self._previous = None
        self.reading_offset = keep
        self.documentChanged.emit()
        self.analysisComplete.emit()
        if select is not None:
            self.navigate.emit(reading.token_at(select))

    def _analysis_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._analysis_tasks = []
        self._label = ""
        self.idle.emit()
        if self.reading is None:
            self.placeholder.emit(translate("Main", "This text could not be analysed."))
        self.error.emit(_message(exc))

    # -- words --------------------------------------------------------------------------------------

    def set_status(self, words: list[str], status: WordStatus) -> None:
        """Store a status for words (Simplified); every view hears of it."""
        self.library.set_status(words, status)
        self.statusesChanged.emit(list(words), str(status))
        label = {
            WordStatus.KNOWN: translate("Main", "Marked as known: %1"),
            WordStatus.LEARNING: translate("Main", "Added to your deck: %1"),
            WordStatus.NEW: translate("Main", "Marked as new: %1"),
        }[status]
        shown = "、".join(self.display_form(w) for w in words[:5]) + ("…" if len(words) > 5 else "")
        self.notice.emit(label.replace("%1", shown))

    def toggle_status(self, index: int, status: WordStatus) -> None:
        """Give the word at token `index` a status, or take it back to new if it has it."""
        key = self.key_of(index)
        if key is not None:
            self.set_status([key], WordStatus.NEW if self.library.status(key) is status else status)

    def set_meaning(self, word: str, meaning: str) -> None:
        """Store the user's meaning for a word ("" goes back to the dictionary's)."""
        self.library.set_meaning(word, meaning or None)
        self.meaningChanged.emit(word, meaning)

    def merge_with_next(self, index: int) -> None:
        """Join a word with the next one everywhere from now on, and analyse the text again."""
        if self.reading is None or self.toolkit is None:
            return
        tokens = self.reading.tokens
        if index + 1 >= len(tokens) or not tokens[index + 1].is_chinese or not tokens[index].is_chinese:
            self.error.emit(translate("Main", "Only two neighbouring Chinese words can be merged."))
            return
        first, second = tokens[index], tokens[index + 1]
        word = (first.simplified or first.text) + (second.simplified or second.text)
        self.library.add_merged_word(word)
        self.toolkit = with_user_words(self.toolkit, add=(word,))
        merged = translate("Main", "“%1” is now one word, here and in every text.")
        self.notice.emit(merged.replace("%1", first.text + second.text))
        self.reanalyze(first.start)

    def split_word(self, index: int) -> None:
        """Stop treating a word as one everywhere from now on, and analyse the text again."""
        if self.reading is None or self.toolkit is None:
            return
        tok = self.reading.tokens[index]
        if len(tok.text) < 2:
            self.error.emit(translate("Main", "A single character cannot be split."))
            return
        word = tok.simplified or tok.text
        self.library.add_split_word(word)
        self.toolkit = with_user_words(self.toolkit, remove=(word,))
        self.notice.emit(
            translate("Main", "“%1” is split from now on, here and in every text.").replace("%1", tok.text)
        )
        self.reanalyze(tok.start)

    # -- facts --------------------------------------------------------------------------------------

    def set_annotations(self, facts: Any, glossary: Any, people: Any) -> None:
        """Keep the user's version of the facts, glossary and people of the open document."""
        if self.reading is None or self.doc_info is None:
            return
        analysis = dataclasses.replace(
            self.reading.analysis,
            facts=tuple(f for f in facts if isinstance(f, Fact)),
            glossary=tuple(g for g in glossary if isinstance(g, GlossaryEntry)),
            people=tuple(p for p in people if isinstance(p, Person)),
        )
        self.library.set_annotations(self.doc_info.id, annotations_of(analysis))
        self.reading.analysis = analysis
        self.annotationsEdited.emit()

    def has_fact_edits(self) -> bool:
        """True when the open document's facts are the user's version."""
        return self.doc_info is not None and self.library.annotations(self.doc_info.id) is not None

    def restore_facts(self) -> None:
        """Go back to the facts the analysis found (the user's versions are forgotten)."""
        if self.reading is None or self.doc_info is None or self.base_analysis is None:
            return
        self.library.set_annotations(self.doc_info.id, None)
        base = self.base_analysis
        self.reading.analysis = dataclasses.replace(
            self.reading.analysis, facts=base.facts, glossary=base.glossary, people=base.people
        )
        self.editsChanged.emit()

    # -- navigation ---------------------------------------------------------------------------------

    def show_offset(self, offset: int) -> None:
        """Show the reader at a character offset and select the word there."""
        if self.reading is not None:
            self.navigate.emit(self.reading.token_at(offset))

    def show_sentence(self, sentence: int) -> None:
        """Show the reader at a sentence and select its first word."""
        if self.reading is None:
            return
        token = self.reading.first_token_of_sentence(sentence)
        if token is not None:
            self.navigate.emit(token)

    def save_position(self) -> None:
        """Remember where the user is reading."""
        if self.doc_info is None or self.reading is None:
            return
        offset = self._position()
        if offset is not None:
            self.library.set_position(self.doc_info.id, offset)

    def shutdown(self) -> None:
        """Stop every job (the window closes)."""
        self._gen += 1
        self.runner.cancel_all()


def _title_from(path: Path, text: str) -> str:
    """A document title: the first line when it looks like a title, else the file name."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 40 else path.stem
    return path.stem
