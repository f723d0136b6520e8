"""The entry point: `dushu.gui.app.run()` shows the window and opens the sample on first start.

`run()` owns the QApplication's event loop, so each case runs in a fresh Python process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dushu.gui import app as gui_app

pytestmark = pytest.mark.gui

_CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from dushu.gui import app
from dushu.gui.main_window import MainWindow

seen = {}

def watch():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, watch)
        return
    window = windows[0]
    def shown():
        seen["title"] = window.windowTitle()
        seen["text"] = window.reading.analysis.text if window.reading else ""
        seen["documents"] = len(window.library.documents())
        window.close()
    if window.reading is not None:
        shown()
    else:
        window.documentShown.connect(shown)

QTimer.singleShot(0, watch)
QTimer.singleShot(60_000, QApplication.quit)
open_path = sys.argv[1] if len(sys.argv) > 1 else None
code = app.run(["dushu", *sys.argv[1:]], open_path)
print(json.dumps({"code": code, **seen}, ensure_ascii=False))
"""


def _run(home: Path, *args: str) -> dict[str, Any]:
    env = {**os.environ, "DUSHU_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_run_opens_the_sample_on_first_start(dushu_home: Path, shared_cache: Path) -> None:
    os.symlink(shared_cache, dushu_home / "cache")  # reuse the session's dictionary index
    result = _run(dushu_home)
    assert result["code"] == 0
    assert "供應鏈" in result["text"]
    assert "Dushu" in result["title"]
    assert result["documents"] == 1
    # The second start reopens the last document instead of adding the sample again.
    again = _run(dushu_home)
    assert again["text"] == result["text"]
    assert again["documents"] == 1


def test_run_opens_a_given_file(dushu_home: Path, shared_cache: Path, tmp_path: Path) -> None:
    os.symlink(shared_cache, dushu_home / "cache")
    path = tmp_path / "open-me.txt"
    path.write_text("命令列打開的文章。\n", encoding="utf-8")
    result = _run(dushu_home, str(path))
    assert result["code"] == 0
    assert result["text"].startswith("命令列打開的文章")


def test_the_icon_loads(qapp: Any) -> None:
    assert not gui_app.app_icon().isNull()
