"""The SQLite library: documents, the user's words, statuses, meanings, settings and migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dushu.storage import library as library_module
from dushu.storage.library import (
    SCHEMA_VERSION,
    Library,
    LibraryError,
    UserWord,
    WordStatus,
    default_library_path,
    open_library,
)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "library.sqlite3")
    yield library
    library.close()


def test_a_new_library_is_at_the_current_schema(lib: Library) -> None:
    assert lib.schema_version == SCHEMA_VERSION
    assert lib.documents() == []


def test_documents_keep_title_source_text_and_position(lib: Library) -> None:
    doc = lib.add_document("晶片", "台積電在熊本設廠。", source="/home/me/chip.txt")
    assert doc.title == "晶片"
    assert doc.source == "/home/me/chip.txt"
    assert doc.length == 9
    assert doc.position == 0
    assert lib.document_text(doc.id) == "台積電在熊本設廠。"
    lib.set_position(doc.id, 5)
    assert lib.document(doc.id).position == 5  # type: ignore[union-attr]


def test_the_same_text_is_stored_once_and_keeps_its_reading_position(lib: Library) -> None:
    first = lib.add_document("A", "同一篇文章。")
    lib.set_position(first.id, 3)
    again = lib.add_document("B", "同一篇文章。")
    assert again.id == first.id
    assert again.position == 3
    assert len(lib.documents()) == 1


def test_recent_documents_are_the_last_opened_first(lib: Library) -> None:
    a = lib.add_document("A", "甲")
    b = lib.add_document("B", "乙")
    c = lib.add_document("C", "丙")
    # Timestamps have one-second resolution; force an order by setting them directly.
    lib._db.execute("UPDATE documents SET opened = '2024-01-01T00:00:00+00:00' WHERE id = ?", (b.id,))
    lib._db.execute("UPDATE documents SET opened = '2025-01-01T00:00:00+00:00' WHERE id = ?", (a.id,))
    lib._db.execute("UPDATE documents SET opened = '2023-01-01T00:00:00+00:00' WHERE id = ?", (c.id,))
    assert [d.title for d in lib.recent_documents()] == ["A", "B", "C"]
    lib.mark_opened(c.id)
    assert lib.recent_documents(1)[0].title == "C"


def test_untitled_text_is_named_after_its_first_line(lib: Library) -> None:
    doc = lib.add_document("  ", "\n\n  第一行的標題\n正文")
    assert doc.title == "第一行的標題"


def test_rename_and_remove(lib: Library) -> None:
    doc = lib.add_document("舊", "內容")
    lib.rename_document(doc.id, "新")
    assert lib.document(doc.id).title == "新"  # type: ignore[union-attr]
    lib.set_annotations(doc.id, {"facts": []})
    lib.remove_document(doc.id)
    assert lib.document(doc.id) is None
    assert lib.annotations(doc.id) is None
    with pytest.raises(LibraryError):
        lib.document_text(doc.id)


def test_merges_and_splits_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        lib.add_merged_word("台积电")
        lib.add_split_word("分流")
        lib.add_merged_word("供应链大")
        lib.add_split_word("供应链大")  # the later decision wins
    with Library(path) as lib:
        assert lib.merged_words() == ["台积电"]
        assert sorted(lib.split_words()) == ["供应链大", "分流"]
        assert UserWord("台积电", "merge") in lib.user_words()
        lib.remove_user_word("分流")
        assert lib.split_words() == ["供应链大"]


def test_word_status_round_trip(lib: Library) -> None:
    assert lib.status("经济") is WordStatus.NEW
    lib.set_status(["经济", "政府"], WordStatus.KNOWN)
    lib.set_status(["晶片"], WordStatus.LEARNING)
    assert lib.status("经济") is WordStatus.KNOWN
    assert lib.words_with_status(WordStatus.KNOWN) == {"经济", "政府"}
    assert lib.statuses()["晶片"] is WordStatus.LEARNING
    lib.set_status(["经济"], WordStatus.NEW)
    assert lib.status("经济") is WordStatus.NEW
    assert "经济" not in lib.statuses()


def test_edited_meanings_persist_and_blank_restores(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        lib.set_meaning("分流", "divergence (of supply chains)")
    with Library(path) as lib:
        assert lib.meaning("分流") == "divergence (of supply chains)"
        assert lib.meanings() == {"分流": "divergence (of supply chains)"}
        lib.set_meaning("分流", "  ")
        assert lib.meaning("分流") is None


def test_settings_hold_json_values(lib: Library) -> None:
    assert lib.setting("font_size", 22) == 22
    lib.set_setting("font_size", 26)
    lib.set_setting("reading", "zhuyin")
    lib.set_setting("window", {"w": 1200, "h": 800})
    assert lib.setting("font_size") == 26
    assert lib.setting("reading") == "zhuyin"
    assert lib.setting("window") == {"w": 1200, "h": 800}


def test_annotations_round_trip_chinese_text(lib: Library) -> None:
    doc = lib.add_document("T", "文")
    data = {"facts": [{"kind": "event", "text": "台積電宣布設廠", "date": "2021-11"}], "people": []}
    lib.set_annotations(doc.id, data)
    assert lib.annotations(doc.id) == data
    lib.set_annotations(doc.id, None)
    assert lib.annotations(doc.id) is None


def test_a_version_1_library_is_migrated_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(library_module.MIGRATIONS[0])
    db.execute(
        "INSERT INTO documents (title, source, text, digest, added, opened, position)"
        " VALUES ('舊文', '', '一篇舊的文章', 'x', '2024-01-01', '2024-01-01', 4)"
    )
    db.execute("INSERT INTO word_status VALUES ('经济', 'known', '2024-01-01')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Library(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        (doc,) = lib.documents()
        assert (doc.title, doc.position, doc.length) == ("舊文", 4, 6)
        assert lib.status("经济") is WordStatus.KNOWN
        lib.set_meaning("经济", "economy")  # a table added by migration 2
        assert lib.meaning("经济") == "economy"


def test_a_library_from_a_newer_dushu_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(LibraryError, match="newer version"):
        open_library(path)
    assert path.exists()


def test_a_damaged_library_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database, but it is the user's file" * 100)
    lib, message = open_library(path)
    try:
        assert message is not None and "damaged" in message
        assert lib.documents() == []
        kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1
        assert kept[0].read_bytes().startswith(b"this is not a database")
    finally:
        lib.close()


def test_the_default_library_lives_under_dushu_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUSHU_HOME", str(tmp_path))
    assert default_library_path().is_relative_to(tmp_path)
    lib, message = open_library()
    lib.close()
    assert message is None
    assert default_library_path().exists()


def test_a_documents_published_date_is_kept_and_can_be_cleared(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path) as lib:
        doc = lib.add_document("港口", "新橋今天通車。")
        assert lib.published(doc.id) == ""
        lib.set_published(doc.id, "2031-8-26")
        assert lib.published(doc.id) == "2031-08-26"
    with Library(path) as lib:  # kept across sessions
        assert lib.published(doc.id) == "2031-08-26"
        lib.set_published(doc.id, "")
        assert lib.published(doc.id) == ""


def test_a_published_date_that_is_no_day_is_refused(lib: Library) -> None:
    doc = lib.add_document("港口", "新橋今天通車。")
    for bad in ("2031-02-30", "yesterday", "26/8/2031"):
        with pytest.raises(LibraryError, match="YYYY-MM-DD"):
            lib.set_published(doc.id, bad)
    assert lib.published(doc.id) == ""


def test_a_library_of_schema_2_gains_the_published_column(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    db = sqlite3.connect(path)
    for script in library_module.MIGRATIONS[:2]:
        db.executescript(script)
    db.execute(
        "INSERT INTO documents (title, text, digest, added, opened)"
        " VALUES ('舊文', '新橋今天通車。', 'x', '', '')"
    )
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    with Library(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        (doc,) = lib.documents()
        assert lib.published(doc.id) == ""
