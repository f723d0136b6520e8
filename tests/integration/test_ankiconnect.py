"""Fields and tags the learner adds in Anki survive Dushu's next export (real `anki` backend).

Anki 26's package importer replaces every field and the tag list of a note it updates, which is why
`dushu deck --to-anki` pushes through AnkiConnect instead: Dushu's fields updated, the rest kept.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dushu.core.models import Analysis
from dushu.export.anki import export_deck, note_key_tag
from dushu.export.anki_models import VOCAB_MODEL_ID
from dushu.export.ankiconnect import AnkiConnectError, push_deck

anki_collection = pytest.importorskip("anki.collection", reason="the anki package does not install here")
Collection = anki_collection.Collection

T1 = 1_750_000_000.0
T2 = T1 + 3600
HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SAMPLE = _load("dushu_tests_anki_sample_push", HERE.parent / "unit" / "export" / "anki" / "anki_sample.py")
FAKE = _load("dushu_tests_fake_ankiconnect", HERE / "fake_ankiconnect.py")


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        yield collection
    finally:
        collection.close()


@pytest.fixture
def anki(col: Any) -> Iterator[tuple[str, Any]]:
    """(url, fake) of an AnkiConnect over the real collection `col`."""
    with FAKE.serving(col) as served:
        yield served


def _import(col: Any, package: Path) -> Any:
    options = anki_collection.ImportAnkiPackageOptions(with_scheduling=False)
    request = anki_collection.ImportAnkiPackageRequest(package_path=str(package), options=options)
    log = col.import_anki_package(request).log
    col.models._clear_cache()
    return log


def _word_note(col: Any, word: str = "組織") -> Any:
    (nid,) = col.find_notes(f"Word:{word}")
    return col.get_note(nid)


def _learner_adds_audio_and_a_tag(col: Any) -> int:
    note = _word_note(col)
    note["Audio"] = "[sound:my-voice.mp3]"
    note.tags.append("exam-week")
    col.update_note(note)
    return int(note.id)


def _dushu_note_types(col: Any) -> list[str]:
    return sorted(n.name for n in col.models.all_names_and_ids() if n.name.startswith("Dushu"))


def _edited() -> Analysis:
    return SAMPLE.build_analysis(meanings={"組織": ("an organisation (my meaning)",)})


def test_a_package_import_replaces_the_learners_fields_and_tags(col: Any, tmp_path: Path) -> None:
    """What Anki 26 does, and why Dushu pushes instead: pinned so a change in Anki shows here."""
    export_deck(SAMPLE.build_analysis(), tmp_path / "v1.apkg", timestamp=T1)
    _import(col, tmp_path / "v1.apkg")
    _learner_adds_audio_and_a_tag(col)
    export_deck(_edited(), tmp_path / "v2.apkg", timestamp=T2 + 10**8)  # newer than the learner's edit
    _import(col, tmp_path / "v2.apkg")
    note = _word_note(col)
    assert note["Audio"] == "" and "exam-week" not in note.tags
    assert "my meaning" in note["Meaning"]


def test_a_push_updates_dushus_fields_and_keeps_the_learners(
    col: Any, anki: tuple[str, Any], tmp_path: Path
) -> None:
    url, fake = anki
    export_deck(SAMPLE.build_analysis(), tmp_path / "v1.apkg", timestamp=T1)
    _import(col, tmp_path / "v1.apkg")
    notes, cards = col.note_count(), col.card_count()
    nid = _learner_adds_audio_and_a_tag(col)
    col.decks.select(col.decks.id_for_name("港口合作::Vocabulary"))
    card = col.sched.getCard()
    col.sched.answerCard(card, 3)
    card.load()
    studied = (card.id, card.reps, card.due)

    summary = push_deck(_edited(), url=url, spool_dir=tmp_path, timestamp=T2)

    note = col.get_note(nid)
    assert "an organisation (my meaning)" in note["Meaning"]
    assert note["Audio"] == "[sound:my-voice.mp3]", "the learner's recording is kept"
    assert "exam-week" in note.tags and "dushu::vocab" in note.tags
    assert note_key_tag(note.guid) in note.tags
    assert summary.added == 0 and summary.notes == notes
    assert col.note_count() == notes and col.card_count() == cards, "no duplicates"
    assert _dushu_note_types(col) == ["Dushu Cloze", "Dushu Fact", "Dushu Vocabulary"]
    again = col.get_card(studied[0])
    assert (again.id, again.reps, again.due) == studied, "review history kept"
    assert "importPackage" not in fake.calls
    assert not list(tmp_path.glob("dushu-push-*")), "the spooled package is removed"

    fake.calls.clear()
    second = push_deck(_edited(), url=url, spool_dir=tmp_path, timestamp=T2)
    assert second.unchanged == notes and second.updated == 0
    assert "updateNoteFields" not in fake.calls and "addTags" not in fake.calls
    message, ok = col.fix_integrity()
    assert ok, message


def test_a_first_push_adds_notes_a_later_package_updates_in_place(
    col: Any, anki: tuple[str, Any], tmp_path: Path
) -> None:
    url, _ = anki
    summary = push_deck(SAMPLE.build_analysis(), url=url, spool_dir=tmp_path, timestamp=T1)
    assert summary.added == col.note_count() == 23
    assert _dushu_note_types(col) == ["Dushu Cloze", "Dushu Fact", "Dushu Vocabulary"]
    assert "港口合作::Vocabulary" in {d.name for d in col.decks.all_names_and_ids()}
    _learner_adds_audio_and_a_tag(col)

    export_deck(_edited(), tmp_path / "v2.apkg", timestamp=T2 + 10**8)
    log = _import(col, tmp_path / "v2.apkg")
    assert not log.new and len(log.updated) == 23, "pushed notes carry Dushu's GUIDs"
    assert _dushu_note_types(col) == ["Dushu Cloze", "Dushu Fact", "Dushu Vocabulary"]


def test_notes_from_a_package_of_the_previous_version_are_found_and_updated(
    col: Any, anki: tuple[str, Any], tmp_path: Path
) -> None:
    """An old deck (no key tags, the old Audio help text) imported, then a new push and package."""
    url, _ = anki
    _import(col, HERE / "data" / "deck-before-ankiconnect.apkg")
    notes = col.note_count()
    nid = _learner_adds_audio_and_a_tag(col)
    assert not any(t.startswith("dushu::id::") for t in col.get_note(nid).tags)

    summary = push_deck(_edited(), url=url, spool_dir=tmp_path, timestamp=T2)
    # Every old word note is recognised by what it shows. Fact and cloze fronts are worded anew in
    # this version, so those travel in the package, where Anki finds them by their GUID: no copies.
    assert summary.added <= summary.fact_notes + summary.cloze_notes
    # A cloze note is named by what it blanks: a sentence whose blanks changed is a new note.
    assert col.note_count() - notes <= summary.cloze_notes, "no other note is added twice"
    notes = col.note_count()
    note = col.get_note(nid)
    assert note["Audio"] == "[sound:my-voice.mp3]" and "exam-week" in note.tags
    assert "my meaning" in note["Meaning"] and note_key_tag(note.guid) in note.tags
    assert col.note_count() == notes

    export_deck(_edited(), tmp_path / "v3.apkg", timestamp=T2 + 10**8)
    log = _import(col, tmp_path / "v3.apkg")
    sent = summary.vocab_notes + summary.fact_notes + summary.cloze_notes
    assert not log.new and not log.conflicting and len(log.updated) == sent
    assert _dushu_note_types(col) == ["Dushu Cloze", "Dushu Fact", "Dushu Vocabulary"], "no copies"
    vocab = col.models.get(VOCAB_MODEL_ID)
    assert "keeps it" in vocab["flds"][-1]["description"], "the note type itself is updated in place"


def test_a_field_the_learner_adds_to_a_note_type_survives_a_push_that_adds_notes(
    col: Any, anki: tuple[str, Any], tmp_path: Path
) -> None:
    url, _ = anki
    analysis = SAMPLE.build_analysis()
    later = next(i for i, v in enumerate(analysis.vocabulary) if v.word != "組織")
    first = replace(analysis, vocabulary=analysis.vocabulary[:later] + analysis.vocabulary[later + 1 :])
    push_deck(first, url=url, include=["vocab"], spool_dir=tmp_path, timestamp=T1)
    model = col.models.get(VOCAB_MODEL_ID)
    col.models.add_field(model, col.models.new_field("My notes"))
    col.models.update_dict(model)
    col.models._clear_cache()
    note = _word_note(col)
    note["My notes"] = "seen in the port article"
    col.update_note(note)

    summary = push_deck(_edited(), url=url, include=["vocab"], spool_dir=tmp_path, timestamp=T2)
    assert summary.added == 1 and summary.updated == 1, "the left-out word arrives as a package"
    assert _dushu_note_types(col) == ["Dushu Vocabulary"], "the learner's note type is merged, not copied"
    note = col.get_note(note.id)
    assert note["My notes"] == "seen in the port article" and "my meaning" in note["Meaning"]


def test_two_readings_of_one_word_stay_two_notes(col: Any, anki: tuple[str, Any], tmp_path: Path) -> None:
    url, _ = anki
    analysis = SAMPLE.build_analysis()
    item = analysis.vocabulary[0]
    other = replace(item, pinyin=tuple("x" + s for s in item.pinyin))
    both = replace(analysis, vocabulary=(item, other))
    push_deck(both, url=url, include=["vocab"], spool_dir=tmp_path, timestamp=T1)
    assert col.note_count() == 2
    summary = push_deck(both, url=url, include=["vocab"], spool_dir=tmp_path, timestamp=T2)
    assert summary.unchanged == 2 and col.note_count() == 2


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_anki_not_running_is_one_clear_sentence() -> None:
    with pytest.raises(AnkiConnectError) as caught:
        push_deck(SAMPLE.build_analysis(), url=_closed_port())
    message = str(caught.value)
    assert message.startswith("cannot reach Anki at http://127.0.0.1:") and "AnkiConnect" in message
    assert "\n" not in message


def test_the_command_line_pushes_and_reports_in_one_line(
    col: Any, anki: tuple[str, Any], tmp_path: Path, capsys: Any
) -> None:
    from dushu.cli import main

    url, _ = anki
    src = tmp_path / "port.txt"
    src.write_text("2031年4月2日，河洛港務局宣布開放新航線。\n兩港同意擴大合作。\n", encoding="utf-8")
    assert main(["deck", str(src), "--to-anki", "--anki-url", url, "--no-user-data"]) == 0
    err = capsys.readouterr().err
    assert "Anki: deck 'port'" in err and "added" in err and col.note_count() > 0
    assert main(["deck", str(src), "--to-anki", "--anki-url", _closed_port()]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dushu: error: cannot reach Anki at")
    assert main(["deck", str(src)]) == 2
    assert "-o" in capsys.readouterr().err
