"""jieba's prefix dictionary cached as plain data: words as UTF-8 text, frequencies as integers.

The cache folder may be shared or synced, so anyone may have written the file: nothing in it is
ever run (no pickle, no marshal). Before use, the file is checked against a header that carries
the format version, the stamp of the dictionary it was built from, the sizes of both parts and a
SHA-256 of them; any mismatch (tampered, truncated, padded, built from another jieba, not a
regular file) makes the caller rebuild it. Loading it costs less than the pickle it replaces
(split and zip run in C).

    MAGIC line
    header line: JSON {"version", "stamp", "total", "count", "words_bytes", "freq_bytes", "sha256"}
        (sha256 of the stamp, the total and the two parts)
    words: "\n".join(words) in UTF-8
    frequencies: `count` signed 64-bit little-endian integers, in the order of the words
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dushu.atomicfile import remove_stale_temporaries

__all__ = ["FILE_NAME", "LEGACY_FILE_NAME", "read_prefix_dictionary", "write_prefix_dictionary"]

FILE_NAME = "jieba-prefix.dat"
# The pickle of earlier versions: never read again (it could run code), removed when the new
# cache is written.
LEGACY_FILE_NAME = "jieba-prefix.pickle"

_MAGIC = b"DUSHU JIEBA PREFIX DICTIONARY\n"
_VERSION = 1
_MAX_HEADER = 4096
# jieba's dictionary makes a 9 MB file; anything claiming far more is not ours.
_MAX_PAYLOAD = 256 * 1024 * 1024
_ITEM = 8  # bytes per frequency ('q')
_HEX_DIGEST = re.compile("[0-9a-f]{64}")


def read_prefix_dictionary(path: Path, stamp: str) -> tuple[dict[str, int], int] | None:
    """The (frequencies, total) saved at `path` for the dictionary `stamp`, or None to rebuild.

    Never raises for anything about the file: a missing, unreadable or damaged cache is None.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            size = os.fstat(fh.fileno())
            if not stat.S_ISREG(size.st_mode):
                return None  # a FIFO or a device would block or never end
            if fh.read(len(_MAGIC)) != _MAGIC:
                return None
            header_line = fh.readline(_MAX_HEADER)
            header = _parse_header(header_line, stamp)
            if header is None:
                return None
            payload_size = header.words_bytes + header.freq_bytes
            if len(_MAGIC) + len(header_line) + payload_size != size.st_size:
                return None  # truncated, padded, or the sizes were edited
            payload = fh.read(payload_size)
    except OSError:
        return None
    return _parse_payload(payload, header, stamp)


@dataclass(frozen=True, slots=True)
class _Header:
    """What the header line promises about the rest of the file."""

    total: int
    count: int
    words_bytes: int
    freq_bytes: int
    sha256: str


def _parse_header(line: bytes, stamp: str) -> _Header | None:
    """The header when it is well-formed and for `stamp`, else None."""
    if not line.endswith(b"\n"):
        return None  # longer than any header we write, or cut off
    try:
        fields = json.loads(line)
    except ValueError:
        return None
    if not isinstance(fields, dict) or fields.get("version") != _VERSION or fields.get("stamp") != stamp:
        return None
    digest = fields.get("sha256")
    if not isinstance(digest, str) or not _HEX_DIGEST.fullmatch(digest):
        return None
    sizes: dict[str, int] = {}
    for key in ("total", "count", "words_bytes", "freq_bytes"):
        value = fields.get(key)
        # bool is an int in Python; neither it nor a negative number is a size.
        if type(value) is not int or value < 0:
            return None
        sizes[key] = value
    header = _Header(sha256=digest, **sizes)
    if header.words_bytes + header.freq_bytes > _MAX_PAYLOAD or header.freq_bytes != header.count * _ITEM:
        return None
    return header


def _digest(stamp: str, total: int, payload: bytes) -> str:
    """SHA-256 over what the sizes do not pin down: the stamp, the total and the payload."""
    digest = hashlib.sha256(f"{stamp}\n{total}\n".encode())
    digest.update(payload)
    return digest.hexdigest()


def _parse_payload(payload: bytes, header: _Header, stamp: str) -> tuple[dict[str, int], int] | None:
    """Frequencies and total from the payload the header describes, or None when anything disagrees."""
    if _digest(stamp, header.total, payload) != header.sha256:
        return None
    try:
        words = payload[: header.words_bytes].decode("utf-8").split("\n") if header.count else []
    except UnicodeDecodeError:
        return None
    freqs = array.array("q")
    freqs.frombytes(payload[header.words_bytes :])
    if sys.byteorder == "big":
        freqs.byteswap()
    if len(words) != header.count or len(freqs) != header.count or (header.count and min(freqs) < 0):
        return None
    freq = dict(zip(words, freqs, strict=True))
    if len(freq) != header.count:
        return None  # a word twice: not a file we wrote
    return freq, header.total


def write_prefix_dictionary(path: Path, stamp: str, freq: Mapping[str, int], total: int) -> None:
    """Save (frequencies, total) for the dictionary `stamp` at `path`, replacing it atomically.

    Best effort: a read-only or full cache folder only costs time on the next start. The pickle of
    earlier versions beside it is removed.
    """
    words = "\n".join(freq)
    if words.count("\n") != max(len(freq) - 1, 0) or any(v < 0 for v in freq.values()):
        return  # a word with a line break or a negative count cannot be stored in this format
    words_data = words.encode("utf-8", "surrogatepass")
    freqs = array.array("q", freq.values())
    if sys.byteorder == "big":
        freqs.byteswap()
    freq_data = freqs.tobytes()
    header = {
        "version": _VERSION,
        "stamp": stamp,
        "total": int(total),
        "count": len(freq),
        "words_bytes": len(words_data),
        "freq_bytes": len(freq_data),
        "sha256": _digest(stamp, int(total), words_data + freq_data),
    }
    header_line = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)  # what writers killed midway left
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + header_line)
            fh.write(words_data)
            fh.write(freq_data)
        os.replace(tmp_name, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        return
    with contextlib.suppress(OSError):
        (path.parent / LEGACY_FILE_NAME).unlink(missing_ok=True)
