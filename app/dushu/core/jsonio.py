"""The `dushu.analysis/1` JSON form of an Analysis (what `dushu analyze --json` prints)."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from json.encoder import encode_basestring
from typing import IO, Any

from dushu.core.forking import BrokenProcessPool, can_fork, forked_pool, shared
from dushu.core.models import Analysis, Sentence, Token, VocabItem
from dushu.core.readings import to_numbers, to_zhuyin

SCHEMA = "dushu.analysis/1"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def token_to_json(t: Token) -> dict[str, Any]:
    """One token: `pinyin` has one tone-marked syllable per Han character, [] for other tokens."""
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "sentence": t.sentence,
        "pos": t.pos,
        "pinyin": list(t.pinyin),
        "name": t.is_name,
    }


def vocab_to_json(v: VocabItem) -> dict[str, Any]:
    """One vocabulary item with all its definitions."""
    return {
        "word": v.word,
        "traditional": v.traditional,
        "simplified": v.simplified,
        "pinyin": list(v.pinyin),
        "definitions": [
            {"pinyin": d.pinyin, "meanings": list(d.meanings), "source": d.source} for d in v.definitions
        ],
        "hsk": v.hsk,
        "frequency": v.frequency,
        "count": v.count,
        "example": v.example,
        "example_sentence": v.example_sentence,
        "name": v.is_name,
    }


def _header(analysis: Analysis) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "title": analysis.title,
        "source": analysis.source,
        "script": analysis.script.value,
        "characters": len(analysis.text),
    }


READING_STYLES = ("marks", "numbers", "zhuyin")

# One encoder for every item: json.dumps with separators builds a new one per call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

# Items joined and written a batch at a time rather than with two writes each.
_BATCH = 4096


def reading_styler(reading: str) -> Callable[[str], str]:
    """The function that writes a tone-marked syllable in `reading` style (marks, numbers, zhuyin)."""
    styles: dict[str, Callable[[str], str]] = {"marks": str, "numbers": to_numbers, "zhuyin": to_zhuyin}
    if reading not in styles:
        raise ValueError(f"unknown reading style {reading!r}")
    return styles[reading]


def _token_lines(tokens: Iterable[Token], style: Callable[[str], str] = str) -> Iterator[str]:
    """`token_to_json` as compact JSON lines, formatted directly with the parts that repeat (a
    word's text, its reading) encoded once: books have millions of tokens but few distinct words."""
    texts: dict[str, str] = {}
    tails: dict[tuple[str, tuple[str, ...], bool], str] = {}
    for t in tokens:
        text = texts.get(t.text)
        if text is None:
            text = texts[t.text] = encode_basestring(t.text)
        key = (t.pos, t.pinyin, t.is_name)
        tail = tails.get(key)
        if tail is None:
            pinyin = ",".join(encode_basestring(style(x)) for x in t.pinyin)
            name = "true" if t.is_name else "false"
            tail = tails[key] = f'"pos":{encode_basestring(t.pos)},"pinyin":[{pinyin}],"name":{name}}}'
        yield f'{{"text":{text},"start":{t.start},"end":{t.end},"sentence":{t.sentence},{tail}'


def _sentence_lines(sentences: Iterable[Sentence]) -> Iterator[str]:
    """The sentences as compact JSON lines, formatted directly (a book has tens of thousands)."""
    for s in sentences:
        yield f'{{"index":{s.index},"start":{s.start},"end":{s.end},"text":{encode_basestring(s.text)}}}'


def _sections(analysis: Analysis) -> list[tuple[str, Iterable[Any]]]:
    return [
        (
            "sentences",
            ({"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in analysis.sentences),
        ),
        ("tokens", (token_to_json(t) for t in analysis.tokens)),
        ("vocabulary", (vocab_to_json(v) for v in analysis.vocabulary)),
        ("facts", (_plain(f) for f in analysis.facts)),
        ("glossary", (_plain(g) for g in analysis.glossary)),
        ("people", (_plain(p) for p in analysis.people)),
    ]


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """A JSON-ready dict; offsets are character offsets into the decoded text (after any BOM)."""
    data = _header(analysis)
    for key, items in _sections(analysis):
        data[key] = list(items)
    return data


# Below this many tokens, writing them is over before a worker process would be.
PARALLEL_MIN_TOKENS = 100_000


def write_analysis_json(
    analysis: Analysis,
    out: IO[str],
    reading: str = "marks",
    *,
    workers: int = 1,
    spool_dir: str | None = None,
) -> None:
    """Write the same JSON as `analysis_to_json`, streamed one item a line (a book does not need
    its whole JSON in memory, and each line is compact).

    `reading` "numbers" or "zhuyin" writes token and vocabulary readings in that style instead of
    tone marks ("nian2", "ㄋㄧㄢˊ"). `workers` > 1 lets a forked process write most of a long
    text's tokens meanwhile, to a temporary file in `spool_dir` (the system's by default) that is
    then copied into `out`; the output is the same, and only a single-threaded program may ask.
    """
    style = reading_styler(reading)
    dump = _COMPACT.encode
    tokens = analysis.tokens
    header = _header(analysis)
    out.write("{\n")
    for key, value in header.items():
        out.write(f"{dump(key)}: {dump(value)},\n")
    sections = _sections(analysis)
    with ExitStack() as stack:
        part: IO[str] | None = None
        if workers > 1 and len(tokens) >= PARALLEL_MIN_TOKENS and can_fork():
            # The worker writes its tokens to a temporary file, copied over in its place: handing
            # them back whole would hold a book's token JSON in memory twice.
            with contextlib.suppress(OSError):  # no room for it: this process writes them all
                part = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", dir=spool_dir))
        rest = None
        split = len(tokens)  # tokens from here on are the worker's
        if part is not None:
            # The worker takes the later four fifths: this process has the sentences and the
            # vocabulary to write as well.
            split = len(tokens) // 5
            pool = stack.enter_context(forked_pool(1, tokens=tokens, part=part))
            rest = pool.submit(_write_token_part, split, reading)

        def lines_of(key: str, items: Iterable[Any]) -> Iterable[str]:
            if key == "tokens":
                return _token_lines(tokens[:split], style)
            if key == "sentences":
                return _sentence_lines(analysis.sentences)
            if key == "vocabulary" and reading != "marks":
                return (dump(_restyled(v, style)) for v in items)
            return (dump(item) for item in items)

        rendered: dict[str, list[str]] = {}
        for n, (key, items) in enumerate(sections):
            out.write(f"{dump(key)}: [")
            if key in rendered:
                wrote = _write_lines(out, rendered.pop(key))
            else:
                wrote = _write_lines(out, lines_of(key, items))
            if key == "tokens" and rest is not None and part is not None:
                # What follows the tokens is made ready while the worker finishes its part.
                for later, later_items in sections[n + 1 :]:
                    rendered[later] = list(lines_of(later, later_items))
                try:
                    helped = rest.result()
                except (BrokenProcessPool, OSError):
                    # The worker died or its file ran out of room: write its part here instead.
                    helped = None
                if helped is None:
                    rest_lines = _token_lines(tokens[split:], style)
                    wrote = _write_lines(out, rest_lines, ",\n " if wrote else "\n ") or wrote
                elif helped:
                    out.write(",\n " if wrote else "\n ")
                    part.seek(0)
                    shutil.copyfileobj(part, out, 1 << 20)
                    wrote = True
            out.write("\n]" if wrote else "]")
            out.write(",\n" if n < len(sections) - 1 else "\n")
    out.write("}\n")


def _restyled(item: dict[str, Any], style: Callable[[str], str]) -> dict[str, Any]:
    """A vocabulary item's readings, its definitions' included, in another style."""
    definitions = [
        {**d, "pinyin": " ".join(style(x) for x in d["pinyin"].split())} for d in item["definitions"]
    ]
    return {**item, "pinyin": [style(x) for x in item["pinyin"]], "definitions": definitions}


def _write_token_part(start: int, reading: str) -> bool:
    """In a worker: write the JSON lines of the shared tokens from `start` on to the shared file,
    separated as in the output; returns whether there were any."""
    part: IO[str] = shared("part")
    wrote = _write_lines(part, _token_lines(shared("tokens")[start:], reading_styler(reading)), "")
    part.flush()  # a worker leaves without flushing anything
    return wrote


def _write_lines(out: IO[str], lines: Iterable[str], lead: str = "\n ") -> bool:
    """A JSON array's items, one a line, a batch at a time; `lead` goes before the first.
    Returns whether there were any."""
    it = iter(lines)
    first = True
    while batch := list(islice(it, _BATCH)):
        out.write((lead if first else ",\n ") + ",\n ".join(batch))
        first = False
    return not first
