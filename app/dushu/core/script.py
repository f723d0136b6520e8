"""Traditional versus Simplified: detecting a text's script and converting one character per character.

Conversions keep the length, so offset i of the converted text is character i of the input:
tokens found in the Simplified form map straight back onto the original text.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter

import opencc

from dushu.core.models import Script, is_han

__all__ = ["detect_script", "to_simplified", "to_traditional", "to_traditional_each"]

# Characters that s2t changes but that are standard Traditional characters in their own right
# (OpenCC's own table lists each as one of its Traditional forms): 台灣, 公里, 皇后, 茶几, 游泳.
# Seeing one says nothing about the script.
_SHARED_SIMPLIFIED = frozenset(
    "熏淀郁适雇采里辟荐胜苹虫跖腊腌范蚝蝎蜡膻准几凶厂厘划占台叶吁吃后帘岩岳党夸咨咸尸唇干广征确"
    "种筑皂挂涂涌杠杰极游据斗愿朴柜万丑丰伙于云亘仆价余佣"
)

# Characters that t2s changes but that Simplified Chinese keeps in some words (乾隆, 什麽, 摺紙);
# 後 and 於 are left out on purpose: in practice they are the commonest signs of Traditional text.
_SHARED_TRADITIONAL = frozenset("乾菸薹拚捱摺吒徵夥榘袷麴醣麽")

# The minority script must reach both of these to make a text MIXED rather than noise
# (a Traditional name quoted in a Simplified article, a stray variant).
_MIXED_MIN_SHARE = 0.10
_MIXED_MIN_COUNT = 3

# OpenCC stops at NUL and cannot take lone surrogates; such characters are passed through as-is.
_UNCONVERTIBLE = re.compile("[\x00\ud800-\udfff]")
_UNCONVERTIBLE_SPLIT = re.compile("([\x00\ud800-\udfff])")

_TRADITIONAL = 1
_SIMPLIFIED = 2
_NEUTRAL = 0
_char_kinds: dict[str, int] = {}
_char_kinds_lock = threading.Lock()


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration, built on first use (some take 0.1 s)."""
    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    """OpenCC's conversion as a typed call."""
    result: str = _converter(config).convert(text)
    return result


def _convert_aligned(config: str, text: str) -> str:
    """Convert with OpenCC so that the output has exactly one character per input character.

    OpenCC's tables map phrases to phrases of equal length, but the guarantee is ours to keep:
    characters OpenCC cannot take are passed through, and a stretch whose conversion changes
    length is redone line by line, then character by character.
    """
    if not text:
        return text
    if _UNCONVERTIBLE.search(text) is None:
        return _convert_stretch(config, text)
    # re.split with a group keeps the separators: odd items are the unconvertible characters.
    pieces = _UNCONVERTIBLE_SPLIT.split(text)
    return "".join(piece if i % 2 else _convert_stretch(config, piece) for i, piece in enumerate(pieces))


def _convert_stretch(config: str, text: str) -> str:
    """Convert text free of unconvertible characters, keeping its length at any cost."""
    if not text:
        return text
    converted = _convert(config, text)
    if len(converted) == len(text):
        return converted
    lines = text.splitlines(keepends=True)
    if len(lines) > 1:
        return "".join(_convert_stretch(config, line) for line in lines)
    chars: list[str] = []
    for ch in text:
        single = _convert(config, ch)
        chars.append(single if len(single) == 1 else ch)
    return "".join(chars)


def to_simplified(text: str) -> str:
    """The Simplified form of `text`, exactly one character for each character of `text`.

    Taiwan and Hong Kong variants are converted too (著 in 看著 becomes 着, 衞 becomes 卫,
    綫 becomes 线); Simplified text comes back unchanged (显著 keeps its 著).
    """
    if not text:
        return text
    if "著" in text:
        # tw2s only knows 著 from Traditional phrases: read alone, the Simplified 显著 would become
        # 显着. Taking Simplified text to Traditional first lets those phrases keep their 著.
        text = _convert_aligned("s2t", text)
    # hk2t brings Hong Kong forms (衞, 衹) to the forms tw2s knows.
    return _convert_aligned("tw2s", _convert_aligned("hk2t", text))


def to_traditional(text: str) -> str:
    """The Traditional form of `text` (Taiwan standard forms), one character per character.

    OpenCC's s2t picks the Traditional character from the phrase (头发 becomes 頭髮, 干净 becomes
    乾淨); t2tw then chooses Taiwan's forms (為, 裡, 著), which CC-CEDICT's headwords also use.
    """
    if not text:
        return text
    return _convert_aligned("t2tw", _convert_aligned("s2t", text))


def to_traditional_each(words: list[str]) -> list[str]:
    """`to_traditional` of each word (words without line breaks), in one OpenCC pass per table."""
    if any("\n" in w for w in words):
        return [to_traditional(w) for w in words]
    # OpenCC's phrases never span a line break, so each line converts as it would alone.
    converted = to_traditional("\n".join(words)).split("\n") if words else []
    return converted if len(converted) == len(words) else [to_traditional(w) for w in words]


def detect_script(text: str) -> Script:
    """Whether `text` is written in Traditional or Simplified characters, both, or neither.

    Only characters whose form gives the script away count: 說 is Traditional, 说 Simplified, 人
    both. UNKNOWN when there is none (Latin text, or only shared characters); MIXED when the
    minority script has at least 10% of the telling characters and at least three of them.
    """
    counts = Counter(text)
    han = [ch for ch in counts if is_han(ch)]
    kinds = _classify(han)
    traditional = sum(counts[ch] for ch in han if kinds[ch] == _TRADITIONAL)
    simplified = sum(counts[ch] for ch in han if kinds[ch] == _SIMPLIFIED)
    total = traditional + simplified
    if total == 0:
        return Script.UNKNOWN
    minority = min(traditional, simplified)
    if minority >= _MIXED_MIN_COUNT and minority >= _MIXED_MIN_SHARE * total:
        return Script.MIXED
    return Script.TRADITIONAL if traditional > simplified else Script.SIMPLIFIED


def _classify(chars: list[str]) -> dict[str, int]:
    """The kind (Traditional, Simplified, neutral) of each character, remembered between calls."""
    with _char_kinds_lock:
        unknown = [ch for ch in chars if ch not in _char_kinds]
    if unknown:
        found = _classify_new(unknown)
        with _char_kinds_lock:
            _char_kinds.update(found)
    with _char_kinds_lock:
        return {ch: _char_kinds[ch] for ch in chars}


def _classify_new(chars: list[str]) -> dict[str, int]:
    """Classify characters with one OpenCC call per converter for the whole batch."""

    def convert_each(config: str, items: list[str]) -> list[str]:
        # One character a line: OpenCC phrases never span a line break, so each is read alone.
        converted = _convert(config, "\n".join(items)).split("\n")
        if len(converted) != len(items):
            converted = [_convert(config, item) for item in items]
        return converted

    to_simp = convert_each("t2s", chars)
    hk_to_simp = convert_each("t2s", convert_each("hk2t", chars))
    to_trad = convert_each("s2t", chars)
    to_tw = convert_each("t2tw", to_trad)
    to_hk = convert_each("t2hk", to_trad)
    kinds: dict[str, int] = {}
    for i, ch in enumerate(chars):
        # Traditional: it has a different Simplified form, directly or through its Hong Kong
        # standard form (衞 -> 衛 -> 卫), and is not itself the Simplified form of something.
        is_traditional = (
            (to_simp[i] != ch or hk_to_simp[i] != ch) and to_trad[i] == ch and ch not in _SHARED_TRADITIONAL
        )
        # Simplified: s2t changes it and no Traditional standard (OpenCC, Taiwan, Hong Kong)
        # writes it that way; 温 and 户 are Hong Kong's forms, 峰 and 吃 Taiwan's.
        is_simplified = (
            to_trad[i] != ch and to_tw[i] != ch and to_hk[i] != ch and ch not in _SHARED_SIMPLIFIED
        )
        if is_traditional and not is_simplified:
            kinds[ch] = _TRADITIONAL
        elif is_simplified and not is_traditional:
            kinds[ch] = _SIMPLIFIED
        else:
            kinds[ch] = _NEUTRAL
    return kinds
