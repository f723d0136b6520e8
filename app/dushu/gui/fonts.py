"""Choosing fonts that have Chinese characters, and telling the user when there is none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase

__all__ = ["NO_CJK_FONT_MESSAGE", "cjk_families", "default_family", "has_cjk_font", "no_cjk_font_message"]

# The first of these that is installed wins; Traditional texts get Traditional glyph shapes.
_PREFERRED = {
    "traditional": (
        "Noto Sans CJK TC",
        "Noto Sans TC",
        "Source Han Sans TC",
        "PingFang TC",
        "Microsoft JhengHei",
        "Noto Sans CJK HK",
        "Heiti TC",
    ),
    "simplified": (
        "Noto Sans CJK SC",
        "Noto Sans SC",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "Heiti SC",
        "WenQuanYi Micro Hei",
    ),
}

NO_CJK_FONT_MESSAGE = (
    "No font with Chinese characters is installed, so the text would show as empty boxes. "
    "Install one (for example the package fonts-noto-cjk) and start Dushu again."
)


def no_cjk_font_message() -> str:
    """NO_CJK_FONT_MESSAGE in the interface language."""
    return QCoreApplication.translate(
        "Fonts",
        "No font with Chinese characters is installed, so the text would show as empty boxes. "
        "Install one (for example the package fonts-noto-cjk) and start Dushu again.",
    )


def cjk_families() -> list[str]:
    """Installed font families that can show Traditional or Simplified Chinese."""
    families: dict[str, None] = {}
    ws = QFontDatabase.WritingSystem
    for system in (ws.TraditionalChinese, ws.SimplifiedChinese):
        for family in QFontDatabase.families(system):
            families.setdefault(family, None)
    return list(families)


def has_cjk_font() -> bool:
    """True when at least one installed font covers Chinese."""
    return bool(cjk_families())


def default_family(script: str = "traditional") -> str:
    """The best installed Chinese font family for a script ("traditional" or "simplified")."""
    installed = set(cjk_families())
    other = "simplified" if script == "traditional" else "traditional"
    for family in (*_PREFERRED.get(script, ()), *_PREFERRED[other]):
        if family in installed:
            return str(family)
    sans = [f for f in installed if "sans" in f.lower() and "mono" not in f.lower()]
    if sans:
        return sorted(sans)[0]
    return sorted(installed)[0] if installed else str(QFont().family())
