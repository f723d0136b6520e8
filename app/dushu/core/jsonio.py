"""The `dushu.analysis/1` JSON form of an Analysis (what `dushu analyze --json` prints)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import IO, Any

from dushu.core.models import Analysis, Token, VocabItem

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


def _token_line(t: Token) -> str:
    """`token_to_json` as compact JSON, formatted directly: books have millions of tokens."""
    text = json.dumps(t.text, ensure_ascii=False)
    pinyin = ",".join(f'"{s}"' for s in t.pinyin)  # syllables are letters and tone marks only
    name = "true" if t.is_name else "false"
    return (
        f'{{"text":{text},"start":{t.start},"end":{t.end},"sentence":{t.sentence},'
        f'"pos":"{t.pos}","pinyin":[{pinyin}],"name":{name}}}'
    )


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


def write_analysis_json(analysis: Analysis, out: IO[str]) -> None:
    """Write the same JSON as `analysis_to_json`, streamed one item a line (a book does not need
    its whole JSON in memory, and each line is compact)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    header = _header(analysis)
    out.write("{\n")
    for key, value in header.items():
        out.write(f"{dump(key)}: {dump(value)},\n")
    sections = _sections(analysis)
    for n, (key, items) in enumerate(sections):
        out.write(f"{dump(key)}: [")
        lines: Iterable[str] = (
            (_token_line(t) for t in analysis.tokens) if key == "tokens" else (dump(item) for item in items)
        )
        first = True
        for line in lines:
            out.write("\n " if first else ",\n ")
            out.write(line)
            first = False
        out.write("\n]" if not first else "]")
        out.write(",\n" if n < len(sections) - 1 else "\n")
    out.write("}\n")
