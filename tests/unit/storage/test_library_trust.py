"""A healthy library is never called damaged; real damage is found, reported and kept aside."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dushu.storage import library as library_module
from dushu.storage.library import (
    SCHEMA_VERSION,
    Library,
    LibraryBusyError,
    LibraryDamagedError,
    LibraryError,
    WordStatus,
    open_library,
)

# Holds a connection to the library in another process until told to stop (a second Dushu).
_HOLDER = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
for statement in sys.argv[2:]:
    db.execute(statement).fetchall()
print("ready", flush=True)
sys.stdin.readline()
db.close()
"""


@contextmanager
def held_elsewhere(path: Path, *statements: str) -> Iterator[None]:
    """Another process has `path` open, having run `statements` (BEGIN IMMEDIATE holds the lock)."""
    with subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), *statements],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        try:
            assert holder.stdout.readline().strip() == "ready"
            yield
        finally:
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(30)


def a_library_with_words(path: Path) -> None:
    with Library(path) as lib:
        for n in range(4):
            lib.add_document(f"第{n}課", "小明每天早上去學校上課，下午回家寫作業。" * 300 + str(n))
        lib.set_status(["学校", "作业"], WordStatus.KNOWN)


def an_old_library(path: Path) -> None:
    """A library at schema version 1, as the first Dushu wrote it: opening it needs a migration."""
    db = sqlite3.connect(path)
    db.executescript(library_module.MIGRATIONS[0])
    db.execute("INSERT INTO word_status VALUES ('学校', 'known', '2024-01-01')")
    db.execute("PRAGMA user_version = 1")
    db.execute("PRAGMA journal_mode = WAL")
    db.commit()
    db.close()


def kept_copies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".damaged-" in p.name)


def test_a_library_locked_by_another_dushu_is_waited_for_then_reported_busy(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    an_old_library(path)
    started = time.monotonic()
    busy = pytest.raises(LibraryBusyError, match="Another Dushu is using the library")
    with held_elsewhere(path, "BEGIN IMMEDIATE", "DELETE FROM settings"), busy:
        open_library(path, wait=1.0)
    assert time.monotonic() - started >= 1.0  # it waited before giving up
    assert kept_copies(tmp_path) == []  # nothing was moved
    lib, notice = open_library(path, wait=1.0)  # once the other one is done, all is there
    try:
        assert notice is None
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.words_with_status(WordStatus.KNOWN) == {"学校"}
    finally:
        lib.close()


def test_a_lock_released_while_waiting_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    an_old_library(path)
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN IMMEDIATE'); print('ready', flush=True)\n"
            "time.sleep(3); db.execute('COMMIT')\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as releaser:
        assert releaser.stdout is not None and releaser.stdout.readline().strip() == "ready"
        lib, notice = open_library(path, wait=20.0)
        releaser.wait(30)
    with lib:
        assert notice is None and lib.schema_version == SCHEMA_VERSION


def damage_a_data_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\xff" * 300  # page 4: not the header
    path.write_bytes(bytes(data))


def test_damaged_data_pages_are_found_on_open_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    a_library_with_words(path)
    damage_a_data_page(path)
    damaged = path.read_bytes()
    with pytest.raises(LibraryDamagedError) as error:
        Library(path)
    assert "\n" not in str(error.value)
    lib, notice = open_library(path)
    with lib:
        (kept,) = kept_copies(tmp_path)
        assert notice is not None and str(kept) in notice and "damaged" in notice
        assert kept.read_bytes() == damaged
        assert lib.documents() == []


def test_a_damaged_library_another_program_has_open_is_not_moved(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    a_library_with_words(path)
    damage_a_data_page(path)
    with held_elsewhere(path, "PRAGMA journal_mode"), pytest.raises(LibraryBusyError, match="open"):
        open_library(path, wait=0.5)
    assert path.exists() and kept_copies(tmp_path) == []


def test_a_zero_length_library_is_damage_not_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(LibraryDamagedError, match="empty"):
        Library(path)
    lib, notice = open_library(path)
    with lib:
        (kept,) = kept_copies(tmp_path)
        assert notice is not None and str(kept) in notice
        assert kept.stat().st_size == 0


def test_a_new_library_appears_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_stale_temporaries_of_an_interrupted_creation_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    stale = tmp_path / ".library.sqlite3.abcd1234.tmp"
    stale.write_bytes(b"half a library")
    (tmp_path / ".library.sqlite3.abcd1234.tmp-journal").write_bytes(b"journal")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".library.sqlite3.wxyz5678.tmp"  # another Dushu creating it right now
    fresh.write_bytes(b"in progress")
    other = tmp_path / "notes.tmp"  # not ours
    other.write_bytes(b"keep")
    os.utime(other, (old, old))
    Library(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["library.sqlite3", fresh.name, other.name])


class _BrokenConnection:
    """Stands for a connection to a file whose pages went bad after it was opened."""

    def __init__(self, message: str, code: int) -> None:
        self.message, self.code = message, code

    def execute(self, *args: object) -> None:
        error = sqlite3.DatabaseError(self.message)
        error.sqlite_errorcode = self.code  # type: ignore[attr-defined]
        raise error

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("message", "code", "kind"),
    [
        ("database disk image is malformed", sqlite3.SQLITE_CORRUPT, LibraryDamagedError),
        ("database is locked", sqlite3.SQLITE_BUSY, LibraryBusyError),
        ("disk I/O error", sqlite3.SQLITE_IOERR, LibraryError),
        ("database or disk is full", sqlite3.SQLITE_FULL, LibraryError),
    ],
)
def test_every_sqlite_error_reaches_the_caller_as_a_library_error(
    tmp_path: Path, message: str, code: int, kind: type[LibraryError]
) -> None:
    lib = Library(tmp_path / "library.sqlite3")
    real = lib._db
    lib._db = _BrokenConnection(message, code)  # type: ignore[assignment]
    try:
        for call in (
            lib.documents,
            lambda: lib.set_status(["学校"], WordStatus.KNOWN),
            lambda: lib.setting("language"),
            lambda: lib.add_document("題", "文"),
            lambda: lib.schema_version,
        ):
            with pytest.raises(kind) as error:
                call()
            assert type(error.value) is kind
            assert "\n" not in str(error.value)
    finally:
        lib._db = real
        lib.close()


def test_busy_waiting_is_bounded_by_the_constant() -> None:
    assert 5 <= library_module.BUSY_WAIT_SECONDS <= 60
