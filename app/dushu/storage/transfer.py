"""Moving the library to another computer: export it to one file, import such a file.

The library is one SQLite file. An export is a consistent copy made with SQLite's online backup (so
it is safe while the app has the library open) and turned into a single self-contained file (no
-wal beside it). An import checks the file by opening a copy as a Library (which also brings a file
from an older Dushu up to date, and refuses a damaged one or one from a newer Dushu), keeps the
library it replaces beside it, and only then puts the new one in place.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from dushu.errors import DushuError
from dushu.storage.library import Library, LibraryError, default_library_path

__all__ = ["LibraryContents", "TransferError", "export_library", "import_library"]


class TransferError(DushuError):
    """A library file cannot be exported or imported (missing, unreadable, not a Dushu library)."""


@dataclass(frozen=True, slots=True)
class LibraryContents:
    """What a library file holds, as a person would count it."""

    path: Path
    documents: int
    word_statuses: int  # words marked known or learning
    user_words: int  # merges and splits
    meanings: int  # meanings the user rewrote
    kept: Path | None = None  # after an import: where the library it replaced was kept

    def describe(self) -> str:
        """One line: "3 documents, 120 words marked known or learning, 4 word fixes, 2 edited meanings"."""

        def count(n: int, noun: str, plural: str = "") -> str:
            return f"{n} {noun if n == 1 else plural or noun + 's'}"

        return (
            f"{count(self.documents, 'document')}, {count(self.word_statuses, 'word')} marked known or "
            f"learning, {count(self.user_words, 'word fix', 'word fixes')}, "
            f"{count(self.meanings, 'edited meaning')}"
        )


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file `source` (with what its -wal holds) at `target`."""
    try:
        src = sqlite3.connect(source)  # read only in effect: nothing is written to it
    except sqlite3.Error as exc:
        raise TransferError(f"{source}: cannot be read ({exc})") from None
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # One file that travels alone: a rollback journal, not a write-ahead log beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise TransferError(f"{source}: not a Dushu library ({exc})") from None
    finally:
        src.close()


def _contents(path: Path) -> LibraryContents:
    """Open `path` as a Library (validating and migrating it) and count what it holds."""
    try:
        library = Library(path)
    except LibraryError as exc:
        raise TransferError(str(exc)) from None
    try:
        return LibraryContents(
            path=path,
            documents=len(library.documents()),
            word_statuses=len(library.statuses()),
            user_words=len(library.user_words()),
            meanings=len(library.meanings()),
        )
    finally:
        library.close()


def _single_file(path: Path) -> None:
    """Fold a write-ahead log back into the file (Library opens files in WAL mode)."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()


def _scratch(beside: Path, label: str) -> Path:
    return beside.with_name(f".{beside.name}.{label}-{os.getpid()}")


def _remove_database(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)


def export_library(
    target: str | os.PathLike[str], source: str | os.PathLike[str] | None = None
) -> LibraryContents:
    """Write the library (`source`, by default the user's) to the single file `target`."""
    src = Path(source) if source is not None else default_library_path()
    dst = Path(target)
    if not src.is_file():
        raise TransferError(f"there is no library to export yet ({src} does not exist)")
    if dst.exists() and dst.resolve() == src.resolve():
        raise TransferError(f"{dst}: that is the library itself; export to another file")
    if dst.is_dir():
        raise TransferError(f"{dst}: is a folder; give the name of the file to write")
    scratch = _scratch(dst, "export")
    try:
        _copy_database(src, scratch)
        contents = _contents(scratch)
        _single_file(scratch)
        os.replace(scratch, dst)
    except OSError as exc:
        raise TransferError(f"{dst}: cannot be written ({exc.strerror or exc})") from None
    finally:
        _remove_database(scratch)
    return replace(contents, path=dst)


def import_library(
    source: str | os.PathLike[str], target: str | os.PathLike[str] | None = None
) -> LibraryContents:
    """Make the exported library `source` the user's library (`target`, by default the user's).

    The library it replaces is kept beside it as `library.sqlite3.before-import-<time>`; nothing is
    changed when `source` is not a library this Dushu can open. Close the app first: an open app
    keeps using the library it had.
    """
    src = Path(source)
    dst = Path(target) if target is not None else default_library_path()
    if not src.is_file():
        raise TransferError(f"{src}: no such file")
    if dst.exists() and src.resolve() == dst.resolve():
        raise TransferError(f"{src}: that is the library itself")
    dst.parent.mkdir(parents=True, exist_ok=True)
    scratch = _scratch(dst, "import")
    kept: Path | None = None
    try:
        _copy_database(src, scratch)
        contents = _contents(scratch)  # validates, and migrates a file from an older Dushu
        if dst.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            kept = dst.with_name(f"{dst.name}.before-import-{stamp}")
            _copy_database(dst, kept)
        # The old file's write-ahead log must not be replayed onto the new file.
        for extra in (dst.with_name(dst.name + "-wal"), dst.with_name(dst.name + "-shm")):
            extra.unlink(missing_ok=True)
        os.replace(scratch, dst)
    except OSError as exc:
        raise TransferError(f"{dst}: cannot be written ({exc.strerror or exc})") from None
    finally:
        _remove_database(scratch)
    return replace(contents, path=dst, kept=kept)
