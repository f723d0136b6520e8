"""Readings: one tone-marked pinyin syllable per Han character, in word context, dictionary-checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from pypinyin import Style, lazy_pinyin
from pypinyin.style import convert as convert_style

from dushu.core import tones
from dushu.core.cedict import Dictionary
from dushu.core.models import HAN_CLASS, Token, is_han
from dushu.core.segment import WHITE_CIRCLE_ZERO

# Traditional characters that settle a reading their merged Simplified form leaves open
# (尽 is jǐn or jìn, but 盡 is always jìn and 儘 always jǐn).
_TRADITIONAL_READINGS = {
    "盡": "jìn",
    "儘": "jǐn",
    "僕": "pú",
    "捨": "shě",
    "髒": "zāng",
    "臟": "zàng",
    "幹": "gàn",
    "隻": "zhī",
    "發": "fā",
    "髮": "fà",
    "係": "xì",
    "蔔": "bo",
    "麴": "qū",
    "夥": "huǒ",
    "樸": "pǔ",
    "噁": "ě",
    "纖": "xiān",
    "縴": "qiàn",
    "籲": "yù",
    "嚥": "yàn",
    "揹": "bēi",
    "適": "shì",
    "鬍": "hú",
    "術": "shù",
    "廠": "chǎng",
    "慄": "lì",
    "鐘": "zhōng",
    "鍾": "zhōng",
    "藉": "jiè",
}

HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


class ReadingFinder:
    """Finds readings for words (Simplified form) and remembers them: texts repeat their words."""

    def __init__(self, dictionary: Dictionary, fixed: Mapping[str, tuple[str, ...]] | None = None) -> None:
        """`fixed` maps Simplified words (names, the user's words) to their tone-marked readings."""
        self._dictionary = dictionary
        self._fixed: dict[str, tuple[str, ...]] = dict(fixed or {})
        self._memo: dict[str, tuple[str, ...]] = {}
        self._guesses: dict[str, list[str]] = {}  # pypinyin's reading of a Han run
        self._singles: dict[str, tuple[str, ...] | None] = {}  # the dictionary's only reading, if any

    def set_fixed(self, word: str, syllables: tuple[str, ...]) -> None:
        """Always read `word` (Simplified) as `syllables` (tone marks)."""
        self._fixed[word] = syllables
        self._memo.clear()  # memo keys are original forms: drop them all rather than guess which

    def word_reading(self, simplified: str, original: str = "") -> tuple[str, ...]:
        """One tone-marked syllable per Han character of the word, in order; () without Han.

        pypinyin reads the Simplified form (its phrase data is Simplified); where CC-CEDICT gives a
        multi-character word (or a part of it) exactly one reading, the dictionary wins.
        """
        key = original or simplified  # 盡 and 儘 share 尽 but not their readings
        memo = self._memo.get(key)
        if memo is not None:
            return memo
        syllables: list[str] = []
        for m in HAN_RUN.finditer(simplified):
            orig = original[m.start() : m.end()] if len(original) == len(simplified) else ""
            syllables.extend(self._run_reading(m.group(), orig))
        result = tuple(syllables)
        self._memo[key] = result
        return result

    def prepare(self, words: Iterable[tuple[str, str]]) -> None:
        """Read many (simplified, original) words ahead: one pypinyin call and a few dictionary
        queries for a book's worth of words instead of several of each per word.

        Only an optimisation: `word_reading` gives the same result without it.
        """
        pending = {(original or simplified): simplified for simplified, original in words}
        for key in list(pending):
            if key in self._memo:
                del pending[key]
        runs: dict[str, None] = {}  # every Simplified Han run of the words
        longer: dict[str, None] = {}  # those of two or more characters, and their original forms
        for key, simplified in pending.items():
            aligned = len(key) == len(simplified)
            for m in HAN_RUN.finditer(simplified):
                run = m.group()
                runs[run] = None
                if len(run) > 1:
                    longer[run] = None
                    if aligned:
                        longer[key[m.start() : m.end()]] = None
        self._ask_singles(longer)
        # Runs the dictionary does not read as a whole are corrected by their parts.
        parts: dict[str, None] = {}
        for run in longer:
            if self._singles.get(run) is None and run not in self._fixed:
                n = len(run)
                for i in range(n - 1):
                    for j in range(i + 2, min(n, i + 6) + 1):
                        parts[run[i:j]] = None
        self._ask_singles(parts)
        guesses = [
            run
            for run in runs
            if run not in self._guesses
            and run not in self._fixed
            and not (len(run) > 1 and self._singles.get(run) is not None)
        ]
        if not guesses:
            return
        flat: list[str] = lazy_pinyin(guesses, style=Style.TONE, errors=_unknown)
        if len(flat) != sum(len(r) for r in guesses):
            return  # pypinyin did not keep one syllable per character: read them one by one later
        i = 0
        for run in guesses:
            self._guesses[run] = flat[i : i + len(run)]
            i += len(run)

    def _ask_singles(self, words: Iterable[str]) -> None:
        """Ask the dictionary for the single readings of the words not asked about yet."""
        wanted = [w for w in words if w not in self._singles]
        if wanted:
            self._singles.update(self._dictionary.single_readings(wanted))

    def _run_reading(self, run: str, original: str) -> list[str]:
        fixed = self._fixed.get(run)
        if fixed is not None and len(fixed) == len(run):
            return list(fixed)
        if len(run) > 1:
            single = self._single_reading(run) or (self._single_reading(original) if original else None)
            if single is not None:
                return list(single)
        guess = list(self._guesses.get(run) or self._guess(run))
        if original:
            for i, ch in enumerate(original):
                settled = _TRADITIONAL_READINGS.get(ch)
                if settled is not None:
                    guess[i] = settled
        if len(run) > 1:
            self._correct_parts(run, guess)
        return guess

    @staticmethod
    def _guess(run: str) -> list[str]:
        guess: list[str] = lazy_pinyin(run, style=Style.TONE, errors=_unknown)
        if len(guess) != len(run):  # pypinyin merged or dropped something: read char by char
            guess = [lazy_pinyin(ch, style=Style.TONE, errors=_unknown)[0] for ch in run]
        return guess

    def _single_reading(self, word: str) -> tuple[str, ...] | None:
        """The reading when every CC-CEDICT entry for `word` agrees (ignoring capitals)."""
        if word in self._singles:
            return self._singles[word]
        result = self._singles[word] = self._dictionary.single_readings([word])[word]
        return result

    def _correct_parts(self, run: str, guess: list[str]) -> None:
        """Apply unambiguous dictionary readings of the longest known parts of an unknown word."""
        i = 0
        n = len(run)
        while i < n:
            for j in range(min(n, i + 6), i + 1, -1):
                single = self._single_reading(run[i:j])
                if single is not None:
                    guess[i:j] = single
                    i = j
                    break
            else:
                i += 1


# Words after which 为 (standing alone) still means "for" (wèi): the auxiliaries that jieba tags
# as verbs (要为人民服务, 愿意为他做).
_AUXILIARIES = frozenset(
    {"要", "会", "能", "可以", "应该", "应当", "愿意", "想", "将", "得", "须", "必须", "敢", "肯"}
    | {"该", "可", "需要", "乐意"}
)
# Closing quotes between a verb and 为 (由棋子「跨界」为棋手).
_CLOSING_QUOTES = frozenset("」』”’》)）")
# Tags of punctuation and whitespace, which have no reading.
PUNCTUATION_TAGS = frozenset({"w", "ws"})


def read_in_context(tokens: list[Token]) -> None:
    """Correct readings that only the neighbouring words settle (Token objects are replaced in
    place): 为 standing alone is wéi, "to be, to become, as", after a verb
    (改造为, 升级为, 选为) and in 以…为 (以国家安全为借口), and wèi, "for", otherwise (为应对)."""
    for i, tok in enumerate(tokens):
        if tok.simplified != "为" or tok.pinyin == ("wéi",):
            continue
        if _is_wei2(tokens, i):
            tokens[i] = tok._replace(pinyin=("wéi",))


def _is_wei2(tokens: list[Token], i: int) -> bool:
    j = i - 1
    while j >= 0 and tokens[j].text in _CLOSING_QUOTES:
        j -= 1
    prev = tokens[j] if j >= 0 else None
    if prev is not None and prev.pos.startswith("v") and prev.simplified not in _AUXILIARIES:
        return True
    # 以 earlier in the same clause: 以 X 为 Y.
    for j in range(i - 1, max(-1, i - 12), -1):
        if tokens[j].pos in PUNCTUATION_TAGS:
            break
        if tokens[j].simplified == "以":
            return True
    return False


def _unknown(chars: str) -> Any:
    """pypinyin's hook for characters it cannot read: one "?" each, so syllables stay aligned."""
    return ["?"] * len(chars)


def to_numbers(syllable: str) -> str:
    """A tone-marked syllable with a tone number instead: "nián" -> "nian2" ("?", an unknown
    reading, and Latin letters such as the K of 卡拉OK, stay as they are)."""
    if not _is_syllable(syllable):
        return syllable
    return tones.to_numbers(syllable)


def to_zhuyin(syllable: str) -> str:
    """A tone-marked syllable in zhuyin (bopomofo): "nián" -> "ㄋㄧㄢˊ"; the erhua suffix "r" ->
    "ㄦ˙"; capitals (Měi in a name) read as lower case; "?" (an unknown reading) and Latin letters
    (the K of 卡拉OK) stay."""
    if not _is_syllable(syllable):
        return syllable
    lower = syllable.lower()
    if lower == "r":
        return "ㄦ˙"
    result: str = convert_style(lower, Style.BOPOMOFO, strict=True)
    return result or syllable


def _is_syllable(syllable: str) -> bool:
    """True for a pinyin syllable; false for "?" and for the Latin letters that CC-CEDICT writes in
    capitals without a tone (O K, DNA)."""
    if not any(ch.isalpha() for ch in syllable):
        return False
    return not (syllable.isascii() and syllable.isupper())


def han_count(text: str) -> int:
    """How many Han characters `text` has (the length of its reading)."""
    return sum(1 for ch in text if is_han(ch))


def has_syllable(ch: str) -> bool:
    """True for a character of a token's text that has a syllable in the token's reading: a Han
    character, or the white-circle zero of a Chinese numeral (二○一九年 reads èr líng yī jiǔ nián).
    A white circle outside a number is a token of its own without a reading."""
    return is_han(ch) or ch == WHITE_CIRCLE_ZERO
