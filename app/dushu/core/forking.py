"""Forked worker processes for the long jobs of the command line (Linux only).

Workers read what they need from `shared()`: set just before the fork, so it reaches them without
being pickled. Only a single-threaded program may fork: the command line does, the GUI does not.
A worker that dies (killed for memory, say) breaks the pool with `BrokenProcessPool` rather than
leaving the caller waiting; callers then do the work themselves.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

__all__ = ["BrokenProcessPool", "can_fork", "forked_pool", "shared"]

_shared: dict[str, Any] = {}


def can_fork() -> bool:
    """True where worker processes can be forked safely (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def forked_pool(processes: int, **shared: Any) -> Iterator[ProcessPoolExecutor]:
    """A pool of `processes` forked workers that see `shared` through `shared()`.

    Leaving the block by an exception (Ctrl-C, an error) stops the workers at once.
    """
    _shared.update(shared)
    pool = ProcessPoolExecutor(
        processes, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        # The executor has no public way to stop running work before Python 3.14.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _shared.clear()


def shared(name: str) -> Any:
    """In a worker: the value passed to `forked_pool` under `name`."""
    return _shared[name]


def _quiet_worker() -> None:
    """Ctrl-C reaches the workers too: they leave at once and quietly (no traceback from each), and
    the main process reports the interruption."""
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))
