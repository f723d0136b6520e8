"""`analyze()`: text in, Analysis out — sentences, words with readings, vocabulary and facts."""

from __future__ import annotations

import multiprocessing
import signal
import sys
from array import array
from collections.abc import Callable, Iterator
from typing import Any

from dushu.core.facts import extract_facts
from dushu.core.models import Analysis, Fact, GlossaryEntry, Person, Sentence, Token
from dushu.core.script import detect_script, to_simplified
from dushu.core.sentences import split_sentences
from dushu.core.toolkit import Toolkit
from dushu.core.vocabulary import build_vocabulary
from dushu.errors import Cancelled

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]
FactsResult = tuple[tuple[Fact, ...], tuple[GlossaryEntry, ...], tuple[Person, ...]]

# Punctuation and whitespace have no reading to look up.
_NO_READING = frozenset({"w", "ws"})

# How much text is segmented between two progress reports / cancel checks.
_CHUNK = 20_000

# Below this many characters a second process costs more than it saves.
PARALLEL_MIN_CHARS = 150_000

# What forked workers read: set just before the fork, so it reaches them without pickling.
_shared: dict[str, Any] = {}


def analyze(
    text: str,
    toolkit: Toolkit,
    *,
    title: str = "",
    source: str = "",
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    workers: int = 1,
) -> Analysis:
    """Analyse a text: every consumer (CLI, GUI, cards, quizzes) reads the Analysis this returns.

    `progress(done, total)` is called with characters processed; `cancel()` returning true stops the
    work with `Cancelled`. Offsets in the result are character offsets into `text`.

    `workers` > 1 lets a long text be segmented in that many forked processes, with the facts found
    while the vocabulary is built (Linux only; the result is the same). Only a single-threaded
    program may ask for it: the command line does, the GUI does not.
    """
    total = len(text)

    def check(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    check(0)
    simplified = _to_simplified_in_pieces(text, check)
    sentences = split_sentences(text)
    check(0)  # a book spends a moment on these two: let Cancel be heard before segmenting starts
    parallel = workers > 1 and total >= PARALLEL_MIN_CHARS and can_fork()
    if parallel:
        tokens = _tokenize_parallel(text, simplified, sentences, toolkit, check, workers)
        vocabulary, (facts, glossary, people) = _vocabulary_and_facts_parallel(
            text, sentences, tokens, toolkit
        )
    else:
        tokens = tokenize(text, simplified, sentences, toolkit, check)
        vocabulary = build_vocabulary(text, sentences, tokens, toolkit)
        facts, glossary, people = _extract_facts(text, sentences, tokens, toolkit)
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


def _to_simplified_in_pieces(text: str, check: Callable[[int], None]) -> str:
    """`to_simplified` a few lines at a time: OpenCC holds the GIL while it converts, and a book in one
    call would stall a GUI thread for a second (phrases never cross a line break)."""
    parts: list[str] = []
    for pos, end in _chunks(text, 4 * _CHUNK):
        parts.append(to_simplified(text[pos:end]))
        check(0)
    return "".join(parts)


def can_fork() -> bool:
    """True where worker processes can be forked safely (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def tokenize(
    text: str,
    simplified: str,
    sentences: list[Sentence],
    toolkit: Toolkit,
    check: Callable[[int], None] = lambda done: None,
) -> list[Token]:
    """Tokens covering the whole text in order, each with its sentence index and reading."""
    starts = [s.start for s in sentences]
    tokens: list[Token] = []
    next_sentence = 0
    for pos, end in _chunks(text):
        segmented = _segment_range(text, simplified, toolkit, pos, end)
        next_sentence = _append_tokens(tokens, text, simplified, starts, pos, segmented, next_sentence)
        check(end)
    return tokens


# A stretch of text segmented and read: its word ends, tags, name flags, and each distinct word's
# reading. Compact, because worker processes send it back (pickling Token objects costs more than
# making them).
Segmented = tuple["array[int]", list[str], bytes, dict[str, tuple[str, ...]]]


def _segment_range(text: str, simplified: str, toolkit: Toolkit, pos: int, end: int) -> Segmented:
    """Segment and read text[pos:end], which must start and end between words."""
    pieces = list(toolkit.segmenter.segment(text[pos:end], simplified[pos:end]))
    readings = toolkit.readings
    words = {text[pos + p.start : pos + p.end]: p.simplified for p in pieces if p.pos not in _NO_READING}
    readings.prepare((simple, word) for word, simple in words.items())
    found = {word: readings.word_reading(simple, word) for word, simple in words.items()}
    ends = array("i", (pos + p.end for p in pieces))
    return ends, [p.pos for p in pieces], bytes(p.is_name for p in pieces), found


def _append_tokens(
    tokens: list[Token],
    text: str,
    simplified: str,
    starts: list[int],
    pos: int,
    segmented: Segmented,
    next_sentence: int,
) -> int:
    """Turn a segmented stretch starting at `pos` into tokens; returns the sentence walk's position."""
    ends, tags, names, readings = segmented
    count = len(starts)
    start = pos
    for stop, tag, is_name in zip(ends, tags, names, strict=True):
        word = text[start:stop]
        while next_sentence < count and starts[next_sentence] <= start:
            next_sentence += 1
        pinyin = readings.get(word, ()) if tag not in _NO_READING else ()
        sentence = max(0, next_sentence - 1)
        tokens.append(Token(word, start, stop, sentence, tag, pinyin, simplified[start:stop], bool(is_name)))
        start = stop
    return next_sentence


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
    text: str,
    simplified: str,
    sentences: list[Sentence],
    toolkit: Toolkit,
    check: Callable[[int], None],
    workers: int,
) -> list[Token]:
    """`tokenize` with the text cut into parts that forked workers segment and read in order."""
    parts = list(_chunks(text, max(_CHUNK, len(text) // (workers * 4))))
    _shared.update(text=text, simplified=simplified, toolkit=toolkit)
    tokens: list[Token] = []
    starts = [s.start for s in sentences]
    next_sentence = 0
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_quiet_worker) as pool:
            for (pos, end), segmented in zip(parts, pool.imap(_segment_part, parts), strict=True):
                next_sentence = _append_tokens(
                    tokens, text, simplified, starts, pos, segmented, next_sentence
                )
                check(end)
    finally:
        _shared.clear()
    return tokens


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback from each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _segment_part(bounds: tuple[int, int]) -> Segmented:
    """In a worker: `_segment_range` over the text shared at the fork."""
    return _segment_range(_shared["text"], _shared["simplified"], _shared["toolkit"], *bounds)


def _vocabulary_and_facts_parallel(
    text: str, sentences: list[Sentence], tokens: list[Token], toolkit: Toolkit
) -> tuple[list[Any], FactsResult]:
    """Build the vocabulary here while a forked process finds the facts."""
    _shared.update(text=text, sentences=sentences, tokens=tokens, toolkit=toolkit)
    try:
        with multiprocessing.get_context("fork").Pool(1, initializer=_quiet_worker) as pool:
            facts = pool.apply_async(_facts_part)
            vocabulary = build_vocabulary(text, sentences, tokens, toolkit)
            return vocabulary, facts.get()
    finally:
        _shared.clear()


def _facts_part() -> FactsResult:
    s = _shared
    return _extract_facts(s["text"], s["sentences"], s["tokens"], s["toolkit"])


def _extract_facts(
    text: str, sentences: list[Sentence], tokens: list[Token], toolkit: Toolkit
) -> FactsResult:
    return extract_facts(text, sentences, tokens, list(toolkit.names.values()))
