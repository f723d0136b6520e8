"""`analyze()`: text in, Analysis out — sentences, words with readings, vocabulary and facts."""

from __future__ import annotations

from collections.abc import Callable

from dushu.core.facts import extract_facts
from dushu.core.models import Analysis, Fact, GlossaryEntry, Person, Sentence, Token
from dushu.core.script import detect_script, to_simplified
from dushu.core.sentences import split_sentences
from dushu.core.toolkit import Toolkit
from dushu.core.vocabulary import build_vocabulary
from dushu.errors import Cancelled

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]

# How much text is segmented between two progress reports / cancel checks.
_CHUNK = 20_000


def analyze(
    text: str,
    toolkit: Toolkit,
    *,
    title: str = "",
    source: str = "",
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> Analysis:
    """Analyse a text: every consumer (CLI, GUI, cards, quizzes) reads the Analysis this returns.

    `progress(done, total)` is called with characters processed; `cancel()` returning true stops the
    work with `Cancelled`. Offsets in the result are character offsets into `text`.
    """
    total = len(text)

    def check(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    check(0)
    simplified = to_simplified(text)
    sentences = split_sentences(text)
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
    readings = toolkit.readings
    pos = 0
    n = len(text)
    next_sentence = 0  # tokens come in order: walk the sentence starts alongside them
    while pos < n:
        # Cut at a line break so no word straddles two chunks.
        end = n if n - pos <= _CHUNK else text.find("\n", pos + _CHUNK)
        end = n if end == -1 else end + 1
        original = text[pos:end]
        simple = simplified[pos:end]
        for piece in toolkit.segmenter.segment(original, simple):
            start = pos + piece.start
            stop = pos + piece.end
            word = text[start:stop]
            while next_sentence < len(starts) and starts[next_sentence] <= start:
                next_sentence += 1
            sentence = max(0, next_sentence - 1)
            pinyin = readings.word_reading(piece.simplified, word) if piece.pos not in ("ws", "w") else ()
            tokens.append(
                Token(word, start, stop, sentence, piece.pos, pinyin, piece.simplified, piece.is_name)
            )
        pos = end
        check(pos)
    return tokens


def _extract_facts(
    text: str, sentences: list[Sentence], tokens: list[Token], toolkit: Toolkit
) -> tuple[tuple[Fact, ...], tuple[GlossaryEntry, ...], tuple[Person, ...]]:
    return extract_facts(text, sentences, tokens, list(toolkit.names.values()))
