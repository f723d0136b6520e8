"""Refresh the Qt translation files after GUI strings changed, then compile them.

    python packaging/update_translations.py

pyside6-lupdate adds new source strings to resources/translations/dushu_*.ts (keeping every existing
translation); translate the new entries with Qt Linguist (pyside6-linguist) or any text editor, then
run this again so pyside6-lrelease writes the .qm files the app loads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_TW", "zh_CN")


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def main() -> int:
    """Update and compile every translation."""
    sources = sorted(str(p) for p in (ROOT / "app" / "dushu" / "gui").glob("*.py"))
    for language in LANGUAGES:
        ts = ROOT / "resources" / "translations" / f"dushu_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none",
             "-target-language", language],
            check=True,
        )  # fmt: skip
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
