"""Writing the files a user owns (exports, quiz sets, results) atomically, in one place.

A temporary file beside the target, then `os.replace`: a crash, an error or a cancelled export leaves
any existing file as it was and no temporary file behind. The data is flushed to the disk (fsync)
before the rename and the folder after it, so a power cut leaves the old file or the new one, never
an empty one. A temporary file that a killed process left behind (our name pattern, older than
`STALE_AFTER_SECONDS`, owned by this user) is removed by the next write to the same target.
The new file gets the permissions a normal write would give it (the old file's, else the umask's),
a symbolic link is followed rather than replaced, and a target that is not a regular file (a named
pipe, /dev/stdout) is written directly. Operating-system errors become the caller's DushuError
subclass with the reason.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

from dushu.errors import DushuError

__all__ = [
    "STALE_AFTER_SECONDS",
    "atomic_binary_file",
    "atomic_text_file",
    "fsync_folder",
    "remove_stale_files",
    "remove_stale_temporaries",
    "temporary_name_pattern",
    "write_atomically",
    "write_text_atomically",
]

# A temporary file untouched for this long belongs to a write that died: a live write touches its
# file at every block it writes, and none of ours pauses for minutes.
STALE_AFTER_SECONDS = 15 * 60


def write_atomically(
    path: str | os.PathLike[str],
    write: Callable[[BinaryIO], None],
    error: type[DushuError] = DushuError,
) -> None:
    """Call `write(handle)` on a temporary binary file, then move it over `path`."""
    with atomic_binary_file(path, error) as handle:
        write(handle)


@contextlib.contextmanager
def atomic_binary_file(
    path: str | os.PathLike[str], error: type[DushuError] = DushuError
) -> Iterator[BinaryIO]:
    """A binary file to write that replaces `path` when the block ends without an exception."""
    target = Path(path)
    if target.is_dir():
        raise error(f"{target}: is a folder; give a file name to write")
    if target.is_symlink():
        target = target.resolve()
    try:
        existing = target.stat()
    except OSError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        try:
            with target.open("wb") as direct:
                yield direct
        except OSError as exc:
            raise error(f"{target}: cannot write ({exc.strerror or exc})") from None
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"{target}: cannot write there: the folder {folder} does not exist")
    remove_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"{target}: cannot write there ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, stat.S_IMODE(existing.st_mode) if existing is not None else _default_mode())
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_folder(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise error(f"{target}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_text_file(
    path: str | os.PathLike[str], error: type[DushuError] = DushuError, encoding: str = "utf-8"
) -> Iterator[IO[str]]:
    """`atomic_binary_file` as UTF-8 text with "\n" line ends, streamed (a book's JSON is large)."""
    with atomic_binary_file(path, error) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="\n")
        try:
            yield text
            text.flush()
        finally:
            text.detach()


def write_text_atomically(
    path: str | os.PathLike[str],
    text: str,
    error: type[DushuError] = DushuError,
    encoding: str = "utf-8",
) -> None:
    """`write_atomically` for text (newlines written as they are)."""
    data = text.encode(encoding)

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    write_atomically(path, write, error)


def temporary_name_pattern(target: str | os.PathLike[str]) -> re.Pattern[str]:
    """The names `tempfile.mkstemp(prefix=".NAME.", suffix=".tmp")` gives temporaries of `target`."""
    name = Path(target).name
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp")


def remove_stale_temporaries(
    target: str | os.PathLike[str], max_age: float = STALE_AFTER_SECONDS, now: float | None = None
) -> list[Path]:
    """Remove the temporaries of `target` left by interrupted writes; returns what was removed.

    Only regular files with our name pattern for this target, owned by this user and unmodified
    for `max_age` seconds: a write still going on elsewhere, or someone else's file, is left alone.
    Never raises: a folder that cannot be listed simply keeps its leftovers.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    return remove_stale_files(folder, temporary_name_pattern(target), max_age, now)


def remove_stale_files(
    folder: str | os.PathLike[str],
    pattern: re.Pattern[str],
    max_age: float = STALE_AFTER_SECONDS,
    now: float | None = None,
) -> list[Path]:
    """Remove the regular files in `folder` whose whole name matches `pattern`, owned by this user
    and unmodified for `max_age` seconds (what writes killed midway left); returns what was removed.

    Never raises, as `remove_stale_temporaries`.
    """
    limit = (time.time() if now is None else now) - max_age
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > limit:
                continue
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is already on disk
    finally:
        os.close(fd)


def _default_mode() -> int:
    """0o666 less the process umask, as open() would create the file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
