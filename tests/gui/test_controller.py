"""The document controller: one open document, and every view follows what it says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from dushu.storage.library import WordStatus

from .helpers import click_token, token_index

pytestmark = pytest.mark.gui

TEXT = "2023年4月9日，青禾市開放了新的圖書館。\n館長林若安說，圖書館每天開到晚上九點。\n"


def _library_bold_titles(window: Any) -> list[str]:
    table = window.library_view.table
    return [table.item(row, 0).text() for row in range(table.rowCount()) if table.item(row, 0).font().bold()]


def test_an_opened_document_reaches_every_view(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("青禾圖書館", TEXT)
    # Reader: the text is on the page.
    shown = window.reader.canvas.document()
    assert shown is window.reading and shown.analysis.text == TEXT
    # Word panel: clicking a word shows it.
    index = token_index(window, "圖書館")
    click_token(qtbot, window, index)
    assert window.panel.token() == index
    assert "library" in window.panel.definitions_text().lower()
    # Vocabulary: its words are listed.
    words = [item.word for item in window.vocabulary.model.items()]
    assert "圖書館" in words
    # Facts: the dated opening is on the timeline.
    assert any("2023" in (fact.date or "") for fact in window.facts.timeline.records)
    # Library: the open document is the one marked as current.
    assert _library_bold_titles(window) == ["青禾圖書館"]
    assert window.windowTitle().startswith("青禾圖書館")


def test_a_status_change_reaches_the_reader_and_the_vocabulary(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("青禾圖書館", TEXT)
    index = token_index(window, "圖書館")
    click_token(qtbot, window, index)
    assert not window.reader.canvas.in_deck(index)
    qtbot.keyClick(window.reader.canvas, Qt.Key.Key_D)  # "add to deck"
    assert window.reader.canvas.in_deck(index)  # underlined in the text
    model = window.vocabulary.model
    row = next(r for r in range(model.rowCount()) if model.item(r).word == "圖書館")
    assert model.status(row) is WordStatus.LEARNING
    heard: list[tuple[list[str], str]] = []
    window.controller.statusesChanged.connect(lambda words, status: heard.append((words, status)))
    window.set_status(["图书馆"], WordStatus.KNOWN)
    assert heard == [(["图书馆"], "known")]
    assert not window.reader.canvas.in_deck(index)
    assert model.status(row) is WordStatus.KNOWN


def test_a_merge_makes_a_new_toolkit_and_leaves_the_old_one_alone(make_window: Any) -> None:
    window = make_window()
    window.open_text("分流", "晶片大分流正在發生。")
    old = window.controller.toolkit
    window.reader.canvas.select_token(token_index(window, "大"))
    window.act_merge.trigger()
    new = window.controller.toolkit
    assert new is not old and new.segmenter is not old.segmenter
    assert "大分流" in [t.text for t in window.reading.tokens]
    # A worker still analysing with the old toolkit sees the segmentation it started with.
    assert [p.simplified for p in old.segmenter.segment("大分流", "大分流")] == ["大", "分流"]
    window.split_word(token_index(window, "大分流"))
    assert window.controller.toolkit is not new
    assert "大分流" not in [t.text for t in window.reading.tokens]
    assert [p.simplified for p in new.segmenter.segment("大分流", "大分流")] == ["大分流"]


@pytest.mark.parametrize("bad", ["folder", "program"])
def test_a_bad_file_on_the_command_line_ends_with_the_sample(
    qtbot: Any, make_window: Any, tmp_path: Path, bad: str
) -> None:
    if bad == "folder":
        path = tmp_path / "Notes"
        path.mkdir()
    else:
        path = tmp_path / "ls"
        path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    window = make_window(start=False)
    with qtbot.waitSignal(window.errorShown):
        window.start(str(path))
    # The message names the file as it is, with its folder (no capital added to "ls").
    assert window.last_error.startswith(str(path) + " ")
    # Then the window shows what a start shows instead of waiting forever.
    assert window.reading is not None
    from dushu.core.sample import sample_text

    assert window.reading.analysis.text == sample_text()


def test_settings_apply_as_they_are_changed(make_window: Any) -> None:
    from dushu.gui.reader import ReadingStyle
    from dushu.gui.settings import load_settings

    window = make_window()
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog.isVisible()
    dialog.font_size.setValue(30)
    assert window.reader.canvas.options().font_size == 30  # before the dialog is closed
    dialog.reading_style.setCurrentIndex(list(ReadingStyle).index(ReadingStyle.ZHUYIN))
    assert window.reader.canvas.options().style is ReadingStyle.ZHUYIN
    assert window.style_combo.currentData() == "zhuyin"
    dialog.close_button.click()
    assert not dialog.isVisible()
    stored = load_settings(window.library)
    assert stored.font_size == 30 and stored.reading_style is ReadingStyle.ZHUYIN


def test_a_long_text_shows_its_first_page_before_the_whole_analysis(make_window: Any) -> None:
    from dushu.core.sample import sample_text
    from dushu.gui.controller import FIRST_SLICE_CHARS

    window = make_window()
    sample = sample_text()
    book = (sample + "\n") * (3 * FIRST_SLICE_CHARS // len(sample) + 2)
    seen: list[tuple[bool, int, bool, str]] = []

    def changed() -> None:
        reading = window.controller.reading
        seen.append(
            (
                window.controller.complete,
                reading.tokens[-1].end,
                window.reader.canvas.document() is reading,
                window.status_label.text(),
            )
        )
        waiting.append((not window.vocabulary.waiting.isHidden(), window.vocabulary.waiting.text()))
        waiting.append((not window.facts.waiting.isHidden(), window.facts.waiting.text()))

    waiting: list[tuple[bool, str]] = []
    labels: list[str] = []
    window.controller.documentChanged.connect(changed)
    window.controller.progress.connect(lambda label, done, total: labels.append(label))
    window.open_text("長篇", book)
    first, last = seen[0], seen[-1]
    assert first[0] is False and first[1] < len(book) and first[2]  # a first page, on screen
    assert last[0] is True and last[1] == len(book) and last[2]
    # While the rest was analysed, the window said what it was doing.
    assert "Finding vocabulary…" in labels and "Finding facts…" in labels
    # The Vocabulary and Facts tabs said why they were empty while the first page was shown.
    assert all(shown and "長篇" in text for shown, text in waiting[:2]), waiting[:4]
    assert window.vocabulary.waiting.isHidden() and window.facts.waiting.isHidden()
    assert window.reading.analysis.text == book
    assert [item.word for item in window.vocabulary.model.items()]


def test_a_cancelled_document_does_not_look_current(qtbot: Any, make_window: Any) -> None:
    from dushu.core.sample import sample_text
    from dushu.gui.tasks import ThreadTaskRunner

    window = make_window(runner=ThreadTaskRunner(), start=False)
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.start(None)
    previous = window.doc_info.title
    book = (sample_text() + "\n") * 40
    with qtbot.waitSignal(window.controller.documentChanged, timeout=30_000):
        window.open_text("很長的書", book)  # the first page shows while the rest is analysed
    assert window.reader.canvas.document() is window.reading
    assert window.cancel_button.isVisible()
    window.cancel_button.click()
    assert window.runner.wait(30_000)
    qtbot.wait(50)
    assert window.doc_info.title == previous and window.reading.analysis.text == sample_text()
    assert _library_bold_titles(window) == [previous]
    assert window.library.recent_documents(1)[0].title == previous  # what the next start opens


def _vocab_meaning(analysis: Any, word: str) -> tuple[str, ...]:
    item = next(v for v in analysis.vocabulary if v.word == word)
    return tuple(m for d in item.definitions for m in d.meanings)


def test_the_quiz_review_and_editor_tabs_follow_the_document(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, make_window: Any
) -> None:
    from dushu.core.models import Fact
    from dushu.gui import facts_view

    window = make_window()
    quiz, review, editor = window.quiz, window.review, window.quiz_editor
    window.open_text("青禾圖書館", TEXT)
    # An opened text: the quiz can be made from it, the editor adds from it, its facts can be reviewed.
    assert quiz.generate_button.isEnabled() and quiz.document_title == "青禾圖書館"
    assert editor.from_text_button.isEnabled()
    assert review.add_facts_button.isEnabled() and "青禾圖書館" in review.add_facts_button.toolTip()

    # A fact the learner adds in the Facts tab is one the quiz, the editor and the review can ask.
    mine = Fact(kind="event", text="青禾市圖書館開始借出雨傘", sentence=1, date="2023年5月")
    monkeypatch.setattr(facts_view._RecordTab, "_dialog", lambda self, title, old: mine)
    window.facts.timeline._add_record()
    for analysis in (quiz.analysis, editor._analysis, review._analysis):
        assert mine in analysis.facts

    # A meaning the learner wrote is the one the study tabs use.
    window.set_meaning("图书馆", "the town's book house")
    for analysis in (quiz.analysis, editor._analysis, review._analysis):
        assert _vocab_meaning(analysis, "圖書館") == ("the town's book house",)

    # A word put in the deck joins the review queue, and the tab's count says so.
    before = review.due_count()
    window.set_status(["图书馆"], WordStatus.LEARNING)
    assert review.due_count() == before + 1
    assert f"({before + 1})" in window.tabs.tabText(window.tabs.indexOf(review))

    # The document removed from the library: none of the three offers it any more.
    monkeypatch.setattr(
        "dushu.gui.library_view.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    window.library_view.table.selectRow(0)
    window.library_view._remove()
    assert window.doc_info is None
    assert not quiz.generate_button.isEnabled()
    assert not editor.from_text_button.isEnabled()
    assert not review.add_facts_button.isEnabled()


def test_dushu_quiz_keeps_the_set_in_front_of_the_document_that_opens_behind_it(
    qtbot: Any, make_window: Any
) -> None:
    from dushu.gui.tasks import ThreadTaskRunner

    deck = Path(__file__).resolve().parents[2] / "decks" / "sample-chip-supply-chains.toml"
    # The dictionary loads in the background, as on a real start: the sample opens after the set.
    window = make_window(runner=ThreadTaskRunner(), start=False, fresh_toolkit=True)
    with qtbot.waitSignal(window.documentShown, timeout=60_000):
        window.start_with_quiz(str(deck))
    assert window.tabs.currentWidget() is window.quiz
    assert window.quiz.session is not None and window.quiz.pages.currentWidget() is not window.quiz.chooser
    assert window.focusWidget() is not window.reader.canvas  # the learner's keys go to the quiz
    # A document the learner opens afterwards comes to the front as usual.
    window.open_text("短文", "我們每天學一點中文。\n")
    assert window.runner.wait(30_000)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.splitter, timeout=10_000)


def test_a_question_source_of_several_sentences_opens_the_first_in_the_reader(make_window: Any) -> None:
    from dushu.gui.bindings import show_source

    window = make_window()
    window.open_text("青禾圖書館", TEXT)
    first, second = (line for line in TEXT.splitlines())
    window.tabs.setCurrentWidget(window.quiz)
    # An order question quotes each event's sentence, one after the other, in the set's order.
    assert show_source(window.controller, f"{second} {first}")
    assert window.tabs.currentWidget() is window.splitter
    token = window.reader.canvas.selected_token()
    assert window.reading.tokens[token].sentence == 0
    # A quote cut with an ellipsis is found by its longest piece, not an earlier short one.
    window.open_text("他表示", "他表示，天氣很好。\n他表示，明年將調整稅率以因應通膨。\n")
    assert show_source(window.controller, "他表示，……以因應通膨。")
    assert window.reading.tokens[window.reader.canvas.selected_token()].sentence == 1
    assert not show_source(window.controller, "這句話不在文章裏。")
    assert "not in the open text" in window.status_label.text()
