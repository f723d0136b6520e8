"""Card meanings on the seed articles: how many still show raw CC-CEDICT notation or give the word away.

"before" is the Meaning field as Dushu wrote it without `dushu.core.senses` (the dictionary's
glosses as they are, in dictionary order); "after" is the field now (`anki_notes.vocab_note`:
rendered for a learner, the in-context sense first, giveaways kept out). Run:
`.venv/bin/python benchmarks/seed_meanings.py`.
"""

from __future__ import annotations

import re

from _shared import require_shared
from dushu.core import VocabItem, analyze
from dushu.core.loading import load_text
from dushu.export.anki_fields import contextual_definitions, plain_line
from dushu.export.anki_models import VOCAB_FIELD_DEFS
from dushu.export.anki_notes import NoteContext, vocab_note
from dushu.storage.toolkit import open_toolkit

_MEANING = [f.name for f in VOCAB_FIELD_DEFS].index("Meaning")
# What a learner should never see: brackets, pipes between two forms, tone numbers, "CL:".
_RAW = re.compile(r"\[|\]|\||CL:|\b[a-zA-Z]+[1-5]\b")
_TAGS = re.compile(r"<[^>]+>")


def _before(item: VocabItem) -> str:
    """The Meaning as it was: every gloss for the reading, as CC-CEDICT writes it, at most eight."""
    seen: dict[str, None] = {}
    for definition in contextual_definitions(item):
        for meaning in definition.meanings:
            if plain_line(meaning):
                seen.setdefault(plain_line(meaning), None)
    return "; ".join(list(seen)[:8])


def _gives_away(item: VocabItem, text: str) -> bool:
    return any(f and f in text for f in {item.word, item.traditional, item.simplified})


def main() -> None:
    shared = require_shared()
    toolkit = open_toolkit()
    for seed in sorted((shared / "seed").glob("*.txt")):
        analysis = analyze(load_text(seed), toolkit)
        ctx = NoteContext.build(analysis, seed.stem)
        rows = []
        for item in analysis.vocabulary:
            after_html = vocab_note(item, ctx).fields[_MEANING]
            rows.append((item, _before(item), _TAGS.sub(" ", after_html), "in-context" in after_html))
        n = len(rows)
        for label, index in (("before", 1), ("after", 2)):
            raw = sum(1 for r in rows if _RAW.search(str(r[index])))
            away = sum(1 for r in rows if _gives_away(r[0], str(r[index])))
            long = sum(1 for r in rows if len(str(r[index])) > 200)
            empty = sum(1 for r in rows if not str(r[index]).strip())
            print(
                f"{seed.name} {label:6s}: of {n} meanings {raw} show raw notation, {away} contain the word, "
                f"{long} are longer than 200 characters, {empty} are empty"
            )
        print(f"{seed.name}: the in-context sense leads {sum(1 for r in rows if r[3])} of {n} meanings")


if __name__ == "__main__":
    main()
