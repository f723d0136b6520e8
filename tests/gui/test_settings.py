"""Settings: stored in the library, applied at once; the interface language switches live."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from dushu.gui.i18n import install_language, resolve_language
from dushu.gui.reader import ReadingStyle
from dushu.gui.settings import AppSettings, load_settings, save_settings
from dushu.storage.library import Library

pytestmark = pytest.mark.gui

GUI_SOURCES = Path(__file__).resolve().parents[2] / "app" / "dushu" / "gui"
TRANSLATIONS = resources.files("dushu.resources").joinpath("translations")


def test_settings_round_trip_and_bad_values_fall_back(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        assert load_settings(library) == AppSettings()
        wanted = AppSettings(ReadingStyle.ZHUYIN, False, True, "Noto Sans CJK TC", 30, "zh_TW")
        save_settings(library, wanted)
        assert load_settings(library) == wanted
        library.set_setting("app", {"reading_style": "klingon", "font_size": 999, "language": "xx"})
        loaded = load_settings(library)
        assert loaded.reading_style is ReadingStyle.PINYIN
        assert loaded.font_size == 72
        assert loaded.language == "system"


def test_the_settings_dialog_applies_and_remembers(make_window: Any) -> None:
    from dushu.gui.settings_dialog import SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window.settings, window)
    dialog.reading_style.setCurrentIndex(list(ReadingStyle).index(ReadingStyle.ZHUYIN))
    dialog.tone_colours.setChecked(False)
    dialog.font_size.setValue(30)
    window.apply_settings(dialog.settings())
    options = window.reader.canvas.options()
    assert options.style is ReadingStyle.ZHUYIN
    assert not options.tone_colours
    assert options.font_size == 30
    assert window.style_combo.currentData() == "zhuyin"
    assert load_settings(window.library).font_size == 30


def test_system_language_is_resolved_from_the_locale() -> None:
    assert resolve_language("system", QLocale("zh_TW")) == "zh_TW"
    assert resolve_language("system", QLocale("zh_HK")) == "zh_TW"
    assert resolve_language("system", QLocale("zh_CN")) == "zh_CN"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("zh_CN", QLocale("en_US")) == "zh_CN"


@pytest.mark.parametrize(
    ("language", "reader", "vocabulary"),
    [("zh_TW", "閱讀", "詞彙"), ("zh_CN", "阅读", "词汇"), ("en", "Reader", "Vocabulary")],
)
def test_the_interface_switches_language_live(
    make_window: Any, language: str, reader: str, vocabulary: str
) -> None:
    window = make_window()
    try:
        window.apply_settings(replace(window.settings, language=language))
        QCoreApplication.processEvents()
        assert window.tabs.tabText(0) == reader
        assert window.tabs.tabText(1) == vocabulary
    finally:
        install_language("en")
        QCoreApplication.processEvents()


def _ts_messages(name: str) -> dict[tuple[str, str], ET.Element]:
    root = ET.fromstring(TRANSLATIONS.joinpath(name).read_text(encoding="utf-8"))
    out = {}
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(ctx, message.findtext("source") or "")] = message
    return out


def _source_strings() -> set[tuple[str, str]]:
    """Every translate("Context", "text") in the GUI sources (adjacent literals joined)."""
    found = set()
    call = re.compile(r'translate\(\s*"(\w+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', re.S)
    for path in GUI_SOURCES.glob("*.py"):
        for m in call.finditer(path.read_text(encoding="utf-8")):
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
            text = "".join(parts).encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            found.add((m.group(1), text))
    return found


@pytest.mark.parametrize("name", ["dushu_zh_TW.ts", "dushu_zh_CN.ts"])
def test_translations_are_complete(name: str) -> None:
    messages = _ts_messages(name)
    sources = _source_strings()
    assert len(sources) > 150
    missing = sorted(sources - set(messages))
    assert not missing, f"{name} lacks {len(missing)} strings, e.g. {missing[:3]}"
    unfinished = [
        key
        for key, m in messages.items()
        if key in sources
        and (
            m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()
        )
    ]
    assert not unfinished, f"{name} has {len(unfinished)} untranslated strings, e.g. {unfinished[:3]}"


@pytest.mark.parametrize("language", ["zh_TW", "zh_CN"])
def test_compiled_translations_are_up_to_date(language: str) -> None:
    ts = TRANSLATIONS.joinpath(f"dushu_{language}.ts")
    qm = TRANSLATIONS.joinpath(f"dushu_{language}.qm")
    assert qm.is_file(), f"run pyside6-lrelease on {ts}"
    assert Path(str(qm)).stat().st_mtime >= Path(str(ts)).stat().st_mtime - 1, f"{qm} is older than {ts}"
