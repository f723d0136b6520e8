"""A damaged or cut-short dictionary index is rebuilt, never a crash in the middle of a command."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from dushu.core.toolkit import Toolkit
from dushu.storage import lexicon as lex


@pytest.fixture
def index_copy(tmp_path: Path, toolkit: Toolkit) -> Path:
    """A copy of the session's index in a folder of its own (this test may rebuild it)."""
    source = Path(toolkit.lexicon.path)  # type: ignore[attr-defined]
    target = tmp_path / lex.INDEX_NAME
    shutil.copyfile(source, target)
    return target


def quick_check(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA quick_check(1)").fetchone()[0])
    finally:
        con.close()


def test_damaged_data_pages_are_rebuilt_on_the_first_query_that_meets_them(
    index_copy: Path, toolkit: Toolkit, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = Path(toolkit.lexicon.path)  # type: ignore[attr-defined]
    builds: list[Path] = []

    def build_index(path: Path, *args: object) -> None:
        # A real build takes many seconds (the next test does one); the same file, put in place
        # the way build_index does it, shows the query path.
        builds.append(path)
        shutil.copyfile(good, path.with_name("fresh.tmp"))
        os.replace(path.with_name("fresh.tmp"), path)

    monkeypatch.setattr(lex, "build_index", build_index)
    data = bytearray(index_copy.read_bytes())
    page = 4096
    for start in range(page * 8, len(data) - page, page * 40):  # the header page stays intact
        data[start : start + 64] = b"\xa5" * 64
    index_copy.write_bytes(bytes(data))
    assert quick_check(index_copy) != "ok"
    assert lex._is_current(index_copy)  # the stamp still reads fine: only a query finds the damage
    lexicon = lex.Lexicon(index_copy)
    assert "学校" in lexicon.headwords()
    entries = lexicon.lookup("學校")
    assert entries and any("school" in " ".join(e.definitions) for e in entries)
    assert lexicon.pos_tags(["学校"]) == {"学校": "n"}
    assert quick_check(index_copy) == "ok"
    assert builds == [index_copy]  # once, however many queries met the damage


@pytest.mark.slow
def test_an_index_cut_short_is_built_again_when_opened(index_copy: Path) -> None:
    with index_copy.open("r+b") as fh:
        fh.truncate(index_copy.stat().st_size // 2)
    assert not lex._is_current(index_copy)
    lexicon = lex.open_lexicon(index_copy.parent)
    assert lexicon.lookup("学校")
    assert quick_check(index_copy) == "ok"


def test_other_index_errors_are_a_dushu_error(index_copy: Path) -> None:
    lexicon = lex.Lexicon(index_copy)
    with pytest.raises(lex.LexiconError, match="dictionary index"):
        lexicon._query("SELECT nothing FROM no_such_table")


def test_leftovers_of_a_killed_build_are_removed_and_a_running_build_is_not(tmp_path: Path) -> None:
    index = tmp_path / lex.INDEX_NAME
    killed = tmp_path / f"{lex.INDEX_NAME}.4242.17.tmp"
    journal = tmp_path / f"{lex.INDEX_NAME}.4242.17.tmp-journal"
    running = tmp_path / f"{lex.INDEX_NAME}.4343.18.tmp"
    unrelated = tmp_path / "notes.4242.17.tmp"
    old = 0.0  # untouched since 1970: long dead
    for leftover in (killed, journal, running, unrelated):
        leftover.write_bytes(b"part of an index")
        if leftover is not running:
            os.utime(leftover, (old, old))
    lex._remove_stale_builds(index)
    assert not killed.exists() and not journal.exists()
    assert running.exists() and unrelated.exists()
