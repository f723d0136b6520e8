"""Merging and splitting words: stored as the user's words and applied to every later analysis."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import token_index

pytestmark = pytest.mark.gui


def _texts(window: Any) -> list[str]:
    return [t.text for t in window.reading.tokens]


def test_merge_with_next_word_is_stored_and_reapplied(make_window: Any) -> None:
    window = make_window(fresh_toolkit=True)
    window.open_text("分流", "晶片大分流正在發生。")
    assert "大" in _texts(window) and "分流" in _texts(window)
    window.reader.canvas.select_token(token_index(window, "大"))
    window.act_merge.trigger()
    assert window.library.merged_words() == ["大分流"]
    assert "大分流" in _texts(window)
    # The merged word is selected again after the new analysis.
    assert window.reading.tokens[window.reader.canvas.selected_token()].text == "大分流"
    window.close()
    # A later session (new toolkit built from the library) keeps it whole in another text too.
    later = make_window(fresh_toolkit=True, start=False)
    later.start(None)
    later.open_text("另一篇", "這是一場大分流。")
    assert "大分流" in _texts(later)


def test_merge_needs_a_following_chinese_word(make_window: Any) -> None:
    window = make_window()
    window.open_text("短", "我們，好。")
    window.merge_with_next(token_index(window, "我們"))
    assert window.library.merged_words() == []
    assert "merged" in window.last_error


def test_split_word_is_stored_and_reapplied(make_window: Any) -> None:
    window = make_window(fresh_toolkit=True)
    window.open_text("鏈", "全球供應鏈重組。")
    index = token_index(window, "供應鏈")
    window.split_word(index)
    assert window.library.split_words() == ["供应链"]
    assert "供應鏈" not in _texts(window)
    assert "供應" in _texts(window)
    window.close()
    later = make_window(fresh_toolkit=True)
    later.open_text("鏈二", "供應鏈很長。")
    assert "供應鏈" not in _texts(later)


def test_splitting_a_single_character_is_refused(make_window: Any) -> None:
    window = make_window()
    window.open_text("字", "好，行。")
    window.split_word(token_index(window, "行"))
    assert window.library.split_words() == []
    assert window.last_error
