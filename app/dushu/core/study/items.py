"""Study items: what an Analysis lets a learner be asked, in one neutral form for quizzes and cards.

Every dated event, cause, glossary term, person and teachable word of an analysis becomes one or more
`StudyItem`s: what is asked (`ask`), the passage of the text it is asked on (`context`, verbatim) with
the answer's place in it (`blanks`), the answer and the other forms that count as right, distractors
of the same kind taken from the text first, the source sentence and a stable `key`. The quiz generator
(`dushu.core.quiz.generate`) picks and words items; the Anki exporter (`dushu.export.anki_notes`) turns
the same items into fact and cloze notes. Neither reads the sentences or the cue words again.

Rules every item keeps (each has a test):
- its answer is stated in the document: a bundled list may recognise a term, never supply the answer
  (an abbreviation, an English name, a role or members the text does not give are not asked);
- its distractors are of the answer's kind (dates of the same precision, people with people, terms
  with terms, meanings of words of the same part of speech), never another form of the answer, never
  repeated;
- items of one fact share a `group`: a quiz asks each group once;
- a photo caption, a date that only names something, a linking phrase or a cause without both sides
  is not asked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from dushu.core.facts.dates import date_answer_forms, format_date_zh, shift_date
from dushu.core.facts.layout import layout_of
from dushu.core.facts.terms import (
    COUNTRY_ABBREVIATIONS,
    COUNTRY_NAMES,
    country_display_name,
    country_groups,
)
from dushu.core.models import Analysis, Fact, GlossaryEntry, Person, Script, VocabItem, is_han
from dushu.core.script import to_simplified
from dushu.core.study.meanings import word_meanings
from dushu.core.tones import to_numbers

__all__ = [
    "FACT_KINDS",
    "StudyItem",
    "fact_note_items",
    "study_items",
]

# What the text states (a teacher's questions), as opposed to word meanings and readings.
FACT_KINDS = ("event", "cause", "term", "person")

_CAUSE_ASKS = ("reason", "purpose", "result")
# Words at the front of a clause that only link it to the one before (they are not part of a cause).
_LEADING_LINKS = (
    "換句話說",
    "换句话说",
    "整體來說",
    "整体来说",
    "總的來說",
    "总的来说",
    "首先",
    "其次",
    "或許",
    "或许",
    "因此",
    "所以",
    "並且",
    "并且",
    "而且",
    "例如",
    "當然",
    "当然",
    "同時",
    "同时",
    "此外",
    "另外",
)
_BYLINE_ROLE = re.compile(r"(?:記者|记者|特派員|特派员|通訊員|通讯员|攝影|摄影|編輯|编辑)$")
# A byline or credit in brackets at the start of a passage (〔記者X／基隆報導〕, （中央社台北1日電）).
_LEADING_BYLINE = re.compile(
    r"^\s*[〔【（(\[][^〔〕【】（）()\[\]]{0,30}(?:報導|报道|電|电|攝|摄)[〕】）)\]]\s*"
)
# A year written in a date (2024年, 二〇二四年, 一二〇年), as opposed to 6月3日 or 下月.
_YEAR_IN_DATE = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{2,4}\s*年(?!代)|\d{4}[/.\-]")
# Parts of a year (下半年, 第三季, 年底): no option of the same span can be written for them.
_PART_OF_YEAR = re.compile(r"半年|季|年初|年底|年中|年末|上旬|中旬|下旬|月初|月底|月中|月末")
# A label ending in one of these lost what followed its date ("真正的分水嶺是"): it no longer reads.
_DANGLING = tuple("是為为在於于的與与和及至到從从自由向對对把將将被")
# Marks at the front of a list line ("◎：", "▲") that a label for ordering does not need.
_LIST_MARKS = "◎●○▲▼■□◆◇・•★☆－-—：:，,、 \u3000"
# A photo note closing a passage ("（資料照）", "（圖／…）"): not part of what the sentence states.
_TRAILING_CREDIT = re.compile(
    r"[。．.]?\s*[（(](?:資料照|资料照|圖|图|攝影|摄影|照片)[^（）()]{0,30}[）)]\s*$"
)
# The writer's word to the reader at the front of a passage (再看…, 可先看看…): not part of the claim.
_ASIDE_LEAD = re.compile(r"^(?:再看看|再看|不妨看看|值得注意的是|值得一提的是|請注意|请注意)[，,]?")
# An event clause shorter than this is quoted with the clauses before it.
_MIN_CONTEXT = 14
_MAX_CONTEXT = 90  # a quoted passage longer than this is cut to the clauses nearest its date
_MIN_WORDS = 8  # Chinese characters an event's clause needs beside its date to say what happened
# A clause that only points back at a fact told before ("協會在2030年通過…這件事").
_CALLBACK = re.compile(r"(?:這件事|这件事|此事|這項決定|这项决定|上述)$")
# 其 pointing outside the passage (為其設立…): who it is cannot be read from the question. (該組織
# and 此舉 name the kind of thing, which the rest of the passage usually settles.)
_PRONOUN = re.compile(r"(?<![尤極极與与究及])其(?![他中實实餘余次後后])")
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
_PHOTO_LEAD = re.compile(r"^\s*(?:圖為|图为|圖：|图：|圖/|图/|圖／|图／|左圖|右圖|上圖|下圖)")
_LATIN_GLOSS = re.compile(r"\s*[（(][A-Za-z][A-Za-z .,'\-]*[）)]")
_STOP_GLOSS = frozenset(
    ("a", "an", "the", "to", "of", "in", "on", "at", "for", "and", "or", "by", "with", "be", "as", "is",
     "are", "from", "into", "up", "out", "one's", "sth", "sb", "oneself", "its", "something", "someone")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StudyItem:
    """One thing a learner can be asked about, with everything a question or a card needs.

    `context` is a passage copied from the document; `blanks` are the places of the answer in it
    ((start, end) offsets into `context`, every occurrence), empty when the answer is not written
    there (a role, a meaning). A cloze blanks exactly those spans and changes nothing else.
    """

    key: tuple[str, ...]  # what it is about, never its wording: the Anki note's identity
    group: str  # what a quiz asks once: the fact, or the term an event's blank names
    kind: str  # event | cause | term | person | word
    ask: str  # date | actor | reason | purpose | result | abbreviation | full_name | english | members
    #           | role | person_english | meaning | reading
    subject: str  # what the question names: the effect of a cause, the term, the name, the word
    context: str
    blanks: tuple[tuple[int, int], ...]
    answer: str
    accepted: tuple[str, ...]  # every form that counts as right, the answer first
    distractors: tuple[str, ...]  # same kind, best first; never an accepted form
    sentence: int
    source: str  # the whole source sentence, verbatim
    position: int  # offset of the context in the document
    quality: float
    date: str = ""  # ISO date of an event
    date_text: str = ""  # the date as the text writes it
    date_unique: bool = False  # no other event has this date (a Date -> Event card can be answered)
    cue: str = ""  # the text's cue word of a cause
    gloss: str = ""  # what a card's back adds: the ISO date, the English name, the role
    terms: tuple[str, ...] = ()  # names and terms whose readings a card lists
    label: str = ""  # an event without its date, short enough to put in order
    reading: str = ""  # a word's reading, tone marks
    extra: tuple[str, ...] = field(default=())  # actor: its kind (person, term, country); members: them
    fact: str = ""  # the fact it comes from (an Anki note per fact); the group when empty

    @property
    def is_fact(self) -> bool:
        """True for what the text states (events, causes, terms, people), False for words."""
        return self.kind in FACT_KINDS

    def blanked(self, blank: str) -> str:
        """The context with every blank replaced by `blank` (nothing else changed)."""
        return self.replaced(blank)

    def replaced(self, value: str) -> str:
        """The context with `value` written where the answer is (a true/false statement)."""
        out: list[str] = []
        pos = 0
        for start, end in self.blanks:
            out.append(self.context[pos:start])
            out.append(value)
            pos = end
        out.append(self.context[pos:])
        return "".join(out)


def study_items(analysis: Analysis) -> tuple[StudyItem, ...]:
    """Every study item of the analysis, in the order of the text (facts first within a sentence)."""
    builder = _Builder(analysis)
    items = [
        *builder.event_items(),
        *builder.cause_items(),
        *builder.term_items(),
        *builder.person_items(),
        *builder.word_items(),
    ]
    items.sort(key=lambda i: (i.position, FACT_KINDS.index(i.kind) if i.is_fact else 9))
    return tuple(items)


# --- helpers --------------------------------------------------------------------------------------


def _all_spans(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    if not needle:
        return ()
    spans: list[tuple[int, int]] = []
    i = text.find(needle)
    while i != -1:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    return tuple(spans)


def _figures(text: str) -> frozenset[str]:
    """The distinctive figures of a passage (7.18, 4760億, 2415人), not its dates or small counts."""
    found = re.findall(r"\d+\.\d+|\d{3,}(?![年月日\d])", text)
    return frozenset(f for f in found if not re.fullmatch(r"(?:19|20)\d\d", f))


def _brand_name(word: str) -> bool:
    """A Latin name written like a brand (SpaceX, DeepSeek, iPhone) rather than a short form (WTO, mRNA,
    Quad): the text gives it as the thing's own name, so "what is its 簡稱" would misstate it."""
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(re.search(r"[a-z][A-Z]", word)) and upper * 2 < len(letters)


def _bigrams(text: str) -> frozenset[str]:
    """The pairs of Chinese characters in a passage, for telling a restated fact."""
    han = [ch for ch in text if is_han(ch)]
    return frozenset(a + b for a, b in pairwise(han))


def _words(text: str) -> int:
    """How many Chinese characters a passage has (its length in words, roughly)."""
    return sum(1 for ch in text if is_han(ch))


def _inside_quote(text: str, pos: int) -> bool:
    """True when `pos` is inside 「…」 or 《…》 (a name such as 「中國製造2025」, not the country)."""
    for opening, closing in (("「", "」"), ("《", "》"), ("『", "』")):
        left = text.rfind(opening, 0, pos)
        if left != -1 and text.find(closing, left) >= pos:
            return True
    return False


def _date_number(date: str) -> int:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2]


def _norm(text: str) -> str:
    return to_simplified(re.sub(r"\s+", "", text)).casefold()


def _unique(values: Iterable[str], *, besides: Iterable[str] = ()) -> tuple[str, ...]:
    """Values in order, each once (after normalising), none equal to one of `besides`."""
    seen = {_norm(b) for b in besides}
    out: list[str] = []
    for v in values:
        n = _norm(v)
        if v and n not in seen:
            seen.add(n)
            out.append(v)
    return tuple(out)


def _gloss_words(meaning: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", re.sub(r"\([^)]*\)", "", meaning.casefold()))
    return frozenset(w for w in words if w not in _STOP_GLOSS and len(w) > 2)


def _strip_links(text: str) -> str:
    text = text.strip("，,。；;：: \u3000")
    changed = True
    while changed:
        changed = False
        for lead in _LEADING_LINKS:
            if text.startswith(lead) and len(text) > len(lead) + 2:
                text = text[len(lead) :].lstrip("，, ")
                changed = True
    return text


def _core(text: str, limit: int = 40) -> str:
    """A long cause or effect cut to a contiguous core of itself: the part after a colon, or clauses."""
    text = _strip_links(text)
    if len(text) <= limit:
        return text
    if "：" in text:
        tail = text.rsplit("：", 1)[1]
        if 8 <= len(tail) <= limit:
            return tail
        head = text.split("：", 1)[0]
        if 8 <= len(head) <= limit:
            return head
    cuts = [m.end() for m in _CLAUSE_SPLIT.finditer(text)]
    starts = [0, *cuts]
    ends = [c - 1 for c in cuts] + [len(text)]
    for size in (2, 1):
        for i in range(len(starts) - size, -1, -1):
            piece = text[starts[i] : ends[i + size - 1]].strip("，,；; ")
            if 8 <= len(piece) <= limit:
                return piece
    return ""


class _Builder:
    """Looks over one analysis once and makes its items."""

    def __init__(self, analysis: Analysis) -> None:
        self.a = analysis
        self.simplified = analysis.script == Script.SIMPLIFIED
        self.layout = layout_of(analysis.text)
        # A text that tells the same event twice (a repeated paragraph) has one fact, asked once.
        told: set[tuple[str, str]] = set()
        self.events: list[tuple[int, Fact]] = []
        for i, f in enumerate(analysis.facts):
            if (
                f.kind == "event"
                and f.date
                and f.date_text
                and not self.is_caption(f)
                and (f.date, f.text) not in told
            ):
                told.add((f.date, f.text))
                self.events.append((i, f))
        # The reporters of a byline are people of the page, not of the story: never asked about.
        self.people = [p for p in analysis.people if p.name and not _BYLINE_ROLE.search(p.role)]
        self.glossary = list(analysis.glossary)
        self.terms_by_name = {g.term: g for g in self.glossary}

    # -- the text ----------------------------------------------------------------------------------

    def sentence_text(self, index: int) -> str:
        if 0 <= index < len(self.a.sentences):
            return self.a.sentences[index].text
        return ""

    def sentence_start(self, index: int) -> int:
        if 0 <= index < len(self.a.sentences):
            return self.a.sentences[index].start
        return 0

    def is_caption(self, fact: Fact) -> bool:
        """A fact told by a photo caption ("圖為…（Getty）"): a picture's description, not a happening."""
        return self.photo_note(fact.sentence)

    def photo_note(self, index: int) -> bool:
        """True for a sentence of a photo caption: by the layout, an opening 圖為 or a closing credit."""
        text = self.sentence_text(index)
        return self.layout.is_caption(self.sentence_start(index)) or bool(
            _PHOTO_LEAD.match(text) or _TRAILING_CREDIT.search(text)
        )

    def is_caption_sentence(self, index: int) -> bool:
        """True for a photo caption's sentence, also one that opens with the caption's ▲ mark."""
        return self.photo_note(index) or self.sentence_text(index).lstrip().startswith(("▲", "▼", "△", "▽"))

    def shown(self, text: str) -> str:
        """A fixed Chinese word in the text's own script (country names from the list)."""
        return to_simplified(text) if self.simplified else text

    @cached_property
    def countries_in_text(self) -> tuple[str, ...]:
        """Country names as the text writes them, in order of first mention."""
        found: list[tuple[int, str]] = []
        for name in COUNTRY_NAMES:
            pos = self.a.text.find(name)
            if pos != -1:
                found.append((pos, name))
        found.sort()
        # One name per country (中國 and 中國大陸 are one place: two such options would both be right).
        by_country: dict[str, str] = {}
        for _p, name in found:
            by_country.setdefault(COUNTRY_NAMES[name], name)
        return tuple(by_country.values())

    def other_clauses(self, avoid: Sequence[str], sentence: int) -> list[str]:
        """Statements from elsewhere in the text (clauses without numbers), as distractors for a cause."""
        found: list[str] = []
        for s in self.a.sentences:
            if abs(s.index - sentence) <= 1:
                continue
            for part in re.split(r"[，；。！？]", s.text):
                part = _strip_links(part)
                if (
                    8 <= len(part) <= 30
                    and not re.search(r"[0-9０-９]", part)
                    and not any(part in a or a in part for a in avoid if a)
                ):
                    found.append(part)
        # A stable, spread-out order: every third clause first, so they do not all come from one place.
        return found[::3] + [f for i, f in enumerate(found) if i % 3]

    # -- events ------------------------------------------------------------------------------------

    def display_date(self, fact: Fact, date: str | None = None) -> str:
        """How an event's date is written in an option: 2017年11月, 2027財年, 1990年代."""
        date = date or fact.date
        for suffix in ("財年", "财年", "年度", "年代"):
            if suffix in fact.date_text:
                return f"{date[:4]}" + self.shown(suffix)
        return format_date_zh(date)

    def date_distractors(self, fact: Fact, context: str = "") -> tuple[str, ...]:
        """Other dates of the same precision: from the text first (plausible), then shifted ones;
        never a date the passage itself shows (六月三日 beside the blank is no option)."""
        answer = self.display_date(fact)
        precision = len(fact.date)
        shown = {f.date for _i, f in self.events if f.date_text and f.date_text in context}
        from_text = sorted(
            {
                f.date
                for _i, f in self.events
                if len(f.date) == precision and f.date != fact.date and f.date not in shown
            },
            key=lambda d: (abs(_date_number(d) - _date_number(fact.date)), d),
        )
        decade = "年代" in fact.date_text
        if decade:
            from_text = [d for d in from_text if d.endswith("0")]
        picks = [self.display_date(fact, d) for d in from_text[:4]]
        shifts: list[dict[str, int]] = (
            [{"years": 10}, {"years": -10}, {"years": 20}, {"years": -20}]
            if decade
            else [{"years": 1}, {"years": -1}, {"years": 2}, {"years": -2}, {"years": 3}]
            if precision == 4
            else [{"months": 2}, {"years": -1}, {"months": -3}, {"years": 1}, {"months": 5}, {"years": 2}]
        )
        picks += [
            self.display_date(fact, d) for d in (shift_date(fact.date, **s) for s in shifts) if d not in shown
        ]
        return _unique(picks, besides=[answer, fact.date_text])[:6]

    def event_label(self, text: str, blanks: Sequence[tuple[int, int]], subject: str) -> str:
        """The event's passage without its date, when it still reads as a statement (for ordering)."""
        if not blanks:
            return ""
        start, end = blanks[0]
        before = re.sub(
            r"(?:早在|到了|直到|直至|截至|例如在|並在|并在|並於|并于|也在|就在|已在|而在|接著在|接着在|隨即在|随即在|在|於|于)$",
            "",
            text[:start],
        )
        after = re.sub(r"^(?:時|时|起|間|间)?[，,]?", "", text[end:])
        label = _strip_links((before + after).strip("，,；; ").lstrip(_LIST_MARKS))
        if not subject or subject not in label:
            return ""  # "簽署合作備忘錄": without who did it, a reader cannot place it
        if (
            label.startswith(("的", "中", "時", "时", "前", "後", "后", "起", "是", "為", "为", "乃"))
            or label.endswith(_DANGLING)
            or len(label) < 5
            or re.search(r"「」|（）|\(\)|《》", label)
        ):
            return ""  # "在2025年2月的《…》中表示": without its date the clause no longer reads
        if len(label) > 42:
            cut = max(label.rfind("，", 0, 42), label.rfind("；", 0, 42))
            if cut < 10:
                return ""
            label = label[:cut]
        return label

    def event_items(self) -> list[StudyItem]:
        items: list[StudyItem] = []
        date_counts: dict[str, int] = {}
        for _i, f in self.events:
            date_counts[f.date] = date_counts.get(f.date, 0) + 1
        seen_actors: set[tuple[int, str]] = set()
        groups = self.restated_groups()
        for index, fact in self.events:
            for item in self.event_of(groups[index], fact, date_counts[fact.date] == 1):
                if item.ask == "actor":
                    # Two events told in one clause name the same actor once: one fact, asked once.
                    at = (item.position + (item.blanks[0][0] if item.blanks else 0), item.answer)
                    if at in seen_actors:
                        continue
                    seen_actors.add(at)
                items.append(item)
        return items

    def event_context(self, fact: Fact) -> tuple[str, int]:
        """The event's clause with the clauses before it in its sentence that tell who or what it is
        about ("海港局…，新規於2031年2月1日生效"), up to another event's date and at most
        `_MAX_CONTEXT` characters; always a verbatim passage of one sentence, without a byline."""
        position = fact.start if fact.start >= 0 else self.sentence_start(fact.sentence)
        context = fact.text
        own_words = _words(fact.text.replace(fact.date_text, "", 1))
        if fact.start >= 0:
            sentence_start = self.sentence_start(fact.sentence)
            before = self.a.text[sentence_start : fact.start]
            # Where the clauses before it begin, nearest first; another event's date stops the reach.
            starts = [sentence_start + m.end() for m in _CLAUSE_SPLIT.finditer(before)][::-1]
            starts.append(sentence_start)
            dates = self.other_dates_before(fact, sentence_start)
            # A clause that says little beside its date ("南港是2031年5月") reaches back past other
            # dates too: it cannot be asked without the words that say what the date is.
            start = fact.start
            for candidate in starts:
                if candidate >= fact.start:
                    continue
                if fact.end - candidate > _MAX_CONTEXT:
                    break
                words = _words(self.a.text[start : fact.end])
                if any(candidate <= d for d in dates) and (
                    own_words >= _MIN_WORDS or words >= 2 * _MIN_WORDS
                ):
                    break
                start = candidate
            context, position = self.a.text[start : fact.end], start
        byline = _LEADING_BYLINE.match(context)
        if byline and byline.end() < len(context):
            context, position = context[byline.end() :], position + byline.end()
        aside = _ASIDE_LEAD.match(context)
        if aside and len(context) - aside.end() >= _MIN_CONTEXT:
            context, position = context[aside.end() :], position + aside.end()
        credit = _TRAILING_CREDIT.search(context)
        if credit and credit.start() >= _MIN_CONTEXT:
            context = context[: credit.start()]
        if own_words < _MIN_WORDS:
            return context, position
        return self.without_other_dates(fact, context, position)

    def other_dates_before(self, fact: Fact, sentence_start: int) -> list[int]:
        """Where other events' dates stand in the fact's sentence before the fact itself."""
        found: list[int] = []
        for _i, other in self.events:
            if other is fact or other.sentence != fact.sentence or other.start < 0:
                continue
            at = other.text.find(other.date_text)
            if at >= 0 and sentence_start <= other.start + at < fact.start:
                found.append(other.start + at)
        return found

    def without_other_dates(self, fact: Fact, context: str, position: int) -> tuple[str, int]:
        """The clauses of a long passage around its own date, when another event's date is in it too
        (a quotation that shows the answer of the question beside it)."""
        own = context.find(fact.date_text)
        if own < 0:
            return context, position
        own_end = own + len(fact.date_text)
        others = [
            at
            for _i, f in self.events
            if f is not fact and f.date_text and f.date_text != fact.date_text
            for at, _e in _all_spans(context, f.date_text)
            # Another date inside this one (2021年 in 2021年2月1日) is this date.
            if not (own <= at < own_end)
        ]
        if not others:
            return context, position
        marks = [m.end() for m in _CLAUSE_SPLIT.finditer(context)]
        # The nearest clause break after the last other date before ours, and before the first after.
        left = max((o for o in others if o < own), default=-1)
        right = min((o for o in others if o > own), default=len(context))
        start = min((m for m in marks if left < m <= own), default=0 if left < 0 else -1)
        end = max(
            (m - 1 for m in marks if own < m - 1 < right),
            default=len(context) if right == len(context) else -1,
        )
        if start < 0 or end < 0 or end - start < _MIN_CONTEXT // 2:
            return context, position
        piece = context[start:end].strip("，,；;：: ")
        offset = context.find(piece, start)
        return piece, position + offset

    def restated_groups(self) -> dict[int, str]:
        """The group of each event: news tells a fact in its lead and again in its body. An event is
        an earlier one told again when it has the same date and shares its subject (on a day, not a
        month: one person does several things in a month) or most of its wording, or when it gives the
        same figure (7.18%, 4760億) of the same subject, whatever date each telling gives it."""
        groups: dict[int, str] = {}
        seen: list[tuple[int, Fact, frozenset[str]]] = []
        for index, fact in self.events:
            grams = _bigrams(fact.text.replace(fact.date_text, ""))
            group = f"event:{index}"
            for first, other, other_grams in seen:
                same_day = other.date == fact.date or (
                    min(len(other.date), len(fact.date)) >= 4
                    and (other.date.startswith(fact.date) or fact.date.startswith(other.date))
                )
                overlap = len(grams & other_grams) / max(1, len(grams | other_grams))
                related = bool(fact.subject and other.subject) and (
                    fact.subject.startswith(other.subject) or other.subject.startswith(fact.subject)
                )
                same_subject = len(fact.date) == 10 and related
                # "昨天" twice in one report is one day's doing, whoever the sentence starts with.
                same_word = fact.date_text == other.date_text and not re.search(r"\d|年", fact.date_text)
                same_figure = bool(_figures(fact.text) & _figures(other.text)) and (related or overlap >= 0.3)
                told_again = same_day and (
                    overlap >= 0.6 or (other.date == fact.date and (same_subject or same_word))
                )
                if same_figure or told_again:
                    group = groups[first]
                    break
            groups[index] = group
            seen.append((index, fact, grams))
        return groups

    def event_of(self, group: str, fact: Fact, date_unique: bool) -> list[StudyItem]:
        context, position = self.event_context(fact)
        if _PRONOUN.search(_CLAUSE_SPLIT.split(context, maxsplit=1)[0].replace(fact.date_text, "")):
            return []  # "為其設立…": who 其 is lies outside what the question can show
        if self.layout.is_heading(self.sentence_start(fact.sentence)):
            return []  # a headline restates what the body tells in full
        words = _words(context.replace(fact.date_text, "", 1))
        # A short passage still stands when it names who acted (林美華訪問東京).
        named = bool(fact.subject) and fact.subject in context
        if words < _MIN_WORDS // 2 or (words < _MIN_WORDS and not named) or _CALLBACK.search(fact.text):
            return []  # "自明年起分批推行": what happens is not in the passage; "…這件事": told before
        source = self.sentence_text(fact.sentence)
        entities = tuple(sorted(set(e for e in fact.entities if e)))
        key = ("event", fact.date or fact.date_text, *entities)
        answer = self.display_date(fact)
        blanks = _all_spans(context, fact.date_text)
        quality = (
            3.0 - max(0, len(context) - 45) / 30 + (0.3 if fact.date_text[:2] in ("同年", "翌年") else 0)
        )
        if fact.date_text in ("本年度", "今年度"):
            quality -= 1.0
        present = [e for e in fact.entities if e and e in context and e not in fact.date_text]
        common = {
            "group": group,
            "kind": "event",
            "context": context,
            "sentence": fact.sentence,
            "source": source,
            "position": position,
            "date": fact.date,
            "date_text": fact.date_text,
            "date_unique": date_unique,
        }
        out: list[StudyItem] = []
        # The same date written twice in the passage would be two blanks, one of them another event's.
        if len(blanks) == 1 and not fact.date_end and not _PART_OF_YEAR.search(fact.date_text):
            accepted = [answer, *date_answer_forms(fact.date, fact.date_text), fact.date_text]
            if not _YEAR_IN_DATE.search(fact.date_text) and len(fact.date) > 4:
                # The text leaves the year to the reader (5月, 六月三日): so may the answer.
                month = int(fact.date[5:7])
                accepted.append(
                    f"{month}月{int(fact.date[8:10])}日" if len(fact.date) == 10 else f"{month}月"
                )
            out.append(
                StudyItem(
                    key=key,
                    ask="date",
                    subject=context,
                    blanks=blanks,
                    answer=answer,
                    accepted=_unique(accepted),
                    distractors=self.date_distractors(fact, context),
                    quality=quality,
                    gloss=fact.date if fact.date != answer else "",
                    terms=tuple(present),
                    # Only a clause that names who acted can stand alone in an ordering question.
                    label=self.event_label(context, blanks, fact.subject) if context == fact.text else "",
                    **common,  # type: ignore[arg-type]
                )
            )
        actor = self.actor_of(fact, context)
        if actor is not None:
            name, spans, distractors, gloss, kind_quality, actor_kind = actor
            # Asking which term fills the blank beside its short form asks the term, and asking who
            # the role before a name is (海港局局長____) asks the person's role: one fact each.
            actor_group = f"term:{to_simplified(name)}" if actor_kind == "term" else group
            role = next((p.role for p in self.people if p.name == name and p.role), "")
            # The role (or its head noun, 會長 of 商會會長) in the passage makes it the role fact.
            if actor_kind == "person" and role and role[-3:] in context:
                actor_group = f"person:{to_simplified(name)}"
            out.append(
                StudyItem(
                    key=key,
                    ask="actor",
                    subject=name,
                    blanks=spans,
                    answer=name,
                    accepted=(name,),
                    distractors=distractors,
                    quality=kind_quality,
                    gloss=gloss,
                    terms=tuple(present),
                    extra=(actor_kind,),
                    fact=group,
                    **{**common, "group": actor_group},  # type: ignore[arg-type]
                )
            )
        return out

    def actor_of(
        self, fact: Fact, context: str
    ) -> tuple[str, tuple[tuple[int, int], ...], tuple[str, ...], str, float, str] | None:
        """Who or what acts in an event, where it stands, and others of its kind from the text."""
        date_span = context.find(fact.date_text)
        date_range = range(date_span, date_span + len(fact.date_text)) if date_span >= 0 else range(0)
        # A person first, then a term of the glossary, then a country (each with others of its kind).
        persons = sorted((context.find(p.name), p) for p in self.people if p.name in context)
        if persons:
            person = persons[0][1]
            others = [p.name for p in self.people if p.name != person.name and p.name not in context]
            same_role = [p.name for p in self.people if p.role and p.role == person.role and p.name in others]
            distractors = _unique([*same_role, *others], besides=[person.name])
            spans = self.name_spans(context, person.name)
            gloss = " · ".join(x for x in (person.english, person.role) if x)
            return person.name, spans, distractors, gloss, 2.6, "person"
        for entity in fact.entities:
            if not entity or entity not in context or context.find(entity) in date_range:
                continue
            entry = self.terms_by_name.get(entity)
            if entry is not None:
                same = [g.term for g in self.glossary if g.kind == entry.kind and g.term not in context]
                rest = [g.term for g in self.glossary if g.kind != entry.kind and g.term not in context]
                gloss = " · ".join(x for x in (entry.abbreviation, entry.english) if x and x in self.a.text)
                distractors = _unique([*same, *rest], besides=[entity])
                return entity, _all_spans(context, entity), distractors, gloss, 2.3, "term"
            # A country is asked only as the one who acts (the event's subject), not inside a name.
            if (
                entity in COUNTRY_NAMES
                and entity == fact.subject
                and not _inside_quote(context, context.find(entity))
            ):
                others = [
                    c
                    for c in self.countries_in_text
                    if c not in context and COUNTRY_NAMES.get(c) != COUNTRY_NAMES[entity]
                ]
                return (
                    entity,
                    _all_spans(context, entity),
                    _unique(others, besides=[entity]),
                    "",
                    1.6,
                    "country",
                )
        return None

    def name_spans(self, context: str, name: str) -> tuple[tuple[int, int], ...]:
        """Every place of a name, with the English gloss right after it (it would give the name away)."""
        spans: list[tuple[int, int]] = []
        for start, end in _all_spans(context, name):
            m = _LATIN_GLOSS.match(context, end)
            spans.append((start, m.end() if m else end))
        return tuple(spans)

    # -- causes ------------------------------------------------------------------------------------

    def cause_items(self) -> list[StudyItem]:
        items: list[StudyItem] = []
        causes: list[tuple[int, Fact]] = []
        told: set[tuple[str, str]] = set()
        for i, f in enumerate(self.a.facts):
            if f.kind == "cause" and f.cue_kind in _CAUSE_ASKS and f.cause and f.effect:
                if (f.cause, f.effect) in told:
                    continue
                told.add((f.cause, f.effect))
                causes.append((i, f))
        cores = {i: _core(f.cause) or _strip_links(f.cause) for i, f in causes}
        for i, fact in causes:
            item = self.cause_of(i, fact, cores[i], [cores[j] for j, _f in causes if j != i])
            if item is not None:
                items.append(item)
        return items

    def cause_of(self, index: int, fact: Fact, cause: str, other_causes: Sequence[str]) -> StudyItem | None:
        text = self.a.text
        # The passage that holds both sides: the fact's own text, or reaching back to the sentence
        # before when the cause was told there ("…。因此，…").
        start = fact.start if fact.start >= 0 else text.find(fact.text)
        end = fact.end if fact.end >= 0 else start + len(fact.text)
        if start < 0:
            return None
        at = text.rfind(cause, max(0, start - 240), end)
        if at == -1:
            return None
        start = min(start, at)
        context = text[start:end]
        # Sentences before the cause's own one are not part of the quotation.
        sentence_of_cause = next((s for s in self.a.sentences if s.start <= at < s.end), None)
        if sentence_of_cause is not None and sentence_of_cause.start > start:
            context = text[sentence_of_cause.start : end]
            start = sentence_of_cause.start
        blanks = _all_spans(context, cause)
        if not blanks:
            return None
        effect = _core(self.as_written(fact.effect, context)) or _strip_links(fact.effect)
        if fact.cue_kind == "purpose" and len(effect) > 12:
            effect = _core(fact.effect, 24) or effect
        if not effect or _norm(effect) == _norm(cause):
            return None
        avoid = [effect, cause, fact.text]
        distractors = [
            c for c in other_causes if c and not any(c in a or a in c for a in avoid) and "\n" not in c
        ]
        distractors += self.other_clauses(avoid, fact.sentence)
        entities = tuple(sorted(set(e for e in fact.entities if e)))
        key = ("cause", fact.cue, *entities) if entities else ("cause", fact.cue, cause)
        return StudyItem(
            key=key,
            group=f"cause:{index}",
            kind="cause",
            ask=fact.cue_kind,
            subject=effect,
            context=context,
            blanks=blanks,
            answer=cause,
            accepted=(cause,),
            distractors=_unique(distractors, besides=[cause])[:8],
            sentence=fact.sentence,
            source=self.sentence_text(fact.sentence),
            position=start,
            quality=2.5,
            cue=fact.cue,
            terms=tuple(e for e in fact.entities if e and e in cause),
        )

    def as_written(self, part: str, passage: str) -> str:
        """A cause's or effect's words as the passage writes them: the facts may leave the cue out of
        the middle ("日本政府為此提供…" -> "日本政府提供…"); a question quotes the text itself."""
        if not part or part in passage:
            return part
        head, tail = part[:4], part[-4:]
        start = passage.find(head)
        end = passage.find(tail, start + len(head)) if start >= 0 else -1
        if start >= 0 and end >= 0 and end + len(tail) - start <= len(part) + 6:
            return passage[start : end + len(tail)]
        return part

    # -- terms -------------------------------------------------------------------------------------

    def stated_members(self, entry: GlossaryEntry) -> tuple[str, ...]:
        """The members of a mechanism as the text names them near the term, or () if it does not."""
        if len(entry.members) < 2:
            return ()
        window = " ".join(
            self.sentence_text(i) for i in (entry.sentence - 1, entry.sentence, entry.sentence + 1)
        )
        named: dict[str, str] = {}
        for name, english in COUNTRY_NAMES.items():
            if english in entry.members and english not in named and name in window:
                named[english] = name
        for _s, _e, group in country_groups(window):
            for ch in group:
                english = COUNTRY_ABBREVIATIONS.get(ch, "")
                if english in entry.members and english not in named:
                    named[english] = self.shown(country_display_name(english))
        if any(m not in named for m in entry.members):
            return ()
        return tuple(named[m] for m in entry.members)

    def term_items(self) -> list[StudyItem]:
        items: list[StudyItem] = []
        text = self.a.text
        for entry in self.glossary:
            if not entry.term or entry.term not in text:
                continue
            source = self.sentence_text(entry.sentence)
            base = self.sentence_start(entry.sentence)
            position = base + max(0, source.find(entry.term))
            group = f"term:{to_simplified(entry.term)}"
            key = ("glossary", entry.term)
            common = {
                "key": key,
                "group": group,
                "kind": "term",
                "sentence": entry.sentence,
                "source": source,
                "position": position,
                "terms": (entry.term,),
            }
            abbr = entry.abbreviation
            if abbr and abbr in text and abbr != entry.term and not _brand_name(abbr):
                others_abbr = [
                    g.abbreviation
                    for g in self.glossary
                    if g.abbreviation
                    and g.abbreviation in text
                    and g.abbreviation.isascii() == abbr.isascii()
                ]
                clause, blanks = self.term_clause(source, entry.term, abbr)
                gloss = entry.english if entry.english and entry.english in text else ""
                common["position"] = base + max(0, source.find(clause))
                common["extra"] = (entry.kind,)
                items.append(
                    StudyItem(
                        ask="abbreviation",
                        subject=entry.term,
                        context=clause,
                        blanks=blanks,
                        answer=abbr,
                        accepted=_unique([abbr, abbr.upper()]),
                        distractors=_unique(others_abbr, besides=[abbr]),
                        quality=2.8,
                        gloss=gloss,
                        **common,  # type: ignore[arg-type]
                    )
                )
                # Terms of the same kind only (organisations with organisations): a film among
                # companies is no option.
                same_kind = [g.term for g in self.glossary if g.kind == entry.kind]
                items.append(
                    StudyItem(
                        ask="full_name",
                        subject=abbr,
                        context=clause,
                        blanks=_all_spans(clause, entry.term),
                        answer=entry.term,
                        accepted=(entry.term,),
                        distractors=_unique(same_kind, besides=[entry.term]),
                        quality=2.7,
                        gloss=gloss,
                        **common,  # type: ignore[arg-type]
                    )
                )
            if entry.english and entry.english in text:
                others_en = [g.english for g in self.glossary if g.english and g.english in text]
                clause, _b = self.term_clause(source, entry.term, entry.english)
                common["position"] = base + max(0, source.find(clause))
                common["extra"] = (entry.kind,)
                items.append(
                    StudyItem(
                        ask="english",
                        subject=entry.term,
                        context=clause,
                        blanks=_all_spans(clause, entry.english),
                        answer=entry.english,
                        accepted=(entry.english,),
                        distractors=_unique(others_en, besides=[entry.english]),
                        quality=2.3,
                        gloss=abbr if abbr and abbr in text else "",
                        **{**common, "group": f"term_english:{to_simplified(entry.term)}"},  # type: ignore[arg-type]
                    )
                )
            members = self.stated_members(entry)
            common["position"] = base
            common.pop("extra", None)
            if members and entry.kind in ("mechanism", "organisation") and not country_groups(entry.term):
                shown = "、".join(members)
                items.append(
                    StudyItem(
                        ask="members",
                        subject=entry.term,
                        context=source,
                        blanks=(),
                        answer=shown,
                        accepted=(shown,),
                        distractors=self.member_distractors(entry, members),
                        quality=3.2,
                        extra=members,
                        **common,  # type: ignore[arg-type]
                    )
                )
        return items

    def term_clause(self, source: str, term: str, short: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The clause of the sentence that holds the short form (or the term), and the short form's places."""
        idx = source.find(short)
        if idx == -1:
            idx = source.find(term)
        if idx == -1:
            return source, _all_spans(source, short)
        cut = max(source.rfind(p, 0, idx) for p in "，；：。！？,;")
        # The clause begins where the term does when a break falls between the term and its short form.
        term_at = source.rfind(term, 0, idx + 1)
        start = min(cut + 1, term_at) if term_at >= 0 else cut + 1
        ends = [p for p in (source.find(c, idx + len(short)) for c in "，。；！？,;") if p != -1]
        end = min(ends) if ends else len(source)
        clause = source[start:end]
        return clause, _all_spans(clause, short)

    def member_distractors(self, entry: GlossaryEntry, members: Sequence[str]) -> tuple[str, ...]:
        """Other member lists of the same length: other mechanisms of the text, then one country swapped."""
        answer = frozenset(members)
        options: list[tuple[str, ...]] = []
        for g in self.glossary:
            other = self.stated_members(g) if g is not entry else ()
            if other and frozenset(other) != answer:
                options.append(other)
        countries = [c for c in self.countries_in_text if c not in members]
        countries += [
            self.shown(country_display_name(e))
            for e in dict.fromkeys(COUNTRY_ABBREVIATIONS.values())
            if self.shown(country_display_name(e)) not in members
        ]
        countries = list({COUNTRY_NAMES.get(c, c): c for c in reversed(countries)}.values())[::-1]
        taken = {COUNTRY_NAMES.get(m, m) for m in members}
        countries = [c for c in countries if COUNTRY_NAMES.get(c, c) not in taken]
        for drop in range(len(members) - 1, -1, -1):
            for add in countries[:6]:
                swapped = list(members)
                swapped[drop] = add
                options.append(tuple(swapped))
        shown = ["、".join(o) for o in options if len(o) == len(members) or o in options[:2]]
        return _unique(shown, besides=["、".join(members)])[:6]

    # -- people ------------------------------------------------------------------------------------

    def role_stated(self, p: Person) -> bool:
        """True when a sentence that names the person also gives the role (日本首相高市早苗)."""
        return any(p.name in s.text and p.role in s.text for s in self.a.sentences)

    def person_items(self) -> list[StudyItem]:
        items: list[StudyItem] = []
        roles = {
            p.name: p.role for p in self.people if p.role and p.name not in p.role and self.role_stated(p)
        }
        for p in self.people:
            first = p.sentences[0] if p.sentences else -1
            source = self.sentence_text(first) if first >= 0 else ""
            if not source:
                source = next((s.text for s in self.a.sentences if p.name in s.text), "")
                first = next((s.index for s in self.a.sentences if p.name in s.text), 0)
            position = self.sentence_start(first) + max(0, source.find(p.name))
            common = {
                "key": ("person", p.name),
                "group": f"person:{to_simplified(p.name)}",
                "kind": "person",
                "subject": p.name,
                "sentence": first,
                "source": source,
                "position": position,
                "terms": (p.name,),
            }
            if p.name in roles:
                role = roles[p.name]
                # Another person's role that is also true of this one (two presidents, 董事長 and
                # 公司董事長) is no distractor.
                others = [r for n, r in roles.items() if n != p.name and r not in role and role not in r]
                at = source.find(role)
                context = source if at != -1 else ""
                items.append(
                    StudyItem(
                        ask="role",
                        context=context,
                        blanks=_all_spans(context, role) if context else (),
                        answer=role,
                        accepted=(role,),
                        distractors=_unique(others, besides=[role]),
                        quality=2.4,
                        gloss=p.english if p.english and p.english in self.a.text else "",
                        **common,  # type: ignore[arg-type]
                    )
                )
            if p.english and p.english in self.a.text:
                words = p.english.split()
                # Japanese names are written family name first (Takaichi Sanae), others last (Donald Trump).
                family = words[0] if len(p.name) == 4 and len(words) == 2 else words[-1]
                others_en = [o.english for o in self.people if o.english and o.english in self.a.text]
                items.append(
                    StudyItem(
                        ask="person_english",
                        context=source,
                        blanks=_all_spans(source, p.english),
                        answer=p.english,
                        accepted=_unique([p.english, family]),
                        distractors=_unique(others_en, besides=[p.english]),
                        quality=2.2,
                        gloss=roles.get(p.name, ""),
                        **{**common, "group": f"person_english:{to_simplified(p.name)}"},  # type: ignore[arg-type]
                    )
                )
        return items

    # -- words -------------------------------------------------------------------------------------

    def word_items(self) -> list[StudyItem]:
        teachable = [v for v in self.a.vocabulary if _teachable(v)][:60]
        senses = word_meanings(self.a, teachable)
        items: list[StudyItem] = []
        for rank, v in enumerate(teachable):
            source = v.example
            position = self.sentence_start(v.example_sentence) + max(0, source.find(v.word))
            reading = " ".join(v.pinyin)
            common = {
                "key": ("word", v.simplified or v.word),
                "group": f"word:{v.simplified or v.word}",
                "kind": "word",
                "subject": v.word,
                "context": source,
                "blanks": _all_spans(source, v.word),
                "sentence": v.example_sentence,
                "source": source,
                "position": position,
                "reading": reading,
            }
            meaning = senses.get(v.word)
            if meaning is not None and self.is_caption_sentence(v.example_sentence):
                meaning = None  # "▲ …（圖／…攝）": a caption is no sentence to read a meaning in
            if meaning is not None:
                words = _gloss_words(meaning.text)
                # Meanings of words of the same kind (verbs with verbs) and a similar frequency, never
                # one that shares a content word with the answer (a synonym would be a second answer).
                others = sorted(
                    (
                        (abs(o.frequency - v.frequency), senses[o.word].text)
                        for o in teachable
                        if o.word != v.word
                        and o.word in senses
                        and senses[o.word].kind == meaning.kind
                        # jieba's tag too: a time word (日前) or an adjective among nouns is ruled out
                        # by grammar alone.
                        and senses[o.word].tag[:1] == meaning.tag[:1]
                        # A place's or person's name (Melbourne, Australia) among common meanings.
                        and senses[o.word].text[:1].isupper() == meaning.text[:1].isupper()
                        and senses[o.word].text.startswith("to ") == meaning.text.startswith("to ")
                        and not (words & _gloss_words(senses[o.word].text))
                    ),
                    key=lambda t: t[0],
                )
                items.append(
                    StudyItem(
                        ask="meaning",
                        answer=meaning.text,
                        accepted=(meaning.text,),
                        distractors=_unique([m for _d, m in others], besides=[meaning.text])[:8],
                        quality=2.0 - rank * 0.02,
                        **common,  # type: ignore[arg-type]
                    )
                )
            if reading:
                numbered = " ".join(to_numbers(s) for s in v.pinyin)
                items.append(
                    StudyItem(
                        ask="reading",
                        answer=reading,
                        accepted=_unique(
                            [reading, numbered, reading.replace(" ", ""), numbered.replace(" ", "")]
                        ),
                        distractors=(),
                        gloss=meaning.text if meaning is not None else "",
                        quality=1.9 - rank * 0.02,
                        **{**common, "group": f"reading:{v.simplified or v.word}"},  # type: ignore[arg-type]
                    )
                )
        return items


def _teachable(v: VocabItem) -> bool:
    """A word worth a question: Chinese, two characters or more, with a dictionary meaning, and not
    one of the everyday words (可以, 問題) a reader of this text already knows."""
    return (
        not v.is_name
        and len(v.word) >= 2
        and bool(v.pinyin)
        and (v.hsk is None or v.hsk >= 4)
        and v.frequency < 5.0
        and any(d.source in ("cc-cedict", "user") and d.meanings for d in v.definitions)
    )


# The item a fact note is made from when a fact has several: who acted (the date cards ask when),
# the short form's full name, the person's role.
_NOTE_ASKS = (
    "actor",
    "date",
    "reason",
    "purpose",
    "result",
    "full_name",
    "english",
    "role",
    "person_english",
)


def fact_note_items(items: Sequence[StudyItem]) -> list[StudyItem]:
    """One study item per fact (group): the one its Anki note and its review card ask; the others are
    the note's backs."""
    by_group: dict[str, list[StudyItem]] = defaultdict(list)
    for item in items:
        if item.is_fact:
            # A term's or a person's facts (short form, English name, role) make one note together.
            by_group[
                "|".join(item.key) if item.kind in ("term", "person") else item.fact or item.group
            ].append(item)
    chosen: list[StudyItem] = []
    for group in by_group.values():
        # An event's note asks who acted only when that is a person: a term beside its short form
        # would ask what the term's own note asks.
        usable = [i for i in group if i.ask in _NOTE_ASKS]
        if any(i.ask == "date" for i in usable):
            usable = [i for i in usable if i.ask != "actor" or i.extra[:1] == ("person",)]
        ranked = sorted(usable, key=lambda i: _NOTE_ASKS.index(i.ask))
        if ranked:
            chosen.append(ranked[0])
    return chosen
