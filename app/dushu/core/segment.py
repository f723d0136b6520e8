"""Word segmentation: jieba on the Simplified form, mapped back onto the original characters."""

from __future__ import annotations

import copy
import importlib
import logging
import os
import re
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from dushu.core import segment_cache
from dushu.core.models import HAN_CLASS, is_han
from dushu.core.script import to_simplified


def _import_jieba() -> Any:
    """Import jieba without pkg_resources, which jieba 0.42 imports only to locate its own files
    (it falls back to a plain path) and which costs a sixth of a second and a deprecation warning."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


jieba = _import_jieba()

# Determiners and numerals that, followed by a measure word, make two words (這 個, 一 種, 每 年):
# the convention of the Academia Sinica and Penn standards, and what the dictionary explains best.
_DETERMINERS = frozenset("这那哪每各某该此本一两几半二三四五六七八九十")
_MEASURES = frozenset(
    "个种位次场项件条张家名只句篇部台辆架艘份所间座支枚片批套道类段届期轮封首层头双对笔股声顿番回趟遍"
    "阵根棵颗块把门人年天周倍"
)
# Words made of a determiner and a measure word that are lexicalised and stay whole.
_LEXICALISED = frozenset(
    {
        "一个人",
        "一点",
        "一些",
        "一样",
        "一般",
        "一切",
        "一定",
        "一直",
        "一起",
        "一旦",
        "一下",
        "一向",
        "一再",
        "一度",
        "一律",
        "一致",
        "一番",
        "一阵",
        "一边",
        "一面",
        "一同",
        "一时",
        "一口",
        "一手",
        "一头",
        "一道",
        "一块",
        "一家",
        "一路",
        "一部分",
        "一回事",
        "这些",
        "那些",
        "哪些",
        "这样",
        "那样",
        "这么",
        "那么",
        "本人",
        "本身",
        "本来",
        "本年度",
        "本届",
        "本地",
        "这里",
        "那里",
        "哪里",
        "每当",
        "半天",
        "几乎",
        "两岸",
        "两国",
        "三国",
        "四国",
        "本周",
        "此间",
        "各位",
        "一周",
        "周年",
        "一家人",
        "各方",
        "双方",
        "一方",
        "一行",
        "一席",
        "一声",
        "四周",
        "一年级",
        "半年",
        "半岛",
    }
)

# Copula compounds that jieba keeps whole but that are an adverb or pronoun plus 是 (不 是, 这 是).
_COPULA_PREFIXES = frozenset("不这那更却也都又正即便乃")

# Characters that write a number in Chinese numerals (二〇二五, 三千, 一九九○), and with the
# magnitudes 万 and 亿 those that make up a numeral word.
NUMERAL_DIGITS = frozenset("零〇○一二三四五六七八九十百千两廿卅")
# The white circle (U+25CB) that Taiwan and Hong Kong typing writes for the zero 〇 (U+3007).
WHITE_CIRCLE_ZERO = "○"
_NUMERAL_CHARS = NUMERAL_DIGITS | frozenset("万亿")
# Units that make one token with the number before them (2025年, 5500亿美元, 28日, 1990年代).
_DATE_UNITS = "世纪|年代|年度|财年|月份|周年|年|月|日|号"
_MONEY_UNITS = "美元|港元|港币|日元|日圆|欧元|英镑|人民币|新台币|台币|韩元|卢布|元"
_DIGITS = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
# Chinese numerals; ○ (a white circle) is how much Taiwan and Hong Kong typing writes the zero of
# 一九九○年. At most 24 characters: a longer run of numerals is no number anyone writes, and without
# a bound every position of such a run would be tried against all of it (a pasted table of
# numerals took minutes).
_CN_FIRST = "[零〇○一二三四五六七八九十两廿卅]"
_CN_REST = "[零〇○一二三四五六七八九十百千两]"
_CN_NUMBER = rf"{_CN_FIRST}{_CN_REST}{{1,23}}"
# Chinese numerals with a decimal point: 三．六％, 四．七七億.
_CN_DECIMAL = rf"{_CN_FIRST}{_CN_REST}{{0,23}}[.．]{_CN_FIRST}{{1,12}}"
_RUN = re.compile(
    # Digits with magnitude and unit: 2025年, 5500亿美元, 2%, 1.0, 6个月 (个月 stays a unit of time).
    rf"(?P<num>{_DIGITS}(?:[万亿千百]+)?(?:{_DATE_UNITS}|{_MONEY_UNITS}|个月|时|点|分|秒|岁|多|余|倍)?[%％]?)"
    # Chinese numerals only when a unit, a decimal point or a per cent sign shows that they are a
    # number: 二〇二五年, 八十四年, 三千万美元, 三．六％, 一○％.
    rf"|(?P<cnum>{_CN_DECIMAL}(?:[万亿]+)?(?:{_DATE_UNITS}|{_MONEY_UNITS})?[%％]?"
    rf"|{_CN_NUMBER}(?:[万亿]+)?(?:{_DATE_UNITS}|{_MONEY_UNITS})"
    rf"|{_CN_NUMBER}[万亿]+"
    rf"|{_CN_NUMBER}[%％])"
    rf"|(?P<han>[{HAN_CLASS}]+?)"
    rf"(?={_DIGITS}|{_CN_DECIMAL}|{_CN_NUMBER}(?:[万亿]+)?(?:{_DATE_UNITS}|{_MONEY_UNITS}|[万亿%％])"
    rf"|[^{HAN_CLASS}]|$)"
    r"|(?P<lat>[A-Za-zＡ-Ｚａ-ｚ]+(?:[’'][A-Za-z]+)*)"
    r"|(?P<ws>\s+)"
    r"|(?P<rep>(?P<repch>[-—─…·.=~～_*])(?P=repch)+)"
    r"|(?P<other>.)",
    re.S,
)


# The characters jieba's `cut` hands to its word finder as one block (its re_han_default, less the
# Latin letters and digits that never reach it from here).
_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]+")

# Tags of numbers with their unit (5500亿美元, 30%) and of dates (2025年, 二〇二五年, 28日).
NUMBER_TAGS = ("num", "date")


class Piece(NamedTuple):
    """One segment: original characters at [start, end); `simplified` has the same length.

    A NamedTuple rather than a dataclass: a book makes millions of them.
    """

    start: int
    end: int
    simplified: str
    pos: str
    is_name: bool = False


class Segmenter:
    """jieba with Dushu's bundled names and the user's words, caching under the given folder."""

    def __init__(
        self,
        cache_dir: str | os.PathLike[str],
        names: Iterable[tuple[str, str]] = (),
        user_words: Iterable[str] = (),
        tag_of: Callable[[str], str | None] | None = None,
        tags_of: Callable[[list[str]], dict[str, str]] | None = None,
        headwords_of: Callable[[list[str]], Collection[str]] | None = None,
    ) -> None:
        """`names` are (Simplified word, jieba tag) pairs; `user_words` (either script) are kept whole.

        `tag_of` gives jieba's part-of-speech tag of a dictionary word (the lexicon index has them);
        `tags_of`, if given, gives the tags of many words at once. `headwords_of`, if given, says
        which of many Simplified words are dictionary headwords: jieba's compounds that the
        dictionary lacks are then split into the dictionary words that make them up (`_compound_parts`).
        """
        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.tmp_dir = str(cache_dir)
        self._tokenizer.cache_file = "jieba.cache"
        _load_prefix_dictionary(self._tokenizer, Path(cache_dir))
        self._tag_of = tag_of or (lambda word: None)
        self._tags_of = tags_of
        self._headwords_of = headwords_of
        # For each long word seen: the ends of its dictionary parts, or () when it stays whole.
        self._parts: dict[str, tuple[int, ...]] = {}
        # jieba's segmentation of one block of Han characters (name-mangled, hence getattr).
        self._cut_block: Callable[[str], Iterator[str]] | None = getattr(
            self._tokenizer, "_Tokenizer__cut_DAG", None
        )
        self._tags: dict[str, str] = {}
        self._names: set[str] = set()
        self._user_words: set[str] = set()  # kept whole even where a rule would split them (本部)
        self._lock = threading.Lock()
        for word, tag in names:
            self._add(word, tag)
            self._names.add(word)
        for word in user_words:
            simple = to_simplified(word)
            self._add(simple, self._tag_of(simple) or "n")
            self._user_words.add(simple)

    def _add(self, word: str, tag: str) -> None:
        # A frequency well above any ordinary word so a listed name always wins over its parts.
        self._tokenizer.add_word(word, freq=max(self._tokenizer.FREQ.get(word, 0) or 0, 50_000))
        self._tags[word] = tag

    def add_user_word(self, word: str) -> None:
        """Keep `word` (either script) whole from now on: a merge the user made."""
        simplified = to_simplified(word)
        with self._lock:
            self._add(simplified, self._tags.get(simplified) or self._tag_of(simplified) or "n")
            self._user_words.add(simplified)
            self._parts.clear()  # a word that contains the new one may now be cut differently

    def remove_user_word(self, word: str) -> None:
        """Stop treating `word` (either script) as one word: a split the user made."""
        simplified = to_simplified(word)
        with self._lock:
            self._tokenizer.del_word(simplified)
            self._names.discard(simplified)
            self._user_words.discard(simplified)
            self._parts.clear()

    def derived(self, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Segmenter:
        """A new segmenter like this one with words kept whole (`add`) or split (`remove`), either
        script. This one is left as it is: a worker may be segmenting with it at this moment."""
        other = copy.copy(self)
        with self._lock:
            tokenizer = copy.copy(self._tokenizer)
            tokenizer.FREQ = dict(self._tokenizer.FREQ)
            tokenizer.user_word_tag_tab = dict(self._tokenizer.user_word_tag_tab)
            tokenizer.lock = threading.RLock()
            other._tokenizer = tokenizer
            other._cut_block = getattr(tokenizer, "_Tokenizer__cut_DAG", None)
            other._tags = dict(self._tags)
            other._names = set(self._names)
            other._user_words = set(self._user_words)
        other._parts = {}
        other._lock = threading.Lock()
        for word in add:
            other.add_user_word(word)
        for word in remove:
            other.remove_user_word(word)
        return other

    def segment(self, original: str, simplified: str) -> Iterator[Piece]:
        """Yield pieces covering `original` in order; `simplified` is its length-preserving conversion."""
        if len(original) != len(simplified):
            raise ValueError("the simplified text must have the same length as the original")
        runs: list[tuple[re.Match[str], list[str] | None]] = []
        seen: set[str] = set()  # the distinct words: a text repeats its words
        tags = self._tags
        parts_of = self._parts
        for m in _RUN.finditer(simplified):
            if m.lastgroup == "han":
                with self._lock:
                    words = self._cut(m.group())
                runs.append((m, words))
                seen.update(words)
            else:
                runs.append((m, None))
        new_words = {w for w in seen if w not in tags}
        if new_words:
            self._learn_tags(new_words)
        # Words not yet asked whether they are split (all words can be, after a user's change).
        long_words = {w for w in seen if len(w) >= 2 * _MIN_PART and w not in parts_of}
        if long_words:
            self._learn_parts(long_words)
        pieces: list[Piece] = []
        suffixed: list[int] = []  # the pieces that end in a suffix character (南韩 队), for joining
        persons: list[int] = []  # jieba's transliterated names (里奇), which may have lost a syllable
        tag_for, names, suffixes = self._tag_for, self._names, _NAME_SUFFIXES  # a book's inner loop
        for m, cut in runs:
            start = m.start()
            chunk = m.group()
            if cut is not None:
                for word in cut:
                    end = start + len(word)
                    ends = parts_of.get(word)
                    if ends:
                        i = 0
                        for j in ends:
                            part = word[i:j]
                            if part[-1] in suffixes:
                                suffixed.append(len(pieces))
                            pieces.append(Piece(start + i, start + j, part, tag_for(part)))
                            i = j
                    else:
                        tag = tag_for(word)
                        if word[-1] in suffixes:
                            suffixed.append(len(pieces))
                        if tag == _TRANSLITERATED:
                            persons.append(len(pieces))
                        pieces.append(Piece(start, end, word, tag, word in names))
                    start = end
                continue
            kind = m.lastgroup
            if kind in ("num", "cnum"):
                # Their own tags, so that "m" and "t" keep meaning jieba's words (一些, 今天).
                pos = NUMBER_TAGS[1] if chunk[-1] in "年月日号纪代度" else NUMBER_TAGS[0]
                if kind == "cnum":
                    # The white circle of 二○一九年 is the zero 〇 (líng): read it as one.
                    chunk = chunk.replace(WHITE_CIRCLE_ZERO, "〇")
                pieces.append(Piece(start, m.end(), chunk, pos))
            elif kind == "lat":
                pieces.append(Piece(start, m.end(), chunk, "eng"))
            elif kind == "ws":
                pieces.append(Piece(start, m.end(), chunk, "ws"))
            else:
                pieces.append(Piece(start, m.end(), chunk, "w" if _is_punct(chunk[0]) else "x"))
        pieces, suffixed = _join_transliterations(pieces, persons, suffixed)
        joined = _join_suffix_compounds(pieces, suffixed, self._tag_for, self._names)
        yield from _split_determiners(joined, self._user_words)

    def _cut(self, run: str) -> list[str]:
        """jieba's words for a run of Han characters (with its guessing of unknown words)."""
        if _JIEBA_HAN.fullmatch(run) is not None and self._cut_block is not None:
            # What `cut` does with a run of only these characters, without its per-call set-up.
            return list(self._cut_block(run))
        return list(self._tokenizer.cut(run, HMM=True))

    def _learn_tags(self, words: set[str]) -> None:
        """Look up the tags of words seen for the first time, all at once (only words in jieba's
        dictionary have one; words its HMM made have none). Misses are remembered too."""
        known = [w for w in words if self._tokenizer.FREQ.get(w)]
        if self._tags_of is not None:
            found = self._tags_of(known)
        else:
            found = {w: tag for w in known if (tag := self._tag_of(w))}
        for w in words:
            self._tags.setdefault(w, found.get(w) or "")

    def _learn_parts(self, words: set[str]) -> None:
        """Decide, for words not asked about yet, which compounds are split into their
        dictionary words (`_compound_parts`), with one batched look-up for all of them and their
        parts; the tags of the parts are learnt too."""
        if self._headwords_of is None:
            return
        for w in words:
            self._parts.setdefault(w, ())
        candidates = [
            w
            for w in words
            if w not in self._names
            and w not in self._user_words
            and self._tags.get(w, "") not in _WHOLE_TAGS
            and not all(ch in _NUMERAL_CHARS for ch in w)
        ]
        if not candidates:
            return
        # The word itself, and each stretch of it that could be a part: one that leaves no single
        # character on either side.
        asked = set(candidates)
        for w in candidates:
            n = len(w)
            starts = [i for i in range(n - _MIN_PART + 1) if i == 0 or i >= _MIN_PART]
            for i in starts:
                for j in range(i + _MIN_PART, n + 1):
                    if j == n or n - j >= _MIN_PART:
                        asked.add(w[i:j])
        known = self._headwords_of(sorted(asked))
        new_parts: set[str] = set()
        for w in candidates:
            ends = () if w in known else _compound_parts(w, known)
            self._parts[w] = ends
            i = 0
            for j in ends:
                new_parts.add(w[i:j])
                i = j
        unseen = {p for p in new_parts if p not in self._tags}
        if unseen:
            self._learn_tags(unseen)

    def _tag_for(self, word: str) -> str:
        tag = self._tags.get(word)
        if tag is None:
            self._learn_tags({word})
            tag = self._tags[word]
        if tag:
            return tag
        if all(ch in _NUMERAL_CHARS for ch in word):
            return "m"
        return "x" if not any(is_han(ch) for ch in word) else "n"


# A dictionary part of a split compound has at least two characters: splitting into single
# characters would take apart transliterations and suffix compounds (秘書處 is not 秘書 + 處 for a
# learner) and costs Academia Sinica F1 (0.860 with one-character parts, 0.872 without).
_MIN_PART = 2
# jieba's tags of names of people, places and organisations (and numerals: 百分之五十) that stay
# whole even when the dictionary lacks them.
_WHOLE_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "m"})


def _compound_parts(word: str, known: Collection[str]) -> tuple[int, ...]:
    """The ends of the fewest dictionary words of `_MIN_PART` characters or more that cover
    `word` exactly (合作项目 -> 合作 项目: (2, 4)), or () when there are none.

    Among covers with as few parts, the first found wins: longer parts on the left."""
    n = len(word)
    # best[i]: the ends of the fewest parts covering word[:i], or None.
    best: list[tuple[int, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n - _MIN_PART + 1):
        before = best[i]
        if before is None:
            continue
        for j in range(n, i + _MIN_PART - 1, -1):
            if (i, j) == (0, n) or word[i:j] not in known:
                continue
            current = best[j]
            if current is None or len(before) + 1 < len(current):
                best[j] = (*before, j)
    found = best[n]
    return found if found is not None and len(found) >= 2 else ()


# Single characters that, after the name of a person, place or organisation, make with it the name
# of a team, office, party or institution (日本隊, 海關署, 和平黨): one word, not a name and a noun.
_NAME_SUFFIXES = frozenset("队署局处会院部厅馆党团社")
# Tags of the names such a suffix attaches to.
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt"})


def _join_suffix_compounds(
    pieces: list[Piece], suffixed: list[int], tag_for: Callable[[str], str], names: Collection[str]
) -> list[Piece]:
    """Join a name and a suffix character after it into one word (place + 隊, name + 署).

    会 only where the next word is no verb, adverb or preposition: in 美国会支持 it is "will"
    (jieba's own 美国会 is then split too). `suffixed` are the indices, in order, of the pieces
    that end in a suffix character (only they can change: a book has millions of pieces and few
    of them); `tag_for` gives a word's tag; `names` are the listed names."""
    if not suffixed:
        return pieces
    out: list[Piece] = []
    n = len(pieces)
    done = 0  # pieces[:done] are in `out`
    for i in suffixed:
        if i < done:
            continue
        p = pieces[i]
        s = p.simplified
        if len(s) == 1 and i > done:
            name = pieces[i - 1]
            if (
                (name.is_name or name.pos in _NAME_TAGS)
                and len(name.simplified) >= 2
                and not (s == "会" and i + 1 < n and _is_predicate(pieces[i + 1]))
            ):
                out.extend(pieces[done : i - 1])
                out.append(Piece(name.start, p.end, name.simplified + s, "nt"))
                done = i + 1
        elif (
            len(s) >= 3
            and s[-1] == "会"
            and i + 1 < n
            and _is_predicate(pieces[i + 1])
            and not p.is_name
            and tag_for(s[:-1]) in _NAME_TAGS
        ):
            out.extend(pieces[done:i])
            out.append(Piece(p.start, p.end - 1, s[:-1], tag_for(s[:-1]), s[:-1] in names))
            out.append(Piece(p.end - 1, p.end, "会", "v"))
            done = i + 1
    out.extend(pieces[done:])
    return out


# jieba's tag of transliterated names of people (its "nr" are mostly Chinese names, which a
# neighbouring character would only lengthen wrongly: 马丁 史柯西斯).
_TRANSLITERATED = "nrt"
# Characters (Simplified) that transcriptions of foreign names are written with, from the usual
# transcription tables: a name made only of them can be a transliteration (博里奇, 米雷伊).
_TRANSLITERATION = frozenset(
    "阿埃艾安奥澳巴拜班邦贝本比彼毕宾波伯勃博布达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费芬丰弗福富盖"
    "甘高戈哥格根古哈海汉豪赫亨胡华霍基吉加贾杰捷金卡凯坎康柯科克肯库奎拉莱兰朗劳勒雷蕾里理利莉连"
    "列林琳隆卢鲁伦罗洛吕马玛迈麦曼梅门蒙米密明莫姆穆纳娜奈南内尼涅纽努诺欧帕潘佩彭皮普奇齐乔切钦"
    "琼丘萨塞桑瑟森沙莎尚什史舒斯丝松苏索塔泰坦汤唐特滕提图托瓦万威维温翁沃乌西希谢辛休雅亚扬耶伊"
    "因尤于约泽扎詹兹佐"
)
# Tags of one-character words that are never a syllable of a name: prepositions, localisers,
# conjunctions, particles, adverbs, pronouns, modal particles (比 in "X比Y", 内, 和).
_FUNCTION_TAGS = ("p", "f", "c", "u", "d", "r", "y")


def _join_transliterations(
    pieces: list[Piece], persons: list[int], suffixed: list[int]
) -> tuple[list[Piece], list[int]]:
    """Give back to a transliterated name the syllables jieba cut off: a single character before it
    or single characters after it (博 里奇 -> 博里奇, 弗雷德里克 森 -> 弗雷德里克森), when every
    character is one that transcriptions use. `persons` are the indices, in order, of jieba's
    transliterated names (nrt) of two or more characters; listed names are left as they are.
    Returns the pieces and `suffixed` (indices of pieces, see `_join_suffix_compounds`) moved
    to where those pieces are now."""
    if not persons:
        return pieces, suffixed
    out: list[Piece] = []
    merged: list[tuple[int, int]] = []  # (first, last) indices of the pieces joined into one
    n = len(pieces)
    done = 0  # pieces[:done] are in `out`
    for k in persons:
        if k < done:
            continue
        p = pieces[k]
        if p.is_name or len(p.simplified) < 2 or not _transliterable(p.simplified):
            continue
        first = k - 1 if k - 1 >= done and _lost_syllable(pieces[k - 1]) else k
        last = k
        while last + 1 < n and _lost_syllable(pieces[last + 1]):
            last += 1
        if first == k and last == k:
            continue
        out.extend(pieces[done:first])
        text = "".join(q.simplified for q in pieces[first : last + 1])
        out.append(Piece(pieces[first].start, pieces[last].end, text, "nrt"))
        merged.append((first, last))
        done = last + 1
    if not merged:
        return pieces, suffixed
    out.extend(pieces[done:])
    moved: list[int] = []
    m = 0
    shift = 0  # pieces fewer before the current one
    for i in suffixed:
        while m < len(merged) and merged[m][1] < i:
            shift += merged[m][1] - merged[m][0]
            m += 1
        at = merged[m][0] - shift if m < len(merged) and merged[m][0] <= i else i - shift
        if not moved or moved[-1] != at:
            moved.append(at)
    return out, moved


def _transliterable(word: str) -> bool:
    return all(ch in _TRANSLITERATION for ch in word)


def _lost_syllable(p: Piece) -> bool:
    """True for a piece that can be a syllable cut off a transliterated name."""
    s = p.simplified
    return len(s) == 1 and s in _TRANSLITERATION and not p.is_name and not p.pos.startswith(_FUNCTION_TAGS)


def _is_predicate(p: Piece) -> bool:
    """True for a word that 会 ("will, can") would stand before: a verb, adjective, adverb,
    preposition, pronoun or time word."""
    return p.pos[:1] in ("v", "a", "d", "p", "r", "t", "c")


def _is_punct(ch: str) -> bool:
    return not ch.isalnum()


def _split_determiners(pieces: list[Piece], keep: set[str]) -> list[Piece]:
    """Split 这个 / 一种 / 每年 into determiner and measure word, and 不是 / 这是 at the copula."""
    out: list[Piece] = []
    for p in pieces:
        s = p.simplified
        if (
            len(s) == 2
            and s[0] in _DETERMINERS
            and s[1] in _MEASURES
            and s not in _LEXICALISED
            and s not in keep
            and not p.is_name
        ):
            out.append(Piece(p.start, p.start + 1, s[0], "r" if s[0] in "这那哪每各某该此本" else "m"))
            out.append(Piece(p.start + 1, p.end, s[1], "q"))
        elif len(s) == 2 and s[1] == "是" and s[0] in _COPULA_PREFIXES and s not in keep:
            out.append(Piece(p.start, p.start + 1, s[0], "r" if s[0] in "这那" else "d"))
            out.append(Piece(p.start + 1, p.end, "是", "v"))
        else:
            out.append(p)
    return out


def _load_prefix_dictionary(tokenizer: Any, cache: Path) -> None:
    """Give `tokenizer` jieba's prefix dictionary from the checked cache in `cache` (built on first
    use, and again whenever the check fails: see `segment_cache`).

    jieba's own marshal cache takes about three times as long to load, and it would go to /tmp.
    """
    source = Path(jieba.__file__).with_name("dict.txt")
    stamp = f"{jieba.__version__}:{source.stat().st_size}:{source.stat().st_mtime_ns}"
    path = cache / segment_cache.FILE_NAME
    saved = segment_cache.read_prefix_dictionary(path, stamp)
    if saved is None:
        with source.open("rb") as fh:
            saved = tokenizer.gen_pfdict(fh)
        segment_cache.write_prefix_dictionary(path, stamp, *saved)
    tokenizer.FREQ, tokenizer.total = saved
    tokenizer.initialized = True


def jieba_tags() -> Iterator[tuple[str, str]]:
    """(word, part-of-speech tag) for every word of jieba's dictionary (read when building the index)."""
    source = Path(jieba.__file__).with_name("dict.txt")
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                yield parts[0], parts[2]
