"""Polyphone reading accuracy of `dushu analyze --json` on the CPP dev set, Simplified and Traditional."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _shared import dushu, require_shared


def main() -> None:
    shared = require_shared()
    bench = shared / "bench"
    sent, labels = bench / "data/cpp/dev.sent", bench / "data/cpp/dev.lb"
    with tempfile.TemporaryDirectory() as tmp:
        for variant in ("simplified", "traditional"):
            out = Path(tmp) / variant
            flags = ["--traditional"] if variant == "traditional" else []
            subprocess.run(
                [sys.executable, str(bench / "cpp_prepare.py"), str(sent), str(labels), str(out), *flags],
                check=True,
                capture_output=True,
            )
            analysis = out / "analysis.json"
            dushu("analyze", str(out / "input.txt"), "--json", "-o", str(analysis))
            result = subprocess.run(
                [sys.executable, str(bench / "cpp_score.py"), str(analysis), str(out / "key.json")],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"CPP dev, {variant:12} {result.stdout.strip()}")


if __name__ == "__main__":
    main()
