"""Known words from a word list or an Anki package, read safely."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from dushu.core.models import Analysis
from dushu.errors import InputFileError
from dushu.export import known_words
from dushu.export.anki import export_deck
from dushu.export.known_words import read_known_words, words_from_list


def test_word_list_one_word_a_line(tmp_path: Path) -> None:
    path = tmp_path / "known.txt"
    path.write_text(
        "# my words\n組織\n  合作  \n\n行动[行動]\txing2dong4\tto act\n// Pleco category\nhello\n",
        encoding="utf-8",
    )
    assert read_known_words(path) == {"組織", "合作", "行动", "行動"}


def test_word_list_in_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "known.txt"
    path.write_bytes("組織\r\n港口\r\n".encode("big5"))
    assert read_known_words(path) == {"組織", "港口"}


def test_word_list_errors_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFileError):
        read_known_words(tmp_path / "missing.txt")
    with pytest.raises(InputFileError):
        read_known_words(tmp_path)


def test_words_from_a_dushu_export(analysis: Analysis, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    export_deck(analysis, out, include=["vocab", "facts"], timestamp=1_750_000_000)
    words = read_known_words(out)
    assert {v.word for v in analysis.vocabulary} <= words
    assert not any("<" in w for w in words)


def _package(tmp_path: Path, fields: list[str], notes: list[list[str]]) -> Path:
    model = genanki.Model(
        1234567890,
        "Someone's Chinese",
        fields=[{"name": f} for f in fields],
        templates=[{"name": "Card", "qfmt": "{{" + fields[0] + "}}", "afmt": "{{FrontSide}}"}],
    )
    deck = genanki.Deck(2059400110, "HSK")
    for values in notes:
        deck.add_note(genanki.Note(model=model, fields=values))
    path = tmp_path / "hsk.apkg"
    genanki.Package(deck).write_to_file(str(path))
    return path


def test_headword_fields_are_found_by_name(tmp_path: Path) -> None:
    path = _package(
        tmp_path,
        ["Meaning", "Hanzi", "Sentence"],
        [
            ["to cooperate", "<b>合作</b>", "我們合作了很多年，一直都很愉快。"],
            ["port &amp; harbour", "港口 (gǎngkǒu)", "港口很大。"],
            ["cloze", "{{c1::組織::hint}}", ""],
        ],
    )
    assert read_known_words(path) == {"合作", "港口", "組織"}


def test_sort_field_when_no_field_is_named_like_a_headword(tmp_path: Path) -> None:
    path = _package(tmp_path, ["Eins", "Zwei"], [["銀行", "bank"], ["很長很長很長很長很長的一句話", "x"]])
    assert read_known_words(path) == {"銀行"}, "long runs are sentences, not words"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _collection_bytes(tmp_path: Path, word: str = "安全") -> bytes:
    folder = tmp_path / f"src-{word}"
    folder.mkdir()
    src = _package(folder, ["Word"], [[word]])
    with zipfile.ZipFile(src) as archive:
        return archive.read("collection.anki2")


def test_archive_paths_never_reach_the_disk(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    collection = _collection_bytes(inner)
    evil = _zip(
        inner / "evil.apkg",
        {
            "../../escaped.txt": b"gotcha",
            "/tmp/absolute.txt": b"gotcha",
            "media": b'{"0": "../../media-escaped.txt"}',
            "0": b"gotcha",
            "collection.anki2": collection,
        },
    )
    before = set(tmp_path.rglob("*"))
    assert read_known_words(evil) == {"安全"}
    assert set(tmp_path.rglob("*")) == before
    assert not Path("/tmp/absolute.txt").exists()


def test_newest_collection_wins_over_the_stub(tmp_path: Path) -> None:
    collection = _collection_bytes(tmp_path)
    stub = _collection_bytes(tmp_path, "升級")  # new packages carry an "update Anki" stub as .anki2
    path = _zip(tmp_path / "new.apkg", {"collection.anki2": stub, "collection.anki21": collection})
    assert read_known_words(path) == {"安全"}


def test_compressed_collection_is_decompressed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    collection = _collection_bytes(tmp_path)

    class FakeZstd:
        class ZstdDecompressor:
            def decompress(self, data: bytes, max_length: int) -> bytes:
                assert data == b"compressed" and max_length > len(collection)
                return collection

    monkeypatch.setattr(
        known_words, "_optional_module", lambda name: FakeZstd if name == "compression.zstd" else None
    )
    path = _zip(tmp_path / "new.apkg", {"collection.anki2": b"stub", "collection.anki21b": b"compressed"})
    assert read_known_words(path) == {"安全"}


def test_compressed_collection_is_streamed_with_zstandard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = _collection_bytes(tmp_path)

    class Reader:
        def __init__(self, source: io.BytesIO) -> None:
            assert source.read() == b"compressed"
            self.left = collection

        def read(self, size: int) -> bytes:
            chunk, self.left = self.left[: min(size, 1000)], self.left[min(size, 1000) :]
            return chunk

    class FakeZstandard:
        class ZstdDecompressor:
            def stream_reader(self, source: io.BytesIO) -> Reader:
                return Reader(source)

    monkeypatch.setattr(
        known_words, "_optional_module", lambda name: FakeZstandard if name == "zstandard" else None
    )
    path = _zip(tmp_path / "new.apkg", {"collection.anki21b": b"compressed"})
    assert read_known_words(path) == {"安全"}


def test_compressed_collection_without_a_decoder_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(known_words, "_optional_module", lambda name: None)
    monkeypatch.setitem(__import__("sys").modules, "anki.collection", None)
    path = _zip(tmp_path / "new.colpkg", {"collection.anki21b": b"compressed"})
    with pytest.raises(InputFileError, match="zstandard"):
        read_known_words(path)


@pytest.mark.parametrize(
    ("name", "members", "message"),
    [
        ("notzip.apkg", None, "not a zip archive"),
        ("empty.apkg", {"media": b"{}"}, "holds no Anki collection"),
        ("garbage.apkg", {"collection.anki2": b"not a database at all" * 100}, "not readable"),
    ],
)
def test_broken_packages_are_user_errors(
    tmp_path: Path, name: str, members: dict[str, bytes] | None, message: str
) -> None:
    path = tmp_path / name
    if members is None:
        path.write_bytes(b"PK but not really")
    else:
        _zip(path, members)
    with pytest.raises(InputFileError, match=message):
        read_known_words(path)


def test_oversized_collection_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(known_words, "MAX_COLLECTION_BYTES", 1000)
    path = _zip(tmp_path / "big.apkg", {"collection.anki2": b"\0" * 5000})
    with pytest.raises(InputFileError, match="too large"):
        read_known_words(path)


def test_collection_that_is_not_anki_is_a_user_error() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE other (x)")
    data = conn.serialize()
    with pytest.raises(InputFileError, match="not readable"):
        known_words.words_from_collection(data, "odd.apkg")


def test_words_from_list_ignores_latin_and_numbers() -> None:
    assert words_from_list("2025\nhello\n台灣 Taiwan\n") == {"台灣"}
