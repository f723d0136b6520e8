"""What the command line tells the user about a damaged or busy library and a damaged input file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dushu.cli import main
from dushu.core import loading
from dushu.storage import library as library_module
from dushu.storage.library import default_library_path

LESSON = "小紅今天在圖書館讀書。\n"


def lesson(tmp_path: Path) -> Path:
    path = tmp_path / "lesson.txt"
    path.write_text(LESSON, encoding="utf-8")
    return path


def stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("content", [b"", b"not a library at all, but someone's file " * 50])
def test_a_damaged_library_is_reported_in_one_line_naming_the_kept_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    library = default_library_path()
    library.write_bytes(content)
    assert main(["segment", str(lesson(tmp_path))]) == 0
    (line,) = stderr_lines(capsys)
    assert line.startswith("dushu: warning: The library was damaged; it was kept as ")
    kept = [p for p in library.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and str(kept[0]) in line
    assert kept[0].read_bytes() == content
    # The next run finds a healthy library and says nothing.
    assert main(["segment", str(lesson(tmp_path))]) == 0
    assert stderr_lines(capsys) == []


def test_a_library_another_dushu_is_migrating_is_an_error_not_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "BUSY_WAIT_SECONDS", 0.5)
    library = default_library_path()
    db = sqlite3.connect(library)
    db.executescript(library_module.MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("PRAGMA journal_mode = WAL")
    db.commit()
    db.close()
    holder = (
        "import sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('BEGIN IMMEDIATE'); print('ready', flush=True); sys.stdin.readline()\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(library)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as other:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "ready"
        try:
            assert main(["segment", str(lesson(tmp_path))]) == 2
        finally:
            other.stdin.write("\n")
            other.stdin.flush()
    (line,) = stderr_lines(capsys)
    assert line.startswith("dushu: error: Another Dushu is using the library")
    assert [p.name for p in library.parent.iterdir() if ".damaged-" in p.name] == []


def test_damaged_utf8_input_is_read_with_a_one_line_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (LESSON * 10).encode("utf-8")
    path = tmp_path / "copied.txt"
    path.write_bytes(data[:40] + b"\x00" + data[40:])
    assert main(["segment", str(path)]) == 0
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("dushu: warning: copied.txt is UTF-8 with") and "broken byte" in line
    assert "小紅" in captured.out and "\ufffd" in captured.out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_nobody_writes_to_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "FIFO_WAIT_SECONDS", 0.3)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert main(["segment", str(pipe)]) == 2
    (line,) = stderr_lines(capsys)
    assert line.startswith("dushu: error: pipe.txt is a named pipe that nothing writes to")
