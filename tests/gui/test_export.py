"""The export dialog: an Anki package or a CSV list is written, with progress, skipping known words."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from dushu.storage.library import WordStatus

pytestmark = pytest.mark.gui


def _dialog(window: Any) -> Any:
    window.export()
    dialog = window.export_dialog
    assert dialog.isVisible()
    return dialog


def test_export_writes_an_anki_package(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    window.set_status(["供应链", "半导体"], WordStatus.LEARNING)
    dialog = _dialog(window)
    assert dialog.only_deck.isChecked()  # the deck has words, so they are what is exported
    target = tmp_path / "chips.apkg"
    dialog.path.setText(str(target))
    dialog.deck_name.setText("Chips")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file(), dialog.message.text()
    with zipfile.ZipFile(target) as package:
        names = package.namelist()
    assert any(n.startswith("collection.anki2") for n in names)
    assert dialog.progress.value() == 100
    assert "Saved" in dialog.message.text()
    assert dialog.last_summary.vocab_notes == 2
    assert window.library.setting("export_folder") == str(tmp_path)


def test_csv_export_leaves_known_words_out(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    window.set_status(["供应链"], WordStatus.KNOWN)
    dialog = _dialog(window)
    dialog.all_words.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    target = tmp_path / "words.csv"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file(), dialog.message.text()
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    words = {cell for row in rows for cell in row[:3]}
    assert "半導體" in words
    assert "供應鏈" not in words
    assert "1 known words were left out" in dialog.message.text()


def test_an_empty_deck_is_explained_not_exported(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    dialog = _dialog(window)
    dialog.only_deck.setChecked(True)
    dialog.include_facts.setChecked(False)
    dialog.include_cloze.setChecked(False)
    target = tmp_path / "empty.apkg"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not target.exists()
    assert "no words" in dialog.message.text()


def test_an_unwritable_target_gives_one_clear_line(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    dialog = _dialog(window)
    dialog.all_words.setChecked(True)
    dialog.path.setText(str(tmp_path / "no such folder" / "deck.apkg"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    message = dialog.message.text()
    assert "does not exist" in message
    assert "Traceback" not in message
    assert dialog.export_button.isEnabled()


def test_export_runs_in_the_background_and_can_finish(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    from dushu.gui.tasks import ThreadTaskRunner

    window = make_window()
    window.runner = ThreadTaskRunner()
    dialog = _dialog(window)
    dialog.all_words.setChecked(True)
    target = tmp_path / "threaded.apkg"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file()
    window.runner.wait(5000)
