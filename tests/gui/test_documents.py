"""Opening documents: files in any encoding, bad files, paste, drop, the library and recent files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from dushu.gui.tasks import ThreadTaskRunner

pytestmark = pytest.mark.gui


def test_opening_a_big5_file(make_window: Any, tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes("熊本工廠\n台積電在熊本設廠。\n".encode("big5"))
    window = make_window()
    window.open_path(str(path))
    assert window.reading.analysis.text.startswith("熊本工廠")
    assert window.doc_info.title == "熊本工廠"
    assert window.doc_info.source == str(path)


def test_a_bad_file_gives_one_line_and_keeps_the_document(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    window = make_window()
    shown = window.reading
    with qtbot.waitSignal(window.errorShown):
        window.open_path(str(path))
    assert "\n" not in window.last_error
    assert "PNG" in window.last_error
    assert "Traceback" not in window.last_error
    assert window.reading is shown  # what was open stays open


def test_a_missing_file_gives_one_line(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    window.open_path(str(tmp_path / "gone.txt"))
    assert window.last_error
    assert "\n" not in window.last_error


def test_loading_a_file_in_the_background(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes("简体中文的文章。".encode("gb18030"))
    window = make_window(runner=ThreadTaskRunner())
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.open_path(str(path))
    assert window.reading.analysis.text == "简体中文的文章。"


def test_dropping_a_file_opens_it(make_window: Any, tmp_path: Path) -> None:
    path = tmp_path / "drop.txt"
    path.write_text("拖放的文章。", encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.reading.analysis.text == "拖放的文章。"


def test_pasting_text_opens_it_and_keeps_it(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    from dushu.gui import library_view

    monkeypatch.setattr(library_view.PasteDialog, "exec", lambda self: 1)
    monkeypatch.setattr(library_view.PasteDialog, "text", lambda self: "貼上的文章。")
    monkeypatch.setattr(library_view.PasteDialog, "title", lambda self: "")
    window = make_window()
    window.paste_text()
    assert window.reading.analysis.text == "貼上的文章。"
    assert window.library.documents()[0].title == "貼上的文章。"


def test_the_library_lists_documents_and_opens_them(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    sample_id = window.doc_info.id
    window.open_text("第二篇", "第二篇文章。")
    view = window.library_view
    view.refresh()
    assert view.table.rowCount() == 2
    titles = [view.table.item(r, 0).text() for r in range(2)]
    assert "第二篇" in titles
    row = next(r for r in range(2) if view.table.item(r, 0).text() != "第二篇")
    view.table.selectRow(row)
    qtbot.mouseClick(view._open_btn, Qt.MouseButton.LeftButton)
    assert window.doc_info.id == sample_id


def test_recent_menu_lists_documents(make_window: Any) -> None:
    window = make_window()
    window.open_text("第二篇", "第二篇文章。")
    window._fill_recent()
    labels = [a.text() for a in window.menu_recent.actions()]
    assert labels[0] == "第二篇"
    window.menu_recent.actions()[1].trigger()
    assert window.doc_info.title != "第二篇"


def test_removing_the_open_document_clears_the_views(
    monkeypatch: pytest.MonkeyPatch, make_window: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view = window.library_view
    view.table.selectRow(0)
    view._remove()
    assert window.library.documents() == []
    assert window.reading is None
    assert window.vocabulary.model.rowCount() == 0
