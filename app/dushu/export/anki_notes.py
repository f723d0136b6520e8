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

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from genanki import guid_for

from dushu.core.models import Analysis, Sentence, Token, VocabItem, is_han
from dushu.core.readings import has_syllable
from dushu.core.senses import Sense, word_sense
from dushu.core.study import StudyItem, Templates, fact_note_items, study_items, templates_for
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
    reading_as_written,
    reading_key,
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
    sentence_pinyin: dict[int, str] = field(default_factory=dict)  # filled as sentences are read
    # Words whose pinyin has a proper noun's capitals (日本 -> Rì běn), for the sentences' pinyin.
    written_reading: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, analysis: Analysis, source_title: str) -> NoteContext:
        """Index the analysis: tokens per sentence and readings per word."""
        ctx = cls(analysis, source_title)
        for token in analysis.tokens:
            ctx.tokens_by_sentence.setdefault(token.sentence, []).append(token)
        for item in analysis.vocabulary:
            for form in (item.word, item.traditional, item.simplified):
                if form and item.pinyin:
                    ctx.vocab_reading.setdefault(form, item.pinyin)
            written = reading_as_written(item)
            if written != item.pinyin:
                for form in (item.word, item.traditional, item.simplified):
                    if form:
                        ctx.written_reading.setdefault(form, written)
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
        pinyin_html(reading_as_written(item)),
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
        pinyin_plain(reading_as_written(item)),
    )
    return NoteSpec("vocab", vocab_guid(item), fields, tuple(tags), "Vocabulary", plain)


def _sense(item: VocabItem, ctx: NoteContext) -> Sense | None:
    """The sense the word has in its example sentence, when the sentence tells (`sense_in_context`)."""
    tokens = ctx.tokens_by_sentence.get(item.example_sentence, [])
    return word_sense(ctx.analysis, item, tokens) if tokens else None


def _example(item: VocabItem, ctx: NoteContext) -> tuple[str, str]:
    """The example sentence with every occurrence of the word marked, and its pinyin.

    Where a token is the word it is marked `hl`; where the word sits inside a longer word (稀土 in
    稀土磁鐵, 中 in 中國) it is marked `hl-in`: the Sentence card blanks both, since any occurrence
    left in sight gives the answer away, and the backs highlight only the first kind.
    Empty when the word cannot be found in the sentence: a Sentence card needs something to blank.
    """
    if not item.example.strip():
        return "", ""
    sentence = ctx.sentence(item.example_sentence)
    tokens = ctx.tokens_by_sentence.get(sentence.index, []) if sentence else []
    forms = {f for f in (item.word, item.traditional, item.simplified) if f}
    spans: list[Span] = []
    aligned = sentence is not None and sentence.text == item.example
    if sentence is not None and aligned:
        spans = [
            Span(t.start - sentence.start, t.end - sentence.start, "hl") for t in tokens if t.text in forms
        ]
    inner = "hl-in" if spans else "hl"
    for form in sorted(forms, key=len, reverse=True):
        for start in find_all(item.example, form):
            end = start + len(form)
            if not any(s.start < end and start < s.end for s in spans):
                spans.append(Span(start, end, inner))
    if not spans:
        return "", ""
    pinyin = ""
    if sentence is not None and aligned:
        if sentence.index not in ctx.sentence_pinyin:
            ctx.sentence_pinyin[sentence.index] = _sentence_pinyin(tokens, ctx.written_reading)
        pinyin = ctx.sentence_pinyin[sentence.index]
    return Marked(item.example, tuple(spans)).html(), pinyin


_OPENING_MARKS = frozenset("（「『《〈“‘([{【〔")
_PROPER_NOUN_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz"))


def _sentence_pinyin(tokens: Sequence[Token], written: Mapping[str, tuple[str, ...]]) -> str:
    """The sentence's reading word by word, syllables tone-coloured, punctuation kept in place.

    `written` gives the capitalised reading of proper nouns (日本 Rìběn) by their form; it is used
    for the tokens the analysis takes for names.
    """
    parts: list[str] = []
    attach = True  # no space before the first word or after an opening bracket or quote
    for token in tokens:
        text = plain_line(token.text)
        if not text:
            continue
        if token.pinyin or any(ch.isalnum() for ch in text):
            # Capitals only for what the analysis takes for a name (a name, or jieba's tag of a
            # person, place, organisation or other proper noun): 會 or 方 have a capitalised
            # surname entry too, and 四國 "four countries" is also the island Shikoku.
            proper = token.is_name or token.pos in _PROPER_NOUN_TAGS
            syllables = written.get(token.text, token.pinyin) if proper else token.pinyin
            if len(syllables) != len(token.pinyin):
                syllables = token.pinyin
            reading = _token_reading(text, syllables)
            parts.append(reading if attach else " " + reading)
            attach = False
        else:  # punctuation sits against the word before it
            parts.append(escape_html(text))
            attach = text[-1] in _OPENING_MARKS
    return "".join(parts)


def _token_reading(text: str, syllables: Sequence[str]) -> str:
    """A token's syllables written as one word (apostrophes, capitals: see `pinyin_html`); digits or
    Latin in it (2024年) stay, set off by a space."""
    pieces: list[tuple[bool, list[str]]] = []  # (is a run of syllables, syllables or characters)
    han_index = 0
    for ch in text:
        is_syllable = has_syllable(ch) and han_index < len(syllables)
        piece = syllables[han_index] if is_syllable else ch
        if is_syllable:
            han_index += 1
        if pieces and pieces[-1][0] == is_syllable:
            pieces[-1][1].append(piece)
        else:
            pieces.append((is_syllable, [piece]))
    return " ".join(
        pinyin_html(run) if is_syllable else escape_html("".join(run)) for is_syllable, run in pieces
    )


# --- facts ----------------------------------------------------------------------------------------

def _blank_spans(item: StudyItem) -> tuple[Span, ...]:
    return tuple(Span(a, b, "blank") for a, b in item.blanks)


def _source_marked(item: StudyItem, ctx: NoteContext) -> tuple[Sentence | None, Marked | None]:
    """The item's sentence with its passage marked `fact` and the answer marked `fact-date`/`fact`."""
    sentence = ctx.sentence(item.sentence)
    if sentence is None:
        return None, None
    spans: list[Span] = []
    offset = item.position - sentence.start
    if offset >= 0 and offset + len(item.context) <= len(sentence.text) and item.context:
        spans.append(Span(offset, offset + len(item.context), "fact"))
        if item.date_text:
            at = item.context.find(item.date_text)
            if at >= 0:
                spans.append(Span(offset + at, offset + at + len(item.date_text), "fact-date"))
    elif item.subject and item.kind in ("term", "person"):
        spans.extend(Span(s, s + len(item.subject), "fact") for s in find_all(sentence.text, item.subject))
    return sentence, Marked(sentence.text, tuple(spans))


def _card_of(item: StudyItem, words: Templates) -> tuple[Marked, str, str, str, tuple[str, ...]]:
    """Front (marked), hint, answer, extra line and tags of the note made from `item`."""
    if item.ask in ("actor", "date", *_CAUSES):
        hint_name = (
            item.ask if item.ask != "actor" else ("actor" if item.extra[:1] == ("person",) else "thing")
        )
        front = Marked(item.context, _blank_spans(item))
        extra = item.gloss if item.ask == "actor" else ""
        if item.ask == "date" and item.date and item.date != item.answer:
            extra = item.date
        kind = "event" if item.kind == "event" else "cause"
        return front, words.card(hint_name), item.answer, extra, (f"dushu::fact::{kind}",)
    if item.ask in ("full_name", "english"):
        # The card shows the short form (or the English name) and asks for the term as the text writes it.
        shown, term = (item.subject, item.answer) if item.ask == "full_name" else (item.answer, item.subject)
        gloss = item.gloss if item.gloss != shown else ""
        tags = ("dushu::fact::glossary", f"dushu::term::{tag_part(item.extra[0] if item.extra else 'term')}")
        return Marked(shown), words.card("full_name"), term, gloss, tags
    # A person: the name, and the role the text gives (or the English name the text writes).
    return Marked(item.subject), words.card("role"), item.answer, item.gloss, ("dushu::fact::person",)


_CAUSES = ("reason", "purpose", "result")


def fact_notes(
    analysis: Analysis, ctx: NoteContext, items: Sequence[StudyItem] | None = None
) -> list[NoteSpec]:
    """Question/answer notes from the study items: events, causes, glossary terms and people, in text order.

    Each fact gets one note. An event's note asks who acted when the text names someone, and its
    Date field (the Date -> Event and Event -> Date cards) is filled only when no other event of the
    text has the same date; without an actor the note asks the date itself and the Date field stays
    empty, so the same thing is not asked twice.
    """
    if items is None:
        items = study_items(analysis)
    words = templates_for(analysis.script)
    members = {i.group: i for i in items if i.ask == "members"}
    has_actor = {i.fact or i.group for i in items if i.ask == "actor" and i.extra[:1] == ("person",)}
    order = {"event": 0, "cause": 0, "term": 1, "person": 2}
    primary = sorted(fact_note_items(items), key=lambda i: (order[i.kind], i.position))
    source_tag = f"dushu::source::{tag_part(ctx.source_title)}"
    notes: list[NoteSpec] = []
    for item, guid in zip(primary, _unique_guids("dushu-fact", (i.key for i in primary)), strict=True):
        front, hint, answer, extra, kind_tags = _card_of(item, words)
        if item.group in members:
            extra = " · ".join(
                x for x in (extra, words.card("members_label") + members[item.group].answer) if x
            )
        question_html = front.html() + f'<div class="qhint">{escape_html(hint)}</div>'
        answer_html = f'<div class="answer-main">{escape_html(plain_line(answer))}</div>'
        if extra:
            answer_html += f'<div class="answer-extra">{escape_html(plain_line(extra))}</div>'
        sentence, source = _source_marked(item, ctx)
        reading_html, reading_plain = _reading_html(item.terms, sentence, ctx)
        date_shown = ""
        if item.kind == "event" and (item.fact or item.group) in has_actor and item.date_unique:
            date_shown = _event_date(items, item.fact or item.group)
        fields = (
            question_html,
            answer_html,
            reading_html,
            _date_html(date_shown, item.date),
            source.html() if source else "",
            escape_html(plain_line(ctx.source_title)),
        )
        answer_plain = answer + (f" ({extra})" if extra else "")
        plain = (front.plain(), answer_plain, reading_plain)
        tags = ("dushu", "dushu::fact", *kind_tags, source_tag)
        notes.append(NoteSpec("fact", guid, fields, tags, "Facts", plain))
    return notes


def _event_date(items: Sequence[StudyItem], group: str) -> str:
    """The date an event's Date cards show: the absolute date, never a relative one (同年11月)."""
    return next((i.answer for i in items if (i.fact or i.group) == group and i.ask == "date"), "")


def _reading_html(terms: Sequence[str], sentence: Sentence | None, ctx: NoteContext) -> tuple[str, str]:
    html_parts: list[str] = []
    plain_parts: list[str] = []
    seen: set[str] = set()
    for term in terms:
        if term in seen or len(seen) >= MAX_READINGS:
            continue
        seen.add(term)
        syllables = ctx.term_reading(term, sentence)
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


def _unique_guids(prefix: str, keys: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """A GUID per key; repeated keys get an ordinal so two facts never collapse into one note."""
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for key in keys:
        counts[key] += 1
        n = counts[key]
        yield str(guid_for(prefix, *key) if n == 1 else guid_for(prefix, *key, f"#{n}"))


# --- cloze ----------------------------------------------------------------------------------------

_CLOZE_PRIORITY = {"date": 0, "term": 1, "person": 2}
# Which study items a cloze sentence blanks, and as what.
_CLOZE_ASKS = {"date": "date", "full_name": "term", "actor": "person"}


@dataclass(frozen=True, slots=True)
class _Blank:
    start: int
    end: int
    category: str
    key: str  # identity of what is blanked: ISO date or the term
    extra: str


def cloze_notes(
    analysis: Analysis, ctx: NoteContext, items: Sequence[StudyItem] | None = None
) -> list[NoteSpec]:
    """One cloze note per sentence the study items ask about: their dates, terms and people blanked."""
    if items is None:
        items = study_items(analysis)
    by_sentence: dict[int, list[StudyItem]] = defaultdict(list)
    kinds: dict[int, set[str]] = defaultdict(set)
    for item in items:
        if item.is_fact:
            by_sentence[item.sentence].append(item)
            if item.kind in ("event", "cause"):
                kinds[item.sentence].add(item.kind)
    source_tag = f"dushu::source::{tag_part(ctx.source_title)}"

    identities: list[tuple[str, ...]] = []
    notes: list[NoteSpec] = []
    for index in sorted(by_sentence):
        sentence = ctx.sentence(index)
        if sentence is None:
            continue
        blanks = _choose_blanks(sentence, by_sentence[index])
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
        tags = ("dushu", "dushu::cloze", *(f"dushu::fact::{k}" for k in sorted(kinds[index])), source_tag)
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


def _choose_blanks(sentence: Sentence, items: Sequence[StudyItem]) -> list[_Blank]:
    """The answers of the sentence's items that the sentence writes, as blanks (at most MAX_CLOZES)."""
    candidates: list[_Blank] = []
    for item in items:
        category = _CLOZE_ASKS.get(item.ask)
        if category is None or not item.blanks:
            continue
        if item.ask == "actor" and item.extra[:1] != ("person",):
            category = "term"
        offset = item.position - sentence.start
        if offset < 0 or offset + len(item.context) > len(sentence.text):
            continue  # a passage that reaches into another sentence
        key = item.date if item.ask == "date" and item.date else item.answer
        extra = item.date if item.ask == "date" and item.date != item.date_text else item.gloss
        if item.ask == "full_name":
            extra = " · ".join(x for x in (item.subject, item.gloss) if x)
        for start, end in item.blanks:
            # The blank covers the answer itself, not an English gloss the item hides with it.
            length = len(item.date_text) if item.ask == "date" else len(item.answer)
            candidates.append(_Blank(offset + start, offset + min(end, start + length), category, key, extra))

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
    items = study_items(analysis) if wanted & {"facts", "cloze"} else ()
    if "facts" in wanted:
        for note in fact_notes(analysis, ctx, items):
            notes.append(note)
            tick()
    if "cloze" in wanted:
        for note in cloze_notes(analysis, ctx, items):
            notes.append(note)
            tick()
    return notes
