"""Writing the files a user owns (exports, quiz sets, results) atomically, in one place.

A temporary file beside the target, then `os.replace`: a crash, an error or a cancelled export leaves
any existing file as it was and no temporary file behind. The new file gets the permissions a
normal write would give it (the old file's, else the umask's), a symbolic link is followed rather
than replaced, and a target that is not a regular file (a named pipe, /dev/stdout) is written
directly. Operating-system errors become the caller's DushuError subclass with the reason.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

from dushu.errors import DushuError


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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"{target}: cannot write there ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, stat.S_IMODE(existing.st_mode) if existing is not None else _default_mode())
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, target)
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


def _default_mode() -> int:
    """0o666 less the process umask, as open() would create the file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
