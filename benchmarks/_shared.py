"""Finding the measurement data in ../shared (benchmarks only; users' clones do not have it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """`$DUSHU_SHARED`, or the `shared` folder beside the clone; None when neither exists."""
    env = os.environ.get("DUSHU_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared", REPO.parent.parent / "shared"]
    for c in candidates:
        if (c / "bench").is_dir():
            return c
    return None


def require_shared() -> Path:
    """The shared folder, or exit 0 with a note (skipping cleanly)."""
    found = shared_dir()
    if found is None:
        print("skipped: the measurement data (../shared/bench) is not here")
        raise SystemExit(0)
    return found


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a timed child process: this one's, except that Python may keep compiled
    modules as on any ordinary install (some shells set PYTHONDONTWRITEBYTECODE, which makes every
    start compile every module again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def dushu(*args: str, stdout: Path | None = None) -> None:
    """Run the `dushu` command line as a user would (python -m dushu)."""
    out = stdout.open("w", encoding="utf-8") if stdout else None
    try:
        subprocess.run([sys.executable, "-m", "dushu", *args], check=True, stdout=out)
    finally:
        if out:
            out.close()
