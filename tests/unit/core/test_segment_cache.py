"""jieba's cached prefix dictionary never runs code and is rebuilt whenever it fails its check."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from dushu.core import segment_cache
from dushu.core.script import to_simplified
from dushu.core.segment import Segmenter

CACHE_NAME = segment_cache.FILE_NAME
SAMPLE = {"学": 5, "学校": 30, "今": 0, "今天": 40, "我": 90}


class _RunsCode:
    """A pickle that, when loaded, writes a marker file: what an attacker's cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.marker, "code ran"))


def words(segmenter: Segmenter, text: str) -> list[str]:
    return [text[p.start : p.end] for p in segmenter.segment(text, to_simplified(text))]


def test_the_cache_reads_back_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / CACHE_NAME
    segment_cache.write_prefix_dictionary(path, "stamp-1", SAMPLE, 165)
    assert segment_cache.read_prefix_dictionary(path, "stamp-1") == (SAMPLE, 165)
    # A dictionary from another jieba (another stamp) is not used.
    assert segment_cache.read_prefix_dictionary(path, "stamp-2") is None


def test_a_malicious_pickle_in_the_cache_never_runs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_RunsCode(marker))
    # Under the old name (a cache written before) and under the new one.
    (cache / segment_cache.LEGACY_FILE_NAME).write_bytes(payload)
    (cache / CACHE_NAME).write_bytes(payload)
    seg = Segmenter(cache)
    assert words(seg, "我今天去學校") == ["我", "今天", "去", "學校"]
    assert not marker.exists()
    assert not (cache / segment_cache.LEGACY_FILE_NAME).exists()  # the old pickle is gone
    assert (cache / CACHE_NAME).read_bytes() != payload  # rebuilt in the checked format


@pytest.fixture(scope="module")
def valid_cache(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a cache as Dushu writes it (built once: it takes a second)."""
    cache = tmp_path_factory.mktemp("valid-cache")
    Segmenter(cache)
    return (cache / CACHE_NAME).read_bytes()


def _rewrite_header(path: Path, **changes: object) -> None:
    data = path.read_bytes()
    magic_end = data.index(b"\n") + 1
    header_end = data.index(b"\n", magic_end) + 1
    header = json.loads(data[magic_end:header_end])
    header.update(changes)
    path.write_bytes(data[:magic_end] + json.dumps(header).encode() + b"\n" + data[header_end:])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(5000))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _wrong_stamp(path: Path) -> None:
    _rewrite_header(path, stamp="0.0.1:1:1")


def _oversized_length(path: Path) -> None:
    _rewrite_header(path, words_bytes=2**62)


def _wrong_types(path: Path) -> None:
    _rewrite_header(path, count="many", total=True)


def _one_byte_changed(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-100] ^= 0x01  # a frequency: the checksum notices
    path.write_bytes(bytes(data))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    "damage",
    [_garbage, _truncated, _wrong_stamp, _oversized_length, _wrong_types, _one_byte_changed, _empty],
)
def test_a_damaged_or_tampered_cache_is_rebuilt(tmp_path: Path, valid_cache: bytes, damage: object) -> None:
    path = tmp_path / "cache" / CACHE_NAME
    path.parent.mkdir()
    path.write_bytes(valid_cache)
    assert segment_cache.read_prefix_dictionary(path, _stamp_of(valid_cache)) is not None
    damage(path)  # type: ignore[operator]
    seg = Segmenter(path.parent)
    assert words(seg, "我今天去學校") == ["我", "今天", "去", "學校"]
    assert path.read_bytes() == valid_cache


def _stamp_of(cache: bytes) -> str:
    header = cache.split(b"\n", 2)[1]
    return str(json.loads(header)["stamp"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_in_place_of_the_cache_does_not_hang(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    os.mkfifo(cache / CACHE_NAME)
    assert segment_cache.read_prefix_dictionary(cache / CACHE_NAME, "any") is None


def test_the_command_line_survives_a_tampered_cache_without_a_traceback(
    tmp_path: Path, _session_cache: Path, toolkit: object
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    index = _session_cache / "lexicon.sqlite3"
    os.link(index, cache / index.name)  # the index takes seconds to build; share the session's
    marker = tmp_path / "pwned"
    (cache / CACHE_NAME).write_bytes(pickle.dumps(_RunsCode(marker)))
    (cache / segment_cache.LEGACY_FILE_NAME).write_bytes(pickle.dumps(_RunsCode(marker)))
    text = tmp_path / "lesson.txt"
    text.write_text("我今天去學校。\n", encoding="utf-8")
    env = dict(os.environ, DUSHU_CACHE_DIR=str(cache), DUSHU_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-m", "dushu", "segment", str(text)], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "我 今天 去 學校 。\n"
    assert not marker.exists()
