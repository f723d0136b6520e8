"""The reader: the text painted page by page with a reading above every word, tone colours and hit-testing."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dushu.core.models import Token
from dushu.core.readings import has_syllable
from dushu.gui.document import ReadingDocument
from dushu.gui.line_layout import Item, Layout, LayoutMetrics, ReadingStyle, Run, lay_out, split_tone

__all__ = ["ReaderCanvas", "ReaderOptions", "ReaderView", "ReadingStyle", "tone_colour"]

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """How the reader shows the text (all of it comes from Settings)."""

    style: ReadingStyle = ReadingStyle.PINYIN
    tone_colours: bool = True
    sandhi: bool = False
    font_family: str = ""
    font_size: int = 22  # pixels for the characters; readings are drawn at about half that


# Tone colours after the common convention of learner dictionaries (1 red, 2 orange, 3 green,
# 4 blue, neutral grey), darkened on light backgrounds and lightened on dark ones for contrast.
_TONES_LIGHT = {1: "#c92a2a", 2: "#d9480f", 3: "#2b8a3e", 4: "#1c5fc7", 5: "#6c6f73"}
_TONES_DARK = {1: "#ff6b6b", 2: "#ffa94d", 3: "#69db7c", 4: "#74b0ff", 5: "#adb5bd"}


def tone_colour(tone: int, dark: bool = False) -> QColor:
    """The colour of a tone (1-5) on a light or dark background."""
    return QColor((_TONES_DARK if dark else _TONES_LIGHT).get(tone, _TONES_LIGHT[5]))


class ReaderCanvas(QAbstractScrollArea):
    """Paints one page of a ReadingDocument; a click or the arrow keys select a word."""

    wordSelected = Signal(int)  # token index
    wordContextMenu = Signal(int, QPoint)  # token index, global position
    pageChanged = Signal(int)
    scrolled = Signal()
    wordKey = Signal(str)  # "d" (deck) or "k" (known) pressed with a word selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self._doc: ReadingDocument | None = None
        self._page = 0
        self._options = ReaderOptions()
        self._layout = Layout()
        self._layout_width = -1.0
        self._readings: dict[int, tuple[str, ...]] = {}
        self._hover: int | None = None
        self._selected: int | None = None
        self._placeholder = ""
        self._tooltips: dict[int, str] = {}
        self._deck: frozenset[str] = frozenset()
        self._setup_fonts()

    # -- public API --------------------------------------------------------------------------------

    def set_document(self, doc: ReadingDocument | None, page: int = 0) -> None:
        """Show a document (None shows the placeholder text)."""
        self._doc = doc
        self._selected = None
        self._hover = None
        self._page = -1
        if doc is None:
            self._layout = Layout()
            self._readings = {}
            self._update_scrollbar()
            self.viewport().update()
            return
        self.set_page(page)

    def document(self) -> ReadingDocument | None:
        """The document shown."""
        return self._doc

    def set_deck_words(self, words: frozenset[str] | set[str]) -> None:
        """The words in the learner's deck (Simplified): they are underlined, to be noticed again."""
        deck = frozenset(words)
        if deck != self._deck:
            self._deck = deck
            self.viewport().update()

    def in_deck(self, index: int) -> bool:
        """True when the word at token `index` is in the learner's deck (shown underlined)."""
        if self._doc is None:
            return False
        item = self._doc.vocab_for(index)
        return item is not None and item.simplified in self._deck

    def set_placeholder(self, text: str) -> None:
        """The message shown when no document is open (loading, errors)."""
        if text == self._placeholder:
            return
        self._placeholder = text
        if self._doc is None:  # only visible when no document is shown
            self.viewport().update()

    def options(self) -> ReaderOptions:
        """The display options in use."""
        return self._options

    def set_options(self, options: ReaderOptions) -> None:
        """Change reading style, colours, font; the page is laid out again, the position kept."""
        if options == self._options:
            return
        anchor = self.first_visible_token()
        self._options = options
        self._setup_fonts()
        if self._doc is not None:
            self._compute_readings()
            self._relayout()
            if anchor is not None:
                self.scroll_to_token(anchor, top=True)
        self.viewport().update()

    def page(self) -> int:
        """The page shown (0-based)."""
        return self._page

    def page_count(self) -> int:
        """How many pages the document has."""
        return len(self._doc.pages) if self._doc else 0

    def set_page(self, page: int) -> None:
        """Show another page, scrolled to its top."""
        if self._doc is None:
            return
        page = max(0, min(page, len(self._doc.pages) - 1))
        if page == self._page:
            return
        self._page = page
        self._hover = None
        self._compute_readings()
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        self.pageChanged.emit(page)

    def selected_token(self) -> int | None:
        """The selected word's token index."""
        return self._selected

    def select_token(self, index: int | None, *, emit: bool = True, ensure_visible: bool = True) -> None:
        """Select a word (turning the page if needed) and scroll it into view."""
        if self._doc is None or index is None or not 0 <= index < len(self._doc.tokens):
            self._selected = None
            self.viewport().update()
            return
        if not self._doc.is_word(index):
            # Punctuation, spaces and Latin text cannot be looked up: take the next word instead.
            following = self._doc.next_word(index, 1)
            index = following if following is not None else self._doc.next_word(index, -1)
            if index is None:
                return
        self.set_page(self._doc.page_of(index))
        self._selected = index
        if ensure_visible:
            self.scroll_to_token(index)
        self.viewport().update()
        if emit:
            self.wordSelected.emit(index)

    def scroll_to_token(self, index: int, *, top: bool = False) -> None:
        """Scroll so that a token is visible (at the top when `top`, else only if it is not)."""
        if self._doc is None:
            return
        self.set_page(self._doc.page_of(index))
        item_index = self._layout.by_token.get(index)
        if item_index is None:
            return
        line = self._layout.lines[self._layout.items[item_index].line]
        bar = self.verticalScrollBar()
        y = int(line.top)
        bottom = int(line.top + self._line_height)
        view_h = self.viewport().height()
        if top:
            bar.setValue(max(0, y - int(self._metrics.margin_top)))
        elif y < bar.value() or bottom > bar.value() + view_h:
            bar.setValue(max(0, y - view_h // 3))

    def first_visible_token(self) -> int | None:
        """The first token on the top visible line (the reading position)."""
        if self._doc is None or not self._layout.lines:
            return None
        y = float(self.verticalScrollBar().value())
        li = max(0, bisect.bisect_right(self._layout.line_tops, y + 1) - 1)
        # A line scrolled half out of view does not count: take the next one.
        if self._layout.line_tops[li] < y and li + 1 < len(self._layout.lines):
            li += 1
        items = self._layout.lines[li].items
        return self._layout.items[items[0]].token if items else None

    def token_rect(self, index: int) -> QRectF | None:
        """Where a token is drawn in viewport coordinates (None when not on this page)."""
        item_index = self._layout.by_token.get(index)
        if item_index is None:
            return None
        item = self._layout.items[item_index]
        top = self._layout.lines[item.line].top - self.verticalScrollBar().value()
        return QRectF(item.x, top, item.width, self._line_height)

    def token_at(self, pos: QPoint | QPointF) -> int | None:
        """The word token under a viewport position."""
        item = self._item_at(QPointF(pos))
        return item.token if item is not None and item.is_word else None

    def layout_height(self) -> float:
        """Height of the laid-out page in pixels."""
        return self._layout.height

    # -- fonts and readings ------------------------------------------------------------------------

    def _setup_fonts(self) -> None:
        opts = self._options
        self._font = QFont(opts.font_family) if opts.font_family else QFont(self.font())
        self._font.setPixelSize(max(8, opts.font_size))
        self._reading_font = QFont(self._font)
        beside = opts.style is ReadingStyle.ZHUYIN
        # Zhuyin goes in a column beside each character, where it has room to be a readable size.
        self._reading_font.setPixelSize(max(7, round(opts.font_size * (0.64 if beside else 0.55))))
        self._tone_font = QFont(self._reading_font)
        self._tone_font.setPixelSize(max(6, round(self._reading_font.pixelSize() * 0.85)))
        self._fm = QFontMetricsF(self._font)
        self._rfm = QFontMetricsF(self._reading_font)
        self._char_widths: dict[str, float] = {}
        self._reading_widths: dict[str, float] = {}
        self._char_h = self._fm.height()
        # One zhuyin symbol's place in the column: the glyphs fill most of their em, so a step a
        # little under one em keeps them apart (a column of three is a little taller than a character).
        self._symbol_step = self._reading_font.pixelSize() * 0.86
        self._symbol_w = self._rfm.horizontalAdvance("ㄓ")
        self._tone_w = self._reading_font.pixelSize() * 0.45
        if beside:
            self._reading_h = 0.0
            box = max(self._char_h, 3 * self._symbol_step + 2)
        else:
            self._reading_h = 0.0 if opts.style is ReadingStyle.NONE else self._rfm.height() + 1
            box = self._char_h
        self._chars_top = (box - self._char_h) / 2  # the characters sit in the middle of their box
        self._line_height = self._reading_h + box
        self._line_gap = round(self._char_h * 0.45)
        shows_readings = opts.style is not ReadingStyle.NONE
        self._metrics = LayoutMetrics(
            char_height=box,
            reading_height=self._reading_h,
            line_gap=self._line_gap,
            paragraph_gap=round(self._char_h * 0.3),
            word_gap=max(2.0, self._char_h * 0.18) if shows_readings else 0.0,
            reading_gap=max(2.0, self._reading_font.pixelSize() * 0.5),
            beside_width=self._symbol_w + self._tone_w + 1 if beside else 0.0,
        )
        self._measure = _FontMeasure(self._char_width, self._reading_width)

    def _char_width(self, ch: str) -> float:
        w = self._char_widths.get(ch)
        if w is None:
            w = self._char_widths[ch] = self._fm.horizontalAdvance(ch)
        return w

    def _reading_width(self, text: str) -> float:
        w = self._reading_widths.get(text)
        if w is None:
            w = self._reading_widths[text] = self._rfm.horizontalAdvance(text)
        return w

    def _compute_readings(self) -> None:
        """Readings to draw for the tokens of the page (sandhi and style applied)."""
        self._readings = {}
        self._tooltips = {}
        if self._doc is None or (self._options.style is ReadingStyle.NONE and not self._options.tone_colours):
            return
        start, end = self._doc.pages[self._page]
        tokens = self._doc.tokens
        if self._options.sandhi:
            from dushu.core.sandhi import apply_sandhi

            # Sandhi works per sentence; a page always starts at a sentence start.
            i = start
            while i < end:
                j = i
                sentence = tokens[i].sentence
                while j < end and tokens[j].sentence == sentence:
                    j += 1
                spoken = apply_sandhi([(_han(t), t.pinyin) for t in tokens[i:j]])
                for k, syllables in enumerate(spoken):
                    if syllables:
                        self._readings[i + k] = syllables
                i = j
        else:
            for i in range(start, end):
                if tokens[i].pinyin:
                    self._readings[i] = tokens[i].pinyin

    def _display(self, syllable: str) -> str:
        style = self._options.style
        if style is ReadingStyle.PINYIN:
            return syllable
        if style is ReadingStyle.NONE:
            return ""
        from dushu.core.readings import to_numbers, to_zhuyin

        cache = _STYLE_CACHE.setdefault(style, {})
        shown = cache.get(syllable)
        if shown is None:
            convert = to_zhuyin if style is ReadingStyle.ZHUYIN else to_numbers
            shown = cache[syllable] = convert(syllable)
        return shown

    # -- layout ------------------------------------------------------------------------------------

    def _relayout(self) -> None:
        width = float(self.viewport().width())
        self._layout_width = width
        if self._doc is None:
            self._layout = Layout()
        else:
            start, end = self._doc.pages[self._page]
            self._layout = lay_out(
                self._doc.tokens, start, end, self._readings, self._options.style, width, self._metrics,
                self._measure, self._display,
            )  # fmt: skip
        self._update_scrollbar()

    def _update_scrollbar(self) -> None:
        bar = self.verticalScrollBar()
        view_h = self.viewport().height()
        bar.setRange(0, max(0, int(self._layout.height - view_h)))
        bar.setPageStep(max(1, view_h - int(self._line_height)))
        bar.setSingleStep(max(1, int(self._line_height + self._line_gap)))

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        if self._doc is None or not self._layout.items:
            self._paint_placeholder(painter)
            return
        offset = self.verticalScrollBar().value()
        top = event.rect().top() + offset
        bottom = event.rect().bottom() + offset
        layout = self._layout
        first = max(0, bisect.bisect_right(layout.line_tops, top - self._line_height - self._line_gap) - 1)
        dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
        text_colour = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        selected_text = self._doc.tokens[self._selected].text if self._selected is not None else None
        painter.translate(0, -offset)
        for li in range(first, len(layout.lines)):
            line = layout.lines[li]
            if line.top > bottom:
                break
            for ii in line.items:
                item = layout.items[ii]
                self._paint_item(painter, item, line.top, dark, text_colour, highlight, selected_text)
        painter.end()

    def _paint_item(
        self,
        painter: QPainter,
        item: Item,
        top: float,
        dark: bool,
        text_colour: QColor,
        highlight: QColor,
        selected_text: str | None,
    ) -> None:
        rect = QRectF(item.x - 2, top - 1, item.width + 4, self._line_height + 2)
        if item.is_word:
            tok_text = self._doc.tokens[item.token].text if self._doc else ""
            if item.token == self._selected:
                fill = QColor(highlight)
                fill.setAlpha(70)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(rect, 4, 4)
            elif selected_text is not None and tok_text == selected_text:
                fill = QColor(highlight)
                fill.setAlpha(28)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(rect, 4, 4)
            if self._deck and self.in_deck(item.token):
                # A word in the deck: a dotted line under its characters, in the text's colour.
                pen = QPen(_muted(text_colour))
                pen.setWidthF(max(1.0, self._char_h / 24))
                pen.setStyle(Qt.PenStyle.DotLine)
                painter.setPen(pen)
                y = top + self._line_height - 1
                painter.drawLine(QPointF(item.x, y), QPointF(item.x + item.width, y))
            if item.token == self._hover:
                pen = QPen(highlight)
                pen.setWidthF(1.2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect, 4, 4)
        colours = self._options.tone_colours
        baseline_r = top + self._rfm.ascent()
        chars_top = top + self._reading_h + self._chars_top
        baseline_c = chars_top + self._fm.ascent()
        plain = _muted(text_colour)
        for run in item.runs:
            if run.beside:
                self._paint_beside(painter, run, chars_top, baseline_c, dark, text_colour, plain)
                continue
            if run.readings:
                painter.setFont(self._reading_font)
                rx = run.x + run.reading_x
                for shown, tone in run.readings:
                    painter.setPen(tone_colour(tone, dark) if colours and tone else plain)
                    painter.drawText(QPointF(rx, baseline_r), shown)
                    rx += self._reading_width(shown)
            painter.setFont(self._font)
            cx = run.x + run.chars_x
            if not colours or not any(run.tones):
                painter.setPen(text_colour)
                painter.drawText(QPointF(cx, baseline_c), run.chars)
                continue
            for ch, tone in zip(run.chars, run.tones, strict=False):
                painter.setPen(tone_colour(tone, dark) if tone else text_colour)
                painter.drawText(QPointF(cx, baseline_c), ch)
                cx += self._char_width(ch)

    def _paint_beside(
        self,
        painter: QPainter,
        run: Run,
        chars_top: float,
        baseline: float,
        dark: bool,
        text_colour: QColor,
        plain: QColor,
    ) -> None:
        """Characters each with its zhuyin in a column on the right, the tone mark beside the
        column's last symbol and the neutral tone's dot above it, as Taiwan prints it."""
        colours = self._options.tone_colours
        centre = Qt.AlignmentFlag.AlignCenter
        step = self._symbol_step
        middle = chars_top + self._char_h / 2
        cx = run.x
        for k, ch in enumerate(run.chars):
            tone = run.tones[k] if k < len(run.tones) else 0
            painter.setFont(self._font)
            painter.setPen(tone_colour(tone, dark) if colours and tone else text_colour)
            painter.drawText(QPointF(cx, baseline), ch)
            char_w = self._char_width(ch)
            if k < len(run.readings):
                symbols, mark = split_tone(run.readings[k][0])
                painter.setPen(tone_colour(tone, dark) if colours and tone else plain)
                painter.setFont(self._reading_font)
                col_x = cx + char_w + 1
                y = middle - step * len(symbols) / 2
                for n, symbol in enumerate(symbols):
                    painter.drawText(QRectF(col_x, y + n * step, self._symbol_w, step), centre, symbol)
                if mark:
                    painter.setFont(self._tone_font)
                    if mark == "˙":
                        rect = QRectF(col_x, y - step * 0.75, self._symbol_w, step)
                    else:
                        last = y + (len(symbols) - 1) * step
                        rect = QRectF(col_x + self._symbol_w - 1, last - step * 0.3, self._tone_w + 2, step)
                    painter.drawText(rect, centre, mark)
            cx += char_w + self._metrics.beside_width

    def _paint_placeholder(self, painter: QPainter) -> None:
        if not self._placeholder:
            return
        painter.setPen(_muted(self.palette().color(QPalette.ColorRole.Text)))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        painter.setFont(font)
        rect = self.viewport().rect().adjusted(40, 40, -40, -40)
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        painter.drawText(rect, flags, self._placeholder)

    # -- events ------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._doc is not None and abs(self.viewport().width() - self._layout_width) >= 1:
            anchor = self.first_visible_token()
            self._relayout()
            if anchor is not None:
                self.scroll_to_token(anchor, top=True)
        else:
            self._update_scrollbar()

    def _on_scroll(self, _value: int) -> None:
        self.viewport().update()
        self.scrolled.emit()

    def _item_at(self, pos: QPointF) -> Item | None:
        layout = self._layout
        if not layout.lines:
            return None
        y = pos.y() + self.verticalScrollBar().value()
        li = bisect.bisect_right(layout.line_tops, y) - 1
        if li < 0 or y > layout.lines[li].top + self._line_height:
            return None
        for ii in layout.lines[li].items:
            item = layout.items[ii]
            if item.x - 2 <= pos.x() <= item.x + item.width + 2:
                return item
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            token = self.token_at(event.pos())
            text = self._tooltip_for(token) if token is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip_for(self, index: int) -> str:
        """One line for hovering: the word, its reading and its first meaning."""
        if self._doc is None:
            return ""
        cached = self._tooltips.get(index)
        if cached is not None:
            return cached
        tok = self._doc.tokens[index]
        item = self._doc.vocab_for(index)
        shown = self._options.style is not ReadingStyle.NONE
        reading = " ".join(self._display(s) if shown else s for s in tok.pinyin)
        meaning = self._doc.meaning_at(index) if item is not None else ""
        text = "  ".join(x for x in (tok.text, reading, meaning) if x)
        self._tooltips[index] = text
        return text

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        token = self.token_at(event.position())
        if token != self._hover:
            self._hover = token
            self.viewport().setCursor(
                Qt.CursorShape.PointingHandCursor if token is not None else Qt.CursorShape.ArrowCursor
            )
            self.viewport().update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.viewport().update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            token = self.token_at(event.position())
            if token is not None:
                self.select_token(token, ensure_visible=False)
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        token = self.token_at(QPointF(event.pos()))
        if token is not None:
            self.select_token(token, ensure_visible=False)
            self.wordContextMenu.emit(token, event.globalPos())
            event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._doc is None:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            if self._selected is not None:
                target = self._doc.next_word(self._selected, step)
            else:
                target = self._start_of_view()
            if target is not None:
                self.select_token(target)
            event.accept()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._selected is not None:
            target = self._vertical_neighbour(self._selected, -1 if key == Qt.Key.Key_Up else 1)
            if target is not None:
                self.select_token(target)
            event.accept()
        elif key in (Qt.Key.Key_D, Qt.Key.Key_K) and self._selected is not None and not event.modifiers():
            self.wordKey.emit("d" if key == Qt.Key.Key_D else "k")
            event.accept()
        elif key == Qt.Key.Key_PageDown and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_page(self._page + 1)
        elif key == Qt.Key.Key_PageUp and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_page(self._page - 1)
        else:
            super().keyPressEvent(event)

    def _start_of_view(self) -> int | None:
        """Where keyboard navigation starts when nothing is selected: the first visible word."""
        first = self.first_visible_token()
        if first is None or self._doc is None:
            return None
        return first if self._doc.is_word(first) else self._doc.next_word(first, 1)

    def _vertical_neighbour(self, index: int, step: int) -> int | None:
        """The word on the line above or below, nearest in x; across pages at the edges."""
        if self._doc is None:
            return None
        item_index = self._layout.by_token.get(index)
        if item_index is None:
            return None
        item = self._layout.items[item_index]
        target_line = item.line + step
        if not 0 <= target_line < len(self._layout.lines):
            # Off the page: continue on the neighbouring page.
            return self._doc.next_word(index, step)
        centre = item.x + item.width / 2
        best: tuple[float, int] | None = None
        for ii in self._layout.lines[target_line].items:
            other = self._layout.items[ii]
            if other.is_word:
                distance = abs(other.x + other.width / 2 - centre)
                if best is None or distance < best[0]:
                    best = (distance, other.token)
        return best[1] if best else self._doc.next_word(index, step)


_STYLE_CACHE: dict[ReadingStyle, dict[str, str]] = {}


@dataclass(frozen=True, slots=True)
class _FontMeasure:
    """The layout's measures, from the reader's cached font metrics."""

    char_width: Callable[[str], float]
    reading_width: Callable[[str], float]

    def chars(self, text: str) -> float:
        """Width of text in the character font."""
        return sum(self.char_width(c) for c in text)

    def reading(self, text: str) -> float:
        """Width of text in the reading font."""
        return self.reading_width(text)


def _han(tok: Token) -> str:
    return "".join(ch for ch in (tok.simplified or tok.text) if has_syllable(ch))


def _muted(colour: QColor) -> QColor:
    muted = QColor(colour)
    muted.setAlphaF(0.62)
    return muted


class ReaderView(QWidget):
    """The canvas plus a page bar (shown only for documents longer than one page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = ReaderCanvas(self)
        self._prev = QPushButton(self)
        self._next = QPushButton(self)
        self._label = QLabel(self)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self._prev)
        bar.addStretch(1)
        bar.addWidget(self._label)
        bar.addStretch(1)
        bar.addWidget(self._next)
        self._bar = QWidget(self)
        self._bar.setLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self._bar)
        self._prev.clicked.connect(lambda: self.canvas.set_page(self.canvas.page() - 1))
        self._next.clicked.connect(lambda: self.canvas.set_page(self.canvas.page() + 1))
        self.canvas.pageChanged.connect(self._update_bar)
        self._retranslate()
        self._update_bar()

    def set_document(self, doc: ReadingDocument | None, page: int = 0) -> None:
        """Show a document at a page."""
        self.canvas.set_document(doc, page)
        self._update_bar()

    def _update_bar(self, *_: object) -> None:
        count = self.canvas.page_count()
        self._bar.setVisible(count > 1)
        page = self.canvas.page()
        text = translate("Reader", "Page %1 of %2")
        self._label.setText(text.replace("%1", str(page + 1)).replace("%2", str(count)))
        self._prev.setEnabled(page > 0)
        self._next.setEnabled(page + 1 < count)

    def _retranslate(self) -> None:
        self._prev.setText(translate("Reader", "◀ Previous page"))
        self._next.setText(translate("Reader", "Next page ▶"))
        self._prev.setToolTip(translate("Reader", "Ctrl+Page Up"))
        self._next.setToolTip(translate("Reader", "Ctrl+Page Down"))
        self._update_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
