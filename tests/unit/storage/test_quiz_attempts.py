"""Quiz attempts in the library: kept, listed per set oldest first, and the sets that have attempts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dushu.storage import library as library_module
from dushu.storage.library import SCHEMA_VERSION, Library, QuizAttempt


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "library.sqlite3")
    yield library
    library.close()


def attempt(
    key: str, finished: str, percent: float, *, who: str = "王小芳", retry: bool = False
) -> QuizAttempt:
    return QuizAttempt(
        set_key=key,
        title="河港小鎮測驗",
        who=who,
        started=finished.replace("10:", "09:"),
        finished=finished,
        seconds=312.5,
        score=percent / 10,
        total=10,
        percent=percent,
        pass_mark=60,
        passed=percent >= 60,
        answers=({"id": "q1", "prompt": "碼頭在哪一岸？", "response": "東岸", "correct": True},),
        retry=retry,
        source_path="/home/teacher/河港.toml",
    )


def test_an_attempt_reads_back_whole(lib: Library) -> None:
    first = attempt("file:abc", "2031-05-01T10:00:00+08:00", 70)
    new_id = lib.add_attempt(first)
    (stored,) = lib.attempts_of("file:abc")
    assert stored.id == new_id
    assert stored == QuizAttempt(**{**_fields(first), "id": new_id})
    assert stored.answers[0]["response"] == "東岸"


def test_attempts_of_a_set_come_oldest_first_and_other_sets_stay_apart(lib: Library) -> None:
    lib.add_attempt(attempt("file:abc", "2031-05-03T10:00:00+08:00", 90))
    lib.add_attempt(attempt("file:abc", "2031-05-01T10:00:00+08:00", 40))
    lib.add_attempt(attempt("generated:xyz:10:choice:0", "2031-05-02T10:00:00+08:00", 55, retry=True))
    assert [a.percent for a in lib.attempts_of("file:abc")] == [40, 90]
    assert [a.retry for a in lib.attempts_of("generated:xyz:10:choice:0")] == [True]
    sets = lib.sets_with_attempts()
    assert [(s.set_key, s.attempts, s.best_percent) for s in sets] == [
        ("file:abc", 2, 90),
        ("generated:xyz:10:choice:0", 1, 55),
    ]
    lib.remove_attempt(lib.attempts_of("file:abc")[0].id)
    assert [a.percent for a in lib.attempts_of("file:abc")] == [90]


def test_an_older_library_gains_the_attempts_table_and_keeps_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    # Every step before the one that adds attempts (found by its table: migrations get merged in order).
    step = next(i for i, m in enumerate(library_module.MIGRATIONS) if "quiz_attempts" in m)
    for script in library_module.MIGRATIONS[:step]:
        for statement in library_module._statements(script):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {step}")
    db.close()
    with Library(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.sets_with_attempts() == []
        lib.add_attempt(attempt("file:abc", "2031-05-01T10:00:00+08:00", 70))
        assert len(lib.attempts_of("file:abc")) == 1


def _fields(a: QuizAttempt) -> dict[str, object]:
    return {name: getattr(a, name) for name in QuizAttempt.__dataclass_fields__}
