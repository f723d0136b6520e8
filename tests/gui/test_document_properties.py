"""Document properties: the user sees and sets a document's published date; the facts follow it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from dushu.gui.document_properties import DocumentPropertiesDialog

pytestmark = pytest.mark.gui

UNDATED = "港口擴建\n\n市長昨天宣布擴建港口。2029年5月，議會通過預算。\n"
DATED = "2031-03-02\n\n市長昨天宣布擴建港口。\n"


def event_dates(window: Any) -> list[str]:
    return [f.date for f in window.reading.analysis.facts if f.kind == "event"]


def test_setting_the_published_date_dates_yesterday_and_survives_reopening(
    qtbot: Any, make_window: Any
) -> None:
    window = make_window()
    window.open_text("港口", UNDATED)
    doc_id = window.doc_info.id
    assert event_dates(window) == ["2029-05"]  # 昨天 stays undated: nothing says which day it was

    dialog = window.properties_dialog(doc_id)
    assert isinstance(dialog, DocumentPropertiesDialog)
    assert "no date of its own" in dialog.hint.text()
    dialog.date_edit.setText("2031/8/26")
    assert dialog.published() == "2031-08-26"
    dialog.resize(560, dialog.sizeHint().height())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/dates-dialog.png")
    dialog.close()

    with qtbot.waitSignal(window.documentShown):
        window.set_published(doc_id, dialog.published())
    assert event_dates(window) == ["2031-08-25", "2029-05"]
    assert window.library.published(doc_id) == "2031-08-26"

    window.open_text("別篇", "另一篇文章。")
    window.open_document(doc_id)
    assert event_dates(window) == ["2031-08-25", "2029-05"]


def test_a_typo_keeps_ok_disabled_and_says_how_to_write_it(make_window: Any) -> None:
    window = make_window()
    window.open_text("港口", UNDATED)
    dialog = window.properties_dialog(window.doc_info.id)
    ok = dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.date_edit.setText("2031-02-30")
    assert not ok.isEnabled()
    assert "YYYY-MM-DD" in dialog.problem.text()
    dialog.date_edit.setText("")
    assert ok.isEnabled() and dialog.published() == ""


def test_the_dialog_shows_the_texts_own_date(make_window: Any) -> None:
    window = make_window()
    window.open_text("港口", DATED)
    assert event_dates(window) == ["2031-03-01"]
    dialog = window.properties_dialog(window.doc_info.id)
    assert "2031-03-02" in dialog.hint.text()
    assert dialog.date_edit.placeholderText() == "2031-03-02"


def test_the_library_and_the_file_menu_open_the_properties(
    make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.open_text("港口", UNDATED)
    asked: list[int | None] = []
    monkeypatch.setattr(DocumentPropertiesDialog, "exec", lambda self: asked.append(1) or 0)
    window.act_properties.trigger()
    view = window.library_view
    view.table.selectRow(0)
    view._properties_btn.click()
    assert asked == [1, 1]
    assert window.library.published(window.doc_info.id) == ""  # cancelled: nothing stored
