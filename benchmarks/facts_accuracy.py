"""Fact extraction on real news: the bench scorer's events, people and terms, plus what the seed keeps.

Runs `../shared/bench/facts/score_facts.py` against this checkout's `dushu` command (each text read as a
new user would: `dushu analyze FILE --json`, no `--date`), then counts the seed article's events, terms
and people. Skips cleanly when the measurement data is not here.

    python benchmarks/facts_accuracy.py [-v]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _shared import child_env, require_shared


def _dushu_command(folder: Path) -> str:
    """A `dushu` executable that runs this interpreter's Dushu (the scorer wants one path)."""
    beside = Path(sys.executable).with_name("dushu")
    if beside.is_file():
        return str(beside)
    wrapper = folder / "dushu"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m dushu "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return str(wrapper)


def _seed_counts(shared: Path) -> None:
    for seed in sorted((shared / "seed").glob("*.txt")):
        run = subprocess.run(
            [sys.executable, "-m", "dushu", "analyze", str(seed), "--json"],
            capture_output=True,
            text=True,
            check=True,
            env=child_env(),
        )
        data = json.loads(run.stdout)
        facts = data.get("facts", [])
        events = [f for f in facts if f.get("kind") == "event"]
        causes = [f for f in facts if f.get("kind") == "cause"]
        with_abbreviation = [g for g in data.get("glossary", []) if g.get("abbreviation") or g.get("english")]
        planned = sum(bool(f.get("planned")) for f in events)
        print(
            f"seed {seed.name}: {len(events)} events ({planned} planned), "
            f"{len(causes)} causes, {len(data.get('glossary', []))} terms "
            f"({len(with_abbreviation)} with an abbreviation or English name), "
            f"{len(data.get('people', []))} people"
        )


def main() -> None:
    shared = require_shared()
    scorer = shared / "bench" / "facts" / "score_facts.py"
    if not scorer.is_file():
        print("skipped: ../shared/bench/facts is not here")
        raise SystemExit(0)
    with tempfile.TemporaryDirectory() as folder:
        args = [sys.executable, str(scorer), "--dushu", _dushu_command(Path(folder))]
        if "-v" in sys.argv[1:]:
            args.append("-v")
        sys.stdout.flush()
        subprocess.run(args, check=True, env=child_env(), cwd=os.fspath(scorer.parent))
    _seed_counts(shared)


if __name__ == "__main__":
    main()
