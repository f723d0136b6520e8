"""A one-line notice across the top of a view: what is being done while its content is not ready."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["NoticeBanner"]


class NoticeBanner(QLabel):
    """A pale strip with one sentence; hidden while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #eef4fb; color: #1f3b57; border: 1px solid #9dbbd9; padding: 6px;"
            " border-radius: 3px; }"
        )
        self.hide()

    def say(self, text: str) -> None:
        """Show `text` ("" hides the banner)."""
        self.setText(text)
        self.setVisible(bool(text))
