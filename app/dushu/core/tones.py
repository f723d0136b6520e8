"""Tone forms of a pinyin syllable — tone marks, tone numbers, no tone — on pypinyin's own tables.

The one place that knows where a tone mark goes and which mark is which tone: the dictionary,
readings, sandhi, cards and answer checking all convert through here. The work is pypinyin's
(`pypinyin.contrib.tone_convert.to_tone` and its table of marked letters); this module adds what
Dushu's data needs on top: CC-CEDICT's capitals (Máo) and its "u:" for ü, syllables without a
vowel (the erhua "r", "m", "ng") left unmarked, and "?" or Latin letters passed through.

>>> to_marks("lu:4"), to_numbers("lǜ"), tone_of("Máo"), toneless("lǜ"), with_tone("hǎo", 2)
('lǜ', 'lv4', 2, 'lü', 'háo')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin.contrib.tone_convert import to_tone
from pypinyin.phonetic_symbol import phonetic_symbol

__all__ = ["letter_and_tone", "to_marks", "to_numbers", "tone_of", "toneless", "with_tone"]


def _marked_letters() -> dict[str, tuple[str, int]]:
    """Each tone-marked letter (both cases) -> its letter and tone: "ǜ" -> ("v", 4), "Á" -> ("A", 2)."""
    table: dict[str, tuple[str, int]] = {}
    for marked, plain in phonetic_symbol.items():
        if len(marked) != 1 or not plain[-1:].isdigit():
            continue  # "ü" without a tone, and the marked m and ê, which Unicode has no one letter for
        letter, tone = plain[:-1], int(plain[-1])
        table[marked] = (letter, tone)
        upper = marked.upper()
        if len(upper) == 1 and upper != marked:
            table[upper] = (letter.upper(), tone)
    return table


_MARKED = _marked_letters()
# The marked m and ê that Unicode writes as a letter and a combining mark: "m̄" -> ("m", 1).
_MARKED_PAIRS = {
    k: (v[:-1], int(v[-1])) for k, v in phonetic_symbol.items() if len(k) > 1 and v[-1:].isdigit()
}
# The combining marks that carry the tones (in decomposed text, and in m̄ and m̀, which have no
# letter of their own): "\u0304" -> 1.
_COMBINING_TONES = {unicodedata.normalize("NFD", k)[-1]: tone for k, (_, tone) in _MARKED.items()}
_NUMBERED = re.compile(r"^([a-zü:]+?)([1-5])$", re.I)
_VOWELS = frozenset("aeiouü")


@lru_cache(maxsize=8192)  # a text has a few hundred distinct syllables
def to_marks(syllable: str) -> str:
    """A syllable with a tone number as it is written with a tone mark: "xing2" -> "xíng",
    "lu:4" (CC-CEDICT) and "lv4" -> "lǜ", "Mao2" -> "Máo", "de5" -> "de"; a syllable without a
    vowel keeps no mark ("r5" -> "r", "m2" -> "m"); anything else is returned as it is (with ü
    for "u:" or "v" in letters: "nu:" -> "nü").

    >>> [to_marks(s) for s in ["zhong1", "lu:4", "er2", "de5", "Mao2", "ai4", "Ou1", "r5"]]
    ['zhōng', 'lǜ', 'ér', 'de', 'Máo', 'ài', 'Ōu', 'r']
    """
    m = _NUMBERED.match(syllable)
    if not m:
        if syllable.isalpha() or ":" in syllable:
            return syllable.replace("u:", "ü").replace("v", "ü")
        return syllable
    body = m.group(1).replace("u:", "ü").replace("U:", "Ü").replace("v", "ü")
    if not any(ch in _VOWELS for ch in body.lower()):
        return body
    # pypinyin knows lower-case syllables only: mark the lower-case form, then restore capitals
    # letter by letter (the marked syllable has as many letters as the body).
    marked: str = to_tone(body.lower() + m.group(2))
    if len(marked) != len(body):
        return marked
    return "".join(out.upper() if ch.isupper() else out for ch, out in zip(body, marked, strict=True))


@lru_cache(maxsize=8192)
def to_numbers(syllable: str) -> str:
    """A tone-marked syllable with a tone number instead, ü written v: "lǜ" -> "lv4",
    "de" -> "de5", "Máo" -> "Mao2"; a syllable that already ends in a tone number stays as it is.

    >>> [to_numbers(s) for s in ["zhōng", "lǜ", "de", "ér", "Máo", "ń", "xing2"]]
    ['zhong1', 'lv4', 'de5', 'er2', 'Mao2', 'n2', 'xing2']
    """
    if syllable[-1:] in ("1", "2", "3", "4", "5"):
        return syllable
    letters, tone = _without_marks(syllable)
    # A marked ü is already v; an unmarked one becomes v too.
    return "".join(ch if marked or ch not in "üÜ" else "v" for ch, marked in letters) + str(tone)


def tone_of(syllable: str) -> int:
    """The tone of a syllable written with a tone mark or a tone number, 5 for the neutral tone.

    >>> [tone_of(s) for s in ("mā", "má", "mǎ", "mà", "ma", "lǜ", "Ń", "hao3")]
    [1, 2, 3, 4, 5, 4, 2, 3]
    """
    return int(to_numbers(syllable)[-1])


@lru_cache(maxsize=8192)
def toneless(syllable: str) -> str:
    """A syllable without its tone mark or number, ü kept: "lǜ" -> "lü", "xing2" -> "xing"."""
    if syllable[-1:] in ("1", "2", "3", "4", "5"):
        return syllable[:-1]
    letters, _ = _without_marks(syllable)
    return "".join(_MARKED_U.get(ch, ch) if marked else ch for ch, marked in letters)


# The letter a marked ü stands for in `_MARKED` (v, as in tone numbers), as ü again.
_MARKED_U = {"v": "ü", "V": "Ü"}


def _without_marks(syllable: str) -> tuple[list[tuple[str, bool]], int]:
    """The letters of a syllable without their tone marks, each with whether it carried one (a
    marked ü comes back as v), and the tone of the last mark (5 without one): "lǜ" ->
    ([("l", False), ("v", True)], 4). The marked m and ê come back as m and ê, unflagged."""
    tone = 5
    text = unicodedata.normalize("NFC", syllable)
    for pair, (letter, pair_tone) in _MARKED_PAIRS.items():
        if pair in text:
            text, tone = text.replace(pair, letter), pair_tone
    letters: list[tuple[str, bool]] = []
    for ch in text:
        found = _MARKED.get(ch)
        if found is None:
            letters.append((ch, False))
        else:
            letters.append((found[0], True))
            tone = found[1]
    return letters, tone


def with_tone(syllable: str, tone: int) -> str:
    """The same syllable with another tone: with_tone("hǎo", 2) == "háo"."""
    return to_marks(f"{to_numbers(syllable)[:-1]}{tone}")


def letter_and_tone(ch: str) -> tuple[str, int]:
    """One character of pinyin as its letter and tone: "ǜ" -> ("v", 4), "ü" -> ("v", 0),
    "a" -> ("a", 0), a combining tone mark -> ("", its tone); any other character comes back as
    it is, with tone 0."""
    found = _MARKED.get(ch)
    if found is not None:
        return found
    combining = _COMBINING_TONES.get(ch)
    if combining is not None:
        return "", combining
    return ("v" if ch in "üÜ" else ch), 0
