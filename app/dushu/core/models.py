"""The data model every consumer reads: frozen dataclasses from text to Analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Script(StrEnum):
    """Which set of characters a text is written in."""

    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    MIXED = "mixed"
    UNKNOWN = "unknown"  # no Han characters whose form tells the two apart


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: `text == source[start:end]`."""

    index: int
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """One word (or punctuation, number, Latin run, whitespace) of the text.

    `pinyin` has one tone-marked syllable per Han character of `text`, empty for other tokens.
    `simplified` is the Simplified form used for segmentation, readings and lookup.
    Immutable like the dataclasses here, but a NamedTuple: a book has millions of tokens, and a
    tuple is five times cheaper to create and a third of the memory.
    """

    text: str
    start: int
    end: int
    sentence: int
    pos: str
    pinyin: tuple[str, ...] = ()
    simplified: str = ""
    is_name: bool = False

    @property
    def is_chinese(self) -> bool:
        """True when the token contains a Han character."""
        return any(is_han(ch) for ch in self.text)


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One CC-CEDICT entry (homographs are separate entries)."""

    traditional: str
    simplified: str
    pinyin: str  # numbered, as in CC-CEDICT: "xing2 dong4"
    definitions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Definition:
    """What the vocabulary shows for one reading of a word."""

    pinyin: str  # tone marks, syllables separated by spaces
    meanings: tuple[str, ...]
    source: str = "cc-cedict"  # "cc-cedict", "parts" (explained by its parts), "names", "user"


@dataclass(frozen=True, slots=True)
class VocabItem:
    """A distinct word of the text, with what a learner needs to study it."""

    word: str
    traditional: str
    simplified: str
    pinyin: tuple[str, ...]
    definitions: tuple[Definition, ...]
    hsk: int | None  # 1-6, 7 for the 7-9 band, None when not on the list
    frequency: float  # Zipf scale (0 = unseen, 7 = the most common words)
    count: int
    example: str  # the first sentence it occurs in
    example_sentence: int
    first_offset: int
    is_name: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    """Something the text states: a dated event, a cause, a definition."""

    kind: str  # "event", "cause", ...
    text: str
    sentence: int
    date: str = ""  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    date_text: str = ""
    entities: tuple[str, ...] = ()
    start: int = -1
    end: int = -1
    # For "cause" facts: the cue word (因為, 究其原因 …) and, where the text states them, both sides.
    cue: str = ""
    cause: str = ""
    effect: str = ""
    # For events: who or what acted (from the clause, else the clauses or sentence before), a line a
    # learner can read alone (subject + date + predicate, no leading connective) and whether the text
    # announces it as scheduled (預定, 將於 …) rather than as having happened.
    subject: str = ""
    summary: str = ""
    planned: bool = False
    # For causes: what the cue marks, "reason", "purpose", "result" or "restatement".
    cue_kind: str = ""
    # For an event over a range of dates (5月6日至9日, 2019至2021年): the last day, month or year of it.
    date_end: str = ""


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term the text names, with its abbreviation or English name."""

    term: str
    kind: str  # mechanism / agreement / document / organisation
    sentence: int
    abbreviation: str = ""
    english: str = ""
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A person the text names."""

    name: str
    mentions: int
    english: str = ""
    role: str = ""
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything Dushu knows about one text; GUI, CLI, cards and quizzes all read this."""

    text: str
    script: Script
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    vocabulary: tuple[VocabItem, ...]
    facts: tuple[Fact, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    people: tuple[Person, ...] = ()
    title: str = ""
    source: str = ""
    extras: dict[str, str] = field(default_factory=dict, compare=False)

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence `index`, in order."""
        return [t for t in self.tokens if t.sentence == index]


# The characters `is_han` accepts, as the inside of a regular expression class ("[" + HAN_CLASS +
# "]+" is a run of Han characters): the one definition for every pattern that needs it.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f\uf900-\ufaff\u3007"


def is_han(ch: str) -> bool:
    """True for a CJK ideograph (the basic block, extensions A-G and compatibility ideographs)."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
        or cp == 0x3007  # 〇 reads líng in dates
    )
