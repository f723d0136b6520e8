"""Where every word of a reader page goes: lines, positions and readings, without Qt.

The reader measures text with its fonts and passes the measures in (`Measure`); this module decides
the rest, so it is tested headless. Rules, as in print:

- closing punctuation (，。」) stays with the word before it: it sits right after that word's
  characters, even where the word's reading is wider than them, and never starts a line;
- opening punctuation (「《) stays with the word after it and never ends a line;
- readings of neighbouring words never touch, but a reading only pushes words apart as far as it must;
- zhuyin is written beside each character, in a column on its right (the way Taiwan prints it), so
  it is big enough to read without spreading the words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from dushu.core.readings import has_syllable
from dushu.core.sandhi import tone_of

__all__ = [
    "NO_LINE_END",
    "NO_LINE_START",
    "Item",
    "Layout",
    "LayoutMetrics",
    "Line",
    "Measure",
    "ReadingStyle",
    "Run",
    "TokenLike",
    "han_runs",
    "lay_out",
    "split_tone",
]


class ReadingStyle(StrEnum):
    """What is written with each character."""

    PINYIN = "pinyin"
    NUMBERS = "numbers"
    ZHUYIN = "zhuyin"
    NONE = "none"


# Closing punctuation never starts a line (it overhangs the line instead).
NO_LINE_START = frozenset("，。、；：？！」』）》〉】〕”’,.;:?!)]…—％%")
# Opening punctuation never ends a line (it moves to the next line with what follows it).
NO_LINE_END = frozenset("「『（《〈【〔“‘([")
# Zhuyin tone marks (first tone has none); the neutral tone's dot is written above the column.
_TONE_MARKS = "ˊˇˋ˙"
_APOSTROPHE_BEFORE = frozenset("aāáǎàeēéěèoōóǒò")


class TokenLike(Protocol):
    """What the layout reads of a token (dushu.core.models.Token has it)."""

    @property
    def text(self) -> str: ...

    @property
    def pos(self) -> str: ...

    @property
    def is_chinese(self) -> bool: ...


class Measure(Protocol):
    """Widths of text in the reader's fonts."""

    def chars(self, text: str) -> float:
        """Width of text in the character font."""
        ...

    def reading(self, text: str) -> float:
        """Width of text in the reading font."""
        ...


@dataclass(frozen=True, slots=True)
class LayoutMetrics:
    """Sizes the layout needs, from the reader's fonts (pixels)."""

    char_height: float  # the characters' line box (with zhuyin beside: tall enough for its column)
    reading_height: float  # the row of readings above the characters (0: none, or zhuyin beside)
    line_gap: float
    paragraph_gap: float
    word_gap: float  # between the characters of two neighbouring words
    reading_gap: float  # the least space between two readings
    beside_width: float = 0.0  # the zhuyin column right of each character (0: readings above)
    margin_x: float = 28.0
    margin_top: float = 18.0

    @property
    def line_height(self) -> float:
        """Height of one line: readings and characters."""
        return self.reading_height + self.char_height


@dataclass(slots=True)
class Run:
    """Characters drawn together: a run of Han characters with its readings, or other text."""

    chars: str
    tones: list[int]  # per character, 0 when it has no reading
    readings: list[tuple[str, int]]  # (shown text, tone): pieces above, left to right; beside: per character
    x: float  # left edge, relative to the item until laid out, then absolute
    width: float
    chars_x: float  # where the characters start inside the run
    reading_x: float  # where the reading starts inside the run
    beside: bool = False  # zhuyin in a column right of each character (`readings` one per character)


@dataclass(slots=True)
class Item:
    """One token on the page."""

    token: int  # index into the analysis' tokens
    line: int
    x: float
    width: float
    runs: list[Run] = field(default_factory=list)
    is_word: bool = False
    # Where its characters and its readings above start and end, relative to x (set when measured).
    chars_left: float = 0.0
    chars_right: float = 0.0
    reading_left: float | None = None  # None: nothing written above
    reading_right: float = 0.0

    def chars_span(self) -> tuple[float, float]:
        """Left and right edge of the characters (and zhuyin columns), relative to x."""
        return self.chars_left, self.chars_right

    def reading_span(self) -> tuple[float, float] | None:
        """Left and right edge of the readings above, relative to x (None: no readings)."""
        return None if self.reading_left is None else (self.reading_left, self.reading_right)


@dataclass(slots=True)
class Line:
    """A line of items, top edge in page coordinates."""

    top: float
    items: list[int] = field(default_factory=list)  # indexes into Layout.items


@dataclass(slots=True)
class Layout:
    """A laid-out page."""

    items: list[Item] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    line_tops: list[float] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)  # token index -> item index
    height: float = 0.0


def han_runs(text: str) -> list[tuple[str, bool]]:
    """Split text into runs of Han and of other characters: "2025年" -> [("2025", False), ("年", True)]."""
    runs: list[tuple[str, bool]] = []
    for ch in text:
        han = has_syllable(ch)  # the ○ of 二○一九年 has its syllable (líng) too
        if runs and runs[-1][1] == han:
            runs[-1] = (runs[-1][0] + ch, han)
        else:
            runs.append((ch, han))
    return runs


def split_tone(zhuyin: str) -> tuple[str, str]:
    """A zhuyin syllable's symbols and its tone mark: "ㄍㄨㄛˊ" -> ("ㄍㄨㄛ", "ˊ")."""
    if zhuyin and zhuyin[-1] in _TONE_MARKS:
        return zhuyin[:-1], zhuyin[-1]
    return zhuyin, ""


class _Placer:
    """Places items along lines, keeping track of where the characters and the readings end."""

    def __init__(self, width: float, metrics: LayoutMetrics, layout: Layout) -> None:
        self.m = metrics
        self.layout = layout
        self.width = width
        self.right = max(width - metrics.margin_x, metrics.margin_x + metrics.char_height * 2)
        self.lines = [Line(metrics.margin_top)]
        self.y = metrics.margin_top
        self._reset()

    def _reset(self) -> None:
        self.chars_end = self.m.margin_x  # where the characters on this line end
        self.reading_end = -1e9  # where the readings on this line end
        self.previous_was_word = False

    def new_line(self, extra: float = 0.0) -> None:
        self.y += self.m.line_height + self.m.line_gap + extra
        self.lines.append(Line(self.y))
        self._reset()

    def advance(self, w: float) -> None:
        """Blank space between two items (a space character)."""
        self.chars_end += w
        self.previous_was_word = False

    def x_for(self, item: Item) -> float:
        left, _ = item.chars_span()
        gap = self.m.word_gap if item.is_word and self.previous_was_word else 0.0
        x = self.chars_end + gap - left
        reading = item.reading_span()
        if reading is not None:
            x = max(x, self.reading_end + self.m.reading_gap - reading[0])
        return max(x, self.m.margin_x) if not self.lines[-1].items else x

    def put(self, item: Item, x: float) -> None:
        shift = x - item.x
        item.x = x
        for run in item.runs:
            run.x += shift
        item.line = len(self.lines) - 1
        self.lines[-1].items.append(self.layout.by_token[item.token])
        _, chars_right = item.chars_span()
        self.chars_end = x + chars_right
        reading = item.reading_span()
        if reading is not None:
            self.reading_end = max(self.reading_end, x + reading[1])
        self.previous_was_word = item.is_word


def lay_out(
    tokens: Sequence[TokenLike],
    start: int,
    end: int,
    readings: Mapping[int, tuple[str, ...]],
    style: ReadingStyle,
    width: float,
    metrics: LayoutMetrics,
    measure: Measure,
    display: Callable[[str], str],
) -> Layout:
    """Lay out tokens[start:end] in lines of `width` pixels; `readings` holds each token's syllables
    (as spoken), `display` writes a syllable in the style shown."""
    layout = Layout()
    placer = _Placer(width, metrics, layout)
    for ti in range(start, end):
        tok = tokens[ti]
        if tok.pos == "ws" or tok.text.isspace():
            breaks = tok.text.count("\n")
            if breaks:
                placer.new_line(metrics.paragraph_gap * (1.0 if breaks == 1 else 1.6))
                tail = tok.text.rsplit("\n", 1)[1]
                placer.chars_end += measure.chars(tail) if tail else 0.0  # keeps a paragraph's indent
                placer.previous_was_word = False
            elif placer.lines[-1].items:
                placer.advance(measure.chars(tok.text))
            continue
        item = _token_item(ti, tok, readings.get(ti, ()), style, metrics, measure, display)
        layout.by_token[ti] = len(layout.items)
        layout.items.append(item)
        x = placer.x_for(item)
        first = tok.text[0]
        closing = first in NO_LINE_START
        line = placer.lines[-1]
        if x + item.width > placer.right and line.items and not (closing and x + item.width <= width):
            # Closing punctuation never starts a line: the word before it comes down too. An
            # opening bracket never ends one: it moves down with the word it opens.
            carried: list[Item] = []
            if closing:
                while len(line.items) > 1:
                    moved = layout.items[line.items.pop()]
                    carried.insert(0, moved)
                    if moved.runs[0].chars[:1] not in NO_LINE_START:
                        break
            while len(line.items) > 1 and layout.items[line.items[-1]].runs[0].chars[:1] in NO_LINE_END:
                carried.insert(0, layout.items[line.items.pop()])
            placer.new_line()
            for moved in carried:
                placer.put(moved, placer.x_for(moved))
            x = placer.x_for(item)
        placer.put(item, x)
    layout.lines = [ln for ln in placer.lines if ln.items] or [placer.lines[0]]
    for li, ln in enumerate(layout.lines):
        for ii in ln.items:
            layout.items[ii].line = li
    layout.line_tops = [ln.top for ln in layout.lines]
    layout.height = layout.lines[-1].top + metrics.line_height + metrics.margin_top * 2
    return layout


def _token_item(
    ti: int,
    tok: TokenLike,
    syllables_of_token: tuple[str, ...],
    style: ReadingStyle,
    metrics: LayoutMetrics,
    measure: Measure,
    display: Callable[[str], str],
) -> Item:
    """Measure a token: Han runs carry their reading (joined per word), other text is plain."""
    item = Item(ti, 0, 0.0, 0.0, is_word=tok.is_chinese)
    show = style is not ReadingStyle.NONE
    beside = style is ReadingStyle.ZHUYIN and metrics.beside_width > 0
    k = 0
    x = 0.0
    plain_before = 0.0  # width of the digits or letters just before a Han run (2025 of 2025年)
    spans: list[tuple[float, float]] = []  # where each run's characters are
    for chunk, han in han_runs(tok.text):
        chars_w = measure.chars(chunk)
        if not han:
            item.runs.append(Run(chunk, [0] * len(chunk), [], x, chars_w, 0.0, 0.0))
            spans.append((x, x + chars_w))
            x += chars_w
            plain_before = chars_w
            continue
        syllables = syllables_of_token[k : k + len(chunk)]
        k += len(chunk)
        tones = [tone_of(syl) for syl in syllables] + [0] * (len(chunk) - len(syllables))
        if beside:
            # Each character gets its column; a character without a reading keeps the space, so
            # that a word's characters stay evenly spaced.
            shown = [(display(s), t) for s, t in zip(syllables, tones, strict=False)]
            width = chars_w + metrics.beside_width * len(chunk)
            item.runs.append(Run(chunk, tones, shown, x, width, 0.0, 0.0, beside=True))
            spans.append((x, x + width))
            x += width
            plain_before = 0.0
            continue
        segments = _segments(syllables, tones, style, display) if show else []
        reading_w = sum(measure.reading(t) for t, _ in segments)
        extra = max(0.0, reading_w - chars_w) if segments else 0.0
        width = chars_w + extra
        # The characters sit in the middle of the run; but a reading wider than them may reach
        # over the digits before them (which have none), so that 2025年 stays together.
        chars_x = min(extra / 2, plain_before) if plain_before else extra / 2
        start = x - chars_x if plain_before else x
        reading_x = (width - reading_w) / 2
        item.runs.append(Run(chunk, tones, segments, start, width, chars_x, reading_x))
        spans.append((start + chars_x, start + chars_x + chars_w))
        if segments:
            left, right = start + reading_x, start + reading_x + reading_w
            item.reading_left = left if item.reading_left is None else min(item.reading_left, left)
            item.reading_right = max(item.reading_right, right)
        x = start + width
        plain_before = 0.0
    item.width = x
    item.chars_left = spans[0][0] if spans else 0.0
    item.chars_right = spans[-1][1] if spans else x
    return item


def _segments(
    syllables: tuple[str, ...], tones: list[int], style: ReadingStyle, display: Callable[[str], str]
) -> list[tuple[str, int]]:
    """The reading of a word as coloured pieces: pinyin joined (with ' before a, o, e), zhuyin spaced."""
    out: list[tuple[str, int]] = []
    for n, (syllable, tone) in enumerate(zip(syllables, tones, strict=False)):
        shown = display(syllable)
        if n and style is ReadingStyle.ZHUYIN:
            shown = "\u2009" + shown
        elif n and style is not ReadingStyle.ZHUYIN and shown[:1].lower() in _APOSTROPHE_BEFORE:
            shown = "'" + shown
        out.append((shown, tone))
    return out
