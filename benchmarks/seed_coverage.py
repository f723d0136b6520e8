"""Dictionary coverage on the seed article: Chinese tokens with a definition or marked as a name."""

from __future__ import annotations

from collections import Counter

from _shared import require_shared
from dushu.core import Token, VocabItem, analyze
from dushu.core.loading import load_text
from dushu.core.segment import NUMBER_TAGS
from dushu.core.vocabulary import explain_number
from dushu.storage.toolkit import open_toolkit


def _explained(t: Token, items: dict[str, VocabItem]) -> bool:
    item = items.get(t.simplified)
    return t.is_name or (item is not None and (bool(item.definitions) or item.is_name))


def _by_parts(t: Token, items: dict[str, VocabItem]) -> bool:
    item = items.get(t.simplified)
    return item is not None and all(d.source == "parts" for d in item.definitions)


def main() -> None:
    shared = require_shared()
    toolkit = open_toolkit()
    for seed in sorted((shared / "seed").glob("*.txt")):
        analysis = analyze(load_text(seed), toolkit)
        items = {v.simplified: v for v in analysis.vocabulary}
        chinese = [t for t in analysis.tokens if t.pinyin]
        words = [t for t in chinese if t.pos not in NUMBER_TAGS]
        numbers = len(chinese) - len(words)

        covered = [t for t in words if _explained(t, items)]
        missing = Counter(t.text for t in words if not _explained(t, items))
        parts = Counter(t.text for t in covered if _by_parts(t, items))
        print(
            f"{seed.name}: {len(covered)}/{len(words)} Chinese word tokens have a definition or are names "
            f"= {len(covered) / len(words):.1%} (plus {numbers} numbers and dates with units, not counted)"
        )
        numbers_explained = sum(
            1
            for t in chinese
            if t.pos in NUMBER_TAGS and explain_number(t.simplified, toolkit.lexicon, t.pinyin, t.text)
        )
        print(
            f"  all {len(chinese)} tokens with Chinese characters, numbers and dates included (the app "
            f"explains {numbers_explained} of the {numbers} by their units): "
            f"{(len(covered) + numbers_explained) / len(chinese):.1%}; "
            f"counting numbers and dates as unexplained: {len(covered) / len(chinese):.1%}"
        )
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
