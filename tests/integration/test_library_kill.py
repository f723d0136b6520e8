"""`kill -9` at any moment never damages the library nor loses an edit it had committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dushu.storage.library import Library, WordStatus, open_library

# Writes to the library as fast as it can and says which edit it has committed.
_WRITER = r"""
import sys
from dushu.storage.library import WordStatus, open_library

library, notice = open_library(sys.argv[1])
print("opened", notice, flush=True)
start = int(sys.argv[2])
for n in range(start, start + 100_000):
    if n % 3 == 0:
        library.add_document(f"第{n}篇", "阿福每天騎車去河邊看書。" * 50 + str(n))
    elif n % 3 == 1:
        library.set_status([f"词{n}"], WordStatus.KNOWN)
    else:
        library.set_meaning(f"词{n - 1}", f"meaning {n}")
    print(n, flush=True)
"""


def committed(lines: list[str]) -> list[int]:
    return [int(line) for line in lines if line.strip().isdigit()]


def edit_is_there(library: Library, n: int) -> bool:
    if n % 3 == 0:
        return any(doc.title == f"第{n}篇" for doc in library.documents())
    if n % 3 == 1:
        return library.status(f"词{n}") is WordStatus.KNOWN
    return library.meaning(f"词{n - 1}") == f"meaning {n}"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX thing")
def test_kill_9_in_a_loop_never_damages_the_library_nor_loses_a_commit(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    rng = random.Random(9)
    start = 0
    every_commit: list[int] = []
    for round_ in range(12):
        with subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ},
        ) as writer:
            # The first rounds die while the library is being created or opened.
            time.sleep(rng.uniform(0.0, 0.15) if round_ < 3 else rng.uniform(0.2, 0.8))
            writer.send_signal(signal.SIGKILL)
            out, _ = writer.communicate(timeout=30)
        lines = out.splitlines()
        if lines and lines[0].startswith("opened"):
            assert lines[0] == "opened None", "a library was called damaged after a kill"
        done = committed(lines)
        every_commit += done
        start = (done[-1] + 1) if done else start
        if path.exists():
            assert path.stat().st_size > 0
            library, notice = open_library(path, wait=5)
            with library:
                assert notice is None
                for n in done[-3:]:
                    assert edit_is_there(library, n), f"edit {n} was committed, then lost"
    assert every_commit, "the writer never got to write"
    with Library(path) as library:
        for n in every_commit[:: max(1, len(every_commit) // 50)]:
            assert edit_is_there(library, n)
