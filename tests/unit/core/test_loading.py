"""Tests for dushu.core.loading: encodings found, text cleaned, bad files refused clearly."""

from __future__ import annotations

import codecs
import os
import pathlib
import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dushu.core import loading
from dushu.core.loading import (
    DAMAGED_UTF8,
    MAX_FILE_BYTES,
    decode_bytes,
    decode_input,
    decode_text,
    load_text,
    load_text_and_encoding,
)
from dushu.core.models import is_han
from dushu.errors import InputFileError

SIMPLIFIED = (
    "春天来了，公园里的花都开了。我和朋友们一起去湖边散步，看见很多孩子在草地上放风筝。"
    "天气很好，大家都很开心。下午我们在一家小饭馆吃了饺子，然后坐地铁回家。\n"
    "晚上妹妹问我：“明天还去吗？”我说要先把作业写完。\n"
)
TRADITIONAL = (
    "春天來了，公園裡的花都開了。我和朋友們一起去湖邊散步，看見很多孩子在草地上放風箏。"
    "天氣很好，大家都很開心。下午我們在一家小飯館吃了餃子，然後坐捷運回家。\n"
    "晚上妹妹問我：「明天還去嗎？」我說要先把作業寫完。\n"
)
CANTONESE = "我哋今日去咗街市買餸，啲菜好新鮮㗎。呢個係我嘅書，佢話聽日會落雨。\n"

SHORT_SIMPLIFIED = "今天的天气真不错啊"
SHORT_TRADITIONAL = "這本書我已經看完了"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    [
        (SIMPLIFIED, "utf-8", "UTF-8"),
        (TRADITIONAL, "utf-8", "UTF-8"),
        (SIMPLIFIED, "gb18030", "GB18030"),
        (SIMPLIFIED, "gbk", "GB18030"),
        (SIMPLIFIED, "gb2312", "GB18030"),
        (TRADITIONAL, "gb18030", "GB18030"),  # GB18030 (and GBK) can encode Traditional characters
        (TRADITIONAL, "gbk", "GB18030"),
        (TRADITIONAL, "big5", "Big5"),
        (TRADITIONAL, "cp950", "Big5"),
        (TRADITIONAL + CANTONESE, "big5hkscs", "Big5-HKSCS"),
    ],
)
def test_every_supported_encoding_reads_back_the_same_text(
    tmp_path: Path, text: str, encoding: str, label: str
) -> None:
    path = write(tmp_path, f"text-{encoding}.txt", text.encode(encoding))
    assert load_text_and_encoding(path) == (text, label)
    assert load_text(str(path)) == text


@pytest.mark.parametrize(
    ("bom", "codec", "label"),
    [
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    ],
)
def test_byte_order_mark_is_used_and_removed(tmp_path: Path, bom: bytes, codec: str, label: str) -> None:
    path = write(tmp_path, "bom.txt", bom + TRADITIONAL.encode(codec))
    text, found = load_text_and_encoding(path)
    assert found == label
    assert text == TRADITIONAL
    assert not text.startswith("\ufeff")


def test_python_utf8_sig_and_utf16_codecs(tmp_path: Path) -> None:
    assert load_text(write(tmp_path, "a.txt", SIMPLIFIED.encode("utf-8-sig"))) == SIMPLIFIED
    assert load_text(write(tmp_path, "b.txt", SIMPLIFIED.encode("utf-16"))) == SIMPLIFIED


def test_utf16_without_byte_order_mark(tmp_path: Path) -> None:
    text = "第一課 Lesson 1\n我們的學校很大。\n"
    assert load_text(write(tmp_path, "le.txt", text.encode("utf-16-le"))) == text
    assert load_text(write(tmp_path, "be.txt", text.encode("utf-16-be"))) == text


def test_gb18030_byte_order_mark_is_removed() -> None:
    assert decode_text(("\ufeff" + SIMPLIFIED).encode("gb18030")) == SIMPLIFIED


def encodable(texts: list[str], encodings: list[str]) -> list[tuple[str, str]]:
    """The (text, encoding) pairs where the encoding can hold the text."""
    pairs = []
    for text in texts:
        for encoding in encodings:
            try:
                text.encode(encoding)
            except UnicodeEncodeError:
                continue
            pairs.append((text, encoding))
    return pairs


@pytest.mark.parametrize(
    ("text", "encoding"),
    encodable(
        [SHORT_SIMPLIFIED, SHORT_TRADITIONAL, "她說：「好。」", "我们走吧", "第一章\n"],
        ["gb18030", "gbk", "big5", "big5hkscs", "utf-8"],
    ),
)
def test_short_texts_are_decoded(encoding: str, text: str) -> None:
    assert decode_text(text.encode(encoding)) == text


def test_two_character_gbk_text_that_is_also_valid_utf8() -> None:
    # 目录 in GBK is C4 BF C2 BC, which UTF-8 would read as "Ŀ¼".
    assert decode_text("目录".encode("gbk")) == "目录"
    assert decode_text("目录\n".encode("gbk")) == "目录\n"


def test_european_utf8_is_not_mistaken_for_chinese() -> None:
    for text in ["café au lait", "Grüße aus Köln", "Привет", "nǐ hǎo, wǒ jiào Lǐ Míng", "© 2024 °C"]:
        assert decode_text(text.encode("utf-8")) == text


def test_latin_only_text_is_allowed() -> None:
    assert decode_text(b"Just an English sentence.\n") == "Just an English sentence.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("第一行\r\n第二行\r\n", "第一行\n第二行\n"),
        ("第一行\r第二行\r", "第一行\n第二行\n"),
        ("一\r\n二\r三\n四", "一\n二\n三\n四"),
        ("空行\r\n\r\n之後", "空行\n\n之後"),
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030", "big5"])
def test_newlines_become_lf(raw: str, expected: str, encoding: str) -> None:
    assert decode_text(raw.encode(encoding)) == expected


def test_offsets_count_characters_of_the_returned_text(tmp_path: Path) -> None:
    path = write(tmp_path, "offsets.txt", codecs.BOM_UTF8 + "甲乙\r\n丙丁".encode())
    text = load_text(path)
    assert text.index("丙") == 3  # BOM gone, CRLF counted as one LF


def test_long_file_is_fast(tmp_path: Path) -> None:
    data = (TRADITIONAL * 10000).encode("big5")
    assert len(data) > 2_000_000
    path = write(tmp_path, "book.txt", data)
    started = time.perf_counter()
    text, label = load_text_and_encoding(path)
    elapsed = time.perf_counter() - started
    assert label == "Big5"
    assert len(text) == len(TRADITIONAL) * 10000
    assert elapsed < 1.0


def test_long_gb18030_file(tmp_path: Path) -> None:
    path = write(tmp_path, "book.txt", (SIMPLIFIED * 5000).encode("gb18030"))
    assert load_text_and_encoding(path) == (SIMPLIFIED * 5000, "GB18030")


def test_utf8_cut_off_in_the_middle_of_a_character() -> None:
    data = SIMPLIFIED.encode() + "好".encode()[:2]
    assert decode_text(data) == SIMPLIFIED + "\ufffd"


def test_utf8_with_one_damaged_byte_in_a_long_text() -> None:
    text = SIMPLIFIED * 20
    data = text[:100].encode() + b"\xff" + text[100:].encode()
    text = decode_text(data)
    assert text.count("\ufffd") == 1
    assert "春天来了" in text


def test_gbk_with_one_damaged_byte_in_a_long_text() -> None:
    data = (SIMPLIFIED * 20).encode("gbk")
    text, label = decode_bytes(data[:500] + b"\xff" + data[500:])
    assert label == "GB18030"
    assert text.count("\ufffd") == 1


def assert_clear_error(error: pytest.ExceptionInfo[InputFileError], name: str) -> None:
    message = str(error.value)
    assert name in message
    assert "\n" not in message
    for noise in ("Traceback", "Errno", "codec", "0x", "position"):
        assert noise not in message
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \r\n\t\n", "empty"),
        ("blank-cjk.txt", "　\n　".encode(), "empty"),
        ("bom-only.txt", codecs.BOM_UTF8, "empty"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), "PNG"),
        ("book.epub", b"PK\x03\x04" + bytes(range(256)), "ZIP"),
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("nul.txt", "中文".encode() + b"\x00\x01\x02\x00\x00\x07", "binary"),
        ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text", "binary"),
    ],
)
def test_bad_content_is_refused_with_a_clear_message(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputFileError) as error:
        load_text(path)
    assert_clear_error(error, name)
    assert words in str(error.value)


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    data = random.Random(20240601).randbytes(4096)
    path = write(tmp_path, "noise.bin", data)
    with pytest.raises(InputFileError) as error:
        load_text(path)
    assert_clear_error(error, "noise.bin")


def test_undecodable_bytes_are_refused() -> None:
    data = bytes([0x81, 0x20, 0xFF, 0x80]) * 30
    with pytest.raises(InputFileError) as error:
        decode_text(data, "odd.txt")
    assert_clear_error(error, "odd.txt")
    assert "encoding" in str(error.value)


def test_invalid_utf16_after_its_byte_order_mark() -> None:
    with pytest.raises(InputFileError) as error:
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "broken.txt")
    assert_clear_error(error, "broken.txt")


def test_no_other_exception_escapes_for_arbitrary_bytes() -> None:
    rng = random.Random(7)
    samples = [rng.randbytes(rng.choice([1, 2, 3, 7, 16, 64, 300])) for _ in range(300)]
    samples += [bytes(rng.choice(range(0x80, 0x100)) for _ in range(40)) for _ in range(100)]
    for data in samples:
        try:
            result = decode_text(data, "fuzz.txt")
        except InputFileError as error:
            assert "fuzz.txt" in str(error)
        else:
            assert isinstance(result, str)
            assert "\r" not in result


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as error:
        load_text(tmp_path / "nowhere.txt")
    assert_clear_error(error, "nowhere.txt")
    assert "does not exist" in str(error.value)


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "chapters"
    folder.mkdir()
    with pytest.raises(InputFileError) as error:
        load_text(folder)
    assert_clear_error(error, "chapters")
    assert "folder" in str(error.value)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", SIMPLIFIED.encode())

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, who can read anything: make the refusal explicit.
    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(InputFileError) as error:
        load_text(path)
    assert_clear_error(error, "secret.txt")
    assert "permission" in str(error.value)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MB written
    with pytest.raises(InputFileError) as error:
        load_text(path)
    assert_clear_error(error, "huge.txt")
    assert "too large" in str(error.value)


def test_decode_text_names_the_input_by_default() -> None:
    with pytest.raises(InputFileError, match="<input>"):
        decode_text(b"")


# -- plausibility of every candidate decoding (issue 13) ------------------------------------------


@pytest.mark.parametrize("where", [0, 1, 7, 100, 301, -1])
def test_utf8_with_one_stray_nul_is_damaged_utf8_not_utf16(where: int) -> None:
    data = (SIMPLIFIED * 3).encode("utf-8")
    spot = where % len(data)
    broken = data[:spot] + b"\x00" + data[spot:]
    loaded = decode_input(broken, "lesson.txt")
    assert loaded.encoding == DAMAGED_UTF8
    # The text is the original, but for the broken character(s) around the NUL.
    assert 1 <= loaded.text.count("\ufffd") <= 4
    assert abs(len(loaded.text) - len(SIMPLIFIED * 3)) <= 4
    assert loaded.text.replace("\ufffd", "") in (SIMPLIFIED * 3) or "春天来了" in loaded.text
    assert loaded.warning is not None and "lesson.txt" in loaded.warning and "\n" not in loaded.warning


def test_clean_text_has_no_warning() -> None:
    assert decode_input(SIMPLIFIED.encode("utf-8")).warning is None
    assert decode_input(TRADITIONAL.encode("big5")).warning is None


def test_utf16_without_a_mark_must_read_as_text() -> None:
    # Noise with its NULs where UTF-16 LE would have them is not read as UTF-16.
    rng = random.Random(13)
    noise = b"".join(bytes((rng.randrange(0x80, 0x100), 0)) for _ in range(40))
    with pytest.raises(InputFileError):
        decode_text(noise, "noise.txt")
    # While real UTF-16 without a mark still is.
    assert decode_text(SIMPLIFIED.encode("utf-16-le")) == SIMPLIFIED
    assert decode_text((SHORT_TRADITIONAL + "\n").encode("utf-16-be")) == SHORT_TRADITIONAL + "\n"


def test_short_random_bytes_are_mostly_refused() -> None:
    rng = random.Random(2026)
    accepted = 0
    for _ in range(500):
        try:
            decode_text(rng.randbytes(8), "noise.bin")
        except InputFileError:
            continue
        accepted += 1
    # Before, a third of them became "GB18030 text"; a few can still pass as rare characters.
    assert accepted <= 25


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_without_a_writer_is_refused_in_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "FIFO_WAIT_SECONDS", 0.5)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    started = time.monotonic()
    with pytest.raises(InputFileError) as error:
        load_text(pipe)
    assert time.monotonic() - started < 5
    assert_clear_error(error, "pipe.txt")
    assert "pipe" in str(error.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)

    def feed() -> None:
        with pipe.open("wb") as fh:
            fh.write(SIMPLIFIED.encode("utf-8"))

    writer = threading.Thread(target=feed)
    writer.start()
    assert load_text(pipe) == SIMPLIFIED
    writer.join(5)


def test_a_device_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(InputFileError, match="device"):
        load_text("/dev/zero")


_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_TEXT_CHARS = st.one_of(_CHINESE, st.sampled_from("，。！？「」：；、 \nabcXYZ0123"))
_TEXTS = st.text(_TEXT_CHARS, min_size=1, max_size=300).filter(lambda t: any(is_han(c) for c in t))


@settings(max_examples=150, deadline=None)
@given(_TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]))
def test_any_chinese_text_round_trips_or_is_refused_cleanly(text: str, encoding: str) -> None:
    try:
        result = decode_text(text.encode(encoding), "fuzz.txt")
    except InputFileError as error:
        assert "fuzz.txt" in str(error) and "\n" not in str(error)
        return
    # Either the exact text (newlines normalised) or nothing: never a different reading.
    if text.strip() and sum(1 for c in text if is_han(c)) >= 4 and encoding != "gb18030":
        assert result == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_with_an_input_error(data: bytes) -> None:
    try:
        loaded = decode_input(data, "fuzz.bin")
    except InputFileError as error:
        assert "fuzz.bin" in str(error) and "\n" not in str(error)
    else:
        assert isinstance(loaded.text, str) and "\r" not in loaded.text
        assert "\x00" not in loaded.text


@settings(max_examples=100, deadline=None)
@given(
    st.tuples(st.text(_TEXT_CHARS, max_size=80), st.text(_CHINESE, min_size=30, max_size=200)).map("".join),
    st.data(),
)
def test_utf8_with_a_stray_nul_anywhere_keeps_its_text(text: str, data: st.DataObject) -> None:
    raw = text.encode("utf-8")
    spot = data.draw(st.integers(0, len(raw)))
    loaded = decode_input(raw[:spot] + b"\x00" + raw[spot:], "fuzz.txt")
    assert loaded.encoding == DAMAGED_UTF8 and loaded.warning
    assert loaded.text.count("\ufffd") <= 4


def test_a_stray_control_character_in_a_text_is_read_past() -> None:
    line = "王老師說：明天的考試改到下午三點，請大家早點到教室。\x1b\n"
    assert decode_text(line.encode("utf-8")) == line
    text = SIMPLIFIED + "\x08" + SIMPLIFIED
    assert decode_text(text.encode("gb18030")) == text
