"""The user's preferences, kept in the library's settings table: reading style, colours, font, language."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dushu.gui.reader import ReaderOptions, ReadingStyle
from dushu.storage.library import Library

__all__ = ["MAX_FONT_SIZE", "MIN_FONT_SIZE", "AppSettings", "load_settings", "save_settings"]

MIN_FONT_SIZE = 12
MAX_FONT_SIZE = 72


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Everything the Settings dialog edits."""

    reading_style: ReadingStyle = ReadingStyle.PINYIN
    tone_colours: bool = True
    sandhi: bool = False
    font_family: str = ""  # "" picks the best installed Chinese font
    font_size: int = 24
    language: str = "system"  # "system", "en", "zh_TW", "zh_CN"

    def reader_options(self, default_family: str) -> ReaderOptions:
        """The reader's options for these settings."""
        return ReaderOptions(
            style=self.reading_style,
            tone_colours=self.tone_colours,
            sandhi=self.sandhi,
            font_family=self.font_family or default_family,
            font_size=self.font_size,
        )

    def with_font_size(self, size: int) -> AppSettings:
        """A copy with the font size clamped to what the reader supports."""
        return replace(self, font_size=max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size)))


_KEY = "app"


def load_settings(library: Library) -> AppSettings:
    """Settings from the library; anything missing or invalid falls back to its default."""
    data = library.setting(_KEY, {})
    if not isinstance(data, dict):
        data = {}
    defaults = AppSettings()
    style = _pick(data, "reading_style", str, defaults.reading_style)
    try:
        reading_style = ReadingStyle(style)
    except ValueError:
        reading_style = defaults.reading_style
    language = _pick(data, "language", str, defaults.language)
    if language not in ("system", "en", "zh_TW", "zh_CN"):
        language = defaults.language
    return AppSettings(
        reading_style=reading_style,
        tone_colours=_pick(data, "tone_colours", bool, defaults.tone_colours),
        sandhi=_pick(data, "sandhi", bool, defaults.sandhi),
        font_family=_pick(data, "font_family", str, defaults.font_family),
        font_size=_pick(data, "font_size", int, defaults.font_size),
        language=language,
    ).with_font_size(_pick(data, "font_size", int, defaults.font_size))


def save_settings(library: Library, settings: AppSettings) -> None:
    """Store settings in the library."""
    library.set_setting(
        _KEY,
        {
            "reading_style": str(settings.reading_style),
            "tone_colours": settings.tone_colours,
            "sandhi": settings.sandhi,
            "font_family": settings.font_family,
            "font_size": settings.font_size,
            "language": settings.language,
        },
    )


def _pick(data: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = data.get(key, default)
    if kind is int and isinstance(value, bool):
        return default
    return value if isinstance(value, kind) else default
