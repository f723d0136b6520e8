"""Spaced review inside Dushu: review items from an analysis, FSRS scheduling, and review statistics.

A review item is a word of the learner's deck (front: the word; back: its reading, the meaning it has
in its example sentence, and the sentence) or a fact of the text (front: the question the fact's Anki
note asks, from the same study items; back: the answer and the source sentence). Its `key` is what
it is about, never its wording, so the same word or fact found again by a later analysis keeps its
schedule: `["word", <Simplified form>]`, or `["fact", *StudyItem.key]` (the identity of the Anki
fact note, with an ordinal when two facts of one text share it).

Scheduling is the `fsrs` package's (FSRS-6, default parameters); every function takes the clock as
an argument (an aware datetime) so that tests and the app agree on what "now" is. Nothing here
touches sqlite or Qt: `dushu.storage.library` keeps the cards and the log.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import cache
from typing import Any

from fsrs import Card, Rating, ReviewLog, Scheduler, State

from dushu.core.models import Analysis, VocabItem
from dushu.core.senses import is_cross_reference, learner_meaning, word_sense
from dushu.core.study import StudyItem, fact_note_items, study_items, templates_for

__all__ = [
    "NEW_PER_DAY",
    "STATS_DAYS",
    "ItemState",
    "LoggedReview",
    "Rating",
    "ReviewContent",
    "ReviewItem",
    "ReviewStats",
    "card_from_json",
    "card_to_json",
    "fact_review_items",
    "grade",
    "interval_parts",
    "log_to_json",
    "new_card",
    "outcomes",
    "retrievability",
    "review_stats",
    "state_of",
    "word_key",
    "word_review_items",
]

# New items a day brings into review at most: a whole text's facts at once would bury the learner.
NEW_PER_DAY = 20
# The statistics cover this many days back from today.
STATS_DAYS = 30
# The blank in a fact's front (the same width for any answer, so its length gives nothing away).
BLANK = "＿＿＿"


class ItemState(StrEnum):
    """Where an item stands: never reviewed, in its first steps, in review, or relearning a lapse."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


@dataclass(frozen=True, slots=True)
class ReviewContent:
    """What the two sides of a review card show, as plain text (the view escapes it).

    `reading` is tone-marked pinyin, one syllable per character, so the view can write it in the
    learner's reading style (pinyin, tone numbers, zhuyin).
    """

    front: str  # the word, or the question (a passage with a blank)
    hint: str = ""  # what the question asks for ("是誰？"); empty for words
    answer: str = ""  # the fact's answer, or the word's meaning in context
    reading: tuple[str, ...] = ()
    extra: str = ""  # an ISO date, an English name, members …
    sentence: str = ""  # the example or source sentence, verbatim
    title: str = ""  # the document it comes from

    def to_json(self) -> str:
        """The content as a JSON object (what the library stores)."""
        data = {
            "front": self.front,
            "hint": self.hint,
            "answer": self.answer,
            "reading": list(self.reading),
            "extra": self.extra,
            "sentence": self.sentence,
            "title": self.title,
        }
        return json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ReviewContent:
        """The content stored by `to_json`; anything unreadable becomes an empty card, never an error."""
        try:
            data = json.loads(text)
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}

        def text_of(name: str) -> str:
            value = data.get(name, "")
            return value if isinstance(value, str) else ""

        reading = data.get("reading", [])
        return cls(
            front=text_of("front"),
            hint=text_of("hint"),
            answer=text_of("answer"),
            reading=tuple(s for s in reading if isinstance(s, str)) if isinstance(reading, list) else (),
            extra=text_of("extra"),
            sentence=text_of("sentence"),
            title=text_of("title"),
        )


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing to review: its identity, kind ("word" or "fact"), the word it is about, its sides."""

    key: str  # a JSON array: ["word", "航道"] or ["fact", "event", "2030-11-04", …]
    kind: str
    content: ReviewContent
    word: str = ""  # the Simplified form for words (word statuses use it); "" for facts


def word_key(word: str) -> str:
    """The identity of a word's review item (`word` in its Simplified form)."""
    return _key(("word", word))


def _key(parts: Sequence[str]) -> str:
    return json.dumps(list(parts), ensure_ascii=False)


# --- items from an analysis ------------------------------------------------------------------------


def word_review_items(analysis: Analysis, words: Iterable[str], title: str = "") -> list[ReviewItem]:
    """Review items for the vocabulary of `analysis` whose word (any script) is among `words`.

    The back gives the reading, the meaning: the user's own when they rewrote it, else the sense
    the example sentence uses, else the first dictionary meaning, and the example sentence.
    """
    wanted = frozenset(w for w in words if w)
    seen: set[str] = set()
    out: list[ReviewItem] = []
    for vocab in analysis.vocabulary:
        simplified = vocab.simplified or vocab.word
        if simplified in seen or not wanted & {vocab.word, vocab.traditional, simplified}:
            continue
        seen.add(simplified)
        content = ReviewContent(
            front=vocab.word,
            answer=_word_meaning(analysis, vocab),
            reading=vocab.pinyin,
            sentence=vocab.example.strip(),
            title=title or analysis.title,
        )
        out.append(ReviewItem(word_key(simplified), "word", content, simplified))
    return out


def _word_meaning(analysis: Analysis, vocab: VocabItem) -> str:
    user = next((d for d in vocab.definitions if d.source == "user" and d.meanings), None)
    if user is not None:
        return user.meanings[0]
    sense = word_sense(analysis, vocab) if analysis.tokens else None
    if sense is not None:
        return sense.text
    for definition in vocab.definitions:
        for meaning in definition.meanings:
            if not is_cross_reference(meaning):
                return learner_meaning(meaning, analysis.script)
    return ""


_BLANKED_ASKS = ("actor", "date", "reason", "purpose", "result")


def fact_review_items(
    analysis: Analysis, items: Sequence[StudyItem] | None = None, title: str = ""
) -> list[ReviewItem]:
    """One review item per fact of the text (event, cause, term, person), asking what its Anki note asks."""
    if items is None:
        items = study_items(analysis)
    words = templates_for(analysis.script)
    members = {i.group: i.answer for i in items if i.ask == "members"}
    chosen = fact_note_items(items)
    chosen.sort(key=lambda i: i.position)
    counts: Counter[tuple[str, ...]] = Counter()
    out: list[ReviewItem] = []
    for item in chosen:
        counts[item.key] += 1
        n = counts[item.key]
        key = _key(("fact", *item.key) if n == 1 else ("fact", *item.key, f"#{n}"))
        front, hint, answer, extra = _fact_sides(item, words.card)
        if item.group in members:
            extra = " · ".join(x for x in (extra, words.card("members_label") + members[item.group]) if x)
        content = ReviewContent(
            front=front,
            hint=hint,
            answer=answer,
            extra=extra,
            sentence=item.source.strip(),
            title=title or analysis.title,
        )
        out.append(ReviewItem(key, "fact", content))
    return out


def _fact_sides(item: StudyItem, card: Any) -> tuple[str, str, str, str]:
    """Front, hint, answer and extra line of a fact's card."""
    if item.ask in _BLANKED_ASKS:
        if item.ask == "actor":
            hint = card("actor" if item.extra[:1] == ("person",) else "thing")
        else:
            hint = card(item.ask)
        extra = item.gloss if item.ask == "actor" else ""
        if item.ask == "date" and item.date and not _same_numbers(item.answer, item.date):
            extra = item.date  # 同年11月 is 2028-11: the back says which year that is
        return item.blanked(BLANK), hint, item.answer, extra
    if item.ask in ("full_name", "english"):
        # The short form (or the English name) is shown; the term as the text writes it is asked.
        shown, term = (item.subject, item.answer) if item.ask == "full_name" else (item.answer, item.subject)
        hint = card("full_name" if item.ask == "full_name" else "chinese_name")  # Entity List: 中文名稱
        return shown, hint, term, item.gloss if item.gloss != shown else ""
    hint = card("english") if item.ask == "person_english" else card("role")
    return item.subject, hint, item.answer, item.gloss


def _same_numbers(written: str, iso: str) -> bool:
    """True when a date as written (2019年7月) already says all its ISO form (2019-07) says."""
    numbers = re.findall(r"\d+", written)
    return [str(int(n)) for n in numbers] == [str(int(p)) for p in iso.split("-") if p.isdigit()]


# --- scheduling ------------------------------------------------------------------------------------


@cache
def _scheduler() -> Scheduler:
    # No fuzz: fsrs fuzzes each grade's interval on its own, so Hard could come out longer than
    # Good, and the interval under each button would not be the one the learner then gets.
    return Scheduler(enable_fuzzing=False)


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("the review clock must be timezone-aware")
    return now.astimezone(UTC)


def new_card(now: datetime) -> Card:
    """A card never reviewed, due at once."""
    moment = _utc(now)
    return Card(card_id=int(moment.timestamp() * 1000), due=moment)


def grade(
    card: Card, rating: Rating, now: datetime, duration_ms: int | None = None
) -> tuple[Card, ReviewLog]:
    """The card after a review graded `rating` at `now`, and the review's log entry."""
    return _scheduler().review_card(card, rating, _utc(now), duration_ms)


def outcomes(card: Card, now: datetime) -> dict[Rating, tuple[Card, ReviewLog]]:
    """What each of the four grades would do to the card now (the view shows each next interval and
    records the one chosen, so the interval under a button is the one the learner gets)."""
    return {rating: grade(card, rating, now) for rating in Rating}


def state_of(card: Card) -> ItemState:
    """The card's state; a card never reviewed is NEW (fsrs itself calls it Learning, step 0)."""
    if card.last_review is None:
        return ItemState.NEW
    if card.state == State.Review:
        return ItemState.REVIEW
    if card.state == State.Relearning:
        return ItemState.RELEARNING
    return ItemState.LEARNING


def retrievability(card: Card, now: datetime) -> float:
    """The chance (0–1) that the learner recalls the item now, as FSRS predicts it (0 when never reviewed)."""
    return float(_scheduler().get_card_retrievability(card, _utc(now)))


def card_to_json(card: Card) -> str:
    """The card as JSON (fsrs's own dictionary form)."""
    return json.dumps(card.to_dict())


def card_from_json(text: str, now: datetime) -> Card:
    """The card stored by `card_to_json`; an unreadable one starts again as a new card."""
    try:
        return Card.from_dict(json.loads(text))
    except (ValueError, TypeError, KeyError):
        return new_card(now)


def log_to_json(log: ReviewLog) -> str:
    """A review log entry as JSON (fsrs's own dictionary form)."""
    return json.dumps(log.to_dict())


def interval_parts(delta: timedelta) -> tuple[int, str]:
    """An interval as a learner reads it: (3, "day"); units "minute", "hour", "day", "month", "year"."""
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        return minutes, "minute"
    hours = round(minutes / 60)
    if hours < 24:
        return hours, "hour"
    days = round(delta.total_seconds() / 86400)
    if days < 31:
        return days, "day"
    if days < 365:
        return round(days / 30.4), "month"
    return round(days / 365), "year"


# --- statistics ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoggedReview:
    """One review from the log: when (aware datetime) and the grade given."""

    reviewed: datetime
    rating: Rating


@dataclass(frozen=True, slots=True)
class ReviewStats:
    """What the progress charts show, over the last `STATS_DAYS` days (today included)."""

    per_day: tuple[tuple[date, int], ...]  # oldest first, every day present (0 when none)
    by_state: Mapping[ItemState, int] = field(default_factory=dict)  # every state present
    retention: float | None = None  # share of reviews not graded Again; None without reviews
    reviews: int = 0  # reviews in the period
    retention_per_day: tuple[tuple[date, float], ...] = ()  # the same per day, days with reviews only


def review_stats(
    reviews: Iterable[LoggedReview],
    states: Iterable[ItemState],
    now: datetime,
    days: int = STATS_DAYS,
    zone: tzinfo | None = None,
) -> ReviewStats:
    """Reviews per day, items per state and retention over the `days` days up to `now`.

    Days are the learner's calendar days (`zone`, the computer's time zone by default), not UTC's.
    """
    today = _local(now, zone).date()
    first = today - timedelta(days=days - 1)
    per_day: Counter[date] = Counter()
    passed_per_day: Counter[date] = Counter()
    for review in reviews:
        day = _local(review.reviewed, zone).date()
        if first <= day <= today:
            per_day[day] += 1
            passed_per_day[day] += review.rating != Rating.Again
    total = sum(per_day.values())
    counted = Counter(states)
    calendar = [first + timedelta(days=i) for i in range(days)]
    return ReviewStats(
        per_day=tuple((day, per_day[day]) for day in calendar),
        by_state={state: counted[state] for state in ItemState},
        retention=sum(passed_per_day.values()) / total if total else None,
        reviews=total,
        retention_per_day=tuple((d, passed_per_day[d] / per_day[d]) for d in calendar if per_day[d]),
    )


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone) if zone is not None else moment.astimezone()
