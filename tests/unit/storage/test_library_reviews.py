"""Spaced review in the library: items keep their schedule, reviews are logged, known words step out."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dushu.core.review import ItemState, Rating, ReviewContent, ReviewItem, grade, word_key
from dushu.storage import library as library_module
from dushu.storage.library import Library, WordStatus

NOW = datetime(2031, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "library.sqlite3")
    yield library
    library.close()


def _word(word: str, meaning: str = "a meaning") -> ReviewItem:
    return ReviewItem(word_key(word), "word", ReviewContent(word, answer=meaning), word)


def _fact(n: int) -> ReviewItem:
    return ReviewItem(f'["fact", "event", "2031-0{n}"]', "fact", ReviewContent(f"問題{n}", answer=f"答案{n}"))


def _review(lib: Library, key: str, rating: Rating, when: datetime) -> None:
    stored = lib.review_item(key, when)
    assert stored is not None
    card, log = grade(stored.card, rating, when)
    lib.record_review(key, card, log)


def test_added_items_are_due_at_once_and_counted(lib: Library) -> None:
    doc = lib.add_document("海岸", "河水污染。")
    assert lib.add_review_items([_word("污染"), _fact(1)], doc.id, NOW) == 2
    due = lib.due_review_items(NOW)
    assert [i.key for i in due] == [word_key("污染"), _fact(1).key]
    assert due[0].content.answer == "a meaning" and due[0].document == doc.id
    assert due[0].state is ItemState.NEW
    counts = lib.review_counts(NOW)
    assert (counts.due, counts.new, counts.total, counts.queue) == (0, 2, 2, 2)


def test_adding_again_keeps_the_schedule_and_takes_the_new_content(lib: Library) -> None:
    lib.add_review_items([_word("污染")], None, NOW)
    _review(lib, word_key("污染"), Rating.Good, NOW)
    before = lib.review_item(word_key("污染"))
    assert lib.add_review_items([_word("污染", "pollution")], None, NOW + timedelta(hours=1)) == 0
    after = lib.review_item(word_key("污染"))
    assert before is not None and after is not None
    assert after.due == before.due and after.state is ItemState.LEARNING
    assert after.content.answer == "pollution"
    assert len(lib.review_history(word_key("污染"))) == 1


def test_a_review_moves_the_due_time_and_is_logged(lib: Library) -> None:
    lib.add_review_items([_word("污染"), _word("合作")], None, NOW)
    _review(lib, word_key("污染"), Rating.Again, NOW)
    _review(lib, word_key("合作"), Rating.Easy, NOW)
    again = lib.review_item(word_key("污染"))
    easy = lib.review_item(word_key("合作"))
    assert again is not None and easy is not None
    assert NOW < again.due < easy.due
    assert lib.due_review_items(NOW + timedelta(seconds=1)) == []
    assert [i.key for i in lib.due_review_items(again.due)] == [word_key("污染")]
    assert lib.review_history(word_key("合作")) == [(NOW, int(Rating.Easy))]


def test_a_word_marked_known_leaves_the_queue_and_comes_back_with_its_history(lib: Library) -> None:
    lib.set_status(["污染"], WordStatus.LEARNING)
    lib.add_review_items([_word("污染")], None, NOW)
    _review(lib, word_key("污染"), Rating.Again, NOW)
    later = NOW + timedelta(hours=1)
    assert [i.word for i in lib.due_review_items(later)] == ["污染"]
    lib.set_status(["污染"], WordStatus.KNOWN)
    assert lib.due_review_items(later) == []
    counts = lib.review_counts(later)
    assert (counts.total, counts.suspended, counts.queue) == (0, 1, 0)
    lib.set_status(["污染"], WordStatus.LEARNING)
    assert [i.word for i in lib.due_review_items(later)] == ["污染"]
    assert len(lib.review_history(word_key("污染"))) == 1


def test_a_word_taken_out_of_the_deck_leaves_the_queue_too(lib: Library) -> None:
    lib.add_review_items([_word("污染")], None, NOW)
    lib.set_status(["污染"], WordStatus.NEW)
    assert lib.due_review_items(NOW) == []


def test_a_known_word_added_to_review_waits_suspended(lib: Library) -> None:
    lib.set_status(["污染"], WordStatus.KNOWN)
    lib.add_review_items([_word("污染")], None, NOW)
    stored = lib.review_item(word_key("污染"))
    assert stored is not None and stored.suspended
    assert lib.due_review_items(NOW) == []


def test_new_items_come_in_at_most_the_days_allowance(lib: Library) -> None:
    lib.add_review_items([_fact(n) for n in range(1, 6)], None, NOW)
    assert len(lib.due_review_items(NOW, new_per_day=3)) == 3
    _review(lib, _fact(1).key, Rating.Easy, NOW)
    _review(lib, _fact(2).key, Rating.Easy, NOW)
    assert [i.key for i in lib.due_review_items(NOW, new_per_day=3)] == [_fact(3).key]
    assert lib.review_counts(NOW, new_per_day=3).new_now == 1


def test_statistics_show_the_reviews_done_and_the_states(lib: Library) -> None:
    lib.add_review_items([_word("污染"), _word("合作"), _fact(1)], None, NOW)
    _review(lib, word_key("污染"), Rating.Again, NOW)
    _review(lib, word_key("合作"), Rating.Easy, NOW)
    stats = lib.review_stats(NOW + timedelta(minutes=1))
    assert stats.reviews == 2 and stats.retention == pytest.approx(0.5)
    assert stats.per_day[-1][1] == 2
    assert stats.by_state[ItemState.NEW] == 1
    assert stats.by_state[ItemState.REVIEW] == 1
    assert stats.by_state[ItemState.LEARNING] == 1


def test_removing_a_document_keeps_its_review_items(lib: Library) -> None:
    doc = lib.add_document("海岸", "河水污染。")
    lib.add_review_items([_fact(1)], doc.id, NOW)
    lib.remove_document(doc.id)
    stored = lib.review_item(_fact(1).key)
    assert stored is not None and stored.document is None


def test_a_library_from_before_reviews_gains_the_review_tables(tmp_path: Path) -> None:
    # Built at the version just before the review migration, wherever that migration stands.
    step = next(i for i, m in enumerate(library_module.MIGRATIONS, 1) if "CREATE TABLE review_items" in m)
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for version in range(1, step):
        library_module._apply_migration(db, version)
    db.close()
    with Library(path) as lib:
        assert lib.schema_version == library_module.SCHEMA_VERSION
        lib.add_review_items([_word("污染")], None, NOW)
        assert lib.review_counts(NOW).new == 1


def test_every_item_is_listed_set_aside_ones_too(lib: Library) -> None:
    lib.set_status(["合作"], WordStatus.KNOWN)
    lib.add_review_items([_word("污染"), _word("合作"), _fact(1)], None, NOW)
    listed = lib.all_review_items(NOW)
    assert [i.key for i in listed] == [word_key("污染"), word_key("合作"), _fact(1).key]
    assert [i.suspended for i in listed] == [False, True, False]


def test_a_suspended_item_leaves_the_queue_and_resuming_brings_it_back_with_its_schedule(
    lib: Library,
) -> None:
    lib.add_review_items([_fact(1), _fact(2)], None, NOW)
    _review(lib, _fact(1).key, Rating.Good, NOW)
    before = lib.review_item(_fact(1).key)
    assert lib.suspend_review_items([_fact(1).key, _fact(2).key]) == 2
    assert lib.suspend_review_items([_fact(1).key]) == 0  # already set aside
    later = NOW + timedelta(days=30)
    assert lib.due_review_items(later) == []
    counts = lib.review_counts(later)
    assert (counts.total, counts.suspended, counts.queue) == (0, 2, 0)
    assert lib.suspend_review_items([_fact(1).key], suspended=False) == 1
    after = lib.review_item(_fact(1).key)
    assert before is not None and after is not None and not after.suspended
    assert after.due == before.due and after.state is ItemState.LEARNING
    assert [i.key for i in lib.due_review_items(later)] == [_fact(1).key]
    assert len(lib.review_history(_fact(1).key)) == 1


def test_reset_makes_an_item_new_and_due_again_and_keeps_its_past_reviews(lib: Library) -> None:
    lib.add_review_items([_fact(1), _fact(2)], None, NOW)
    _review(lib, _fact(1).key, Rating.Easy, NOW)
    lib.suspend_review_items([_fact(2).key])
    later = NOW + timedelta(hours=2)
    assert lib.due_review_items(later) == []  # Easy: days away
    assert lib.reset_review_items([_fact(1).key, _fact(2).key], later) == 2
    reset = lib.review_item(_fact(1).key)
    assert reset is not None and reset.state is ItemState.NEW and reset.due == later
    assert reset.card.last_review is None
    assert [i.key for i in lib.due_review_items(later)] == [_fact(1).key]
    still_aside = lib.review_item(_fact(2).key)
    assert still_aside is not None and still_aside.suspended
    assert lib.review_history(_fact(1).key) == [(NOW, int(Rating.Easy))]
    assert lib.review_counts(later).new == 1


def test_removing_items_deletes_them_and_their_history(lib: Library) -> None:
    lib.add_review_items([_word("污染"), _fact(1)], None, NOW)
    _review(lib, word_key("污染"), Rating.Good, NOW)
    assert lib.remove_review_items([word_key("污染"), "not a key"]) == 1
    assert lib.review_item(word_key("污染")) is None
    assert lib.review_history(word_key("污染")) == []
    assert [i.key for i in lib.all_review_items(NOW)] == [_fact(1).key]
    assert lib.add_review_items([_word("污染")], None, NOW) == 1  # added again: a new item
