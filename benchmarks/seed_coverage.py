"""Dictionary coverage on the seed article: Chinese tokens with a definition or marked as a name."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from _shared import require_shared


def main() -> None:
    shared = require_shared()
    seeds = sorted((shared / "seed").glob("*.txt"))
    for seed in seeds:
        out = subprocess.run(
            [sys.executable, "-m", "dushu", "analyze", str(seed), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        data = json.loads(out)
        explained = {v["word"] for v in data["vocabulary"] if v["definitions"] or v.get("name")}
        by_parts = {
            v["word"]
            for v in data["vocabulary"]
            if v["definitions"] and all(d["source"] == "parts" for d in v["definitions"])
        }
        chinese = [t for t in data["tokens"] if t["pinyin"] and t["pos"] not in ("m", "t")]
        covered = [t for t in chinese if t["text"] in explained or t.get("name")]
        missing = Counter(t["text"] for t in chinese if t not in covered)
        parts = Counter(t["text"] for t in chinese if t["text"] in by_parts)
        share = len(covered) / len(chinese) if chinese else 1.0
        print(f"{seed.name}: {len(covered)}/{len(chinese)} Chinese word tokens explained = {share:.1%}")
        print(
            f"  explained only by their parts ({sum(parts.values())} tokens): "
            + " ".join(f"{w}×{n}" for w, n in parts.most_common())
        )
        print(
            f"  not explained ({sum(missing.values())} tokens): "
            + (" ".join(f"{w}×{n}" for w, n in missing.most_common()) or "none")
        )


if __name__ == "__main__":
    main()
