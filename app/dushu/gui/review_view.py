"""The Review tab: spaced review of the learner's deck words and the texts' facts, with progress charts.

Three screens in one widget: the overview (what is due, the buttons that add items, the charts), the
review of one item (its front, then its back with the four grades and the interval each would give)
and the end of a session. Everything is kept in the library (`Library.add_review_items`,
`due_review_items`, `record_review`); FSRS scheduling is `dushu.core.review`'s. Every text shown
comes from documents, so every label here is plain text (never rich text).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from fsrs import Card, ReviewLog
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import Analysis, Script
from dushu.core.readings import to_zhuyin
from dushu.core.review import (
    NEW_PER_DAY,
    ItemState,
    Rating,
    ReviewStats,
    fact_review_items,
    interval_parts,
    outcomes,
    word_review_items,
)
from dushu.core.script import detect_script
from dushu.core.tones import to_numbers
from dushu.gui.charts import ChartPoint, ChartWidget
from dushu.gui.fonts import default_family
from dushu.gui.settings import load_settings
from dushu.storage.library import Library, ReviewCounts, StoredReview, WordStatus

__all__ = ["ReviewView", "reading_in_style"]

translate = QCoreApplication.translate

Clock = Callable[[], datetime]

# The grades in button order, with the key that gives each.
_GRADES = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)
_GRADE_KEYS = {
    Qt.Key.Key_1: Rating.Again,
    Qt.Key.Key_2: Rating.Hard,
    Qt.Key.Key_3: Rating.Good,
    Qt.Key.Key_4: Rating.Easy,
}
# Colours of the states in the chart (the same hues a learner knows from other review programs).
_STATE_COLOURS = {
    ItemState.NEW: "#4a90d9",
    ItemState.LEARNING: "#e08a2e",
    ItemState.REVIEW: "#3f9a52",
    ItemState.RELEARNING: "#c94c4c",
}
_LOOKAHEAD = timedelta(days=1)  # "the next item is due in …" looks this far ahead
_REFRESH_MS = 60_000  # learning steps come due within minutes: the count on the tab follows them


def _utc_now() -> datetime:
    return datetime.now(UTC)


def reading_in_style(syllables: Sequence[str], style: str) -> str:
    """A word's reading written as the reader writes it: pinyin, tone numbers or zhuyin.

    A learner who hides readings in the reader still sees pinyin on the back of a card: that is
    the answer they check themselves against.
    """
    if style == "numbers":
        return " ".join(to_numbers(s) for s in syllables)
    if style == "zhuyin":
        return " ".join(to_zhuyin(s) for s in syllables)
    return " ".join(syllables)


def _plain_label(parent: QWidget, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # document text is never markup
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _SessionPage(QWidget):
    """The review of one item; it keeps the keyboard focus so that Space and 1–4 always reach it."""

    keyPressed = Signal(QKeyEvent)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyPressed.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)


class ReviewView(QWidget):
    """Spaced review of the library's review items.

    Wire it with `set_document` when a document opens (or closes), `statuses_changed` after word
    statuses change, and `dueCountChanged` to show the count on the tab ("Review (12)").
    """

    dueCountChanged = Signal(int)  # items a review started now would show

    def __init__(
        self, library: Library, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._clock: Clock = clock or _utc_now
        self._analysis: Analysis | None = None
        self._doc_id: int | None = None
        self._doc_title = ""
        self._counts: ReviewCounts | None = None
        self._stats: ReviewStats | None = None
        self._emitted: int | None = None
        self._current: StoredReview | None = None
        self._previews: dict[Rating, tuple[Card, ReviewLog]] = {}
        self._shown_at = 0.0
        self._answered = False
        self._done = 0
        self._left = 0
        self._message = ""
        self._next_due: datetime | None = None

        self.stack = QStackedWidget(self)
        self.overview = self._build_overview()
        self.session = self._build_session()
        self.finished = self._build_finished()
        self.stack.addWidget(self.overview)
        self.stack.addWidget(self.session)
        self.stack.addWidget(self.finished)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._timer = QTimer(self)
        self._timer.setInterval(_REFRESH_MS)
        self._timer.timeout.connect(self._tick)  # runs while the tab is shown (showEvent)
        self._retranslate()
        self.refresh()

    # -- public API --------------------------------------------------------------------------------

    def set_document(self, analysis: Analysis | None, doc_id: int | None, title: str) -> None:
        """The document now open (None when none is): the add buttons work on it."""
        self._analysis = analysis
        self._doc_id = doc_id
        self._doc_title = title
        self._message = ""
        self.refresh()

    def statuses_changed(self, words: list[str]) -> None:
        """Word statuses changed: words put in the deck that the open document has join the review
        (the library has already set aside the words marked known); the counts are read again."""
        if self._analysis is not None and words:
            learning = self._library.words_with_status(WordStatus.LEARNING) & set(words)
            if learning:
                items = word_review_items(self._analysis, learning, self._doc_title)
                self._library.add_review_items(items, self._doc_id, self._clock())
        if self._current is not None and self._current.kind == "word":
            stored = self._library.review_item(self._current.key, self._clock())
            if stored is None or stored.suspended:
                self._next_item()  # the word on screen was just marked known: move on
        self.refresh()

    def refresh(self) -> None:
        """Read the counts and the statistics again and redraw the overview."""
        now = self._clock()
        self._counts = self._library.review_counts(now)
        self._stats = self._library.review_stats(now)
        self._read_next_due()
        self._update_overview()
        self._emit_count()

    def due_count(self) -> int:
        """What a review started now would show (the number for the tab)."""
        return self._counts.queue if self._counts is not None else 0

    def current_item(self) -> StoredReview | None:
        """The item on the review screen, or None."""
        return self._current

    def start_review(self) -> None:
        """Begin a session with the items due now."""
        self._done = 0
        self.stack.setCurrentWidget(self.session)
        self.session.setFocus()
        self._next_item()

    def end_review(self) -> None:
        """Leave the session for the overview (what was graded is already stored)."""
        self._current = None
        self.stack.setCurrentWidget(self.overview)
        self.refresh()

    def add_document_facts(self) -> int:
        """Add the open document's facts to review; returns how many are new there."""
        if self._analysis is None:
            return 0
        items = fact_review_items(self._analysis, title=self._doc_title)
        added = self._library.add_review_items(items, self._doc_id, self._clock())
        if not items:
            self._message = translate("Review", "This document states no facts that can be asked.")
        else:
            self._message = (
                translate("Review", "Added %1 facts to review; %2 were there already.")
                .replace("%1", str(added))
                .replace("%2", str(len(items) - added))
            )
        self.refresh()
        return added

    def add_deck_words(self) -> int:
        """Add the words of the open document that are in the learner's deck; returns how many are new."""
        if self._analysis is None:
            return 0
        deck = self._library.words_with_status(WordStatus.LEARNING)
        items = word_review_items(self._analysis, deck, self._doc_title)
        added = self._library.add_review_items(items, self._doc_id, self._clock())
        if not items:
            self._message = translate(
                "Review",
                "None of this document's words is in your deck yet. Mark words as Learning in the "
                "reader or the Vocabulary tab; they then join the review by themselves.",
            )
        else:
            self._message = (
                translate("Review", "Added %1 deck words to review; %2 were there already.")
                .replace("%1", str(added))
                .replace("%2", str(len(items) - added))
            )
        self.refresh()
        return added

    # -- overview ----------------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        page = QWidget(self)
        self._title = _plain_label(page, wrap=False)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self._title.setFont(title_font)

        self._figures: dict[str, tuple[QLabel, QLabel]] = {}
        figures = QHBoxLayout()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        for name in ("due", "new", "total"):
            number = _plain_label(page, wrap=False)
            number.setFont(big)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = _plain_label(page)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout()
            box.addWidget(number)
            box.addWidget(caption)
            figures.addLayout(box, 1)
            self._figures[name] = (number, caption)

        self.start_button = QPushButton(page)
        start_font = QFont(self.font())
        start_font.setPointSizeF(start_font.pointSizeF() * 1.2)
        start_font.setBold(True)
        self.start_button.setFont(start_font)
        self.start_button.setMinimumHeight(44)
        self.start_button.clicked.connect(self.start_review)
        self.add_facts_button = QPushButton(page)
        self.add_facts_button.clicked.connect(self.add_document_facts)
        self.add_words_button = QPushButton(page)
        self.add_words_button.clicked.connect(self.add_deck_words)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 2)
        buttons.addWidget(self.add_facts_button, 1)
        buttons.addWidget(self.add_words_button, 1)

        self.hint = _plain_label(page)
        self.message = _plain_label(page)
        self.message.setStyleSheet("font-style: italic")

        self.charts = QWidget(page)
        self.per_day_chart = ChartWidget(self.charts)
        self.state_chart = ChartWidget(self.charts)
        self.retention_chart = ChartWidget(self.charts)
        charts = QGridLayout(self.charts)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.per_day_chart, 0, 0, 1, 2)
        charts.addWidget(self.state_chart, 1, 0)
        charts.addWidget(self.retention_chart, 1, 1)

        inner = QWidget(page)
        box = QVBoxLayout(inner)
        box.addWidget(self._title)
        box.addLayout(figures)
        box.addLayout(buttons)
        box.addWidget(self.hint)
        box.addWidget(self.message)
        box.addWidget(self.charts, 1)
        # Holds the space the charts take once there is something to chart.
        self._filler = QWidget(inner)
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        box.addWidget(self._filler, 1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return page

    def _update_overview(self) -> None:
        counts = self._counts
        if counts is None:
            return
        # Due now + new for today = what "Start review" shows; "in all" counts every item, set aside too.
        self._figures["due"][0].setText(str(counts.due))
        self._figures["due"][1].setText(translate("Review", "seen before, due now"))
        self._figures["new"][0].setText(str(counts.new_now))
        self._figures["new"][1].setText(
            translate("Review", "new for today (%1 new in all)").replace("%1", str(counts.new))
            if counts.new != counts.new_now
            else translate("Review", "new for today")
        )
        self._figures["total"][0].setText(str(counts.total + counts.suspended))
        self._figures["total"][1].setText(
            translate("Review", "items in all (%1 set aside)").replace("%1", str(counts.suspended))
            if counts.suspended
            else translate("Review", "items in all")
        )
        tips = {
            "due": translate(
                "Review", "Items you have reviewed before whose time to come back has come."
            ),
            "new": translate(
                "Review",
                "Items you have never reviewed. At most %1 new ones come in a day, so that a whole "
                "text does not arrive at once.",
            ).replace("%1", str(NEW_PER_DAY)),
            "total": translate(
                "Review",
                "Every item you have added: new, being learnt, and set aside (words marked known, "
                "items you chose not to review).",
            ),
        }
        for name, tip in tips.items():
            for label in self._figures[name]:
                label.setToolTip(tip)
        queue = counts.queue
        self.start_button.setEnabled(queue > 0)
        self.start_button.setText(
            translate("Review", "Start review (%1)").replace("%1", str(queue))
            if queue
            else translate("Review", "Nothing due now")
        )
        has_doc = self._analysis is not None
        self.add_facts_button.setEnabled(has_doc)
        self.add_words_button.setEnabled(has_doc)
        tip = (
            translate("Review", "From “%1”").replace("%1", self._doc_title)
            if has_doc
            else translate("Review", "Open a document first")
        )
        self.add_facts_button.setToolTip(tip)
        self.add_words_button.setToolTip(tip)
        if counts.total == 0 and counts.suspended == 0:
            self.hint.setText(
                translate(
                    "Review",
                    "Nothing to review yet. Open a text and press “Add this document's facts”, or put "
                    "words in your deck (mark them Learning in the reader or the Vocabulary tab) and "
                    "press “Add deck words”. Dushu then shows each item again just before you would "
                    "forget it.",
                )
            )
        elif queue == 0:
            self.hint.setText(self._next_due_text())
        else:
            self.hint.setText(
                translate(
                    "Review", "Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; Esc ends."
                )
            )
        self.message.setText(self._message)
        self.message.setVisible(bool(self._message))
        # Before the first item the charts would be three empty boxes: the hint says what to do.
        started = counts.total > 0 or counts.suspended > 0 or bool(self._stats and self._stats.reviews)
        self.charts.setVisible(started)
        self._filler.setVisible(not started)
        self._update_charts()

    def _read_next_due(self) -> None:
        """When the next item seen before comes due (within a day), for "the next item is due in …"."""
        now = self._clock()
        soonest = self._library.due_review_items(now + _LOOKAHEAD, limit=1, new_per_day=0)
        self._next_due = soonest[0].due if soonest else None

    def _next_due_text(self) -> str:
        # Only what refresh() read: a language switch redraws without touching the library.
        if self._next_due is None:
            if self._counts is not None and self._counts.new > self._counts.new_now:
                return translate("Review", "All done for today. More new items come in tomorrow.")
            return translate("Review", "All done for today.")
        return translate("Review", "All done for now. The next item is due %1.").replace(
            "%1", _in_interval(self._next_due - self._clock())
        )

    def _update_charts(self) -> None:
        stats = self._stats
        if stats is None:
            return
        per_day = [ChartPoint(f"{d.month}/{d.day}", n) for d, n in stats.per_day] if stats.reviews else []
        self.per_day_chart.set_data(
            translate("Review", "Reviews per day (last 30 days)"),
            per_day,
            empty=translate("Review", "No reviews yet: the reviews you do show up here, day by day."),
            whole=True,
        )
        names = {
            ItemState.NEW: translate("Review", "New"),
            ItemState.LEARNING: translate("Review", "Learning"),
            ItemState.REVIEW: translate("Review", "Review"),
            ItemState.RELEARNING: translate("Review", "Relearning"),
        }
        by_state = [
            ChartPoint(names[state], stats.by_state.get(state, 0), _STATE_COLOURS[state])
            for state in ItemState
        ]
        self.state_chart.set_data(
            translate("Review", "Items by state"),
            by_state if any(p.value for p in by_state) else [],
            empty=translate("Review", "No items in review."),
            whole=True,
        )
        if stats.retention is None:
            title = translate("Review", "Retention")
        else:
            title = translate("Review", "Retention: %1% of answers were not “Again”").replace(
                "%1", str(round(stats.retention * 100))
            )
        self.retention_chart.set_data(
            title,
            [ChartPoint(f"{d.month}/{d.day}", round(r * 100)) for d, r in stats.retention_per_day],
            kind="line",
            maximum=100,
            unit="%",
            guide=90,
            guide_label=translate("Review", "aim 90%"),
            empty=translate("Review", "How often you remembered, once you have reviewed."),
        )

    # -- one item ----------------------------------------------------------------------------------

    def _build_session(self) -> _SessionPage:
        page = _SessionPage(self)
        page.keyPressed.connect(self._key)
        self.progress = _plain_label(page, wrap=False)
        self.end_button = QPushButton(page)
        self.end_button.clicked.connect(self.end_review)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.end_button)

        self.front = _plain_label(page, selectable=True)
        self.front.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.front_hint = _plain_label(page)
        self.front_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_font = QFont(self.font())
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.4)
        self.front_hint.setFont(hint_font)
        self.reading = _plain_label(page)
        self.reading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer = _plain_label(page, selectable=True)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.extra = _plain_label(page, selectable=True)
        self.extra.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sentence = _plain_label(page, selectable=True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.source = _plain_label(page)
        self.source.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rule = QFrame(page)
        self.rule.setFrameShape(QFrame.Shape.HLine)

        self.show_button = QPushButton(page)
        self.show_button.setMinimumHeight(44)
        self.show_button.clicked.connect(self.show_answer)
        self.grade_buttons: dict[Rating, QPushButton] = {}
        self.grade_intervals: dict[Rating, QLabel] = {}
        grades = QHBoxLayout()
        for rating in _GRADES:
            button = QPushButton(page)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _checked=False, r=rating: self.grade(r))
            interval = _plain_label(page, wrap=False)
            interval.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column = QVBoxLayout()
            column.addWidget(button)
            column.addWidget(interval)
            grades.addLayout(column, 1)
            self.grade_buttons[rating] = button
            self.grade_intervals[rating] = interval
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for button in self.grade_buttons.values():
            # A focused button would take Space for itself (and grade by accident).
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # The front stays where it is when the back appears below it (the eye does not jump), and
        # lines stay short enough to read however wide the window is.
        sheet = QWidget(page)
        sheet.setMaximumWidth(860)
        card = QVBoxLayout(sheet)
        card.addSpacing(48)
        card.addWidget(self.front)
        card.addWidget(self.front_hint)
        card.addSpacing(12)
        card.addWidget(self.rule)
        card.addWidget(self.reading)
        card.addWidget(self.answer)
        card.addWidget(self.extra)
        card.addSpacing(8)
        card.addWidget(self.sentence)
        card.addWidget(self.source)
        card.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(sheet, 100)
        centred.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(centred, 1)
        layout.addWidget(self.show_button)
        layout.addLayout(grades)
        return page

    def _build_finished(self) -> QWidget:
        page = QWidget(self)
        self.finished_text = _plain_label(page)
        self.finished_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.finished_text.setFont(font)
        self.back_button = QPushButton(page)
        self.back_button.clicked.connect(self.end_review)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.finished_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _next_item(self) -> None:
        now = self._clock()
        queue = self._library.due_review_items(now)
        if self.stack.currentWidget() is self.overview:
            return
        if not queue:
            self._current = None
            self._show_finished()
            return
        self._current = queue[0]
        self._left = len(queue)
        self._show_front()

    def _show_front(self) -> None:
        item = self._current
        if item is None:
            return
        content = item.content
        self._answered = False
        self._previews = {}
        self._shown_at = time.monotonic()
        self.stack.setCurrentWidget(self.session)
        self.session.setFocus()
        self.progress.setText(
            translate("Review", "%1 left · %2 done")
            .replace("%1", str(self._left))
            .replace("%2", str(self._done))
        )
        font = QFont(default_family(self._script_of(content.front)))
        # A word alone is read at a glance in large type; a question is a sentence to read.
        font.setPointSizeF(44 if item.kind == "word" else 20)
        self.front.setFont(font)
        self.front.setText(content.front)
        hint = content.hint
        if not hint and item.kind == "word":
            hint = translate("Review", "Its reading and meaning?")
        self.front_hint.setText(hint)
        self.front_hint.setVisible(bool(hint))
        for label in (self.reading, self.answer, self.extra, self.sentence, self.source):
            label.clear()
            label.hide()
        self.rule.hide()
        self.show_button.show()
        for rating in _GRADES:
            self.grade_buttons[rating].hide()
            self.grade_intervals[rating].hide()

    def show_answer(self) -> None:
        """Turn the card over: the back, and the four grades with the interval each would give."""
        item = self._current
        if item is None or self._answered:
            return
        self._answered = True
        content = item.content
        cjk = QFont(default_family(self._script_of(content.front + content.sentence)))
        style = str(load_settings(self._library).reading_style)
        if content.reading:
            reading_font = QFont(self.font())
            reading_font.setPointSizeF(self.font().pointSizeF() * 1.6)
            self.reading.setFont(reading_font)
            self.reading.setText(reading_in_style(content.reading, style))
            self.reading.show()
        answer_font = QFont(cjk)
        answer_font.setPointSizeF(20 if item.kind == "fact" else 16)
        answer_font.setBold(item.kind == "fact")
        self.answer.setFont(answer_font)
        self.answer.setText(content.answer or translate("Review", "(no meaning stored)"))
        self.answer.show()
        if content.extra:
            self.extra.setText(content.extra)
            self.extra.show()
        if content.sentence and content.sentence != content.front:
            sentence_font = QFont(cjk)
            sentence_font.setPointSizeF(15)
            self.sentence.setFont(sentence_font)
            self.sentence.setText(content.sentence)
            self.sentence.show()
        if content.title:
            self.source.setText(translate("Review", "From “%1”").replace("%1", content.title))
            self.source.show()
        self.rule.show()
        self.show_button.hide()
        now = self._clock()
        self._previews = outcomes(item.card, now)
        for rating in _GRADES:
            card, _log = self._previews[rating]
            self.grade_intervals[rating].setText(_in_interval(card.due - now))
            self.grade_buttons[rating].show()
            self.grade_intervals[rating].show()

    def grade(self, rating: Rating) -> None:
        """Grade the item on screen (after its answer is shown) and go on to the next."""
        item = self._current
        if item is None or not self._answered:
            return
        card, log = self._previews[rating]
        duration = int((time.monotonic() - self._shown_at) * 1000)
        log = dataclasses.replace(log, review_duration=duration)
        self._library.record_review(item.key, card, log)
        self._done += 1
        self._counts = self._library.review_counts(self._clock())
        self._emit_count()
        self._next_item()

    def _show_finished(self) -> None:
        if self._done:
            text = translate("Review", "Well done: %1 reviewed.").replace("%1", str(self._done))
        else:
            text = translate("Review", "Nothing is due now.")
        self._counts = self._library.review_counts(self._clock())
        self._read_next_due()
        self.finished_text.setText(text + "\n" + self._next_due_text())
        self.stack.setCurrentWidget(self.finished)
        self.back_button.setFocus()

    def _key(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.end_review()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._answered:
            self.show_answer()
        elif key in _GRADE_KEYS and self._answered:
            self.grade(_GRADE_KEYS[Qt.Key(key)])
        else:
            event.ignore()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.stack.currentWidget() is self.finished:
            self.end_review()
            return
        super().keyPressEvent(event)

    # -- plumbing ----------------------------------------------------------------------------------

    @staticmethod
    def _script_of(text: str) -> str:
        return "simplified" if detect_script(text) == Script.SIMPLIFIED else "traditional"

    def _emit_count(self) -> None:
        count = self.due_count()
        if count != self._emitted:
            self._emitted = count
            self.dueCountChanged.emit(count)

    def _tick(self) -> None:
        if self.stack.currentWidget() is self.overview:
            self.refresh()
        else:
            self._counts = self._library.review_counts(self._clock())
            self._emit_count()

    def _retranslate(self) -> None:
        self._title.setText(translate("Review", "Review"))
        self.add_facts_button.setText(translate("Review", "Add this document's facts"))
        self.add_words_button.setText(translate("Review", "Add deck words"))
        self.end_button.setText(translate("Review", "End review (Esc)"))
        self.show_button.setText(translate("Review", "Show answer (Space)"))
        names = {
            Rating.Again: translate("Review", "Again"),
            Rating.Hard: translate("Review", "Hard"),
            Rating.Good: translate("Review", "Good"),
            Rating.Easy: translate("Review", "Easy"),
        }
        for n, rating in enumerate(_GRADES, 1):
            self.grade_buttons[rating].setText(f"{names[rating]} ({n})")
        self.back_button.setText(translate("Review", "Back to the overview"))
        self._update_overview()

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _in_interval(delta: timedelta) -> str:
    """ "in 10 min", "in 3 days" for a time from now."""
    amount, unit = interval_parts(delta)
    if unit == "minute":
        text = translate("Review", "in %1 min")
    elif unit == "hour":
        text = translate("Review", "in %1 h")
    elif unit == "day":
        text = translate("Review", "in 1 day") if amount == 1 else translate("Review", "in %1 days")
    elif unit == "month":
        text = translate("Review", "in 1 month") if amount == 1 else translate("Review", "in %1 months")
    else:
        text = translate("Review", "in 1 year") if amount == 1 else translate("Review", "in %1 years")
    return text.replace("%1", str(amount))
