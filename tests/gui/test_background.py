"""Long work runs off the GUI thread: progress shows, the window answers, Cancel stops it."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from dushu.errors import Cancelled
from dushu.gui.tasks import SyncTaskRunner, Task, ThreadTaskRunner

pytestmark = pytest.mark.gui


def test_thread_runner_delivers_results_on_the_gui_thread(qtbot: Any) -> None:
    import threading

    runner = ThreadTaskRunner()
    seen: dict[str, Any] = {}

    def job(task: Task) -> str:
        seen["worker"] = threading.current_thread()
        task.progress(1, 1)
        return "done"

    def done(result: str) -> None:
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    runner.run("job", job, done, on_progress=lambda d, t: seen.setdefault("progress", (d, t)))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == "done"
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert seen["progress"] == (1, 1)
    runner.wait()


def test_errors_reach_the_error_callback(qtbot: Any) -> None:
    runner = ThreadTaskRunner()
    errors: list[BaseException] = []

    def job(task: Task) -> None:
        raise ValueError("bad")

    runner.run("job", job, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    runner.wait()


def test_a_cancelled_job_delivers_nothing(qtbot: Any) -> None:
    runner = ThreadTaskRunner()
    delivered: list[object] = []

    def job(task: Task) -> str:
        while not task.cancelled():
            time.sleep(0.01)
        raise Cancelled()

    task = runner.run("job", job, delivered.append, delivered.append)
    task.cancel()
    assert runner.wait(5000)
    qtbot.wait(50)
    assert delivered == []


def test_sync_runner_runs_at_once() -> None:
    out: list[int] = []
    SyncTaskRunner().run("job", lambda task: 41 + 1, out.append)
    assert out == [42]


@pytest.mark.slow
def test_a_million_characters_open_with_progress_and_a_responsive_window(
    qtbot: Any, make_window: Any
) -> None:
    window = make_window(runner=ThreadTaskRunner(), start=False)
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.start(None)
    sample = window.reading.analysis.text
    book = ((sample + "\n") * (1_000_000 // len(sample) + 1))[:1_000_000]
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    progress: list[int] = []
    window.progress.valueChanged.connect(progress.append)
    started = time.perf_counter()
    ticks.append(started)
    with qtbot.waitSignal(window.documentShown, timeout=180_000):
        window.open_text("一百萬字", book)
        assert window.progress.isVisible()  # progress shows while the analysis runs
        assert window.cancel_button.isVisible()
    timer.stop()
    took = time.perf_counter() - started
    assert len(window.reading.analysis.text) == 1_000_000
    assert len(window.reading.pages) > 100
    assert progress and max(progress) >= 90
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # The event loop kept running all along, from the moment the text was opened: never a pause of a
    # second (the longest is the core's first pass over the whole text, before it reports progress).
    assert max(gaps) < 1.0, f"the window froze for {max(gaps):.2f} s"
    assert len(ticks) > took / 0.2
    assert not window.progress.isVisible()


def test_cancel_stops_a_long_analysis(qtbot: Any, make_window: Any) -> None:
    window = make_window(runner=ThreadTaskRunner(), start=False)
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.start(None)
    sample = window.reading.analysis.text
    book = ((sample + "\n") * 120)[:300_000]
    previous = window.doc_info.id
    window.open_text("長文", book)
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=30_000)
    window.cancel_button.click()
    assert not window.progress.isVisible()
    assert window.runner.wait(30_000)
    qtbot.wait(50)
    # The document that was open stays on screen; the long one is still in the library to reopen.
    assert window.reading.doc_id == previous
    assert any(d.title == "長文" for d in window.library.documents())
