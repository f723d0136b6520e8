"""Forked worker processes for the long jobs of the command line (Linux only).

Workers read what they need from `shared()`: set just before the fork, so it reaches them without
being pickled. Only a single-threaded program may fork: the command line does, the GUI does not.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import Any

_shared: dict[str, Any] = {}


def can_fork() -> bool:
    """True where worker processes can be forked safely (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def forked_pool(processes: int, **shared: Any) -> Iterator[Pool]:
    """A pool of `processes` forked workers that see `shared` through `shared()`."""
    _shared.update(shared)
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=_quiet_worker) as pool:
            yield pool
    finally:
        _shared.clear()


def shared(name: str) -> Any:
    """In a worker: the value passed to `forked_pool` under `name`."""
    return _shared[name]


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback from each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
