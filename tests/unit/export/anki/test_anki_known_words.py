"""Known words from a word list or an Anki package, read safely."""

from __future__ import annotations

import io
import sqlite3
import struct
import subprocess
import sys
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
            """Like lzma's decompressor: at most max_length bytes a call, the rest kept for later."""

            def __init__(self) -> None:
                self.left = b""
                self.eof = False
                self.needs_input = True

            def decompress(self, data: bytes, max_length: int) -> bytes:
                if data:
                    assert data == b"compressed" and self.needs_input
                    self.left = collection
                assert 0 < max_length <= 1 << 20
                out, self.left = self.left[:max_length], self.left[max_length:]
                self.eof = not self.left
                self.needs_input = False
                return out

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


# --- damaged and hostile packages (issue 13, points 6 and 8) ----------------------------------------------


def _damaged_deflate(tmp_path: Path, how: str) -> Path:
    collection = _collection_bytes(tmp_path)
    path = tmp_path / f"{how}.apkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", collection)
    raw = bytearray(path.read_bytes())
    start = 30 + len("collection.anki2")  # the local header, then the compressed data
    size = zipfile.ZipFile(path).getinfo("collection.anki2").compress_size
    if how == "garbage":
        raw[start + size // 3 : start + size // 3 + 64] = b"\xff" * 64
    elif how == "flipped":
        for i in range(start + 10, start + size, 97):
            raw[i] ^= 0x5A
    elif how == "stored-block":
        raw[start] = 0x06  # a block type deflate does not have
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize("how", ["garbage", "flipped", "stored-block"])
def test_a_damaged_deflate_stream_is_a_user_error(tmp_path: Path, how: str) -> None:
    with pytest.raises(InputFileError, match="collection inside"):
        read_known_words(_damaged_deflate(tmp_path, how))


def _with_rows(tmp_path: Path, sql: str) -> Path:
    """A package whose collection was changed by `sql` (damage an exporter would never write)."""
    db = tmp_path / "edited.anki2"
    db.write_bytes(_collection_bytes(tmp_path))
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return _zip(tmp_path / "edited.apkg", {"collection.anki2": db.read_bytes()})


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE notes SET mid = 'not a number'",
        "UPDATE notes SET mid = 1e999",
        "UPDATE notes SET mid = x'00ff'",
        "UPDATE col SET models = '[1, 2]'",
        'UPDATE col SET models = \'{"1": {"flds": [7]}}\'',
        "UPDATE col SET models = 'not json'",
        "UPDATE col SET models = '" + "[" * 100_000 + "'",
    ],
)
def test_damaged_note_rows_are_a_user_error(tmp_path: Path, sql: str) -> None:
    with pytest.raises(InputFileError, match=r"edited\.apkg: .*(damaged|not readable)"):
        read_known_words(_with_rows(tmp_path, sql))


def test_fields_stored_as_blobs_or_numbers_are_read_as_text(tmp_path: Path) -> None:
    path = _with_rows(tmp_path, "UPDATE notes SET flds = CAST(flds AS BLOB), sfld = 12")
    assert read_known_words(path) == {"安全"}


_CHILD = """
import resource, sys
from dushu.errors import InputFileError
from dushu.export.known_words import read_known_words
try:
    read_known_words(sys.argv[1])
    print("read")
except InputFileError as exc:
    print("refused:", exc)
# The peak of this program's own memory, in KiB. ru_maxrss also counts the parent's memory that the
# fork copied before exec (a big pytest process), so Linux's per-program high-water mark comes first.
try:
    with open("/proc/self/status") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kib(path: Path) -> tuple[str, int]:
    """What reading `path` says, and the peak memory of the process that read it."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    message, peak = done.stdout.strip().rsplit("\n", 1)
    return message, int(peak)


_MB = 1 << 20
_HEAD = b"SQLite format 3\x00" + bytes(_MB - 16)  # starts like a database, then nothing but zeros


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A package whose collection inflates to 600 MB: a database header, then zeros."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.apkg"
    zeros = bytes(_MB)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("collection.anki2", "w") as member,
    ):
        member.write(_HEAD)
        for _ in range(599):
            member.write(zeros)
    return path.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("claimed", [None, 500 * _MB], ids=["honest-size", "lying-size"])
def test_a_zip_bomb_is_refused_with_little_memory(
    tmp_path: Path, zip_bomb: bytes, claimed: int | None
) -> None:
    raw = bytearray(zip_bomb)
    if claimed is not None:  # the size headers lie: both say `claimed` bytes, under the limit
        struct.pack_into("<I", raw, raw.index(b"PK\x03\x04") + 22, claimed)
        struct.pack_into("<I", raw, raw.index(b"PK\x01\x02") + 24, claimed)
    path = tmp_path / "bomb.apkg"
    path.write_bytes(raw)
    assert path.stat().st_size < 4 * _MB, "small on disk"
    message, peak = _peak_kib(path)
    assert message.startswith("refused: bomb.apkg: the Anki collection inside"), message
    assert peak < 150 * 1024, f"peak memory {peak // 1024} MB"


@pytest.mark.slow
def test_a_zstandard_bomb_is_refused_with_little_memory(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    out = io.BytesIO()
    # Streamed, so the frame carries no content size (as Anki writes it).
    with zstandard.ZstdCompressor(level=3).stream_writer(out, closefd=False) as writer:
        writer.write(_HEAD)
        zeros = bytes(_MB)
        for _ in range(599):
            writer.write(zeros)
    path = _zip(tmp_path / "bomb.colpkg", {"collection.anki2": b"stub", "collection.anki21b": out.getvalue()})
    assert path.stat().st_size < 4 * _MB
    message, peak = _peak_kib(path)
    assert (
        message == "refused: bomb.colpkg: the Anki collection inside is too large to read (more than 512 MB)"
    )
    assert peak < 150 * 1024, f"peak memory {peak // 1024} MB"


def test_a_collection_that_is_no_database_is_refused_at_its_first_chunk(tmp_path: Path) -> None:
    path = _zip(tmp_path / "text.apkg", {"collection.anki2": b"just some text " * 1000})
    with pytest.raises(InputFileError, match="not an SQLite database"):
        read_known_words(path)


@pytest.mark.parametrize("cut", [None, 200], ids=["whole", "truncated"])
def test_decoders_in_the_style_of_lzma_are_read_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: int | None
) -> None:
    # compression.zstd, backports.zstd and pyzstd share lzma's decompressor interface (max_length,
    # needs_input, eof): lzma itself stands in for them here.
    import lzma
    import types

    collection = _collection_bytes(tmp_path)
    stand_in = types.SimpleNamespace(ZstdDecompressor=lzma.LZMADecompressor)
    monkeypatch.setattr(
        known_words, "_optional_module", lambda name: stand_in if name == "compression.zstd" else None
    )
    monkeypatch.setattr(known_words, "_CHUNK", 1000)  # many chunks even for a small collection
    packed = lzma.compress(collection)[:cut]
    path = _zip(tmp_path / "new.apkg", {"collection.anki21b": packed})
    if cut is None:
        assert read_known_words(path) == {"安全"}
    else:
        with pytest.raises(InputFileError, match="damaged"):
            read_known_words(path)
