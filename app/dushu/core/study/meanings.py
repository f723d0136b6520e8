"""The meaning a word has in its sentence, for the study items that ask it (or none when unsure).

A word is asked about only when `dushu.core.senses` can tell which CC-CEDICT sense its sentence
uses (or the dictionary gives its reading one sense only) and that sense does not give the word
away: a question whose keyed meaning is the dictionary's first sense rather than the sentence's one
teaches the wrong thing. A meaning the user wrote in the app is the word's meaning wherever it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from dushu.core.models import Analysis, Token, VocabItem
from dushu.core.senses import (
    definitions_for_reading,
    gives_away,
    gloss_kind,
    is_cross_reference,
    learner_meaning,
    word_sense,
)
from dushu.core.tones import to_numbers, toneless

__all__ = ["WordMeaning", "word_meanings"]

_MAX_CHARS = 48  # an option longer than this is a paragraph, not a meaning


@dataclass(frozen=True, slots=True)
class WordMeaning:
    """The meaning to key for a word, its kind (verb, noun …) and jieba's tag for the word where it
    stands (n, v, t …), for choosing distractors of the same kind."""

    text: str
    kind: str
    tag: str = ""


def word_meanings(analysis: Analysis, items: Sequence[VocabItem]) -> dict[str, WordMeaning]:
    """The in-context meaning of each word that can be asked, keyed by the word as written."""
    by_sentence: dict[int, list[Token]] = {}
    for token in analysis.tokens:
        by_sentence.setdefault(token.sentence, []).append(token)
    out: dict[str, WordMeaning] = {}
    for item in items:
        forms = [f for f in (item.word, item.traditional, item.simplified) if f]
        tokens = by_sentence.get(item.example_sentence)
        meaning = _meaning_of(analysis, item, tokens)
        if meaning is None:
            continue
        where = next((t for t in tokens or () if t.start == item.first_offset), None)
        tag = where.pos if where is not None else ""
        if _pos_disagrees(tag, meaning.kind):
            continue  # 紀念 used as a verb keyed "memento": the tag and the sense disagree, so ask nothing
        if len(meaning.text) <= _MAX_CHARS and not gives_away(forms, meaning.text):
            out[item.word] = replace(meaning, tag=tag)
    return out


def _meaning_of(analysis: Analysis, item: VocabItem, tokens: Sequence[Token] | None) -> WordMeaning | None:
    user = next((d for d in item.definitions if d.source == "user" and d.meanings), None)
    if user is not None:
        return WordMeaning(user.meanings[0], gloss_kind(user.meanings[0]))
    if _tone_in_doubt(item):
        return None
    sense = word_sense(analysis, item, tokens) if tokens else None
    if sense is not None:
        text = sense.text or "; ".join(learner_meaning(g, analysis.script) for g in sense.glosses)
        kind = sense.kind or gloss_kind(sense.glosses[0] if sense.glosses else text)
        return WordMeaning(text, kind) if text else None
    # Nothing to choose when the dictionary gives the word's reading one sense only.
    only = _only_gloss(item)
    return WordMeaning(learner_meaning(only, analysis.script), gloss_kind(only)) if only else None


def _only_gloss(item: VocabItem) -> str:
    """The one gloss of the word's reading, or "" when the dictionary gives it more than one."""
    glosses = [
        g
        for d in definitions_for_reading(item)
        if d.source == "cc-cedict"
        for g in d.meanings
        if not is_cross_reference(g) and gloss_kind(g) not in ("reference", "measure", "name")
    ]
    return glosses[0] if len(glosses) == 1 else ""


def _tone_in_doubt(item: VocabItem) -> bool:
    """True when the dictionary reads the word's syllables with other tones too (說法 shuōfǎ, "to
    expound Buddhism", and shuōfa, "statement"): the reading given may be the wrong entry's, and so
    may its senses."""
    mine = [to_numbers(s).casefold() for s in item.pinyin]
    plain = [toneless(s).casefold() for s in item.pinyin]
    for d in item.definitions:
        if d.source != "cc-cedict":
            continue
        theirs = d.pinyin.split()
        if [toneless(s).casefold() for s in theirs] == plain and [
            to_numbers(s).casefold() for s in theirs
        ] != mine:
            return True
    return False


def _pos_disagrees(tag: str, kind: str) -> bool:
    """True when jieba tags the word in its sentence as a verb and the sense is a noun, or the other
    way round (a verbal noun, vn, may be either)."""
    if not tag or tag == "vn":
        return False
    return (tag.startswith("v") and kind == "noun") or (tag.startswith("n") and kind == "verb")
