"""A local stand-in for AnkiConnect 6 over a real `anki` collection, for the push tests.

Each action does what AnkiConnect does with the collection (its `updateNoteFields` sets only the
fields it is given, `addTags` adds, `importPackage` runs Anki's package importer with the options
AnkiConnect's importer shim uses in Anki 26), so the tests see the real backend's behaviour; only
the HTTP and JSON around it are ours. One thread serves requests, one at a time, as Anki does.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import anki.collection as anki_collection


class FakeAnkiConnect:
    """The actions Dushu uses, over `col`; `calls` records each action's name for the tests."""

    def __init__(self, col: Any) -> None:
        self.col = col
        self.calls: list[str] = []

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        action = request.get("action", "")
        self.calls.append(action)
        try:
            return {"result": getattr(self, f"do_{action}")(**(request.get("params") or {})), "error": None}
        except AttributeError:
            return {"result": None, "error": "unsupported action"}
        except Exception as exc:  # AnkiConnect reports any failure as the error string
            return {"result": None, "error": str(exc)}

    def do_version(self) -> int:
        return 6

    def do_multi(self, actions: list[dict[str, Any]]) -> list[Any]:
        return [self.handle(a) for a in actions]

    # The do_* names are AnkiConnect's action names.
    def do_findNotes(self, query: str) -> list[int]:
        return list(self.col.find_notes(query))

    def do_notesInfo(self, notes: list[int]) -> list[dict[str, Any]]:
        out = []
        for nid in notes:
            note = self.col.get_note(nid)
            model = note.note_type()
            assert model is not None
            out.append({
                "noteId": note.id,
                "modelName": model["name"],
                "tags": list(note.tags),
                "fields": {name: {"value": note[name], "order": i} for i, name in enumerate(note.keys())},
                "cards": [c.id for c in note.cards()],
                "mod": note.mod,
            })  # fmt: skip
        return out

    def do_updateNoteFields(self, note: dict[str, Any]) -> None:
        target = self.col.get_note(note["id"])
        for name, value in note["fields"].items():
            if name in target:
                target[name] = value
        self.col.update_note(target)

    def do_addTags(self, notes: list[int], tags: str) -> None:
        self.col.tags.bulk_add(notes, tags)

    def do_importPackage(self, path: str) -> bool:
        options = anki_collection.ImportAnkiPackageOptions(
            merge_notetypes=True, with_scheduling=True, with_deck_configs=True
        )
        request = anki_collection.ImportAnkiPackageRequest(package_path=path, options=options)
        self.col.import_anki_package(request)
        self.col.models._clear_cache()
        return True


@contextmanager
def serving(col: Any) -> Iterator[tuple[str, FakeAnkiConnect]]:
    """Serve a FakeAnkiConnect over `col` on a free local port; yields its URL and the fake."""
    fake = FakeAnkiConnect(col)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            reply = json.dumps(fake.handle(json.loads(body))).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet tests

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
