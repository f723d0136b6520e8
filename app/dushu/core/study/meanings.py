"""The meaning a word has in its sentence, for the study items that ask it (or none when unsure).

A word is asked about only when its in-context sense is known and does not give the word away: a
question whose keyed meaning is the dictionary's first sense rather than the sentence's one teaches
the wrong thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dushu.core.models import Analysis, VocabItem

__all__ = ["word_meanings"]

_NOTE = re.compile(r"^(?:variant of|old variant of|see |see also|CL:|surname |abbr\. for|used in )")


def word_meanings(analysis: Analysis, items: Sequence[VocabItem]) -> dict[str, str]:
    """The in-context meaning of each word that can be asked, keyed by the word as written."""
    out: dict[str, str] = {}
    for item in items:
        meaning = _single_sense(item)
        if meaning:
            out[item.word] = meaning
    return out


def _single_sense(item: VocabItem) -> str:
    """The meaning when the dictionary gives the word's reading one sense only (nothing to choose)."""
    wanted = " ".join(item.pinyin)
    definitions = [d for d in item.definitions if d.source in ("cc-cedict", "user") and d.meanings]
    user = [d for d in definitions if d.source == "user"]
    if user:
        return user[0].meanings[0]
    matching = [d for d in definitions if d.pinyin.replace(" ", "") == wanted.replace(" ", "")] or definitions
    if len(matching) != 1:
        return ""
    glosses = [m for m in matching[0].meanings if not _NOTE.match(m)]
    forms = {item.word, item.traditional, item.simplified}
    if not glosses or len(glosses) > 2 or any(f and f in g for g in glosses for f in forms):
        return ""
    joined = "; ".join(re.sub(r"\s*\(CL:[^)]*\)", "", g) for g in glosses)
    return joined if len(joined) <= 40 else ""
