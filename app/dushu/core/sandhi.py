"""Tone sandhi for display: how 一, 不 and runs of third tones are said, not how they are written."""

from __future__ import annotations

from collections.abc import Sequence

from dushu.core.tones import to_numbers, tone_of, with_tone

# tone_of and with_tone belong to dushu.core.tones; they stay importable from here, where the
# reader has always found them.
__all__ = ["apply_sandhi", "tone_of", "with_tone"]

# Characters that make a neighbouring 一 a number ("第一", "十一", "一一", "一九九七") rather than "one of".
_NUMBER_NEIGHBOURS = frozenset("第零〇一二三四五六七八九十百千万萬亿億两兩")
# After 一 these make it an ordinal or a date (一月, 一號, 一樓); it keeps its first tone.
_ORDINAL_FOLLOWERS = frozenset("月号號日楼樓等")


def apply_sandhi(words: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[str, ...]]:
    """The spoken tones of a run of words, given their written (citation) tones.

    `words` are the words of one sentence in order: (the word's Han characters, one tone-marked
    syllable per character). A word with no syllables (punctuation, digits, Latin) is a pause: no
    sandhi reaches across it. Returns the syllables per word, with
    - 不 bù -> bú before a fourth tone;
    - 一 yī -> yí before a fourth tone, yì before the other tones, but yī when it is counted,
      ordinal or at the end of a word or phrase (第一, 十一, 一月, 統一);
    - a third tone before another third tone -> second tone (你好 -> ní hǎo, 我很好 -> wó hén hǎo).
    Only display uses this: the analysis keeps the dictionary tones.

    >>> apply_sandhi([("不", ["bù"]), ("是", ["shì"])])
    [('bú',), ('shì',)]
    >>> apply_sandhi([("一", ["yī"]), ("天", ["tiān"])])
    [('yì',), ('tiān',)]
    >>> apply_sandhi([("你好", ["nǐ", "hǎo"])])
    [('ní', 'hǎo')]
    """
    # Flatten into one stream per phrase, remembering which word each syllable came from.
    chars: list[str] = []
    sylls: list[str] = []
    owner: list[int] = []
    word_end: list[bool] = []
    pause_after: list[bool] = []
    for w, (text, syllables) in enumerate(words):
        if not syllables:
            if pause_after:
                pause_after[-1] = True
            continue
        han = [ch for ch in text if not ch.isspace()]
        if len(han) != len(syllables):
            han = ["?"] * len(syllables)
        for k, s in enumerate(syllables):
            chars.append(han[k])
            sylls.append(s)
            owner.append(w)
            word_end.append(k == len(syllables) - 1)
            pause_after.append(False)
    citation = [tone_of(s) for s in sylls]
    spoken = list(citation)
    n = len(sylls)
    for i in range(n):
        last_of_phrase = i == n - 1 or pause_after[i]
        next_tone = None if last_of_phrase else citation[i + 1]
        bare = to_numbers(sylls[i])[:-1].lower()
        if chars[i] == "不" and bare == "bu" and citation[i] == 4 and next_tone == 4:
            spoken[i] = 2
        elif chars[i] == "一" and bare == "yi" and citation[i] == 1 and next_tone is not None:
            ends_longer_word = word_end[i] and i > 0 and owner[i - 1] == owner[i]
            if _yi_is_counted(chars, i, ends_longer_word):
                continue
            spoken[i] = 2 if next_tone == 4 else 4
    # Third tones: a third tone before a (citation) third tone becomes second, within a phrase.
    for i in range(n - 1):
        if pause_after[i]:
            continue
        if citation[i] == 3 and citation[i + 1] == 3 and spoken[i] == 3:
            spoken[i] = 2
    result: list[list[str]] = [[] for _ in words]
    for i in range(n):
        s = sylls[i] if spoken[i] == citation[i] else with_tone(sylls[i], spoken[i])
        result[owner[i]].append(s)
    return [tuple(r) for r in result]


def _yi_is_counted(chars: list[str], i: int, ends_longer_word: bool) -> bool:
    """True when the 一 at `i` is a number, an ordinal or the end of a word such as 統一 / 唯一."""
    if ends_longer_word:
        return True
    before = chars[i - 1] if i > 0 else ""
    after = chars[i + 1] if i + 1 < len(chars) else ""
    return before in _NUMBER_NEIGHBOURS or after in _NUMBER_NEIGHBOURS or after in _ORDINAL_FOLLOWERS
