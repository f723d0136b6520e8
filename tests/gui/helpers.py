"""Small helpers the GUI tests share: finding and clicking words in the reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def token_index(window: Any, text: str, nth: int = 0) -> int:
    """The index of the nth token whose text is `text`."""
    hits = [i for i, t in enumerate(window.reading.tokens) if t.text == text]
    assert len(hits) > nth, f"{text!r} is not a word of the text (tokens: {len(window.reading.tokens)})"
    return hits[nth]


def click_token(qtbot: Any, window: Any, index: int) -> None:
    """Click a word of the reader like a user would (scrolling it into view first)."""
    canvas = window.reader.canvas
    canvas.scroll_to_token(index)
    rect = canvas.token_rect(index)
    assert rect is not None, "the word is not on the page shown"
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
