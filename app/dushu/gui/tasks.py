"""Background work: run a job on a thread pool, report progress, deliver the result on the GUI thread."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from dushu.errors import Cancelled

__all__ = ["SyncTaskRunner", "Task", "TaskRunner", "ThreadTaskRunner", "quiet_gc"]

# Progress reports closer together than this are dropped (the last one always gets through):
# a book analysis can report thousands of times, and each report is a repaint.
_PROGRESS_INTERVAL = 0.05
# How often a job lets the GUI thread run (see Task._breathe), and for how long.
_BREATHE_INTERVAL = 0.02
_BREATHE_SECONDS = 0.002


_gc_lock = threading.Lock()
_gc_pausers = 0


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a big job allocates, then freeze what it made.

    Analysing a book creates millions of small objects; each full collection pass over them holds the
    GIL for hundreds of milliseconds, and the window stops answering meanwhile. Those objects hold no
    reference cycles (reference counting frees them), so afterwards they are moved out of the
    collector's sight with gc.freeze() instead of being scanned again and again.
    """
    global _gc_pausers
    with _gc_lock:
        _gc_pausers += 1
        if _gc_pausers == 1:
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0:
                gc.freeze()
                gc.enable()


class Task:
    """One job: the worker calls `progress()` and polls `cancelled()`; the GUI may `cancel()` it."""

    def __init__(self, name: str, report: Callable[[Task, int, int], None]) -> None:
        self.name = name
        self._cancel = threading.Event()
        self._report = report
        self._last_report = 0.0
        self._last_breath = 0.0
        self.finished = False

    def _breathe(self) -> None:
        """Let the GUI thread take the GIL: sleeping a moment releases it for certain.

        A worker that releases and retakes the GIL very often (every SQLite call does) can keep a
        waiting GUI thread from ever getting it, and the window freezes for seconds. Jobs poll
        cancelled() and report progress regularly, so a short sleep there gives the GUI its turn.
        """
        now = time.monotonic()
        if now - self._last_breath >= _BREATHE_INTERVAL:
            self._last_breath = now
            time.sleep(_BREATHE_SECONDS)

    def cancel(self) -> None:
        """Ask the job to stop at its next check; its result is then never delivered."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once cancel() was called (pass this as the job's `cancel` callback)."""
        self._breathe()
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """Report progress (from any thread); throttled so the GUI thread is not flooded."""
        self._breathe()
        now = time.monotonic()
        if done < total and now - self._last_report < _PROGRESS_INTERVAL:
            return
        self._last_report = now
        self._report(self, done, total)


Job = Callable[[Task], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[int, int], None]


class TaskRunner(Protocol):
    """What the windows need from a runner; tests swap in SyncTaskRunner."""

    def run(
        self,
        name: str,
        job: Job,
        on_done: OnDone,
        on_error: OnError | None = None,
        on_progress: OnProgress | None = None,
    ) -> Task:
        """Start `job(task)`; `on_done(result)` or `on_error(exc)` runs on the GUI thread later."""
        ...

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait until every job finished (True) or the timeout passed (False)."""
        ...

    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        ...

    def active(self) -> int:
        """How many jobs have not delivered their result yet."""
        ...


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from workers arrive there as queued calls."""

    finished = Signal(object, object, object)  # task, result, error
    progressed = Signal(object, int, int)


class _Runnable(QRunnable):
    def __init__(self, task: Task, job: Job, relay: _Relay) -> None:
        super().__init__()
        self._task = task
        self._job = job
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._job(self._task)
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            error = exc
        self._relay.finished.emit(self._task, result, error)


class ThreadTaskRunner:
    """Picard's run_task(func, next_func) pattern: a thread pool plus a signal back to the GUI thread."""

    def __init__(self, max_threads: int = 2) -> None:
        # Every Qt call the GUI thread makes gives up the GIL and must win it back from a busy
        # worker; at Python's default 5 ms a frame of painting can wait seconds. 0.1 ms keeps the
        # window answering during a long analysis at a small cost in throughput.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.0001))
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._relay.progressed.connect(self._deliver_progress)
        self._callbacks: dict[int, tuple[OnDone, OnError | None, OnProgress | None]] = {}
        self._tasks: dict[int, Task] = {}

    def run(
        self,
        name: str,
        job: Job,
        on_done: OnDone,
        on_error: OnError | None = None,
        on_progress: OnProgress | None = None,
    ) -> Task:
        """Start `job(task)` on the pool; callbacks run on the GUI thread unless the task was cancelled."""
        task = Task(name, self._relay.progressed.emit)
        self._callbacks[id(task)] = (on_done, on_error, on_progress)
        self._tasks[id(task)] = task
        self._pool.start(_Runnable(task, job, self._relay))
        return task

    def _deliver_progress(self, task: Task, done: int, total: int) -> None:
        callbacks = self._callbacks.get(id(task))
        if callbacks and callbacks[2] and not task.cancelled():
            callbacks[2](done, total)

    def _deliver(self, task: Task, result: Any, error: BaseException | None) -> None:
        task.finished = True
        on_done, on_error, _ = self._callbacks.pop(id(task), (None, None, None))
        self._tasks.pop(id(task), None)
        if task.cancelled() or isinstance(error, Cancelled):
            return
        if error is not None:
            if on_error is None:
                raise error
            on_error(error)
        elif on_done is not None:
            on_done(result)

    def cancel_all(self) -> None:
        """Cancel every running job (on quit)."""
        for task in list(self._tasks.values()):
            task.cancel()

    def active(self) -> int:
        """How many jobs have not delivered yet."""
        return len(self._tasks)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the pool is idle (used on quit and by tests)."""
        return bool(self._pool.waitForDone(timeout_ms))


class SyncTaskRunner:
    """Runs each job at once on the calling thread (tests): same callbacks, no threads."""

    def run(
        self,
        name: str,
        job: Job,
        on_done: OnDone,
        on_error: OnError | None = None,
        on_progress: OnProgress | None = None,
    ) -> Task:
        """Run `job(task)` now and call the callbacks before returning."""

        def report(_task: Task, done: int, total: int) -> None:
            if on_progress is not None:
                on_progress(done, total)

        task = Task(name, report)
        try:
            result = job(task)
        except Cancelled:
            task.finished = True
            return task
        except Exception as exc:
            task.finished = True
            if on_error is None:
                raise
            on_error(exc)
            return task
        task.finished = True
        if not task.cancelled():
            on_done(result)
        return task

    def cancel_all(self) -> None:
        """Nothing runs in the background."""

    def active(self) -> int:
        """Nothing runs in the background."""
        return 0

    def wait(self, timeout_ms: int = -1) -> bool:
        """Nothing to wait for."""
        return True
