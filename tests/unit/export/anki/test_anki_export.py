"""The .apkg package itself: note types, ids, decks, timestamps, options and errors (no Anki needed)."""

from __future__ import annotations

import json
import sqlite3
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dushu.core.models import Analysis, Script
from dushu.errors import Cancelled, ExportError
from dushu.export.anki import (
    clean_deck_name,
    deck_id_for,
    default_deck_name,
    export_deck,
)
from dushu.export.anki_models import (
    CLOZE_MODEL_ID,
    FACT_FIELD_DEFS,
    FACT_MODEL_ID,
    VOCAB_FIELD_DEFS,
    VOCAB_MODEL_ID,
    VOCAB_TEMPLATE_DEFS,
    card_css,
    cloze_model,
    fact_model,
    vocabulary_model,
)

STAMP = 1_750_000_000.0


def _collection(path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    return conn


def _models(conn: sqlite3.Connection) -> dict[str, Any]:
    models: dict[str, Any] = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    return models


def _cards_per_template(conn: sqlite3.Connection, mid: int) -> dict[int, int]:
    rows = conn.execute(
        "SELECT c.ord, count(*) FROM cards c JOIN notes n ON n.id = c.nid WHERE n.mid = ? GROUP BY c.ord",
        (mid,),
    )
    return dict(rows.fetchall())


def test_package_holds_fixed_note_types(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    export_deck(analysis, out, timestamp=STAMP)
    models = _models(_collection(out))
    assert set(models) == {str(VOCAB_MODEL_ID), str(FACT_MODEL_ID), str(CLOZE_MODEL_ID)}
    vocab = models[str(VOCAB_MODEL_ID)]
    assert vocab["name"] == "Dushu Vocabulary"
    assert [(f["name"], f["id"]) for f in vocab["flds"]] == [(f.name, f.id) for f in VOCAB_FIELD_DEFS]
    assert [(t["name"], t["id"]) for t in vocab["tmpls"]] == [(t.name, t.id) for t in VOCAB_TEMPLATE_DEFS]
    assert vocab["flds"][0]["plainText"] is True
    assert vocab["sortf"] == 0
    assert vocab["css"] == card_css()
    assert models[str(CLOZE_MODEL_ID)]["type"] == 1
    assert [f["name"] for f in models[str(FACT_MODEL_ID)]["flds"]] == [f.name for f in FACT_FIELD_DEFS]


def test_models_are_the_same_on_every_build() -> None:
    for build in (vocabulary_model, fact_model, cloze_model):
        first, second = build(), build()
        assert first.model_id == second.model_id
        assert first.fields == second.fields and first.templates == second.templates


def test_css_has_tone_classes_night_mode_and_phone_layout() -> None:
    css = card_css()
    for n in range(1, 6):
        assert f".tone{n}" in css
        assert f".nightMode .tone{n}" in css and f".night_mode .tone{n}" in css
    assert "@media (max-width: 480px)" in css


def test_cards_are_made_only_where_their_fields_are_filled(analysis: Analysis, tmp_path: Path) -> None:
    first = analysis.vocabulary[0]
    no_meaning = replace(first, definitions=())
    no_example = replace(analysis.vocabulary[1], example="", example_sentence=-1)
    out = tmp_path / "deck.apkg"
    export_deck(
        replace(analysis, vocabulary=(no_meaning, no_example)), out, include=["vocab"], timestamp=STAMP
    )
    cards = _cards_per_template(_collection(out), VOCAB_MODEL_ID)
    # Recognition for both, Recall only with a meaning, Sentence only with an example.
    assert cards == {0: 2, 1: 1, 2: 1}


def test_date_cards_only_for_events(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    summary = export_deck(analysis, out, include=["facts"], timestamp=STAMP)
    cards = _cards_per_template(_collection(out), FACT_MODEL_ID)
    assert summary.fact_notes == 6
    assert cards == {0: 6, 1: 1, 2: 1}, (
        "the event whose actor is a person, on a date no other event has, gets the date cards; an event"
        " whose blank would be a term asks its date on its one card (the term has its own note); the"
        " cause, the term and the person get one card each"
    )


def test_notes_carry_identity_guids_and_the_package_timestamp(analysis: Analysis, tmp_path: Path) -> None:
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export_deck(analysis, a, timestamp=STAMP)
    export_deck(analysis, b, timestamp=STAMP + 60)
    rows_a = _collection(a).execute("SELECT guid, mod FROM notes ORDER BY guid").fetchall()
    rows_b = _collection(b).execute("SELECT guid, mod FROM notes ORDER BY guid").fetchall()
    assert [g for g, _ in rows_a] == [g for g, _ in rows_b]
    assert {m for _, m in rows_a} == {int(STAMP)}
    assert {m for _, m in rows_b} == {int(STAMP + 60)}


def test_timestamp_defaults_to_now(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "now.apkg"
    before = int(time.time())
    export_deck(analysis, out)
    (mod,) = {m for (m,) in _collection(out).execute("SELECT mod FROM notes")}
    assert before <= mod <= int(time.time())


def test_sub_decks_and_deck_ids_from_names(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    summary = export_deck(analysis, out, timestamp=STAMP)
    assert summary.decks == ("港口合作", "港口合作::Vocabulary", "港口合作::Facts")
    conn = _collection(out)
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    by_name = {d["name"]: int(d["id"]) for d in decks.values()}
    for name in summary.decks:
        assert by_name[name] == deck_id_for(name)
    vocab_deck = deck_id_for("港口合作::Vocabulary")
    vocab_cards = conn.execute(
        "SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid WHERE n.mid = ? AND c.did != ?",
        (VOCAB_MODEL_ID, vocab_deck),
    ).fetchone()[0]
    assert vocab_cards == 0


def test_deck_names() -> None:
    assert deck_id_for("A") == deck_id_for("A") != deck_id_for("B")
    assert 0 < deck_id_for("任何名字") < 2**53
    assert clean_deck_name(" 中文 :: 新聞 ::") == "中文::新聞"
    sample = Analysis("", Script.TRADITIONAL, (), (), ())
    assert default_deck_name(replace(sample, title="A::B")) == "A：：B", "a title never nests decks"
    assert default_deck_name(replace(sample, source="/tmp/報導.txt")) == "報導"
    assert default_deck_name(sample) == "Dushu"


def test_deck_option_may_nest(analysis: Analysis, tmp_path: Path) -> None:
    summary = export_deck(analysis, tmp_path / "d.apkg", deck_name="中文::新聞", timestamp=STAMP)
    assert summary.decks == ("中文::新聞", "中文::新聞::Vocabulary", "中文::新聞::Facts")


def test_hostile_title_is_escaped_in_fields_and_tags(analysis: Analysis, tmp_path: Path) -> None:
    hostile = replace(analysis, title="<b>港口</b> 合作")
    out = tmp_path / "d.apkg"
    export_deck(hostile, out, timestamp=STAMP)
    conn = _collection(out)
    for (flds,) in conn.execute("SELECT flds FROM notes"):
        assert "<b>港口" not in flds
    tags = {t for (row,) in conn.execute("SELECT tags FROM notes") for t in row.split()}
    assert "dushu::source::<b>港口</b>_合作" in tags
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    assert "&lt;b&gt;" in next(d["desc"] for d in decks.values() if d["name"] == "<b>港口</b> 合作")


def test_include_may_be_a_comma_separated_string(analysis: Analysis, tmp_path: Path) -> None:
    summary = export_deck(analysis, tmp_path / "d.apkg", include="vocab, cloze", timestamp=STAMP)
    assert summary.fact_notes == 0 and summary.vocab_notes and summary.cloze_notes


def test_summary_counts(analysis: Analysis, tmp_path: Path) -> None:
    summary = export_deck(analysis, tmp_path / "d.apkg", known_words={"港口"}, min_hsk=3, timestamp=STAMP)
    assert summary.skipped_known == 1
    assert summary.skipped_below_hsk == 1
    assert summary.vocab_notes == 12
    assert summary.notes == summary.vocab_notes + summary.fact_notes + summary.cloze_notes
    conn = _collection(summary.path)
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == summary.notes
    assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == summary.cards


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "docx"}, "unknown export format"),
        ({"include": ["vocab", "grammar"]}, "cannot include grammar"),
        ({"include": []}, "nothing to include"),
        ({"min_hsk": 0}, "from 1 to 7"),
        ({"min_hsk": 10}, "from 1 to 7"),
        ({"deck_name": " :: "}, "deck name is empty"),
    ],
)
def test_bad_options_are_user_errors(
    analysis: Analysis, tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ExportError, match=message):
        export_deck(analysis, tmp_path / "d.apkg", **options)
    assert list(tmp_path.iterdir()) == []


def test_bad_targets_are_user_errors(analysis: Analysis, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        export_deck(analysis, tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        export_deck(analysis, tmp_path / "missing" / "d.apkg")


def test_nothing_to_export_says_why(analysis: Analysis, tmp_path: Path) -> None:
    known = {v.word for v in analysis.vocabulary}
    with pytest.raises(ExportError, match="14 known words skipped"):
        export_deck(analysis, tmp_path / "d.apkg", include=["vocab"], known_words=known)


def test_cancel_leaves_the_old_file_and_no_temporary_files(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"the learner's previous export")
    with pytest.raises(Cancelled):
        export_deck(analysis, out, cancel=lambda: True)
    assert out.read_bytes() == b"the learner's previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_progress_reaches_the_total(analysis: Analysis, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_deck(analysis, tmp_path / "d.apkg", progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(done <= total for done, total in calls)


def test_export_replaces_an_existing_file(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"old")
    export_deck(analysis, out, timestamp=STAMP)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]
