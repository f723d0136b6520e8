"""What goes on each Anki note: vocabulary, fact and cloze notes built from an Analysis, with identities.

Identity (the note GUID) comes from what a note is about, never from its wording, so a deck exported
again after an edit updates the notes already in Anki instead of adding new ones:

- vocabulary: the Simplified form and the reading in tone numbers (行 xíng and 行 háng are two notes;
  the same word from two texts is one note);
- event: its date and its entities; cause: its marker and entities (its answer when it has none);
  glossary term: the term; person: the name;
- cloze: what it blanks (ISO dates and terms).

A vocabulary note's Meaning puts the sense its example sentence uses first and writes every
meaning for a learner (`anki_fields.meaning_blocks`); a word whose meanings would all give the
answer away gets an empty Meaning, hence no Recall card, and a Sentence card without a hint.

Facts that share an identity within one text are told apart by their order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from genanki import guid_for

from dushu.core.facts.causes import cue_words
from dushu.core.models import Analysis, Fact, GlossaryEntry, Person, Sentence, Token, VocabItem, is_han
from dushu.core.readings import has_syllable
from dushu.core.senses import Sense, word_sense
from dushu.export.anki_fields import (
    Marked,
    Span,
    blocks_html,
    escape_html,
    find_all,
    hsk_label,
    hsk_tag,
    meaning_blocks,
    pinyin_html,
    pinyin_plain,
    plain_line,
    reading_key,
    syllable_html,
    tag_part,
    zhuyin_html,
)

# Each NoteSpec's fields follow the field order of its note type in anki_models:
# vocab: Word, Traditional, Simplified, Pinyin, Zhuyin, Meaning, Example, Example Pinyin, HSK, Source, Audio
# fact:  Question, Answer, Reading, Date, Source sentence, Source title
# cloze: Text, Extra, Reading, Source

MAX_CLOZES = 5  # blanks per sentence; more make a card that is all holes
MAX_READINGS = 4  # key terms whose pinyin a fact note lists


@dataclass(frozen=True, slots=True)
class NoteSpec:
    """One note before it becomes a genanki note: model ("vocab", "fact", "cloze"), fields as HTML."""

    model: str
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str  # "Vocabulary" or "Facts": the sub-deck under the deck name
    # Plain-text versions for flat (CSV/TSV) exports: front, back, reading.
    plain: tuple[str, str, str] = ("", "", "")


@dataclass(frozen=True, slots=True)
class VocabSelection:
    """The vocabulary items to export and how many were left out, and why."""

    items: tuple[VocabItem, ...]
    skipped_known: int = 0
    skipped_below_hsk: int = 0
    skipped_duplicate: int = 0


def vocab_guid(item: VocabItem) -> str:
    """The GUID of a word's note: its Simplified form and its reading."""
    return str(guid_for("dushu-vocab", item.simplified or item.word, reading_key(item.pinyin)))


def select_vocabulary(
    analysis: Analysis, *, min_hsk: int | None = None, known_words: Iterable[str] = frozenset()
) -> VocabSelection:
    """The words worth a card: not known, at or above `min_hsk` (unlisted words count as above).

    Items that would share a note (the same word and reading in both scripts) are kept once.
    """
    known = frozenset(w.strip() for w in known_words if w.strip())
    items: list[VocabItem] = []
    seen: set[str] = set()
    skipped_known = skipped_hsk = skipped_dup = 0
    for item in analysis.vocabulary:
        if known & {item.word, item.traditional, item.simplified}:
            skipped_known += 1
            continue
        if min_hsk is not None and item.hsk is not None and item.hsk < min_hsk:
            skipped_hsk += 1
            continue
        guid = vocab_guid(item)
        if guid in seen:
            skipped_dup += 1
            continue
        seen.add(guid)
        items.append(item)
    return VocabSelection(tuple(items), skipped_known, skipped_hsk, skipped_dup)


@dataclass
class NoteContext:
    """Look-ups over one analysis, built once so that large texts stay fast."""

    analysis: Analysis
    source_title: str
    tokens_by_sentence: dict[int, list[Token]] = field(default_factory=dict)
    vocab_reading: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    sentence_pinyin: dict[int, str] = field(default_factory=dict)  # filled as sentences are read

    @classmethod
    def build(cls, analysis: Analysis, source_title: str) -> NoteContext:
        """Index the analysis: tokens per sentence, readings per word, people and terms by name."""
        ctx = cls(analysis, source_title)
        for token in analysis.tokens:
            ctx.tokens_by_sentence.setdefault(token.sentence, []).append(token)
        for item in analysis.vocabulary:
            for form in (item.word, item.traditional, item.simplified):
                if form and item.pinyin:
                    ctx.vocab_reading.setdefault(form, item.pinyin)
        ctx.people = {p.name: p for p in analysis.people if p.name}
        ctx.glossary = {g.term: g for g in analysis.glossary if g.term}
        return ctx

    def sentence(self, index: int) -> Sentence | None:
        """Sentence `index`, or None when the analysis has no such sentence."""
        sentences = self.analysis.sentences
        if index < 0:
            return None
        if index < len(sentences) and sentences[index].index == index:
            return sentences[index]
        return next((s for s in sentences if s.index == index), None)

    def term_reading(self, term: str, sentence: Sentence | None) -> tuple[str, ...]:
        """The pinyin of `term` as read in `sentence` (falling back to the vocabulary's reading)."""
        han = sum(1 for ch in term if is_han(ch))
        if han == 0:
            return ()
        if sentence is not None:
            for start in find_all(sentence.text, term):
                syllables = self._syllables_in(
                    sentence, sentence.start + start, sentence.start + start + len(term)
                )
                if len(syllables) == han:
                    return syllables
        return self.vocab_reading.get(term, ())

    def _syllables_in(self, sentence: Sentence, start: int, end: int) -> tuple[str, ...]:
        out: list[str] = []
        for token in self.tokens_by_sentence.get(sentence.index, ()):
            if token.end <= start or token.start >= end or not token.pinyin:
                continue
            han_index = 0
            for offset, ch in enumerate(token.text):
                if not is_han(ch):
                    continue
                if start <= token.start + offset < end and han_index < len(token.pinyin):
                    out.append(token.pinyin[han_index])
                han_index += 1
        return tuple(out)


# --- vocabulary ---------------------------------------------------------------------------------


def vocab_note(item: VocabItem, ctx: NoteContext) -> NoteSpec:
    """The note for one word: reading, meaning, and the sentence from the text with the word marked."""
    example, example_pinyin = _example(item, ctx)
    blocks = meaning_blocks(item, script=ctx.analysis.script, sense=_sense(item, ctx))
    source_tag = f"dushu::source::{tag_part(ctx.source_title)}"
    tags = ["dushu", "dushu::vocab", hsk_tag(item.hsk), source_tag]
    if item.is_name:
        tags.append("dushu::name")
    fields = (
        escape_html(plain_line(item.word)),
        escape_html(plain_line(item.traditional or item.word)),
        escape_html(plain_line(item.simplified or item.word)),
        pinyin_html(item.pinyin),
        zhuyin_html(item.pinyin),
        blocks_html(blocks),
        example,
        example_pinyin,
        escape_html(hsk_label(item.hsk)),
        escape_html(plain_line(ctx.source_title)),
        "",  # Audio: left for the learner's text-to-speech add-on; Dushu ships no voices
    )
    plain = (
        plain_line(item.word),
        "; ".join(m for block in blocks for m in block.meanings),
        pinyin_plain(item.pinyin),
    )
    return NoteSpec("vocab", vocab_guid(item), fields, tuple(tags), "Vocabulary", plain)


def _sense(item: VocabItem, ctx: NoteContext) -> Sense | None:
    """The sense the word has in its example sentence, when the sentence tells (`sense_in_context`)."""
    tokens = ctx.tokens_by_sentence.get(item.example_sentence, [])
    return word_sense(ctx.analysis, item, tokens) if tokens else None


def _example(item: VocabItem, ctx: NoteContext) -> tuple[str, str]:
    """The example sentence with every occurrence of the word marked, and its pinyin.

    Empty when the word cannot be found in the sentence: a Sentence card needs something to blank.
    """
    if not item.example.strip():
        return "", ""
    sentence = ctx.sentence(item.example_sentence)
    tokens = ctx.tokens_by_sentence.get(sentence.index, []) if sentence else []
    forms = {f for f in (item.word, item.traditional, item.simplified) if f}
    spans: list[Span] = []
    if sentence is not None and sentence.text == item.example:
        # Token boundaries avoid marking 中 inside 中國 when the word is 中.
        spans = [
            Span(t.start - sentence.start, t.end - sentence.start, "hl") for t in tokens if t.text in forms
        ]
    if not spans:
        for form in sorted(forms, key=len, reverse=True):
            spans = [Span(s, s + len(form), "hl") for s in find_all(item.example, form)]
            if spans:
                break
    if not spans:
        return "", ""
    pinyin = ""
    if sentence is not None and sentence.text == item.example:
        if sentence.index not in ctx.sentence_pinyin:
            ctx.sentence_pinyin[sentence.index] = _sentence_pinyin(tokens)
        pinyin = ctx.sentence_pinyin[sentence.index]
    return Marked(item.example, tuple(spans)).html(), pinyin


_OPENING_MARKS = frozenset("（「『《〈“‘([{【〔")


def _sentence_pinyin(tokens: Sequence[Token]) -> str:
    """The sentence's reading word by word, syllables tone-coloured, punctuation kept in place."""
    parts: list[str] = []
    attach = True  # no space before the first word or after an opening bracket or quote
    for token in tokens:
        text = plain_line(token.text)
        if not text:
            continue
        if token.pinyin or any(ch.isalnum() for ch in text):
            parts.append(_token_reading(token) if attach else " " + _token_reading(token))
            attach = False
        else:  # punctuation sits against the word before it
            parts.append(escape_html(text))
            attach = text[-1] in _OPENING_MARKS
    return "".join(parts)


def _token_reading(token: Token) -> str:
    """A token's syllables written together; digits or Latin in it (2024年) stay, set off by a space."""
    pieces: list[tuple[bool, str]] = []  # (is a syllable, html)
    han_index = 0
    for ch in plain_line(token.text):
        if has_syllable(ch) and han_index < len(token.pinyin):
            pieces.append((True, syllable_html(token.pinyin[han_index])))
            han_index += 1
        elif pieces and not pieces[-1][0]:
            pieces[-1] = (False, pieces[-1][1] + escape_html(ch))
        else:
            pieces.append((False, escape_html(ch)))
    out = ""
    for i, (syllable, piece) in enumerate(pieces):
        out += piece if i == 0 or syllable == pieces[i - 1][0] else " " + piece
    return out


# --- facts ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _FactQA:
    key: tuple[str, ...]
    kind: str
    question: Marked
    hint: str
    answer: str
    answer_extra: str
    terms: tuple[str, ...]  # key terms whose readings the note lists
    date: str = ""
    date_iso: str = ""
    source: Marked | None = None
    sentence: Sentence | None = None
    order: tuple[int, int] = (0, 0)
    tags: tuple[str, ...] = ()


# The cause card blanks the words right after its cue, so only cues whose part follows them count.
_REASON_MARKERS = cue_words("reason", following_only=True)
_PURPOSE_MARKERS = cue_words("purpose", following_only=True)
_RESULT_MARKERS = cue_words("result", following_only=True)
_RESTATE_MARKERS = cue_words("restatement", following_only=True)
# After these the point is the rest of the sentence, not just the next clause.
_WHOLE_REST = frozenset(("究其原因", "究其根源", *_RESTATE_MARKERS))
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
_SENTENCE_END = re.compile(r"[；;。！？!?]")
_LEADING_SEP = "，,：:、 \u3000"


def _marker_hint(marker: str) -> str:
    if marker in _PURPOSE_MARKERS:
        return "What for?"
    if marker in _RESULT_MARKERS:
        return "With what result?"
    if marker in _RESTATE_MARKERS:
        return "In other words?"
    return "Why?"


def _entity_gloss(name: str, ctx: NoteContext) -> str:
    person = ctx.people.get(name)
    if person is not None:
        return " · ".join(x for x in (plain_line(person.english), plain_line(person.role)) if x)
    term = ctx.glossary.get(name)
    if term is not None:
        return " · ".join(x for x in (plain_line(term.abbreviation), plain_line(term.english)) if x)
    return ""


def _entity_hint(name: str, ctx: NoteContext) -> str:
    if name in ctx.people:
        return "Who?"
    if name in ctx.glossary:
        return "Which term?"
    return "Who or what?"


def _fact_source(fact: Fact, ctx: NoteContext) -> tuple[Sentence | None, Marked, int, int]:
    """The fact's sentence with its clause marked `fact` and its date marked `fact-date`."""
    sentence = ctx.sentence(fact.sentence)
    clause = fact.text
    if sentence is None:
        text, c_start = clause, 0
    else:
        text = sentence.text
        if fact.start >= 0 and sentence.start <= fact.start < fact.end <= sentence.end:
            c_start = fact.start - sentence.start
            clause = text[c_start : fact.end - sentence.start]
        else:
            found = text.find(clause)
            c_start = found if found >= 0 else -1
    spans: list[Span] = []
    if c_start >= 0 and clause:
        spans.append(Span(c_start, c_start + len(clause), "fact"))
    if fact.date_text:
        inside = [s for s in find_all(text, fact.date_text) if c_start <= s < c_start + len(clause)]
        anywhere = find_all(text, fact.date_text)
        for s in (inside or anywhere)[:1]:
            spans.append(Span(s, s + len(fact.date_text), "fact-date"))
    return sentence, Marked(text, tuple(spans)), c_start, c_start + len(clause)


def _event_qa(fact: Fact, ctx: NoteContext) -> _FactQA | None:
    clause = plain_line(fact.text)
    if not clause or not (fact.date or fact.date_text):
        return None
    sentence, source, _, _ = _fact_source(fact, ctx)
    date_shown = plain_line(fact.date_text or fact.date)
    present = [e for e in fact.entities if e and e in clause and e not in date_shown]
    order = (fact.sentence, max(fact.start, 0))
    key = ("event", fact.date or date_shown, *sorted(set(fact.entities)))
    tags = ("dushu::fact::event",)
    if present:
        # Who or what acted is asked by the question card; the two date cards ask when.
        entity = present[0]
        blanks = tuple(Span(s, s + len(entity), "blank") for s in find_all(clause, entity))
        return _FactQA(
            key, "event", Marked(clause, blanks), _entity_hint(entity, ctx), entity,
            _entity_gloss(entity, ctx), tuple(present), date_shown, fact.date, source, sentence, order, tags,
        )  # fmt: skip
    # Without a named actor the question card asks for the date itself, so the date cards are not
    # made (the Date field stays empty) to avoid asking the same thing twice.
    blanks = tuple(Span(s, s + len(fact.date_text), "blank") for s in find_all(clause, fact.date_text))
    answer_extra = fact.date if fact.date and fact.date != date_shown else ""
    return _FactQA(
        key, "event", Marked(clause, blanks), "When?", date_shown, answer_extra, (), "", fact.date,
        source, sentence, order, tags,
    )  # fmt: skip


def _cause_qa(fact: Fact, ctx: NoteContext) -> _FactQA | None:
    if fact.cue_kind in ("reason", "result") and not (fact.cause or fact.effect):
        return None  # the cue is there but the text does not say what led to what ("並不是…導致的")
    text = plain_line(fact.text)
    best: tuple[int, int, str] | None = None
    for marker in (*_REASON_MARKERS, *_PURPOSE_MARKERS, *_RESULT_MARKERS, *_RESTATE_MARKERS):
        at = text.find(marker)
        if at >= 0 and (best is None or (at, -len(marker)) < (best[0], -best[1])):
            best = (at, len(marker), marker)
    if best is None:
        return None
    at, length, marker = best
    start = at + length
    while start < len(text) and text[start] in _LEADING_SEP:
        start += 1
    stop_re = _SENTENCE_END if marker in _WHOLE_REST else _CLAUSE_END
    stop = stop_re.search(text, start)
    end = stop.start() if stop else len(text)
    answer = text[start:end].strip()
    if len(answer) < 2:
        return None
    sentence, source, _, _ = _fact_source(fact, ctx)
    entities = tuple(sorted(set(e for e in fact.entities if e)))
    key = ("cause", marker, *entities) if entities else ("cause", marker, answer)
    terms = tuple(e for e in fact.entities if e and e in answer)
    return _FactQA(
        key, "cause", Marked(text, (Span(start, start + len(answer), "blank"),)), _marker_hint(marker),
        answer, "", terms, source=source, sentence=sentence, order=(fact.sentence, max(fact.start, 0)),
        tags=("dushu::fact::cause",),
    )  # fmt: skip


def _other_qa(fact: Fact, ctx: NoteContext) -> _FactQA | None:
    """A fact of another kind: its statement with its first named entity blanked, if it names one."""
    text = plain_line(fact.text)
    entity = next((e for e in fact.entities if e and e in text), None)
    if entity is None:
        return None
    sentence, source, _, _ = _fact_source(fact, ctx)
    kind = tag_part(fact.kind or "fact")
    blanks = tuple(Span(s, s + len(entity), "blank") for s in find_all(text, entity))
    return _FactQA(
        (kind, *sorted(set(fact.entities))), kind, Marked(text, blanks), _entity_hint(entity, ctx), entity,
        _entity_gloss(entity, ctx), (entity,), source=source, sentence=sentence,
        order=(fact.sentence, max(fact.start, 0)), tags=(f"dushu::fact::{kind}",),
    )  # fmt: skip


def _glossary_qa(entry: GlossaryEntry, ctx: NoteContext) -> _FactQA | None:
    term = plain_line(entry.term)
    prompt = plain_line(entry.abbreviation) or plain_line(entry.english)
    if not term or not prompt:
        return None
    extra = [plain_line(entry.english)] if entry.abbreviation and entry.english else []
    if entry.members:
        extra.append("成員：" + "、".join(plain_line(m) for m in entry.members))
    sentence = ctx.sentence(entry.sentence)
    source = _highlighted(sentence, term) if sentence else None
    kind = tag_part(entry.kind or "term")
    return _FactQA(
        ("glossary", term), "glossary", Marked(prompt), "Full name?", term, " · ".join(extra), (term,),
        source=source, sentence=sentence, order=(10**9, entry.sentence),
        tags=("dushu::fact::glossary", f"dushu::term::{kind}"),
    )  # fmt: skip


def _person_qa(person: Person, ctx: NoteContext) -> _FactQA | None:
    name = plain_line(person.name)
    answer = plain_line(person.role)
    extra = plain_line(person.english)
    if not name or not (answer or extra):
        return None
    if not answer:
        answer, extra = extra, ""
    sentence = next((ctx.sentence(i) for i in person.sentences if ctx.sentence(i)), None)
    if sentence is None:
        sentence = next((s for s in ctx.analysis.sentences if name in s.text), None)
    source = _highlighted(sentence, name) if sentence else None
    return _FactQA(
        ("person", name), "person", Marked(name), "Who is this?", answer, extra, (name,),
        source=source, sentence=sentence, order=(2 * 10**9, sentence.index if sentence else 0),
        tags=("dushu::fact::person",),
    )  # fmt: skip


def _highlighted(sentence: Sentence, term: str) -> Marked:
    return Marked(sentence.text, tuple(Span(s, s + len(term), "fact") for s in find_all(sentence.text, term)))


def _reading_html(qa: _FactQA, ctx: NoteContext) -> tuple[str, str]:
    html_parts: list[str] = []
    plain_parts: list[str] = []
    seen: set[str] = set()
    for term in qa.terms:
        if term in seen or len(seen) >= MAX_READINGS:
            continue
        seen.add(term)
        syllables = ctx.term_reading(term, qa.sentence)
        if not syllables:
            continue
        html_parts.append(
            f'<div class="term-reading"><span class="term">{escape_html(term)}</span> '
            f'<span class="pinyin">{pinyin_html(syllables)}</span></div>'
        )
        plain_parts.append(f"{term} {pinyin_plain(syllables)}")
    return "".join(html_parts), "; ".join(plain_parts)


def _date_html(shown: str, iso: str) -> str:
    if not shown:
        return ""
    out = f'<span class="date-text">{escape_html(shown)}</span>'
    if iso and iso != shown:
        out += f' <span class="date-iso">{escape_html(iso)}</span>'
    return out


def fact_notes(analysis: Analysis, ctx: NoteContext) -> list[NoteSpec]:
    """Question/answer notes: dated events, causes, glossary terms and people, in text order."""
    qas: list[_FactQA] = []
    for fact in analysis.facts:
        if fact.kind == "event":
            qa = _event_qa(fact, ctx)
        elif fact.kind == "cause":
            qa = _cause_qa(fact, ctx)
        else:
            qa = _other_qa(fact, ctx)
        if qa is not None:
            qas.append(qa)
    qas.extend(q for q in (_glossary_qa(g, ctx) for g in analysis.glossary) if q is not None)
    qas.extend(q for q in (_person_qa(p, ctx) for p in analysis.people) if q is not None)
    qas.sort(key=lambda q: q.order)

    source_tag = f"dushu::source::{tag_part(ctx.source_title)}"
    notes: list[NoteSpec] = []
    for qa, guid in zip(qas, _unique_guids("dushu-fact", (q.key for q in qas)), strict=True):
        question_html = qa.question.html()
        if qa.hint:
            question_html += f'<div class="qhint">{escape_html(qa.hint)}</div>'
        answer_html = f'<div class="answer-main">{escape_html(qa.answer)}</div>'
        if qa.answer_extra:
            answer_html += f'<div class="answer-extra">{escape_html(qa.answer_extra)}</div>'
        reading_html, reading_plain = _reading_html(qa, ctx)
        source_html = qa.source.html() if qa.source else ""
        fields = (
            question_html,
            answer_html,
            reading_html,
            _date_html(qa.date, qa.date_iso),
            source_html,
            escape_html(plain_line(ctx.source_title)),
        )
        answer_plain = qa.answer + (f" ({qa.answer_extra})" if qa.answer_extra else "")
        plain = (qa.question.plain(), answer_plain, reading_plain)
        tags = ("dushu", "dushu::fact", *qa.tags, source_tag)
        notes.append(NoteSpec("fact", guid, fields, tags, "Facts", plain))
    return notes


def _unique_guids(prefix: str, keys: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """A GUID per key; repeated keys get an ordinal so two facts never collapse into one note."""
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for key in keys:
        counts[key] += 1
        n = counts[key]
        yield str(guid_for(prefix, *key) if n == 1 else guid_for(prefix, *key, f"#{n}"))


# --- cloze ----------------------------------------------------------------------------------------

_CLOZE_PRIORITY = {"date": 0, "term": 1, "person": 2}


@dataclass(frozen=True, slots=True)
class _Blank:
    start: int
    end: int
    category: str
    key: str  # identity of what is blanked: ISO date or the term
    extra: str


def cloze_notes(analysis: Analysis, ctx: NoteContext) -> list[NoteSpec]:
    """One cloze note per key sentence (one holding events, causes or terms), dates and terms blanked."""
    facts_by_sentence: dict[int, list[Fact]] = defaultdict(list)
    for fact in analysis.facts:
        if fact.kind in ("event", "cause"):
            facts_by_sentence[fact.sentence].append(fact)
    key_sentences = set(facts_by_sentence) | {g.sentence for g in analysis.glossary}
    source_tag = f"dushu::source::{tag_part(ctx.source_title)}"

    identities: list[tuple[str, ...]] = []
    notes: list[NoteSpec] = []
    for index in sorted(key_sentences):
        sentence = ctx.sentence(index)
        if sentence is None:
            continue
        blanks = _choose_blanks(sentence, facts_by_sentence.get(index, []), ctx)
        if not blanks:
            continue
        numbers = _cloze_numbers(blanks)
        text_html = _cloze_text(sentence.text, blanks, numbers)
        extras: list[str] = []
        readings_html: list[str] = []
        readings_plain: list[str] = []
        for blank in sorted({b.key: b for b in blanks}.values(), key=lambda b: numbers[b.key]):
            answer = sentence.text[blank.start : blank.end]
            if blank.extra:
                extras.append(
                    f'<div class="cloze-extra">{escape_html(answer)} = {escape_html(blank.extra)}</div>'
                )
            if blank.category != "date":
                syllables = ctx.term_reading(answer, sentence)
                if syllables:
                    readings_html.append(
                        f'<div class="term-reading"><span class="term">{escape_html(answer)}</span> '
                        f'<span class="pinyin">{pinyin_html(syllables)}</span></div>'
                    )
                    readings_plain.append(f"{answer} {pinyin_plain(syllables)}")
        kinds = sorted({f.kind for f in facts_by_sentence.get(index, [])})
        tags = ("dushu", "dushu::cloze", *(f"dushu::fact::{k}" for k in kinds), source_tag)
        fields = (
            text_html,
            "".join(extras),
            "".join(readings_html),
            escape_html(plain_line(ctx.source_title)),
        )
        identities.append(tuple(sorted({f"{b.category}:{b.key}" for b in blanks})))
        plain = (_cloze_plain(sentence.text, blanks), plain_line(sentence.text), "; ".join(readings_plain))
        notes.append(NoteSpec("cloze", "", fields, tags, "Facts", plain))
    guids = _unique_guids("dushu-cloze", identities)
    return [replace(note, guid=guid) for note, guid in zip(notes, guids, strict=True)]


def _choose_blanks(sentence: Sentence, facts: Sequence[Fact], ctx: NoteContext) -> list[_Blank]:
    text = sentence.text
    candidates: list[_Blank] = []

    def add(needle: str, category: str, key: str, extra: str) -> None:
        needle = needle.strip()
        if needle:
            candidates.extend(
                _Blank(s, s + len(needle), category, key, extra) for s in find_all(text, needle)
            )

    for fact in facts:
        if fact.kind == "event" and fact.date_text:
            iso = fact.date or fact.date_text
            add(fact.date_text, "date", iso, fact.date if fact.date and fact.date != fact.date_text else "")
    for term, entry in ctx.glossary.items():
        if term in text:
            add(term, "term", term, " · ".join(x for x in (entry.abbreviation, entry.english) if x))
        elif entry.abbreviation and entry.abbreviation in text:
            # Only when the full name is absent: blanking both would make two cards for one term.
            add(entry.abbreviation, "term", entry.abbreviation, term)
    for name, person in ctx.people.items():
        if name in text:
            add(name, "person", name, " · ".join(x for x in (person.english, person.role) if x))
    for fact in facts:
        for entity in fact.entities:
            if entity and entity not in ctx.people and entity not in ctx.glossary:
                add(entity, "term", entity, "")

    # Keep the most important blanks, longest first on ties, never two that overlap.
    candidates.sort(key=lambda b: (_CLOZE_PRIORITY[b.category], -(b.end - b.start), b.start))
    chosen: list[_Blank] = []
    keys: set[str] = set()
    for blank in candidates:
        if any(b.start < blank.end and blank.start < b.end for b in chosen):
            continue
        if blank.key not in keys and len(keys) >= MAX_CLOZES:
            continue
        keys.add(blank.key)
        chosen.append(blank)
    return sorted(chosen, key=lambda b: b.start)


def _cloze_numbers(blanks: Sequence[_Blank]) -> dict[str, int]:
    """Cloze numbers in a wording-independent order, so an edited sentence keeps its cards' history."""
    ordered = sorted({b.key: b for b in blanks}.values(), key=lambda b: (_CLOZE_PRIORITY[b.category], b.key))
    return {b.key: n for n, b in enumerate(ordered, start=1)}


_CLOZE_HINTS = {"date": "date", "term": "term", "person": "person"}


def _cloze_text(text: str, blanks: Sequence[_Blank], numbers: dict[str, int]) -> str:
    out: list[str] = []
    pos = 0
    for blank in blanks:
        out.append(escape_html(text[pos : blank.start]))
        # A colon inside the answer would end it early ("{{c1::a::b}}" reads b as the hint).
        answer = escape_html(text[blank.start : blank.end]).replace(":", "&#58;")
        out.append(f"{{{{c{numbers[blank.key]}::{answer}::{_CLOZE_HINTS[blank.category]}}}}}")
        pos = blank.end
    out.append(escape_html(text[pos:]))
    return "".join(out)


def _cloze_plain(text: str, blanks: Sequence[_Blank]) -> str:
    spans = tuple(Span(b.start, b.end, "blank") for b in blanks)
    return Marked(text, spans).plain()


# --- all notes ------------------------------------------------------------------------------------


def build_notes(
    analysis: Analysis,
    selection: VocabSelection,
    *,
    include: Iterable[str],
    source_title: str,
    tick: Callable[[], None] = lambda: None,
) -> list[NoteSpec]:
    """Every note to export, vocabulary first, calling `tick()` after each (for progress and cancel)."""
    wanted = set(include)
    ctx = NoteContext.build(analysis, source_title)
    notes: list[NoteSpec] = []
    if "vocab" in wanted:
        for item in selection.items:
            notes.append(vocab_note(item, ctx))
            tick()
    if "facts" in wanted:
        for note in fact_notes(analysis, ctx):
            notes.append(note)
            tick()
    if "cloze" in wanted:
        for note in cloze_notes(analysis, ctx):
            notes.append(note)
            tick()
    return notes
