"""The user's library in SQLite: documents, their own words, word status, edited meanings, settings."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from dushu.errors import DushuError

__all__ = [
    "SCHEMA_VERSION",
    "DocumentInfo",
    "Library",
    "LibraryError",
    "UserWord",
    "WordStatus",
    "default_library_path",
    "open_library",
]

FILE_NAME = "library.sqlite3"

# Each entry moves the schema from version i to i + 1; never edit one that has shipped, add a new one.
MIGRATIONS: tuple[str, ...] = (
    # 1: documents, the user's words (merges and splits), word status, settings.
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        digest TEXT NOT NULL UNIQUE,
        added TEXT NOT NULL,
        opened TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE user_words (
        word TEXT PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        added TEXT NOT NULL
    );
    CREATE TABLE word_status (
        word TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('new', 'learning', 'known')),
        updated TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: meanings the user rewrote, each document's length (for the library list) and the user's
    # edits of a document's facts, glossary and people.
    """
    CREATE TABLE meanings (
        word TEXT PRIMARY KEY,
        meaning TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    ALTER TABLE documents ADD COLUMN length INTEGER NOT NULL DEFAULT 0;
    UPDATE documents SET length = length(text);
    CREATE TABLE annotations (
        document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX documents_by_opened ON documents(opened);
    """,
    # 3: the date a document was published ("YYYY-MM-DD", "" when the user never said), which relative
    # dates in it (今天, 去年) count from.
    """
    ALTER TABLE documents ADD COLUMN published TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class LibraryError(DushuError):
    """The library database cannot be used (damaged, or written by a newer Dushu)."""


class WordStatus(StrEnum):
    """Where a word stands for the learner: new, in the deck (learning), or known."""

    NEW = "new"
    LEARNING = "learning"
    KNOWN = "known"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document of the library, without its text."""

    id: int
    title: str
    source: str
    added: str  # ISO 8601, UTC
    opened: str  # ISO 8601, UTC
    position: int  # character offset where the user stopped reading
    length: int  # characters


@dataclass(frozen=True, slots=True)
class UserWord:
    """A segmentation fix: keep `word` whole ("merge") or never treat it as one word ("split")."""

    word: str  # Simplified form, as the segmenter sees it
    action: str  # "merge" or "split"


def _now() -> str:
    # Milliseconds: documents opened within the same second still sort in the order they were opened.
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_library_path() -> Path:
    """The library file in the user's data folder (or under $DUSHU_HOME)."""
    from dushu.storage.paths import data_dir

    return data_dir() / FILE_NAME


class Library:
    """One SQLite file; every method commits before it returns, so nothing is lost on a crash.

    Use it from one thread (the GUI thread): each call is short.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open (creating and migrating as needed) the library at `path`; ":memory:" works for tests."""
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot open the library {self.path}: {exc}") from exc
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise LibraryError(f"The library {self.path} is damaged ({exc}).") from exc
        except LibraryError:
            self._db.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"The library {self.path} was written by a newer version of Dushu; update Dushu to open it."
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # One transaction per step: a crash leaves the file at the previous version, intact.
            with self._transaction():
                for statement in _statements(MIGRATIONS[target - 1]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # -- documents ---------------------------------------------------------------------------------

    def add_document(self, title: str, text: str, source: str = "") -> DocumentInfo:
        """Store a text (or find it again: the same text is never stored twice) and mark it opened."""
        digest = _digest(text)
        now = _now()
        with self._transaction() as db:
            row = db.execute("SELECT id FROM documents WHERE digest = ?", (digest,)).fetchone()
            if row is None:
                cur = db.execute(
                    "INSERT INTO documents (title, source, text, digest, added, opened, position, length)"
                    " VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                    (title.strip() or _untitled(text), source, text, digest, now, now, len(text)),
                )
                doc_id = int(cur.lastrowid or 0)
            else:
                doc_id = int(row[0])
                db.execute("UPDATE documents SET opened = ? WHERE id = ?", (now, doc_id))
                if source:
                    db.execute("UPDATE documents SET source = ? WHERE id = ?", (source, doc_id))
        info = self.document(doc_id)
        assert info is not None
        return info

    def document(self, doc_id: int) -> DocumentInfo | None:
        """The document with this id, or None."""
        row = self._db.execute(
            "SELECT id, title, source, added, opened, position, length FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        return DocumentInfo(*row) if row else None

    def documents(self) -> list[DocumentInfo]:
        """Every document, the most recently opened first."""
        rows = self._db.execute(
            "SELECT id, title, source, added, opened, position, length FROM documents"
            " ORDER BY opened DESC, id DESC"
        ).fetchall()
        return [DocumentInfo(*r) for r in rows]

    def recent_documents(self, limit: int = 10) -> list[DocumentInfo]:
        """The documents opened most recently."""
        return self.documents()[:limit]

    def document_text(self, doc_id: int) -> str:
        """The full text of a document."""
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise LibraryError("That document is no longer in the library.")
        return str(row[0])

    def mark_opened(self, doc_id: int) -> None:
        """Move a document to the top of the recent list."""
        with self._transaction() as db:
            db.execute("UPDATE documents SET opened = ? WHERE id = ?", (_now(), doc_id))

    def set_position(self, doc_id: int, position: int) -> None:
        """Remember where the user stopped reading (a character offset)."""
        with self._transaction() as db:
            db.execute("UPDATE documents SET position = ? WHERE id = ?", (max(0, position), doc_id))

    def rename_document(self, doc_id: int, title: str) -> None:
        """Give a document another title."""
        if title.strip():
            with self._transaction() as db:
                db.execute("UPDATE documents SET title = ? WHERE id = ?", (title.strip(), doc_id))

    def published(self, doc_id: int) -> str:
        """The date the user gave as the document's own ("YYYY-MM-DD"), or "" when none was given."""
        row = self._db.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row else ""

    def set_published(self, doc_id: int, published: str) -> None:
        """Store the document's own date ("YYYY-MM-DD"); "" forgets it (the text's dateline counts again).

        Raises LibraryError for anything that is not one calendar day.
        """
        value = published.strip()
        if value:
            try:
                value = datetime.strptime(value, "%Y-%m-%d").date().isoformat()
            except ValueError:
                message = f"{value!r} is not a date; write it YYYY-MM-DD, e.g. 2025-08-26."
                raise LibraryError(message) from None
        with self._transaction() as db:
            db.execute("UPDATE documents SET published = ? WHERE id = ?", (value, doc_id))

    def remove_document(self, doc_id: int) -> None:
        """Delete a document and the user's edits of its facts."""
        with self._transaction() as db:
            db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # -- the user's words (segmentation fixes) -----------------------------------------------------

    def add_merged_word(self, word: str) -> None:
        """Keep `word` (Simplified) whole in every later analysis."""
        self._set_user_word(word, "merge")

    def add_split_word(self, word: str) -> None:
        """Never keep `word` (Simplified) whole again."""
        self._set_user_word(word, "split")

    def _set_user_word(self, word: str, action: str) -> None:
        word = word.strip()
        if not word:
            return
        with self._transaction() as db:
            db.execute(
                "INSERT INTO user_words (word, action, added) VALUES (?, ?, ?)"
                " ON CONFLICT(word) DO UPDATE SET action = excluded.action, added = excluded.added",
                (word, action, _now()),
            )

    def remove_user_word(self, word: str) -> None:
        """Forget a merge or split."""
        with self._transaction() as db:
            db.execute("DELETE FROM user_words WHERE word = ?", (word,))

    def user_words(self) -> list[UserWord]:
        """Every merge and split, oldest first."""
        rows = self._db.execute("SELECT word, action FROM user_words ORDER BY added, word").fetchall()
        return [UserWord(w, a) for w, a in rows]

    def merged_words(self) -> list[str]:
        """The words the user joined (for `open_toolkit(user_words=...)`)."""
        return [w.word for w in self.user_words() if w.action == "merge"]

    def split_words(self) -> list[str]:
        """The words the user split (to remove from the segmenter)."""
        return [w.word for w in self.user_words() if w.action == "split"]

    # -- word status -------------------------------------------------------------------------------

    def set_status(self, words: Iterable[str], status: WordStatus) -> None:
        """Set the status of several words (Simplified forms) at once."""
        now = _now()
        rows = [(w, str(status), now) for w in dict.fromkeys(words) if w]
        with self._transaction() as db:
            if status is WordStatus.NEW:
                db.executemany("DELETE FROM word_status WHERE word = ?", [(r[0],) for r in rows])
            else:
                db.executemany(
                    "INSERT INTO word_status (word, status, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT(word) DO UPDATE SET status = excluded.status, updated = excluded.updated",
                    rows,
                )

    def status(self, word: str) -> WordStatus:
        """The status of one word; NEW when the user never said."""
        row = self._db.execute("SELECT status FROM word_status WHERE word = ?", (word,)).fetchone()
        return WordStatus(row[0]) if row else WordStatus.NEW

    def statuses(self) -> dict[str, WordStatus]:
        """Every word the user gave a status (NEW words are left out)."""
        rows = self._db.execute("SELECT word, status FROM word_status").fetchall()
        return {w: WordStatus(s) for w, s in rows}

    def words_with_status(self, status: WordStatus) -> frozenset[str]:
        """The words that have `status` (not NEW)."""
        rows = self._db.execute("SELECT word FROM word_status WHERE status = ?", (str(status),)).fetchall()
        return frozenset(r[0] for r in rows)

    # -- edited meanings ---------------------------------------------------------------------------

    def set_meaning(self, word: str, meaning: str | None) -> None:
        """Replace the meaning shown and exported for `word`; None or blank restores the dictionary's."""
        with self._transaction() as db:
            if meaning is None or not meaning.strip():
                db.execute("DELETE FROM meanings WHERE word = ?", (word,))
            else:
                db.execute(
                    "INSERT INTO meanings (word, meaning, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT(word) DO UPDATE SET meaning = excluded.meaning, updated = excluded.updated",
                    (word, meaning.strip(), _now()),
                )

    def meaning(self, word: str) -> str | None:
        """The user's meaning for `word`, or None."""
        row = self._db.execute("SELECT meaning FROM meanings WHERE word = ?", (word,)).fetchone()
        return str(row[0]) if row else None

    def meanings(self) -> dict[str, str]:
        """Every meaning the user wrote."""
        return {w: m for w, m in self._db.execute("SELECT word, meaning FROM meanings").fetchall()}

    # -- facts the user edited ---------------------------------------------------------------------

    def annotations(self, doc_id: int) -> dict[str, Any] | None:
        """The user's version of a document's facts/glossary/people (JSON-shaped), or None if unedited."""
        row = self._db.execute("SELECT data FROM annotations WHERE document = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        try:
            data = json.loads(row[0])
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def set_annotations(self, doc_id: int, data: dict[str, Any] | None) -> None:
        """Store the user's version of a document's facts (None goes back to what the analysis finds)."""
        with self._transaction() as db:
            if data is None:
                db.execute("DELETE FROM annotations WHERE document = ?", (doc_id,))
            else:
                db.execute(
                    "INSERT INTO annotations (document, data, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT(document) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                    (doc_id, json.dumps(data, ensure_ascii=False), _now()),
                )

    # -- settings ----------------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """A stored setting (any JSON value), or `default`."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting (any JSON value)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )


def open_library(path: str | os.PathLike[str] | None = None) -> tuple[Library, str | None]:
    """Open the library; a damaged file is moved aside (kept, never deleted) and a new one started.

    Returns the library and, when a file had to be moved aside, a message saying where it went.
    A library written by a newer Dushu is not touched: that raises LibraryError.
    """
    target = Path(path) if path is not None else default_library_path()
    try:
        return Library(target), None
    except LibraryError as exc:
        if "newer version" in str(exc) or not target.exists():
            raise
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.damaged-{stamp}")
    os.replace(target, aside)
    for suffix in ("-wal", "-shm"):
        extra = target.with_name(target.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    return Library(target), f"The library was damaged; it was kept as {aside} and a new one was started."


def _untitled(text: str) -> str:
    """A title from the first non-empty line, shortened."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:40] + ("…" if len(line) > 40 else "")
    return "Untitled"


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]
