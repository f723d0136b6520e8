"""The Review tab: a learner reviews deck words and facts by keys or buttons, and the library keeps it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from dushu.core.facts import extract_facts
from dushu.core.models import Analysis, Definition, Script, VocabItem
from dushu.core.review import ItemState, word_key
from dushu.core.sentences import split_sentences
from dushu.gui import review_view
from dushu.gui.review_view import ReviewView
from dushu.gui.settings import AppSettings, save_settings
from dushu.gui.tasks import SyncTaskRunner, Task, ThreadTaskRunner
from dushu.storage.library import Library, WordStatus

TEXT = (
    "2031年4月12日，青禾市與白石港簽署《海岸清潔協定》（HCA），雙方同意每月清理沙灘。\n"
    "由於河水污染越來越嚴重，兩地決定加強合作。\n"
)
START = datetime(2031, 5, 1, 9, 0, tzinfo=UTC)


def _word(word: str, pinyin: tuple[str, ...], meaning: str) -> VocabItem:
    return VocabItem(
        word=word,
        traditional=word,
        simplified=word,
        pinyin=pinyin,
        definitions=(Definition(" ".join(pinyin), (meaning,)),),
        hsk=5,
        frequency=3.0,
        count=1,
        example=TEXT.splitlines()[1],
        example_sentence=1,
        first_offset=TEXT.index(word),
    )


def _analysis() -> Analysis:
    sentences = tuple(split_sentences(TEXT))
    facts, glossary, people = extract_facts(TEXT, sentences)
    vocabulary = (_word("污染", ("wū", "rǎn"), "pollution"), _word("合作", ("hé", "zuò"), "to cooperate"))
    return Analysis(
        TEXT, Script.TRADITIONAL, sentences, (), vocabulary, facts, glossary, people, title="海岸"
    )


class Clock:
    """The time the view sees; tests move it on."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def view(qtbot: Any, library: Library, clock: Clock) -> ReviewView:
    widget = ReviewView(library, clock=clock)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    doc = library.add_document("海岸", TEXT)
    widget.set_document(_analysis(), doc.id, "海岸")
    return widget


def _deck(view: ReviewView, library: Library, *words: str) -> None:
    library.set_status(list(words), WordStatus.LEARNING)
    view.statuses_changed(list(words))


def _due(library: Library, word: str) -> datetime:
    item = library.review_item(word_key(word))
    assert item is not None
    return item.due


def test_the_empty_state_says_how_to_get_items(qtbot: Any, library: Library, clock: Clock) -> None:
    widget = ReviewView(library, clock=clock)
    qtbot.addWidget(widget)
    assert "Add this document's facts" in widget.hint.text() and "Learning" in widget.hint.text()
    assert not widget.start_button.isEnabled()
    assert not widget.add_facts_button.isEnabled()  # no document open


def test_a_word_put_in_the_deck_joins_the_queue_and_the_count_signal_says_so(
    qtbot: Any, view: ReviewView, library: Library
) -> None:
    with qtbot.waitSignal(view.dueCountChanged, timeout=1000) as signal:
        _deck(view, library, "污染")
    assert signal.args == [1]
    assert view.start_button.text().endswith("(1)")


def test_grading_good_by_key_moves_the_due_date_and_again_comes_back_sooner_than_easy(
    qtbot: Any, view: ReviewView, library: Library, clock: Clock
) -> None:
    _deck(view, library, "污染", "合作")
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert view.front.text() == "污染"
    assert view.progress.text().startswith("2 left")
    assert not view.answer.isVisible()
    qtbot.keyClick(view.session, Qt.Key.Key_3)  # a grade before the answer is shown does nothing
    assert view.front.text() == "污染"
    qtbot.keyClick(view.session, Qt.Key.Key_Space)
    assert view.answer.text() == "pollution" and view.reading.text() == "wū rǎn"
    assert "由於河水污染越來越嚴重" in view.sentence.text()
    assert all(label.text().startswith("in ") for label in view.grade_intervals.values())
    before = _due(library, "污染")
    qtbot.keyClick(view.session, Qt.Key.Key_3)
    assert _due(library, "污染") > before
    assert view.front.text() == "合作"
    qtbot.keyClick(view.session, Qt.Key.Key_Return)
    qtbot.keyClick(view.session, Qt.Key.Key_1)  # Again
    assert library.review_history(word_key("合作"))[0][1] == 1

    # The same start for both: one word graded Again, the other Easy.
    clock.now = START + timedelta(days=30)
    _deck(view, library, "污染", "合作")
    view.start_review()
    graded: dict[str, datetime] = {}
    while view.stack.currentWidget() is view.session and len(graded) < 2:
        word = view.front.text()
        qtbot.keyClick(view.session, Qt.Key.Key_Space)
        qtbot.keyClick(view.session, Qt.Key.Key_1 if word == "污染" else Qt.Key.Key_4)
        graded[word] = _due(library, word)
    assert graded["污染"] < graded["合作"]


def test_the_grade_buttons_work_like_the_keys_and_esc_ends(
    qtbot: Any, view: ReviewView, library: Library
) -> None:
    _deck(view, library, "污染", "合作")
    view.start_review()
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    first = view.front.text()
    qtbot.mouseClick(view.grade_buttons[max(view.grade_buttons)], Qt.MouseButton.LeftButton)  # Easy
    assert view.front.text() != first
    qtbot.keyClick(view.session, Qt.Key.Key_Escape)
    assert view.stack.currentWidget() is view.overview
    assert view.due_count() == 1


def test_a_word_marked_known_leaves_the_queue(qtbot: Any, view: ReviewView, library: Library) -> None:
    _deck(view, library, "污染", "合作")
    assert view.due_count() == 2
    with qtbot.waitSignal(view.dueCountChanged, timeout=1000) as signal:
        library.set_status(["污染"], WordStatus.KNOWN)
        view.statuses_changed(["污染"])
    assert signal.args == [1]
    view.start_review()
    assert view.front.text() == "合作"
    qtbot.keyClick(view.session, Qt.Key.Key_Space)
    qtbot.keyClick(view.session, Qt.Key.Key_3)
    assert view.stack.currentWidget() is view.finished  # nothing else was due


def test_a_word_marked_known_during_a_review_is_skipped(
    qtbot: Any, view: ReviewView, library: Library
) -> None:
    _deck(view, library, "污染", "合作")
    view.start_review()
    shown = view.front.text()
    library.set_status([shown], WordStatus.KNOWN)
    view.statuses_changed([shown])
    assert view.front.text() != shown


def test_the_documents_facts_are_added_once_and_asked_with_the_answer_hidden(
    qtbot: Any, view: ReviewView, library: Library
) -> None:
    qtbot.mouseClick(view.add_facts_button, Qt.MouseButton.LeftButton)
    added = library.review_counts(START).total
    assert added >= 2 and "Added" in view.message.text()
    qtbot.mouseClick(view.add_facts_button, Qt.MouseButton.LeftButton)
    assert library.review_counts(START).total == added
    view.start_review()
    fronts: list[str] = []
    while view.stack.currentWidget() is view.session:
        fronts.append(view.front.text())
        assert view.front_hint.text()  # what the question asks for
        qtbot.keyClick(view.session, Qt.Key.Key_Space)
        assert view.answer.text() and view.answer.text() not in view.front.text()
        qtbot.keyClick(view.session, Qt.Key.Key_4)
    assert len(fronts) == added


def test_charts_show_the_reviews_done(qtbot: Any, view: ReviewView, library: Library) -> None:
    _deck(view, library, "污染", "合作")
    view.start_review()
    for key in (Qt.Key.Key_1, Qt.Key.Key_3):
        qtbot.keyClick(view.session, Qt.Key.Key_Space)
        qtbot.keyClick(view.session, key)
    view.end_review()
    assert view.per_day_chart.isVisible()
    assert view.per_day_chart.points()[-1].value == 2
    assert sum(p.value for p in view.per_day_chart.points()) == 2
    assert view.per_day_chart.ticks() == [0, 1, 2]  # counts: no 0.5 reviews on the axis
    assert "50%" in view.retention_chart.title()
    states = {p.label: p.value for p in view.state_chart.points()}
    assert states["Learning"] + states["Relearning"] + states["Review"] == 2


def test_readings_follow_the_reading_setting(qtbot: Any, view: ReviewView, library: Library) -> None:
    save_settings(library, AppSettings(reading_style="zhuyin"))  # type: ignore[arg-type]
    _deck(view, library, "污染")
    view.start_review()
    qtbot.keyClick(view.session, Qt.Key.Key_Space)
    assert view.reading.text() == "ㄨ ㄖㄢˇ"


def test_document_text_is_shown_as_written_never_as_markup(
    qtbot: Any, library: Library, clock: Clock
) -> None:
    text = "<b>由於</b>河水污染越來越嚴重，兩地決定加強合作。\n"
    sentences = tuple(split_sentences(text))
    meaning = (Definition("wū rǎn", ("<i>dirt</i>",)),)
    vocab = VocabItem("污染", "污染", "污染", ("wū", "rǎn"), meaning, 5, 3.0, 1, sentences[0].text, 0,
                      text.index("污染"))  # fmt: skip
    analysis = Analysis(text, Script.TRADITIONAL, sentences, (), (vocab,), title="<u>t</u>")
    widget = ReviewView(library, clock=clock)
    qtbot.addWidget(widget)
    widget.set_document(analysis, None, "<u>t</u>")
    _deck(widget, library, "污染")
    widget.start_review()
    qtbot.keyClick(widget.session, Qt.Key.Key_Space)
    for label in (widget.answer, widget.sentence, widget.source):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert widget.answer.text() == "<i>dirt</i>" and widget.sentence.text().startswith("<b>")


def _figures(view: ReviewView) -> dict[str, tuple[str, str]]:
    return {name: (number.text(), caption.text()) for name, (number, caption) in view._figures.items()}


def test_the_overview_numbers_say_what_they_count(qtbot: Any, view: ReviewView, library: Library) -> None:
    _deck(view, library, "污染", "合作")
    figures = _figures(view)
    assert figures["due"] == ("0", "seen before, due now")  # both are new: none is "in review" yet
    assert figures["new"] == ("2", "new for today")
    assert figures["total"] == ("2", "items in all")
    library.set_status(["污染"], WordStatus.KNOWN)
    view.statuses_changed(["污染"])
    figures = _figures(view)
    assert figures["new"][0] == "1" and view.start_button.text().endswith("(1)")
    assert figures["total"] == ("2", "items in all (1 suspended)")


def test_dont_review_this_again_takes_the_card_out_and_undo_brings_it_back(
    qtbot: Any, view: ReviewView, library: Library
) -> None:
    _deck(view, library, "污染", "合作")
    view.start_review()
    assert view.front.text() == "污染" and view.suspend_button.isVisible()
    qtbot.keyClick(view.session, Qt.Key.Key_S)
    assert view.front.text() == "合作" and view.due_count() == 1
    assert view.notice.isVisible() and "“污染” will not come again" in view.notice_text.text()
    assert "Items…" in view.notice_text.text()  # where to bring it back later
    qtbot.keyClick(view.session, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.front.text() == "污染" and view.due_count() == 2
    assert not view.notice.isVisible()

    # The last card: the end screen still offers the undo.
    qtbot.keyClick(view.session, Qt.Key.Key_Space)
    qtbot.keyClick(view.session, Qt.Key.Key_3)
    assert view.front.text() == "合作"
    qtbot.mouseClick(view.suspend_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.finished and view.notice.isVisible()
    stored = library.review_item(word_key("合作"))
    assert stored is not None and stored.suspended
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.session and view.front.text() == "合作"
    qtbot.keyClick(view.session, Qt.Key.Key_S)
    qtbot.keyClick(view.session, Qt.Key.Key_Escape)
    assert not view.notice.isVisible()
    assert view._figures["total"][1].text() == "items in all (1 suspended)"


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_the_items_list_suspends_resumes_resets_and_removes(
    qtbot: Any, view: ReviewView, library: Library, clock: Clock, answer_yes: list[str]
) -> None:
    _deck(view, library, "污染", "合作")
    qtbot.mouseClick(view.add_facts_button, Qt.MouseButton.LeftButton)
    total = view.due_count()
    assert total > 2
    qtbot.mouseClick(view.items_button, Qt.MouseButton.LeftButton)
    dialog = view.items_dialog
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.keys_shown()) == total
    dialog.filter_edit.setText("污染")  # the word, and a fact that speaks of it
    assert word_key("污染") in dialog.keys_shown() and len(dialog.keys_shown()) == 2
    dialog.filter_edit.setText("pollution")  # what the word means
    assert dialog.keys_shown() == [word_key("污染")]
    assert "1 of" in dialog.shown_label.text()

    dialog.table.selectAll()
    assert dialog.selected_keys() == [word_key("污染")]  # never a row the filter hides
    assert not dialog.resume_button.isEnabled()
    qtbot.mouseClick(dialog.suspend_button, Qt.MouseButton.LeftButton)
    assert view.due_count() == total - 1
    row = next(r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r))
    assert dialog.table.item(row, 0).text() == "污染" and dialog.table.item(row, 5).text() == "Yes"
    assert dialog.resume_button.isEnabled() and not dialog.suspend_button.isEnabled()
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    assert view.due_count() == total

    # Reviewed, then reset: the word is new again and due now.
    dialog.close()
    view.start_review()
    while view.stack.currentWidget() is view.session:
        qtbot.keyClick(view.session, Qt.Key.Key_Space)
        qtbot.keyClick(view.session, Qt.Key.Key_4)
    view.end_review()
    assert view.due_count() == 0
    dialog = view.open_items()
    dialog.filter_edit.setText("POLLUTION")
    dialog.table.selectAll()
    assert dialog.keys_shown() == [word_key("污染")]
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert answer_yes and "Reset" in answer_yes[-1]
    stored = library.review_item(word_key("污染"))
    assert stored is not None and stored.state is ItemState.NEW
    assert view.due_count() == 1 and view._figures["new"][0].text() == "1"

    dialog.filter_edit.clear()
    dialog.select_keys([word_key("污染"), word_key("合作")])
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "Remove" in answer_yes[-1]
    assert library.review_item(word_key("污染")) is None and library.review_item(word_key("合作")) is None
    assert len(dialog.keys_shown()) == total - 2
    assert "Items removed: 2." in dialog.status.text()


def test_the_card_on_screen_removed_from_the_items_list_gives_way_to_the_next(
    qtbot: Any, view: ReviewView, library: Library, answer_yes: list[str]
) -> None:
    _deck(view, library, "污染", "合作")
    qtbot.mouseClick(view.add_facts_button, Qt.MouseButton.LeftButton)
    view.start_review()
    on_screen = view.current_item()
    assert on_screen is not None
    dialog = view.open_items()  # Study > Review Items… during a review
    dialog.select_keys([on_screen.key])
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert library.review_item(on_screen.key) is None
    now = view.current_item()
    assert now is None or now.key != on_screen.key
    if now is not None:  # the next card is graded as usual
        qtbot.keyClick(view.session, Qt.Key.Key_Space)
        qtbot.keyClick(view.session, Qt.Key.Key_3)


def test_nothing_is_reset_or_removed_without_a_yes(
    qtbot: Any, view: ReviewView, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    _deck(view, library, "污染")
    view.start_review()
    qtbot.keyClick(view.session, Qt.Key.Key_Space)
    qtbot.keyClick(view.session, Qt.Key.Key_3)
    view.end_review()
    dialog = view.open_items()
    dialog.select_keys([word_key("污染")])
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    stored = library.review_item(word_key("污染"))
    assert stored is not None and stored.state is not ItemState.NEW


class LaterRunner(SyncTaskRunner):
    """Keeps each job until the test lets it run, as a thread pool would deliver it later."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], Task]] = []

    def run(self, name: str, job: Any, on_done: Any, on_error: Any = None, on_progress: Any = None) -> Task:
        task = Task(name, lambda *_: None)
        self.waiting.append(lambda: SyncTaskRunner.run(self, name, job, on_done, on_error, on_progress))
        return task

    def finish(self) -> None:
        while self.waiting:
            self.waiting.pop(0)()


def test_the_documents_facts_are_found_on_the_runner(
    qtbot: Any, library: Library, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = LaterRunner()
    widget = ReviewView(library, clock=clock, runner=runner)
    qtbot.addWidget(widget)
    widget.show()
    doc = library.add_document("海岸", TEXT)
    widget.set_document(_analysis(), doc.id, "海岸")
    qtbot.mouseClick(widget.add_facts_button, Qt.MouseButton.LeftButton)
    assert widget.adding_facts() and not widget.add_facts_button.isEnabled()
    assert "Finding" in widget.message.text() and library.review_counts(START).total == 0
    widget.set_document(None, None, "")  # the learner moves on; the facts still go where they came from
    runner.finish()
    assert not widget.adding_facts()
    assert library.review_counts(START).total >= 2 and "Added" in widget.message.text()
    stored = library.all_review_items(START)
    assert all(i.document == doc.id and i.content.title == "海岸" for i in stored)

    def broken(*_args: Any, **_kwargs: Any) -> list[Any]:
        raise RuntimeError("no facts today")

    monkeypatch.setattr(review_view, "fact_review_items", broken)
    widget.set_document(_analysis(), doc.id, "海岸")
    qtbot.mouseClick(widget.add_facts_button, Qt.MouseButton.LeftButton)
    runner.finish()
    box = next(w for w in widget.findChildren(QMessageBox) if w.isVisible())
    assert "No facts today" in box.text() and widget.add_facts_button.isEnabled()
    box.close()


def test_the_documents_facts_are_found_on_a_thread(qtbot: Any, library: Library, clock: Clock) -> None:
    runner = ThreadTaskRunner()
    widget = ReviewView(library, clock=clock, runner=runner)
    qtbot.addWidget(widget)
    doc = library.add_document("海岸", TEXT)
    widget.set_document(_analysis(), doc.id, "海岸")
    widget.add_document_facts()
    qtbot.waitUntil(lambda: not widget.adding_facts(), timeout=5000)
    assert runner.wait(1000)
    assert library.review_counts(START).total >= 2 and widget.start_button.isEnabled()
