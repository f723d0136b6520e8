"""What a text states: dated events and causes, and `extract_facts`, which also finds terms and people."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dushu.core.dates import DateMention, find_date_mentions
from dushu.core.glossary import COUNTRY_NAMES, country_groups, extract_glossary
from dushu.core.models import Fact, GlossaryEntry, Person, Sentence, Token
from dushu.core.people import extract_people, family_name, person_finder
from dushu.core.wordlists import NameEntry, bundled_names

__all__ = [
    "TextLayout",
    "entity_finder",
    "extract_causes",
    "extract_events",
    "extract_facts",
    "find_entities",
    "layout_of",
]

# News agencies and picture credits that close a photo caption: "…會面。（Reuters）".
_AGENCIES = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "getty",
        "bloomberg",
        "epa",
        "xinhua",
        "kyodo",
        "yonhap",
        "nurphoto",
        "shutterstock",
        "路透社",
        "美聯社",
        "美联社",
        "法新社",
        "新華社",
        "新华社",
        "中新社",
        "彭博",
        "彭博社",
        "歐新社",
        "欧新社",
        "共同社",
        "韓聯社",
        "韩联社",
        "視覺中國",
        "视觉中国",
        "資料圖片",
        "资料图片",
        "網上圖片",
        "网上图片",
        "中通社",
        "圖片",
        "图片",
        "資料圖",
        "资料图",
    ]
)
_CREDIT_END = re.compile(r"[。！？.!?]\s*[（(]([^（）()\n]{1,30})[）)]\s*$")
_CREDIT_ONLY = re.compile(r"[（(]([^（）()\n]{1,30})[）)]\s*$")
# A caption that opens with its date and place: "2025年10月28日，日本東京，…".
_CAPTION_HEAD = re.compile(r"^(\S{6,16}?日)[，,]\s*([^，,。]{2,16})[，,]\s*")
_TERMINAL = "。！？!?…」』”"
# Clause boundaries (outside brackets and quotes).
_CLAUSE_SEP = "，；,;"
_OPENERS = {"（": "）", "(": ")", "「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”", "【": "】"}
# Words around a date that carry no content of their own ("到了2025年3月，…", "早在2015年…").
_DATE_FILLERS = (
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

# Cue words that explain why, most specific first. Each maps to how the sentence splits around it.
_CAUSE_CUES: tuple[str, ...] = (
    "究其原因",
    "究其根源",
    "原因在於",
    "原因在于",
    "原因是",
    "之所以",
    "是因為",
    "是因为",
    "因為",
    "因为",
    "由於",
    "由于",
    "其目的",
    "目的是",
    "目的在於",
    "目的在于",
    "目的",
    "旨在",
    "為了",
    "为了",
    "用意",
    "換句話說",
    "换句话说",
    "換言之",
    "换言之",
    "也就是說",
    "也就是说",
    "因此",
    "因而",
    "所以",
    "從而",
    "从而",
    "以致",
    "導致",
    "导致",
    "源於",
    "源于",
    "歸因於",
    "归因于",
    "為此",
    "为此",
)
_CUE_RE = re.compile("|".join(map(re.escape, _CAUSE_CUES)))


@dataclass(frozen=True, slots=True)
class TextLayout:
    """Paragraph roles in a text: photo captions, the dateline and headings (by character span)."""

    captions: tuple[tuple[int, int], ...]
    headings: tuple[tuple[int, int], ...]
    dateline: tuple[int, int] | None
    reference_date: str  # the dateline's date, "" without one

    def is_caption(self, pos: int) -> bool:
        """True when offset `pos` lies in a photo caption."""
        return _in_spans(self.captions, pos)

    def is_heading(self, pos: int) -> bool:
        """True when offset `pos` lies in a heading, a title or the dateline."""
        if self.dateline and self.dateline[0] <= pos < self.dateline[1]:
            return True
        return _in_spans(self.headings, pos)


def _in_spans(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """True when `pos` lies in one of `spans` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        pos += len(line) + 1
    return spans


def _is_credit(inner: str) -> bool:
    """True for a picture credit: "Reuters", "Getty Images", "AP Photo/…", "路透社", "資料圖片"."""
    inner = inner.strip()
    first = re.split(r"[\s/／|｜]", inner.lower(), maxsplit=1)[0]
    if first in _AGENCIES:
        return True
    return any(inner.startswith(a) for a in _AGENCIES if not a.isascii())


def layout_of(text: str) -> TextLayout:
    """Find the photo captions, headings and dateline of a news text.

    A caption is a paragraph that ends with a picture credit after its full stop ("。（Reuters）") or
    with a known agency's name in brackets, or that opens with its date and place
    ("2025年10月28日，日本東京，…"). A dateline is a paragraph that is only a full date.
    """
    captions: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    dateline: tuple[int, int] | None = None
    reference = ""
    for a, b in _paragraphs(text):
        para = text[a:b]
        credit = _CREDIT_END.search(para)
        agency = _CREDIT_ONLY.search(para)
        head = _CAPTION_HEAD.match(para)
        head_dated = False
        if head:
            mentions = find_date_mentions(head.group(1))
            head_dated = (
                bool(mentions) and mentions[0].text == head.group(1) and mentions[0].precision == "day"
            )
        if (
            (
                credit
                and (
                    _is_credit(credit.group(1))
                    or (
                        not any("\u4e00" <= c <= "\u9fff" for c in credit.group(1))
                        and " " not in credit.group(1).strip()[:1]
                    )
                )
            )
            or (agency and _is_credit(agency.group(1)))
            or (head_dated and len(para) < 200)
        ):
            captions.append((a, b))
            continue
        # A dateline is a short paragraph that is only a date ("2025年11月28日", "2025年11月28日 星期五").
        mentions = find_date_mentions(para) if dateline is None and len(para) <= 30 else []
        if (
            dateline is None
            and len(mentions) == 1
            and mentions[0].precision == "day"
            and len(para.strip(" 　")) <= len(mentions[0].text) + 12
            and not any(ch in para for ch in "，。")
        ):
            dateline = (a, b)
            reference = mentions[0].date
            continue
        if para[-1] not in _TERMINAL and len(para) <= 40:
            headings.append((a, b))
    return TextLayout(tuple(captions), tuple(headings), dateline, reference)


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
    return sum(1 for ch in clause if "\u4e00" <= ch <= "\u9fff")


EntityFinder = Callable[[str, int, int], tuple[str, ...]]


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

    def find(text: str, start: int, end: int) -> tuple[str, ...]:
        span = text[start:end]
        hits: list[tuple[int, int, str]] = []
        if pattern is not None:
            hits += [(m.start(), m.end(), canonical[m.group()]) for m in pattern.finditer(span)]
        hits += country_groups(span)
        # Keep the longest hit where hits overlap, then report in order of appearance.
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        seen: dict[str, None] = {}
        last_end = -1
        for h_start, h_end, name in hits:
            if h_start >= last_end:
                seen.setdefault(name, None)
                last_end = h_end
        return tuple(seen)

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


def extract_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[DateMention],
    layout: TextLayout,
    people: Sequence[Person] = (),
    glossary: Sequence[GlossaryEntry] = (),
    names: Sequence[NameEntry] = (),
) -> tuple[Fact, ...]:
    """One event per dated happening: the clause around each date, with its entities.

    A sentence with two dates gives two events. A clause holding only its date ("10月27日，…") takes
    the next clause with it; a clause that continues the previous one's subject ("並在28日…") takes the
    previous clause when no other event has it. Photo captions that restate a happening already told in
    the running text (same day) are merged into that event instead of counted again. Headings and the
    dateline are not events.
    """
    by_sentence: dict[int, list[DateMention]] = {}
    starts = [s.start for s in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and sentences[i].start <= m.start < sentences[i].end:
            by_sentence.setdefault(sentences[i].index, []).append(m)
    entities_in = entity_finder(people, glossary, names)
    persons_in = person_finder(people)

    events: list[tuple[Fact, bool]] = []  # (fact, from a caption)
    for s in sentences:
        ms = by_sentence.get(s.index)
        if not ms or layout.is_heading(s.start):
            continue
        caption = layout.is_caption(s.start)
        clauses = _clauses(s.text)
        used: set[int] = set()
        head = _CAPTION_HEAD.match(s.text) if caption else None
        for m in ms:
            rel = m.start - s.start
            ci = next((i for i, (a, b) in enumerate(clauses) if a <= rel < max(b, a + 1)), len(clauses) - 1)
            first = last = ci
            clause_mentions = [x.text for x in ms if clauses[ci][0] <= x.start - s.start < clauses[ci][1]]
            if head and rel < head.end():
                # "2025年10月28日，日本東京，<what happened>。（Reuters）": the event follows the place.
                first = last = next((i for i, (a, _b) in enumerate(clauses) if a >= head.end()), ci)
            elif (
                ci + 1 < len(clauses)
                and not _has_mention(clauses[ci + 1], ms, s.start)
                and (
                    _content_chars(s.text[clauses[ci][0] : clauses[ci][1]], clause_mentions) < 3
                    or s.text[clauses[ci][0] : clauses[ci][1]].endswith(_DANGLING)
                )
            ):
                last = ci + 1
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
            if caption:
                credit = _CREDIT_ONLY.search(s.text[a:b])
                if credit and _is_credit(credit.group(1)):
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
            fact = Fact(
                kind="event",
                text=text[start:end],
                sentence=s.index,
                date=m.date,
                date_text=m.text,
                entities=entities,
                start=start,
                end=end,
            )
            events.append((fact, caption))

    return tuple(_merge_caption_events(events))


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


def extract_causes(
    text: str,
    sentences: Sequence[Sentence],
    layout: TextLayout,
    people: Sequence[Person] = (),
    glossary: Sequence[GlossaryEntry] = (),
    names: Sequence[NameEntry] = (),
) -> tuple[Fact, ...]:
    """Sentences that explain why (究其原因, 因為, 由於, 目的, 因此, 換句話說 …) as "cause" facts.

    `cue` is the word that marks the explanation; `cause` and `effect` are filled where the sentence
    (or the one before it) states both sides: "A，因為B" gives cause B and effect A; "究其原因，B" takes
    its effect from the previous sentence; "其目的…就是要B" gives the purpose B.
    """
    facts: list[Fact] = []
    entities_in = entity_finder(people, glossary, names)
    previous: Sentence | None = None
    for s in sentences:
        if layout.is_caption(s.start) or layout.is_heading(s.start):
            continue
        m = _CUE_RE.search(s.text)
        if m is None:
            previous = s
            continue
        cue = m.group()
        cause, effect = _split_cause(s.text, m.start(), m.end(), previous.text if previous else "")
        entities = entities_in(text, s.start, s.end)
        facts.append(
            Fact(
                kind="cause",
                text=s.text,
                sentence=s.index,
                entities=entities,
                start=s.start,
                end=s.end,
                cue=cue,
                cause=cause,
                effect=effect,
            )
        )
        previous = s
    return tuple(facts)


def _tidy(part: str) -> str:
    part = part.strip().strip("，,；;：:。！？ ")
    return part


def _split_cause(s: str, a: int, b: int, previous: str) -> tuple[str, str]:
    """(cause, effect) around the cue s[a:b]; empty strings where the text does not say."""
    cue = s[a:b]
    before, after = s[:a], s[b:]
    if cue in ("究其原因", "究其根源", "原因在於", "原因在于", "原因是"):
        if before.strip("，, ") == "":
            return _tidy(after), _tidy(previous)
        return _tidy(after), _tidy(before)
    if cue == "之所以":
        m = re.search(r"(?:是因為|是因为|是由於|是由于|在於|在于)", after)
        if m:
            return _tidy(after[m.end() :]), _tidy(after[: m.start()])
        return "", _tidy(after)
    if cue in ("是因為", "是因为", "因為", "因为", "由於", "由于"):
        if _tidy(before) and not before.rstrip().endswith(("也", "這", "这")):
            return _first_clause(after, keep_long=True), _tidy(_strip_lead(before))
        # "因為B，(所以)A": the cause runs to the first top-level comma or to 所以/因此.
        m = re.search(r"(?:所以|因此|才|，|,)", after)
        if m:
            return _tidy(after[: m.start()]), _tidy(after[m.end() :])
        return _tidy(after), _tidy(previous)
    if cue in ("其目的", "目的是", "目的在於", "目的在于", "目的", "旨在", "用意"):
        if cue == "用意":
            return "", ""
        m = re.search(r"(?:就是要|就是|在於|在于|是要|是為了|是为了|是)", after)
        purpose = _first_clause(after[m.end() :] if m else after)
        if cue == "旨在":
            return purpose, _tidy(before)
        head = _strip_lead(_tidy(before)).lstrip("而但")
        actor = re.fullmatch(r"(.{1,10}?)的?", head)
        if actor and head and not head.endswith("其"):
            return purpose, actor.group(1)  # "美國的目的是…": whose purpose it is
        return purpose, _tidy(previous)
    if cue in ("為此", "为此", "因此", "因而", "所以", "從而", "从而", "以致") and _tidy(before):
        # "…舉行開幕典禮，日本政府為此提供補貼": the cause is the clauses before the cue's clause.
        comma = max(before.rfind("，"), before.rfind(","))
        if comma > 0 and cue in ("為此", "为此"):
            return _tidy(before[:comma]), _tidy(before[comma + 1 :] + after)
    if cue in ("為了", "为了"):
        m = re.search(r"[，,]", after)
        if m:
            return _tidy(after[: m.start()]), _tidy(after[m.end() :])
        return _tidy(after), _tidy(before)
    if cue in ("因此", "因而", "所以", "從而", "从而", "以致", "為此", "为此"):
        if _tidy(before):
            return _tidy(before), _tidy(after)
        return _tidy(previous), _tidy(after)
    if cue in ("導致", "导致"):
        if "不是" in before or "並非" in before or "沒有" in before or "没有" in before:
            return "", ""
        return _tidy(_strip_lead(before)), _tidy(after)
    if cue in ("源於", "源于", "歸因於", "归因于"):
        return _tidy(after), _tidy(before)
    return "", ""  # 換句話說 and the like restate; they are kept as facts with their cue only


def _first_clause(part: str, keep_long: bool = False) -> str:
    """The explanation up to a comma that starts a new thought ("…，中國則要…", "…，正如…")."""
    part = _tidy(part)
    for m in re.finditer(r"[，,]", part):
        rest = part[m.end() :]
        new_thought = rest.startswith(("正如", "例如", "比如", "就像", "好像", "如同"))
        if (not keep_long or new_thought) and m.start() >= 6:
            return part[: m.start()]
    return part


def _strip_lead(part: str) -> str:
    for lead in ("當然", "当然", "而且", "不過", "不过", "但是", "然而"):
        if part.startswith(lead):
            return part[len(lead) :]
    return part


def extract_facts(
    text: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token] = (),
    names: Sequence[NameEntry] | None = None,
) -> tuple[tuple[Fact, ...], tuple[GlossaryEntry, ...], tuple[Person, ...]]:
    """Everything the text states: (facts, glossary, people), each in order of first mention.

    `facts` holds one "event" per dated happening and one "cause" per sentence that explains why.
    `tokens` (from the segmenter) only sharpen where unquoted names begin; `names` defaults to the
    bundled name list.
    """
    if names is None:
        names = bundled_names()
    layout = layout_of(text)
    people = extract_people(text, sentences, names, tokens)
    person_names = frozenset(p.name for p in people)
    glossary = extract_glossary(text, sentences, names, tokens, person_names=person_names)
    mentions = find_date_mentions(text, reference_date=layout.reference_date, caption_spans=layout.captions)
    events = extract_events(text, sentences, mentions, layout, people, glossary, names)
    causes = extract_causes(text, sentences, layout, people, glossary, names)
    facts = tuple(sorted(events + causes, key=lambda f: (f.start, f.kind != "event")))
    return facts, glossary, people
