"""Loading the user's edits of a document from the library (`dushu.storage.edits`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dushu.core.edits import NO_EDITS
from dushu.storage.edits import load_edits, saved_edits
from dushu.storage.library import Library, LibraryBusyError, WordStatus, default_library_path

TEXT = "柯文遠局長宣布河洛港開放。\n"


def test_load_edits_reads_meanings_known_words_and_the_documents_facts(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite3") as library:
        doc = library.add_document("河洛港", TEXT)
        other = library.add_document("別的", "另一篇文章。")
        library.set_meaning("开放", "to open to trade")
        library.set_status(["宣布"], WordStatus.KNOWN)
        library.set_status(["局长"], WordStatus.LEARNING)
        library.set_annotations(doc.id, {"facts": [], "glossary": [], "people": []})
        library.set_published(doc.id, "2031-04-02")

        edits = load_edits(library, doc.id)
        assert edits.meanings == {"开放": "to open to trade"}
        assert edits.known == frozenset({"宣布"}), "only the known words, not the deck's"
        assert edits.annotations == {"facts": [], "glossary": [], "people": []}
        assert edits.published == "2031-04-02"

        elsewhere = load_edits(library, other.id)
        assert elsewhere.annotations is None and elsewhere.published == ""
        assert elsewhere.meanings == edits.meanings, "meanings are the user's for every text"
        assert library.document_with_text(TEXT) == library.document(doc.id)
        assert library.document_with_text(TEXT + "多一句。") is None


def test_saved_edits_find_the_document_by_its_text() -> None:
    assert saved_edits(TEXT) is NO_EDITS, "no library yet: nothing to apply, and none is made"
    assert not default_library_path().exists()
    default_library_path().parent.mkdir(parents=True, exist_ok=True)
    with Library(default_library_path()) as library:
        doc = library.add_document("河洛港", TEXT)
        library.set_annotations(doc.id, {"facts": [], "glossary": [], "people": []})
        library.set_meaning("开放", "to open")
    found = saved_edits(TEXT)
    assert found.annotations is not None and found.meanings == {"开放": "to open"}
    changed = saved_edits(TEXT.replace("開放", "關閉"))
    assert changed.annotations is None, "fact edits hold offsets: only for the very text they were made on"
    assert changed.meanings == {"开放": "to open"}


def test_a_damaged_library_is_reported_and_nothing_applied() -> None:
    path = default_library_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    told: list[str] = []
    assert saved_edits(TEXT, told.append) == NO_EDITS
    assert len(told) == 1 and "damaged" in told[0]


def test_a_busy_library_is_not_silently_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    path = default_library_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    Library(path).close()

    def busy(*args: object, **kwargs: object) -> None:
        raise LibraryBusyError("The library is in use by another Dushu.")

    monkeypatch.setattr("dushu.storage.library.open_library", busy)
    with pytest.raises(LibraryBusyError):
        saved_edits(TEXT)
