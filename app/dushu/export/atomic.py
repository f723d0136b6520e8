"""Writing export files atomically: a temporary file beside the target, then os.replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from dushu.errors import ExportError


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call `write(handle)` on a temporary file in `path`'s folder, then move it over `path`.

    A crash or an exception (including a cancelled export) leaves any existing file untouched and no
    temporary file behind. OS errors become ExportError with the reason.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write to {folder}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
