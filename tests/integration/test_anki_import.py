"""Dushu packages in the real Anki backend: import, render, Check Database, update in place."""

from __future__ import annotations

import importlib.util
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dushu.core.models import Analysis, Definition
from dushu.export.anki import export_deck, note_key_tag
from dushu.export.anki_models import (
    CLOZE_MODEL_ID,
    FACT_MODEL_ID,
    VOCAB_FIELD_DEFS,
    VOCAB_MODEL_ID,
    VOCAB_TEMPLATE_DEFS,
)
from dushu.export.known_words import read_known_words

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection

T1 = 1_750_000_000.0
T2 = T1 + 3600


def _load_sample() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "unit" / "export" / "anki" / "anki_sample.py"
    spec = importlib.util.spec_from_file_location("dushu_tests_anki_sample_integration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = _load_sample()


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty Anki collection."""
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        yield collection
    finally:
        collection.close()


def _import(col: Any, package: Path) -> Any:
    options = anki_collection.ImportAnkiPackageOptions(with_scheduling=False)
    request = anki_collection.ImportAnkiPackageRequest(package_path=str(package), options=options)
    result = col.import_anki_package(request)
    col.models._clear_cache()  # the Python side caches note types across backend changes
    return result.log


def _export(tmp_path: Path, analysis: Analysis, name: str, stamp: float, **options: Any) -> Path:
    out = tmp_path / name
    export_deck(analysis, out, timestamp=stamp, **options)
    return out


def _cards_by_template(col: Any, model_id: int) -> dict[str, int]:
    model = col.models.get(model_id)
    counts: dict[str, int] = {}
    for cid in col.find_cards(f"mid:{model_id}"):
        card = col.get_card(cid)
        name = model["tmpls"][card.ord]["name"] if model["type"] == 0 else "Cloze"
        counts[name] = counts.get(name, 0) + 1
    return counts


def _note_for(col: Any, search: str) -> Any:
    (nid,) = col.find_notes(search)
    return col.get_note(nid)


def _dushu_note_types(col: Any) -> list[str]:
    return sorted(n.name for n in col.models.all_names_and_ids() if n.name.startswith("Dushu"))


def test_package_imports_cleanly(col: Any, tmp_path: Path) -> None:
    analysis = SAMPLE.build_analysis()
    log = _import(col, _export(tmp_path, analysis, "deck.apkg", T1))

    assert len(log.new) == col.note_count() == 23
    assert not (log.conflicting or log.missing_notetype or log.empty_first_field or log.duplicate)
    assert _dushu_note_types(col) == ["Dushu Cloze", "Dushu Fact", "Dushu Vocabulary"]
    vocab = col.models.get(VOCAB_MODEL_ID)
    assert [(f["name"], f["id"]) for f in vocab["flds"]] == [(f.name, f.id) for f in VOCAB_FIELD_DEFS]
    assert [(t["name"], t["id"]) for t in vocab["tmpls"]] == [(t.name, t.id) for t in VOCAB_TEMPLATE_DEFS]
    assert {"港口合作", "港口合作::Vocabulary", "港口合作::Facts"} <= {
        d.name for d in col.decks.all_names_and_ids()
    }

    # 14 words: 14 recognition, 14 recall (all have meanings), 14 sentence cards (all have examples).
    assert _cards_by_template(col, VOCAB_MODEL_ID) == {"Recognition": 14, "Recall": 14, "Sentence": 14}
    assert _cards_by_template(col, FACT_MODEL_ID) == {
        "Question → Answer": 6, "Date → Event": 1, "Event → Date": 1,
    }  # fmt: skip
    # Three sentences: date, term and person; date and term; date.
    assert sum(_cards_by_template(col, CLOZE_MODEL_ID).values()) == 6
    vocab_deck = col.decks.id_for_name("港口合作::Vocabulary")
    facts_deck = col.decks.id_for_name("港口合作::Facts")
    assert set(col.find_cards(f"mid:{VOCAB_MODEL_ID}")) == set(col.find_cards(f"did:{vocab_deck}"))
    assert len(col.find_cards(f"did:{facts_deck}")) == 6 + 1 + 1 + 6

    note = _note_for(col, "Word:組織")
    assert note["Simplified"] == "组织"
    assert note["Pinyin"] == '<span class="tone3">zǔ</span><span class="tone1">zhī</span>'
    assert note["HSK"] == "HSK 4"
    key = note_key_tag(note.guid)  # how a push through AnkiConnect finds the note again
    assert set(note.tags) == {"dushu", "dushu::vocab", "dushu::hsk::4", "dushu::source::港口合作", key}


def test_check_database_and_empty_cards_find_nothing(col: Any, tmp_path: Path) -> None:
    analysis = SAMPLE.build_analysis()
    short = replace(analysis.vocabulary[0], definitions=(), example="", example_sentence=-1)
    trimmed = replace(analysis, vocabulary=(short, *analysis.vocabulary[1:]))
    _import(col, _export(tmp_path, trimmed, "deck.apkg", T1))
    cards = col.card_count()
    message, ok = col.fix_integrity()
    assert ok, message
    assert col.card_count() == cards, "Anki would generate no card that Dushu left out"
    assert not col.get_empty_cards().notes, "and finds no card that Dushu should have left out"


def test_rendered_vocabulary_cards(col: Any, tmp_path: Path) -> None:
    _import(col, _export(tmp_path, SAMPLE.build_analysis(), "deck.apkg", T1))
    cards = {c.template()["name"]: c for c in _note_for(col, "Word:組織").cards()}

    recognition = cards["Recognition"].render_output()
    assert '<div class="hanzi" lang="zh">組織</div>' in recognition.question_text
    assert "organisation" not in recognition.question_text
    assert "organisation; to organise" in recognition.answer_text
    assert '<span class="tone3">zǔ</span><span class="tone1">zhī</span>' in recognition.answer_text
    assert '合作<span class="hl">組織</span>（OMC）' in recognition.answer_text
    assert '<span class="form-label">简</span>组织' in recognition.answer_text

    recall = cards["Recall"].render_output()
    assert "organisation; to organise" in recall.question_text
    assert "組織" not in recall.question_text

    sentence = cards["Sentence"].render_output()
    assert '<div class="example blanked" lang="zh">' in sentence.question_text
    assert '<span class="hl">組織</span>' in sentence.question_text, "hidden by the .blanked CSS rule"
    assert '<div class="hanzi" lang="zh">組織</div>' in sentence.answer_text
    assert ".blanked .hl" in cards["Sentence"].css()


def test_rendered_fact_and_cloze_cards(col: Any, tmp_path: Path) -> None:
    _import(col, _export(tmp_path, SAMPLE.build_analysis(), "deck.apkg", T1))
    event = _note_for(col, "Question:*出任*")
    cards = {c.template()["name"]: c.render_output() for c in event.cards()}
    assert "林美華" not in cards["Question → Answer"].question_text
    assert "林美華" in cards["Question → Answer"].answer_text
    assert "2024年3月5日" in cards["Date → Event"].question_text
    assert "出任" not in cards["Date → Event"].question_text
    assert '<div class="source-sentence hide-date"' in cards["Event → Date"].question_text

    cloze = _note_for(col, "Text:*秘書長*")
    first = next(c for c in cloze.cards() if c.ord == 0).render_output()
    assert (
        '<span class="cloze" data-cloze="2024年3月5日" data-ordinal="1">[date]</span>' in first.question_text
    )
    assert '<span class="cloze" data-ordinal="1">2024年3月5日</span>' in first.answer_text


def test_hostile_text_stays_text(col: Any, tmp_path: Path) -> None:
    analysis = replace(SAMPLE.build_analysis(), title="<img src=x onerror=alert(1)>")
    _import(col, _export(tmp_path, analysis, "deck.apkg", T1))
    seen_hostile = 0
    for cid in col.find_cards(""):
        output = col.get_card(cid).render_output()
        for html in (output.question_text, output.answer_text):
            assert "<script" not in html and "<img" not in html
            seen_hostile += "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert not output.question_av_tags and not output.answer_av_tags, "no [sound:] from the text"
    assert seen_hostile > 0
    assert not any(Path(col.media.dir()).iterdir()), "the package brings no media"


def test_export_edit_export_updates_in_place(col: Any, tmp_path: Path) -> None:
    first = SAMPLE.build_analysis()
    _import(col, _export(tmp_path, first, "v1.apkg", T1))
    notes, cards = col.note_count(), col.card_count()

    # Study one card, so that there is review history to keep.
    col.decks.select(col.decks.id_for_name("港口合作::Vocabulary"))
    card = col.sched.getCard()
    studied_word = card.note()["Word"]
    col.sched.answerCard(card, 3)
    card.load()
    studied = (card.id, card.reps, card.type, card.due)
    assert card.reps == 1

    # Edit in Dushu: a word's meaning changes, a fact is reworded.
    second = SAMPLE.build_analysis(meanings={"組織": ("an organisation (revised)",)})
    reworded = tuple(replace(f, text=f.text.replace("出任", "就任")) for f in second.facts)
    second = replace(second, facts=reworded, text=second.text.replace("出任", "就任"))
    log = _import(col, _export(tmp_path, second, "v2.apkg", T2))

    assert not log.new and not log.conflicting
    assert len(log.updated) == notes, "every note is newer in the new package"
    assert col.note_count() == notes and col.card_count() == cards
    assert _dushu_note_types(col) == ["Dushu Cloze", "Dushu Fact", "Dushu Vocabulary"], "no copies"
    assert "an organisation (revised)" in _note_for(col, "Word:組織")["Meaning"]
    assert "就任" in _note_for(col, "Question:*就任*")["Question"]
    again = col.get_card(studied[0])
    assert (again.id, again.reps, again.type, again.due) == studied
    assert again.note()["Word"] == studied_word
    assert col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", studied[0]) == 1
    message, ok = col.fix_integrity()
    assert ok, message
    assert col.card_count() == cards


def test_re_export_adds_new_words_and_new_cards_only(col: Any, tmp_path: Path) -> None:
    full = SAMPLE.build_analysis()
    fewer = replace(full, vocabulary=full.vocabulary[1:])
    no_example = replace(full.vocabulary[1], example="", example_sentence=-1)
    start = replace(fewer, vocabulary=(no_example, *fewer.vocabulary[1:]))
    _import(col, _export(tmp_path, start, "v1.apkg", T1, include=["vocab"]))
    assert col.note_count() == 13 and col.card_count() == 13 * 3 - 1

    log = _import(col, _export(tmp_path, full, "v2.apkg", T2, include=["vocab"]))
    assert [n.fields[0] for n in log.new] == [full.vocabulary[0].word]
    assert col.note_count() == 14
    assert col.card_count() == 14 * 3, "the word that gained an example gained its Sentence card"


def test_same_package_twice_adds_nothing(col: Any, tmp_path: Path) -> None:
    package = _export(tmp_path, SAMPLE.build_analysis(), "deck.apkg", T1)
    _import(col, package)
    log = _import(col, package)
    assert not log.new and not log.updated
    assert col.note_count() == 23


def test_known_words_from_anki_exports(col: Any, tmp_path: Path) -> None:
    analysis = SAMPLE.build_analysis()
    _import(col, _export(tmp_path, analysis, "deck.apkg", T1))
    words = {v.word for v in analysis.vocabulary}
    for legacy in (True, False):
        out = tmp_path / f"export-{legacy}.apkg"
        options = anki_collection.ExportAnkiPackageOptions(
            with_scheduling=True, with_media=False, legacy=legacy
        )
        col.export_anki_package(out_path=str(out), options=options, limit=None)
        names = zipfile.ZipFile(out).namelist()
        assert ("collection.anki21b" in names) is not legacy
        known = read_known_words(out)
        assert words <= known
        assert not any("，" in w or len(w) > 10 for w in known)


@pytest.mark.parametrize("legacy", [True, False])
def test_known_words_from_a_collection_package(tmp_path: Path, legacy: bool) -> None:
    collection = Collection(str(tmp_path / f"c{legacy}.anki2"))
    analysis = SAMPLE.build_analysis()
    _import(collection, _export(tmp_path, analysis, "deck.apkg", T1, include=["vocab"]))
    out = tmp_path / "backup.colpkg"
    collection.export_collection_package(str(out), include_media=False, legacy=legacy)  # closes it
    assert read_known_words(out) >= {v.word for v in analysis.vocabulary}


def test_updated_definition_objects_survive_round_trip(col: Any, tmp_path: Path) -> None:
    analysis = SAMPLE.build_analysis()
    item = analysis.vocabulary[0]
    two = replace(
        item, definitions=(Definition(" ".join(item.pinyin), ("first",)), Definition("x", ("other",)))
    )
    _import(col, _export(tmp_path, replace(analysis, vocabulary=(two,)), "d.apkg", T1, include=["vocab"]))
    note = _note_for(col, f"Word:{item.word}")
    assert note["Meaning"] == '<div class="def def-cc-cedict in-context">first</div>'


def test_a_word_whose_meanings_give_it_away_gets_no_recall_card_and_no_hint(col: Any, tmp_path: Path) -> None:
    analysis = SAMPLE.build_analysis()
    item = next(v for v in analysis.vocabulary if v.word == "組織")
    pointer = replace(
        item, definitions=(Definition(" ".join(item.pinyin), ("variant of 組織|组织[zu3 zhi1]",)),)
    )
    _import(col, _export(tmp_path, replace(analysis, vocabulary=(pointer,)), "d.apkg", T1, include=["vocab"]))
    note = _note_for(col, "Word:組織")
    assert note["Meaning"] == ""
    cards = {c.template()["name"]: c for c in note.cards()}
    assert set(cards) == {"Recognition", "Sentence"}, "no Recall card: nothing to ask the word by"
    front = cards["Sentence"].render_output().question_text
    assert '<div class="hint"></div>' in front and "variant" not in front
