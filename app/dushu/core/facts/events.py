"""Dated events: what each date governs, who acted, a summary, whether planned; non-events left out."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from dushu.core.facts.dates import DateMention
from dushu.core.facts.layout import _CAPTION_HEAD, _CREDIT_ONLY, TextLayout, _is_credit
from dushu.core.facts.people import family_name, person_finder
from dushu.core.facts.terms import COUNTRY_NAMES, country_groups
from dushu.core.models import Fact, GlossaryEntry, Person, Sentence, Token, is_han
from dushu.core.wordlists import NameEntry

# Clause boundaries (outside brackets and quotes).
_CLAUSE_SEP = "，；,;"
_OPENERS = {"（": "）", "(": ")", "「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”", "【": "】"}
# Words around a date that carry no content of their own ("到了2025年3月，…", "早在2015年…").
_DATE_FILLERS = (
    "上旬",
    "中旬",
    "下旬",
    "例如在",
    "早在",
    "到了",
    "直到",
    "直至",
    "截至",
    "自從",
    "并在",
    "並在",
    "並於",
    "并于",
    "也在",
    "就在",
    "已在",
    "而在",
    "於是",
    "隨即在",
    "接著在",
    "之後",
    "此後",
    "其後",
    "隨後",
    "當時",
    "在",
    "於",
    "于",
    "至",
    "到",
    "自",
    "從",
    "从",
    "並",
    "并",
    "也",
    "起",
    "時",
    "后",
    "後",
    "前",
    "間",
    "底",
    "初",
    "中",
    "末",
    "份",
    "的",
)
# A clause ending like this needs the next one to say what happened ("…以國家安全為藉口，對…加征關稅").
_DANGLING = (
    "表示",
    "指出",
    "強調",
    "强调",
    "認為",
    "认为",
    "稱",
    "称",
    "說",
    "说",
    "藉口",
    "借口",
    "為由",
    "为由",
    "名義",
    "名义",
    "宣布",
    "宣佈",
    "決定",
    "决定",
)
# A clause that starts with one of these continues the previous clause's subject.
_CONNECTIVES = (
    "並",
    "并",
    "在",
    "於",
    "于",
    "接著",
    "接着",
    "隨即",
    "随即",
    "都",
    "也",
    "更",
    "則",
    "则",
    "而",
    "又",
    "還",
    "还",
    "才",
    "就",
    "且",
    "以及",
    "及",
    "和",
)


def _clauses(s: str) -> list[tuple[int, int]]:
    """Top-level clauses of a sentence (split at ，；) as offsets into it, without end punctuation."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(s):
        if ch in _OPENERS:
            stack.append(_OPENERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif not stack and ch in _CLAUSE_SEP:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(s)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and s[a].isspace():
            a += 1
        while b > a and (s[b - 1] in "。！？!?；;…" or s[b - 1].isspace()):
            b -= 1
        if a < b:
            out.append((a, b))
    return out or [(0, len(s))]


def _has_mention(clause: tuple[int, int], mentions: Sequence[DateMention], base: int) -> bool:
    return any(clause[0] <= m.start - base < clause[1] for m in mentions)


def _content_chars(clause: str, mentions: Sequence[str]) -> int:
    """How many Han characters of a clause say something besides its dates and filler words."""
    for m in mentions:
        clause = clause.replace(m, "")
    for word in _DATE_FILLERS:
        clause = clause.replace(word, "")
    return sum(1 for ch in clause if is_han(ch))


EntityFinder = Callable[[str, int, int], tuple[str, ...]]
EntitySpans = Callable[[str], list[tuple[int, int, str]]]


def entity_spans_finder(
    people: Sequence[Person],
    glossary: Sequence[GlossaryEntry],
    names: Sequence[NameEntry] = (),
) -> EntitySpans:
    """A function listing (start, end, name) of every entity in a string, longest first where
    they overlap, in order of appearance; the entities are those `entity_finder` names."""
    canonical: dict[str, str] = {}
    for p in people:
        canonical[p.name] = p.name
        alias = family_name(p.name)
        if alias:
            canonical.setdefault(alias, p.name)
    for g in glossary:
        canonical.setdefault(g.term, g.term)
        if g.abbreviation:
            canonical.setdefault(g.abbreviation, g.abbreviation)
    for n in names:
        if n.kind in ("organisation", "place") and len(n.word) >= 2:
            canonical.setdefault(n.word, n.word)
        # Bodies a text names only by their Latin abbreviation (AUKUS, TSMC).
        if (
            n.kind in ("organisation", "term")
            and n.english.isupper()
            and n.english.isascii()
            and 3 <= len(n.english) <= 8
        ):
            canonical.setdefault(n.english, n.english)
    for country in COUNTRY_NAMES:
        canonical.setdefault(country, country)
    alternatives = []
    for form in sorted(canonical, key=len, reverse=True):
        escaped = re.escape(form)
        # An abbreviation counts only as a whole word: not "TPP" inside "CPTPP".
        alternatives.append(f"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])" if form.isascii() else escaped)
    pattern = re.compile("|".join(alternatives)) if alternatives else None

    def spans(span: str) -> list[tuple[int, int, str]]:
        hits: list[tuple[int, int, str]] = []
        if pattern is not None:
            hits += [(m.start(), m.end(), canonical[m.group()]) for m in pattern.finditer(span)]
        hits += country_groups(span)
        # Keep the longest hit where hits overlap, in order of appearance.
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int, str]] = []
        last_end = -1
        for hit in hits:
            if hit[0] >= last_end:
                out.append(hit)
                last_end = hit[1]
        return out

    return spans


def entity_finder(
    people: Sequence[Person],
    glossary: Sequence[GlossaryEntry],
    names: Sequence[NameEntry] = (),
) -> EntityFinder:
    """A function naming who and what text[start:end] mentions; built once, used for every fact.

    It finds people (by full name or a Japanese family name), glossary terms and their abbreviations,
    listed organisations and places (also by a Latin abbreviation such as AUKUS), country names and
    country groups (美日韓), longest first, in order of appearance, each once.
    """
    spans = entity_spans_finder(people, glossary, names)

    def find(text: str, start: int, end: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for _a, _b, name in spans(text[start:end])))

    return find


def find_entities(
    text: str,
    start: int,
    end: int,
    people: Sequence[Person],
    glossary: Sequence[GlossaryEntry],
    names: Sequence[NameEntry] = (),
) -> tuple[str, ...]:
    """Who and what text[start:end] names: people, terms (or their abbreviations), bodies, countries."""
    return entity_finder(people, glossary, names)(text, start, end)


# Words that open a clause carrying on the one before; left out of a summary ("並在2021年…" ->
# "X在2021年…"). 在 and 於 stay: "QUAD 在2021年3月舉行…" reads well.
_SUMMARY_LEADS = (
    "以及",
    "接著",
    "接着",
    "隨即",
    "随即",
    "隨後",
    "随后",
    "其後",
    "其后",
    "此後",
    "此后",
    "之後",
    "之后",
    "後來",
    "后来",
    "另外",
    "此外",
    "例如",
    "比如",
    "同時",
    "同时",
    "但是",
    "不過",
    "不过",
    "然而",
    "於是",
    "于是",
    "並",
    "并",
    "而",
    "也",
    "且",
    "又",
    "還",
    "还",
    "更",
    "則",
    "则",
    "就",
    "及",
    "和",
    "但",
)
# Adverbs and auxiliaries between a subject and its predicate ("QUAD四國外長也在…", "政府將於…").
_BEFORE_PREDICATE = re.compile(
    r"(?:也|更|則|则|就|已經|已经|已|曾經|曾经|曾|還|还|都|將|将|正式|直接|首次|首度|再次|再度|先後|"
    r"先后|分別|分别|共同|一度|即將|即将|預定|预定|預計|预计|計劃|计划|計畫|擬|拟|原訂|原定|"
    r"在|於|于|自|從|从|早在|到了|直到|截至|例如|至|到|是|間|间|起|時|时|的|，|,|\s)+$"
)
# A clause after the event that still tells it: the year's figures ("全年營收達…"), what happened
# during it ("期間…", "會上…").
_BACK_REFERENCE = (
    "全年",
    "全年度",
    "年內",
    "年内",
    "該年",
    "该年",
    "同期",
    "期間",
    "期间",
    "其間",
    "其间",
    "會上",
    "会上",
    "會中",
    "会中",
    "席間",
    "席间",
    "會後",
    "会后",
    "年增",
    "年成長",
    "年成长",
    "年減",
    "年减",
    "年升",
    "年跌",
)
# A clause opening like this starts a new thought, not the same event.
_NEW_THOUGHT = (
    "但",
    "不過",
    "不过",
    "然而",
    "而",
    "此外",
    "另外",
    "同時",
    "同时",
    "至於",
    "至于",
    "因此",
    "所以",
    "因為",
    "因为",
    "由於",
    "由于",
    "如果",
    "若",
    "雖然",
    "虽然",
    "其中",
    "包括",
    "例如",
    "不僅",
    "不仅",
    "目前",
    "如今",
    "現在",
    "现在",
    "昨",
    "今",
    "明",
    "前",
    "去年",
    "當時",
    "当时",
    "他",
    "她",
    "這",
    "这",
    "此",
    "該",
    "该",
    "相較",
    "相较",
    "對此",
    "对此",
)
_PRONOUNS = ("他們", "她們", "他们", "她们", "他", "她")
# A schedule, not a happening: 預定, 將於, 擬, 計劃於, 預計, 即將, 定於, 排定 …
_PLANNED = re.compile(
    r"預定|预定|預計|预计|預期將|预期将|預期在|预期在|預期於|预期于|將於|将于|將在|将在|將會|将会|將要|将要|(?<![模虛虚比])[擬拟](?![定])|"
    r"計劃於|計劃在|計畫於|計畫在|计划于|计划在|定於|定于|訂於|订于|排定|即將|即将|原訂|原定|可望|有望|"
    r"準備於|准备于|預訂|预订"
)
# 將 right after a date is a future ("下週將召開"), unless it means nearly (將近).
_WILL_AFTER_DATE = re.compile(r"^(?:起|也|還|还|則|则|，|,|\s)*[將将](?![近])")
# An aim, not a happening: "2027財年的目標", "目標是在2030年前…", "力爭2030年…".
_AIM_WORDS = "目標|目标|願景|愿景|期望|期盼|希望|力爭|力争|爭取|争取|冀望|盼望"
_AIM_BEFORE = re.compile(
    rf"(?:{_AIM_WORDS})(?:是|為|为|訂為|订为|定為|定为|設定為|设定为|：|:)?(?:要|能)?(?:在|於|于|到|至)?$"
)
_AIM_AFTER = re.compile(r"^[^，,；;。、]{0,24}?(?:目標|目标|願景|愿景)(?!值)")
# A date in a modifier that says the noun after it takes place then ("3月舉行的錦標賽").
_HELD_BEFORE_NOUN = re.compile(r"^\s*(?:舉行|举行|舉辦|举办|登場|登场|開打|开打|開幕|开幕|召開|召开)的")
# Verbs that make an aim a happening: setting, reaching or moving it ("2024年實現了目標").
_AIM_ACTS = re.compile(
    r"宣布|宣佈|提出|設立|设立|設定|设定|訂定|订定|制定|公布|通過|通过|達成|达成|實現|实现|完成|達到|达到|"
    r"超越|提前|放棄|放弃|調整|调整|表示|指出|強調|强调|稱|称|說|说|訂下|订下|定下|立下|設下|设下|確立|确立|宣示|上調|上调|下調|下调|修正"
)
# A fiscal or school year naming a budget, a plan, a report: "2025年度預算案", "一一三學年度…計畫".
_FISCAL_NAME = re.compile(
    r"^(?:學年度|学年度)?[^，,；;。、\s]{0,10}?(?:計畫|計劃|计划|預算|预算|決算|决算|方案|報告|报告|招生|"
    r"課程|课程|考試|考试|總預算|总预算)"
)
# Brackets after a date that hold a life span, not a happening: "（1931－2020）", "(1950年生)".
_LIFE_SPAN = re.compile(
    r"^\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年?\s*(?:[－\-–—~～至]\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})?\s*年?|生|出生|卒|逝世?)?\s*$"
)
_BRACKETS = {
    "（": "）",
    "(": ")",
    "《": "》",
    "〈": "〉",
    "「": "」",
    "『": "』",
    "“": "”",
    "【": "】",
    "〔": "〕",
}
# Words of a publication line ("發布時間：2025年12月27日 10:30 星期六").
_DATELINE_WORDS = re.compile(
    r"發布|發佈|发布|更新|時間|时间|日期|出版|刊登|刊出|最後|最后|星期[一二三四五六日天]|週[一二三四五六日]|"
    r"周[一二三四五六日]|上午|下午|凌晨|晚間|晚间|\d{1,2}[:：]\d{2}"
)
# Words that open a phrase that is no subject: prepositions, conjunctions, copulas, verbs of saying.
_NOT_A_SUBJECT = re.compile(
    r"^(?:因|與|与|和|跟|對|对|向|為|为|被|把|將|将|由|以|按|依|據|据|隨|随|除|比|較|较|當|当|自|從|从|到|至|"
    r"在|於|于|最終|最终|再|又|才|是|有|要|讓|让|使|令|經|经|包括|如|若|即|表示|指出)"
)
# A photo credit closing a caption: "（圖／記者X攝）", "（攝影：X）", "（照片：X提供）".
_PHOTO_CREDIT = re.compile(
    r"[。！？.!?]?\s*[（(](?:圖|图|攝影|摄影|照片|相片|圖片|图片)\s*[／/：:][^（）()\n]{0,30}[）)]\s*$"
)
# A line of a schedule: its date, a space or a colon, what happens ("6月8日 小組賽開打").
_SCHEDULE_LINE = re.compile(
    r"^\s*[0-9０-９〇零○一二三四五六七八九十廿卅年月日號号./／\-]{3,}[日號号]\s*[\s：:]\s*\S"
)
# Two dates joined like this are one range ("5月6日至9日", "2019至2021年").
_RANGE_JOIN = re.compile(r"^\s*(?:至|到|~|～|－|-|—|–|起至)\s*$")


def _enclosing_bracket(s: str, pos: int) -> tuple[str, int, int] | None:
    """The innermost bracket around s[pos] as (opener, its offset, its closer's offset)."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(s[:pos]):
        if ch in _BRACKETS:
            stack.append((ch, i))
        elif stack and ch == _BRACKETS[stack[-1][0]]:
            stack.pop()
    if not stack:
        return None
    opener, at = stack[-1]
    close = s.find(_BRACKETS[opener], pos)
    return opener, at, close if close >= 0 else len(s)


# Words before a date that make it the measure of a comparison ("較去年", "比上月", "相較於2020年").
_COMPARED_WITH = ("較", "较", "比", "比起", "相較於", "相较于", "相比於", "相比于", "對比", "对比")
# A date given as the old plan ("原訂4日") when the sentence moves it ("延至11日", "改期").
_FORMERLY = re.compile(r"(?:原訂|原定|原本|原先|原擬|原拟|原订)(?:於|于|在)?\s*$")
_RESCHEDULED = re.compile("延至|延後|延后|延期|順延|顺延|改至|改期|改為|改为|提前至|提早至|取消")


# Words that may open a clause before its date and still continue the clause before it.
_CLAUSE_LINKS = re.compile(r"^\s*(?:並|并|再|及|和|而|且|並於|并于|於|于|在|到|至)?\s*$")
# An aim whose object is a date: "目標是在2030年前", "力爭2028年".
_AIM_WITH_DATE = re.compile(rf"(?:{_AIM_WORDS})[^，,；;]{{0,6}}?[0-9０-９〇○零一二三四五六七八九十]")


def _continues_an_aim(before: str, clause_before: str) -> bool:
    """True when a date opens a clause that goes on listing the aims of the clause before it."""
    if not _CLAUSE_LINKS.match(clause_before):
        return False
    sentence = re.split(r"[。！？!?\n]", before)[-1]
    clauses = re.split(r"[，,；;]", sentence)
    return len(clauses) >= 2 and bool(_AIM_WITH_DATE.search(clauses[-2]))


def _not_an_event(s: str, a: int, b: int, m: DateMention, near_top: bool) -> bool:
    """True when the date s[a:b] names, aims or dates the page rather than telling a happening."""
    after = s[b:]
    before = s[:a]
    bracket = _enclosing_bracket(s, a)
    if bracket is not None:
        opener, at, close = bracket
        inner = s[at + 1 : close]
        if opener in "《〈":
            return True  # 《2030年可持續發展議程》: a title
        if opener in "「『“" and len(inner) <= 24 and not re.search(r"[，,。；;！？]", inner):
            return True  # 「2025年某某計畫」: a name in quotes
        if opener in "（(〔【":
            head = s[:at].rstrip()
            if re.search(r"[A-Za-z][A-Za-z0-9&\-]*[A-Z][A-Za-z0-9&\-]*$|[A-Z]{2,}s?$", head):
                return True  # SDGs（2030年…議程）: an acronym's expansion
            if _LIFE_SPAN.match(inner):
                return True  # （1931－2020）, (1950年生)
            if inner.rstrip().endswith(("電", "电", "報導", "报导", "報道", "报道")):
                return True  # （中央社記者…19日電）: the dateline
    if re.match(r"^\s*(?:週|周)?\s*[歲岁]", after) or before.endswith(("享年", "終年", "终年")):
        return True  # ages
    if after.startswith(("同期", "同月", "同季")) or (
        before.endswith(_COMPARED_WITH) and not re.match(r"[^，,。；;]{0,8}的", after)
    ):
        # 較去年同期增加一成: the date is the measure of a comparison (but 相較2019年啟用的X
        # tells when X was opened).
        return True
    clause_before = re.split(r"[，,；;。！？]", before)[-1]
    if _FORMERLY.search(clause_before) and _RESCHEDULED.search(after):
        return True  # 原訂4日舉行的X延至11日: the old date is no longer the happening's
    if _AIM_BEFORE.search(clause_before) and not _HELD_BEFORE_NOUN.match(after):
        return True  # 目標是在2030年前… (but 目標是明年3月舉行的X賽 names a fixture)
    if _continues_an_aim(before, clause_before):
        return True  # 目標是2030年前減碳三成，2050年淨零: the next clause is the next aim
    aim = _AIM_AFTER.match(after)
    if aim and not _AIM_ACTS.search(aim.group()):
        return True  # 2027財年…的目標
    if (m.kind == "fiscal" or after.startswith(("學年度", "学年度"))) and _FISCAL_NAME.match(after):
        return True  # 2025年度預算案, 一一三學年度…計畫
    if near_top:
        rest = _DATELINE_WORDS.sub("", s.replace(m.text, ""))
        if sum(1 for ch in rest if is_han(ch)) <= 1 and not re.search(r"[。！？!?]", s):
            return True  # a publication line at the top of the page
    return False


# Words before a subject that are not part of it ("或許早在…", "圖為兩人…", "包括X").
_SUBJECT_LEADS = (
    "或許",
    "或许",
    "可能",
    "其實",
    "其实",
    "據悉",
    "据悉",
    "據報",
    "据报",
    "當然",
    "当然",
    "圖為",
    "图为",
    "圖中",
    "图中",
    "包括",
    "不論是",
    "不论是",
    "甚至",
    "尤其是",
    "特別是",
    "特别是",
    "相較",
    "相较",
    "相比",
    "比起",
)


# The characters a lead word or a separator can open with: most clauses open with none of them.
_LEAD_FIRST = frozenset("，,、；;：: \u3000" + "".join(w[0] for w in _SUBJECT_LEADS + _SUMMARY_LEADS))


def _strip_leads(span: str, subject: bool = False) -> str:
    """`span` without the connectives that tie it to the clause before (and, for a subject, without
    the adverbs that may stand before one)."""
    leads = _SUBJECT_LEADS + _SUMMARY_LEADS if subject else _SUMMARY_LEADS
    changed = True
    while changed and span[:1] in _LEAD_FIRST:
        changed = False
        span = span.lstrip("，,、；;：: \u3000")
        for lead in leads:
            if span.startswith(lead) and len(span) > len(lead):
                span = span[len(lead) :]
                changed = True
                break
    return span


def _token_index(tokens: Sequence[Token], starts: Sequence[int], pos: int) -> int | None:
    """The index of the token that starts at offset `pos`, None where no token starts there."""
    i = bisect.bisect_left(starts, pos)
    return i if i < len(starts) and starts[i] == pos else None


def _noun_phrase_at(tokens: Sequence[Token], starts: Sequence[int], pos: int, limit: int) -> tuple[int, int]:
    """The run of noun tokens that starts at offset `pos` and ends before `limit` ((pos, pos) if none)."""
    i = _token_index(tokens, starts, pos)
    end = pos
    while i is not None and i < len(tokens):
        t = tokens[i]
        if t.end > limit or not (t.pos[:1] in ("n", "r", "j") or t.pos in ("eng", "vn")):
            break
        if t.pos == "vn" and _PLANNED.fullmatch(t.text):
            break  # "探測船預計…": the schedule word the segmenter calls a noun starts the predicate
        end = t.end
        i += 1
    return pos, end


def extract_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[DateMention],
    layout: TextLayout,
    people: Sequence[Person] = (),
    glossary: Sequence[GlossaryEntry] = (),
    names: Sequence[NameEntry] = (),
    tokens: Sequence[Token] = (),
) -> tuple[Fact, ...]:
    """One event per dated happening: the clauses each date governs, with who acted and a summary.

    A sentence with two dates gives two events; a list of dated items ("3月2日公布章程、3月9日…")
    one event per item. A clause holding only its date ("10月27日，…") or a time frame ("在會議期間，")
    takes the clauses after it; a clause that continues the previous one's subject ("並在28日…")
    takes the previous clause when no other event has it; clauses that go on telling the same
    happening ("全年營收達…", "期間…") come along. Dates that name (《2030年…議程》, 2025年度預算案),
    aim (…的目標), give an age or a life span, or date the page are not events; nor are headings.
    `subject` is who or what acted, from the clause or else the clauses and sentence before;
    `summary` is subject + date + predicate without leading connectives; `planned` marks a schedule.
    Photo captions that restate a happening already told in the running text (same day) are merged
    into that event instead of counted again. `tokens` (optional) find subjects that no list names.
    """
    by_sentence: dict[int, list[DateMention]] = {}
    starts = [s.start for s in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and sentences[i].start <= m.start < sentences[i].end:
            by_sentence.setdefault(sentences[i].index, []).append(m)
    entities_in = entity_finder(people, glossary, names)
    spans_in = entity_spans_finder(people, glossary, names)
    persons_in = person_finder(people)
    # Token starts, to find the segmenter's word at an offset (a list: a book has a million words).
    token_starts = [t.start for t in tokens]
    person_names = frozenset(p.name for p in people)
    # The first lines of a page (a publication line may sit there).
    top = _top_of_page(text)

    def nounish(phrase: str, lo: int, hi: int) -> bool:
        """True when `phrase` (found in text[lo:hi]) can be a subject: short, not opening with a
        preposition or a verb ("因與…", "隨後改期…"), a noun where the segmenter says so."""
        if not 2 <= len(phrase) <= 8 or re.search(r"[，,、「」《》]", phrase) or _NOT_A_SUBJECT.match(phrase):
            return False
        pos = pos_at(phrase, lo, hi)
        return not pos or pos[:1] in ("n", "r", "j") or pos in ("eng", "vn", "m")

    def pos_at(phrase: str, lo: int, hi: int) -> str:
        """The segmenter's tag of the word `phrase` opens with in text[lo:hi] ("" without tokens)."""
        at = text.find(phrase, lo, hi)
        i = bisect.bisect_right(token_starts, at) - 1
        return tokens[i].pos if tokens and at >= 0 and i >= 0 else ""

    def opens_own_clause(pos: int, end: int) -> str:
        """The subject of the clause after a date alone in its clause ("同年12月，第七屆大會選舉
        舉行" -> 第七屆大會選舉), "" when that clause opens with no noun of its own."""
        if text[pos : pos + 1] not in ("，", ",") or verb_first(pos + 1) or predicate_first(pos + 1):
            return ""
        i = _token_index(tokens, token_starts, pos + 1)
        if i is None or tokens[i].pos[:1] not in ("n", "m"):
            return ""
        while i < len(tokens) - 1 and tokens[i].pos[:1] in ("m", "q"):
            i += 1  # 第七屆…: the ordinal is part of the noun phrase
        a, b = _noun_phrase_at(tokens, token_starts, tokens[i].start, end)
        return text[pos + 1 : b] if b - a >= 2 else ""

    def verbal(phrase: str, lo: int, hi: int) -> bool:
        """True when `phrase` opens with a verb, preposition, adverb or conjunction: it has no subject."""
        return bool(_NOT_A_SUBJECT.match(phrase)) or pos_at(phrase, lo, hi)[:1] in ("v", "p", "d", "c")

    def verb_first(pos: int) -> bool:
        """True when the segmenter's words from `pos` open with a verb (adverbs skipped)."""
        i = _token_index(tokens, token_starts, pos)
        while i is not None and i < len(tokens) and tokens[i].pos in ("d", "c", "ws"):
            i += 1
        return i is not None and i < len(tokens) and tokens[i].pos.startswith("v")

    def predicate_first(pos: int) -> bool:
        """`verb_first`, or a preposition's phrase and then a verb ("從南港出發", "向市府陳情")."""
        if verb_first(pos):
            return True
        i = _token_index(tokens, token_starts, pos)
        while i is not None and i < len(tokens) and tokens[i].pos in ("d", "c", "ws"):
            i += 1
        if i is None or i >= len(tokens) or tokens[i].pos != "p":
            return False
        for t in tokens[i + 1 : i + 6]:
            if t.pos == "w":
                return False
            if t.pos.startswith("v"):
                return True
        return False

    def subject_at(pos: int, limit: int) -> str:
        """The subject that opens text[pos:limit]: named entities (a list joined by 、和與及), else a
        noun phrase of the segmenter's; a pronoun is resolved to the last person before it."""
        span = text[pos:limit]
        core = _strip_leads(span, subject=True)
        offset = pos + len(span) - len(core)
        # 其 at the head of a clause ("其上任後…") is his or her, not 其中 / 其他 / 其實.
        his = core.startswith("其") and not core.startswith(
            ("其中", "其他", "其实", "其實", "其餘", "其余", "其間")
        )
        for pronoun in _PRONOUNS:
            if core.startswith(pronoun) or (his and pronoun == "他"):
                earlier = persons_in(text[max(0, offset - 400) : offset])
                return earlier[-1][2] if earlier else ""
        hits = spans_in(core[:40])  # a subject opens its clause: no need to look further
        # A person after a title ("總統卡森", "日本前首相X"): the name is the head.
        person = next((h for h in hits if h[2] in person_names and h[0] <= 16), None)
        if person is not None and not re.search(r"[，,、的與与和及跟]", core[: person[0]]):
            return person[2]
        if hits and hits[0][0] == 0:
            end = hits[0][1]
            for h_start, h_end, _name in hits[1:]:
                if core[end:h_start] in ("、", "和", "與", "与", "及", "以及", "跟"):
                    end = h_end
                else:
                    break
            if end != hits[0][1]:
                return core[:end]  # "美國、英國、澳大利亞": the list is the subject
            if len(hits) == 1 and core[end : end + 1] in ("隊", "队"):
                return core[: end + 1]  # "韓國隊在12日…": the team, not the country
            return _head_of_run(core, hits)
        if hits and core[: hits[0][0]].endswith("的") and not re.search(r"[，,]", core[: hits[0][0]]):
            return _head_of_run(core, hits)  # "失能多年的X": the noun after 的
        if tokens:
            a, b = _noun_phrase_at(tokens, token_starts, offset, limit)
            phrase = text[a:b]
            if b > a and sum(1 for ch in phrase if is_han(ch) or ch.isalnum()) >= 2:
                return phrase
        return ""

    def clause_subject(a: int, b: int, mention_spans: Sequence[tuple[int, int]]) -> str:
        """The grammatical subject of the clause text[a:b] (its date and fillers skipped)."""
        pos = a
        credit_lead = _LEAD_CREDIT.match(text, pos, b)
        if credit_lead:
            pos = credit_lead.end()  # a reporter's line opens no subject
        for ma, mb in mention_spans:
            if a <= ma and _is_filler(text[pos:ma]):
                pos = mb
        while pos < b and text[pos] in "，,、 起時时間间後后":
            pos += 1
        found = subject_at(pos, b)
        first_date = next((ma for ma, _mb in mention_spans if pos < ma < b), None)
        if not found and first_date is not None:
            # "協會2032年3月…", "GLX在2029年…": what stands before the date is the subject.
            own = _BEFORE_PREDICATE.sub("", _strip_leads(text[pos:first_date], subject=True))
            if nounish(own, pos, first_date):
                found = own
        if not found and first_date is not None:
            # "原定2031年落成的X館，…": the noun the dated modifier describes.
            head = re.search(r"的([^的，,、「」《》]{2,14})$", text[first_date:b])
            if head and not head.group(1).endswith(_FRAME_END):
                found = head.group(1)
        return found

    by_index = {s.index: s for s in sentences}

    def looking_back(s: Sentence, pos: int) -> str:
        """The subject of the nearest clause before `pos`: this sentence's, then up to two before."""
        sentence: Sentence | None = s
        for _ in range(3):
            if sentence is None:
                break
            for a, b in reversed(_clauses(sentence.text)):
                a, b = sentence.start + a, sentence.start + b
                if a >= pos:
                    continue
                found = clause_subject(
                    a,
                    min(b, pos),
                    [(x.start, x.end) for x in by_sentence.get(sentence.index, ()) if a <= x.start < b],
                )
                if found:
                    return found
            if "\n" in text[max(0, sentence.start - 1) : sentence.start]:
                break  # a new paragraph: the subject does not carry over
            sentence = by_index.get(sentence.index - 1)
        return ""

    events: list[tuple[Fact, bool]] = []  # (fact, from a caption)
    for s in sentences:
        # A short line ending with a photo credit ("…倒塌。（圖／記者X攝）") is a caption, not a heading.
        photo = _PHOTO_CREDIT.search(s.text)
        if layout.is_heading(s.start) and not _SCHEDULE_LINE.match(s.text) and photo is None:
            continue
        near_top = s.start < top
        ms = [
            m
            for m in by_sentence.get(s.index, ())
            if not _not_an_event(s.text, m.start - s.start, m.end - s.start, m, near_top)
        ]
        if not ms:
            continue
        caption = layout.is_caption(s.start) or photo is not None
        clauses = _clauses(s.text)
        ms = _without_vaguer(ms, clauses, s.start)
        used: set[int] = set()
        head = _CAPTION_HEAD.match(s.text) if caption else None
        rel_spans = [(m.start - s.start, m.end - s.start) for m in ms]
        groups = _range_groups(s.text, rel_spans)
        planned_groups: set[int] = set()
        for mi, m in enumerate(ms):
            rel = m.start - s.start
            ci = next((i for i, (a, b) in enumerate(clauses) if a <= rel < max(b, a + 1)), len(clauses) - 1)
            first = last = ci
            clause_mentions = [x.text for x in ms if clauses[ci][0] <= x.start - s.start < clauses[ci][1]]
            clause_text = s.text[clauses[ci][0] : clauses[ci][1]]
            topic = False  # the date's clause says nothing of its own: the clauses after it do
            if head and rel < head.end():
                # "2025年10月28日，日本東京，<what happened>。（Reuters）": the event follows the place.
                first = last = next((i for i, (a, _b) in enumerate(clauses) if a >= head.end()), ci)
            elif (
                ci + 1 < len(clauses)
                and not _has_mention(clauses[ci + 1], ms, s.start)
                and (
                    _content_chars(clause_text, clause_mentions) < 3
                    or clause_text.endswith(_DANGLING)
                    or _is_frame(clause_text)
                    # "…的三月中旬，帶隊赴外地考察": the date closes its clause, the predicate follows.
                    or (
                        _is_filler(s.text[rel + len(m.text) : clauses[ci][1]])
                        and predicate_first(s.start + clauses[ci + 1][0])
                    )
                    # "法院昨日依詐欺等罪，判處被告…": a phrase of grounds after the date is no
                    # predicate; the verb opens the next clause.
                    or (
                        _is_grounds(s.text[rel + len(m.text) : clauses[ci][1]])
                        and verb_first(s.start + clauses[ci + 1][0])
                    )
                )
            ):
                last = ci + 1
                topic = not clause_text.endswith(_DANGLING)
            modifier = (
                _modifier(clause_text, rel - clauses[ci][0], rel - clauses[ci][0] + len(m.text))
                if last == ci and ci + 1 < len(clauses)
                else None
            )
            # Clauses that go on telling the same happening come along (up to a length a card can hold).
            while (
                last + 1 < len(clauses)
                and modifier is None
                and not caption
                and not _has_mention(clauses[last + 1], ms, s.start)
                and clauses[last + 1][1] - clauses[first][0] <= 90
                and _continues(
                    s.text[clauses[last + 1][0] : clauses[last + 1][1]],
                    topic,
                    spans_in,
                    verb_first(s.start + clauses[last + 1][0]),
                )
            ):
                last += 1
            clause_text = s.text[clauses[first][0] : clauses[first][1]]
            prev_clause = clauses[first - 1] if first > 0 else (0, 0)
            if (
                first > 0
                and first - 1 not in used
                and clause_text.startswith(_CONNECTIVES)
                and prev_clause[1] - prev_clause[0] <= 16
                and not _has_mention(prev_clause, ms, s.start)
            ):
                first -= 1
            used.update(range(first, last + 1))
            a = clauses[first][0]
            b = clauses[last][1]
            # "（中央社記者X台北19日電）行政院…", "【本報訊】…": the reporter's line is no part of the
            # happening, and its reporter is not its subject.
            credit_lead = _LEAD_CREDIT.match(s.text, a)
            if credit_lead and credit_lead.end() <= rel:
                a = credit_lead.end()
            # One item of a dated list ("3月2日公布章程、3月9日受理登記…") is an event of its own.
            item = _item_span(s.text, clauses[ci], rel_spans, groups, mi)
            if item is not None:
                a = max(a, item[0]) if item[0] > clauses[ci][0] else a
                b = min(b, item[1]) if item[1] < clauses[ci][1] else b
            if caption:
                credit = _CREDIT_ONLY.search(s.text[a:b])
                if credit and (_is_credit(credit.group(1)) or _PHOTO_CREDIT.search(s.text[a:b])):
                    b = a + credit.start()
                    while b > a and s.text[b - 1] in "。！？ ":
                        b -= 1
            start, end = s.start + a, s.start + b
            entities = entities_in(text, start, end)
            if not entities:
                # "並在2021年3月舉行首腦峰會": the actor is in the clauses before.
                entities = entities_in(text, s.start, start)[-2:]
            elif first > 0 and text[start:end].startswith(_CONNECTIVES) and not persons_in(text[start:end]):
                # "特朗普一上任就…，並在2018年…加征關稅": the clause before names who acted.
                before = clauses[first - 1]
                earlier = persons_in(s.text[before[0] : before[1]])
                if earlier:
                    entities = (earlier[-1][2], *entities)
            if caption and not persons_in(text[start:end]):
                # "圖為兩人…": the people are named earlier in the caption.
                para = next(((pa, pb) for pa, pb in layout.captions if pa <= s.start < pb), (s.start, s.end))
                entities = tuple(dict.fromkeys(entities + entities_in(text, para[0], para[1])))
            abs_spans = [(s.start + x, s.start + y) for x, y in rel_spans]
            subject, summary = "", ""
            if modifier is not None:
                # "在2019年成立的X委員會，…": the date tells when the head noun's X happened.
                mod_a, mod_b, head_a = (s.start + clauses[ci][0] + x for x in modifier)
                subject = subject_at(mod_a, m.start) or subject_at(head_a, end) or text[head_a:end]
                mod = _strip_leads(text[mod_a:mod_b])
                own = _BEFORE_PREDICATE.sub("", _strip_leads(text[mod_a : m.start]))
                summary = mod if own else _joined(text[head_a:end], mod)
            else:
                lead = ms[groups[mi]]  # a range is told from its first date
                before_date = text[start : lead.start]
                for x in ms:
                    before_date = before_date.replace(x.text, "")
                own = _BEFORE_PREDICATE.sub("", _strip_leads(before_date, subject=True))
                if own:
                    subject = subject_at(start, lead.start)
                    if not subject and nounish(own, start, lead.start):
                        subject = own  # "三國於2023年…": a subject no list knows
                else:
                    subject = clause_subject(start, end, abs_spans)
            if not summary:
                summary = _strip_leads(text[start:end])
                if not subject:
                    subject = looking_back(s, start)
                    after_date = ms[groups[mi]].end if modifier is None else start
                    own_clause = "" if own else opens_own_clause(after_date, end)
                    if own_clause:
                        subject = own_clause  # 同年12月，第七屆大會選舉舉行: its own subject
                    elif subject and (not own or verbal(own, start, m.start)):
                        summary = _joined(subject, summary)
            if subject in person_names and summary[:1] in "他她" and summary[1:2] not in ("們", "们", "人"):
                # 他也要求…: a learner reads the event alone, so the pronoun gives way to its person.
                summary = subject + summary[1:]
            if subject and _DATE_AFFIX.fullmatch(subject):
                # 在7月底前…: the rest of the date is no actor; the actor is the one told before.
                subject = looking_back(s, start)
                summary = _joined(subject, summary) if subject else summary
            earlier_items = {
                groups[i] for i, (x, _y) in enumerate(rel_spans) if i < mi and clauses[ci][0] <= x
            }
            planned = (
                groups[mi] in planned_groups
                or _planned_here(s.text, a, b, rel, rel_spans)
                or (item is not None and bool(earlier_items & planned_groups))
            )
            reference = layout.reference_date
            if planned and reference and (m.range_end or m.date) < reference[: len(m.date)]:
                planned = False  # 計畫於2016年核定 in a 2026 story: reported, no longer scheduled
            if planned:
                planned_groups.add(groups[mi])
            fact = Fact(
                kind="event",
                text=text[start:end],
                sentence=s.index,
                date=m.date,
                date_text=m.text,
                date_end=m.range_end,
                entities=entities,
                start=start,
                end=end,
                subject=subject,
                summary=summary,
                planned=planned,
            )
            events.append((fact, caption))

    return tuple(_merge_caption_events(events))


def _without_vaguer(
    ms: Sequence[DateMention], clauses: Sequence[tuple[int, int]], base: int
) -> list[DateMention]:
    """`ms` less a bare year whose clause also gives a month or day of that year: "今年1至9月" and
    "昨（18）日召開第三季例會" are one happening each, told at the finer date."""

    def clause_of(m: DateMention) -> int:
        rel = m.start - base
        return next((i for i, (a, b) in enumerate(clauses) if a <= rel < max(b, a + 1)), len(clauses) - 1)

    kept: list[DateMention] = []
    for m in ms:
        if len(m.date) == 4 and not m.range_end:
            here = clause_of(m)
            if any(
                x is not m and len(x.date) > 4 and x.date.startswith(m.date) and clause_of(x) == here
                for x in ms
            ):
                continue
        kept.append(m)
    return kept


def _head_of_run(core: str, hits: Sequence[tuple[int, int, str]]) -> str:
    """The head of the run of entities that starts with hits[0] and continues with only quotes or
    brackets between them ("美日印澳「X機制」（ABBR）" -> X機制): the last one not in brackets."""
    head = hits[0][2]
    end = hits[0][1]
    for h_start, h_end, name in hits[1:]:
        gap = core[end:h_start]
        if gap.strip("「」『』“”") and gap.strip("「」『』“”（）()"):
            break
        if not gap.endswith(("（", "(")):
            head = name
        end = h_end
    return head


def _top_of_page(text: str) -> int:
    """The offset where the first three non-empty lines end (a publication line sits among them)."""
    pos = 0
    seen = 0
    for line in text.split("\n"):
        pos += len(line) + 1
        if line.strip():
            seen += 1
            if seen == 3:
                break
    return min(pos, 400)


# A time of day after a date ("當地時間清晨5時40分", "晚間8點半許"): it says when, not what happened.
_TIME_OF_DAY = re.compile(
    r"(?:(?:[台臺]灣|北京|香港|澳門|澳门|東京|东京|當地|当地|美東|美东|美西|格林威治)時間|[台臺]北时间|当地时间)?"
    r"(?:凌晨|清晨|早上|早晨|上午|中午|午間|下午|傍晚|晚上|晚間|晚间|深夜|午夜|夜間|夜间|半夜)?"
    r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?:[時时點点](?:[0-9０-９]{1,2}分|半|整)?(?:許|许|左右)?)?"
)


def _is_filler(span: str) -> bool:
    """True when `span` holds nothing but filler words, times of day, spaces and punctuation."""
    span = _TIME_OF_DAY.sub("", span) if any(ch in span for ch in "時时點点間间晨午晚夜") else span
    for word in _DATE_FILLERS:
        span = span.replace(word, "")
    return not any(is_han(ch) or ch.isalnum() for ch in span)


# A clause that only frames a time ("在2019年的一次會議上", "自2020年起", "2024年選舉期間").
_FRAME_END = (
    "上",
    "中",
    "時",
    "时",
    "期間",
    "期间",
    "之際",
    "之际",
    "以來",
    "以来",
    "之後",
    "之后",
    "之前",
    "之初",
    "起",
    "開始",
    "开始",
)


# A clause ending in "when …" is a time frame however long its "…" (視察工地進度時); these end
# otherwise (小時 hours, 同時 meanwhile, 及時 in time …).
_WHEN_END = ("時", "时", "之際", "之际", "期間", "期间")
_NOT_WHEN = (
    "小時",
    "小时",
    "同時",
    "同时",
    "及時",
    "及时",
    "準時",
    "准时",
    "暫時",
    "暂时",
    "臨時",
    "临时",
    "隨時",
    "随时",
    "按時",
    "按时",
    "定時",
    "定时",
    "屆時",
    "届时",
    "當時",
    "当时",
    "平時",
    "平时",
)


# Prepositions of grounds or topic ("依…", "根據…", "針對…"): a phrase they open names no happening.
_GROUNDS = ("依據", "依照", "根據", "根据", "按照", "針對", "针对", "對於", "对于", "依", "就")
# …unless it goes on to a verb of its own in the same clause ("依法起訴", "就此表示").
_GROUNDS_NOT = ("依法", "依序", "依舊", "依旧", "依然", "就是", "就在", "就要", "就會", "就会", "就此")


def _is_grounds(span: str) -> bool:
    """True when `span` (the rest of a clause after its date) is only a phrase of grounds: "依X等罪"."""
    span = span.lstrip(" ，,")
    if not span.startswith(_GROUNDS) or span.startswith(_GROUNDS_NOT):
        return False
    # A verb of saying or deciding inside it means the clause has its own predicate.
    return not re.search("表示|指出|宣布|宣佈|決定|决定|通過|通过|判|起訴|起诉|提出|召開|召开", span)


# A reporter's or paper's line that opens a story: "（中央社記者X台北19日電）", "〔記者X／台北報導〕",
# "【本報訊】", "【X專訊】".
_LEAD_CREDIT = re.compile(
    r"\s*(?:[〔【\[(（][^〔〕【】\[\]()（）\n]{0,30}?(?:電|电|報導|报导|報道|报道|訊|讯)[〕】\])）]"
    r"|【[^【】\n]{1,12}】)\s*"  # a paper's tag in lenticular brackets: 【X日報】, 【X01】
)


def _is_frame(clause: str) -> bool:
    if clause.endswith(("會中", "会中")):
        return False
    if len(clause) <= 20 and clause.endswith(_FRAME_END):
        return True
    return len(clause) <= 34 and clause.endswith(_WHEN_END) and not clause.endswith(_NOT_WHEN)


def _modifier(clause: str, a: int, b: int) -> tuple[int, int, int] | None:
    """Where a date sits in a relative clause before the noun it describes ("在2019年成立的X委員會"):
    (start, end of the modifier, start of the head noun) in the clause, or None."""
    de = clause.rfind("的")
    if de <= b or de - b > 8 or not 2 <= len(clause) - de - 1 <= 14:
        return None
    head = clause[de + 1 :]
    if re.search(r"[、「」《》（）()]", head) or head.endswith(_FRAME_END):
        return None
    return 0, de, de + 1


def _continues(clause: str, topic: bool, spans_in: EntitySpans, verb_first: bool) -> bool:
    """True when `clause` (no date of its own) still tells the happening of the clauses before it;
    `verb_first` says the segmenter found it opening with a verb (after adverbs)."""
    if clause.startswith(_BACK_REFERENCE):
        return True
    if clause.startswith(_NEW_THOUGHT) or re.search(r"[：:「」『』《》“”]", clause):
        return False
    if topic:
        return True
    # A short predicate with no subject of its own ("晉身X行列") shares the subject and the time.
    return verb_first and sum(1 for ch in clause if is_han(ch)) <= 10 and not spans_in(clause)


def _range_groups(s: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """A group number for each date: dates joined as a range ("5月6日至9日") share one."""
    groups: list[int] = []
    for i, (a, _b) in enumerate(spans):
        if i and _RANGE_JOIN.match(s[spans[i - 1][1] : a]):
            groups.append(groups[-1])
        else:
            groups.append(i)
    return groups


def _item_span(
    s: str, clause: tuple[int, int], spans: Sequence[tuple[int, int]], groups: Sequence[int], mi: int
) -> tuple[int, int] | None:
    """The span of date `mi`'s item where its clause lists several dated items ("3月2日公布章程、
    3月9日受理登記…", "3月2日 公布章程 3月9日 …"), else None."""
    inside = [i for i, (a, _b) in enumerate(spans) if clause[0] <= a < clause[1]]
    order = list(dict.fromkeys(groups[i] for i in inside))
    if len(order) < 2:
        return None
    first_of = {g: min(i for i in inside if groups[i] == g) for g in order}
    last_of = {g: max(i for i in inside if groups[i] == g) for g in order}
    k = order.index(groups[mi])

    def separator(lo: int, hi: int) -> int:
        gap = s[lo:hi]
        at = max(gap.rfind("、"), max((j for j, ch in enumerate(gap) if ch.isspace()), default=-1))
        return lo + at if at >= 0 else -1

    start, end = clause
    if k > 0:
        cut = separator(spans[last_of[order[k - 1]]][1], spans[first_of[order[k]]][0])
        if cut < 0:
            return None
        start = cut + 1
    if k + 1 < len(order):
        cut = separator(spans[last_of[order[k]]][1], spans[first_of[order[k + 1]]][0])
        if cut < 0:
            return None
        end = cut
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


# What may follow a date and is no actor: 7月底前, 年初, 中旬以後.
_DATE_AFFIX = re.compile(r"(?:[底初中末前後后起間间旬左右上下以之])+")


def _planned_here(s: str, a: int, b: int, rel: int, spans: Sequence[tuple[int, int]]) -> bool:
    """True when s[a:b], the event of the date at `rel`, announces it as scheduled: a schedule word
    goes with the next date after it in the span, or the last one before it where none follows."""
    own_end = next(y for x, y in spans if x == rel)
    if _WILL_AFTER_DATE.match(s[own_end:b]):
        return True
    inside = [x for x, _y in spans if a <= x < b]
    for match in _PLANNED.finditer(s, a, b):
        after = [x for x in inside if x >= match.end()]
        before = [x for x in inside if x < match.start()]
        target = after[0] if after else (before[-1] if before else None)
        if target == rel:
            return True
    return False


def _joined(subject: str, rest: str) -> str:
    """`subject` put before `rest`, with a space between Latin letters and what follows."""
    if not subject or rest.startswith(subject):
        return rest
    space = " " if subject[-1].isascii() and subject[-1].isalnum() else ""
    return subject + space + rest


def _merge_caption_events(events: list[tuple[Fact, bool]]) -> list[Fact]:
    """Drop caption events that restate a same-day event (merging their entities into it)."""
    kept: list[Fact] = []
    body_by_date: dict[str, int] = {}
    for fact, caption in events:
        if not caption and len(fact.date) == 10:
            body_by_date.setdefault(fact.date, len(kept))
        kept.append(fact)
    out: list[Fact | None] = list(kept)
    caption_seen: dict[str, int] = {}
    for i, (fact, caption) in enumerate(events):
        if not caption or len(fact.date) != 10:
            continue
        target = body_by_date.get(fact.date, caption_seen.get(fact.date))
        if target is None:
            caption_seen[fact.date] = i
            continue
        base = out[target]
        assert base is not None
        merged = tuple(dict.fromkeys(base.entities + fact.entities))
        out[target] = replace(base, entities=merged)
        out[i] = None
    return [f for f in out if f is not None]
