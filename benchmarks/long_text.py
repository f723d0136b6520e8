"""How soon a very long text can be read in the desktop app, and when its whole analysis is ready.

    python benchmarks/long_text.py [--chars 1000000] [--vocabulary-tab]

Drives the real window offscreen with background threads, on a throw-away library (the user's
dictionary index cache is reused). The text is the bundled sample repeated to the length asked for.
Prints the seconds from opening the text to the first readable page, to the complete analysis, the
longest time the window did not answer meanwhile, and how long tab switches took meanwhile (one
every 0.7 s, through every tab).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    """Open a long text and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--vocabulary-tab", action="store_true", help="keep the Vocabulary tab open")
    args = parser.parse_args(argv)

    from dushu.storage.paths import cache_dir

    real_cache = cache_dir()
    home = Path(tempfile.mkdtemp(prefix="dushu-long-"))
    (home / "cache").symlink_to(real_cache, target_is_directory=True)
    os.environ["DUSHU_HOME"] = str(home)

    from PySide6.QtCore import QTimer

    from dushu.core.sample import sample_text
    from dushu.gui.app import create_application
    from dushu.gui.main_window import MainWindow
    from dushu.gui.tasks import ThreadTaskRunner
    from dushu.storage.library import open_library

    app = create_application(["dushu"])
    library, _ = open_library()
    runner = ThreadTaskRunner()
    window = MainWindow(library, runner)
    window.resize(1280, 820)
    window.show()

    def wait_for(done: list[bool], timeout_s: float) -> None:
        deadline = time.perf_counter() + timeout_s
        while not done[0] and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)

    started = [False]
    window.documentShown.connect(lambda: started.__setitem__(0, True))
    window.start(None)  # the sample, as on a first start (loads the dictionary too)
    wait_for(started, 120)
    if args.vocabulary_tab:
        window.tabs.setCurrentWidget(window.vocabulary)

    sample = sample_text()
    book = ((sample + "\n") * (args.chars // (len(sample) + 1) + 1))[: args.chars]
    marks: dict[str, float] = {}
    gaps: list[float] = []
    tick = QTimer()
    tick.setInterval(20)
    last = [0.0]

    def on_tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    tick.timeout.connect(on_tick)

    # A learner who looks around while the text is read in: a tab switch every 0.7 s, timed to the
    # end of its paint (the bar: under 100 ms).
    switches: list[float] = []
    tabs = [window.splitter, window.vocabulary, window.facts, window.quiz, window.review, window.library_view]
    if args.vocabulary_tab:
        tabs = [window.vocabulary, *[t for t in tabs if t is not window.vocabulary]]
    turn = [0]
    switcher = QTimer()
    switcher.setInterval(700)

    def switch_tab() -> None:
        turn[0] += 1
        target = tabs[turn[0] % len(tabs)]
        begun = time.perf_counter()
        window.tabs.setCurrentWidget(target)
        target.repaint()
        switches.append(time.perf_counter() - begun)

    switcher.timeout.connect(switch_tab)

    def first_page() -> None:
        reading = window.controller.reading
        if "first page" not in marks and reading is not None and window.reader.canvas.document() is reading:
            window.reader.canvas.viewport().repaint()  # painted: readable
            marks["first page"] = time.perf_counter() - t0

    complete = [False]

    def whole() -> None:
        marks["complete"] = time.perf_counter() - t0
        complete[0] = True

    window.controller.documentChanged.connect(first_page)
    window.documentShown.connect(whole)
    t0 = time.perf_counter()
    last[0] = t0
    tick.start()
    switcher.start()
    window.open_text("一百萬字", book)
    wait_for(complete, 600)
    tick.stop()
    switcher.stop()
    print(f"text: {len(book):,} characters ({'Vocabulary' if args.vocabulary_tab else 'Reader'} tab open)")
    for name in ("first page", "complete"):
        print(f"{name:>11}: {marks.get(name, float('nan')):6.2f} s")
    print(f"longest pause of the window: {max(gaps, default=0.0):.2f} s")
    if switches:
        ordered = sorted(switches)
        print(
            f"tab switches meanwhile: {len(switches)}, median {1000 * ordered[len(ordered) // 2]:.0f} ms, "
            f"slowest {1000 * ordered[-1]:.0f} ms"
        )
    window.close()
    runner.wait(10_000)
    library.close()
    return 0 if complete[0] else 1


if __name__ == "__main__":
    sys.exit(main())
