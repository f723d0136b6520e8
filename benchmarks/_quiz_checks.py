"""Automatic checks on a generated quiz set, as a teacher reads it (issue 10's quality rules 2-6).

`document_of(analysis)` prepares what the text states (its words, its dates in every written form, its
people, terms and countries); `check_quiz(quiz, document)` returns a `SetReport` with one `Finding` per
defect: an answer the text does not state, an option repeated, options of mixed kinds, more than one
right option, a fact asked twice, a quotation that is not the document's wording. It also counts the
true/false items that are true and the word-meaning questions, whose shares the benchmark prints.

Only the public quiz model is read (type, prompt, answer, choices, items, pairs, tags, source), so the
checks hold for any generator that fills it.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dushu.core.facts import date_the_text
from dushu.core.facts.dates import DateMention, parse_date_answer
from dushu.core.facts.terms import COUNTRY_NAMES, country_groups, expand_country_group
from dushu.core.models import Analysis
from dushu.core.quiz.answers import normalise_answer
from dushu.core.quiz.model import Question, QuizSet

__all__ = [
    "CHECKS",
    "Document",
    "Finding",
    "SetReport",
    "check_quiz",
    "document_of",
    "kinds_differ",
    "option_kind",
]

# The defects counted, in the order the benchmark prints them.
CHECKS = (
    "not_in_text",  # a keyed answer (or a form the prompt relies on) the text does not state
    "repeated_option",  # two options that read the same after normalising
    "mixed_kind",  # a distractor of another kind than the key (a country among people …)
    "two_right",  # a distractor that is also right (the same date written otherwise, a synonym …)
    "duplicate_fact",  # a fact the set already asked, whatever the type
    "altered_quote",  # words in 「」 that are not the document's (beyond one blank / one swap)
    "giveaway",  # another question of the set shows this one's answer (not one of issue 10's counts)
)

_BLANK = re.compile(r"_{2,}|＿{2,}")
_ELLIPSIS = "…"
# A date an option shows without being a calendar date: 2027財年, 113年度, 1990年代.
_YEAR_KIND = re.compile(r"^\s*(\d{4})\s*(財年|财年|年度|年代)\s*$")
_LATIN_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z0-9.&'’\- ]*[）)]")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.&'’\- ]*[A-Za-z0-9]|[A-Za-z]")
# Punctuation a blank never crosses: a blanked date, name or abbreviation sits inside one clause.
_CLAUSE_STOP = "，,。；;：:！？!?、\n「」『』"
_MAX_BLANK = 40
# A true/false statement shorter than this inside 「」 is a name, not a quotation of the document.
_QUOTE_MIN = 4


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect of one question."""

    check: str  # one of CHECKS
    question: str  # the question's id
    detail: str


@dataclass(frozen=True, slots=True)
class SetReport:
    """The checks' verdict on one quiz set."""

    questions: int
    findings: tuple[Finding, ...]
    truefalse: int  # true/false items
    true_items: int  # of which keyed true
    vocabulary: int  # questions tagged "vocabulary"

    @property
    def flagged(self) -> int:
        """How many questions have at least one finding."""
        return len({f.question for f in self.findings})

    @property
    def mixed_meanings(self) -> int:
        """How many of the mixed-kind questions are word meanings (a verb's among nouns' …)."""
        return len({f.question for f in self.findings if f.check == "mixed_kind" and "meaning:" in f.detail})

    def count(self, check: str) -> int:
        """How many questions the check flagged (a question counts once per check)."""
        return len({f.question for f in self.findings if f.check == check})


@dataclass(frozen=True, slots=True)
class Document:
    """What a text states, prepared once for checking many quiz sets against it."""

    text: str
    compact: str  # the text without whitespace: quotes are compared in this form
    flat: str  # the text normalised (width, script, case, no spaces or punctuation)
    sentences: tuple[str, ...]  # compact
    sentence_starts: tuple[int, ...]  # where each compact sentence starts in `compact`
    mentions: tuple[DateMention, ...]
    mention_spans: tuple[tuple[int, int, str, str], ...]  # compact offsets, resolved date, period
    people: tuple[str, ...]  # names
    name_spans: tuple[tuple[int, int], ...]  # compact offsets of every person, term and country named
    person_english: dict[str, str] = field(default_factory=dict)  # English name -> name
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> names holding it
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # norm form -> (canonical, form kind)
    countries: frozenset[str] = frozenset()  # English names of the countries the text names
    meanings: dict[str, str] = field(default_factory=dict)  # norm word -> its first dictionary sense
    # The text normalised without one of its dates (see _without_each_date): an event put in order
    # without its date is still what the text states.
    dateless: tuple[str, ...] = ()


def _compact(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


_BEFORE_DATE = "在於于自從从到至"
_AFTER_DATE = "起時时間间後后前底初"


def _without_each_date(text: str, mentions: Sequence[DateMention]) -> tuple[str, ...]:
    """The text normalised with one date taken out at a time, alone or with the preposition before it
    and the time word after it (在2019年起 …), as an event is put in order without its date."""
    out: set[str] = set()
    for m in mentions:
        for take_before in (False, True):
            for take_after in (False, True):
                start, end = m.start, m.end
                if take_before and start > 0 and text[start - 1] in _BEFORE_DATE:
                    start -= 1
                if take_after and end < len(text) and text[end] in _AFTER_DATE:
                    end += 1
                out.add(normalise_answer(text[:start] + text[end:]))
        # One end of a range (1月至8月22日): a label may leave out only the other.
        for sep in ("至", "到", "~", "-", "—", "–"):
            cut = m.text.find(sep)
            if cut > 0:
                out.add(normalise_answer(text[: m.start + cut + 1] + text[m.end :]))
                out.add(normalise_answer(text[: m.start] + text[m.start + cut :]))
    return tuple(out)


def _name_spans(compact: str, analysis: Analysis) -> tuple[tuple[int, int], ...]:
    """Where the text names its people, its terms (and their short forms) and countries."""
    names = {p.name for p in analysis.people}
    for g in analysis.glossary:
        names.update(_compact(f) for f in (g.term, g.abbreviation, g.english) if f)
    names.update(name for name in COUNTRY_NAMES if name in compact)
    spans: list[tuple[int, int]] = []
    for name in names:
        for m in re.finditer(re.escape(name), compact):
            spans.append((m.start(), m.end()))
    return tuple(sorted(spans))


def document_of(analysis: Analysis, document_date: str = "") -> Document:
    """Prepare `analysis`'s text for the checks (`document_date` as given to `analyze`, if any)."""
    text = analysis.text
    _layout, mentions = date_the_text(text, document_date)
    # Offsets of the text without whitespace, so mentions can be found from a quote's position.
    to_compact: list[int] = []
    n = 0
    for ch in text:
        to_compact.append(n)
        if not ch.isspace():
            n += 1
    to_compact.append(n)
    spans = [(to_compact[m.start], to_compact[m.end], m.date, m.period) for m in mentions]
    forms: dict[str, tuple[str, str]] = {}
    for g in analysis.glossary:
        for form, kind in ((g.term, "term"), (g.abbreviation, "abbreviation"), (g.english, "english")):
            if form:
                forms.setdefault(normalise_answer(form), (f"term:{g.term}", kind))
    person_english: dict[str, str] = {}
    roles: dict[str, set[str]] = {}
    for p in analysis.people:
        forms.setdefault(normalise_answer(p.name), (f"person:{p.name}", "name"))
        if p.english:
            person_english[p.english] = p.name
            forms.setdefault(normalise_answer(p.english), (f"person:{p.name}", "english"))
        if p.role:
            roles.setdefault(p.role, set()).add(p.name)
    countries = {english for name, english in COUNTRY_NAMES.items() if name in text}
    for _start, _end, group in country_groups(text):
        countries.update(expand_country_group(group))
    meanings: dict[str, str] = {}
    for v in analysis.vocabulary:
        for d in v.definitions:
            if d.meanings:
                meanings.setdefault(normalise_answer(v.word), d.meanings[0])
                break
    dateless = _without_each_date(text, mentions)
    compact = _compact(text)
    starts: list[int] = []
    at = 0
    for sentence in analysis.sentences:
        found = compact.find(_compact(sentence.text), at)
        starts.append(max(found, 0))
        at = max(found, at)
    return Document(
        sentence_starts=tuple(starts),
        dateless=dateless,
        text=text,
        compact=_compact(text),
        flat=normalise_answer(text),
        sentences=tuple(_compact(s.text) for s in analysis.sentences),
        mentions=tuple(mentions),
        mention_spans=tuple(spans),
        people=tuple(p.name for p in analysis.people),
        name_spans=_name_spans(compact, analysis),
        person_english=person_english,
        roles={r: frozenset(names) for r, names in roles.items()},
        forms=forms,
        countries=frozenset(countries),
        meanings=meanings,
    )


# -- what an option is ------------------------------------------------------------------------------


def option_date(option: str) -> tuple[str, str] | None:
    """The date an option shows and its precision ("year", "month", "day", "fiscal", "decade")."""
    m = _YEAR_KIND.match(option)
    if m:
        return m.group(1), "decade" if m.group(2) == "年代" else "fiscal"
    date = parse_date_answer(option)
    if date is None:
        return None
    return date, {4: "year", 7: "month"}.get(len(date), "day")


def _country_list(option: str) -> frozenset[str] | None:
    """The countries of "美國、日本、印度" (or of one country name), None when it is not only countries."""
    parts = [p for p in re.split(r"[、，,/]|和|與|与", option) if p]
    if not parts:
        return None
    names: set[str] = set()
    for p in parts:
        english = COUNTRY_NAMES.get(p.strip())
        if english is None:
            return None
        names.add(english)
    return frozenset(names)


def _meaning_kind(meaning: str) -> str:
    """ "verb", "other" or "any" (senses of both): CC-CEDICT writes verbs as "to …", the one
    part-of-speech mark its English carries."""
    senses = [re.sub(r"^\([^)]*\)\s*", "", m.strip()).lower() for m in meaning.split(";") if m.strip()]
    verbs = sum(1 for m in senses if m.startswith("to "))
    if verbs and verbs < len(senses):
        return "any"
    return "verb" if verbs else "other"


def kinds_differ(a: str, b: str) -> bool:
    """True when options of kinds `a` and `b` do not belong in one question (a meaning with senses of
    both parts of speech goes with either)."""
    if a == b:
        return False
    return not (a.startswith("meaning:") and b.startswith("meaning:") and "meaning:any" in (a, b))


def option_kind(option: str, doc: Document, *, vocabulary: bool = False) -> str:
    """The kind of an option: date:<precision>, person, term, role, country, countries:<how many>,
    meaning:verb|other|any, latin or clause. Two options of one question should be of one kind."""
    dated = option_date(option)
    if dated:
        return f"date:{dated[1]}"
    if vocabulary:  # a meaning, even one that names another word ("variant of 記錄")
        return "meaning:" + _meaning_kind(option)
    key = normalise_answer(option)
    form = doc.forms.get(key)
    if form is not None:
        return "person" if form[0].startswith("person:") else "term"
    if option in doc.roles:
        return "role"
    countries = _country_list(option)
    if countries is not None:
        if len(countries) == 1 and "、" not in option:
            return "country"
        return f"countries:{len(countries)}"  # a shorter list than the key's gives itself away
    if option.isascii():
        return "latin"
    return "clause"


# -- is it stated -----------------------------------------------------------------------------------


def _date_stated(date: str, doc: Document) -> bool:
    return any(
        m.date.startswith(date) or (m.range_end and m.range_end.startswith(date)) for m in doc.mentions
    )


def stated(answer: str, doc: Document, *, without_dates: bool = False) -> bool:
    """True when the text states `answer`: its words, the same date in any written form, or the same
    countries (美國、日本 for 美日). `without_dates`: also its words with a date taken out."""
    dated = option_date(answer)
    if dated and _date_stated(dated[0], doc):
        return True
    key = normalise_answer(answer)
    if key and (key in doc.flat or (without_dates and any(key in d for d in doc.dateless))):
        return True
    countries = _country_list(answer)
    return bool(countries) and countries is not None and countries <= doc.countries


def _keyed(q: Question) -> list[str]:
    """The answers a question keys as right (texts only; true/false has none)."""
    if q.type == "choice" and isinstance(q.answer, int) and not isinstance(q.answer, bool):
        return [q.choices[q.answer]] if 0 <= q.answer < len(q.choices) else []
    if q.type in ("cloze", "short"):
        return list(q.accepted[:1])
    if q.type == "order":
        return list(q.items)
    if q.type == "match":
        return [side for pair in q.pairs for side in pair]
    return []


def _is_vocabulary(q: Question) -> bool:
    return "vocabulary" in q.tags


# -- quotes -----------------------------------------------------------------------------------------


def quotes_of(prompt: str) -> list[str]:
    """The top-level 「…」 spans of a prompt (quotes inside a quote stay part of it)."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(prompt):
        if ch == "「":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "」" and depth:
            depth -= 1
            if depth == 0:
                out.append(prompt[start:i])
    return out


def _strip_ellipsis(quote: str) -> str:
    return _compact(quote).strip(_ELLIPSIS).strip("。")


@dataclass(frozen=True, slots=True)
class _Blank:
    start: int  # compact offset of the blanked span in the document
    end: int
    text: str  # what the document has there


def _find_blank(quote: str, doc: Document, fillings: Sequence[str]) -> _Blank | None:
    """Where a quote with one blank stands in the document, and what the blank hides (None: nowhere)."""
    before, after = _BLANK.split(quote, maxsplit=1)
    text = doc.compact
    # A filling the question keys, tried first: it settles where a blank at either edge ends.
    for f in fillings:
        pos = text.find(before + _compact(f) + after)
        if pos != -1:
            start = pos + len(before)
            return _Blank(start, start + len(_compact(f)), _compact(f))
    stop = re.escape(_CLAUSE_STOP)
    if before and after:
        m = re.search(re.escape(before) + f"([^{stop}]{{1,{_MAX_BLANK}}}?)" + re.escape(after), text)
        return _Blank(m.start(1), m.end(1), m.group(1)) if m else None
    if after:
        pos = text.find(after)
        if pos <= 0:
            return None
        # A date or name that ends where the quote resumes is what the blank hides.
        ends = [a for a, b in _names_and_dates(doc, pos - 1) if b == pos]
        if ends:
            return _Blank(min(ends), pos, text[min(ends) : pos])
        start = pos
        while start > 0 and pos - start < _MAX_BLANK and text[start - 1] not in _CLAUSE_STOP:
            start -= 1
        return _Blank(start, pos, text[start:pos]) if start < pos else None
    if before:
        pos = text.find(before)
        if pos == -1:
            return None
        start = end = pos + len(before)
        starts = [b for a, b in _names_and_dates(doc, start) if a == start]
        if starts:
            return _Blank(start, max(starts), text[start : max(starts)])
        while end < len(text) and end - start < _MAX_BLANK and text[end] not in _CLAUSE_STOP:
            end += 1
        return _Blank(start, end, text[start:end]) if start < end else None
    return None


def _mention_date_at(doc: Document, start: int, end: int) -> str | None:
    """The resolved date of the mention overlapping compact offsets [start, end)."""
    for a, b, date, _period in doc.mention_spans:
        if a < end and start < b:
            return date
    return None


def _fills(answer: str, blank: _Blank, doc: Document) -> bool:
    """True when `answer` is what the document has in the blank (or the same date written otherwise)."""
    a = normalise_answer(answer)
    if a and a in normalise_answer(blank.text):
        return True
    dated = option_date(answer)
    if dated:
        # A year asked of a blank that holds 9月 of that year is right too.
        there = _mention_date_at(doc, blank.start, blank.end)
        return there is not None and there.startswith(dated[0])
    return False


@dataclass(frozen=True, slots=True)
class _Swap:
    start: int  # compact offsets in the document
    end: int
    old: str
    new: str


def _best_sentence(statement: str, source: str, doc: Document) -> str | None:
    compact_source = _compact(source)
    # The question's own source sentence when the document has it, else every sentence.
    known = bool(compact_source) and compact_source in doc.compact
    candidates = [compact_source] if known else list(doc.sentences)
    best: tuple[float, str] | None = None
    for s in candidates:
        m = difflib.SequenceMatcher(None, s, statement, autojunk=False)
        if m.real_quick_ratio() == 0:
            continue
        matched = sum(b.size for b in m.get_matching_blocks())
        score = matched / max(1, len(statement))
        if best is None or score > best[0]:
            best = (score, s)
    # The question's own sentence stands however much a statement rewrote it; another must be close.
    return best[1] if best and (known or best[0] >= 0.5) else None


def _names_and_dates(doc: Document, at: int, *, names: bool = True) -> list[tuple[int, int]]:
    """The date mentions and (unless `names` is false) the names of people, terms and countries
    covering compact offset `at`."""
    found = [(s, e) for s, e, _date, _period in doc.mention_spans if s <= at < e]
    if names:
        found += [(s, e) for s, e in doc.name_spans if s <= at < e]
    return found


def _widen(doc: Document, a: int, b: int) -> tuple[int, int]:
    """A changed region of the document widened to the whole date mentions or names it cuts into (an
    empty region, where the statement inserts words: the one that ends there, else the one that starts
    there)."""
    covering: list[tuple[int, int]] = []
    if a == b:
        # Words put in beside a date are the date written otherwise, more often than a longer name.
        covering = (
            _names_and_dates(doc, a - 1, names=False)
            or _names_and_dates(doc, a, names=False)
            or _names_and_dates(doc, a - 1)
            or _names_and_dates(doc, a)
        )
    if a < b:
        for at in range(a, b):
            covering += _names_and_dates(doc, at)
    for s, e in covering:
        a, b = min(a, s), max(b, e)
    return a, b


def _plausible_anchor(part: str) -> bool:
    # One matching character is chance (a digit of another date, a common word), unless it is a
    # bullet or punctuation that opens or closes the line.
    return len(part) >= 2 or (len(part) == 1 and not part.isalnum())


def _one_swap(sentence: str, s: str) -> tuple[int, int, int, int] | None:
    """The statement as the sentence with one region replaced: (i1, i2) in the sentence and (j1, j2)
    in the statement, the rest equal; the longest equal parts win."""
    n = len(s)
    best: tuple[int, int, tuple[int, int, int, int]] | None = None

    def consider(i1: int, i2: int, j1: int, j2: int) -> None:
        nonlocal best
        covered = j1 + (n - j2)
        # A rewritten date or a swapped name is short: a long old region is a misalignment.
        if i2 - i1 > max(j2 - j1, 4) + 8:
            return
        score = (covered, -(i2 - i1))
        if best is None or score > best[:2]:
            best = (*score, (i1, i2, j1, j2))

    # Anchor on the longest tail of the statement the sentence has, then the longest head before it.
    for b_len in range(n, -1, -1):
        tail = s[n - b_len :]
        if b_len and tail not in sentence:
            continue
        starts = [m.start() for m in re.finditer(re.escape(tail), sentence)] if b_len else [len(sentence)]
        for pos in starts[:5]:
            for p in range(pos, max(-1, pos - n - 13), -1):
                a_len = 0
                for length in range(min(n - b_len, p), 0, -1):
                    if sentence[p - length : p] == s[:length]:
                        a_len = length
                        break
                if not _plausible_anchor(s[:a_len]):
                    a_len = 0
                    if p != pos:
                        continue
                consider(p, pos, a_len, n - b_len)
        if b_len >= 2 or best is not None:
            break
    # And the other way round: the longest head, then the longest tail after it.
    for a_len in range(n, 1, -1):
        head = s[:a_len]
        if head not in sentence:
            continue
        for m in list(re.finditer(re.escape(head), sentence))[:5]:
            e = m.end()
            for q in range(e, min(len(sentence), e + n + 12) + 1):
                for length in range(n - a_len, 1, -1):
                    if sentence.startswith(s[n - length :], q):
                        consider(e, q, a_len, n - length)
                        break
            consider(e, e, a_len, n)
        break
    return best[2] if best else None


def align_statement(statement: str, source: str, doc: Document) -> tuple[int, list[_Swap]] | None:
    """How a statement differs from the sentence it restates: its offset in the document and its
    changed spans, each widened to whole dates and names (none when it is the document's wording).
    None when no sentence is close to it."""
    s = _strip_ellipsis(statement)
    pos = doc.compact.find(s)
    if pos != -1:
        return pos, []
    sentence = _best_sentence(s, source, doc)
    if sentence is None:
        return None
    base = doc.compact.find(sentence)
    # An English gloss in brackets left out beside a name (拜登（Joe Biden）) changes nothing a
    # reader checks: align with the sentence without the glosses the statement leaves out.
    where = list(range(len(sentence) + 1))  # offset in the sentence of each offset of `sentence`
    dropped = [m for m in _LATIN_GLOSS.finditer(sentence) if m.group() not in s]
    if dropped:
        kept = [i for i in range(len(sentence)) if not any(m.start() <= i < m.end() for m in dropped)]
        bare = "".join(sentence[i] for i in kept)
        if s in bare:
            return base + kept[bare.find(s)], []
        where = [*kept, len(sentence)]
        sentence = bare
    found = _one_swap(sentence, s)
    # A statement that quotes the start of a sentence ends at a clause break of it: align with that
    # part, so a date changed at its end is not read as the next clause dropped.
    for m in re.finditer(r"[，,；;]", sentence):
        if m.start() >= len(s) - 8 and m.start() <= len(s) + 8:
            head = _one_swap(sentence[: m.start()], s)
            if (
                head is not None
                and head[3] - head[2] <= 12
                and (found is None or (head[1] - head[0]) < (found[1] - found[0]))
            ):
                found = head
    if found is None:
        return None
    i1, i2, j1, j2 = found
    old, new = sentence[i1:i2], s[j1:j2]
    # Inside the replaced region, equal runs of two or more characters separate distinct changes
    # (a date written out and a name swapped in one statement are two).
    pieces: list[tuple[int, int, int, int]] = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal" and a2 - a1 >= 2:
            continue
        if pieces and (tag == "equal" or a1 - pieces[-1][1] < 2):
            p1, _p2, q1, _q2 = pieces.pop()
            pieces.append((p1, a2, q1, b2))
        elif tag != "equal":
            pieces.append((a1, a2, b1, b2))
    # Each change as (document start, end, statement start, end).
    spans: list[tuple[int, int, int, int]] = []
    for a1, a2, b1, b2 in pieces or [(0, len(old), 0, len(new))]:
        start, end = base + where[i1 + a1], base + where[i1 + a2]
        w1, w2 = _widen(doc, start, end)
        n1, n2 = j1 + b1, j1 + b2
        # The widened part is equal text on both sides: give the statement's side the same words.
        left, right = doc.compact[w1:start], doc.compact[end:w2]
        if s[:n1].endswith(left):
            n1 -= len(left)
        if s[n2:].startswith(right):
            n2 += len(right)
        # Words the statement keeps around the changed date (於, 在) are no part of the change.
        while n1 < n2 and w1 > 0 and s[n1] == doc.compact[w1 - 1] and s[n1] != doc.compact[w1]:
            n1 += 1
        if spans and w1 < spans[-1][1]:
            # Two pieces of one date or name (2006/12/26 → 2007年2月26日) are one change.
            p1, p2, q1, q2 = spans.pop()
            w1, w2, n1, n2 = p1, max(p2, w2), min(q1, n1), max(q2, n2)
        spans.append((w1, w2, n1, n2))
    swaps = [_Swap(w1, w2, doc.compact[w1:w2], s[n1:n2]) for w1, w2, n1, n2 in spans]
    return base + where[max(0, i1 - j1)], swaps


def _same_thing(old: str, new: str, doc: Document, at: int) -> bool:
    """True when a swapped span says the same as the document's (another form of the date or name)."""
    if normalise_answer(old) == normalise_answer(new):
        return True
    dated = option_date(new)
    if dated:
        for s, e, date, period in doc.mention_spans:
            if s < at + max(1, len(old)) and at < e:
                # 下半年 written as 2025年 loses what the text says: the half of the year.
                return date == dated[0] and not period
        return False
    a, b = doc.forms.get(normalise_answer(old)), doc.forms.get(normalise_answer(new))
    if a and b and a[0] == b[0]:
        return True
    ca, cb = _country_list(old), _country_list(new)
    return ca is not None and ca == cb


# -- facts asked ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fact:
    kind: str  # "span": a place in the document; "range": a whole statement; "rel": subject + relation;
    # "ans": source sentence + answer; "word": a word and what is asked of it; "order": an event label
    key: tuple[str, ...]
    start: int = -1
    end: int = -1
    clue: bool = True  # whether another question showing this place of the text shows the answer


def _span_fact(doc: Document, kind: str, start: int, end: int) -> _Fact:
    """A place in the document, told by its sentence's words: the same place in a sentence the text
    repeats is the same fact."""
    i = max(0, bisect.bisect_right(doc.sentence_starts, start) - 1)
    if i < len(doc.sentences):
        base = doc.sentence_starts[i]
        return _Fact(kind, (doc.sentences[i],), start - base, end - base)
    return _Fact(kind, ("",), start, end)


def _span_kind(text: str, doc: Document, start: int, end: int) -> str:
    """The kind of a span of the document: a date when a date mention covers it (同年 too)."""
    if _mention_date_at(doc, start, end) is not None:
        return "date"
    return option_kind(text, doc).split(":")[0]


def _same_fact(a: _Fact, b: _Fact) -> bool:
    if a.kind.startswith("span") and b.kind == "range":
        a, b = b, a
    # A statement true as written asks about its date or its actor: the facts a blank there asks.
    if a.kind == "range" and b.kind.startswith("span"):
        return a.key == b.key and a.start <= b.start < a.end and b.kind in ("span:date", "span:person")
    if a.kind.startswith("span") and b.kind.startswith("span"):
        return a.key == b.key and a.start < b.end and b.start < a.end
    if a.kind != b.kind:
        return False
    if a.kind == "ans" and a.key[0] == b.key[0] and a.key[1] == b.key[1] == "date":
        return a.key[2].startswith(b.key[2]) or b.key[2].startswith(a.key[2])
    return a.key == b.key


def _concept(answer: str) -> tuple[str, str]:
    dated = option_date(answer)
    return ("date", dated[0]) if dated else ("text", normalise_answer(answer))


def _entities(text: str, doc: Document) -> list[tuple[str, str]]:
    """The people and terms `text` names, as (canonical, form kind)."""
    found: list[tuple[str, str]] = []
    flat = normalise_answer(text)
    for form, (canon, kind) in doc.forms.items():
        if len(form) >= 2 and form in flat:
            found.append((canon, kind))
    return found


def _relations(subject_text: str, value: str, doc: Document) -> list[_Fact]:
    """A relation a question asks (台積電 → its abbreviation, 拜登 → his role): a subject the prompt
    names and the kind of value it keys."""
    out: list[_Fact] = []
    subjects = _entities(subject_text, doc)
    form = doc.forms.get(normalise_answer(value))
    if form is not None:
        canon, kind = form
        for s_canon, s_kind in subjects:
            if s_canon == canon and s_kind != kind:
                relation = kind if kind not in ("term", "name") else s_kind
                out.append(_Fact("rel", (canon, relation)))
    if value in doc.roles:
        for s_canon, s_kind in subjects:
            if s_kind == "name":
                out.append(_Fact("rel", (s_canon, "role")))
    if _country_list(value) is not None and "、" in value:
        for s_canon, _s_kind in subjects:
            if s_canon.startswith("term:"):
                out.append(_Fact("rel", (s_canon, "members")))
    return out


# -- the checks -------------------------------------------------------------------------------------


def _check_question(q: Question, doc: Document, add: Callable[[str, str], None]) -> list[_Fact]:
    """Run the per-question checks (calling `add(check, detail)`) and return the facts it asks."""
    facts: list[_Fact] = []
    vocab = _is_vocabulary(q)
    keyed = _keyed(q)
    source = _compact(q.source)
    if vocab:
        word = next(iter(quotes_of(q.prompt)), "")
        if word and normalise_answer(word) not in doc.flat:
            add("not_in_text", f"the word {word} is not in the text")
        facts.append(_Fact("word", (normalise_answer(word), "reading" if "reading" in q.tags else "meaning")))
    else:
        for a in keyed:
            if not stated(a, doc, without_dates=q.type == "order"):
                add("not_in_text", f"answer {a!r} is not stated in the text")
        if q.type != "truefalse" or q.answer is True:
            for latin in _LATIN_RUN.findall(q.prompt):
                if len(latin) >= 2 and normalise_answer(latin) not in doc.flat:
                    add("not_in_text", f"the prompt's {latin!r} is not in the text")

    # Options: repeated, of mixed kinds, more than one right.
    if q.type == "choice" and keyed:
        key = keyed[0]
        norms = [normalise_answer(c) for c in q.choices]
        if len(set(norms)) < len(norms):
            add("repeated_option", "options " + " / ".join(q.choices))
        key_kind = option_kind(key, doc, vocabulary=vocab)
        for c, norm in zip(q.choices, norms, strict=True):
            if c == key:
                continue
            kind = option_kind(c, doc, vocabulary=vocab)
            if kinds_differ(kind, key_kind):
                add("mixed_kind", f"key {key!r} is {key_kind}, {c!r} is {kind}")
            if norm != normalise_answer(key) and _equivalent(key, c, q, doc, vocab):
                add("two_right", f"{c!r} is also right (key {key!r})")

    # Quotations of the document. A true/false item's statement is its longest quote that is not
    # just a name («「台積電」的簡稱是 TSMC» quotes a name, not the text).
    quotes = quotes_of(q.prompt)
    statements = [
        quote
        for quote in quotes
        if len(_strip_ellipsis(quote)) >= _QUOTE_MIN and normalise_answer(quote) not in doc.forms
    ]
    if q.type == "truefalse" and "\n" in q.prompt:
        # A statement written on its own line, not as a quotation (it changes a detail on purpose).
        line = q.prompt.split("\n", 1)[1].strip()
        claim = re.search(r"^文中|的簡稱是|的简称是|的英文名稱是|的英文名称是", line)
        if len(line) >= _QUOTE_MIN and not line.startswith("「") and not claim:
            statements = [line]  # names in 「」 inside it are part of the statement
            quotes = [line]
    statement = max(statements, key=len) if q.type == "truefalse" and statements else None
    for quote in quotes:
        if quote is statement:
            continue
        facts += _check_quote(q, quote, keyed, doc, add)
    if statement is not None:
        facts += _check_statement(q, statement, doc, add)
    elif q.type == "truefalse":
        subjects = [e for e in _entities(q.prompt, doc) if e[1] in ("term", "name")]
        values = [e for e in _entities(q.prompt, doc) if e[1] not in ("term", "name")]
        for canon, _kind in subjects:
            for _v, kind in values:
                facts.append(_Fact("rel", (canon, kind)))
        for role in doc.roles:
            if role in q.prompt:
                facts += [_Fact("rel", (c, "role")) for c, k in subjects if k == "name"]

    # What it asks about, for the duplicate check.
    if not vocab:
        if q.type in ("choice", "cloze", "short") and keyed:
            facts += _relations(q.prompt, keyed[0], doc)
            # Without a place in the text (a quote not found), the sentence and the answer tell the fact.
            if source and not any(f.kind.startswith(("span", "range")) for f in facts):
                facts.append(_Fact("ans", (source, *_concept(keyed[0]))))
        if q.type == "match":
            for left, right in q.pairs:
                facts += _relations(left, right, doc) + _relations(right, left, doc)
        if q.type == "order":
            facts += [_Fact("order", (normalise_answer(item),)) for item in q.items]
    return facts


def _equivalent(key: str, other: str, q: Question, doc: Document, vocab: bool) -> bool:
    """True when a distractor is right too: the same date, term, person or country under another form,
    a meaning sharing a sense with the key's, a role the text also gives the person asked about."""
    kd, od = option_date(key), option_date(other)
    if kd and od:
        return kd[0].startswith(od[0]) or od[0].startswith(kd[0])
    a, b = doc.forms.get(normalise_answer(key)), doc.forms.get(normalise_answer(other))
    if a and b and a[0] == b[0]:
        return True
    ca, cb = _country_list(key), _country_list(other)
    if ca is not None and ca == cb:
        return True
    if vocab:
        senses = {_sense(s) for s in key.split(";")} - {""}
        return bool(senses & {_sense(s) for s in other.split(";")})
    if key in doc.roles and other in doc.roles:
        # The text gives the person asked about that role too: it stands right before the name.
        for name in [p for p in doc.people if p in q.prompt]:
            if other + name in doc.compact:
                return True
    return False


def _sense(text: str) -> str:
    return re.sub(r"\([^)]*\)", "", text).strip().lower()


def _check_quote(
    q: Question, quote: str, keyed: Sequence[str], doc: Document, add: Callable[[str, str], None]
) -> list[_Fact]:
    """A quotation with at most one blank must be the document's wording; the key must fill the blank."""
    body = _strip_ellipsis(quote)
    if not body:
        return []
    blanks = len(_BLANK.findall(body))
    if blanks > 1:
        add("altered_quote", f"{blanks} blanks in 「{quote}」")
        return []
    if blanks == 0:
        if body not in doc.compact:
            add("altered_quote", _diff_detail(body, q.source, doc, quote))
        return []
    fillings = list(q.accepted) if q.type in ("cloze", "short") else list(keyed)
    blank = _find_blank(body, doc, [f for f in fillings if f])
    if blank is None:
        shown = _BLANK.sub(_compact(fillings[0]) if fillings else "", body, count=1)
        add("altered_quote", _diff_detail(shown, q.source, doc, quote))
        return []
    if keyed and q.type in ("choice", "cloze", "short") and not _fills(keyed[0], blank, doc):
        add("not_in_text", f"the blank holds {blank.text!r}, the key is {keyed[0]!r}")
    if q.type == "choice" and keyed:
        # A distractor that fits the blank as well as the key does (the text says it there too).
        for c in q.choices:
            if c != keyed[0] and _compact(_BLANK.sub(_compact(c), body, count=1)) in doc.compact:
                add("two_right", f"{c!r} fills the blank as the document has it")
    fact = _span_fact(
        doc, "span:" + _span_kind(blank.text, doc, blank.start, blank.end), blank.start, blank.end
    )
    # A year asked of a blank that holds 8月22日: the words there do not show the answer.
    dated = option_date(keyed[0]) if keyed else None
    if dated and dated[1] == "year" and "年" not in blank.text:
        fact = dataclasses.replace(fact, clue=False)
    return [fact]


def _diff_detail(body: str, source: str, doc: Document, quote: str) -> str:
    aligned = align_statement(body, source, doc)
    if aligned is None:
        return f"「{quote}」 is not in the text"
    changes = "; ".join(f"{s.old}→{s.new}" for s in aligned[1]) or "wording"
    return f"「{quote}」 differs from the text: {changes}"


def _check_statement(
    q: Question, statement: str, doc: Document, add: Callable[[str, str], None]
) -> list[_Fact]:
    """A true/false statement: true ones as the text has them (a date may be written out), false ones
    with exactly one detail swapped for another of the same kind."""
    aligned = align_statement(statement, q.source, doc)
    truth = q.answer is True
    if aligned is None:
        add("altered_quote", f"statement 「{statement}」 matches no sentence of the text")
        return []
    start, swaps = aligned
    real = [s for s in swaps if not _same_thing(s.old, s.new, doc, s.start)]
    facts: list[_Fact] = []
    if not real:
        if not truth:
            detail = "; ".join(f"{s.old}→{s.new}" for s in swaps) or "the text's own words"
            add("two_right", f"keyed false but it says what the text says ({detail})")
        if swaps:
            facts += [
                _span_fact(doc, "span:" + _span_kind(s.old, doc, s.start, s.end), s.start, s.end)
                for s in swaps
            ]
        else:
            facts.append(_span_fact(doc, "range", start, start + len(_strip_ellipsis(statement))))
        return facts
    changes = "; ".join(f"{s.old}→{s.new}" for s in real)
    if truth:
        add("altered_quote", f"keyed true but changed: {changes}")
    elif len(real) > 1:
        add("altered_quote", f"{len(real)} details changed: {changes}")
    else:
        swap = real[0]
        # A name swapped with its English gloss (雷蒙多（Gina Raimondo） -> 拜登) is a name for a name.
        bare = _LATIN_GLOSS.sub("", swap.old)
        old_kind = (
            option_kind(bare, doc) if bare != swap.old else _span_kind(swap.old, doc, swap.start, swap.end)
        )
        new_kind = option_kind(swap.new, doc)
        if old_kind.split(":")[0] != new_kind.split(":")[0]:
            add("mixed_kind", f"swapped {swap.old!r} ({old_kind}) for {swap.new!r} ({new_kind})")
    for s in real:
        facts.append(_span_fact(doc, "span:" + _span_kind(s.old, doc, s.start, s.end), s.start, s.end))
    return facts


def _clues(facts: Sequence[_Fact], doc: Document) -> list[Callable[[str], bool]]:
    """Tests of another question's text that are true when it shows what these facts ask: the asked
    place of the document with its neighbours, or a name beside the form or role asked of it."""
    clues: list[Callable[[str], bool]] = []
    for f in facts:
        if f.kind.startswith("span") and f.key[0] and f.clue:
            sentence, a, b = f.key[0], f.start, f.end
            # The answer with the words before it, or with the words after it, as the text has them.
            windows = {sentence[max(0, a - 3) : b], sentence[a : b + 3]} - {sentence[a:b]}
            clues.append(functools.partial(_has_any, frozenset(windows)))
        elif f.kind == "rel":
            canon, relation = f.key
            name = canon.split(":", 1)[1]
            values = [form for form, (c, kind) in doc.forms.items() if c == canon and kind == relation]
            if relation == "role":
                values = [normalise_answer(r) for r, names in doc.roles.items() if name in names]
            pairs = [(normalise_answer(name), v) for v in values if v]
            clues.append(functools.partial(_side_by_side, tuple(pairs)))
    return clues


def _has_any(windows: frozenset[str], text: str) -> bool:
    return any(w in text for w in windows)


def _side_by_side(pairs: Sequence[tuple[str, str]], shown: str) -> bool:
    """True when `shown` has the two names of a pair within two characters of each other."""
    text = normalise_answer(shown)
    for x, y in pairs:
        for m in re.finditer(re.escape(x), text):
            near = text[max(0, m.start() - len(y) - 2) : m.end() + len(y) + 2]
            if y in near:
                return True
    return False


def check_quiz(quiz: QuizSet, doc: Document) -> SetReport:
    """Check every question of `quiz` against the document it was generated from."""
    findings: list[Finding] = []
    asked: list[tuple[str, list[_Fact]]] = []
    for q in quiz.questions:

        def add(check: str, detail: str, qid: str = q.id) -> None:
            findings.append(Finding(check, qid, detail))

        facts = _check_question(q, doc, add)
        for earlier, earlier_facts in asked:
            shared = [f for f in facts for g in earlier_facts if _same_fact(f, g)]
            # Two order questions share events by chance; asking two of the same pair is a repeat.
            both_orders = q.type == "order" and all(f.kind == "order" for f in earlier_facts)
            if both_orders and len(shared) < 2:
                continue
            if shared:
                add("duplicate_fact", f"asks what {earlier} asked ({shared[0].kind} {shared[0].key[:2]})")
                break
        asked.append((q.id, facts))
    for qid, facts in asked:
        clues = _clues(facts, doc)
        for other in quiz.questions:
            if other.id == qid or not clues:
                continue
            shown = _compact(" ".join((other.prompt, *other.items, *other.choices)))
            clue = next((c for c in clues if c(shown)), None)
            if clue is not None:
                findings.append(Finding("giveaway", qid, f"{other.id} shows the answer"))
                break
    truefalse = [q for q in quiz.questions if q.type == "truefalse"]
    return SetReport(
        questions=len(quiz.questions),
        findings=tuple(findings),
        truefalse=len(truefalse),
        true_items=sum(1 for q in truefalse if q.answer is True),
        vocabulary=sum(1 for q in quiz.questions if _is_vocabulary(q)),
    )
