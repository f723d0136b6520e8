"""The user's edits of an analysis (meanings, facts, known words) and the one function that applies them.

The app, `dushu deck` and `dushu quizset` all call `apply_edits`, so a meaning or a fact the user
corrected in the app reaches every card and question the same way. `Edits` is plain data: the storage
layer fills it from the library (`dushu.storage.edits`), tests build it by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, TypeVar

from dushu.core.models import Analysis, Definition, Fact, GlossaryEntry, Person

__all__ = ["NO_EDITS", "Edits", "annotations_of", "apply_edits"]


@dataclass(frozen=True, slots=True)
class Edits:
    """What the user changed, as the library keeps it.

    `meanings` maps a word's Simplified form to the meaning the user wrote (for every text);
    `annotations` is the user's version of one document's facts, glossary and people (JSON-shaped,
    as `annotations_of` makes it; None when the user never edited them); `known` holds the words
    marked "I know this" (Simplified); `published` is the date the user gave the document ("" when
    none), which relative dates count from.
    """

    meanings: Mapping[str, str] = field(default_factory=dict)
    annotations: Mapping[str, Any] | None = None
    known: frozenset[str] = frozenset()
    published: str = ""

    @property
    def empty(self) -> bool:
        """True when there is nothing to apply."""
        return not (self.meanings or self.annotations or self.known or self.published)


NO_EDITS = Edits()


def apply_edits(analysis: Analysis, edits: Edits) -> Analysis:
    """The analysis as the user corrected it: their facts, glossary and people, and their meanings.

    A word with a user meaning gets that meaning as its only definition (source "user"), which is
    what cards, word lists and quiz questions show. Known words stay in the vocabulary (the reader
    still shows them); exports skip them with `edits.known`. Nothing to apply returns `analysis`.
    """
    edited = _with_annotations(analysis, edits.annotations)
    return _with_meanings(edited, edits.meanings)


def _with_meanings(analysis: Analysis, meanings: Mapping[str, str]) -> Analysis:
    if not meanings:
        return analysis
    items = []
    changed = False
    for item in analysis.vocabulary:
        meaning = meanings.get(item.simplified, "").strip()
        if meaning:
            definition = Definition(" ".join(item.pinyin), (meaning,), "user")
            item = replace(item, definitions=(definition,))
            changed = True
        items.append(item)
    return replace(analysis, vocabulary=tuple(items)) if changed else analysis


def annotations_of(analysis: Analysis) -> dict[str, Any]:
    """The facts, glossary and people of an analysis as JSON-ready data (what the library stores)."""
    return {
        "facts": [_to_data(f) for f in analysis.facts],
        "glossary": [_to_data(g) for g in analysis.glossary],
        "people": [_to_data(p) for p in analysis.people],
    }


def _with_annotations(analysis: Analysis, data: Mapping[str, Any] | None) -> Analysis:
    if not data:
        return analysis
    return replace(
        analysis,
        facts=_rebuild(Fact, data.get("facts")),
        glossary=_rebuild(GlossaryEntry, data.get("glossary")),
        people=_rebuild(Person, data.get("people")),
    )


_Record = TypeVar("_Record", Fact, GlossaryEntry, Person)


def _rebuild(cls: type[_Record], value: Any) -> tuple[_Record, ...]:
    records = [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
    built = (_from_data(cls, r) for r in records)
    return tuple(b for b in built if b is not None)


def _to_data(obj: Fact | GlossaryEntry | Person) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def _from_data(cls: type[_Record], data: Mapping[str, Any]) -> _Record | None:
    """Build a record from stored data, ignoring unknown keys; None when a required field is missing
    (a library written by another version, or damaged data, must not stop the text from opening)."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if isinstance(value, list):
            value = tuple(str(v) if f.name != "sentences" else v for v in value)
        if f.type == "int" or f.name == "sentences":
            try:
                value = int(value) if f.type == "int" else tuple(int(v) for v in value)
            except (TypeError, ValueError):
                continue
        elif f.type == "str":
            value = str(value)
        kwargs[f.name] = value
    try:
        return cls(**kwargs)
    except TypeError:
        return None
