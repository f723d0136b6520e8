"""Word segmentation F1 of `dushu segment` on the Academia Sinica (Traditional) and PKU test sets."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _shared import dushu, require_shared


def main() -> None:
    shared = require_shared()
    data = shared / "bench" / "data"
    scorer = shared / "bench" / "score_seg.py"
    with tempfile.TemporaryDirectory() as tmp:
        for name, label in (("as", "Academia Sinica, Traditional"), ("pku", "Peking University, Simplified")):
            pred = Path(tmp) / f"{name}.txt"
            dushu("segment", str(data / f"{name}_test.utf8"), stdout=pred)
            result = subprocess.run(
                [sys.executable, str(scorer), str(data / f"{name}_test_gold.utf8"), str(pred)],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"{label:32} {result.stdout.strip()}")


if __name__ == "__main__":
    main()
