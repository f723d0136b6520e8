"""Moving the library to another computer: export to one file, import it, keep what it replaces."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dushu.cli import main
from dushu.storage.library import SCHEMA_VERSION, Library, WordStatus, default_library_path
from dushu.storage.transfer import TransferError, export_library, import_library

TEXT = "青溪村的小學今年秋天開了書法課，村長林望舒說孩子們很喜歡。"


def _fill(path: Path) -> Library:
    path.parent.mkdir(parents=True, exist_ok=True)
    library = Library(path)
    doc = library.add_document("青溪村", TEXT, source="notes.txt")
    library.set_position(doc.id, 12)
    library.set_status(["書法", "孩子"], WordStatus.KNOWN)
    library.set_status(["村長"], WordStatus.LEARNING)
    library.add_merged_word("青溪村")
    library.set_meaning("書法", "calligraphy (the school subject)")
    library.set_setting("reading", "zhuyin")
    return library


def test_everything_arrives_on_the_other_computer(tmp_path: Path) -> None:
    old = _fill(tmp_path / "old" / "library.sqlite3")  # still open, as when the app runs
    exported = export_library(tmp_path / "moving.sqlite3", old.path)
    old.close()
    assert exported.documents == 1 and exported.word_statuses == 3 and exported.user_words == 1
    # One self-contained file: nothing beside it that would have to travel too.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["moving.sqlite3", "old"]

    new_path = tmp_path / "new" / "library.sqlite3"
    imported = import_library(tmp_path / "moving.sqlite3", new_path)
    assert imported.kept is None and imported.documents == 1
    with Library(new_path) as new:
        (doc,) = new.documents()
        assert new.document_text(doc.id) == TEXT and doc.position == 12
        assert new.words_with_status(WordStatus.KNOWN) == {"書法", "孩子"}
        assert new.merged_words() == ["青溪村"]
        assert new.meaning("書法") == "calligraphy (the school subject)"
        assert new.setting("reading") == "zhuyin"


def test_the_library_it_replaces_is_kept(tmp_path: Path) -> None:
    _fill(tmp_path / "a.sqlite3").close()
    export_library(tmp_path / "moving.sqlite3", tmp_path / "a.sqlite3")
    target = tmp_path / "home" / "library.sqlite3"
    target.parent.mkdir()
    with Library(target) as existing:
        existing.add_document("舊筆記", "這是另一台電腦上原有的文章。")
    result = import_library(tmp_path / "moving.sqlite3", target)
    assert result.kept is not None and result.kept.name.startswith("library.sqlite3.before-import-")
    with Library(result.kept) as kept:
        assert [d.title for d in kept.documents()] == ["舊筆記"]
    with Library(target) as now:
        assert [d.title for d in now.documents()] == ["青溪村"]


def test_a_file_that_is_not_a_library_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "library.sqlite3"
    with Library(target) as existing:
        existing.add_document("舊筆記", "這是原有的文章。")
    bogus = tmp_path / "notes.txt"
    bogus.write_text("這不是資料庫。" * 100, encoding="utf-8")
    with pytest.raises(TransferError, match="not a Dushu library"):
        import_library(bogus, target)
    with Library(target) as still:
        assert [d.title for d in still.documents()] == ["舊筆記"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3", "notes.txt"]


def test_a_library_from_a_newer_dushu_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    _fill(newer).close()
    with sqlite3.connect(newer) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(TransferError, match="newer version of Dushu"):
        import_library(newer, tmp_path / "library.sqlite3")
    assert not (tmp_path / "library.sqlite3").exists()


def test_nothing_to_export_yet(tmp_path: Path) -> None:
    with pytest.raises(TransferError, match="no library to export yet"):
        export_library(tmp_path / "out.sqlite3", tmp_path / "missing.sqlite3")


def test_the_library_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(default_library_path()).close()
    assert main(["library", "where"]) == 0
    assert str(default_library_path()) in capsys.readouterr().out
    out = tmp_path / "moving.sqlite3"
    assert main(["library", "export", str(out)]) == 0
    assert "1 document, 3 words marked known or learning" in capsys.readouterr().err
    assert main(["library", "import", str(out)]) == 0
    err = capsys.readouterr().err
    assert "now holds 1 document" in err and "was kept as" in err
    assert main(["library", "import", str(tmp_path / "nothing.sqlite3")]) == 2
    assert capsys.readouterr().err == f"dushu: error: {tmp_path / 'nothing.sqlite3'}: no such file\n"
