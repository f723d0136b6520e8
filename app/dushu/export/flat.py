"""Flat word lists for other study tools: Pleco (TSV) and Quizlet or spreadsheets (CSV).

Both are UTF-8 text, one entry a line, written atomically; document text never spans cells or lines.

**TSV — Pleco** (`dushu deck FILE --format tsv -o words.txt`; in Pleco: Import Cards, text file).
Vocabulary only. The first line is ``//<deck name>``, which Pleco reads as the category to file the
cards in; every other line has three tab-separated columns and there is no header:

=============  ==============================================================
1 headword     Simplified form, then the Traditional in brackets when it differs: ``行动[行動]``
2 pinyin       tone numbers, syllables written together, ü as v: ``xing2dong4``
3 definition   the meanings for the reading used in the text, separated by ``; ``
=============  ==============================================================

**CSV — Quizlet and spreadsheets** (`--format csv`). RFC 4180 (commas, double quotes where needed),
with a byte-order mark so that Excel reads the Chinese correctly, and a header row. The first two
columns are Quizlet's term and definition: copy them from a spreadsheet into Quizlet's import box.

=================  ==========================================================
term               vocabulary: the word; fact: the question; cloze: the sentence with ＿＿ blanks
definition         vocabulary: ``pinyin — meanings``; fact: the answer; cloze: the whole sentence
pinyin             tone marks, syllables written together (facts and cloze: readings of key terms)
pinyin_numbers     tone numbers: ``xing2dong4``
zhuyin             bopomofo, syllables separated by spaces
meaning            the meanings, separated by ``; ``
traditional        Traditional form
simplified         Simplified form
hsk                HSK 3.0 level: 1–6, ``7-9``, or empty
example            the sentence of the text where the word first occurs
kind               ``vocab``, ``fact`` or ``cloze``
=================  ==========================================================

A cell that would start with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so that a spreadsheet
shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from dushu.core.models import VocabItem
from dushu.errors import ExportError
from dushu.export.anki_fields import (
    meaning_plain,
    numbered_plain,
    pinyin_plain,
    plain_line,
    zhuyin,
)
from dushu.export.anki_notes import NoteSpec
from dushu.export.atomic import write_atomically

CSV_HEADER = (
    "term", "definition", "pinyin", "pinyin_numbers", "zhuyin", "meaning",
    "traditional", "simplified", "hsk", "example", "kind",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@")


def pleco_headword(item: VocabItem) -> str:
    """Pleco's headword form: ``简体[繁體]``, or the word alone when both scripts write it alike."""
    simplified = plain_line(item.simplified or item.word)
    traditional = plain_line(item.traditional or item.word)
    return simplified if simplified == traditional else f"{simplified}[{traditional}]"


def pleco_rows(items: Iterable[VocabItem]) -> list[tuple[str, str, str]]:
    """The three Pleco columns for each word."""
    return [(pleco_headword(i), numbered_plain(i.pinyin), meaning_plain(i)) for i in items]


def write_pleco_tsv(path: Path, items: Sequence[VocabItem], *, category: str) -> int:
    """Write the Pleco TSV; returns the number of cards. Raises ExportError when there are no words."""
    rows = pleco_rows(items)
    if not rows:
        raise ExportError("nothing to export: the Pleco list holds vocabulary, and no words were selected")
    lines = [f"//{plain_line(category)}"]
    lines.extend("\t".join(_tsv_cell(c) for c in row) for row in rows)
    _write_text_atomically(path, "\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def _tsv_cell(text: str) -> str:
    return plain_line(text)  # plain_line already turned tabs and line breaks into spaces


def _hsk_cell(level: int | None) -> str:
    if level is None:
        return ""
    return "7-9" if level >= 7 else str(level)


def csv_rows(items: Iterable[VocabItem], notes: Iterable[NoteSpec]) -> list[tuple[str, ...]]:
    """The CSV rows (without header): vocabulary first, then facts and cloze sentences."""
    rows: list[tuple[str, ...]] = []
    for item in items:
        pinyin = pinyin_plain(item.pinyin)
        meaning = meaning_plain(item)
        definition = f"{pinyin} — {meaning}" if pinyin and meaning else (meaning or pinyin)
        rows.append((
            plain_line(item.word), definition, pinyin, numbered_plain(item.pinyin),
            " ".join(zhuyin(s) for s in item.pinyin), meaning, plain_line(item.traditional),
            plain_line(item.simplified), _hsk_cell(item.hsk), plain_line(item.example), "vocab",
        ))  # fmt: skip
    for note in notes:
        if note.model == "vocab":
            continue
        front, back, reading = note.plain
        rows.append((front, back, reading, "", "", "", "", "", "", "", note.model))
    return rows


def write_csv(path: Path, items: Sequence[VocabItem], notes: Sequence[NoteSpec]) -> int:
    """Write the CSV; returns the number of rows. Raises ExportError when there is nothing to write."""
    rows = csv_rows(items, notes)
    if not rows:
        raise ExportError("nothing to export: no words, facts or sentences were selected")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(tuple(_csv_cell(c) for c in row) for row in rows)
    _write_text_atomically(path, buffer.getvalue(), encoding="utf-8-sig")
    return len(rows)


def _csv_cell(text: str) -> str:
    text = plain_line(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_text_atomically(path: Path, text: str, *, encoding: str) -> None:
    data = text.encode(encoding)

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    write_atomically(path, write)
