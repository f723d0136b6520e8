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
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import Analysis, Script
from dushu.core.readings import to_zhuyin
from dushu.core.review import (
    NEW_PER_DAY,
    ItemState,
    Rating,
    ReviewItem,
    ReviewStats,
    fact_review_items,
    interval_parts,
    outcomes,
    word_review_items,
)
from dushu.core.script import detect_script
from dushu.core.tones import to_numbers
from dushu.errors import DushuError
from dushu.gui.charts import ChartPoint, ChartWidget
from dushu.gui.controller import one_line, unexpected
from dushu.gui.fonts import default_family
from dushu.gui.settings import load_settings
from dushu.gui.tasks import SyncTaskRunner, Task, TaskRunner
from dushu.storage.library import Library, ReviewCounts, StoredReview, WordStatus

__all__ = ["ReviewItemsDialog", "ReviewView", "reading_in_style"]

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
# A letter with one of these held is a shortcut of the window, not a key of the review.
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
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
    statuses change, and `dueCountChanged` to show the count on the tab ("Review (12)"). `runner`
    finds a document's facts off the GUI thread (without one, at once).
    """

    dueCountChanged = Signal(int)  # items a review started now would show

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._clock: Clock = clock or _utc_now
        self.runner: TaskRunner = runner or SyncTaskRunner()
        self._adding: Task | None = None  # the search for a document's facts, while it runs
        self._set_aside: StoredReview | None = None  # the item last taken out during the session
        self.items_dialog: ReviewItemsDialog | None = None
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
        self.notice = self._build_notice()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        layout.addWidget(self.notice)

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
        self._message = ""  # "Added 84 facts…" was news before this session, not after it
        self._clear_set_aside()
        self.stack.setCurrentWidget(self.session)
        self.session.setFocus()
        self._next_item()

    def end_review(self) -> None:
        """Leave the session for the overview (what was graded is already stored)."""
        self._current = None
        self._clear_set_aside()
        self.stack.setCurrentWidget(self.overview)
        self.refresh()

    def add_document_facts(self) -> None:
        """Add the open document's facts to review. Finding them reads the whole analysis, so it
        runs on the runner; the message under the buttons says how many were new."""
        analysis = self._analysis
        if analysis is None or self._adding is not None:
            return
        doc_id, title = self._doc_id, self._doc_title

        def job(_task: Task) -> list[ReviewItem]:
            return fact_review_items(analysis, title=title)

        def done(items: list[ReviewItem]) -> None:
            self._adding = None
            self._store_facts(items, doc_id)

        def failed(exc: BaseException) -> None:
            self._adding = None
            self._message = ""
            self.refresh()
            self._show_error(one_line(exc) if isinstance(exc, DushuError) else unexpected(exc))

        self._message = translate("Review", "Finding this document's facts…")
        task = self.runner.run("review facts", job, done, failed)
        if not task.finished:
            self._adding = task
            self.refresh()

    def _store_facts(self, items: list[ReviewItem], doc_id: int | None) -> None:
        added = self._library.add_review_items(items, doc_id, self._clock())
        if not items:
            self._message = translate("Review", "This document states no facts that can be asked.")
        else:
            self._message = (
                translate("Review", "Added %1 facts to review; %2 were there already.")
                .replace("%1", str(added))
                .replace("%2", str(len(items) - added))
            )
        self.refresh()

    def _items_changed(self) -> None:
        """The items dialog suspended, reset or removed items: the card on screen, if it was one of
        them, gives way to the next (it must not be graded), and the counts are read again."""
        if self._current is not None:
            stored = self._library.review_item(self._current.key, self._clock())
            if stored is None or stored.suspended:
                self._next_item()
        self.refresh()

    def adding_facts(self) -> bool:
        """True while the open document's facts are being found."""
        return self._adding is not None

    def open_items(self) -> ReviewItemsDialog:
        """Show the list of every review item (suspend, resume, reset, remove); returns the dialog."""
        if self.items_dialog is None:
            self.items_dialog = ReviewItemsDialog(self._library, self, clock=self._clock)
            self.items_dialog.changed.connect(self._items_changed)
            self.items_dialog.finished.connect(lambda _result: self._items_changed())
        self.items_dialog.reload()
        self.items_dialog.open()
        return self.items_dialog

    def suspend_current(self) -> None:
        """Take the item on screen out of the review ("Don't review this again") and go on; the
        notice under the card offers to undo it, and the items list brings it back later."""
        item = self._current
        if item is None:
            return
        self._library.suspend_review_items([item.key])
        self._set_aside = item
        self._update_notice()
        self._counts = self._library.review_counts(self._clock())
        self._emit_count()
        self._next_item()

    def undo_set_aside(self) -> None:
        """Bring back the item just taken out, and show it again."""
        item = self._set_aside
        if item is None:
            return
        self._clear_set_aside()
        self._library.suspend_review_items([item.key], suspended=False)
        now = self._clock()
        self._counts = self._library.review_counts(now)
        self._emit_count()
        stored = self._library.review_item(item.key, now)
        if stored is None:
            return
        queue = [i.key for i in self._library.due_review_items(now)]
        self._current = stored
        self._left = len(queue) + (stored.key not in queue)
        self._show_front()

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
        self.items_button = QPushButton(page)
        self.items_button.clicked.connect(self.open_items)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 2)
        buttons.addWidget(self.add_facts_button, 1)
        buttons.addWidget(self.add_words_button, 1)
        buttons.addWidget(self.items_button)

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
        # Due now + new for today = what "Start review" shows; "in all" counts every item, suspended too.
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
            translate("Review", "items in all (%1 suspended)").replace("%1", str(counts.suspended))
            if counts.suspended
            else translate("Review", "items in all")
        )
        tips = {
            "due": translate("Review", "Items you have reviewed before whose time to come back has come."),
            "new": translate(
                "Review",
                "Items you have never reviewed. At most %1 new ones come in a day, so that a whole "
                "text does not arrive at once.",
            ).replace("%1", str(NEW_PER_DAY)),
            "total": translate(
                "Review",
                "Every item you have added: new ones, ones you are learning, and suspended ones (words "
                "marked known, items you chose not to review).",
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
        self.add_facts_button.setEnabled(has_doc and self._adding is None)
        self.add_words_button.setEnabled(has_doc)
        self.items_button.setEnabled(counts.total + counts.suspended > 0)
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
                    "Review",
                    "Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; S takes the item out "
                    "of the review; Esc ends.",
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
        names = _state_names()
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
        self.suspend_button = QPushButton(page)
        self.suspend_button.clicked.connect(self.suspend_current)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.suspend_button)
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
        self.suspend_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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

    def _build_notice(self) -> QWidget:
        """The line under the session that says which item was taken out, with its Undo."""
        bar = QFrame(self)
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_text = _plain_label(bar)
        self.undo_button = QPushButton(bar)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo_set_aside)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.notice_text, 1)
        row.addWidget(self.undo_button)
        bar.hide()
        return bar

    def _update_notice(self) -> None:
        item = self._set_aside
        self.notice.setVisible(item is not None)
        if item is None:
            return
        self.notice_text.setText(
            translate(
                "Review",
                "“%1” will not come again. Items… on the overview brings it back whenever you like.",
            ).replace("%1", _short(item.content.front))
        )

    def _clear_set_aside(self) -> None:
        self._set_aside = None
        self._update_notice()

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
        font = QFont(default_family(_script_of(content.front)))
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
        cjk = QFont(default_family(_script_of(content.front + content.sentence)))
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
        elif key == Qt.Key.Key_S and not event.modifiers() & _COMMAND_MODIFIERS:
            self.suspend_current()
        elif _is_undo(event):
            self.undo_set_aside()
        else:
            event.ignore()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.stack.currentWidget() is self.finished:
            if event.key() == Qt.Key.Key_Escape:
                self.end_review()
                return
            if _is_undo(event) and self._set_aside is not None:
                self.undo_set_aside()
                return
        super().keyPressEvent(event)

    # -- plumbing ----------------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        """Tell the learner what went wrong in one line, in a dialog that does not block the app."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Dushu", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

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
        self.items_button.setText(translate("Review", "Items…"))
        self.items_button.setToolTip(
            translate("Review", "Every item in your review: suspend, resume, reset or remove them.")
        )
        self.end_button.setText(translate("Review", "End review (Esc)"))
        self.suspend_button.setText(translate("Review", "Don't review this again (S)"))
        self.suspend_button.setToolTip(
            translate(
                "Review",
                "Takes this item out of the review (its progress is kept). Undo brings it back at once; "
                "later, Items… on the overview does.",
            )
        )
        self.undo_button.setText(translate("Review", "Undo (Ctrl+Z)"))
        self._update_notice()
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


# The columns of the items list, in order.
_COLUMNS = ("item", "answer", "document", "state", "due", "suspended")
_KEY_ROLE = Qt.ItemDataRole.UserRole
_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_FILTER_ROLE = Qt.ItemDataRole.UserRole + 2  # what the filter box searches in a row


class _SortedItem(QTableWidgetItem):
    """A cell sorted by the value under _SORT_ROLE (a due time sorts as a time, not as "in 3 days")."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_SORT_ROLE), other.data(_SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return bool(mine < theirs)


class ReviewItemsDialog(QDialog):
    """Every review item in one list, with a filter: the selected ones can be suspended (taken out of
    the queue, progress kept), resumed, reset (new again) or removed (with their history).

    `changed` is emitted after each change, so the overview's numbers follow.
    """

    changed = Signal()

    def __init__(
        self, library: Library, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._clock: Clock = clock or _utc_now
        self._items: list[StoredReview] = []
        self._status = ""
        self.setMinimumSize(760, 420)
        self.resize(980, 560)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.shown_label = _plain_label(self, wrap=False)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.shown_label)

        self.table = QTableWidget(0, len(_COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((0, 200, 170, 100, 110, 100)):
            if width:
                header.resizeSection(column, width)
        # Until a column header is clicked the items stay in the order they were added (a text's
        # facts in the text's order); a third click on a header comes back to it.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.suspend_button = QPushButton(self)
        self.suspend_button.clicked.connect(self.suspend_selected)
        self.resume_button = QPushButton(self)
        self.resume_button.clicked.connect(self.resume_selected)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset_selected)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        self.status = _plain_label(self)
        self.status.setStyleSheet("font-style: italic")
        buttons = QHBoxLayout()
        for button in (self.suspend_button, self.resume_button, self.reset_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._retranslate()

    # -- public API --------------------------------------------------------------------------------

    def reload(self, select: Sequence[str] = ()) -> None:
        """Read the items again (and select those whose keys are in `select`)."""
        self._items = self._library.all_review_items(self._clock())
        self._fill(set(select))

    def keys_shown(self) -> list[str]:
        """The keys of the rows the filter lets through, top to bottom."""
        return [self._key(row) for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def select_keys(self, keys: Sequence[str]) -> None:
        """Select the rows of these items (the others are unselected)."""
        wanted = set(keys)
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for row in range(self.table.rowCount()):
            if self._key(row) in wanted:
                index = self.table.model().index(row, 0)
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def selected_keys(self) -> list[str]:
        """The selected items the filter shows (a row hidden by the filter is never acted on)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._key(row) for row in rows if not self.table.isRowHidden(row)]

    def suspend_selected(self) -> int:
        """Take the selected items out of the review; returns how many changed."""
        keys = self.selected_keys()
        n = self._library.suspend_review_items(keys)
        self._after(
            keys, translate("Review", "Items suspended: %1. Resume brings them back.").replace("%1", str(n))
        )
        return n

    def resume_selected(self) -> int:
        """Bring the selected items back into the review, where their schedule left them."""
        keys = self.selected_keys()
        n = self._library.suspend_review_items(keys, suspended=False)
        self._after(keys, translate("Review", "Items back in the review: %1.").replace("%1", str(n)))
        return n

    def reset_selected(self) -> int:
        """Forget the selected items' progress (after asking): they come back as new items."""
        keys = self.selected_keys()
        if not keys or not self._confirm(
            translate(
                "Review",
                "Reset the progress of the selected items (%1)? They start again as new items; the "
                "reviews you did stay in the statistics.",
            ).replace("%1", str(len(keys)))
        ):
            return 0
        n = self._library.reset_review_items(keys, self._clock())
        self._after(keys, translate("Review", "Items reset, new again: %1.").replace("%1", str(n)))
        return n

    def remove_selected(self) -> int:
        """Delete the selected items and their review history (after asking)."""
        keys = self.selected_keys()
        if not keys or not self._confirm(
            translate(
                "Review",
                "Remove the selected items (%1) from the review? Their progress and history are "
                "deleted. Adding the document's facts or your deck words again brings them back as "
                "new items; Suspend keeps them instead.",
            ).replace("%1", str(len(keys)))
        ):
            return 0
        n = self._library.remove_review_items(keys)
        self._after([], translate("Review", "Items removed: %1.").replace("%1", str(n)))
        return n

    # -- the table ---------------------------------------------------------------------------------

    def _fill(self, select: set[str]) -> None:
        now = self._clock()
        names = _state_names()
        table = self.table
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            content = item.content
            waiting = item.suspended or item.state is ItemState.NEW
            if waiting:
                due_text = "—"
            elif item.due <= now:
                due_text = translate("Review", "now")
            else:
                due_text = _in_interval(item.due - now)
            cells = {
                "item": (_short(content.front, 60), content.front),
                "answer": (_short(content.answer, 40), content.answer),
                "document": (content.title, content.title),
                "state": (names[item.state], list(ItemState).index(item.state)),
                # Items that are not on a schedule sort after every scheduled one.
                "due": (due_text, ("~" if waiting else "") + item.due.isoformat()),
                "suspended": (translate("Review", "Yes") if item.suspended else "", int(item.suspended)),
            }
            for column, name in enumerate(_COLUMNS):
                text, order = cells[name]
                cell = _SortedItem(text)
                cell.setData(_SORT_ROLE, order)
                if column == 0:
                    cell.setData(_KEY_ROLE, item.key)
                    searched = (content.front, content.answer, content.extra, content.title, item.word)
                    cell.setData(_FILTER_ROLE, "\n".join(searched).casefold())
                    cell.setToolTip(content.front)
                elif name == "due" and item.suspended:
                    cell.setToolTip(translate("Review", "Suspended: not shown until you resume it."))
                elif name == "due" and waiting:
                    cell.setToolTip(
                        translate(
                            "Review", "New items come in at most %1 a day, in the order they were added."
                        ).replace("%1", str(NEW_PER_DAY))
                    )
                elif name == "due":
                    cell.setToolTip(item.due.astimezone().strftime("%Y-%m-%d %H:%M"))
                elif name == "answer":
                    cell.setToolTip(content.answer)
                if name == "item":
                    cell.setFont(QFont(default_family(_script_of(content.front))))
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)
        self._apply_filter()
        if select:
            self.select_keys(sorted(select))
        self._update_buttons()

    def _key(self, row: int) -> str:
        cell = self.table.item(row, 0)
        return str(cell.data(_KEY_ROLE)) if cell is not None else ""

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().casefold().split()
        shown = 0
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            haystack = str(cell.data(_FILTER_ROLE)) if cell is not None else ""
            hidden = not all(w in haystack for w in words)
            self.table.setRowHidden(row, hidden)
            shown += not hidden
        total = self.table.rowCount()
        if total == 0:
            self.shown_label.setText(translate("Review", "No items yet."))
        elif shown == total:
            self.shown_label.setText(translate("Review", "%1 items").replace("%1", str(total)))
        else:
            self.shown_label.setText(
                translate("Review", "%1 of %2 items shown")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        keys = set(self.selected_keys())
        chosen = [i for i in self._items if i.key in keys]
        self.suspend_button.setEnabled(any(not i.suspended for i in chosen))
        self.resume_button.setEnabled(any(i.suspended for i in chosen))
        self.reset_button.setEnabled(any(i.state is not ItemState.NEW for i in chosen))
        self.remove_button.setEnabled(bool(chosen))

    def _after(self, keys: Sequence[str], status: str) -> None:
        self._status = status
        self.status.setText(status)
        self.reload(keys)
        self.changed.emit()

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            translate("Review", "Review items"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("Review", "Review items"))
        self.filter_edit.setPlaceholderText(
            translate("Review", "Filter: a word, a question, an answer, a document's title…")
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("Review", "Word or question"),
                translate("Review", "Answer"),
                translate("Review", "Document"),
                translate("Review", "State"),
                translate("Review", "Next due"),
                translate("Review", "Suspended"),
            ]
        )
        self.suspend_button.setText(translate("Review", "Suspend"))
        self.suspend_button.setToolTip(
            translate("Review", "Take the selected items out of the review; their progress is kept.")
        )
        self.resume_button.setText(translate("Review", "Resume"))
        self.resume_button.setToolTip(translate("Review", "Bring the selected items back into the review."))
        self.reset_button.setText(translate("Review", "Reset progress…"))
        self.reset_button.setToolTip(translate("Review", "Start the selected items again as new items."))
        self.remove_button.setText(translate("Review", "Remove…"))
        self.remove_button.setToolTip(
            translate("Review", "Delete the selected items from the review, with their history.")
        )
        self.close_button.setText(translate("Review", "Close"))
        if self._items:
            self._fill(set(self.selected_keys()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _state_names() -> dict[ItemState, str]:
    return {
        ItemState.NEW: translate("Review", "New"),
        ItemState.LEARNING: translate("Review", "Learning"),
        ItemState.REVIEW: translate("Review", "Review"),
        ItemState.RELEARNING: translate("Review", "Relearning"),
    }


def _script_of(text: str) -> str:
    return "simplified" if detect_script(text) == Script.SIMPLIFIED else "traditional"


def _is_undo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def _short(text: str, limit: int = 40) -> str:
    """A card's front cut to fit a line: a fact's question can be a long sentence."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


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
