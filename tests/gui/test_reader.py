"""Reading: the sample opens, a click shows a word's definitions, keys move, statuses stick."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt

from dushu.core.senses import learner_meaning
from dushu.gui.reader import ReadingStyle
from dushu.storage.library import WordStatus

from .helpers import click_token, token_index

pytestmark = pytest.mark.gui


def test_first_start_opens_the_bundled_sample(make_window: Any) -> None:
    window = make_window()
    assert window.reading is not None
    docs = window.library.documents()
    assert len(docs) == 1
    assert window.reading.analysis.text.startswith(docs[0].title)
    assert docs[0].title in window.windowTitle()
    assert window.reader.canvas.layout_height() > 500
    assert window.vocabulary.model.rowCount() > 100


def test_clicking_a_word_shows_all_its_definitions(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    index = token_index(window, "供應鏈")
    click_token(qtbot, window, index)
    assert window.reader.canvas.selected_token() == index
    assert window.panel.token() == index
    text = window.panel.definitions_text()
    assert "supply chain" in text
    item = window.reading.vocab_for(index)
    script = window.reading.analysis.script
    for definition in item.definitions:
        for meaning in definition.meanings:
            assert learner_meaning(meaning, script, limit=10_000) in text


def test_the_panel_shows_the_sense_the_sentence_uses_first(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("緊張", "兩國關係日益緊張。")
    click_token(qtbot, window, token_index(window, "緊張"))
    text = window.panel.definitions_text()
    assert text.startswith("In this sentence: intense; tense; strained")
    assert "nervous" in text, "every definition is still listed below it"
    assert not re.search(r"[\[\]|]|[a-z][1-5]\b|CL:", text), "no CC-CEDICT notation"


def test_a_word_with_several_readings_lists_every_entry(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("多音字", "好，行。")
    index = token_index(window, "行", 0)
    click_token(qtbot, window, index)
    text = window.panel.definitions_text()
    assert "xíng" in text and "háng" in text


def test_other_occurrences_jump_to_the_word(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    first = token_index(window, "分流", 0)
    second = token_index(window, "分流", 1)
    click_token(qtbot, window, first)
    window.panel.occurrenceActivated.emit(second)
    assert window.reader.canvas.selected_token() == second
    assert window.reader.canvas.token_rect(second) is not None


def test_arrow_keys_move_from_word_to_word_skipping_punctuation(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("短句", "我們學習中文，很有意思。")
    canvas = window.reader.canvas
    start = token_index(window, "中文")
    click_token(qtbot, window, start)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert window.reading.tokens[canvas.selected_token()].text == "很"  # the comma is skipped
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert window.reading.tokens[canvas.selected_token()].text == "學習"
    assert window.panel.token() == canvas.selected_token()


def test_i_know_this_updates_the_vocabulary_view(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    index = token_index(window, "供應鏈")
    click_token(qtbot, window, index)
    qtbot.mouseClick(window.panel._known, Qt.MouseButton.LeftButton)
    key = window.reading.vocab_for(index).simplified
    assert window.library.status(key) is WordStatus.KNOWN
    view = window.vocabulary
    row = next(r for r in range(view.model.rowCount()) if view.model.item(r).word == "供應鏈")
    assert view.model.status(row) is WordStatus.KNOWN
    assert "供應鏈" in view.visible_words()
    view.set_filters(hide_known=True)
    assert "供應鏈" not in view.visible_words()
    # Clicking again undoes it.
    qtbot.mouseClick(window.panel._known, Qt.MouseButton.LeftButton)
    assert window.library.status(key) is WordStatus.NEW
    assert "供應鏈" in view.visible_words()


def test_keyboard_d_adds_the_selected_word_to_the_deck(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    index = token_index(window, "半導體")
    click_token(qtbot, window, index)
    qtbot.keyClick(window.reader.canvas, Qt.Key.Key_D)
    assert window.library.status(window.reading.vocab_for(index).simplified) is WordStatus.LEARNING
    assert window.panel._deck.isChecked()


def test_reading_styles_change_what_is_drawn(make_window: Any) -> None:
    window = make_window()
    canvas = window.reader.canvas
    with_pinyin = canvas.layout_height()
    window.set_reading_style(ReadingStyle.NONE)
    assert canvas.options().style is ReadingStyle.NONE
    assert canvas.layout_height() < with_pinyin  # no reading line above the characters
    window.set_reading_style(ReadingStyle.ZHUYIN)
    assert canvas._display("nián") == "ㄋㄧㄢˊ"
    window.set_reading_style(ReadingStyle.NUMBERS)
    assert canvas._display("nián") == "nian2"


def test_bigger_text_lays_out_taller(make_window: Any) -> None:
    window = make_window()
    before = window.reader.canvas.layout_height()
    window.change_font_size(8)
    assert window.reader.canvas.layout_height() > before
    assert window.library.setting("app")["font_size"] == window.settings.font_size


def test_hovering_a_word_outlines_it(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    index = token_index(window, "供應鏈")
    canvas = window.reader.canvas
    canvas.scroll_to_token(index)
    rect = canvas.token_rect(index)
    qtbot.mouseMove(canvas.viewport(), rect.center().toPoint())
    assert canvas._hover == index


def test_the_reading_position_is_remembered(make_window: Any) -> None:
    window = make_window()
    canvas = window.reader.canvas
    target = token_index(window, "分流", 1)
    canvas.scroll_to_token(target, top=True)
    window.save_position()
    saved = window.library.document(window.doc_info.id).position
    assert saved > 0
    window.close()
    again = make_window()  # reopens the last document where the user stopped
    first = again.reader.canvas.first_visible_token()
    assert first is not None
    assert abs(again.reading.tokens[first].start - saved) < 60


def test_clicking_a_number_explains_its_units(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.open_text("數字", "日本承諾投資5500億美元。")
    index = token_index(window, "5500億美元")
    click_token(qtbot, window, index)
    text = window.panel.definitions_text()
    assert "100 million" in text and "dollar" in text
    assert "No dictionary entry" not in text


def test_a_year_stays_together_under_its_reading(make_window: Any) -> None:
    window = make_window()
    window.open_text("年份", "2016年會見美國總統。")
    canvas = window.reader.canvas
    index = token_index(window, "2016年")
    layout = canvas._layout
    digits, year = layout.items[layout.by_token[index]].runs
    assert year.chars == "年" and year.readings, "年 has its reading above it"
    gap = (year.x + year.chars_x) - (digits.x + digits.width)
    assert abs(gap) < 0.5, "年 follows 2016 without a gap, its reading reaching over the digits"


def test_the_white_circle_zero_of_a_year_has_its_reading_above_it(make_window: Any) -> None:
    window = make_window()
    window.open_text("年份", "二○二三年會見美國總統。")
    index = token_index(window, "二○二三年")
    layout = window.reader.canvas._layout
    (run,) = layout.items[layout.by_token[index]].runs
    assert run.chars == "二○二三年"
    assert [shown.strip("'") for shown, _ in run.readings] == ["èr", "líng", "èr", "sān", "nián"]
