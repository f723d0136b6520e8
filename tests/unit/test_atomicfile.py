"""Files the user owns are written whole or not at all, with normal permissions, through links."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from dushu.atomicfile import (
    STALE_AFTER_SECONDS,
    remove_stale_temporaries,
    write_atomically,
    write_text_atomically,
)
from dushu.errors import DushuError, ExportError


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deck.csv"
    target.write_text("old", encoding="utf-8")

    def broken(handle: BinaryIO) -> None:
        handle.write(b"half")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.csv"]


def test_permissions_follow_the_umask_or_the_old_file(tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    write_text_atomically(new, "中文")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask
    old = tmp_path / "old.txt"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o640)
    write_text_atomically(old, "y")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_text(encoding="utf-8") == "y"


def test_a_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomically(link, '{"a": 1}')
    assert link.is_symlink() and real.read_text(encoding="utf-8") == '{"a": 1}'


def test_errors_name_the_file_in_the_callers_terms(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_text_atomically(tmp_path / "missing" / "x.apkg", "x", ExportError)
    with pytest.raises(DushuError, match="is a folder"):
        write_text_atomically(tmp_path, "x")


def test_temporaries_left_by_a_killed_write_are_removed_by_the_next_one(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    stale = tmp_path / ".deck.apkg.k3j9x0qa.tmp"  # what mkstemp named the write that was killed
    stale.write_bytes(b"x" * 100_000)
    old = time.time() - 2 * STALE_AFTER_SECONDS
    os.utime(stale, (old, old))
    running = tmp_path / ".deck.apkg.z8y7w6v5.tmp"  # another write, still going on
    running.write_bytes(b"y")
    other_target = tmp_path / ".notes.txt.k3j9x0qa.tmp"  # a leftover of another file's write
    other_target.write_bytes(b"z")
    os.utime(other_target, (old, old))
    not_ours = tmp_path / ".deck.apkg.backup.tmp"  # a name we never make
    not_ours.write_bytes(b"w")
    os.utime(not_ours, (old, old))
    write_text_atomically(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["deck.apkg", running.name, other_target.name, not_ours.name]
    )
    # The other file's leftover goes when that file is written next.
    write_text_atomically(tmp_path / "notes.txt", "n")
    assert not other_target.exists()


def test_the_data_and_the_folder_are_flushed_to_disk_around_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: object, dst: object) -> None:
        events.append("replace")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_text_atomically(tmp_path / "quiz.toml", "title = 'x'\n")
    assert events == ["fsync file", "replace", "fsync folder"]
    assert remove_stale_temporaries(tmp_path / "quiz.toml") == []
