"""Small painted charts (bars and lines) for quiz scores and review progress; Qt Charts is not in
PySide6-Essentials, and these need no more than an axis, a few marks and a guide line."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["ChartPoint", "ChartWidget"]


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One bar or point: its label under the axis, its value, and an optional colour of its own."""

    label: str
    value: float
    colour: str = ""


class ChartWidget(QWidget):
    """A titled bar or line chart of labelled values, with an optional horizontal guide (a pass mark).

    The y axis starts at 0 and ends at `maximum` (or a round number above the largest value); a chart
    of counts (`whole=True`) marks only whole numbers on it. Labels under the axis are thinned so they
    never overlap. Colours follow the palette, so night themes work.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._kind = "bar"
        self._points: tuple[ChartPoint, ...] = ()
        self._maximum: float | None = None
        self._guide: float | None = None
        self._guide_label = ""
        self._unit = ""
        self._empty = ""
        self._whole = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def set_data(
        self,
        title: str,
        points: Sequence[ChartPoint],
        *,
        kind: str = "bar",
        maximum: float | None = None,
        guide: float | None = None,
        guide_label: str = "",
        unit: str = "",
        empty: str = "",
        whole: bool = False,
    ) -> None:
        """Show `points` as bars (`kind="bar"`) or a line with dots (`kind="line"`).

        `guide` draws a dashed line at that value labelled `guide_label`; `unit` follows values on the
        axis ("%"); `empty` is the sentence shown when there are no points; `whole` says the values
        are counts, so the axis shows 0, 1, 2 … or 0, 5, 10 …, never 2.5 reviews.
        """
        if kind not in ("bar", "line"):
            raise ValueError(f"unknown chart kind {kind!r}")
        self._title = title
        self._kind = kind
        self._points = tuple(points)
        self._maximum = maximum
        self._guide = guide
        self._guide_label = guide_label
        self._unit = unit
        self._empty = empty
        self._whole = whole
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            ", ".join(f"{p.label}: {_number(p.value)}{unit}" for p in self._points) or empty
        )
        self.update()

    def points(self) -> tuple[ChartPoint, ...]:
        """What the chart shows (tests and screen readers read this)."""
        return self._points

    def title(self) -> str:
        """The chart's title."""
        return self._title

    def ticks(self) -> list[float]:
        """The values marked on the y axis, from 0 to its top."""
        highest = max((p.value for p in self._points), default=0.0)
        if self._guide is not None:
            highest = max(highest, self._guide)
        if self._whole:
            return _whole_ticks(max(highest, self._maximum or 0.0))
        top = max(self._maximum, highest) if self._maximum is not None else _round_up(highest)
        return _ticks(top or 1.0)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlphaF(0.25)
        accent = palette.color(QPalette.ColorRole.Highlight)
        metrics = QFontMetrics(self.font())
        line = metrics.height()

        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignLeft, self._title)
        painter.setFont(self.font())

        if not self._points:
            painter.setPen(text)
            painter.drawText(
                QRectF(0, line + 4, self.width(), self.height() - line - 4),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._empty,
            )
            return

        ticks = self.ticks()
        top = ticks[-1]
        axis_width = max(metrics.horizontalAdvance(f"{_number(t)}{self._unit}") for t in ticks) + 8
        plot = QRectF(axis_width, line * 2, self.width() - axis_width - 8, self.height() - line * 4)
        if plot.width() < 20 or plot.height() < 20:
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(max(value, 0.0), top) / top

        for tick in ticks:
            y = y_of(tick)
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, axis_width - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{_number(tick)}{self._unit}",
            )

        n = len(self._points)
        slot = plot.width() / n
        centres = [plot.left() + slot * (i + 0.5) for i in range(n)]
        if self._kind == "bar":
            bar = max(2.0, min(slot * 0.7, 48.0))
            for centre, point in zip(centres, self._points, strict=True):
                colour = QColor(point.colour) if point.colour else accent
                y = y_of(point.value)
                painter.fillRect(QRectF(centre - bar / 2, y, bar, plot.bottom() - y), colour)
        else:
            path = QPainterPath()
            for i, (centre, point) in enumerate(zip(centres, self._points, strict=True)):
                spot = QPointF(centre, y_of(point.value))
                if i == 0:
                    path.moveTo(spot)
                else:
                    path.lineTo(spot)
            painter.setPen(QPen(accent, 2))
            painter.drawPath(path)
            painter.setBrush(accent)
            for centre, point in zip(centres, self._points, strict=True):
                painter.drawEllipse(QPointF(centre, y_of(point.value)), 3.5, 3.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)

        if self._guide is not None:
            y = y_of(self._guide)
            pen = QPen(text, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if self._guide_label:
                painter.drawText(
                    QRectF(plot.left() + 4, y - line - 2, plot.width() - 8, line),
                    Qt.AlignmentFlag.AlignRight,
                    self._guide_label,
                )

        # Labels under the axis: every k-th one, so that none overlaps its neighbour.
        painter.setPen(text)
        widest = max(metrics.horizontalAdvance(p.label) for p in self._points) + 8
        step = max(1, math.ceil(widest / slot))
        for i in range(0, n, step):
            painter.drawText(
                QRectF(centres[i] - slot * step / 2, plot.bottom() + 4, slot * step, line),
                Qt.AlignmentFlag.AlignHCenter,
                self._points[i].label,
            )
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())


def _round_up(value: float) -> float:
    """A round axis end at or above `value`: 1, 2, 5 or 10 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 5, 10):
        if value <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _ticks(top: float) -> list[float]:
    """Five evenly spaced axis values from 0 to `top`."""
    return [top * i / 4 for i in range(5)]


def _whole_ticks(highest: float) -> list[float]:
    """Axis values for counts: 0 up to a whole number at or above `highest` in at most five equal
    whole steps of 1, 2, 2.5 or 5 times a power of ten (2.5 from 25 up): 0 1 2 3, 0 2 4 6 8,
    0 25 50 75. The lowest such top wins; between equal tops, the one nearest four steps."""
    top = max(1, math.ceil(highest - 1e-9))
    steps = [1, 2, 5]
    power = 10
    while power <= top:
        steps += [power, 2 * power, power * 5 // 2, 5 * power]
        power *= 10
    best = min(
        (step * math.ceil(top / step), abs(math.ceil(top / step) - 4), step)
        for step in steps
        if math.ceil(top / step) <= 5
    )
    end, _, step = best
    return [float(v) for v in range(0, end + 1, step)]


def _number(value: float) -> str:
    """A value as people write it: 3, 2.5, 67."""
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 or abs(value) >= 10 else f"{value:.1f}"
