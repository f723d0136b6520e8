"""Dated events: the clause each date governs, with who and what it names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from dushu.core.facts.dates import DateMention
from dushu.core.facts.layout import _CAPTION_HEAD, _CREDIT_ONLY, TextLayout, _is_credit
from dushu.core.facts.people import family_name, person_finder
from dushu.core.facts.terms import COUNTRY_NAMES, country_groups
from dushu.core.models import Fact, GlossaryEntry, Person, Sentence
from dushu.core.wordlists import NameEntry

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
