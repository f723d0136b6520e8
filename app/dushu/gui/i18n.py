"""The interface language: Qt translations for English, Traditional and Simplified Chinese."""

from __future__ import annotations

from contextlib import ExitStack
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["LANGUAGES", "current_language", "install_language", "resolve_language"]

# Setting value -> name shown in the language menu (each in its own language, as people look for it).
LANGUAGES: dict[str, str] = {
    "system": "",  # follows the system; the label is translated where it is shown
    "en": "English",
    "zh_TW": "繁體中文",
    "zh_CN": "简体中文",
}

_installed: list[QTranslator] = []
_current = ["en"]  # the language last installed (views that write names in it read it)


def current_language() -> str:
    """The interface language in use: "en", "zh_TW" or "zh_CN"."""
    return _current[0]


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """The language to use ("en", "zh_TW" or "zh_CN") for a setting, "system" reading the locale."""
    if setting in ("en", "zh_TW", "zh_CN"):
        return setting
    loc = locale or QLocale.system()
    if loc.language() != QLocale.Language.Chinese:
        return "en"
    if loc.script() == QLocale.Script.TraditionalChineseScript or loc.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    ):
        return "zh_TW"
    return "zh_CN"


def install_language(language: str) -> bool:
    """Switch the interface to `language` ("en", "zh_TW", "zh_CN"); widgets retranslate on LanguageChange.

    Returns False when Dushu's translation file for it could not be loaded (English is then shown).
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    if language == "en":
        return True
    ok = True
    ours = QTranslator(app)
    with ExitStack() as stack:
        path = stack.enter_context(
            resources.as_file(
                resources.files("dushu.resources").joinpath(f"translations/dushu_{language}.qm")
            )
        )
        ok = path.is_file() and ours.load(str(path))
    if ok:
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
        _current[0] = language
    # Qt's own strings (standard buttons such as OK / Cancel, file dialogs).
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return ok
