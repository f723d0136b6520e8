"""The app tells the user, in a dialog naming the kept copy, that their library was damaged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.gui

_CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from dushu.gui import app
from dushu.gui.main_window import MainWindow

seen = {"dialogs": []}

def watch():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    if windows:
        boxes += windows[0].findChildren(QMessageBox)
    if not windows or not boxes:
        QTimer.singleShot(20, watch)
        return
    seen["dialogs"] = [b.text() for b in boxes if b.isVisible()]
    seen["documents"] = len(windows[0].library.documents())
    windows[0].close()

QTimer.singleShot(0, watch)
QTimer.singleShot(60_000, QApplication.quit)
print(json.dumps({"code": app.run(["dushu"]), **seen}, ensure_ascii=False))
"""


def test_a_damaged_library_is_named_in_a_dialog_and_the_app_starts(
    dushu_home: Path, shared_cache: Path
) -> None:
    library = dushu_home / "data" / "library.sqlite3"
    library.parent.mkdir(parents=True, exist_ok=True)
    library.write_bytes(b"")  # emptied by a sync tool: damage, not a new library
    env = {**os.environ, "DUSHU_HOME": str(dushu_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    kept = [p for p in library.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1
    assert any("damaged" in text and str(kept[0]) in text for text in result["dialogs"]), result


def test_a_library_error_in_the_middle_of_a_session_is_a_dialog(make_window: Any) -> None:
    from dushu.gui.app import slot_error_hook
    from dushu.storage.library import LibraryBusyError

    window = make_window(start=False)
    passed_on: list[BaseException] = []
    hook = slot_error_hook(window, lambda kind, exc, tb: passed_on.append(exc))
    busy = LibraryBusyError("another Dushu is using the library; close it and try again")
    hook(LibraryBusyError, busy, None)
    assert window.last_error == "Another Dushu is using the library; close it and try again"
    assert passed_on == []  # the user's own kind of error: no traceback
    hook(KeyError, KeyError("x"), None)
    assert "Something went wrong" in window.last_error and len(passed_on) == 1
