"""The flat exports: Pleco TSV and Quizlet/spreadsheet CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from dushu.core.models import Analysis
from dushu.errors import ExportError
from dushu.export.anki import export_deck
from dushu.export.flat import CSV_HEADER


def test_pleco_tsv_layout(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "words.txt"
    summary = export_deck(analysis, out, fmt="tsv", include=["vocab", "facts"])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "//港口合作"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 3 for row in rows)
    assert len(rows) == summary.vocab_notes == len(analysis.vocabulary)
    by_word = {row[0]: row for row in rows}
    assert by_word["组织[組織]"] == ["组织[組織]", "zu3zhi1", "organisation; to organise"]
    assert by_word["合作"][1] == "he2zuo4"


def test_pleco_tsv_keeps_hostile_text_on_one_line(analysis: Analysis, sample: object, tmp_path: Path) -> None:
    item = analysis.vocabulary[0]
    meanings = ("line one\nline two\tafter a tab", "<script>alert(1)</script>")
    tricky = replace(item, definitions=(replace(item.definitions[0], meanings=meanings),))
    out = tmp_path / "words.txt"
    export_deck(replace(analysis, vocabulary=(tricky,)), out, fmt="tsv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert lines[1].split("\t")[2] == "line one line two after a tab; <script>alert(1)</script>"


def test_pleco_tsv_needs_vocabulary(analysis: Analysis, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="vocabulary"):
        export_deck(analysis, tmp_path / "w.txt", fmt="tsv", include=["facts"])


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), "a byte-order mark, for spreadsheets"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_layout(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "words.csv"
    summary = export_deck(analysis, out, fmt="csv")
    rows = _read_csv(out)
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) - 1 == summary.cards == summary.notes
    word = next(dict(zip(CSV_HEADER, r, strict=True)) for r in rows[1:] if r[0] == "組織")
    assert word == {
        "term": "組織", "definition": "zǔzhī — organisation; to organise", "pinyin": "zǔzhī",
        "pinyin_numbers": "zu3zhi1", "zhuyin": "ㄗㄨˇ ㄓ", "meaning": "organisation; to organise",
        "traditional": "組織", "simplified": "组织", "hsk": "4",
        "example": "2024年3月5日，林美華出任海洋合作組織（OMC）秘書長。", "kind": "vocab",
    }  # fmt: skip
    kinds = [r[-1] for r in rows[1:]]
    assert kinds.count("fact") == summary.fact_notes and kinds.count("cloze") == summary.cloze_notes
    cause = next(r for r in rows[1:] if r[0].startswith("由於"))
    assert cause[:2] == ["由於＿＿，各國同意加強港口合作", "航運成本上升"]


def test_csv_cells_cannot_become_formulas(analysis: Analysis, tmp_path: Path) -> None:
    item = analysis.vocabulary[0]
    evil = replace(item, definitions=(replace(item.definitions[0], meanings=("=HYPERLINK(1)",)),))
    out = tmp_path / "words.csv"
    export_deck(replace(analysis, vocabulary=(evil,)), out, fmt="csv", include=["vocab"])
    row = _read_csv(out)[1]
    assert row[CSV_HEADER.index("meaning")] == "'=HYPERLINK(1)"
