"""The results screen of the quiz tab: a set's stored attempts, a chart of its scores over time, and the
CSV for the teacher; plus how scores, times and dates are written on the quiz screens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dushu.core.quiz.engine import QuizResult, write_results_csv
from dushu.core.quiz.session import answers_from_json
from dushu.errors import DushuError, one_line
from dushu.gui.charts import ChartPoint, ChartWidget
from dushu.storage.library import Library, QuizAttempt

__all__ = ["QuizResults", "fill_in", "format_duration", "format_points", "one_line", "scaled_font"]

translate = QCoreApplication.translate


def fill_in(template: str, *values: object) -> str:
    """A translated template with %1, %2 … filled in (Qt's own placeholders, kept for translators)."""
    for i in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{i}", str(values[i - 1]))
    return template


def format_duration(seconds: float) -> str:
    """A time taken or left as a clock shows it: 4:05, or 1:02:03 past an hour."""
    whole = max(0, round(seconds))
    if whole >= 3600:
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{whole // 60}:{whole % 60:02d}"


def format_points(value: float) -> str:
    """Points or a percentage as people write them: 3, 2.5, 47.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    """`font` made `factor` times larger (headings, prompts)."""
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * factor)
    scaled.setBold(bold)
    return scaled


def _when(iso: str, pattern: str = "%Y-%m-%d %H:%M") -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime(pattern)
    except ValueError:
        return iso[:16]


class QuizResults(QWidget):
    """The attempts of one set (chosen in a list of the sets that have any), charted and exportable.

    `backRequested` asks the quiz tab to go back to its chooser; `problem(message)` reports an error
    for the tab to show (the CSV could not be written).
    """

    backRequested = Signal()
    problem = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.set_key = ""
        # The ids of a set's questions in the set's order, when the quiz tab knows the set (the CSV's
        # columns follow it); () leaves them in the order of their ids.
        self.question_order: Callable[[str], Sequence[str]] = lambda _key: ()
        self._title = QLabel(self)
        self._title.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.sets_combo = QComboBox(self)
        self.sets_combo.currentIndexChanged.connect(self._set_chosen)
        self.chart = ChartWidget(self)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.backRequested)
        top = QHBoxLayout()
        top.addWidget(self._title)
        top.addWidget(self.sets_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._retranslate()

    def show_set(self, set_key: str = "") -> None:
        """List the sets that have attempts and show `set_key`'s ("" or unknown: the latest taken)."""
        sets = self.library.sets_with_attempts()
        self.sets_combo.blockSignals(True)
        self.sets_combo.clear()
        for s in sets:
            label = fill_in(translate("Quiz", "%1 (%2 attempts)"), s.title, s.attempts)
            self.sets_combo.addItem(label, s.set_key)
        self.sets_combo.blockSignals(False)
        keys = [s.set_key for s in sets]
        index = keys.index(set_key) if set_key in keys else 0
        if sets:
            self.sets_combo.setCurrentIndex(index)
            self._fill(keys[index])
        else:
            self._fill("")

    def _set_chosen(self, index: int) -> None:
        key = self.sets_combo.itemData(index)
        self._fill(str(key) if key else "")

    def _fill(self, key: str) -> None:
        self.set_key = key
        attempts = self.library.attempts_of(key) if key else []
        # A retry asks only the questions missed before: its score is not comparable, so not charted.
        full = [a for a in attempts if not a.retry]
        pass_mark = attempts[-1].pass_mark if attempts else 60.0
        self.chart.set_data(
            translate("Quiz", "Scores of whole attempts over time"),
            [ChartPoint(_when(a.finished, "%m-%d %H:%M"), a.percent) for a in full],
            kind="line",
            maximum=100,
            guide=pass_mark,
            guide_label=fill_in(translate("Quiz", "pass mark %1%"), format_points(pass_mark)),
            unit="%",
            empty=translate("Quiz", "No attempts yet: take a quiz and its score appears here."),
        )
        headers = [
            translate("Quiz", "Finished"),
            translate("Quiz", "Learner"),
            translate("Quiz", "Score"),
            translate("Quiz", "Percent"),
            translate("Quiz", "Result"),
            translate("Quiz", "Time"),
            translate("Quiz", "Kind"),
        ]
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(attempts))
        for row, a in enumerate(reversed(attempts)):
            cells = [
                _when(a.finished),
                a.who or "—",
                f"{format_points(a.score)} / {format_points(a.total)}",
                f"{format_points(a.percent)}%",
                translate("Quiz", "passed") if a.passed else translate("Quiz", "not passed"),
                format_duration(a.seconds) + (translate("Quiz", " (time up)") if a.timed_out else ""),
                translate("Quiz", "retry of wrong ones") if a.retry else translate("Quiz", "whole set"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, col, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.export_button.setEnabled(bool(attempts))

    def export_csv(self, path: str | None = None) -> bool:
        """Write every attempt of the set shown as CSV for the teacher (asks where unless `path`);
        written atomically, UTF-8 with a BOM so spreadsheets read the Chinese."""
        attempts = self.library.attempts_of(self.set_key) if self.set_key else []
        if not attempts:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Quiz", "Export attempts as CSV"),
                f"{_safe_name(attempts[-1].title)}-results.csv",
                translate("Quiz", "CSV files (*.csv)"),
            )
            if not path:
                return False
            if not Path(path).suffix:
                path += ".csv"  # as the set editor's exports do
        try:
            write_results_csv([_result_of(a) for a in attempts], path, self.question_order(self.set_key))
        except DushuError as exc:
            self.problem.emit(one_line(exc))
            return False
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(translate("Quiz", "Results:"))
        self.export_button.setText(translate("Quiz", "Export attempts as CSV…"))
        self.back_button.setText(translate("Quiz", "Back to the sets"))


def _safe_name(title: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in title).strip()
    return kept[:60] or "quiz"


def _result_of(a: QuizAttempt) -> QuizResult:
    """A stored attempt as the engine's results record (for the CSV); a retry says so in its title."""
    title = a.title + (translate("Quiz", " (retry of wrong ones)") if a.retry else "")
    return QuizResult(
        quiz_title=title,
        who=a.who,
        started=_parse(a.started),
        finished=_parse(a.finished),
        answers=answers_from_json(list(a.answers)),
        score=a.score,
        max_score=a.total,
        pass_mark=a.pass_mark,
        quiz_source=a.source_path,
    )


def _parse(iso: str) -> datetime:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return datetime.fromtimestamp(0).astimezone()
