"""The SQLite dictionary index: built once, every homograph, rebuilt when its source changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dushu.core import Toolkit
from dushu.core.cedict import single_reading
from dushu.storage import lexicon as lex


def test_lookup_by_either_script_returns_all_entries(toolkit: Toolkit) -> None:
    entries = toolkit.lexicon.lookup("行")
    readings = {e.pinyin for e in entries}
    assert {"xing2", "hang2"} <= readings
    assert toolkit.lexicon.lookup("銀行")[0].simplified == "银行"
    assert toolkit.lexicon.lookup("银行")[0].traditional == "銀行"


def test_index_has_the_whole_of_cc_cedict(toolkit: Toolkit) -> None:
    path = toolkit.lexicon.path  # type: ignore[attr-defined]
    con = sqlite3.connect(path)
    (count,) = con.execute("SELECT COUNT(*) FROM entry").fetchone()
    con.close()
    assert count > 120_000


def test_index_is_rebuilt_when_the_source_changes(toolkit: Toolkit, tmp_path: Path) -> None:
    cache = Path(toolkit.lexicon.path).parent  # type: ignore[attr-defined]
    built = (cache / lex.INDEX_NAME).stat().st_mtime_ns
    lex.open_lexicon(cache)
    assert (cache / lex.INDEX_NAME).stat().st_mtime_ns == built, "a current index is not rebuilt"
    assert lex._is_current(cache / lex.INDEX_NAME)
    copy = tmp_path / lex.INDEX_NAME
    copy.write_bytes((cache / lex.INDEX_NAME).read_bytes())
    con = sqlite3.connect(copy)
    con.execute("UPDATE meta SET value = 'an older source' WHERE key = 'stamp'")
    con.commit()
    con.close()
    assert not lex._is_current(copy)


def test_cancelled_build_leaves_nothing_behind(tmp_path: Path) -> None:
    import pytest

    from dushu.errors import Cancelled

    with pytest.raises(Cancelled):
        lex.open_lexicon(tmp_path, cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_many_words_at_once_agree_with_one_at_a_time(toolkit: Toolkit, tmp_path: Path) -> None:
    words = ["行", "银行", "長大", "长大", "重要", "了", "得到", "不存在的词", "高市早苗", "会"]
    batched = lex.Lexicon(Path(toolkit.lexicon.path))  # type: ignore[attr-defined]
    single = lex.Lexicon(Path(toolkit.lexicon.path))  # type: ignore[attr-defined]
    readings = batched.single_readings(words)
    assert readings == {w: single_reading(w, single.lookup(w)) for w in words}
    assert readings["银行"] == ("yín", "háng") and readings["行"] is None and readings["长大"] is not None
    assert batched.pos_tags(words) == {w: t for w in words if (t := single.pos_tag(w)) is not None}
    batched.prefetch_stats(words)
    assert [batched.zipf(w) for w in words] == [single.zipf(w) for w in words]
    assert [batched.hsk_level(w) for w in words] == [single.hsk_level(w) for w in words]
    batched.prefetch(words)
    assert [batched.lookup(w) for w in words] == [single.lookup(w) for w in words]
