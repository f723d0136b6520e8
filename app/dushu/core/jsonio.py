"""The `dushu.analysis/1` JSON form of an Analysis (what `dushu analyze --json` prints)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from dushu.core.models import Analysis, Token, VocabItem
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
            text = texts[t.text] = json.dumps(t.text, ensure_ascii=False)
        key = (t.pos, t.pinyin, t.is_name)
        tail = tails.get(key)
        if tail is None:
            pinyin = ",".join(json.dumps(style(x), ensure_ascii=False) for x in t.pinyin)
            name = "true" if t.is_name else "false"
            tail = tails[key] = f'"pos":{json.dumps(t.pos)},"pinyin":[{pinyin}],"name":{name}}}'
        yield f'{{"text":{text},"start":{t.start},"end":{t.end},"sentence":{t.sentence},{tail}'


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


def write_analysis_json(analysis: Analysis, out: IO[str], reading: str = "marks") -> None:
    """Write the same JSON as `analysis_to_json`, streamed one item a line (a book does not need
    its whole JSON in memory, and each line is compact).

    `reading` "numbers" or "zhuyin" writes token and vocabulary readings in that style instead of
    tone marks ("nian2", "ㄋㄧㄢˊ").
    """
    style = reading_styler(reading)

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    header = _header(analysis)
    out.write("{\n")
    for key, value in header.items():
        out.write(f"{dump(key)}: {dump(value)},\n")
    sections = _sections(analysis)
    for n, (key, items) in enumerate(sections):
        out.write(f"{dump(key)}: [")
        if key == "tokens":
            lines: Iterable[str] = _token_lines(analysis.tokens, style)
        elif key == "vocabulary" and reading != "marks":
            lines = (dump({**v, "pinyin": [style(x) for x in v["pinyin"]]}) for v in items)
        else:
            lines = (dump(item) for item in items)
        first = True
        for line in lines:
            out.write("\n " if first else ",\n ")
            out.write(line)
            first = False
        out.write("\n]" if not first else "]")
        out.write(",\n" if n < len(sections) - 1 else "\n")
    out.write("}\n")
