"""The AnkiConnect client's answers to servers that are not (or not quite) AnkiConnect: one sentence each."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from dushu.export.ankiconnect import AnkiConnectError, anki_request

Reply = Callable[[dict[str, Any]], tuple[int, bytes]]


@contextmanager
def _server(reply: Reply) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            status, data = reply(body)
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _answer(result: Any = None, error: Any = None) -> Reply:
    return lambda body: (200, json.dumps({"result": result, "error": error}).encode())


def test_a_request_is_version_6_json_and_returns_the_result() -> None:
    seen: list[dict[str, Any]] = []

    def reply(body: dict[str, Any]) -> tuple[int, bytes]:
        seen.append(body)
        return 200, json.dumps({"result": [1, 2], "error": None}).encode()

    with _server(reply) as url:
        assert anki_request(url, "findNotes", query="tag:dushu") == [1, 2]
    assert seen == [{"action": "findNotes", "version": 6, "params": {"query": "tag:dushu"}}]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (_answer(error="collection is not available"), "Anki refused version: collection is not available"),
        (lambda body: (404, b"not here"), "answered HTTP 404 instead of AnkiConnect"),
        (lambda body: (200, b"<html>a router's page</html>"), "did not answer as AnkiConnect 6 does"),
        (lambda body: (200, b'{"ok": true}'), "did not answer as AnkiConnect 6 does"),
    ],
)
def test_what_is_not_ankiconnect_is_one_sentence(reply: Reply, expected: str) -> None:
    with _server(reply) as url, pytest.raises(AnkiConnectError) as caught:
        anki_request(url, "version")
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_an_old_ankiconnect_is_named() -> None:
    from dushu.core.models import Analysis, Script, Sentence, Token, VocabItem
    from dushu.export.ankiconnect import push_deck

    text = "港口"
    item = VocabItem(text, text, text, ("gǎng", "kǒu"), (), 4, 3.0, 1, text, 0, 0)
    analysis = Analysis(
        text, Script.TRADITIONAL, (Sentence(0, 0, 2, text),), (Token(text, 0, 2, 0, "n", ("gǎng", "kǒu")),),
        (item,), title="港口",
    )  # fmt: skip
    with _server(_answer(result=5)) as url, pytest.raises(AnkiConnectError, match="AnkiConnect 5 is too old"):
        push_deck(analysis, url=url, include=["vocab"])


def test_a_silent_anki_is_a_timeout_sentence() -> None:
    release = threading.Event()

    def reply(body: dict[str, Any]) -> tuple[int, bytes]:
        release.wait(5)
        return 200, b"{}"

    with _server(reply) as url:
        with pytest.raises(AnkiConnectError, match=r"did not answer at .* within 0\.3 seconds"):
            anki_request(url, "version", timeout=0.3)
        release.set()
