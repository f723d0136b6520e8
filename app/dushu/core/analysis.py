"""`analyze()`: text in, Analysis out — sentences, words with readings, vocabulary and facts."""

from __future__ import annotations

import contextlib
from array import array
from collections.abc import Callable, Iterator
from typing import Any

from dushu.core.facts import date_the_text, extract_facts, facts_of, find_people_and_terms
from dushu.core.forking import BrokenProcessPool, can_fork, forked_pool, shared
from dushu.core.models import Analysis, Fact, GlossaryEntry, Person, Sentence, Token
from dushu.core.readings import PUNCTUATION_TAGS, read_in_context
from dushu.core.script import detect_script, to_simplified
from dushu.core.sentences import split_sentences
from dushu.core.toolkit import Toolkit
from dushu.core.vocabulary import build_vocabulary
from dushu.errors import Cancelled

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]
FactsResult = tuple[tuple[Fact, ...], tuple[GlossaryEntry, ...], tuple[Person, ...]]

# How much text is segmented between two progress reports / cancel checks.
_CHUNK = 20_000

# Below this many characters a second process costs more than it saves.
PARALLEL_MIN_CHARS = 150_000


def analyze(
    text: str,
    toolkit: Toolkit,
    *,
    title: str = "",
    source: str = "",
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    workers: int = 1,
    document_date: str = "",
    stage: Callable[[str], None] | None = None,
) -> Analysis:
    """Analyse a text: every consumer (CLI, GUI, cards, quizzes) reads the Analysis this returns.

    `progress(done, total)` is called with characters processed; `cancel()` returning true stops the
    work with `Cancelled`. Offsets in the result are character offsets into `text`.

    `workers` > 1 lets a long text be segmented in that many forked processes, with the facts found
    while the vocabulary is built (Linux only; the result is the same). Only a single-threaded
    program may ask for it: the command line does, the GUI does not.

    `document_date` ("YYYY-MM-DD") is the text's own date when the user knows it (`--date`, the
    library's "published" date); relative dates (今天, 去年, 昨（25）日) count from it.

    `stage(name)` hears when the work after segmenting begins: "vocabulary", then "facts" (they
    report no progress of their own, so a window can say what it is doing meanwhile).
    """
    tell = stage or (lambda name: None)
    total = len(text)

    def check(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    check(0)
    parallel = workers > 1 and total >= PARALLEL_MIN_CHARS and can_fork()
    if parallel:
        tokens, sentences = _tokenize_parallel(text, toolkit, check, workers)
        tell("vocabulary")
        vocabulary, (facts, glossary, people) = _vocabulary_and_facts_parallel(
            text, sentences, tokens, toolkit, document_date
        )
    else:
        sentences = split_sentences(text)
        check(0)  # a book spends a moment on this: let Cancel be heard before segmenting starts
        tokens = tokenize(text, None, sentences, toolkit, check)
        tell("vocabulary")
        vocabulary = build_vocabulary(text, sentences, tokens, toolkit)
        tell("facts")
        facts, glossary, people = _extract_facts(text, sentences, tokens, toolkit, document_date)
    check(total)
    return Analysis(
        text=text,
        script=detect_script(text),
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        vocabulary=tuple(vocabulary),
        facts=facts,
        glossary=glossary,
        people=people,
        title=title,
        source=source,
    )


def tokenize(
    text: str,
    simplified: str | None,
    sentences: list[Sentence],
    toolkit: Toolkit,
    check: Callable[[int], None] = lambda done: None,
) -> list[Token]:
    """Tokens covering the whole text in order, each with its sentence index and reading.

    `simplified` is `to_simplified(text)` if already at hand; otherwise the text is converted a
    chunk at a time as it is segmented (OpenCC holds the GIL while it converts: a book in one call
    would stall a GUI thread for a second).
    """
    builder = _TokenBuilder(text, sentences)
    _read_here(builder, toolkit, list(_chunks(text, _CHUNK)), check, simplified)
    return builder.finish()


# A chunk of text read: its Simplified form, its word ends, tags and name flags, and each distinct
# word's reading. Compact, because worker processes send it back (pickling Token objects costs
# more than making them).
Unit = tuple[str, "array[int]", list[str], bytes, dict[str, tuple[str, ...]]]


def _read_unit(text: str, toolkit: Toolkit, pos: int, end: int, simple: str | None = None) -> Unit:
    """Convert, segment and read text[pos:end], which must start and end between words."""
    original = text[pos:end]
    if simple is None:
        # Chunks end at a line break, punctuation or a space, which OpenCC's phrases never span,
        # so a chunk converts as it would within the whole text (only a stretch of 40,000
        # characters without any of them is cut blind). Serial and parallel runs, and `dushu
        # segment`, convert the same chunks.
        simple = to_simplified(original)
    pieces = list(toolkit.segmenter.segment(original, simple))
    readings = toolkit.readings
    words = {original[p.start : p.end]: p.simplified for p in pieces if p.pos not in PUNCTUATION_TAGS}
    readings.prepare((simplified, word) for word, simplified in words.items())
    found = {word: readings.word_reading(simplified, word) for word, simplified in words.items()}
    ends = array("i", (pos + p.end for p in pieces))
    return simple, ends, [p.pos for p in pieces], bytes(p.is_name for p in pieces), found


class _TokenBuilder:
    """Turns chunks read in order into the text's tokens, each with its sentence index.

    Tokens of the same word share one string for its text, its Simplified form and its reading: a
    book has millions of tokens but few distinct words.
    """

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self._starts = [s.start for s in sentences]
        self._next_sentence = 0  # the sentence walk's position
        self._shared: dict[Any, Any] = {}

    def add(self, pos: int, unit: Unit) -> None:
        """Append the tokens of the chunk read from `pos` on."""
        simple, ends, tags, names, readings = unit
        text, tokens, starts = self.text, self.tokens, self._starts
        count = len(starts)
        next_sentence = self._next_sentence
        one = self._shared.setdefault
        start = pos
        for stop, tag, is_name in zip(ends, tags, names, strict=True):
            word = text[start:stop]
            word = one(word, word)
            while next_sentence < count and starts[next_sentence] <= start:
                next_sentence += 1
            pinyin = readings.get(word) if tag not in PUNCTUATION_TAGS else None
            pinyin = one(pinyin, pinyin) if pinyin else ()
            simplified = simple[start - pos : stop - pos]
            simplified = one(simplified, simplified)
            sentence = max(0, next_sentence - 1)
            tokens.append(Token(word, start, stop, sentence, tag, pinyin, simplified, bool(is_name)))
            start = stop
        self._next_sentence = next_sentence

    def finish(self) -> list[Token]:
        """The tokens, with the readings that only their neighbours settle corrected."""
        read_in_context(self.tokens)
        return self.tokens


def _read_here(
    builder: _TokenBuilder,
    toolkit: Toolkit,
    chunks: list[tuple[int, int]],
    check: Callable[[int], None],
    simplified: str | None = None,
) -> None:
    """Read `chunks` in this process, in order, into `builder`."""
    for pos, end in chunks:
        simple = simplified[pos:end] if simplified is not None else None
        builder.add(pos, _read_unit(builder.text, toolkit, pos, end, simple))
        check(end)


def _chunks(text: str, size: int = _CHUNK) -> Iterator[tuple[int, int]]:
    """(start, end) of the chunks of about `size` characters that cover `text`, cut between words."""
    pos = 0
    while pos < len(text):
        end = _chunk_end(text, pos, size)
        yield pos, end
        pos = end


def _chunk_end(text: str, pos: int, size: int = _CHUNK) -> int:
    """Where the chunk that starts at `pos` ends: after a line break, else after a sentence end, so
    that no word straddles two chunks (a text with no punctuation at all is cut at twice the size)."""
    n = len(text)
    if n - pos <= size:
        return n
    limit = min(n, pos + 2 * size)
    for mark in ("\n", "。", "！", "？", "；", " ", "，", "、", "：", ","):
        found = text.find(mark, pos + size, limit)
        if found != -1:
            return found + 1
    return limit


def _tokenize_parallel(
    text: str, toolkit: Toolkit, check: Callable[[int], None], workers: int
) -> tuple[list[Token], list[Sentence]]:
    """`tokenize` with the chunks read by forked workers, a few at a time and in order, while this
    process splits the sentences; returns the tokens and the sentences. Should a worker die
    (killed for memory, say), this process reads the rest itself."""
    chunks = list(_chunks(text, _CHUNK))
    size = max(1, len(chunks) // (workers * 4))
    groups = [chunks[i : i + size] for i in range(0, len(chunks), size)]
    builder: _TokenBuilder | None = None
    done = 0
    try:
        with forked_pool(workers, text=text, toolkit=toolkit) as pool:
            futures = [pool.submit(_read_group, group) for group in groups]
            sentences = split_sentences(text)
            builder = _TokenBuilder(text, sentences)
            for group, future in zip(groups, futures, strict=True):
                for (pos, _), unit in zip(group, future.result(), strict=True):
                    builder.add(pos, unit)
                done += 1
                check(group[-1][1])
    except BrokenProcessPool:
        pass
    if builder is None:
        sentences = split_sentences(text)
        builder = _TokenBuilder(text, sentences)
    _read_here(builder, toolkit, [chunk for group in groups[done:] for chunk in group], check)
    return builder.finish(), sentences


def _read_group(chunks: list[tuple[int, int]]) -> list[Unit]:
    """In a worker: `_read_unit` of each chunk of the text shared at the fork."""
    text, toolkit = shared("text"), shared("toolkit")
    return [_read_unit(text, toolkit, pos, end) for pos, end in chunks]


def _vocabulary_and_facts_parallel(
    text: str, sentences: list[Sentence], tokens: list[Token], toolkit: Toolkit, document_date: str = ""
) -> tuple[list[Any], FactsResult]:
    """Build the vocabulary and date the text here while a forked process finds the people and
    terms, then find the events and causes (should that process die, its part is done here)."""
    names = list(toolkit.names.values())
    found: tuple[tuple[Person, ...], tuple[GlossaryEntry, ...]] | None = None
    with forked_pool(1, text=text, sentences=sentences, tokens=tokens, names=names) as pool:
        part = pool.submit(_people_and_terms_part)
        vocabulary = build_vocabulary(text, sentences, tokens, toolkit)
        dating = date_the_text(text, document_date)
        with contextlib.suppress(BrokenProcessPool):
            found = part.result()
    if found is None:
        found = find_people_and_terms(text, sentences, names, tokens)
    people, glossary = found
    facts = facts_of(text, sentences, names, tokens, dating, people, glossary)
    return vocabulary, (facts, glossary, people)


def _people_and_terms_part() -> tuple[tuple[Person, ...], tuple[GlossaryEntry, ...]]:
    return find_people_and_terms(shared("text"), shared("sentences"), shared("names"), shared("tokens"))


def _extract_facts(
    text: str, sentences: list[Sentence], tokens: list[Token], toolkit: Toolkit, document_date: str = ""
) -> FactsResult:
    return extract_facts(text, sentences, tokens, list(toolkit.names.values()), document_date=document_date)
