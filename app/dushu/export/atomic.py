"""Writing export files atomically (the shared writer, reporting ExportError)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from dushu import atomicfile
from dushu.errors import ExportError


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call `write(handle)` on a temporary file beside `path`, then move it over `path`."""
    atomicfile.write_atomically(path, write, ExportError)
