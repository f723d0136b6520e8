"""Files the user owns are written whole or not at all, with normal permissions, through links."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from dushu.atomicfile import write_atomically, write_text_atomically
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
