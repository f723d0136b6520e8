"""Hostile-input and crash cases per area: how many were tried and how many Dushu survived.

    python benchmarks/robustness.py [--scale N] [--seed S] [--only AREA,...]

"Survived" means what a user would call it: no traceback (only Dushu's own error), no code run from
a cache, no healthy file called damaged, no damage passed over in silence, no wrong reading of a
text, no file left truncated or temporaries left behind. Everything happens in a temporary folder.

Each area is a function `(rng, scale) -> (tried, survived)` in AREAS. Areas of other parts of Dushu
live in `benchmarks/robustness_exports.py`, whose own AREAS (name -> `() -> (tried, survived)`) are
appended.
"""

from __future__ import annotations

import argparse
import difflib
import os
import pickle
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import robustness_exports

Area = Callable[[random.Random, int], tuple[int, int]]

# Texts written for this benchmark (not from any measured set).
_TEXTS = (
    "阿福每天早上騎車去河邊的小書店看書，老闆總是給他倒一杯熱茶。\n",
    "今年春天，李小蘭和同學們一起種了三棵樹，她說明年還要再種五棵。\n",
    "这个周末我们打算去山上露营，天气预报说会有一点小雨，但是大家都很期待。\n",
    "The lesson ends at noon. 下課以後，我們去食堂吃飯吧！\n",
)


class _Marker:
    """A pickle that writes a file when loaded: what a hostile cache would do."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.path, "code ran"))


def area_cache(rng: random.Random, scale: int) -> tuple[int, int]:
    """jieba's prefix-dictionary cache: tampered, truncated, padded, pickled, other stamps."""
    from dushu.core import segment_cache
    from dushu.core.segment import Segmenter

    tried = survived = 0
    with tempfile.TemporaryDirectory(prefix="dushu-robust-cache-") as scratch:
        folder = Path(scratch)
        Segmenter(folder)  # builds the valid cache once
        path = folder / segment_cache.FILE_NAME
        good = path.read_bytes()
        stamp = good.split(b"\n", 2)[1].split(b'"stamp": "')[1].split(b'"')[0].decode()
        expected = segment_cache.read_prefix_dictionary(path, stamp)
        marker = folder / "code-ran"
        variants: list[bytes] = [
            b"",
            pickle.dumps(_Marker(marker)),
            pickle.dumps((stamp, {"x": 1}, 1)),
            good + b"padding",
            good.replace(b'"version": 1', b'"version": 2'),
            good.replace(b'"total": ', b'"total": 1', 1),
        ]
        for _ in range(40 * scale):
            data = bytearray(good)
            choice = rng.randrange(4)
            if choice == 0:
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            elif choice == 1:
                del data[rng.randrange(len(data)) :]
            elif choice == 2:
                data[rng.randrange(200)] = rng.randrange(256)  # the header
            else:
                data = bytearray(rng.randbytes(rng.randrange(1, 5000)))
            variants.append(bytes(data))
        for data in variants:
            tried += 1
            path.write_bytes(data)
            try:
                result = segment_cache.read_prefix_dictionary(path, stamp)
            except Exception:  # any other exception is a failure
                continue
            if not marker.exists() and (result is None or result == expected):
                survived += 1
    return tried, survived


def _template_library(folder: Path) -> bytes:
    from dushu.storage.library import Library, WordStatus

    path = folder / "template.sqlite3"
    with Library(path) as lib:
        for n, text in enumerate(_TEXTS * 20):
            lib.add_document(f"第{n}篇", text * 30 + str(n))
        lib.set_status(["书店", "露营"], WordStatus.KNOWN)
        lib.set_meaning("书店", "bookshop")
    data = path.read_bytes()
    path.unlink()
    return data


def area_library_damage(rng: random.Random, scale: int) -> tuple[int, int]:
    """Damaged library files: flipped bytes, cut short, emptied, overwritten pages, garbage."""
    from dushu.storage.library import LibraryError, open_library

    tried = survived = 0
    with tempfile.TemporaryDirectory(prefix="dushu-robust-library-") as scratch:
        folder = Path(scratch)
        good = _template_library(folder)
        for case in range(30 * scale):
            case_dir = folder / f"case{case}"
            case_dir.mkdir()
            path = case_dir / "library.sqlite3"
            data = bytearray(good)
            choice = rng.randrange(5)
            if choice == 0:
                for _ in range(rng.randrange(1, 20)):
                    data[rng.randrange(100, len(data))] ^= 1 << rng.randrange(8)
            elif choice == 1:
                del data[rng.randrange(len(data)) :]
            elif choice == 2:
                start = rng.randrange(1, len(data) // 4096) * 4096
                data[start : start + 4096] = rng.randbytes(4096)
            elif choice == 3:
                data = bytearray()
            else:
                data = bytearray(rng.randbytes(rng.randrange(1, 50_000)))
            path.write_bytes(bytes(data))
            tried += 1
            try:
                library, notice = open_library(path, wait=0.5)
            except LibraryError:
                survived += 1  # refused with Dushu's own error (a file from the future, say)
                continue
            except Exception:  # any other exception is a failure
                continue
            try:
                ok = _reads_cleanly(library)
                kept = [p for p in case_dir.iterdir() if ".damaged-" in p.name and "-wal" not in p.name]
                if notice is not None:
                    named = len(kept) == 1 and str(kept[0]) in notice
                    ok = ok and named and kept[0].read_bytes() == bytes(data)
                else:
                    ok = ok and not kept
            finally:
                library.close()
            survived += ok
    return tried, survived


def _reads_cleanly(library: object) -> bool:
    """Every read of the library either works or raises LibraryError (never sqlite3's own)."""
    from dushu.storage.library import Library, LibraryError

    assert isinstance(library, Library)
    try:
        for doc in library.documents():
            library.document_text(doc.id)
        library.statuses()
        library.meanings()
        library.user_words()
        library.set_status(["新词"], library.status("新词"))
    except LibraryError:
        return True
    except sqlite3.Error:
        return False
    return True


_HOLDER = (
    "import sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "db.execute(sys.argv[2]); print('ready', flush=True); sys.stdin.readline()\n"
)


def area_library_busy(rng: random.Random, scale: int) -> tuple[int, int]:
    """A library another process holds (a write lock during a migration, or just open while damaged)."""
    from dushu.storage import library as library_module
    from dushu.storage.library import LibraryBusyError, open_library

    tried = survived = 0
    with tempfile.TemporaryDirectory(prefix="dushu-robust-busy-") as scratch:
        for case in range(2 * scale):
            path = Path(scratch) / f"library{case}.sqlite3"
            db = sqlite3.connect(path)
            db.executescript(library_module.MIGRATIONS[0])
            db.execute("PRAGMA user_version = 1")
            db.execute("PRAGMA journal_mode = WAL")
            db.commit()
            db.close()
            statement = "BEGIN IMMEDIATE" if case % 2 == 0 else "PRAGMA journal_mode"
            if case % 2:
                raw = bytearray(path.read_bytes())
                raw[4096 : 4096 + 200] = b"\xff" * 200
                path.write_bytes(bytes(raw))
            with subprocess.Popen(
                [sys.executable, "-c", _HOLDER, str(path), statement],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            ) as holder:
                assert holder.stdout is not None and holder.stdin is not None
                holder.stdout.readline()
                tried += 1
                try:
                    library, _ = open_library(path, wait=0.3)
                    library.close()
                    moved = not path.exists()
                    survived += case % 2 == 0 and not moved  # the lock may be gone: fine if intact
                except LibraryBusyError:
                    survived += path.exists()
                except Exception:  # any other exception is a failure
                    pass
                holder.stdin.write("\n")
                holder.stdin.flush()
    return tried, survived


def area_decoding(rng: random.Random, scale: int) -> tuple[int, int]:
    """Input files: random bytes, and real texts in each encoding with a NUL, a flipped byte, a cut."""
    from dushu.core.loading import decode_input
    from dushu.errors import InputFileError

    tried = survived = 0
    for _ in range(200 * scale):
        data = rng.randbytes(rng.choice([1, 2, 3, 5, 8, 13, 40, 200, 2000]))
        tried += 1
        try:
            decode_input(data, "noise.bin")
        except InputFileError:
            survived += 1
        except Exception:  # any other exception is a failure
            continue
        else:
            survived += len(data) <= 2  # two bytes may well be one character
    encodings = ("utf-8", "utf-16-le", "utf-16-be", "gb18030", "big5", "utf-8-sig", "utf-16")
    for _ in range(200 * scale):
        text = "".join(rng.choice(_TEXTS) for _ in range(rng.randrange(1, 6)))
        encoding = rng.choice(encodings)
        try:
            data = bytearray(text.encode(encoding))
        except UnicodeEncodeError:
            continue
        choice = rng.randrange(4)
        if choice == 0:
            data.insert(rng.randrange(len(data)), 0)
        elif choice == 1:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif choice == 2:
            del data[rng.randrange(len(data) // 2, len(data)) :]
        tried += 1
        try:
            loaded = decode_input(bytes(data), "lesson.txt")
        except InputFileError:
            survived += choice != 3  # a damaged file may be refused; a clean one must be read
            continue
        except Exception:  # any other exception is a failure
            continue
        # The right reading of the damaged bytes: their own encoding, broken bytes replaced.
        right = bytes(data).decode(encoding, errors="replace").lstrip("\ufeff").replace("\x00", "\ufffd")
        similar = difflib.SequenceMatcher(None, loaded.text, right, autojunk=False).ratio()
        survived += similar >= 0.9 and "\x00" not in loaded.text
    return tried, survived


def area_named_pipes(rng: random.Random, scale: int) -> tuple[int, int]:
    """A named pipe nobody writes to, in place of an input file: refused in time, no hang."""
    if not hasattr(os, "mkfifo"):
        return 0, 0
    from dushu.core import loading
    from dushu.errors import InputFileError

    tried = survived = 0
    old = loading.FIFO_WAIT_SECONDS
    loading.FIFO_WAIT_SECONDS = 0.3
    try:
        with tempfile.TemporaryDirectory(prefix="dushu-robust-fifo-") as scratch:
            for n in range(2 * scale):
                pipe = Path(scratch) / f"pipe{n}.txt"
                os.mkfifo(pipe)
                tried += 1
                started = time.monotonic()
                try:
                    loading.load_text(pipe)
                except InputFileError:
                    survived += time.monotonic() - started < 5
                except Exception:  # any other exception is a failure
                    pass
    finally:
        loading.FIFO_WAIT_SECONDS = old
    return tried, survived


_ATOMIC_WRITER = r"""
import sys
from dushu.atomicfile import write_atomically
n = 0
while True:
    n += 1
    block = (f"version {n:08d}\n".encode() * 65536)
    write_atomically(sys.argv[1], lambda fh: fh.write(block))
"""


def area_atomic_writes(rng: random.Random, scale: int) -> tuple[int, int]:
    """kill -9 in the middle of atomic writes: the target is always whole, leftovers get removed."""
    if not hasattr(signal, "SIGKILL"):
        return 0, 0
    from dushu.atomicfile import STALE_AFTER_SECONDS, remove_stale_temporaries

    tried = survived = 0
    with tempfile.TemporaryDirectory(prefix="dushu-robust-atomic-") as scratch:
        target = Path(scratch) / "deck.apkg"
        for _ in range(5 * scale):
            with subprocess.Popen([sys.executable, "-c", _ATOMIC_WRITER, str(target)]) as writer:
                time.sleep(rng.uniform(0.3, 1.5))
                writer.send_signal(signal.SIGKILL)
                writer.wait(30)
            tried += 1
            whole = True
            if target.exists():
                data = target.read_bytes()
                line = data[:17]
                whole = len(data) == 17 * 65536 and data == line * 65536
            old = time.time() - 2 * STALE_AFTER_SECONDS
            for leftover in Path(scratch).glob(".deck.apkg.*.tmp"):
                os.utime(leftover, (old, old))
            remove_stale_temporaries(target)
            clean = not list(Path(scratch).glob(".deck.apkg.*.tmp"))
            survived += whole and clean
    return tried, survived


def area_dictionary_index(rng: random.Random, scale: int) -> tuple[int, int]:
    """The dictionary index with damaged pages or cut short: rebuilt, the answers right."""
    import shutil

    from dushu.storage import lexicon as lex
    from dushu.storage.paths import cache_dir

    good = cache_dir() / lex.INDEX_NAME
    lex.open_lexicon(cache_dir())  # builds it under the temporary DUSHU_HOME when missing
    expected = lex.Lexicon(good).lookup("学校")
    tried = survived = 0
    with tempfile.TemporaryDirectory(prefix="dushu-robust-index-") as scratch:
        for case in range(scale):
            folder = Path(scratch) / f"case{case}"
            folder.mkdir()
            path = folder / lex.INDEX_NAME
            shutil.copyfile(good, path)
            with path.open("r+b") as fh:
                if case % 2 == 0:
                    size = path.stat().st_size
                    for _ in range(20):
                        fh.seek(rng.randrange(8 * 4096, size))
                        fh.write(rng.randbytes(64))
                else:
                    fh.truncate(rng.randrange(4096, path.stat().st_size))
            tried += 1
            try:
                lexicon = lex.open_lexicon(folder)
                ok = "学校" in lexicon.headwords() and lexicon.lookup("学校") == expected
            except lex.LexiconError:
                ok = True  # Dushu's own error: refused, not crashed
            except Exception:  # any other exception is a failure
                ok = False
            survived += ok
    return tried, survived


_HOSTILE_CACHE = pickle.dumps(_Marker(Path(tempfile.gettempdir()) / "dushu-robust-code-ran"))


def area_command_line(rng: random.Random, scale: int) -> tuple[int, int]:
    """`dushu segment` with a hostile cache, damaged or busy libraries and damaged inputs: it
    exits 0 or 2 with at most one line on stderr, never a traceback."""
    from dushu.core import segment_cache
    from dushu.storage import lexicon as lex
    from dushu.storage.paths import cache_dir

    lex.open_lexicon(cache_dir())
    tried = survived = 0
    marker = Path(tempfile.gettempdir()) / "dushu-robust-code-ran"
    marker.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="dushu-robust-cli-") as scratch:
        root = Path(scratch)
        text = root / "lesson.txt"
        data = "".join(_TEXTS).encode("utf-8")
        cases: list[tuple[str, Callable[[Path, Path], object]]] = [
            ("hostile cache", lambda home, cache: _write(cache / segment_cache.FILE_NAME, _HOSTILE_CACHE)),
            (
                "old pickle",
                lambda home, cache: _write(cache / segment_cache.LEGACY_FILE_NAME, _HOSTILE_CACHE),
            ),
            ("empty library", lambda home, cache: _write(home / "data" / "library.sqlite3", b"")),
            ("garbage library", lambda home, cache: _write(home / "data" / "library.sqlite3", b"x" * 5000)),
            ("stray NUL", lambda home, cache: _write(text, data[:30] + b"\x00" + data[30:])),
            ("cut mid-character", lambda home, cache: _write(text, data[:-2])),
        ]
        for n in range(scale):
            for name, prepare in cases:
                home, cache = root / f"home-{name}-{n}", root / f"cache-{name}-{n}"
                cache.mkdir(parents=True)
                (home / "data").mkdir(parents=True)
                os.link(cache_dir() / lex.INDEX_NAME, cache / lex.INDEX_NAME)
                text.write_bytes(data)
                prepare(home, cache)
                env = {**os.environ, "DUSHU_HOME": str(home), "DUSHU_CACHE_DIR": str(cache)}
                done = subprocess.run(
                    [sys.executable, "-m", "dushu", "segment", str(text)],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                tried += 1
                lines = done.stderr.splitlines()
                survived += (
                    done.returncode in (0, 2)
                    and len(lines) <= 1
                    and "Traceback" not in done.stderr
                    and not marker.exists()
                )
    return tried, survived


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


AREAS: list[tuple[str, Area]] = [
    ("cache", area_cache),
    ("library damage", area_library_damage),
    ("library busy", area_library_busy),
    ("decoding", area_decoding),
    ("named pipes", area_named_pipes),
    ("atomic writes", area_atomic_writes),
    ("dictionary index", area_dictionary_index),
    ("command line", area_command_line),
]


def _exports_area(cases: Callable[[], tuple[int, int]]) -> Area:
    """An area of robustness_exports (which takes no arguments and draws its own cases), run once
    per unit of scale."""

    def area(rng: random.Random, scale: int) -> tuple[int, int]:
        runs = [cases() for _ in range(scale)]
        return sum(t for t, _ in runs), sum(s for _, s in runs)

    return area


AREAS.extend((name, _exports_area(cases)) for name, cases in robustness_exports.AREAS.items())


def main() -> int:
    """Run every area (or those named with --only) and print tried / survived per area."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="multiply the number of cases (default 1)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--only", help="comma-separated area names")
    args = parser.parse_args()
    wanted = {a.strip() for a in args.only.split(",")} if args.only else None
    os.environ.setdefault("DUSHU_HOME", tempfile.mkdtemp(prefix="dushu-robust-home-"))
    total_tried = total_survived = 0
    print(f"{'area':<24} {'tried':>7} {'survived':>9}")
    for name, area in AREAS:
        if wanted is not None and name not in wanted:
            continue
        started = time.monotonic()
        tried, survived = area(random.Random(f"{args.seed}:{name}"), args.scale)
        total_tried += tried
        total_survived += survived
        print(f"{name:<24} {tried:>7} {survived:>9}   ({time.monotonic() - started:.1f} s)", flush=True)
    print(f"{'all':<24} {total_tried:>7} {total_survived:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
