"""Smoke test of the frozen app: the bundle starts, analyses its sample, exports a deck and a quiz set.

    python3 packaging/smoke_test.py dist/dushu

Runs the bundle's own programs with a fresh DUSHU_HOME (a first start: the dictionary index is built
from the bundled CC-CEDICT, HSK and frequency data), each step timed:
`dushu --version`; `dushu analyze` of the bundled sample (JSON with readings, facts and vocabulary);
`dushu deck` (an Anki package); `dushu quizset` and `dushu export-quiz` (GIFT); `dushu library
export`; then the app itself: under Xvfb with a real window (packaging/check_window.py: it opens
the sample, draws it and exits 0 when its window is closed) when Xvfb is installed, otherwise
offscreen until it has stored the sample in its library. Exit status 0 when every step passed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run(label: str, command: list[str], env: dict[str, str], timeout: float = 300) -> str:
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(
            f"smoke test: {label} failed with status {result.returncode}:\n{result.stdout}\n{result.stderr}"
        )
    print(f"  {label:<34} {took:6.2f} s")
    return result.stdout + result.stderr


def _gui_offscreen(program: Path, env: dict[str, str], library: Path, timeout: float = 180) -> None:
    """Start the app offscreen and wait until the sample is in its library (then stop it)."""
    started = time.monotonic()
    app = subprocess.Popen([str(program)], env=dict(env, QT_QPA_PLATFORM="offscreen"))
    try:
        while time.monotonic() - started < timeout:
            if app.poll() is not None:
                raise SystemExit(f"smoke test: the app exited with status {app.returncode}")
            if library.is_file():
                with sqlite3.connect(library) as db:
                    try:
                        if db.execute("SELECT count(*) FROM documents").fetchone()[0]:
                            break
                    except sqlite3.Error:
                        pass
            time.sleep(0.5)
        else:
            raise SystemExit("smoke test: the app never opened its sample")
    finally:
        app.terminate()
        app.wait(30)
    print(f"  {'app (offscreen) opened the sample':<34} {time.monotonic() - started:6.2f} s")


def main() -> int:
    """Run every step against the bundle folder given as the argument."""
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/dushu").resolve()
    dushu, gui = bundle / "dushu", bundle / "dushu-gui"
    if sys.platform == "win32":
        dushu, gui = dushu.with_suffix(".exe"), gui.with_suffix(".exe")
    if not dushu.is_file():
        raise SystemExit(f"smoke test: {dushu} not found (build it with packaging/build.sh)")
    sample = next(bundle.glob("_internal/dushu/resources/sample/sample.txt"), None)
    if sample is None:
        raise SystemExit("smoke test: the bundle has no sample text")
    work = Path(tempfile.mkdtemp(prefix="dushu-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DUSHU_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(DUSHU_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    try:
        print(f"smoke test of {bundle}")
        out = _run("dushu --version", [str(dushu), "--version"], env)
        assert out.startswith("dushu "), out
        analysis = work / "sample.json"
        _run(
            "analyze (first: builds the index)",
            [str(dushu), "analyze", str(sample), "--json", "-o", str(analysis)],
            env,
        )
        data = json.loads(analysis.read_text(encoding="utf-8"))
        readings = [t for t in data["tokens"] if t["pinyin"]]
        assert data["script"] == "traditional" and len(readings) > 500, "too few words with readings"
        assert data["facts"] and data["vocabulary"], "no facts or vocabulary"
        _run("analyze (index built)", [str(dushu), "analyze", str(sample)], env)
        deck = work / "sample.apkg"
        _run("deck", [str(dushu), "deck", str(sample), "-o", str(deck)], env)
        assert "collection.anki2" in zipfile.ZipFile(deck).namelist(), "the deck has no collection"
        quiz = work / "sample.quiz.toml"
        _run("quizset", [str(dushu), "quizset", str(sample), "-o", str(quiz)], env)
        gift = work / "sample.gift"
        _run(
            "export-quiz --format gift",
            [str(dushu), "export-quiz", str(quiz), "--format", "gift", "-o", str(gift)],
            env,
        )
        assert gift.read_text(encoding="utf-8").count("{") >= 10, "the GIFT export has too few questions"
        if shutil.which("Xvfb"):
            # The first start builds the dictionary index in `cache`; the second finds it there.
            cache = work / "cache"
            for label, shot in (("first start", "window.png"), ("index already built", "window-warm.png")):
                checker = [sys.executable, str(HERE / "check_window.py"), "--screenshot", str(work / shot)]
                checker += ["--cache-dir", str(cache), "--home", env["DUSHU_HOME"], "--", str(gui)]
                out = _run(f"app under Xvfb ({label})", checker, env)
                print("   ", out.strip())
            shutil.copy(work / "window.png", bundle.parent / "smoke-window.png")
        else:
            _gui_offscreen(gui, env, work / "home" / "data" / "library.sqlite3")
        # The app stored the sample in the library: it moves to "another computer" and arrives.
        moved = work / "moved.sqlite3"
        _run("library export", [str(dushu), "library", "export", str(moved)], env)
        other = dict(env, DUSHU_HOME=str(work / "other-home"))
        out = _run("library import", [str(dushu), "library", "import", str(moved)], other)
        assert "now holds 1 document" in out, out
        print(f"smoke test passed in {time.monotonic() - started:.1f} s")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
