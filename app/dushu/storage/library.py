"""The user's library in SQLite: documents, their own words, word status, edited meanings, settings.

Trust: a library that another Dushu is using ("database is locked") is waited for, then reported as
LibraryBusyError, and never moved. Damage (a file SQLite cannot read, a failed quick_check, a
zero-length file) is LibraryDamagedError; `open_library` keeps such a file aside, if no other
process has it open, and starts a new one. Every SQLite error of the library reaches callers as a
LibraryError. A new library is built under a temporary name and linked into place, so a library
file that exists was complete once.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from dushu.atomicfile import fsync_folder, remove_stale_temporaries
from dushu.errors import DushuError

if TYPE_CHECKING:
    from fsrs import Card, ReviewLog

    from dushu.core.review import ItemState, ReviewContent, ReviewItem, ReviewStats

__all__ = [
    "SCHEMA_VERSION",
    "DocumentInfo",
    "Library",
    "LibraryBusyError",
    "LibraryDamagedError",
    "LibraryError",
    "LibraryTooNewError",
    "QuizAttempt",
    "QuizSetAttempts",
    "ReviewCounts",
    "StoredReview",
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
    # Quiz attempts: one row per finished attempt. `set_key` is the set's identity (see
    # dushu.core.quiz.session: a file set by its questions' digest, a generated set by its document
    # and the generator's settings); `answers` is a JSON list, one object per question as shown.
    """
    CREATE TABLE quiz_attempts (
        id INTEGER PRIMARY KEY,
        set_key TEXT NOT NULL,
        title TEXT NOT NULL,
        source_path TEXT NOT NULL DEFAULT '',
        who TEXT NOT NULL DEFAULT '',
        started TEXT NOT NULL,
        finished TEXT NOT NULL,
        seconds REAL NOT NULL,
        score REAL NOT NULL,
        total REAL NOT NULL,
        percent REAL NOT NULL,
        pass_mark REAL NOT NULL,
        passed INTEGER NOT NULL,
        retry INTEGER NOT NULL DEFAULT 0,
        timed_out INTEGER NOT NULL DEFAULT 0,
        answers TEXT NOT NULL
    );
    CREATE INDEX quiz_attempts_by_set ON quiz_attempts(set_key, finished);
    """,
    # Spaced review: the items (a deck word or a fact; `key` is its identity, a JSON array; `content`
    # the two sides as JSON; `card` the FSRS card as JSON, with its due time (ISO, UTC) and state
    # copied out to query them) and the log of every review (`state` is the item's state before it).
    # A word marked known is suspended, never deleted: its history stays for when it comes back.
    """
    CREATE TABLE review_items (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('word', 'fact')),
        word TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        document INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        card TEXT NOT NULL,
        due TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new', 'learning', 'review', 'relearning')),
        suspended INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL
    );
    CREATE INDEX review_items_by_due ON review_items(suspended, due);
    CREATE INDEX review_items_by_word ON review_items(word);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL REFERENCES review_items(key) ON DELETE CASCADE,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        state TEXT NOT NULL,
        reviewed TEXT NOT NULL,
        log TEXT NOT NULL
    );
    CREATE INDEX review_log_by_time ON review_log(reviewed);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


# How long to wait for another Dushu that holds the library's write lock before saying so. SQLite's
# busy handler waits up to _BUSY_STEP_SECONDS at a time; some lock conflicts (a reader that must
# upgrade, the recovery of a write-ahead log) return at once, hence the retries around it.
BUSY_WAIT_SECONDS = 15.0
_BUSY_STEP_SECONDS = 2.0
# How long each later statement waits for a lock (Python's sqlite3 default, as before).
_STATEMENT_BUSY_SECONDS = 5.0

_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


class LibraryError(DushuError):
    """The library database cannot be used (damaged, busy, unreadable, or written by a newer Dushu)."""


class LibraryBusyError(LibraryError):
    """Another Dushu holds the library's lock: nothing is wrong with the file."""


class LibraryDamagedError(LibraryError):
    """The library file is damaged (SQLite cannot read it, quick_check fails, or it is empty)."""


class LibraryTooNewError(LibraryError):
    """The library was written by a newer Dushu: it is left alone."""


def library_error(exc: sqlite3.Error, path: str) -> LibraryError:
    """The LibraryError subclass, with a message a person understands, for an SQLite error."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary in _BUSY_CODES or "database is locked" in text:
        return LibraryBusyError(
            f"Another Dushu is using the library {path}; close it, or wait until it is done, and try again."
        )
    if primary in _DAMAGE_CODES or "malformed" in text or "not a database" in text:
        return LibraryDamagedError(f"The library {path} is damaged ({text}).")
    if primary == sqlite3.SQLITE_FULL:
        return LibraryError(f"Cannot write the library {path}: the disk is full.")
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        return LibraryError(f"Cannot write the library {path} ({text}); check the folder's permissions.")
    return LibraryError(f"Cannot use the library {path} ({text}).")


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _sqlite_errors_as_library_errors(
    method: Callable[Concatenate[Library, _P], _R],
) -> Callable[Concatenate[Library, _P], _R]:
    """Wrap a Library method so that SQLite's errors reach the caller as LibraryError.

    Programming errors (a closed library, a wrong parameter) still raise as they are.
    """

    @functools.wraps(method)
    def wrapper(self: Library, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise
        except sqlite3.Error as exc:
            raise library_error(exc, self.path) from exc

    return wrapper


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
class QuizAttempt:
    """One finished quiz attempt as the library keeps it (times are ISO 8601 with their offset)."""

    set_key: str
    title: str
    who: str
    started: str
    finished: str
    seconds: float
    score: float
    total: float
    percent: float
    pass_mark: float
    passed: bool
    answers: tuple[dict[str, Any], ...]  # one per question as shown: id, prompt, response, correct …
    retry: bool = False  # an attempt at only the questions a previous one got wrong
    timed_out: bool = False
    source_path: str = ""  # the .toml it was read from, if any (where the set was last seen)
    id: int = 0


@dataclass(frozen=True, slots=True)
class QuizSetAttempts:
    """A quiz set the library has attempts of, for the results list."""

    set_key: str
    title: str  # the title of its latest attempt
    source_path: str
    attempts: int
    last: str  # when the latest attempt finished
    best_percent: float


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

    def __init__(self, path: str | os.PathLike[str], wait: float | None = None) -> None:
        """Open (creating and migrating as needed) the library at `path`; ":memory:" works for tests.

        Waits up to `wait` seconds (BUSY_WAIT_SECONDS by default) for another Dushu that holds the
        library's lock, then raises LibraryBusyError; a damaged file raises LibraryDamagedError (it
        is not moved here: see `open_library`), one from a newer Dushu LibraryTooNewError.
        """
        self.path = str(path)
        deadline = time.monotonic() + (BUSY_WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                step = min(_BUSY_STEP_SECONDS, max(deadline - time.monotonic(), 0.05))
                self._db = self._connect(step)
                return
            except LibraryBusyError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def _connect(self, busy_timeout: float) -> sqlite3.Connection:
        """One attempt at opening, checking and migrating the file, each lock waited for that long."""
        if self.path != ":memory:":
            target = Path(self.path)
            _check_library_file(target)
            if not target.exists():
                _create_library(target)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout)
        except sqlite3.Error as exc:
            raise library_error(exc, self.path) from exc
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                # Damaged data pages open without complaint and fail later, in whatever command
                # reads them first: look at every page now (a few milliseconds per megabyte).
                verdict = self._db.execute("PRAGMA quick_check(1)").fetchone()
                if verdict is None or verdict[0] != "ok":
                    # SQLite's report spans lines ("*** in database main ***\nPage 4: ..."): one line.
                    detail = " ".join(str(verdict[0] if verdict else "no answer").split())
                    detail = detail.removeprefix("*** in database main *** ")
                    raise LibraryDamagedError(f"The library {self.path} is damaged ({detail}).")
            self._migrate()
            self._db.execute(f"PRAGMA busy_timeout = {int(_STATEMENT_BUSY_SECONDS * 1000)}")
        except sqlite3.Error as exc:
            self._db.close()
            raise library_error(exc, self.path) from exc
        except BaseException:
            self._db.close()
            raise
        return self._db

    # -- lifecycle ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    @_sqlite_errors_as_library_errors
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise LibraryTooNewError(
                f"The library {self.path} was written by a newer version of Dushu; update Dushu to open it."
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # One transaction per step: a crash leaves the file at the previous version, intact.
            with self._transaction():
                _apply_migration(self._db, target)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            # SQLite has already rolled back after some errors (a full disk, an I/O error).
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # -- documents ---------------------------------------------------------------------------------

    @_sqlite_errors_as_library_errors
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

    @_sqlite_errors_as_library_errors
    def document(self, doc_id: int) -> DocumentInfo | None:
        """The document with this id, or None."""
        row = self._db.execute(
            "SELECT id, title, source, added, opened, position, length FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        return DocumentInfo(*row) if row else None

    @_sqlite_errors_as_library_errors
    def document_with_text(self, text: str) -> DocumentInfo | None:
        """The document whose text is exactly `text` (found by its digest, as `add_document` stores it)."""
        row = self._db.execute("SELECT id FROM documents WHERE digest = ?", (_digest(text),)).fetchone()
        return self.document(int(row[0])) if row else None

    @_sqlite_errors_as_library_errors
    def documents(self) -> list[DocumentInfo]:
        """Every document, the most recently opened first."""
        rows = self._db.execute(
            "SELECT id, title, source, added, opened, position, length FROM documents"
            " ORDER BY opened DESC, id DESC"
        ).fetchall()
        return [DocumentInfo(*r) for r in rows]

    @_sqlite_errors_as_library_errors
    def recent_documents(self, limit: int = 10) -> list[DocumentInfo]:
        """The documents opened most recently."""
        return self.documents()[:limit]

    @_sqlite_errors_as_library_errors
    def document_text(self, doc_id: int) -> str:
        """The full text of a document."""
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise LibraryError("That document is no longer in the library.")
        return str(row[0])

    @_sqlite_errors_as_library_errors
    def mark_opened(self, doc_id: int) -> None:
        """Move a document to the top of the recent list."""
        with self._transaction() as db:
            db.execute("UPDATE documents SET opened = ? WHERE id = ?", (_now(), doc_id))

    @_sqlite_errors_as_library_errors
    def set_position(self, doc_id: int, position: int) -> None:
        """Remember where the user stopped reading (a character offset)."""
        with self._transaction() as db:
            db.execute("UPDATE documents SET position = ? WHERE id = ?", (max(0, position), doc_id))

    @_sqlite_errors_as_library_errors
    def rename_document(self, doc_id: int, title: str) -> None:
        """Give a document another title."""
        if title.strip():
            with self._transaction() as db:
                db.execute("UPDATE documents SET title = ? WHERE id = ?", (title.strip(), doc_id))

    @_sqlite_errors_as_library_errors
    def published(self, doc_id: int) -> str:
        """The date the user gave as the document's own ("YYYY-MM-DD"), or "" when none was given."""
        row = self._db.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row else ""

    @_sqlite_errors_as_library_errors
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

    @_sqlite_errors_as_library_errors
    def remove_document(self, doc_id: int) -> None:
        """Delete a document and the user's edits of its facts."""
        with self._transaction() as db:
            db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # -- the user's words (segmentation fixes) -----------------------------------------------------

    @_sqlite_errors_as_library_errors
    def add_merged_word(self, word: str) -> None:
        """Keep `word` (Simplified) whole in every later analysis."""
        self._set_user_word(word, "merge")

    @_sqlite_errors_as_library_errors
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

    @_sqlite_errors_as_library_errors
    def remove_user_word(self, word: str) -> None:
        """Forget a merge or split."""
        with self._transaction() as db:
            db.execute("DELETE FROM user_words WHERE word = ?", (word,))

    @_sqlite_errors_as_library_errors
    def user_words(self) -> list[UserWord]:
        """Every merge and split, oldest first."""
        rows = self._db.execute("SELECT word, action FROM user_words ORDER BY added, word").fetchall()
        return [UserWord(w, a) for w, a in rows]

    @_sqlite_errors_as_library_errors
    def merged_words(self) -> list[str]:
        """The words the user joined (for `open_toolkit(user_words=...)`)."""
        return [w.word for w in self.user_words() if w.action == "merge"]

    @_sqlite_errors_as_library_errors
    def split_words(self) -> list[str]:
        """The words the user split (to remove from the segmenter)."""
        return [w.word for w in self.user_words() if w.action == "split"]

    # -- word status -------------------------------------------------------------------------------

    @_sqlite_errors_as_library_errors
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
            # The word's review item (if it has one) is in the queue exactly while the word is in the
            # deck; its schedule and history are kept either way.
            db.executemany(
                "UPDATE review_items SET suspended = ? WHERE kind = 'word' AND word = ?",
                [(int(status is not WordStatus.LEARNING), r[0]) for r in rows],
            )

    @_sqlite_errors_as_library_errors
    def status(self, word: str) -> WordStatus:
        """The status of one word; NEW when the user never said."""
        row = self._db.execute("SELECT status FROM word_status WHERE word = ?", (word,)).fetchone()
        return WordStatus(row[0]) if row else WordStatus.NEW

    @_sqlite_errors_as_library_errors
    def statuses(self) -> dict[str, WordStatus]:
        """Every word the user gave a status (NEW words are left out)."""
        rows = self._db.execute("SELECT word, status FROM word_status").fetchall()
        return {w: WordStatus(s) for w, s in rows}

    @_sqlite_errors_as_library_errors
    def words_with_status(self, status: WordStatus) -> frozenset[str]:
        """The words that have `status` (not NEW)."""
        rows = self._db.execute("SELECT word FROM word_status WHERE status = ?", (str(status),)).fetchall()
        return frozenset(r[0] for r in rows)

    # -- edited meanings ---------------------------------------------------------------------------

    @_sqlite_errors_as_library_errors
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

    @_sqlite_errors_as_library_errors
    def meaning(self, word: str) -> str | None:
        """The user's meaning for `word`, or None."""
        row = self._db.execute("SELECT meaning FROM meanings WHERE word = ?", (word,)).fetchone()
        return str(row[0]) if row else None

    @_sqlite_errors_as_library_errors
    def meanings(self) -> dict[str, str]:
        """Every meaning the user wrote."""
        return {w: m for w, m in self._db.execute("SELECT word, meaning FROM meanings").fetchall()}

    # -- facts the user edited ---------------------------------------------------------------------

    @_sqlite_errors_as_library_errors
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

    @_sqlite_errors_as_library_errors
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

    @_sqlite_errors_as_library_errors
    def setting(self, key: str, default: Any = None) -> Any:
        """A stored setting (any JSON value), or `default`."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    @_sqlite_errors_as_library_errors
    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting (any JSON value)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    # -- spaced review -----------------------------------------------------------------------------
    # Items and their FSRS cards (`dushu.core.review` schedules them); every time is an aware datetime.
    # A word's item is in the queue while the word is in the learner's deck: `set_status` suspends it
    # when the word becomes known (or leaves the deck) and brings it back when it is learning again.
    # `dushu.core.review` is imported where it is used: it brings pypinyin (half a second), which
    # the library's other users (the command line's batch jobs) do not need.

    @_sqlite_errors_as_library_errors
    def add_review_items(self, items: Iterable[ReviewItem], doc_id: int | None, now: datetime) -> int:
        """Add items to review (new cards, due now); an item already there keeps its schedule and
        history and takes the new content. A word already known is added suspended. Returns how many
        items are new."""
        from dushu.core.review import ItemState, card_to_json, new_card

        added = 0
        stamp = _iso(now)
        with self._transaction() as db:
            known = {
                w
                for (w,) in db.execute(
                    "SELECT word FROM word_status WHERE status = ?", (str(WordStatus.KNOWN),)
                )
            }
            for item in items:
                cur = db.execute(
                    "UPDATE review_items SET content = ?, document = coalesce(?, document) WHERE key = ?",
                    (item.content.to_json(), doc_id, item.key),
                )
                if cur.rowcount:
                    continue
                card = new_card(now)
                db.execute(
                    "INSERT INTO review_items (key, kind, word, content, document, card, due, state,"
                    " suspended, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item.key,
                        item.kind,
                        item.word,
                        item.content.to_json(),
                        doc_id,
                        card_to_json(card),
                        _iso(card.due),
                        str(ItemState.NEW),
                        int(item.kind == "word" and item.word in known),
                        stamp,
                    ),
                )
                added += 1
        return added

    @_sqlite_errors_as_library_errors
    def review_item(self, key: str, now: datetime | None = None) -> StoredReview | None:
        """One item by its key (suspended or not), or None."""
        row = self._db.execute(f"SELECT {_REVIEW_COLUMNS} FROM review_items WHERE key = ?", (key,)).fetchone()
        return _stored_review(row, now or datetime.now(UTC)) if row else None

    @_sqlite_errors_as_library_errors
    def due_review_items(
        self, now: datetime, limit: int | None = None, new_per_day: int | None = None
    ) -> list[StoredReview]:
        """The queue at `now`: items seen before whose time has come (soonest first), then new ones
        in the order they were added, as many as today's allowance of new items still lets in."""
        seen = self._db.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM review_items WHERE suspended = 0 AND state != 'new' AND due <= ?"
            " ORDER BY due, key",
            (_iso(now),),
        ).fetchall()
        allowance = self._new_allowance(now, new_per_day)
        fresh = self._db.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM review_items WHERE suspended = 0 AND state = 'new' AND due <= ?"
            " ORDER BY added, rowid LIMIT ?",
            (_iso(now), allowance),
        ).fetchall()
        rows = [*seen, *fresh]
        if limit is not None:
            rows = rows[:limit]
        return [_stored_review(r, now) for r in rows]

    def _new_allowance(self, now: datetime, new_per_day: int | None) -> int:
        """How many new items today may still bring (the learner's calendar day)."""
        from dushu.core.review import NEW_PER_DAY

        per_day = NEW_PER_DAY if new_per_day is None else new_per_day
        local = now.astimezone()
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        (started,) = self._db.execute(
            "SELECT count(*) FROM review_log WHERE state = 'new' AND reviewed >= ?", (_iso(midnight),)
        ).fetchone()
        return max(0, per_day - int(started))

    @_sqlite_errors_as_library_errors
    def record_review(self, key: str, card: Card, log: ReviewLog) -> None:
        """Store a review: the item's new card and the log entry, in one transaction."""
        from dushu.core.review import card_to_json, log_to_json, state_of

        with self._transaction() as db:
            row = db.execute("SELECT state FROM review_items WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            db.execute(
                "UPDATE review_items SET card = ?, due = ?, state = ? WHERE key = ?",
                (card_to_json(card), _iso(card.due), str(state_of(card)), key),
            )
            db.execute(
                "INSERT INTO review_log (key, rating, state, reviewed, log) VALUES (?, ?, ?, ?, ?)",
                (key, int(log.rating), row[0], _iso(log.review_datetime), log_to_json(log)),
            )

    @_sqlite_errors_as_library_errors
    def review_counts(self, now: datetime, new_per_day: int | None = None) -> ReviewCounts:
        """How many items are due now, new, in review at all, and set aside (known words, suspended)."""
        due, new, total, suspended = self._db.execute(
            "SELECT"
            " coalesce(sum(suspended = 0 AND state != 'new' AND due <= ?), 0),"
            " coalesce(sum(suspended = 0 AND state = 'new'), 0),"
            " coalesce(sum(suspended = 0), 0),"
            " coalesce(sum(suspended != 0), 0)"
            " FROM review_items",
            (_iso(now),),
        ).fetchone()
        new_now = min(int(new), self._new_allowance(now, new_per_day))
        return ReviewCounts(int(due), int(new), new_now, int(total), int(suspended))

    @_sqlite_errors_as_library_errors
    def review_stats(self, now: datetime, days: int | None = None) -> ReviewStats:
        """Reviews per day, items by state and retention over the last days (see `core.review`)."""
        from dushu.core.review import STATS_DAYS, ItemState, LoggedReview, Rating, review_stats

        span = STATS_DAYS if days is None else days
        since = _iso(now - timedelta(days=span + 1))  # a day more: the learner's days are not UTC's
        logs = [
            LoggedReview(datetime.fromisoformat(when), Rating(rating))
            for when, rating in self._db.execute(
                "SELECT reviewed, rating FROM review_log WHERE reviewed >= ? ORDER BY reviewed", (since,)
            )
        ]
        states = [
            ItemState(s) for (s,) in self._db.execute("SELECT state FROM review_items WHERE suspended = 0")
        ]
        return review_stats(logs, states, now, span)

    @_sqlite_errors_as_library_errors
    def review_history(self, key: str) -> list[tuple[datetime, int]]:
        """Every review of one item, oldest first: when, and the grade (1 Again … 4 Easy)."""
        rows = self._db.execute(
            "SELECT reviewed, rating FROM review_log WHERE key = ? ORDER BY reviewed, id", (key,)
        ).fetchall()
        return [(datetime.fromisoformat(when), int(rating)) for when, rating in rows]

    @_sqlite_errors_as_library_errors
    def all_review_items(self, now: datetime | None = None) -> list[StoredReview]:
        """Every review item, set-aside ones too, in the order they were added (the items list)."""
        query = f"SELECT {_REVIEW_COLUMNS} FROM review_items ORDER BY added, rowid"
        rows = self._db.execute(query).fetchall()
        moment = now or datetime.now(UTC)
        return [_stored_review(r, moment) for r in rows]

    @_sqlite_errors_as_library_errors
    def suspend_review_items(self, keys: Iterable[str], suspended: bool = True) -> int:
        """Take items out of the queue (`suspended`) or bring them back; their schedule and history
        stay. Returns how many items changed."""
        with self._transaction() as db:
            cur = db.executemany(
                "UPDATE review_items SET suspended = ? WHERE key = ? AND suspended != ?",
                [(int(suspended), key, int(suspended)) for key in dict.fromkeys(keys)],
            )
            return max(0, cur.rowcount)

    @_sqlite_errors_as_library_errors
    def reset_review_items(self, keys: Iterable[str], now: datetime) -> int:
        """Forget items' progress: each becomes a new card again, due at `now` (set-aside items stay
        set aside). The past reviews stay in the log: they happened, and the statistics count them.
        Returns how many items were reset."""
        from dushu.core.review import ItemState, card_to_json, new_card

        card = new_card(now)
        fresh = (card_to_json(card), _iso(card.due), str(ItemState.NEW))
        with self._transaction() as db:
            cur = db.executemany(
                "UPDATE review_items SET card = ?, due = ?, state = ? WHERE key = ?",
                [(*fresh, key) for key in dict.fromkeys(keys)],
            )
            return max(0, cur.rowcount)

    @_sqlite_errors_as_library_errors
    def remove_review_items(self, keys: Iterable[str]) -> int:
        """Delete items and their review history; adding them again starts them afresh. Returns how
        many items were removed."""
        with self._transaction() as db:
            cur = db.executemany(
                "DELETE FROM review_items WHERE key = ?", [(key,) for key in dict.fromkeys(keys)]
            )
            return max(0, cur.rowcount)

    # -- quiz attempts -----------------------------------------------------------------------------

    _ATTEMPT_COLUMNS = (
        "set_key, title, who, started, finished, seconds, score, total, percent, pass_mark, passed,"
        " answers, retry, timed_out, source_path, id"
    )

    @_sqlite_errors_as_library_errors
    def add_attempt(self, attempt: QuizAttempt) -> int:
        """Keep a finished attempt; returns its id."""
        with self._transaction() as db:
            cur = db.execute(
                "INSERT INTO quiz_attempts (set_key, title, who, started, finished, seconds, score, total,"
                " percent, pass_mark, passed, answers, retry, timed_out, source_path)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attempt.set_key,
                    attempt.title,
                    attempt.who,
                    attempt.started,
                    attempt.finished,
                    float(attempt.seconds),
                    float(attempt.score),
                    float(attempt.total),
                    float(attempt.percent),
                    float(attempt.pass_mark),
                    int(attempt.passed),
                    json.dumps(list(attempt.answers), ensure_ascii=False),
                    int(attempt.retry),
                    int(attempt.timed_out),
                    attempt.source_path,
                ),
            )
            return int(cur.lastrowid or 0)

    @_sqlite_errors_as_library_errors
    def attempts_of(self, set_key: str) -> list[QuizAttempt]:
        """Every attempt at one set, oldest first."""
        rows = self._db.execute(
            f"SELECT {self._ATTEMPT_COLUMNS} FROM quiz_attempts WHERE set_key = ? ORDER BY finished, id",
            (set_key,),
        ).fetchall()
        return [_attempt(row) for row in rows]

    @_sqlite_errors_as_library_errors
    def sets_with_attempts(self) -> list[QuizSetAttempts]:
        """Every set that has attempts, the most recently taken first."""
        rows = self._db.execute(
            "SELECT a.set_key, a.title, a.source_path, s.n, s.last, s.best FROM quiz_attempts a"
            " JOIN (SELECT set_key, COUNT(*) AS n, MAX(finished) AS last, MAX(percent) AS best,"
            " MAX(id) AS latest FROM quiz_attempts GROUP BY set_key) s ON a.id = s.latest"
            " ORDER BY s.last DESC, a.id DESC"
        ).fetchall()
        return [
            QuizSetAttempts(str(key), str(title), str(path), int(n), str(last), float(best))
            for key, title, path, n, last, best in rows
        ]

    @_sqlite_errors_as_library_errors
    def remove_attempt(self, attempt_id: int) -> None:
        """Forget one attempt."""
        with self._transaction() as db:
            db.execute("DELETE FROM quiz_attempts WHERE id = ?", (attempt_id,))


@dataclass(frozen=True, slots=True)
class StoredReview:
    """A review item as the library keeps it: what it shows, its FSRS card and where it stands."""

    key: str
    kind: str  # "word" or "fact"
    word: str  # the word's Simplified form; "" for facts
    content: ReviewContent
    document: int | None
    card: Card
    state: ItemState
    suspended: bool

    @property
    def due(self) -> datetime:
        """When the item is due (aware, UTC)."""
        return self.card.due


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """The review queue in numbers."""

    due: int  # items seen before that are due now
    new: int  # items never reviewed (not suspended)
    new_now: int  # of these, how many today's allowance lets into the queue now
    total: int  # items in review (not suspended)
    suspended: int  # items set aside (words marked known, items the learner suspended)

    @property
    def queue(self) -> int:
        """What a review started now would show: due items and today's new ones."""
        return self.due + self.new_now


_REVIEW_COLUMNS = "key, kind, word, content, document, card, state, suspended"


def _stored_review(row: tuple[Any, ...], now: datetime) -> StoredReview:
    from dushu.core.review import ItemState, ReviewContent, card_from_json

    key, kind, word, content, document, card, state, suspended = row
    return StoredReview(
        key=str(key),
        kind=str(kind),
        word=str(word),
        content=ReviewContent.from_json(str(content)),
        document=int(document) if document is not None else None,
        card=card_from_json(str(card), now),
        state=ItemState(state),
        suspended=bool(suspended),
    )


def _iso(moment: datetime) -> str:
    """An aware time as ISO 8601 in UTC with microseconds: such strings sort as the times do."""
    if moment.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _attempt(row: tuple[Any, ...]) -> QuizAttempt:
    """A QuizAttempt from a row in `Library._ATTEMPT_COLUMNS` order (unreadable answers read as none)."""
    try:
        answers = json.loads(row[11])
    except ValueError:
        answers = []
    kept = tuple(a for a in answers if isinstance(a, dict)) if isinstance(answers, list) else ()
    return QuizAttempt(
        set_key=str(row[0]),
        title=str(row[1]),
        who=str(row[2]),
        started=str(row[3]),
        finished=str(row[4]),
        seconds=float(row[5]),
        score=float(row[6]),
        total=float(row[7]),
        percent=float(row[8]),
        pass_mark=float(row[9]),
        passed=bool(row[10]),
        answers=kept,
        retry=bool(row[12]),
        timed_out=bool(row[13]),
        source_path=str(row[14]),
        id=int(row[15]),
    )


def open_library(
    path: str | os.PathLike[str] | None = None, wait: float | None = None
) -> tuple[Library, str | None]:
    """Open the library; a damaged file is moved aside (kept, never deleted) and a new one started.

    Returns the library and, when a file had to be moved aside, a message naming the kept copy (the
    caller must show it: one line on the command line, a dialog in the app). A library another
    Dushu is using raises LibraryBusyError after `wait` seconds, one written by a newer Dushu
    LibraryTooNewError; neither file is touched, nor is a damaged file another program has open.
    """
    target = Path(path) if path is not None else default_library_path()
    try:
        return Library(target, wait), None
    except LibraryDamagedError as exc:
        damage = exc
    if _open_elsewhere(target):
        raise LibraryBusyError(
            f"{damage} Another program has it open, so it was left where it is; close every Dushu "
            "and try again."
        ) from damage
    aside = _keep_aside(target)
    notice = f"The library was damaged; it was kept as {aside} and a new one was started."
    return Library(target, wait), notice


def _check_library_file(target: Path) -> None:
    """Refuse what SQLite would misread: a zero-length file (damage, not a new library) or a non-file."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LibraryError(f"Cannot open the library {target} ({exc.strerror or exc}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise LibraryError(f"Cannot open the library {target}: it is a folder.")
    if not stat.S_ISREG(info.st_mode):
        raise LibraryError(f"Cannot open the library {target}: it is not a regular file.")
    if info.st_size == 0:
        # A library is created whole under another name (see _create_library): an empty one was
        # emptied since, by a sync tool or a full disk, and its -wal file may still hold the data.
        raise LibraryDamagedError(f"The library {target} is damaged (the file is empty).")


def _create_library(target: Path) -> None:
    """Build a new, fully migrated library under a temporary name and link it into place."""
    folder = target.parent
    for stale in remove_stale_temporaries(target):
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{stale}{suffix}")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LibraryError(f"Cannot create the library {target} ({exc.strerror or exc}).") from None
    os.close(fd)
    try:
        db = sqlite3.connect(tmp_name, isolation_level=None)
        try:
            db.execute("BEGIN IMMEDIATE")
            for version in range(1, SCHEMA_VERSION + 1):
                _apply_migration(db, version)
            db.execute("COMMIT")
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        with open(tmp_name, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            os.link(tmp_name, target)  # never replaces a library another Dushu created meanwhile
        except FileExistsError:
            pass
        except OSError:
            if not target.exists():  # a file system without hard links
                os.replace(tmp_name, target)
        fsync_folder(folder)
    except sqlite3.Error as exc:
        raise library_error(exc, str(target)) from exc
    except OSError as exc:
        raise LibraryError(f"Cannot create the library {target} ({exc.strerror or exc}).") from None
    finally:
        for name in (tmp_name, f"{tmp_name}-journal", f"{tmp_name}-wal", f"{tmp_name}-shm"):
            with contextlib.suppress(OSError):
                os.unlink(name)


def _apply_migration(db: sqlite3.Connection, version: int) -> None:
    """Run migration `version` (1-based) inside the caller's transaction."""
    for statement in _statements(MIGRATIONS[version - 1]):
        db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")


# SQLite's lock bytes on Unix: the database file's pending/reserved/shared range, and the byte of
# the -shm file that every connection to a write-ahead-log database holds while it is open.
_PENDING_BYTE = 0x40000000
_LOCK_RANGE = 512
_SHM_DMS_BYTE = 128


def _open_elsewhere(target: Path) -> bool:
    """True when another process holds one of SQLite's locks on the library or its -shm file.

    Probed by taking each lock for an instant (fcntl locks of other processes conflict with ours).
    Windows needs no probe: it refuses to move a file that another process has open.
    """
    if sys.platform == "win32":
        return False
    import fcntl

    probes = ((target, _PENDING_BYTE, _LOCK_RANGE), (Path(f"{target}-shm"), _SHM_DMS_BYTE, 1))
    for path, start, length in probes:
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
        except OSError:
            return True
        else:
            fcntl.lockf(fd, fcntl.LOCK_UN, length, start)
        finally:
            os.close(fd)
    return False


def _keep_aside(target: Path) -> Path:
    """Move a damaged library and its -wal/-shm files to a new name beside it; returns the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = target.with_name(f"{target.name}.damaged-{stamp}-{n}")
    try:
        os.replace(target, aside)
        for suffix in ("-wal", "-shm"):
            extra = target.with_name(target.name + suffix)
            if extra.exists():
                os.replace(extra, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise LibraryError(
            f"The library {target} is damaged and cannot be moved aside ({exc.strerror or exc})."
        ) from None
    fsync_folder(target.parent)
    return aside


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
