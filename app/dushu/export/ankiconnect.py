"""Sending a deck to a running Anki through AnkiConnect 6, keeping what the learner added there.

Why not a package: Anki 26's importer replaces every field and the whole tag list of a note it
updates (a newer package wins), so a recording in *Audio* or a tag the learner added is gone after
the next import of a Dushu package. Here a note already in Anki gets only Dushu's own fields
(`updateNoteFields` with those fields; fields marked `user_owned` are never sent) and only the tags
it lacks (`addTags`); the learner's fields, tags, deck and review history stay. Notes not yet in
Anki arrive as a small package through `importPackage`, so they carry Dushu's GUIDs and note types
exactly as a package export would (a later package import still updates them in place).

A note is found by its key tag (`dushu.export.anki.note_key_tag`), else, for notes imported from a
package made before the key tags, by its first field (a word also by its Simplified form and
pinyin). The client speaks plain JSON over HTTP (urllib), so tests run it against a local server.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dushu.core.models import Analysis
from dushu.errors import Cancelled, ExportError
from dushu.export.anki import (
    INCLUDE_CHOICES,
    NOTE_KEY_TAG,
    Cancel,
    Progress,
    note_key_tag,
    nothing_to_export,
    plan_deck,
    write_apkg,
)
from dushu.export.anki_models import FIELD_DEFS, MODEL_NAMES
from dushu.export.anki_notes import NoteSpec

__all__ = ["DEFAULT_URL", "AnkiConnectError", "PushSummary", "anki_request", "push_deck"]

DEFAULT_URL = "http://127.0.0.1:8765"
API_VERSION = 6
ADDON_CODE = "2055492159"  # AnkiConnect on AnkiWeb
# Actions per `multi` request and notes per query: large enough to be quick, small enough that
# Anki's main thread (which runs every AnkiConnect request) stays responsive.
_BATCH = 100


class AnkiConnectError(ExportError):
    """Anki could not be reached or refused a request; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class PushSummary:
    """What a push did: notes added, updated (Dushu's fields or tags changed) and already up to date."""

    deck_name: str
    added: int
    updated: int
    unchanged: int
    vocab_notes: int
    fact_notes: int
    cloze_notes: int
    skipped_known: int
    skipped_below_hsk: int

    @property
    def notes(self) -> int:
        """Every note of the push."""
        return self.added + self.updated + self.unchanged


def anki_request(url: str, action: str, timeout: float = 30.0, **params: Any) -> Any:
    """One AnkiConnect action; returns its result or raises AnkiConnectError with a sentence to show."""
    body = json.dumps({"action": action, "version": API_VERSION, "params": params}).encode("utf-8")
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection
        raise AnkiConnectError(
            f"{url} answered HTTP {exc.code} instead of AnkiConnect; is it Anki's AnkiConnect address?"
        ) from None
    except TimeoutError:
        raise AnkiConnectError(
            f"Anki did not answer at {url} within {timeout:g} seconds; close any dialog open in Anki "
            "and try again"
        ) from None
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException, OSError):
        raise AnkiConnectError(
            f"cannot reach Anki at {url}: start Anki with the AnkiConnect add-on (code {ADDON_CODE}) "
            "and try again"
        ) from None
    try:
        reply = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        reply = None
    if not isinstance(reply, dict) or "result" not in reply or "error" not in reply:
        raise AnkiConnectError(f"{url} did not answer as AnkiConnect {API_VERSION} does")
    if reply["error"] is not None:
        raise AnkiConnectError(f"Anki refused {action}: {_one_line(reply['error'])}")
    return reply["result"]


def _multi(url: str, calls: Sequence[tuple[str, Mapping[str, Any]]], timeout: float) -> list[Any]:
    """Several actions in as few requests as possible (`multi`), results in order."""
    results: list[Any] = []
    for start in range(0, len(calls), _BATCH):
        batch = calls[start : start + _BATCH]
        actions = [{"action": a, "version": API_VERSION, "params": dict(p)} for a, p in batch]
        replies = anki_request(url, "multi", timeout, actions=actions)
        if not isinstance(replies, list) or len(replies) != len(batch):
            raise AnkiConnectError(f"{url} did not answer as AnkiConnect {API_VERSION} does")
        for (action, _), reply in zip(batch, replies, strict=True):
            if not isinstance(reply, dict) or reply.get("error") is not None:
                detail = reply.get("error") if isinstance(reply, dict) else reply
                raise AnkiConnectError(f"Anki refused {action}: {_one_line(detail)}")
            results.append(reply.get("result"))
    return results


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def push_deck(
    analysis: Analysis,
    *,
    url: str = DEFAULT_URL,
    deck_name: str | None = None,
    include: Iterable[str] = INCLUDE_CHOICES,
    min_hsk: int | None = None,
    known_words: Iterable[str] = frozenset(),
    spool_dir: str | os.PathLike[str] | None = None,
    timestamp: float | None = None,
    timeout: float = 30.0,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PushSummary:
    """Send the notes `export_deck` would write to the Anki running at `url`, updating in place.

    The options are those of `export_deck`. New notes travel as a package written to `spool_dir`
    (a folder Anki can read: the system's temporary folder by default) and removed afterwards.
    Raises AnkiConnectError when Anki cannot be reached or refuses, ExportError for a bad option or
    nothing to send.
    """
    plan = plan_deck(
        analysis, deck_name=deck_name, include=include, min_hsk=min_hsk, known_words=known_words,
        cancel=cancel,
    )  # fmt: skip
    if not plan.specs:
        raise ExportError(nothing_to_export(plan))
    version = anki_request(url, "version", timeout)
    if not isinstance(version, int) or version < API_VERSION:
        raise AnkiConnectError(
            f"AnkiConnect {version} is too old; Dushu needs version {API_VERSION} or newer"
        )

    found = _find_existing(url, plan.specs, timeout)
    updates: list[tuple[str, dict[str, Any]]] = []
    tag_calls: list[tuple[str, dict[str, Any]]] = []
    unchanged = 0
    new_specs: list[NoteSpec] = []
    for spec in plan.specs:
        notes = found.get(spec.guid)
        if not notes:
            new_specs.append(spec)
            continue
        changed = False
        for note in notes:
            fields = _changed_fields(spec, note)
            if fields:
                updates.append(("updateNoteFields", {"note": {"id": note["noteId"], "fields": fields}}))
            missing = _missing_tags(spec, note)
            if missing:
                tag_calls.append(("addTags", {"notes": [note["noteId"]], "tags": " ".join(missing)}))
            changed = changed or bool(fields or missing)
        unchanged += not changed
    total = len(updates) + len(tag_calls) + (1 if new_specs else 0)
    if cancel is not None and cancel():
        raise Cancelled()
    _multi(url, updates + tag_calls, timeout)
    if progress is not None:
        progress(len(updates) + len(tag_calls), max(total, 1))
    if new_specs:
        _import_new_notes(url, new_specs, plan.root, plan.source_title, spool_dir, timestamp, timeout)
    if progress is not None:
        progress(max(total, 1), max(total, 1))
    return PushSummary(
        plan.root,
        added=len(new_specs),
        updated=len(plan.specs) - len(new_specs) - unchanged,
        unchanged=unchanged,
        vocab_notes=plan.count("vocab"),
        fact_notes=plan.count("fact"),
        cloze_notes=plan.count("cloze"),
        skipped_known=plan.selection.skipped_known,
        skipped_below_hsk=plan.selection.skipped_below_hsk,
    )


def _dushu_fields(spec: NoteSpec) -> dict[str, str]:
    """The fields Dushu owns on a note of this kind, with their new values."""
    defs = FIELD_DEFS[spec.model]
    return {d.name: value for d, value in zip(defs, spec.fields, strict=True) if not d.user_owned}


def _changed_fields(spec: NoteSpec, note: Mapping[str, Any]) -> dict[str, str]:
    current = note.get("fields") or {}
    out = {}
    for name, value in _dushu_fields(spec).items():
        field = current.get(name)
        # A field the learner removed from the note type is not sent (Anki would ignore it anyway).
        if isinstance(field, Mapping) and field.get("value") != value:
            out[name] = value
    return out


def _missing_tags(spec: NoteSpec, note: Mapping[str, Any]) -> list[str]:
    # Anki's tags ignore case: 'Dushu::Vocab' the learner renamed counts as present.
    have = {str(t).casefold() for t in note.get("tags") or ()}
    wanted = [*spec.tags, note_key_tag(spec.guid)]
    return [t for t in dict.fromkeys(wanted) if t.casefold() not in have]


def _find_existing(url: str, specs: Sequence[NoteSpec], timeout: float) -> dict[str, list[dict[str, Any]]]:
    """The notes already in Anki for each spec's GUID: by key tag, else (older imports) by content."""
    by_key = {note_key_tag(s.guid).casefold(): s for s in specs}
    found: dict[str, list[dict[str, Any]]] = {}
    queries = [
        ("findNotes", {"query": " OR ".join(f"tag:{k}" for k in chunk)})  # keys are [0-9a-f:]
        for chunk in _chunks(list(by_key), _BATCH)
    ]
    ids = sorted({nid for result in _multi(url, queries, timeout) for nid in result or ()})
    for info in _notes_info(url, ids, timeout):
        for tag in info.get("tags") or ():
            spec = by_key.get(str(tag).casefold())
            if spec is not None and info.get("modelName") == MODEL_NAMES[spec.model]:
                found.setdefault(spec.guid, []).append(info)

    # Notes imported from a package made before the key tags: found by what they show.
    rest = [s for s in specs if s.guid not in found]
    if not rest:
        return found
    searches = [("findNotes", {"query": _content_query(s)}) for s in rest]
    candidates = _multi(url, searches, timeout)
    ids = sorted({nid for result in candidates for nid in result or ()})
    infos = {info["noteId"]: info for info in _notes_info(url, ids, timeout)}
    claimed: set[int] = set()
    for spec, result in zip(rest, candidates, strict=True):
        for nid in result or ():
            candidate = infos.get(nid)
            if candidate is None or nid in claimed or not _same_note(spec, candidate):
                continue
            found.setdefault(spec.guid, []).append(candidate)
            claimed.add(nid)
            break
    return found


def _notes_info(url: str, ids: Sequence[int], timeout: float) -> list[dict[str, Any]]:
    calls = [("notesInfo", {"notes": list(chunk)}) for chunk in _chunks(list(ids), _BATCH)]
    results = _multi(url, calls, timeout)
    # A note deleted in Anki meanwhile comes back as an empty object.
    infos = (info for result in results for info in result or ())
    return [info for info in infos if isinstance(info, dict) and "noteId" in info]


def _content_query(spec: NoteSpec) -> str:
    defs = FIELD_DEFS[spec.model]
    first = defs[0].name
    return f'"note:{_escape(MODEL_NAMES[spec.model])}" "{_escape(first)}:{_escape(spec.fields[0])}"'


def _same_note(spec: NoteSpec, info: Mapping[str, Any]) -> bool:
    """Whether a note found by its first field is this spec's: never one that has a key tag (that
    one is another note's), and a word only with the same Simplified form and pinyin (行 xíng and
    行 háng are two notes)."""
    if info.get("modelName") != MODEL_NAMES[spec.model]:
        return False
    if any(str(t).casefold().startswith(NOTE_KEY_TAG) for t in info.get("tags") or ()):
        return False
    fields = info.get("fields") or {}
    checked = ("Word", "Simplified", "Pinyin") if spec.model == "vocab" else (FIELD_DEFS[spec.model][0].name,)
    values = dict(zip((d.name for d in FIELD_DEFS[spec.model]), spec.fields, strict=True))
    return all(isinstance(fields.get(n), Mapping) and fields[n].get("value") == values[n] for n in checked)


def _escape(text: str) -> str:
    """Text inside a double-quoted Anki search term: quotes, backslashes, wildcards and colons taken
    literally (Anki's search syntax escapes each with a backslash)."""
    return re.sub(r'([\\"*_:])', r"\\\1", text)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _import_new_notes(
    url: str,
    specs: Sequence[NoteSpec],
    root: str,
    source_title: str,
    spool_dir: str | os.PathLike[str] | None,
    timestamp: float | None,
    timeout: float,
) -> None:
    """Hand the new notes to Anki as a package (Anki's own importer adds them with Dushu's GUIDs)."""
    folder = Path(spool_dir) if spool_dir is not None else Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="dushu-push-", suffix=".apkg", dir=folder)
    os.close(handle)
    package = Path(name)
    try:
        stamp = time.time() if timestamp is None else float(timestamp)
        write_apkg(package, list(specs), root=root, source_title=source_title, timestamp=stamp)
        # Importing can take a while in a large collection: a longer wait than for one request.
        anki_request(url, "importPackage", max(timeout, 120.0), path=str(package.resolve()))
    finally:
        with contextlib.suppress(OSError):
            package.unlink()
