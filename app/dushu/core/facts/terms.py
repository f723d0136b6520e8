"""Glossary extraction: named mechanisms, agreements, documents and organisations, with abbreviations.

Also the one owner of country names (`COUNTRY_NAMES`, `COUNTRY_ABBREVIATIONS`), read from
`resources/wordlists/countries.tsv`, and of the endings that make a name an institution
(`resources/wordlists/name_suffixes.tsv`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import overload

from dushu.core.models import GlossaryEntry, Sentence, Token, is_han
from dushu.core.wordlists import NameEntry, bundled_table

__all__ = [
    "COUNTRY_ABBREVIATIONS",
    "COUNTRY_NAMES",
    "country_display_name",
    "country_groups",
    "expand_country_group",
    "extract_glossary",
    "glossary_kind",
    "is_acronym",
    "name_suffix",
]


_COUNTRY_ROWS = [(name, english) for name, english in bundled_table("countries.tsv", "name", 2)]
# One-character country abbreviations as news writes them in runs like 美日印澳, with the English name.
COUNTRY_ABBREVIATIONS: dict[str, str] = {name: english for name, english in _COUNTRY_ROWS if len(name) == 1}
# Full country and region names (Hong Kong, Taiwan and Mainland forms, Traditional and Simplified) with
# the one English name used in `members`: 澳洲 and 澳大利亞 are both "Australia".
COUNTRY_NAMES: dict[str, str] = {name: english for name, english in _COUNTRY_ROWS if len(name) > 1}
_LONGEST_COUNTRY = max(len(name) for name in COUNTRY_NAMES)
_COUNTRY_DISPLAY: dict[str, str] = {}
for _name, _english in _COUNTRY_ROWS:
    if len(_name) > 1:
        _COUNTRY_DISPLAY.setdefault(_english, _name)

# Endings that say what kind of thing a name is (委員會 organisation, 協定 agreement); longest first.
_SUFFIX_KINDS: dict[str, str] = {
    suffix: kind for suffix, kind in bundled_table("name_suffixes.tsv", "suffix", 2)
}
_SUFFIXES = tuple(sorted(_SUFFIX_KINDS, key=len, reverse=True))
_LONGEST_SUFFIX = len(_SUFFIXES[0])
_ORGANISATION_SUFFIX = re.compile(
    "|".join(re.escape(s) for s in _SUFFIXES if _SUFFIX_KINDS[s] == "organisation")
)

# Unquoted names ending in these are mechanisms or bodies the text names (三邊協調秘書處, 美澳機制).
_UNQUOTED_SUFFIX = re.compile(r"(?:機制|机制|秘書處|秘书处|委員會|委员会|理事會|理事会)")
# Characters that end the run of words before an unquoted name: particles, verbs of creation,
# demonstratives, punctuation.
_NAME_STOP = set(
    "的在與与和及、，。；：「」《》（）()！？是為为將将把被由對对向從从於于了等中並并且或即也都就這这那此"
)
_NAME_STOP_WORDS = (
    # Adverbs of sequence and verbs of following a model end the clause before a name.
    *("其後", "其后", "隨後", "随后", "此後", "此后", "參考", "参考"),
    "建立",
    "成立",
    "參與",
    "参与",
    "加強",
    "加强",
    "設立",
    "设立",
    "啟動",
    "启动",
    "加入",
    "退出",
    "透過",
    "通過",
    "通过",
    "利用",
    "宣布",
    "宣佈",
    "包括",
    "強化",
    "强化",
    "仿效",
    "效仿",
    "推動",
    "推动",
    "部分",
    "所謂",
    "所谓",
    # Prepositions and verbs that take a name as object, for texts read without tokens.
    "根據",
    "根据",
    "依據",
    "依据",
    "按照",
    "針對",
    "针对",
    "關於",
    "关于",
    "對於",
    "对于",
    "隨著",
    "随着",
    "前往",
    "抵達",
    "抵达",
    "會見",
    "会见",
    "出席",
    "參加",
    "参加",
    "召開",
    "召开",
    "邀請",
    "邀请",
    "呼籲",
    "呼吁",
    "批評",
    "批评",
    "反對",
    "反对",
    "擔任",
    "担任",
    "率領",
    "率领",
    "委託",
    "委托",
    "採用",
    "采用",
    "表示",
    "指出",
    "認為",
    "认为",
)
# Word classes (jieba tags) that never begin a name: verbs, time words, pronouns, adverbs,
# prepositions, conjunctions, particles ("乘坐北方航運公司的船" names 北方航運公司).
# Time words that begin names (未來科技基金會, 現代美術館), unlike 今天 or 去年.
_TIME_WORDS_IN_NAMES = frozenset(
    {"未來", "未来", "現代", "现代", "當代", "当代", "古代", "近代", "世紀", "世纪"}
)
_GOING_VERBS = frozenset("到赴往去來来給给讓让請请派找叫")
_STOP_WORD = re.compile("|".join(_NAME_STOP_WORDS))
_LEADING_NOT_NAME = ("v", "vd", "t", "r", "d", "p", "c", "u", "uj", "ul", "y")
_GROUP = re.compile("[" + "".join(COUNTRY_ABBREVIATIONS) + "]{2,6}")
# Words before a group that make it a model to follow, not the members ("仿效美日韓建立…").
_MODEL_WORDS = ("仿效", "效仿", "仿照", "參照", "参照", "借鑒", "借鉴", "模仿")
_COUNT_WORD = re.compile(r"([二兩两三四五六七八九])[國国方邊边角]")
_CN_COUNT = {"二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Category words news puts before a name in apposition (初創企業X, 晶片大廠X, 電動車品牌X).
# Category words before a body's own name: 民間團體X聯盟 -> X聯盟, 人權組織X會 -> X會.
_BODY_HEADS = ("團體", "团体", "組織", "组织")
_APPOSITION_HEADS = (
    "企業",
    "企业",
    "公司",
    "大廠",
    "大厂",
    "廠商",
    "厂商",
    "業者",
    "业者",
    "品牌",
    "平台",
    "平臺",
    "機構",
    "机构",
    "集團",
    "集团",
    "組織",
    "组织",
    "團體",
    "团体",
    "媒體",
    "媒体",
    "網站",
    "网站",
    "新創",
    "新创",
    "巨頭",
    "巨头",
    "龍頭",
    "龙头",
)
# What follows a number that is a date, time, count or amount rather than part of a name.
_AFTER_NUMBER = set("年月日號号時时點点分秒歲岁%％萬万億亿元名人個个家件次屆届")
# Characters before 等 that make it part of a word (高等, 平等, 中等, 初等, 同等, 對等, 均等).
_DENG_PREV = set("高平中初同對对均")
# Characters after 中 that make it the start of a word in a name (中心, 中央研究所, 中華).
_ZHONG_NEXT = set("心央華华國国文小東东西南部")
# Characters before 中 that make it part of another word ("其中美國…" is not a China-US pair).
_ZHONG_PREV = set("其當当之心空集居從从期途手命高打水家眼腦脑暗空")
_COUNTRY_CHAIN = re.compile(
    "(?:(?:"
    + "|".join(re.escape(c) for c in sorted(COUNTRY_NAMES, key=len, reverse=True))
    + ")(?:、|與|与|和|及|以及|，)?){2,}$"
)

# What may stand between a list of members and the term: 三國, 等國, 組成的, 「.
_AFTER_MEMBERS = re.compile(
    r"(?:[二兩两三四五六七八九十][國国]|等[國国]|等)?(?:組成|组成|共同|合組|合组)?的?[「『《 ]*$"
)

_QUOTED = re.compile(r"([「『《〈“])([^「」『』《》〈〉“”\n]{2,40})([」』》〉”])")
_BRACKET = re.compile(r"\s*[（(]([^（）()\n]{1,80})[）)]")
# Words that introduce a short form: 簡稱, （以下簡稱X）, （下稱X）, 簡寫為, 又稱, 俗稱.
_CUE = (
    r"(?:英文簡稱|英文简称|英文縮寫|英文缩写|以下簡稱|以下简称|以下稱|以下称|下稱|下称|簡稱|简称|簡寫為|简写为|簡寫|简写|縮寫為|缩写为|"
    r"又稱|又称|俗稱|俗称|統稱|统称|通稱|通称|或稱|或称)"
)
_CUED = re.compile(rf"^{_CUE}(?:為|为)?\s*[：:]?\s*(.+)$")
# A cue outside brackets, followed by the short form: "…委員會，簡稱「海委會」", "…又稱X".
_CUE_IN_TEXT = re.compile(
    rf"[，,]?\s*{_CUE}(?:為|为)?\s*[：:]?\s*"
    r"(?:[「『“]([^」』”\n]{1,20})[」』”]|([A-Za-z0-9][A-Za-z0-9&.\-+]{0,11})(?![A-Za-z0-9])|([^\W\d_]{2,8}))"
)
# "英文：…" before an English name in brackets.
_LANGUAGE_LABEL = re.compile(r"^(?:英文全名|英文名稱|英文名称|英文名|英文|英語|英语)\s*[：:]?\s*")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&.,'’\- ]*$")
_ACRONYM_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.\-+]{0,11}$")
# Latin letters and digits, also in their full-width forms (ＷＨＯ), as some Taiwanese papers print them.
_LATIN_BEFORE = re.compile(
    r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])([A-Za-z0-9Ａ-Ｚａ-ｚ０-９][A-Za-z0-9Ａ-Ｚａ-ｚ０-９&.\-+]{0,11})\s*$"
)
# Brackets that hold no name: dates, numbers, web addresses.
_NOT_A_NAME = re.compile(
    r"^[\d０-９\s年月日號号時时分秒.．,，:：/／\-–~～至到、%％]+$"
    r"|www\.|https?:|\.(?:com|gov|org|net)\b|@"
)
# Agencies a news text credits in brackets after a caption or a quote: not a term unless the name
# before them ends like an institution (美國環境保護署（EPA）).
_CREDITS = frozenset(
    {
        "AP",
        "AFP",
        "EPA",
        "UPI",
        "Reuters",
        "Getty",
        "Getty Images",
        "Bloomberg",
        "Kyodo",
        "CNA",
        "DPA",
        "ANSA",
        "Xinhua",
        "路透",
        "路透社",
        "美聯社",
        "美联社",
        "法新社",
        "歐新社",
        "欧新社",
        "共同社",
        "新華社",
        "新华社",
        "中央社",
        "中新社",
        "彭博",
        "資料照",
        "资料照",
        "翻攝",
        "翻摄",
    }
)
_CREDIT_START = (
    "圖",
    "图",
    "攝",
    "摄",
    "記者",
    "记者",
    "翻攝",
    "翻摄",
    "取自",
    "來源",
    "来源",
    "資料",
    "资料",
)


def glossary_kind(term: str) -> str:
    """Which kind of thing a name is, from how it ends: mechanism, agreement, document, organisation.

    Returns "term" when the ending says nothing (a concept such as 安全保障).

    >>> glossary_kind("安全對話機制"), glossary_kind("跨太平洋夥伴關係協定"), glossary_kind("國家安全戰略")
    ('mechanism', 'agreement', 'document')
    """
    suffix = name_suffix(term)
    return _SUFFIX_KINDS[suffix] if suffix else "term"


def name_suffix(term: str) -> str:
    """The longest ending of `term` that makes it an institution or document name, or "".

    >>> name_suffix("海洋保育委員會"), name_suffix("安全保障")
    ('委員會', '')
    """
    for length in range(min(_LONGEST_SUFFIX, len(term) - 1), 0, -1):
        if term[-length:] in _SUFFIX_KINDS:
            return term[-length:]
    return ""


def is_acronym(word: str) -> bool:
    """True for a Latin abbreviation: CPI, mRNA, G7, COP29, 5G, XR-7B (not Trump, not 2024).

    >>> [is_acronym(w) for w in ("CPI", "G7", "5G", "mRNA", "ＷＨＯ", "Reuters", "2024")]
    [True, True, True, True, True, False, False]
    """
    word = unicodedata.normalize("NFKC", word)
    if not _ACRONYM_SHAPE.match(word):
        return False
    upper = sum(c.isupper() for c in word)
    digits = sum(c.isdigit() for c in word)
    return upper >= 2 or (upper == 1 and digits >= 1)


def country_display_name(english: str) -> str:
    """The Chinese name Dushu shows for a country's English name (US -> 美國), or the English name.

    >>> country_display_name("Australia"), country_display_name("North Korea")
    ('澳洲', '朝鮮')
    """
    return _COUNTRY_DISPLAY.get(english, english)


def expand_country_group(group: str) -> tuple[str, ...]:
    """English names of the countries in a run of one-character abbreviations.

    >>> expand_country_group("美日印澳")
    ('US', 'Japan', 'India', 'Australia')
    """
    return tuple(COUNTRY_ABBREVIATIONS[ch] for ch in group if ch in COUNTRY_ABBREVIATIONS)


def _country_name_at(text: str, pos: int) -> bool:
    """True when a full country name begins at `pos`."""
    return any(text[pos : pos + n] in COUNTRY_NAMES for n in range(2, _LONGEST_COUNTRY + 1))


def country_groups(text: str) -> list[tuple[int, int, str]]:
    """Runs of two or more country abbreviations (美日韓, 美日澳菲) with their offsets."""
    found: list[tuple[int, int, str]] = []
    for m in _GROUP.finditer(text):
        start, group = m.start(), m.group()
        # A run that ends in a character starting a full country name (美日印澳 vs 印度) loses it.
        while (
            len(group) >= 2
            and text[start + len(group) : start + len(group) + 1]
            and _country_name_at(text, start + len(group) - 1)
        ):
            group = group[:-1]
        if group.startswith("中") and start > 0 and text[start - 1] in _ZHONG_PREV:
            group, start = group[1:], start + 1
        if len(set(group)) >= 2 and len(group) >= 2:
            found.append((start, start + len(group), group))
    return found


@dataclass(frozen=True, slots=True)
class _Bracket:
    """What the text in brackets after a name says about it."""

    abbreviation: str = ""  # a Latin acronym, or the short form after 簡稱 / 下稱
    english: str = ""
    word: str = ""  # one capitalised Latin word (Quad, Tesla): a short name after a body, else a person
    cued: bool = False  # the short form came after 簡稱, 下稱, 又稱…
    han: str = ""  # Chinese text standing alone (a short form or, after an acronym, the full name)


def _strip_quotes(value: str) -> str:
    return value.strip().strip("「」『』“”\"'《》 ")


def _read_bracket(inner: str) -> _Bracket:
    """Split the text in brackets after a name into abbreviation, English name and Chinese text.

    Dates, numbers, web addresses and photo credits (圖／…) say nothing: they give an empty `_Bracket`.
    """
    inner = inner.strip()
    if not inner or _NOT_A_NAME.search(inner) or inner.startswith(_CREDIT_START):
        return _Bracket()
    abbreviation = english = han = word = ""
    cued = False
    for part in re.split(r"[,，;；、]", inner):
        part = _LANGUAGE_LABEL.sub("", part.strip())
        if not part:
            continue
        cue = _CUED.match(part)
        if cue:
            # "簡稱 X 或 Y": the first short form is the one kept.
            value = _strip_quotes(re.split(r"\s*(?:或是|或者|或|及|/|／)\s*", cue.group(1))[0])
            if value and not abbreviation:
                abbreviation, cued = value, True
        elif is_acronym(part):
            abbreviation = abbreviation or part
        elif _ACRONYM_SHAPE.match(part) and part[0].isupper() and not word and not english:
            word = part
        elif _LATIN.match(part):
            english = english or part
        elif all(is_han(ch) for ch in _strip_quotes(part)) and 2 <= len(_strip_quotes(part)) <= 16:
            han = han or _strip_quotes(part)  # （「海委會」） as well as （海委會）
    return _Bracket(abbreviation, english, word, cued, han)


def _is_short_of(short: str, full: str, *, loose: bool = False, by_ending: bool = True) -> bool:
    """True when `short` can be the short form of `full`: 農行 of 農業銀行, 環保署 of 環境保護署.

    Its characters are characters of the full form in order, starting with its first (or second)
    character and ending with its last. `loose`, for a short form the text itself gives, lets it end
    elsewhere (台積電 of 台灣積體電路製造股份有限公司, 竹科 of 新竹科學園區) or with a character of
    the full form's institutional ending (X辦 for …辦公室) unless `by_ending` is False.
    """
    if not 2 <= len(short) < len(full) or not all(is_han(ch) for ch in short):
        return False
    if short[0] in full[:2] and (loose or short[-1] == full[-1]):
        pos = full.index(short[0])
        for ch in short[1:]:
            pos = full.find(ch, pos + 1)
            if pos == -1:
                break
        else:
            return True
    suffix = name_suffix(full)
    return (
        loose
        and by_ending
        and bool(suffix)
        and _SUFFIX_KINDS[suffix] == "organisation"
        and short[-1] in suffix
    )


def _members_for(
    text: str, sent_start: int, term_start: int, term_end: int, after: int, term: str, kind: str
) -> tuple[str, ...]:
    """Members of a mechanism or organisation when the sentence states them."""
    inside = country_groups(term)
    if inside:
        return expand_country_group(inside[0][2])
    if kind not in ("mechanism", "organisation", "term"):
        return ()
    count_match = _COUNT_WORD.search(term)
    wanted = _CN_COUNT[count_match.group(1)] if count_match else None
    # "…（Quad）——即美日印澳四國——" names the members right after the term.
    tail = text[after : after + 12]
    m = re.match(r"^[—\-－–、，,\s]*(?:即|包括|由)?([" + "".join(COUNTRY_ABBREVIATIONS) + "]{2,6})", tail)
    if m and (wanted is None or len(m.group(1)) == wanted):
        return expand_country_group(m.group(1))
    before = text[sent_start:term_start]
    for g_start, g_end, group in reversed(country_groups(before)):
        gap = before[g_end:]
        if any(before[max(0, g_start - 3) : g_start].endswith(w) for w in _MODEL_WORDS):
            continue
        if wanted is None:
            if gap.strip("的「『《 ") == "":
                return expand_country_group(group)
            break
        if len(group) == wanted:
            return expand_country_group(group)
    return _members_named_in_full(before, wanted)


def _members_named_in_full(before: str, wanted: int | None) -> tuple[str, ...]:
    """Countries named in full right before a term: 由澳洲、紐西蘭和新加坡組成的「…」."""
    head = _AFTER_MEMBERS.sub("", before)
    m = _COUNTRY_CHAIN.search(head)
    if not m:
        return ()
    start = m.start()
    if any(before[max(0, start - 3) : start].endswith(w) for w in _MODEL_WORDS):
        return ()
    names = re.findall(
        "|".join(re.escape(c) for c in sorted(COUNTRY_NAMES, key=len, reverse=True)), m.group()
    )
    members = tuple(dict.fromkeys(COUNTRY_NAMES[n] for n in names))
    if len(members) < 2 or (wanted is not None and len(members) != wanted):
        return ()
    return members


class _Words(Sequence[Token]):
    """The text's tokens with their start offsets at hand, so finding the word at an offset is a
    plain bisection (a book has millions of tokens and the glossary asks thousands of times)."""

    __slots__ = ("starts", "tokens")

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | Sequence[Token]:
        return self.tokens[index]


def _token_at(tokens: Sequence[Token], pos: int) -> int:
    """Index of the token holding offset `pos` (tokens are in text order)."""
    if isinstance(tokens, _Words):
        return bisect.bisect_right(tokens.starts, pos) - 1
    return bisect.bisect_right(tokens, pos, key=lambda t: t.start) - 1


def _term_start_unquoted(text: str, end: int, floor: int, tokens: Sequence[Token]) -> int:
    """Where an unquoted name that ends at `end` begins (stops at particles and verbs).

    With tokens, a start that falls inside a word moves to that word's start (or past it when the
    word is a verb such as 建立), and leading verbs, time words and adverbs are left out, so a name
    never begins in the middle of a word nor swallows the verb before it.
    """
    start = end
    # The institutional ending does not count towards a short coordinated name (國家發展和改革委員會).
    suffix_len = len(name_suffix(text[max(floor, end - _LONGEST_SUFFIX - 1) : end]))
    while start > floor and end - start < 14:
        ch = text[start - 1]
        if (
            ch in "與与和及"
            and end - suffix_len - start <= 4
            and _han_run_before(text, start - 1, floor) >= 2
            and not _country_before(text, start - 1, floor)
        ):
            start -= 1  # 工業與安全局: a short coordinated name, not "X與<name>"
            continue
        if ch == "等" and start - 2 >= floor and text[start - 2] in _DENG_PREV:
            start -= 1  # 高等法院, 平等委員會: 等 inside a word, not "…等" closing a list
            continue
        if ch == "中" and text[start : start + 1] in _ZHONG_NEXT:
            start -= 1  # 中心, 中央, 中華 begin names; 中 alone ends a phrase ("在會議中")
            continue
        if ch.isdigit():
            # Digits inside a name (北海1線捷運), not a date or a count before it (2031年…).
            run = start - 1
            while run > floor and text[run - 1].isdigit():
                run -= 1
            if (
                text[start : start + 1] not in _AFTER_NUMBER
                and is_han(text[start : start + 1] or "a")
                and run > floor
                and is_han(text[run - 1])
                and text[run - 1] not in _NAME_STOP
            ):
                start = run
                continue
            break
        if ch in _NAME_STOP or not is_han(ch):
            break
        start -= 1
    # The unit of a number before the name is no part of it: 2024年亞洲盃 -> 亞洲盃.
    while start < end - 1 and start > floor and text[start - 1].isdigit() and text[start] in _AFTER_NUMBER:
        start += 1
    segment = text[start:end]
    for word in _NAME_STOP_WORDS if _STOP_WORD.search(segment) else ():
        idx = segment.rfind(word)
        if idx != -1:
            cut = start + idx + len(word)
            if cut < end - 1:
                start = cut
                segment = text[start:end]
    if tokens:
        i = _token_at(tokens, start)
        tok = tokens[i] if i >= 0 else None
        if tok is not None and tok.start < start < tok.end:
            start = (
                tok.end
                if tok.text in _NAME_STOP_WORDS or (tok.end < end - 1 and tok.pos.startswith("v"))
                else tok.start
            )
            i += 1 if start == tok.end else 0
        elif tok is not None and tok.end <= start:
            i += 1
        # Leading verbs, time words and adverbs belong to the clause, not the name; two
        # characters of name at least stay before the institutional ending.
        keep = len(name_suffix(text[start:end])) + 2
        while 0 <= i < len(tokens):
            tok = tokens[i]
            # One-character verbs stay (跨太平洋…): they begin names more often than clauses,
            # except the verbs of going and sending (到, 赴, 往…).
            if (
                tok.start != start
                or tok.pos not in _LEADING_NOT_NAME
                or tok.text in _TIME_WORDS_IN_NAMES
                or (len(tok.text) < 2 and tok.pos.startswith("v") and tok.text not in _GOING_VERBS)
                or end - tok.end < keep
            ):
                break
            start = tok.end
            i += 1
        # A time word or pronoun inside the run ends the clause before the name:
        # "董事會今天舉行理事會" -> 舉行理事會 (and that is then no name at all).
        while 0 <= i < len(tokens) and tokens[i].end <= end - keep:
            if (
                tokens[i].pos in ("t", "r")
                and tokens[i].start >= start
                and tokens[i].text not in _TIME_WORDS_IN_NAMES
            ):
                start = tokens[i].end
            i += 1
    return start


def _country_before(text: str, pos: int, floor: int) -> bool:
    """True when a country or region's name ends at `pos`: "香港與東盟" lists two, it names no body."""
    return any(text[max(floor, pos - n) : pos] in COUNTRY_NAMES for n in range(2, 6) if pos - n >= floor)


def _han_run_before(text: str, pos: int, floor: int) -> int:
    """How many name characters (Han, not particles) come right before `pos`."""
    n = 0
    while pos - n - 1 >= floor and is_han(text[pos - n - 1]) and text[pos - n - 1] not in _NAME_STOP:
        n += 1
    return n


def _ends_at_word_end(tokens: Sequence[Token], end: int) -> bool:
    """False when `end` falls inside a word (…理事會 in 理事會議); True without tokens."""
    if not tokens:
        return True
    i = _token_at(tokens, end - 1)
    return i < 0 or tokens[i].end == end


def _only_a_verb(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when text[start:end] is one verb, adverb or time word (舉行, 昨天)."""
    if not tokens:
        return False
    i = _token_at(tokens, start)
    return i >= 0 and tokens[i].start == start and tokens[i].end == end and tokens[i].pos in _LEADING_NOT_NAME


def _long_enough(term: str, tokens: Sequence[Token], end: int) -> bool:
    """Three characters, or two that make one word, not a person's or place's name (輝達（NVIDIA）)."""
    if len(term) >= 3:
        return True
    if len(term) < 2 or not tokens:
        return False
    i = _token_at(tokens, end - 1)
    return i >= 0 and tokens[i].text == term and not tokens[i].pos.startswith(("nr", "ns"))


def _ends_in_noun(tokens: Sequence[Token], end: int) -> bool:
    """True when the word ending at `end` is a noun but no place ("飛往台北（TPE）" is a
    journey); True without tokens."""
    if not tokens:
        return True
    i = _token_at(tokens, end - 1)
    return i < 0 or not (tokens[i].pos in _LEADING_NOT_NAME or tokens[i].pos.startswith("ns"))


def extract_glossary(
    text: str,
    sentences: Sequence[Sentence],
    names: Sequence[NameEntry] = (),
    tokens: Sequence[Token] = (),
    *,
    person_names: frozenset[str] = frozenset(),
) -> tuple[GlossaryEntry, ...]:
    """Terms the text names, in order of first mention.

    Finds 「X」 or 《X》 followed by an abbreviation or English name in brackets, every title in 《》,
    X（ABBR）, ABBR（X）, X（English name，簡稱Y）, X（簡稱「Y」）, （以下簡稱Y）, X，簡稱Y / 又稱Y /
    俗稱Y, unquoted names of mechanisms and bodies (…機制, …秘書處, …委員會), Chinese short forms
    used beside their full form without brackets (農業銀行 … 農行; needs `tokens`), and
    organisations or terms from the bundled name list that appear in the text. `members` is filled
    when the text states them (美日印澳「四方安全對話機制」, 美日澳…「三國防務磋商機制」).
    """
    tokens = _Words(tokens)
    entries: dict[str, GlossaryEntry] = {}
    order: list[tuple[int, str]] = []
    listed = {entry.word: entry.kind for entry in names}

    def add(
        term: str,
        pos: int,
        sentence: int,
        abbreviation: str = "",
        english: str = "",
        members: tuple[str, ...] = (),
        kind: str = "",
    ) -> None:
        term = term.strip()
        if len(term) < 2 or term in person_names or term in COUNTRY_NAMES or abbreviation == term:
            return
        if listed.get(term) in ("person", "place"):
            return
        kind = kind or glossary_kind(term)
        if kind == "term" and listed.get(term) == "organisation":
            kind = "organisation"  # 台積電（TSMC）: the name list knows it is a company
        old = entries.get(term)
        if old is None:
            entries[term] = GlossaryEntry(term, kind, sentence, abbreviation, english, members)
            order.append((pos, term))
        else:
            entries[term] = replace(
                old,
                abbreviation=old.abbreviation or abbreviation,
                english=old.english or english,
                members=old.members or members,
            )

    for s in sentences:
        _quoted_terms(text, s, add)
        _bracketed_terms(text, s, tokens, person_names, add)
        _cued_terms(text, s, tokens, add)
        base, st = s.start, s.text
        for m in _UNQUOTED_SUFFIX.finditer(st):
            end = base + m.end()
            if text[end : end + 1] in "」』》" or not _ends_at_word_end(tokens, end):
                continue  # the quoted form was handled above; 理事會議 is a meeting, not a body
            start = _term_start_unquoted(text, base + m.start(), base, tokens)
            term = text[start:end]
            if len(term) - len(m.group()) < 2 or _only_a_verb(tokens, start, base + m.start()):
                continue  # "舉行理事會" is a meeting being held, not a body's name
            if any(
                len(known) > len(term) and known.endswith(term) and text[end - len(known) : end] == known
                for known in entries
            ):
                continue  # the tail of a name already read in full (選舉管理委員會（選管會）)
            kind = glossary_kind(term)
            members = _members_for(text, base, start, end, end, term, kind)
            add(term, start, s.index, "", "", members, kind)

    _add_listed_terms(text, sentences, names, add, entries)
    if tokens:
        _add_short_forms(text, sentences, tokens, person_names, add, entries)
    spelled_out: dict[str, int] = {}
    for entry in entries.values():
        for name in {entry.abbreviation.lower(), entry.english.lower()} - {""}:
            spelled_out[name] = spelled_out.get(name, 0) + 1
    return tuple(
        _tidy_english(entries[term]) for _pos, term in sorted(order) if _kept(entries[term], spelled_out)
    )


AddTerm = Callable[..., None]


def _sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    """The index of the sentence that holds offset `pos` (0 when none does); `starts` are the
    sentences' start offsets, in order."""
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i].index if i >= 0 and pos < sentences[i].end else 0


def _kept(entry: GlossaryEntry, spelled_out: Mapping[str, int]) -> bool:
    """False for an acronym that another entry spells out (PMI beside 採購經理人指數（PMI）):
    `spelled_out` counts the entries giving each lower-cased abbreviation or English name."""
    term = entry.term.lower()
    own = term in {entry.abbreviation.lower(), entry.english.lower()}
    return spelled_out.get(term, 0) - own <= 0


def _quoted_terms(text: str, s: Sentence, add: AddTerm) -> None:
    """「X」 or 《X》 followed by brackets, and every title in 《》."""
    base, st = s.start, s.text
    for m in _QUOTED.finditer(st):
        opener, term, _closer = m.groups()
        bracket = _BRACKET.match(st, m.end())
        if opener == "“" and not bracket:
            continue
        abbreviation = english = ""
        after = m.end()
        if bracket:
            info = _read_bracket(bracket.group(1))
            abbreviation, english = info.abbreviation or info.word, info.english
            if not abbreviation and info.han and _is_short_of(info.han, term, loose=True):
                abbreviation = info.han  # 「東方海洋觀測衛星三號」（東海三號）
            elif not abbreviation and info.han and _is_short_of(term, info.han, loose=True, by_ending=False):
                # 「海委會」（海洋保育委員會）: the short form first, the full name in brackets.
                add(info.han, base + m.start(), s.index, term)
                continue
            after = bracket.end()
        if opener in "《〈":
            kind = glossary_kind(term)
            if kind == "term":
                kind = "document"
        elif abbreviation or english:
            kind = glossary_kind(term)
            if kind == "term" and term.endswith(("協調", "合作")):
                kind = "mechanism"
        else:
            continue  # a quoted phrase without a name in brackets is a concept, not a glossary term
        members = _members_for(text, base, base + m.start(), base + m.end(), base + after, term, kind)
        add(term, base + m.start(), s.index, abbreviation, english, members, kind)


def _bracketed_terms(
    text: str, s: Sentence, tokens: Sequence[Token], person_names: frozenset[str], add: AddTerm
) -> None:
    """Unquoted X（ABBR）, X（English name）, X（簡稱Y）, X（short form） and ABBR（X）."""
    base, st = s.start, s.text
    for m in _BRACKET.finditer(st):
        if m.start() == 0 or st[m.start() - 1] in "」》』〉”":
            continue  # quoted names were read by _quoted_terms
        info = _read_bracket(m.group(1))
        if not (info.abbreviation or info.english or info.han or info.word):
            continue
        before = _LATIN_BEFORE.search(st, max(0, m.start() - 14), m.start())
        if info.han and not info.abbreviation and before and is_acronym(before.group(1)):
            # ABBR（full name）: PMI（採購經理人指數）
            full = info.han
            if len(full) >= 3 and full not in COUNTRY_NAMES and full not in person_names:
                add(full, base + before.start(1), s.index, before.group(1), info.english)
            continue
        end = base + m.start()
        start = _term_start_unquoted(text, end, base, tokens)
        term = text[start:end].strip()
        if len(term) < 2 or term in person_names or term in COUNTRY_NAMES:
            continue
        kind = glossary_kind(term)
        if kind == "term":
            term, start = _after_apposition_head(term, start)
        else:
            term, start = _after_apposition_head(term, start, _BODY_HEADS)
        abbreviation = info.abbreviation or (info.word if kind != "term" else "")
        if abbreviation and not info.cued:
            # A Latin acronym names an institution, or a concept that ends in a noun (採購經理人指數).
            if abbreviation in _CREDITS and (kind == "term" or not st[m.end() :].strip("。.」 \n")):
                continue  # "…發表演說（AP）", "…國務院。（AFP）" credit a photo or a report
            if kind == "term" and (not _long_enough(term, tokens, end) or not _ends_in_noun(tokens, end)):
                continue
        elif abbreviation:
            pass  # 簡稱 / 下稱 say outright that a short form follows
        elif info.english:
            if kind == "term":
                continue  # people and places in brackets keep out: only names that end like a body
        elif kind != "term" and _is_short_of(info.han, term, loose=True):
            abbreviation = info.han  # 市長辦公室（市長辦）
        elif (
            kind == "term"
            and len(info.han) >= 3
            and info.han[0] == term[0]
            and _is_short_of(info.han, term, loose=True, by_ending=False)
        ):
            abbreviation = info.han  # 國家人民議會（國家人議）: a body whose name ends in no known suffix
        else:
            # 海委會（海洋保育委員會）: the short form first (the longest end of the words before
            # the bracket that is a short form of the name in it).
            short = next(
                (
                    term[k:]
                    for k in range(len(term) - 1)
                    if _is_short_of(term[k:], info.han, loose=True, by_ending=False)
                ),
                "",
            )
            if short and glossary_kind(info.han) != "term":
                add(info.han, end - len(short), s.index, short)
            continue
        if abbreviation and all(is_han(ch) for ch in abbreviation) and abbreviation[0] not in term[:2]:
            start, term = _widened_to_short_form(text, start, end, base, abbreviation, term)
        members = _members_for(text, base, start, end, base + m.end(), term, kind)
        add(term, start, s.index, abbreviation, info.english, members, kind)


def _widened_to_short_form(
    text: str, start: int, end: int, floor: int, short: str, term: str
) -> tuple[int, str]:
    """(start, term) moved back over the words a short form begins with: 選舉管理委員會（選管會）
    whose 選舉 was read as a verb before the name. Unchanged when no such start lies close."""
    for k in range(1, 5):
        at = start - k
        if at < floor or not is_han(text[at]) or text[at] in _NAME_STOP:
            break
        if text[at] == short[0] and _is_short_of(short, text[at:end], loose=True, by_ending=False):
            return at, text[at:end]
    return start, term


def _after_apposition_head(
    term: str, start: int, heads: Sequence[str] = _APPOSITION_HEADS
) -> tuple[str, int]:
    """The name after a category word standing before it: 初創企業X -> X, 晶片大廠X -> X."""
    best = -1
    for head in heads:
        idx = term.rfind(head)
        if idx != -1 and len(term) - idx - len(head) >= 2:
            best = max(best, idx + len(head))
    return (term[best:], start + best) if best > 0 else (term, start)


def _cued_terms(text: str, s: Sentence, tokens: Sequence[Token], add: AddTerm) -> None:
    """X，簡稱Y / X又稱Y / X俗稱Y / X簡寫為Y outside brackets."""
    base, st = s.start, s.text
    for m in _CUE_IN_TEXT.finditer(st):
        opened = max(st.rfind("（", 0, m.start() + 1), st.rfind("(", 0, m.start() + 1))
        if opened > max(st.rfind("）", 0, m.start()), st.rfind(")", 0, m.start())):
            continue  # inside brackets: _bracketed_terms read it
        quoted, latin, run = m.group(1), m.group(2), m.group(3)
        end = base + m.start()
        closer = text[end - 1 : end]
        if closer in "」』》":
            opener = {"」": "「", "』": "『", "》": "《"}[closer]
            open_at = text.rfind(opener, base, end - 1)
            if open_at == -1:
                continue
            term, start, is_quoted = text[open_at + 1 : end - 1], open_at + 1, True
        else:
            start = _term_start_unquoted(text, end, base, tokens)
            term, is_quoted = text[start:end], False
        if len(term) < 2:
            continue
        if latin:
            if not is_acronym(latin):
                continue
            add(term, start, s.index, latin)
            continue
        short = _strip_quotes(quoted) if quoted else ""
        if run:
            # An unquoted short form ends where it stops being one: the whole run when punctuation
            # ends it, else the longest start of it made of the full form's characters
            # (國發會 in "國發會今天…").
            short = next(
                (run[:n] for n in range(len(run), 1, -1) if _is_short_of(run[:n], term)),
                "",
            )
            ends_run = m.end() == len(st) or not st[m.end()].isalnum()
            if not short and ends_run and len(run) <= 6:
                short = run
        if not short:
            continue
        full, abbreviation = (term, short) if len(term) >= len(short) else (short, term)
        # A quoted short form after a plain noun ("這種病俗稱「X」") names no term.
        if is_quoted or glossary_kind(full) != "term" or _is_short_of(abbreviation, full, loose=True):
            add(full, start, s.index, abbreviation)


def _add_short_forms(
    text: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    person_names: frozenset[str],
    add: AddTerm,
    found: Mapping[str, GlossaryEntry],
) -> None:
    """Chinese short forms used beside their full form without brackets (農業銀行 … 農行).

    A full form is an unquoted name with an institutional ending; a short form is two to five
    characters of it in order (see `_is_short_of`) that stand as words of their own elsewhere in
    the text. A two-character short form needs a four-character full form (央行, not 大會 from
    大陸委員會).
    """
    # Full forms by (last character, first character) and (last character, second character); a
    # name after a country (美國聯邦準備理事會) is also filed under the part after the country.
    fulls: dict[tuple[str, str], list[tuple[str, str]]] = {}
    starts: dict[str, int] = {}
    for m in _ORGANISATION_SUFFIX.finditer(text):
        end = m.end()
        if not _ends_at_word_end(tokens, end) or text[end : end + 1] in "」』》":
            continue
        start = _term_start_unquoted(text, m.start(), max(0, m.start() - 14), tokens)
        full = text[start:end]
        if len(full) - len(m.group()) < 2 or len(full) < 4 or full in starts:
            continue
        starts[full] = start
        # A full form that already has an abbreviation, or is part of a longer term that has one
        # (人民銀行 beside 中國人民銀行（人行）), needs no other.
        if any(full in term and g.abbreviation for term, g in found.items()):
            continue
        cores = [full] + [full[n:] for n in range(2, min(6, len(full) - 3)) if full[:n] in COUNTRY_NAMES]
        for core in cores:
            for lead in {core[0], core[1]}:
                fulls.setdefault((core[-1], lead), []).append((full, core))
    if not fulls:
        return
    sentence_starts = [s.start for s in sentences]
    leads = {lead for _last, lead in fulls}
    counts: dict[tuple[str, str], int] = {}
    words = tokens.tokens if isinstance(tokens, _Words) else tokens
    for i, tok in enumerate(words):
        if tok.text[:1] not in leads:
            continue
        # Spans of one to three words, two to five characters, that end in a full form's last character.
        for j in range(i, min(i + 3, len(words))):
            last = words[j]
            length = last.end - tok.start
            if length > 5:
                break
            key = (last.text[-1:], tok.text[:1])
            if length < 2 or key not in fulls:
                continue
            short = text[tok.start : last.end]
            for full, core in fulls[key]:
                if (len(short) > 2 or len(core) == 4) and short not in core and _is_short_of(short, core):
                    counts[(full, short)] = counts.get((full, short), 0) + 1
    taken = {g.abbreviation for g in found.values()}
    best: dict[str, tuple[int, int, str]] = {}
    for (full, short), n in counts.items():
        if short in COUNTRY_NAMES or short in person_names or short in taken:
            continue
        if len(short) >= 4 and text.find(short) < starts[full]:
            continue  # a long "short form" named before the full one is a body of its own (X總商會)
        if (n, len(short)) > best.get(full, (0, 0, ""))[:2]:
            best[full] = (n, len(short), short)
    for full, (_n, _len, short) in best.items():
        pos = starts[full]
        add(full, pos, _sentence_index(sentences, sentence_starts, pos), short)


def _tidy_english(entry: GlossaryEntry) -> GlossaryEntry:
    """ "Trans-Pacific Partnership (TPP)" -> english "Trans-Pacific Partnership", abbreviation "TPP"."""
    m = re.fullmatch(r"(.+?)\s*\(([A-Za-z][A-Za-z0-9&.\-]{1,11})\)", entry.english)
    if not m:
        return entry
    english, abbreviation = m.group(1), m.group(2)
    if entry.abbreviation and entry.abbreviation.upper() != abbreviation.upper():
        return entry
    return replace(entry, english=english, abbreviation=entry.abbreviation or abbreviation)


def _free_occurrence(text: str, word: str, found: Mapping[str, GlossaryEntry]) -> int:
    """The first place `word` occurs outside a longer term already found (四方安全對話 in …機制), or -1."""
    longer = [t for t in found if word in t and t != word]
    pos = text.find(word)
    while pos != -1:
        inside = any(
            text.find(t, max(0, pos - len(t)), pos + len(t)) != -1
            and text.find(t, max(0, pos - len(t)), pos + len(t)) <= pos
            and pos + len(word) <= text.find(t, max(0, pos - len(t)), pos + len(t)) + len(t)
            for t in longer
        )
        if not inside:
            return pos
        pos = text.find(word, pos + 1)
    return -1


def _add_listed_terms(
    text: str,
    sentences: Sequence[Sentence],
    names: Sequence[NameEntry],
    add: Callable[..., None],
    found: Mapping[str, GlossaryEntry],
) -> None:
    """Organisations and terms from the name list that the text mentions and that name an institution."""
    abbreviations = {g.abbreviation for g in found.values() if g.abbreviation}
    sentence_starts = [s.start for s in sentences]
    for entry in names:
        if entry.kind not in ("organisation", "term") or len(entry.word) < 2 or entry.word in abbreviations:
            continue
        pos = _free_occurrence(text, entry.word, found)
        if pos == -1:
            continue
        kind = glossary_kind(entry.word)
        if entry.kind == "term" and kind in ("document", "term") and entry.word not in found:
            continue  # 印太戰略 is a concept; documents count when the text names them in 《》
        english = entry.english if ";" not in entry.english else ""
        abbreviation = english if english and is_acronym(english) and english.isupper() else ""
        if kind == "term" and not abbreviation and not entry.word.isascii():
            continue  # a plain concept word (稀土, 印太) is vocabulary, not a glossary term
        sentence = _sentence_index(sentences, sentence_starts, pos)
        add(
            entry.word,
            pos,
            sentence,
            abbreviation,
            "" if abbreviation else english,
            (),
            kind if kind != "term" else "organisation" if entry.kind == "organisation" else "mechanism",
        )
