"""People a text names: from English glosses, titles, photo-caption positions and the bundled name list."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dushu.core.facts.terms import COUNTRY_NAMES, glossary_kind
from dushu.core.models import Person, Sentence, Token
from dushu.core.wordlists import NameEntry

__all__ = ["TITLES", "extract_people", "family_name", "find_person_mentions", "person_finder"]

# Titles that come right before a name (美國總統特朗普, 首相石破茂). Longer forms first.
TITLES: tuple[str, ...] = (
    "國家安全顧問",
    "国家安全顾问",
    "行政總裁",
    "行政总裁",
    "首席執行官",
    "首席执行官",
    "國務卿",
    "国务卿",
    "副總統",
    "副总统",
    "總統",
    "总统",
    "副首相",
    "首相",
    "副總理",
    "副总理",
    "總理",
    "总理",
    "外長",
    "外长",
    "外相",
    "防長",
    "防长",
    "防衛大臣",
    "防卫大臣",
    "大臣",
    "財長",
    "财长",
    "部長",
    "部长",
    "國家主席",
    "国家主席",
    "主席",
    "總書記",
    "总书记",
    "秘書長",
    "秘书长",
    "大使",
    "發言人",
    "发言人",
    "顧問",
    "顾问",
    "專員",
    "专员",
    "總裁",
    "总裁",
    "董事長",
    "董事长",
    "創辦人",
    "创办人",
    "行政長官",
    "行政长官",
    "特首",
    "市長",
    "市长",
    "州長",
    "州长",
    "省長",
    "省长",
    "國王",
    "国王",
    "女王",
    "王儲",
    "王储",
    "執行長",
    "执行长",
    "總監",
    "总监",
    "司令",
    "將軍",
    "将军",
    "院長",
    "院长",
    "局長",
    "局长",
    "議員",
    "议员",
    "議長",
    "议长",
    "參議員",
    "参议员",
    "眾議員",
    "众议员",
    "總督",
    "总督",
)
_TITLE_RE = re.compile("|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)))
# Position markers in photo captions: 高市早苗（中間右）, 特朗普（Donald Trump，左）.
_POSITION = re.compile(r"^(?:中間|中间|前排|後排|后排)?[左右中](?:[一二三四五]|起[一二三四五])?$")
_BRACKET = re.compile(r"[（(]([^（）()\n]{1,60})[）)]")
_PERSON_LATIN = re.compile(
    r"^[A-Z][a-zà-ÿ'’\-]+(?:[ .·-]+(?:[A-Z][a-zà-ÿ'’\-]*\.?|von|van|der|de|da|bin|al))*$"
)
# Latin words that name things, not people ("Rose Garden", "Entity List").
_THING_WORDS = frozenset(
    [
        "Act",
        "List",
        "Garden",
        "House",
        "Bank",
        "Group",
        "Council",
        "Agreement",
        "Partnership",
        "Treaty",
        "Dialogue",
        "Mechanism",
        "Forum",
        "Union",
        "Fund",
        "Ministry",
        "Department",
        "Office",
        "Strategy",
        "Initiative",
        "Consultations",
        "Law",
        "Rule",
        "Summit",
        "Party",
        "Company",
        "Corporation",
        "Institute",
        "University",
        "Palace",
        "Hall",
        "Square",
        "Street",
        "Road",
        "Bay",
        "Island",
        "Sea",
        "Ocean",
        "River",
        "Lake",
        "Mountain",
        "Camp",
        "Center",
        "Centre",
        "Committee",
        "Commission",
        "Secretariat",
        "Pact",
        "Alliance",
        "Chips",
        "Security",
        "Trade",
        "Economic",
        "Science",
        "Act",
    ]
)
# Name endings that make a run a place or body (白宮玫瑰園, 迎賓館), never a person.
_PLACE_END = set(
    "園园宮宫館馆山河島岛港街路區区省市州國国營营灣湾洋海湖會会院部局所廳厅處处堂場场黨党社廠厂司團团盟案約约議议法室宅府城鎮镇縣县村站橋桥殿寺塔"
)
# Characters that cannot be part of a name: particles, common verbs, punctuation.
_STOP = set(
    "的在與与和及、，。；：「」《》（）()！？是為为將将把被由對对向從从於于了等並并且或即也都就還还又更已曾而但同跟給给令讓让"
)
# Characters that, at the end of a 3–4 character candidate, are the verb after the name ("石破茂宣佈").
_VERBISH = set(
    "舉举在與与訪访出宣表發发會会簽签指稱称說说也則则曾已將将於于就還还都對对向和及等的後后前時时上下入來来去到抵見见任獲获成稱為为是被率帶带再又更亦均隨随即"
)
# Words that often precede a transliterated name without being part of it ("當時莫迪（Narendra Modi）").
_LEADING_WORDS = (
    "當時",
    "当时",
    "當年",
    "其中",
    "包括",
    "以及",
    "至於",
    "至于",
    "隨後",
    "随后",
    "後來",
    "后来",
    "此前",
    "同時",
    "同时",
    "其後",
    "其后",
    "之後",
    "之后",
    "然而",
    "不過",
    "不过",
    "另外",
    "此外",
    "尤其",
    "例如",
    "比如",
    "甚至",
    "會見",
    "会见",
    "會晤",
    "会晤",
    "接見",
    "接见",
    "訪問",
    "访问",
    "出席",
    "表示",
    "指出",
    "認為",
    "认为",
    "聯同",
    "联同",
    "連同",
    "连同",
    "據悉",
    "据悉",
    "圖為",
    "图为",
)
# Modifiers that belong to a role: 前首相, 時任總統, 新任首相.
_ROLE_MODIFIERS = ("前", "時任", "时任", "新任", "現任", "现任", "候任", "署理", "首任", "副", "代理", "卸任")
_BAD_START = set("更如不已將将會会也都就還还再並并而但是其該该此這这那各每一兩两數数")
# Family names that start most Chinese and Japanese names; a name seen once after a title must start
# with one, so "外長會議" or "首相更迭" never become people.
_FAMILY_START = set(
    "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾"
    "蕭萧肖董袁潘蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟"
    "熊秦邱江尹薛閻阎段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔湯汤賴赖習习溫温岑翁文"
    "岸安菅鈴铃佐伊加吉渡齋斋藤木茂麻鳩鸠福細细村竹橋桥原池宮宫野森松河岡冈菊稻"
)


@dataclass(slots=True)
class _Candidate:
    name: str
    english: str = ""
    roles: Counter[str] = field(default_factory=Counter)
    strong: bool = False  # seen with an English gloss, a caption position or in the name list
    list_role: str = ""


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "〇"


def _run_before(text: str, end: int, limit: int = 14) -> int:
    """Start of the run of name-like Han characters ending at `end`."""
    start = end
    while start > 0 and end - start < limit and _han(text[start - 1]) and text[start - 1] not in _STOP:
        start -= 1
    return start


def _split_title(run: str) -> tuple[str, str]:
    """("美國總統", "特朗普") from "會見美國時任總統特朗普": the role (trimmed) and the name after it."""
    last = None
    for m in _TITLE_RE.finditer(run):
        if m.end() < len(run):
            last = m
    if last is None:
        return "", run
    return _trim_role(run[: last.end()]), run[last.end() :]


def _trim_role(role: str) -> str:
    """Keep the country or body and the title, not the verb before them: 會見美國時任總統 -> 美國時任總統."""
    best = None
    for country in COUNTRY_NAMES:
        idx = role.find(country)
        if idx != -1 and (best is None or idx < best):
            best = idx
    if best is not None:
        return role[best:]
    for word in _LEADING_WORDS:
        if role.startswith(word):
            role = role[len(word) :]
    return role if len(role) <= 8 else role[-6:]


def _strip_leading(name: str) -> str:
    for word in _LEADING_WORDS:
        if name.startswith(word) and len(name) - len(word) >= 2:
            return name[len(word) :]
    return name


def _name_after_title(text: str, pos: int) -> str:
    """The 2–4 character name right after a title, without the verb that follows it."""
    end = pos
    while end < len(text) and end - pos < 4 and _han(text[end]) and text[end] not in _STOP:
        end += 1
    name = text[pos:end]
    while len(name) > 2 and name[-1] in _VERBISH:
        name = name[:-1]
    return name


PersonFinder = Callable[[str], list[tuple[int, int, str]]]


def person_finder(people: Sequence[Person]) -> PersonFinder:
    """A function listing every (start, end, name) where one of `people` is mentioned in a text.

    Full names and, for four-character (Japanese) names, the family name alone (高市 for 高市早苗);
    the longest form wins where forms overlap. Built once, used for many spans.
    """
    canonical: dict[str, str] = {}
    for p in people:
        canonical[p.name] = p.name
    for p in people:
        alias = family_name(p.name)
        if alias:
            canonical.setdefault(alias, p.name)
    if not canonical:
        return lambda text: []
    pattern = re.compile("|".join(re.escape(f) for f in sorted(canonical, key=len, reverse=True)))
    return lambda text: [(m.start(), m.end(), canonical[m.group()]) for m in pattern.finditer(text)]


def find_person_mentions(text: str, people: Sequence[Person]) -> list[tuple[int, int, str]]:
    """Every (start, end, name) where a person is mentioned, by full name or a Japanese family name."""
    return person_finder(people)(text)


def family_name(name: str) -> str:
    """The short form a text uses for a four-character (Japanese) name: 高市早苗 -> 高市."""
    if len(name) == 4 and all(_han(c) for c in name):
        return name[:2]
    return ""


def extract_people(
    text: str,
    sentences: Sequence[Sentence],
    names: Sequence[NameEntry] = (),
    tokens: Sequence[Token] = (),
    *,
    exclude: frozenset[str] = frozenset(),
) -> tuple[Person, ...]:
    """People named in the text, in order of first mention.

    A person is found from an English gloss (特朗普（Donald Trump））, a caption position
    (高市早苗（右）), a title before the name (首相石破茂, 國家安全顧問沙利文) or the bundled name
    list. `role` is the title the text gives most often (with its country: 日本首相), else the list's;
    `mentions` counts the full name and, for four-character Japanese names, the family name alone.
    """
    candidates: dict[str, _Candidate] = {}
    listed = {e.word: e for e in names if e.kind == "person"}
    token_starts = {t.start for t in tokens}

    def candidate(name: str) -> _Candidate:
        if name not in candidates:
            candidates[name] = _Candidate(name)
        return candidates[name]

    # 1. Names followed by brackets: an English gloss or a caption position.
    for m in _BRACKET.finditer(text):
        parts = [p.strip() for p in re.split(r"[,，;；]", m.group(1))]
        latin = parts[0] if parts and _PERSON_LATIN.match(parts[0]) else ""
        position = any(_POSITION.match(p) for p in parts)
        if latin:
            words = latin.replace("·", " ").replace(".", " ").split()
            if len(words) < 2 or any(w in _THING_WORDS for w in words):
                latin = ""
        if not latin and not position:
            continue
        run_start = _run_before(text, m.start())
        run = text[run_start : m.start()]
        if not run or run[-1] in _PLACE_END:
            continue
        role, name = _split_title(run)
        name = _strip_leading(name)
        if token_starts and len(name) > 4:
            # jieba's word boundaries cut off words stuck to the front of a transliterated name.
            inner = [s for s in range(m.start() - len(name), m.start()) if s in token_starts]
            if inner:
                name = text[inner[-1] : m.start()] if m.start() - inner[-1] >= 2 else name
        listed_tail = next((name[k:] for k in range(len(name) - 1) if name[k:] in listed), None)
        if listed_tail:
            name = listed_tail
        if not 2 <= len(name) <= 6 or name in exclude or name in COUNTRY_NAMES:
            continue
        c = candidate(name)
        c.strong = True
        if latin and not c.english:
            c.english = latin
        if role:
            c.roles[role] += 1

    # 2. Titles followed by a name.
    listed_words = sorted((w for w in listed if len(w) >= 2), key=len, reverse=True)
    listed_re = re.compile("|".join(map(re.escape, listed_words))) if listed_words else None
    occurrences: dict[str, int] = {}
    for m in _TITLE_RE.finditer(text):
        name = _name_after_title(text, m.end())
        listed_match = listed_re.match(text, m.end()) if listed_re else None
        if listed_match:
            name = listed_match.group()
        if len(name) < 2 or name[0] in _BAD_START or name in exclude or name in COUNTRY_NAMES:
            continue
        if name[-1] in _PLACE_END and name not in listed:
            continue
        run_start = _run_before(text, m.start(), limit=10)
        role = _trim_role(text[run_start : m.end()])
        if glossary_kind(name) != "term":
            continue  # 外長聯合聲明: a title inside the name of a document
        if name not in occurrences:
            occurrences[name] = text.count(name)
        known = name in candidates or name in listed or occurrences[name] >= 2
        if not known and not (name[0] in _FAMILY_START and len(name) <= 4):
            continue
        c = candidate(name)
        c.roles[role] += 1

    # 3. The name list.
    for word, entry in listed.items():
        if word in text and word not in exclude:
            c = candidate(word)
            c.strong = True
            c.english = c.english or entry.english
            c.list_role = entry.role

    # 4. Names listed next to a known person: "菅義偉、岸田文雄、石破茂、高市早苗".
    for name in list(candidates):
        for m in re.finditer(re.escape(name), text):
            for neighbour in _enumeration_neighbours(text, m.start(), m.end()):
                if neighbour in exclude or neighbour in COUNTRY_NAMES or glossary_kind(neighbour) != "term":
                    continue
                if (
                    neighbour[0] in _BAD_START
                    or _TITLE_RE.search(neighbour)
                    or any(neighbour in c for c in candidates)
                ):
                    continue
                candidate(neighbour)

    # A shorter candidate inside a longer one (特朗 inside 特朗普) is the same person.
    for name in sorted(candidates, key=len):
        if any(other != name and name in other for other in candidates):
            longer = next(o for o in candidates if o != name and name in o)
            candidates[longer].roles.update(candidates[name].roles)
            del candidates[name]

    people = [
        Person(name=c.name, mentions=0, english=c.english, role=_best_role(c)) for c in candidates.values()
    ]
    spans = find_person_mentions(text, people)
    counts = Counter(name for _s, _e, name in spans)
    first: dict[str, int] = {}
    starts = [s.start for s in sentences]
    sentence_sets: dict[str, set[int]] = {p.name: set() for p in people}
    for start, _end, name in spans:
        first.setdefault(name, start)
        sentence_sets[name].add(_sentence_at(sentences, starts, start))
    result = [
        Person(p.name, counts[p.name], p.english, p.role, tuple(sorted(sentence_sets[p.name] - {-1})))
        for p in people
        if counts[p.name] > 0
    ]
    result.sort(key=lambda p: first.get(p.name, 0))
    return tuple(result)


def _enumeration_neighbours(text: str, start: int, end: int) -> list[str]:
    """The other 2–4 character items of a 、-separated list that holds text[start:end]."""
    found: list[str] = []
    pos = start
    while pos > 0 and text[pos - 1] == "、":
        item_start = _run_before(text, pos - 1, limit=4)
        if item_start == pos - 1:
            break
        found.append(text[item_start : pos - 1])
        pos = item_start
    pos = end
    while pos < len(text) and text[pos] == "、":
        item_end = pos + 1
        while (
            item_end < len(text)
            and item_end - pos - 1 < 4
            and _han(text[item_end])
            and text[item_end] not in _STOP
        ):
            item_end += 1
        item = text[pos + 1 : item_end]
        if len(item) < 2:
            break
        found.append(item)
        pos = item_end
    return [f for f in found if 2 <= len(f) <= 4]


def _best_role(c: _Candidate) -> str:
    """The role the text gives most often; a role naming the country wins a tie; else the list's."""
    if not c.roles:
        return c.list_role
    best = max(
        c.roles.items(),
        # Most often said; then not "時任" (at the time), then naming the country, then the fuller one.
        key=lambda kv: (kv[1], "時任" not in kv[0], any(k in kv[0] for k in COUNTRY_NAMES), len(kv[0])),
    )[0]
    if c.list_role.endswith(best) and not any(k in best for k in COUNTRY_NAMES):
        return c.list_role  # the text says only 首相; the list knows it is 日本首相
    return best


def _sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].start <= pos < sentences[i].end:
        return sentences[i].index
    return -1
