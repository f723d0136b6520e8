"""The words a learner already knows: read from a word list or from an Anki export (.apkg / .colpkg).

An Anki package is a zip archive. Only the collection database inside it is read, into memory, by
its fixed name; no name from the archive is ever used as a path, and nothing is extracted to disk.
A package is untrusted: a small file can inflate to gigabytes (a "zip bomb"), and its size headers
can lie. So each stage is streamed twice, in chunks: first only counting (a collection larger than
MAX_COLLECTION_BYTES is refused before it takes memory), then reading what was counted. Damaged
data (a broken deflate or Zstandard stream, note rows of the wrong type) is an InputFileError.
Newer Anki versions compress the collection with Zstandard (``collection.anki21b``). Python 3.11 has
no Zstandard decoder, so one of the packages ``zstandard``, ``pyzstd`` or ``backports.zstd`` (or the
``anki`` package itself) must be installed to read those; older-format packages need nothing.
With only ``anki`` installed, the package is imported into a throwaway collection in a temporary
folder, where Anki's own importer (which sanitises media names) handles it.
"""

from __future__ import annotations

import html
import importlib
import io
import json
import os
import re
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from dushu.core.loading import load_text
from dushu.core.models import is_han
from dushu.errors import InputFileError

# Newest first: a new-format package also holds a stub collection.anki2 that only says "update Anki".
_COLLECTION_NAMES = ("collection.anki21b", "collection.anki21", "collection.anki2")
# A collection larger than this is refused (zip bombs, runaway memory): a learner's collection of
# tens of thousands of notes is tens of megabytes.
MAX_COLLECTION_BYTES = 512 << 20
_CHUNK = 1 << 20
_SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_WORD_LENGTH = 10  # longer runs of characters in a word field are sentences, not words

# Fields whose names say they hold the headword, compared in lower case.
WORD_FIELD_NAMES = frozenset({
    "word", "words", "hanzi", "simplified", "traditional", "chinese", "characters", "character",
    "expression", "headword", "vocab", "vocabulary", "term", "front", "漢字", "汉字", "詞語",
    "词语", "單詞", "单词", "生詞", "生词", "詞", "词", "字",
})  # fmt: skip

_SENTENCE_MARKS = re.compile(r"[，。、；：！？「」『』《》…]")
_TAG = re.compile(r"<[^>]*>")
_MEDIA = re.compile(r"\[(?:sound|anki:[a-z]+)[^\]]*\]", re.IGNORECASE)
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)


def read_known_words(path: str | os.PathLike[str]) -> set[str]:
    """The known words in `path`: a text file with one word a line, or an Anki .apkg / .colpkg.

    From a text file, the first tab-separated column of each line counts (so Pleco and Anki text
    exports work too); lines starting with ``#`` or ``//`` are comments. From an Anki package, the
    headword fields of every note count (fields named Word, Hanzi, Simplified, Traditional, Front …;
    the sort field when a note type has none). Only runs of Chinese characters are kept, so
    ``行动[行動]`` gives both forms. Raises InputFileError when the file cannot be read.
    """
    p = Path(path)
    if p.suffix.lower() in (".apkg", ".colpkg") or (p.is_file() and zipfile.is_zipfile(p)):
        return words_from_anki_package(p)
    return words_from_list(load_text(p))


def words_from_list(text: str) -> set[str]:
    """The words of a word list (see `read_known_words`)."""
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "//")):
            continue
        words.update(han_runs(line.split("\t", 1)[0]))
    return words


def han_runs(text: str, max_length: int | None = None) -> Iterator[str]:
    """The runs of Chinese characters in `text`, at most `max_length` long when given."""
    run: list[str] = []
    for ch in text + "\n":
        if is_han(ch):
            run.append(ch)
            continue
        if run and (max_length is None or len(run) <= max_length):
            yield "".join(run)
        run = []


def words_from_anki_package(path: Path) -> set[str]:
    """The headwords of every note in an Anki package, read safely (see the module docstring)."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputFileError(f"{name}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputFileError(f"{name} is not an Anki package (not a zip archive): {exc}") from None
    with archive:
        members = set(archive.namelist())
        member = next((m for m in _COLLECTION_NAMES if m in members), None)
        if member is None:
            raise InputFileError(f"{name} is not an Anki package: it holds no Anki collection")
        data = _read_member(archive, member, name)
    if member.endswith("b"):
        decompressed = _zstd_decompress(data, name)
        if decompressed is None:
            return _words_via_anki(path, name)
        data = decompressed
    return words_from_collection(data, name)


class _Stream(Protocol):
    def read(self, size: int, /) -> bytes: ...


def _too_large(name: str) -> InputFileError:
    limit = MAX_COLLECTION_BYTES
    shown = f"{limit >> 20} MB" if limit >= 1 << 20 else f"{limit} bytes"
    return InputFileError(f"{name}: the Anki collection inside is too large to read (more than {shown})")


def _drain(open_stream: Callable[[], _Stream], name: str, magic: bytes = b"") -> bytearray:
    """Everything `open_stream()` gives, read in chunks: counted first without keeping anything, so
    that data beyond MAX_COLLECTION_BYTES is refused before it is held, then read for real. Data
    that does not begin with `magic` is refused at its first chunk."""
    size = 0
    stream = open_stream()
    while chunk := stream.read(_CHUNK):
        if size == 0 and not chunk.startswith(magic[: len(chunk)]):
            raise InputFileError(
                f"{name}: the Anki collection inside is not readable (not an SQLite database)"
            )
        size += len(chunk)
        if size > MAX_COLLECTION_BYTES:
            raise _too_large(name)
    data = bytearray()
    stream = open_stream()
    while chunk := stream.read(_CHUNK):
        data += chunk
        if len(data) > size:  # the source changed between the two passes
            raise InputFileError(f"{name}: the package changed while it was being read")
    return data


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytearray:
    info = archive.getinfo(member)
    if info.file_size > MAX_COLLECTION_BYTES:
        raise _too_large(name)
    try:
        # zipfile checks the CRC at the end of each pass; the size header is not trusted.
        magic = b"" if member.endswith("b") else _SQLITE_MAGIC  # .anki21b is compressed
        return _drain(lambda: archive.open(info), name, magic)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise InputFileError(f"{name}: the Anki collection inside cannot be read: {exc}") from None


class _ChunkedDecompressor:
    """read(size) over a decompressor object like lzma's (compression.zstd, backports.zstd, pyzstd)."""

    def __init__(self, module: Any, data: bytes | bytearray) -> None:
        self._decompressor = module.ZstdDecompressor()
        self._data = bytes(data)

    def read(self, size: int, /) -> bytes:
        if self._decompressor.eof:
            return b""
        out = bytes(self._decompressor.decompress(self._data, max_length=size))
        self._data = b""
        if not out and self._decompressor.needs_input:
            raise EOFError("the compressed data ends before its frame does")
        return out


def _zstd_decompress(data: bytes | bytearray, name: str) -> bytearray | None:
    """Decompress with whichever Zstandard module is installed; None when there is none."""
    zstandard = _optional_module("zstandard")
    if zstandard is not None:
        # Anki's frames carry no content size, so decompress as a stream.
        def open_stream() -> _Stream:
            reader: _Stream = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
            return reader

    else:
        module = next(
            (m for m in map(_optional_module, ("compression.zstd", "backports.zstd", "pyzstd")) if m),
            None,
        )
        if module is None:
            return None

        def open_stream() -> _Stream:
            return _ChunkedDecompressor(module, data)

    try:
        return _drain(open_stream, name, _SQLITE_MAGIC)
    except InputFileError:
        raise
    except Exception as exc:  # each module raises its own error type for corrupt data
        raise InputFileError(f"{name}: the Anki collection inside is damaged ({exc})") from None


def _optional_module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _words_via_anki(path: Path, name: str) -> set[str]:
    """Read a new-format package by importing it into a scratch collection with the `anki` package."""
    try:
        from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    except ImportError:
        raise InputFileError(
            f"{name} uses the compressed format of newer Anki versions, which needs the 'zstandard' "
            "package (pip install zstandard); or export again from Anki with “Support older Anki "
            "versions” ticked"
        ) from None
    with tempfile.TemporaryDirectory(prefix="dushu-known-") as scratch:
        col = Collection(str(Path(scratch) / "known.anki2"))
        try:
            request = ImportAnkiPackageRequest(
                package_path=str(path), options=ImportAnkiPackageOptions(with_scheduling=False)
            )
            try:
                col.import_anki_package(request)
            except Exception as exc:  # the backend raises its own error types for bad packages
                raise InputFileError(f"{name}: Anki cannot read this package ({exc})") from None
            assert col.db is not None  # open until col.close()
            rows = col.db.all("SELECT mid, flds, sfld FROM notes")
            named = [
                (int(model["id"]), int(field["ord"]), str(field["name"]))
                for model in col.models.all()
                for field in model["flds"]
            ]
        finally:
            col.close()
    return _words_from_rows(rows, _headword_ordinals(named), name)


def words_from_collection(data: bytes | bytearray, name: str = "<collection>") -> set[str]:
    """The headwords of every note in an Anki collection database (schema 11 or 18), given as bytes."""
    if data[:16] == _SQLITE_MAGIC and data[18:20] == b"\x02\x02":
        # Anki writes its collections in WAL mode, which an in-memory copy cannot open: mark the
        # copy as a plain rollback-journal database (header bytes 18 and 19) before reading it
        # (in place when it is ours to change: a collection may be large).
        if isinstance(data, bytearray):
            data[18:20] = b"\x01\x01"
        else:
            data = data[:18] + b"\x01\x01" + data[20:]
    conn = sqlite3.connect(":memory:")
    try:
        try:
            conn.deserialize(data)
            # The database is untrusted: never run functions its schema names, never write.
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA query_only = ON")
            fields = _headword_ordinals(_field_names(conn))
            rows = conn.execute("SELECT mid, flds, sfld FROM notes").fetchall()
        except (sqlite3.DatabaseError, ValueError, TypeError, AttributeError, RecursionError) as exc:
            raise InputFileError(f"{name}: the Anki collection inside is not readable ({exc})") from None
    finally:
        conn.close()
    return _words_from_rows(rows, fields, name)


def _text_of(value: object) -> str:
    """A field as text: Anki stores text, but a damaged row may hold a blob or a number."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _words_from_rows(
    rows: Iterable[Any], fields: dict[int, list[int]], name: str = "<collection>"
) -> set[str]:
    words: set[str] = set()
    for number, row in enumerate(rows, start=1):
        try:
            mid, flds, sfld = row
            ntid = int(mid)
        except (TypeError, ValueError, OverflowError):
            raise InputFileError(
                f"{name}: note {number} of the Anki collection inside is damaged "
                "(its note type id is not a number)"
            ) from None
        values = _text_of(flds).split("\x1f")
        ords = fields.get(ntid)
        if ords:
            for value in (values[o] for o in ords if o < len(values)):
                words.update(han_runs(_field_text(value), MAX_WORD_LENGTH))
            continue
        # A note type without a headword field (a question, a cloze sentence…): its sort field
        # counts only when it looks like a headword, not a sentence.
        text = _field_text(_text_of(sfld))
        runs = list(han_runs(text))
        if runs and len(runs) <= 3 and not _SENTENCE_MARKS.search(text):
            words.update(r for r in runs if len(r) <= MAX_WORD_LENGTH)
    return words


def _field_names(conn: sqlite3.Connection) -> list[tuple[int, int, str]]:
    """(note type id, field ordinal, field name) for every field of every note type."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "fields" in tables:  # schema 18 (Anki 2.1.28+): one row per field
        return [(int(n), int(o), str(f)) for n, o, f in conn.execute("SELECT ntid, ord, name FROM fields")]
    # schema 11: note types as JSON in the col table
    row = conn.execute("SELECT models FROM col").fetchone()
    models = json.loads(row[0]) if row and row[0] else {}
    return [
        (int(mid), int(field.get("ord", i)), str(field.get("name", "")))
        for mid, model in models.items()
        for i, field in enumerate(model.get("flds", []))
    ]


def _headword_ordinals(named: Iterable[tuple[int, int, str]]) -> dict[int, list[int]]:
    """For each note type id, the ordinals of its headword fields (empty: use the sort field)."""
    out: dict[int, list[int]] = {}
    for ntid, ordinal, field_name in named:
        out.setdefault(ntid, [])
        if field_name.strip().lower() in WORD_FIELD_NAMES:
            out[ntid].append(ordinal)
    return out


def _field_text(value: str) -> str:
    value = _CLOZE.sub(r"\1", value)
    value = _MEDIA.sub(" ", value)
    return html.unescape(_TAG.sub(" ", value))
