"""Glossary extraction: named mechanisms, agreements, documents and organisations, with abbreviations."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from dushu.core.models import GlossaryEntry, Sentence, Token
from dushu.core.wordlists import NameEntry

__all__ = [
    "COUNTRY_ABBREVIATIONS",
    "COUNTRY_NAMES",
    "country_groups",
    "expand_country_group",
    "extract_glossary",
    "glossary_kind",
]

# One-character country abbreviations as news writes them in runs like 美日印澳, with the English name.
COUNTRY_ABBREVIATIONS: dict[str, str] = {
    "美": "US",
    "日": "Japan",
    "中": "China",
    "印": "India",
    "澳": "Australia",
    "菲": "Philippines",
    "韓": "South Korea",
    "韩": "South Korea",
    "英": "UK",
    "歐": "EU",
    "欧": "EU",
    "俄": "Russia",
    "朝": "North Korea",
    "台": "Taiwan",
    "越": "Vietnam",
}
# Full country names (Traditional and Simplified) with the English name used in `members`.
COUNTRY_NAMES: dict[str, str] = {
    "美國": "US",
    "美国": "US",
    "日本": "Japan",
    "中國": "China",
    "中国": "China",
    "中國大陸": "China",
    "印度": "India",
    "澳洲": "Australia",
    "澳大利亞": "Australia",
    "澳大利亚": "Australia",
    "菲律賓": "Philippines",
    "菲律宾": "Philippines",
    "韓國": "South Korea",
    "南韓": "South Korea",
    "韩国": "South Korea",
    "南韩": "South Korea",
    "北韓": "North Korea",
    "朝鮮": "North Korea",
    "朝鲜": "North Korea",
    "英國": "UK",
    "英国": "UK",
    "歐盟": "EU",
    "欧盟": "EU",
    "俄羅斯": "Russia",
    "俄罗斯": "Russia",
    "台灣": "Taiwan",
    "台湾": "Taiwan",
    "越南": "Vietnam",
    "荷蘭": "Netherlands",
    "荷兰": "Netherlands",
    "德國": "Germany",
    "德国": "Germany",
    "法國": "France",
    "法国": "France",
    "加拿大": "Canada",
    "新加坡": "Singapore",
    "印尼": "Indonesia",
    "意大利": "Italy",
    "義大利": "Italy",
    "烏克蘭": "Ukraine",
    "乌克兰": "Ukraine",
    "以色列": "Israel",
    "伊朗": "Iran",
    "新西蘭": "New Zealand",
    "紐西蘭": "New Zealand",
    "泰國": "Thailand",
    "马来西亚": "Malaysia",
    "馬來西亞": "Malaysia",
}

# Suffixes that say what kind of thing a name is; the first family that matches wins.
_KIND_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mechanism", ("機制", "机制", "對話", "对话", "磋商", "框架", "夥伴關係", "伙伴关系", "倡議", "倡议")),
    ("agreement", ("協定", "协定", "條約", "条约", "協議", "协议", "公約", "公约", "盟約", "协约", "協約")),
    (
        "document",
        (
            "聲明",
            "声明",
            "宣言",
            "戰略",
            "战略",
            "文件",
            "報告",
            "报告",
            "白皮書",
            "白皮书",
            "法案",
            "憲法",
            "宪法",
            "綱要",
            "纲要",
            "指針",
            "清單",
            "清单",
            "規則",
            "规则",
            "計劃",
            "计划",
            "法",
        ),
    ),
    (
        "organisation",
        (
            "組織",
            "组织",
            "秘書處",
            "秘书处",
            "委員會",
            "委员会",
            "理事會",
            "理事会",
            "聯盟",
            "联盟",
            "銀行",
            "银行",
            "基金",
            "集團",
            "集团",
            "公司",
            "論壇",
            "论坛",
            "議會",
            "议会",
            "局",
            "署",
            "部",
            "院",
            "黨",
            "党",
        ),
    ),
)
# Unquoted names ending in these are mechanisms or bodies the text names (三邊協調秘書處, 美澳機制).
_UNQUOTED_SUFFIX = re.compile(r"(?:機制|机制|秘書處|秘书处|委員會|委员会|理事會|理事会)")
# Characters that end the run of words before an unquoted name: particles, verbs of creation, punctuation.
_NAME_STOP = set(
    "的在與与和及、，。；：「」《》（）()！？是為为將将把被由對对向從从於于了等中並并且或即也都就"
)
_NAME_STOP_WORDS = (
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
    "宣布",
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
)
_GROUP = re.compile("[" + "".join(COUNTRY_ABBREVIATIONS) + "]{2,6}")
# Words before a group that make it a model to follow, not the members ("仿效美日韓建立…").
_MODEL_WORDS = ("仿效", "效仿", "仿照", "參照", "参照", "借鑒", "借鉴", "模仿")
_COUNT_WORD = re.compile(r"([二兩两三四五六七八九])[國国方邊边角]")
_CN_COUNT = {"二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Characters before 中 that make it part of another word ("其中美國…" is not a China-US pair).
_ZHONG_PREV = set("其當当之心空集居從从期途手命高打水家眼腦脑暗空")

_QUOTED = re.compile(r"([「『《〈“])([^「」『』《》〈〉“”\n]{2,40})([」』》〉”])")
_BRACKET = re.compile(r"\s*[（(]([^（）()\n]{1,80})[）)]")
_SHORT_NAME = re.compile(
    r"[（(](?:簡稱|简称|下稱|下称|俗稱|俗称|統稱|统称|以下簡稱|以下简称)[「『“]?([^」』”）)]{1,12})[」』”]?[）)]"
)
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z0-9&.\-+]{1,11}$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&.,'’\- ]*$")


def glossary_kind(term: str) -> str:
    """Which kind of thing a name is, from how it ends: mechanism, agreement, document, organisation.

    Returns "term" when the ending says nothing (a concept such as 安全保障).

    >>> glossary_kind("安全對話機制"), glossary_kind("跨太平洋夥伴關係協定"), glossary_kind("國家安全戰略")
    ('mechanism', 'agreement', 'document')
    """
    for kind, suffixes in _KIND_SUFFIXES:
        if term.endswith(suffixes):
            return kind
    return "term"


def expand_country_group(group: str) -> tuple[str, ...]:
    """English names of the countries in a run of one-character abbreviations.

    >>> expand_country_group("美日印澳")
    ('US', 'Japan', 'India', 'Australia')
    """
    return tuple(COUNTRY_ABBREVIATIONS[ch] for ch in group if ch in COUNTRY_ABBREVIATIONS)


def country_groups(text: str) -> list[tuple[int, int, str]]:
    """Runs of two or more country abbreviations (美日韓, 美日澳菲) with their offsets."""
    found: list[tuple[int, int, str]] = []
    for m in _GROUP.finditer(text):
        start, group = m.start(), m.group()
        # A run that ends in a character starting a full country name (美日印澳 vs 印度) loses it.
        while (
            len(group) >= 2
            and text[start + len(group) : start + len(group) + 1]
            and any(text.startswith(name, start + len(group) - 1) for name in COUNTRY_NAMES)
        ):
            group = group[:-1]
        if group.startswith("中") and start > 0 and text[start - 1] in _ZHONG_PREV:
            group, start = group[1:], start + 1
        if len(set(group)) >= 2 and len(group) >= 2:
            found.append((start, start + len(group), group))
    return found


def _classify_inner(inner: str) -> tuple[str, str]:
    """Split the text in brackets after a name into (abbreviation, english)."""
    abbreviation = english = ""
    for part in re.split(r"[,，;；、]", inner):
        part = part.strip()
        if not part:
            continue
        if _ABBREVIATION.match(part) and sum(c.isupper() for c in part) >= 1 and " " not in part:
            abbreviation = abbreviation or part
        elif _LATIN.match(part):
            english = english or part
    return abbreviation, english


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
    return ()


def _term_start_unquoted(text: str, end: int, floor: int, tokens: Sequence[Token]) -> int:
    """Where an unquoted name that ends at `end` begins (stops at particles and verbs).

    With tokens, a start that falls inside a word moves to that word's start (or past it when the
    word is a verb such as 建立), so a name never begins in the middle of a word.
    """
    start = end
    while start > floor and end - start < 14:
        ch = text[start - 1]
        if ch in "與与和及" and end - start <= 4 and _han_run_before(text, start - 1, floor) >= 2:
            start -= 1  # 工業與安全局: a short coordinated name, not "X與<name>"
            continue
        if ch in _NAME_STOP or not ("\u4e00" <= ch <= "\u9fff"):
            break
        start -= 1
    segment = text[start:end]
    for word in _NAME_STOP_WORDS:
        idx = segment.rfind(word)
        if idx != -1:
            cut = start + idx + len(word)
            if cut < end - 1:
                start = cut
                segment = text[start:end]
    if tokens:
        # Tokens are in text order: find the one holding `start` by bisection (a book has millions).
        i = bisect.bisect_right(tokens, start, key=lambda t: t.start) - 1
        tok = tokens[i] if i >= 0 else None
        if tok is not None and tok.start < start < tok.end:
            start = (
                tok.end
                if tok.text in _NAME_STOP_WORDS or (tok.end < end - 1 and tok.pos.startswith("v"))
                else tok.start
            )
    return start


def _han_run_before(text: str, pos: int, floor: int) -> int:
    """How many name characters (Han, not particles) come right before `pos`."""
    n = 0
    while (
        pos - n - 1 >= floor
        and "\u4e00" <= text[pos - n - 1] <= "\u9fff"
        and text[pos - n - 1] not in _NAME_STOP
    ):
        n += 1
    return n


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
    X（簡稱「Y」）, unquoted names of mechanisms and bodies (…機制, …秘書處, …委員會), and organisations
    or terms from the bundled name list that appear in the text. `members` is filled when the text
    states them (美日印澳「四方安全對話機制」, 美日澳…「三國防務磋商機制」).
    """
    entries: dict[str, GlossaryEntry] = {}
    order: list[tuple[int, str]] = []

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
        if len(term) < 2 or term in person_names or term in COUNTRY_NAMES:
            return
        kind = kind or glossary_kind(term)
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
        base = s.start
        st = s.text
        for m in _QUOTED.finditer(st):
            opener, term, _closer = m.groups()
            if opener == "“" and not _BRACKET.match(st, m.end()):
                continue
            bracket = _BRACKET.match(st, m.end())
            abbreviation = english = ""
            after = m.end()
            if bracket:
                abbreviation, english = _classify_inner(bracket.group(1))
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

        for m in _SHORT_NAME.finditer(st):
            start = _term_start_unquoted(text, base + m.start(), base, tokens)
            term = text[start : base + m.start()]
            if term and term[-1] not in "」》』":
                add(term, start, s.index, m.group(1).strip(), "", (), glossary_kind(term))

        for m in _BRACKET.finditer(st):
            # Unquoted X（ABBR）: only names that end like an institution, so people and places stay out.
            if st[m.start() - 1 : m.start()] in "」》』" or m.start() == 0:
                continue
            abbreviation, english = _classify_inner(m.group(1))
            if not (abbreviation or english):
                continue
            start = _term_start_unquoted(text, base + m.start(), base, tokens)
            term = text[start : base + m.start()].strip()
            if len(term) < 3 or glossary_kind(term) == "term":
                continue
            kind = glossary_kind(term)
            members = _members_for(text, base, start, base + m.start(), base + m.end(), term, kind)
            add(term, start, s.index, abbreviation, english, members, kind)

        for m in _UNQUOTED_SUFFIX.finditer(st):
            end = base + m.end()
            if text[end : end + 1] in "」』》":
                continue  # the quoted form was handled above
            start = _term_start_unquoted(text, base + m.start(), base, tokens)
            term = text[start:end]
            if len(term) - len(m.group()) < 2:
                continue
            kind = glossary_kind(term)
            members = _members_for(text, base, start, end, end, term, kind)
            add(term, start, s.index, "", "", members, kind)

    _add_listed_terms(text, sentences, names, add, entries)
    return tuple(_tidy_english(entries[term]) for _pos, term in sorted(order))


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
        abbreviation = english if english and _ABBREVIATION.match(english) and english.isupper() else ""
        if kind == "term" and not abbreviation and not entry.word.isascii():
            continue  # a plain concept word (稀土, 印太) is vocabulary, not a glossary term
        sentence = next((s.index for s in sentences if s.start <= pos < s.end), 0)
        add(
            entry.word,
            pos,
            sentence,
            abbreviation,
            "" if abbreviation else english,
            (),
            kind if kind != "term" else "organisation" if entry.kind == "organisation" else "mechanism",
        )
