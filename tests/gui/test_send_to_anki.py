"""File → Send to Anki: the open text's notes go to a running Anki (AnkiConnect), the learner's own
fields kept; Anki not running is one sentence in a dialog. A local AnkiConnect over a real collection."""

from __future__ import annotations

import importlib.util
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.gui

anki_collection = pytest.importorskip("anki.collection", reason="the anki package does not install here")

TEXT = "2031年4月2日，河洛港務局宣布開放新航線。\n柯文遠局長說，兩港會擴大合作。\n"


def _fake() -> Any:
    path = Path(__file__).resolve().parents[1] / "integration" / "fake_ankiconnect.py"
    spec = importlib.util.spec_from_file_location("dushu_tests_fake_ankiconnect_gui", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def anki(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        with _fake().serving(col) as (url, _):
            yield url, col
    finally:
        col.close()


def test_send_to_anki_keeps_the_learners_recording(make_window: Any, anki: tuple[str, Any]) -> None:
    url, col = anki
    window = make_window()
    window.library.set_setting("ankiconnect_url", url)
    window.open_text("河洛港", TEXT)
    window.set_meaning("合作", "to team up (mine)")
    window.act_send_to_anki.trigger()
    assert window.status_label.text().startswith("Sent to Anki: ")
    assert window.last_error == ""
    added = col.note_count()
    assert added > 0
    (nid,) = col.find_notes("Word:合作")
    note = col.get_note(nid)
    assert "to team up (mine)" in note["Meaning"]
    note["Audio"] = "[sound:my-voice.mp3]"
    col.update_note(note)

    window.set_meaning("合作", "to cooperate (mine)")
    window.send_to_anki()
    note = col.get_note(nid)
    assert note["Audio"] == "[sound:my-voice.mp3]" and "to cooperate (mine)" in note["Meaning"]
    assert col.note_count() == added
    assert window.act_send_to_anki.isEnabled()


def test_anki_not_running_is_one_sentence_in_a_dialog(make_window: Any) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    window = make_window()
    window.library.set_setting("ankiconnect_url", f"http://127.0.0.1:{port}")
    window.open_text("河洛港", TEXT)
    window.send_to_anki()
    assert window.last_error.startswith(f"Cannot reach Anki at http://127.0.0.1:{port}: start Anki")
    assert "\n" not in window.last_error
    assert window.act_send_to_anki.isEnabled()
