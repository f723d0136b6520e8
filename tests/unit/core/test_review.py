"""Spaced review: items a learner reviews from an analysis, their FSRS schedule, and the statistics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dushu.core.facts import extract_facts
from dushu.core.models import Analysis, Definition, Script, VocabItem
from dushu.core.review import (
    ItemState,
    LoggedReview,
    Rating,
    ReviewContent,
    card_from_json,
    card_to_json,
    fact_review_items,
    grade,
    interval_parts,
    new_card,
    outcomes,
    retrievability,
    review_stats,
    state_of,
    word_key,
    word_review_items,
)
from dushu.core.sentences import split_sentences

TEXT = (
    "2031年4月12日，青禾市與白石港簽署《海岸清潔協定》（HCA），雙方同意每月清理沙灘。\n"
    "由於河水污染越來越嚴重，兩地決定加強合作。\n"
)
NOW = datetime(2031, 5, 1, 9, 0, tzinfo=UTC)


def _word(
    word: str, simplified: str, pinyin: tuple[str, ...], meanings: tuple[str, ...], source: str = "cc-cedict"
) -> VocabItem:
    return VocabItem(
        word=word,
        traditional=word,
        simplified=simplified,
        pinyin=pinyin,
        definitions=(Definition(" ".join(pinyin), meanings, source),),
        hsk=5,
        frequency=3.0,
        count=1,
        example=TEXT.splitlines()[1],
        example_sentence=1,
        first_offset=TEXT.index(word),
    )


def _analysis(vocabulary: tuple[VocabItem, ...] = ()) -> Analysis:
    sentences = tuple(split_sentences(TEXT))
    facts, glossary, people = extract_facts(TEXT, sentences)
    return Analysis(
        TEXT, Script.TRADITIONAL, sentences, (), vocabulary, facts, glossary, people, title="海岸"
    )


def test_a_deck_word_is_asked_by_its_form_and_answered_with_reading_meaning_and_sentence() -> None:
    vocab = (
        _word("污染", "污染", ("wū", "rǎn"), ("pollution; to pollute",)),
        _word("合作", "合作", ("hé", "zuò"), ("to cooperate",)),
    )
    items = word_review_items(_analysis(vocab), ["污染"])
    assert [i.key for i in items] == [word_key("污染")]
    content = items[0].content
    assert content.front == "污染"
    assert content.reading == ("wū", "rǎn")
    assert content.answer == "pollution; to pollute"
    assert content.sentence == "由於河水污染越來越嚴重，兩地決定加強合作。"
    assert items[0].word == "污染"


def test_a_word_is_found_by_its_simplified_form_and_the_users_meaning_wins() -> None:
    vocab = (_word("協定", "协定", ("xié", "dìng"), ("my own words: a pact",), source="user"),)
    items = word_review_items(_analysis(vocab), ["协定"])
    assert items[0].content.front == "協定"
    assert items[0].word == "协定"
    assert items[0].content.answer == "my own words: a pact"


def test_facts_ask_what_the_anki_notes_ask_with_the_answer_hidden_on_the_front() -> None:
    items = fact_review_items(_analysis())
    fronts = {i.content.front: i.content for i in items}
    event = next(c for f, c in fronts.items() if "青禾市" in f)
    assert "2031年4月12日" not in event.front and event.answer == "2031年4月12日"
    assert event.hint  # what the blank asks for
    assert event.extra == ""  # 2031-04-12 would only repeat the answer
    cause = next(c for f, c in fronts.items() if "兩地決定" in f)
    assert "河水污染越來越嚴重" not in cause.front and cause.answer == "河水污染越來越嚴重"
    assert cause.sentence == "由於河水污染越來越嚴重，兩地決定加強合作。"
    assert fronts["HCA"].answer == "海岸清潔協定"


def test_fact_keys_survive_a_new_analysis_of_the_same_text() -> None:
    first = [i.key for i in fact_review_items(_analysis())]
    again = [i.key for i in fact_review_items(_analysis())]
    assert first == again and len(set(first)) == len(first)


def test_content_round_trips_through_json_and_bad_json_gives_an_empty_card() -> None:
    content = ReviewContent("污染", answer="pollution", reading=("wū", "rǎn"), sentence="河水污染。")
    assert ReviewContent.from_json(content.to_json()) == content
    assert ReviewContent.from_json("{not json").front == ""


def test_again_brings_a_card_back_sooner_than_hard_good_and_easy() -> None:
    card = new_card(NOW)
    assert state_of(card) is ItemState.NEW
    due = {rating: result[0].due for rating, result in outcomes(card, NOW).items()}
    assert due[Rating.Again] < due[Rating.Hard] <= due[Rating.Good] < due[Rating.Easy]
    after, log = grade(card, Rating.Good, NOW)
    assert state_of(after) is ItemState.LEARNING and log.rating == Rating.Good
    assert card_from_json(card_to_json(after), NOW).due == after.due


def test_a_card_learnt_well_moves_to_review_and_a_lapse_to_relearning() -> None:
    card, _ = grade(new_card(NOW), Rating.Easy, NOW)
    assert state_of(card) is ItemState.REVIEW and card.due - NOW >= timedelta(days=1)
    assert 0.0 < retrievability(card, card.due) <= 1.0
    lapsed, _ = grade(card, Rating.Again, card.due)
    assert state_of(lapsed) is ItemState.RELEARNING


def test_the_clock_must_say_its_time_zone() -> None:
    with pytest.raises(ValueError):
        new_card(datetime(2031, 5, 1, 9, 0))


def test_an_unreadable_stored_card_starts_again_as_new() -> None:
    assert state_of(card_from_json("[]", NOW)) is ItemState.NEW


def test_intervals_read_as_minutes_hours_days_months_years() -> None:
    assert interval_parts(timedelta(seconds=30)) == (1, "minute")
    assert interval_parts(timedelta(minutes=10)) == (10, "minute")
    assert interval_parts(timedelta(hours=5)) == (5, "hour")
    assert interval_parts(timedelta(days=3, hours=2)) == (3, "day")
    assert interval_parts(timedelta(days=92)) == (3, "month")
    assert interval_parts(timedelta(days=800)) == (2, "year")


def test_statistics_count_reviews_per_day_states_and_retention_over_thirty_days() -> None:
    reviews = [
        LoggedReview(NOW - timedelta(days=40), Rating.Again),  # before the period: not counted
        LoggedReview(NOW - timedelta(days=2), Rating.Good),
        LoggedReview(NOW - timedelta(days=2), Rating.Again),
        LoggedReview(NOW - timedelta(minutes=5), Rating.Easy),
        LoggedReview(NOW, Rating.Hard),
    ]
    states = [ItemState.NEW, ItemState.NEW, ItemState.REVIEW, ItemState.RELEARNING]
    stats = review_stats(reviews, states, NOW, zone=UTC)
    assert len(stats.per_day) == 30
    assert stats.per_day[-1] == (NOW.date(), 2)
    assert stats.per_day[-3] == ((NOW - timedelta(days=2)).date(), 2)
    assert sum(n for _d, n in stats.per_day) == stats.reviews == 4
    assert stats.retention == pytest.approx(0.75)
    assert stats.retention_per_day == (((NOW - timedelta(days=2)).date(), 0.5), (NOW.date(), 1.0))
    assert stats.by_state == {
        ItemState.NEW: 2,
        ItemState.LEARNING: 0,
        ItemState.REVIEW: 1,
        ItemState.RELEARNING: 1,
    }


def test_no_reviews_means_no_retention_figure() -> None:
    stats = review_stats([], [], NOW, zone=UTC)
    assert stats.retention is None and stats.reviews == 0


def test_an_english_name_asks_for_the_chinese_name_not_the_full_one() -> None:
    text = "2031年4月12日，青禾市加入《海岸清潔協定》（Coastal Clean-up Accord）。\n"
    sentences = tuple(split_sentences(text))
    facts, glossary, people = extract_facts(text, sentences)
    analysis = Analysis(text, Script.TRADITIONAL, sentences, (), (), facts, glossary, people, title="海岸")
    fronts = {i.content.front: i.content for i in fact_review_items(analysis)}
    english = fronts.get("Coastal Clean-up Accord")
    assert english is not None and english.answer == "海岸清潔協定" and english.hint == "中文名稱是甚麼？"
