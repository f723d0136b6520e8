"""Exporting an Analysis as an Anki package (.apkg) that updates in place, or as a flat list: `export_deck`.

A package holds up to three note types (see anki_models): *Dushu Vocabulary*, *Dushu Fact* and
*Dushu Cloze*, in the sub-decks ``<Deck>::Vocabulary`` and ``<Deck>::Facts``. Every note's GUID comes
from what it is about (anki_notes), deck ids from deck names and note types have fixed ids, so
importing a newer export of the same text updates the notes already in Anki: no duplicates, no copied
note types, and the cards keep their review history. Anki updates a note only when the package is
newer than the note, which is why the package timestamp is the time of export. Every note also
carries a tag naming its identity (`note_key_tag`): Anki cannot search by GUID, and that tag is how
`dushu.export.ankiconnect` finds the note again to update Dushu's fields in a running Anki.

``fmt="csv"`` and ``fmt="tsv"`` write the flat lists described in dushu.export.flat instead.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from dushu.core.models import Analysis
from dushu.errors import Cancelled, ExportError
from dushu.export import flat
from dushu.export.anki_fields import escape_html, plain_line
from dushu.export.anki_models import cloze_model, fact_model, vocabulary_model
from dushu.export.anki_notes import NoteSpec, VocabSelection, build_notes, select_vocabulary
from dushu.export.atomic import write_atomically

INCLUDE_CHOICES = ("vocab", "facts", "cloze")
FORMATS = ("apkg", "csv", "tsv")
VOCAB_SUBDECK = "Vocabulary"
FACTS_SUBDECK = "Facts"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# The namespace of the tags that name a note's identity (see note_key_tag).
NOTE_KEY_TAG = "dushu::id::"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: where, in which format, how many notes of each kind and cards."""

    path: Path
    format: str
    deck_name: str
    vocab_notes: int
    fact_notes: int
    cloze_notes: int
    cards: int
    skipped_known: int
    skipped_below_hsk: int
    decks: tuple[str, ...] = ()

    @property
    def notes(self) -> int:
        """All notes (CSV/TSV rows) written."""
        return self.vocab_notes + self.fact_notes + self.cloze_notes


@dataclass(frozen=True, slots=True)
class DeckPlan:
    """The notes one export makes from an analysis, before they are written anywhere."""

    root: str  # the deck name; notes go to <root>::Vocabulary and <root>::Facts
    source_title: str
    wanted: tuple[str, ...]  # the parts included: vocab, facts, cloze
    selection: VocabSelection
    specs: tuple[NoteSpec, ...]

    def count(self, model: str) -> int:
        """How many notes of one model ("vocab", "fact", "cloze") the plan holds."""
        return sum(1 for s in self.specs if s.model == model)


def note_key_tag(guid: str) -> str:
    """The tag that names a note's identity (its GUID) in a form Anki's search finds (`tag:…`):
    Anki has no search by GUID, and AnkiConnect shows none."""
    return NOTE_KEY_TAG + hashlib.sha256(f"dushu-note:{guid}".encode()).hexdigest()[:16]


def subdeck_name(root: str, spec: NoteSpec) -> str:
    """The deck a new note goes to: <root>::Vocabulary for words, <root>::Facts for the rest."""
    return f"{root}::{VOCAB_SUBDECK if spec.deck == VOCAB_SUBDECK else FACTS_SUBDECK}"


def plan_deck(
    analysis: Analysis,
    *,
    deck_name: str | None = None,
    include: Iterable[str] = INCLUDE_CHOICES,
    min_hsk: int | None = None,
    known_words: Iterable[str] = frozenset(),
    cancel: Cancel | None = None,
) -> DeckPlan:
    """The notes of an export (what `export_deck` writes and `push_deck` sends), options checked.

    Raises ExportError for a bad option and dushu.errors.Cancelled when `cancel()` turns true.
    """
    wanted = _check_include(include)
    if min_hsk is not None and not (isinstance(min_hsk, int) and 1 <= min_hsk <= 7):
        raise ExportError(f"the minimum HSK level must be a whole number from 1 to 7, not {min_hsk!r}")
    root = clean_deck_name(deck_name) if deck_name is not None else default_deck_name(analysis)
    if not root:
        raise ExportError("the deck name is empty")
    source_title = plain_line(analysis.title) or root

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    selection = select_vocabulary(analysis, min_hsk=min_hsk, known_words=known_words)
    specs = build_notes(analysis, selection, include=wanted, source_title=source_title, tick=check_cancel)
    return DeckPlan(root, source_title, wanted, selection, tuple(specs))


def nothing_to_export(plan: DeckPlan) -> str:
    """Why a plan without notes exports nothing, in one sentence."""
    return _nothing_to_export(plan.wanted, plan.selection.skipped_known, plan.selection.skipped_below_hsk)


def deck_id_for(name: str) -> int:
    """A deck id derived from the deck's name, so the same deck gets the same id on every export."""
    digest = hashlib.sha256(f"dushu-deck:{name}".encode()).digest()
    # Positive and below 2**53 so that every JSON reader keeps it exact.
    return (1 << 40) + int.from_bytes(digest[:8], "big") % (1 << 52)


def default_deck_name(analysis: Analysis) -> str:
    """The deck name for a text: its title, else its file name, else "Dushu"."""
    title = plain_line(analysis.title)
    if not title and analysis.source:
        title = plain_line(Path(analysis.source).stem)
    # A "::" in a document title would silently nest the deck; full-width colons keep it one name.
    return title.replace("::", "：：") or "Dushu"


def clean_deck_name(name: str) -> str:
    """A deck name as Anki stores it: no empty ``::`` parts, no surrounding spaces or quotes."""
    parts = [plain_line(p).strip('"') for p in name.split("::")]
    return "::".join(p for p in parts if p)


def export_deck(
    analysis: Analysis,
    path: str | os.PathLike[str],
    *,
    deck_name: str | None = None,
    include: Iterable[str] = INCLUDE_CHOICES,
    min_hsk: int | None = None,
    known_words: Iterable[str] = frozenset(),
    fmt: str = "apkg",
    timestamp: float | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportSummary:
    """Write `analysis` as an Anki package (or a CSV/TSV list) to `path`, atomically.

    `deck_name` defaults to the text's title; `include` picks "vocab", "facts" and "cloze" notes;
    words below `min_hsk` (1–7; words not on the HSK list are kept) and `known_words` are skipped.
    `timestamp` (seconds since the epoch, default now) stamps notes and note types; `progress(done,
    total)` is called as notes are written and `cancel()` is polled: when it returns true the export
    stops with dushu.errors.Cancelled and nothing is written.
    Raises ExportError for a bad option, nothing to export, or a path that cannot be written.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    wanted = _check_include(include)
    out = Path(path)
    _check_target(out)
    plan = plan_deck(
        analysis, deck_name=deck_name, include=wanted, min_hsk=min_hsk, known_words=known_words, cancel=cancel
    )
    root, source_title, selection, specs = plan.root, plan.source_title, plan.selection, list(plan.specs)
    counts = {kind: plan.count(kind) for kind in ("vocab", "fact", "cloze")}

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    if fmt in ("csv", "tsv"):
        if fmt == "tsv":
            rows = flat.write_pleco_tsv(out, selection.items if "vocab" in wanted else (), category=root)
            counts = {"vocab": rows, "fact": 0, "cloze": 0}
        else:
            rows = flat.write_csv(out, selection.items if "vocab" in wanted else (), specs)
        if progress is not None:
            progress(1, 1)
        return ExportSummary(
            out, fmt, root, counts["vocab"], counts["fact"], counts["cloze"], rows,
            selection.skipped_known, selection.skipped_below_hsk,
        )  # fmt: skip

    if not specs:
        raise ExportError(nothing_to_export(plan))
    stamp = time.time() if timestamp is None else float(timestamp)
    cards, decks = write_apkg(
        out, specs, root=root, source_title=source_title, timestamp=stamp, progress=progress,
        check_cancel=check_cancel,
    )  # fmt: skip
    return ExportSummary(
        out, "apkg", root, counts["vocab"], counts["fact"], counts["cloze"], cards,
        selection.skipped_known, selection.skipped_below_hsk, decks,
    )  # fmt: skip


def _check_include(include: Iterable[str]) -> tuple[str, ...]:
    if isinstance(include, str):  # "vocab,facts" as typed on the command line
        include = include.split(",")
    wanted = tuple(dict.fromkeys(i.strip().lower() for i in include if i.strip()))
    unknown = [i for i in wanted if i not in INCLUDE_CHOICES]
    if unknown:
        raise ExportError(f"cannot include {', '.join(unknown)}; choose from {', '.join(INCLUDE_CHOICES)}")
    if not wanted:
        raise ExportError(f"nothing to include; choose from {', '.join(INCLUDE_CHOICES)}")
    return wanted


def _check_target(out: Path) -> None:
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name for the export")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"the folder {parent} does not exist")


def _nothing_to_export(wanted: tuple[str, ...], known: int, below: int) -> str:
    reasons = []
    if known:
        reasons.append(f"{known} known words skipped")
    if below:
        reasons.append(f"{below} words below the HSK level skipped")
    detail = f" ({'; '.join(reasons)})" if reasons else ""
    return f"nothing to export: the text gives no notes for {', '.join(wanted)}{detail}"


def write_apkg(
    out: Path,
    specs: list[NoteSpec],
    *,
    root: str,
    source_title: str,
    timestamp: float,
    progress: Progress | None = None,
    check_cancel: Callable[[], None] = lambda: None,
) -> tuple[int, tuple[str, ...]]:
    """Write the notes as an .apkg at `out` (atomically); returns the card count and the deck names."""
    models = {"vocab": vocabulary_model(), "fact": fact_model(), "cloze": cloze_model()}
    description = escape_html(
        f"Made by Dushu from “{source_title}”. Word meanings from CC-CEDICT (CC BY-SA 4.0)."
    )
    decks: dict[str, genanki.Deck] = {root: genanki.Deck(deck_id_for(root), root, description)}
    placed: list[tuple[genanki.Deck, genanki.Note]] = []
    for position, spec in enumerate(specs):
        name = subdeck_name(root, spec)
        if name not in decks:
            decks[name] = genanki.Deck(deck_id_for(name), name, description)
        tags = [*spec.tags, note_key_tag(spec.guid)]
        note = genanki.Note(
            model=models[spec.model], fields=list(spec.fields), tags=tags, guid=spec.guid,
            due=position,  # new cards come up in the order Dushu suggests studying them
        )  # fmt: skip
        decks[name].add_model(note.model)
        placed.append((decks[name], note))

    total = len(placed) + 1
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        cursor.executescript(APKG_SCHEMA)
        cursor.executescript(APKG_COL)
        for deck in decks.values():
            deck.write_to_db(cursor, timestamp, iter(()))  # deck and note-type records only
        ids = itertools.count(int(timestamp * 1000))
        cards = 0
        for done, (deck, note) in enumerate(placed, start=1):
            note.write_to_db(cursor, timestamp, deck.deck_id, ids)
            cards += len(note.cards)
            if done % 100 == 0:
                check_cancel()
                if progress is not None:
                    progress(done, total)
        check_cancel()
        conn.commit()
        database = conn.serialize()
    finally:
        conn.close()

    _write_zip_atomically(out, database)
    if progress is not None:
        progress(total, total)
    return cards, tuple(decks)


def _write_zip_atomically(out: Path, database: bytes) -> None:
    def write(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("collection.anki2", database)
            archive.writestr("media", json.dumps({}))  # Dushu packages carry no media files

    write_atomically(out, write)
