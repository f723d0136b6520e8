"""The vocabulary table: filters, multi-select statuses, meanings the user edits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from dushu.gui.vocabulary_view import Column
from dushu.storage.library import WordStatus

pytestmark = pytest.mark.gui


def _row(view: Any, word: str) -> int:
    return next(r for r in range(view.model.rowCount()) if view.model.item(r).word == word)


def test_the_table_lists_word_pinyin_meaning_hsk_count_and_status(make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    model = view.model
    row = _row(view, "供應鏈")
    cells = [model.index(row, c).data() for c in range(Column.COUNT_ALL)]
    assert cells[0] == "供應鏈"
    assert cells[1] == "gōng yìng liàn"
    assert "supply chain" in cells[2]
    assert cells[4] == model.item(row).count >= 2
    assert cells[5] == "new"


def test_hsk_filter_keeps_higher_levels_and_unlisted_words(make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    view.set_filters(min_hsk=4)
    shown = set(view.visible_words())
    items = {i.word: i for i in view.model.items()}
    assert shown
    assert all(items[w].hsk is None or items[w].hsk >= 4 for w in shown)
    assert "的" not in shown  # HSK 1
    assert any(items[w].hsk is None for w in shown)


def test_search_finds_words_by_pinyin_without_tones_and_by_meaning(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    view.set_filters(search="gongyinglian")
    assert view.visible_words() == ["供應鏈"]
    view.set_filters(search="supply chain")
    assert "供應鏈" in view.visible_words()
    view.set_filters(search="")
    assert len(view.visible_words()) == view.model.rowCount()


def test_multi_select_marks_known_and_adds_to_deck(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    window.tabs.setCurrentWidget(view)
    view.select_words(["供應鏈", "半導體", "分流"])
    assert len(view.selected_words()) == 3
    qtbot.mouseClick(view._known_btn, Qt.MouseButton.LeftButton)
    assert window.library.words_with_status(WordStatus.KNOWN) >= {"供应链", "半导体", "分流"}
    view.set_filters(hide_known=True)
    assert not {"供應鏈", "半導體", "分流"} & set(view.visible_words())
    view.set_filters(hide_known=False)
    view.select_words(["供應鏈"])
    qtbot.mouseClick(view._deck_btn, Qt.MouseButton.LeftButton)
    assert window.library.status("供应链") is WordStatus.LEARNING
    assert view.model.index(_row(view, "供應鏈"), Column.STATUS).data() == "learning"


def test_an_edited_meaning_persists_and_reaches_the_export(make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    row = _row(view, "分流")
    proxy_index = view.proxy.mapFromSource(view.model.index(row, Column.MEANING))
    assert view.proxy.setData(proxy_index, "divergence (of supply chains)")
    assert window.library.meaning("分流") == "divergence (of supply chains)"
    assert view.model.index(row, Column.MEANING).data() == "divergence (of supply chains)"
    window.close()
    again = make_window()  # a new session on the same library
    row = _row(again.vocabulary, "分流")
    assert again.vocabulary.model.index(row, Column.MEANING).data() == "divergence (of supply chains)"
    again.export()  # the Export dialog gets the analysis with the user's edits applied
    exported = again.export_dialog._analysis
    again.export_dialog.close()
    item = next(i for i in exported.vocabulary if i.word == "分流")
    assert item.definitions[0].meanings == ("divergence (of supply chains)",)
    assert item.definitions[0].source == "user"


def test_clearing_a_meaning_goes_back_to_the_dictionary(make_window: Any) -> None:
    window = make_window()
    window.set_meaning("分流", "my meaning")
    window.set_meaning("分流", "")
    assert window.library.meaning("分流") is None
    row = _row(window.vocabulary, "分流")
    assert "diverge" in window.vocabulary.model.index(row, Column.MEANING).data()


def test_double_clicking_a_word_shows_it_in_the_reader(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    window.tabs.setCurrentWidget(view)
    row = _row(view, "分流")
    index = view.proxy.mapFromSource(view.model.index(row, Column.WORD))
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    # A real double click is a press first: item views only report a double click on a pressed row.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.splitter
    selected = window.reader.canvas.selected_token()
    assert window.reading.tokens[selected].text == "分流"


def test_the_reading_column_follows_the_zhuyin_setting(make_window: Any) -> None:
    from dushu.gui.reader import ReadingStyle

    window = make_window()
    view = window.vocabulary
    row = _row(view, "供應鏈")
    view.set_reading_style(ReadingStyle.ZHUYIN)
    assert view.model.index(row, Column.PINYIN).data() == "ㄍㄨㄥ ㄧㄥˋ ㄌㄧㄢˋ"
    assert view.model.headerData(Column.PINYIN, Qt.Orientation.Horizontal) == "Zhuyin"
    view.set_reading_style(ReadingStyle.NUMBERS)
    assert view.model.index(row, Column.PINYIN).data() == "gong1 ying4 lian4"
    view.set_reading_style(ReadingStyle.PINYIN)
    assert view.model.index(row, Column.PINYIN).data() == "gōng yìng liàn"


def test_meanings_are_written_for_a_learner_without_cedict_notation(make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    view.set_context(window.reading.analysis)
    row = _row(view, "年")  # CC-CEDICT: "year; CL:個|个[ge4]"
    assert any("CL:" in m for d in view.model.item(row).definitions for m in d.meanings)
    meaning = view.model.index(row, Column.MEANING).data()
    tooltip = view.model.index(row, Column.MEANING).data(Qt.ItemDataRole.ToolTipRole)
    assert "year" in meaning
    for shown in (meaning, tooltip):
        assert "CL:" not in shown and "[" not in shown and "|" not in shown
    assert "measure word: 個 gè" in tooltip
    for r in range(view.model.rowCount()):
        assert "CL:" not in view.model.index(r, Column.MEANING).data()


def test_the_meaning_column_gives_the_sense_the_text_uses(make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    row = _row(view, "被")  # the dictionary's first sense is "quilt"; the text uses it for the passive
    meaning = view.model.index(row, Column.MEANING).data()
    assert "passive" in meaning and "quilt" not in meaning
    assert "passive" in view.model.index(row, Column.MEANING).data(Qt.ItemDataRole.ToolTipRole)


def test_sorting_keeps_the_selected_words_selected(make_window: Any) -> None:
    window = make_window()
    view = window.vocabulary
    view.select_words(["供應鏈", "半導體"])
    view.table.sortByColumn(Column.COUNT, Qt.SortOrder.DescendingOrder)
    counts = [view.model.item(r).count for r in range(view.model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert sorted(view.selected_words()) == sorted(["供应链", "半导体"])
    view.table.sortByColumn(Column.WORD, Qt.SortOrder.AscendingOrder)
    assert view.visible_words()[:3] == [i.word for i in view.model.items()[:3]]


def test_the_word_panel_and_the_hover_line_have_no_cedict_notation(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    index = next(i for i, t in enumerate(window.reading.tokens) if t.text == "年")
    window.reader.canvas.select_token(index)  # the word the learner clicked
    shown = window.panel.definitions_text()
    assert "year" in shown and "measure word: 個 gè" in shown
    assert "CL:" not in shown and "[ge4]" not in shown and "|" not in shown
    hover = window.reading.meaning_at(index)
    assert hover.startswith("year") and "CL:" not in hover and "[" not in hover


def test_the_hover_line_gives_the_sense_of_the_sentence(make_window: Any) -> None:
    window = make_window()
    index = next(i for i, t in enumerate(window.reading.tokens) if t.text == "被")
    hover = window.reading.meaning_at(index)
    assert "passive" in hover and "quilt" not in hover
