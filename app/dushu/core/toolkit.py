"""The language tools an analysis uses: segmenter, reading finder, lexicon and the name list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from dushu.core.cedict import cedict_pinyin_marks
from dushu.core.readings import HAN_RUN, ReadingFinder
from dushu.core.script import to_simplified
from dushu.core.segment import Segmenter
from dushu.core.wordlists import NameEntry

# Kinds on the name list that are names of someone or something (terms are ordinary words).
PROPER_NAME_KINDS = frozenset({"person", "place", "organisation"})

# jieba part-of-speech tags for the kinds in the name list.
NAME_TAGS = {"person": "nr", "place": "ns", "organisation": "nt", "term": "nz"}


class Lexicon(Protocol):
    """Dictionary entries plus word statistics (the SQLite index implements it)."""

    def lookup(self, word: str) -> list: ...  # type: ignore[type-arg]

    def has_word(self, word: str) -> bool: ...

    def zipf(self, simplified: str) -> float: ...

    def hsk_level(self, simplified: str) -> int | None: ...

    def pos_tag(self, simplified: str) -> str | None: ...
    def pos_tags(self, words: Iterable[str]) -> dict[str, str]: ...
    def prefetch(self, words: Iterable[str]) -> None: ...
    def prefetch_stats(self, words: Iterable[str]) -> None: ...
    def single_readings(self, words: Iterable[str]) -> dict[str, tuple[str, ...] | None]: ...


@dataclass
class Toolkit:
    """Everything `analyze()` needs besides the text; built once, reused for every document."""

    segmenter: Segmenter
    readings: ReadingFinder
    lexicon: Lexicon
    names: dict[str, NameEntry] = field(default_factory=dict)  # keyed by Simplified form

    @property
    def dictionary(self) -> Lexicon:
        """The lexicon, under the name the GUI uses for look-ups."""
        return self.lexicon


def build_toolkit(
    cache_dir: str,
    lexicon: Lexicon,
    names: Iterable[NameEntry] = (),
    user_words: Iterable[str] = (),
) -> Toolkit:
    """Assemble a toolkit; `user_words` (any script) are kept whole by the segmenter."""
    by_simplified: dict[str, NameEntry] = {}
    for entry in names:
        by_simplified.setdefault(to_simplified(entry.word), entry)
    segmenter = Segmenter(
        cache_dir,
        names=[
            (w, NAME_TAGS.get(e.kind, "nz")) for w, e in by_simplified.items() if e.kind in PROPER_NAME_KINDS
        ],
        user_words=[w for w, e in by_simplified.items() if e.kind not in PROPER_NAME_KINDS],
        tag_of=lexicon.pos_tag,
        tags_of=lexicon.pos_tags,
        headwords_of=lambda words: _headwords(lexicon, words),
    )
    fixed: dict[str, tuple[str, ...]] = {}
    for word, entry in by_simplified.items():
        if entry.pinyin:
            fixed.update(_readings_by_run(word, cedict_pinyin_marks(entry.pinyin)))
    for word in user_words:
        segmenter.add_user_word(word)
    return Toolkit(segmenter, ReadingFinder(lexicon, fixed), lexicon, by_simplified)


def _headwords(lexicon: Lexicon, words: list[str]) -> set[str]:
    """Which of `words` are dictionary headwords, with a few queries for all of them (the
    vocabulary asks for the same entries later, so they are not fetched twice)."""
    lexicon.prefetch(words)
    return {w for w in words if lexicon.lookup(w)}


def _readings_by_run(word: str, syllables: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Split a listed reading over the Han runs of a word: 拉胡尔·甘地 -> 拉胡尔, 甘地."""
    runs = [m.group() for m in HAN_RUN.finditer(word)]
    if sum(len(r) for r in runs) != len(syllables):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    i = 0
    for run in runs:
        if len(run) > 1:  # 汗 of 伊姆蘭·汗 must not change how 汗 (sweat) reads everywhere
            out[run] = syllables[i : i + len(run)]
        i += len(run)
    return out
