"""How each view follows the DocumentController: its signals in, the view's requests out.

One function per view, so the views stay free of document logic and the main window only decides
where they sit. A new view is bound the same way: connect the controller signals it shows, and its
request signals to the controller's methods.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from dushu.gui.controller import DocumentController
from dushu.gui.facts_view import FactsView
from dushu.gui.library_view import LibraryView
from dushu.gui.quiz_editor import QuizEditor
from dushu.gui.quiz_view import QuizView
from dushu.gui.reader import ReaderView
from dushu.gui.review_view import ReviewView
from dushu.gui.vocabulary_view import VocabularyView
from dushu.gui.word_panel import WordPanel
from dushu.storage.library import DocumentInfo, WordStatus

__all__ = [
    "bind_facts",
    "bind_library",
    "bind_quiz",
    "bind_quiz_editor",
    "bind_reader",
    "bind_review",
    "bind_vocabulary",
    "bind_word_panel",
]


def bind_reader(controller: DocumentController, reader: ReaderView) -> None:
    """The reader shows the controller's document where it says, and obeys its navigation."""
    canvas = reader.canvas

    def show() -> None:
        reading = controller.reading
        if reading is None:
            return
        offset = controller.reading_offset
        page = reading.page_of(reading.token_at(offset)) if offset else 0
        reader.set_document(reading, page)
        canvas.set_deck_words(controller.library.words_with_status(WordStatus.LEARNING))
        if offset:
            canvas.scroll_to_token(reading.token_at(offset), top=True)

    def navigate(token: int) -> None:
        canvas.select_token(token)
        canvas.setFocus()

    def statuses(words: list[str], status: str) -> None:
        canvas.set_deck_words(controller.library.words_with_status(WordStatus.LEARNING))

    controller.documentChanged.connect(show)
    controller.documentCleared.connect(lambda: reader.set_document(None))
    controller.placeholder.connect(canvas.set_placeholder)
    controller.navigate.connect(navigate)
    controller.statusesChanged.connect(statuses)
    controller.set_position_source(lambda: _first_visible_offset(controller, reader))


def _first_visible_offset(controller: DocumentController, reader: ReaderView) -> int | None:
    reading = reader.canvas.document()
    if reading is None or reading is not controller.reading:
        return None
    first = reader.canvas.first_visible_token()
    return None if first is None else reading.tokens[first].start


def bind_word_panel(
    controller: DocumentController, panel: WordPanel, reader: ReaderView, edit_meaning: Callable[[int], None]
) -> None:
    """The panel shows the word selected in the reader; its buttons change the word through the
    controller (`edit_meaning` opens the window's dialog for a token)."""
    canvas = reader.canvas

    def show_word(index: int) -> None:
        reading = controller.reading
        if reading is None:
            return
        tok = reading.tokens[index]
        item = reading.vocab_for(index)
        key = item.simplified if item is not None else (tok.simplified or tok.text)
        panel.show_word(
            reading,
            index,
            controller.status(key),
            controller.meaning(key),
            controller.found_definitions(index),
        )

    def statuses(words: list[str], status: str) -> None:
        token = panel.token()
        if token is not None and controller.key_of(token) in words:
            panel.set_status(WordStatus(status))

    def meaning(word: str, _meaning: str) -> None:
        token = panel.token()
        if token is not None and controller.key_of(token) == word:
            show_word(token)

    def status_requested(index: int, status: str) -> None:
        key = controller.key_of(index)
        if key is not None:
            controller.set_status([key], WordStatus(status))

    canvas.wordSelected.connect(show_word)
    controller.documentChanged.connect(panel.clear)
    controller.documentCleared.connect(panel.clear)
    controller.statusesChanged.connect(statuses)
    controller.meaningChanged.connect(meaning)
    panel.occurrenceActivated.connect(lambda i: canvas.select_token(i))
    panel.statusRequested.connect(status_requested)
    panel.mergeRequested.connect(controller.merge_with_next)
    panel.splitRequested.connect(controller.split_word)
    panel.editMeaningRequested.connect(edit_meaning)


def _say_while_analysing(
    controller: DocumentController, say: Callable[[str], None], what: Callable[[], str]
) -> None:
    """While a document is analysed, `say` what the view waits for and how far the analysis is;
    `what` gives the view's sentence (in the interface language) with %1 for the document's title."""

    def opening(info: DocumentInfo) -> None:
        say(what().replace("%1", info.title))

    def progress(label: str, done: int, total: int) -> None:
        info = controller.doc_info
        if info is None or (controller.complete and not controller.is_busy()):
            return
        percent = f" {int(100 * done / total)}%" if total else ""
        say(f"{what().replace('%1', info.title)}  {label}{percent}")

    controller.documentOpening.connect(opening)
    controller.progress.connect(progress)
    controller.analysisComplete.connect(lambda: say(""))
    controller.documentCleared.connect(lambda: say(""))
    controller.idle.connect(lambda: say(""))


def bind_vocabulary(controller: DocumentController, view: VocabularyView) -> None:
    """The word list of the whole analysis, with the user's statuses and meanings."""

    def fill() -> None:
        if controller.reading is not None:
            view.set_context(controller.reading.analysis)
            view.set_vocabulary(
                controller.reading.analysis.vocabulary, controller.statuses(), controller.meanings()
            )

    def clear() -> None:
        view.set_context(None)
        view.set_vocabulary((), {}, {})

    controller.analysisComplete.connect(fill)
    controller.documentCleared.connect(clear)
    _say_while_analysing(
        controller,
        view.set_waiting,
        lambda: QCoreApplication.translate(
            "Main",
            "The words of “%1” are listed here once the whole text is analysed; the Reader shows it already.",
        ),
    )
    controller.statusesChanged.connect(lambda words, status: view.set_statuses(words, WordStatus(status)))
    controller.meaningChanged.connect(lambda word, meaning: view.set_meaning(word, meaning or None))
    view.statusRequested.connect(lambda words, status: controller.set_status(list(words), WordStatus(status)))
    view.meaningEdited.connect(controller.set_meaning)
    view.showInReader.connect(controller.show_offset)


def bind_facts(controller: DocumentController, view: FactsView) -> None:
    """Timeline, glossary and people of the open document; edits go back to the controller."""

    def fill() -> None:
        reading = controller.reading
        if reading is None:
            return
        a = reading.analysis
        view.set_content(
            a.facts,
            a.glossary,
            a.people,
            sentence_count=len(a.sentences),
            sentence_text=reading.sentence_text,
            edited=controller.has_fact_edits(),
        )

    def clear() -> None:
        view.set_content((), (), (), sentence_count=0, sentence_text=lambda _i: "", edited=False)

    controller.analysisComplete.connect(fill)
    controller.editsChanged.connect(fill)
    controller.documentCleared.connect(clear)
    _say_while_analysing(
        controller,
        view.set_waiting,
        lambda: QCoreApplication.translate(
            "Main",
            "The facts of “%1” are shown here once the whole text is analysed; the Reader shows it already.",
        ),
    )
    view.annotationsChanged.connect(controller.set_annotations)
    view.showSentence.connect(controller.show_sentence)
    view.restoreRequested.connect(controller.restore_facts)


def bind_library(controller: DocumentController, view: LibraryView) -> None:
    """The library marks the open document (none while a cancelled or removed one is gone)."""

    def opening(info: DocumentInfo) -> None:
        view.set_current(info.id)

    controller.documentOpening.connect(opening)
    controller.documentCleared.connect(lambda: view.set_current(controller.doc_id))
    view.openRequested.connect(controller.open_document)
    view.documentRemoved.connect(controller.document_removed)


def show_source(controller: DocumentController, sentence: str) -> bool:
    """Open the reader at a quoted source sentence of the open text; False (and a notice in the
    status bar) when it is not in it.

    A question quotes its sentence whole, cut with an ellipsis (……), or several sentences one after
    the other (an order or match question): the first piece found in the text is shown."""
    reading = controller.reading
    if reading is None or not sentence.strip():
        return False
    text = reading.analysis.text
    # Each quoted sentence is found by its longest piece between ellipses (a short one such as
    # 他表示， may come earlier in the text too); of several sentences, the first in the text is shown.
    found: list[int] = []
    for quoted in _SENTENCE_BREAK.split(sentence.strip()):
        pieces = sorted((p.strip() for p in quoted.replace("…", "\n").splitlines() if p.strip()), key=len)
        for piece in reversed(pieces):
            at = text.find(piece)
            if at >= 0:
                found.append(at)
                break
    if found:
        controller.show_offset(min(found))
        return True
    controller.notice.emit(
        QCoreApplication.translate(
            "Main", "That sentence is not in the open text: the quiz set may come from another text."
        )
    )
    return False


# Where one quoted sentence ends and the next begins in a source that joins several.
_SENTENCE_BREAK = re.compile(r"(?<=[。！？!?；」』])\s+")


def _follow_edits(controller: DocumentController, fill: Callable[[], None]) -> None:
    """Call `fill` whenever the analysis with the user's edits changes: once it is complete, when the
    facts are edited or restored, and when a word's meaning is changed (the study layer's questions
    and cards read all of them)."""
    controller.analysisComplete.connect(fill)
    controller.editsChanged.connect(fill)
    controller.annotationsEdited.connect(fill)
    controller.meaningChanged.connect(lambda _word, _meaning: fill())


def bind_quiz(controller: DocumentController, view: QuizView) -> None:
    """The quiz tab generates sets from the open text; a question's source opens in the reader."""

    def fill() -> None:
        view.set_document(controller.analysis_with_edits(), controller.title)

    _follow_edits(controller, fill)
    controller.documentCleared.connect(lambda: view.set_document(None, ""))
    view.sourceRequested.connect(lambda sentence: show_source(controller, sentence))


def bind_quiz_editor(controller: DocumentController, editor: QuizEditor, quiz: QuizView) -> None:
    """The set editor adds questions from the open text; its preview runs in the quiz tab."""

    def fill() -> None:
        editor.set_document(controller.analysis_with_edits(), controller.title)

    _follow_edits(controller, fill)
    controller.documentCleared.connect(lambda: editor.set_document(None, ""))
    editor.previewRequested.connect(lambda qs: quiz.start_quiz_set(qs, None, preview=True))


def bind_review(controller: DocumentController, view: ReviewView) -> None:
    """The review queue follows the open document (its facts and deck words) and word statuses."""

    def fill() -> None:
        view.set_document(controller.analysis_with_edits(), controller.doc_id, controller.title)

    _follow_edits(controller, fill)
    controller.documentCleared.connect(lambda: view.set_document(None, None, ""))
    controller.statusesChanged.connect(lambda words, status: view.statuses_changed(list(words)))
