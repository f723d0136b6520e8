"""The reader's line layout, without Qt: punctuation stays with its word, readings do not spread the
text, zhuyin sits beside each character, and lines break where print breaks them."""

from __future__ import annotations

import subprocess
import sys

from dushu.core.models import Token
from dushu.gui.line_layout import Layout, LayoutMetrics, ReadingStyle, lay_out

CHAR = 20.0  # every character is 20 px wide
READING = 8.0  # every reading letter is 8 px wide

METRICS = LayoutMetrics(
    char_height=28.0, reading_height=14.0, line_gap=12.0, paragraph_gap=8.0, word_gap=4.0, reading_gap=5.0
)
BESIDE = LayoutMetrics(
    char_height=36.0, reading_height=0.0, line_gap=12.0, paragraph_gap=8.0, word_gap=4.0, reading_gap=5.0,
    beside_width=14.0,
)  # fmt: skip


class _Measure:
    def chars(self, text: str) -> float:
        return CHAR * len(text)

    def reading(self, text: str) -> float:
        return READING * len(text)


def _tokens(*parts: tuple[str, tuple[str, ...]]) -> list[Token]:
    """Tokens from (text, syllables); punctuation has no syllables, "\\n" is a paragraph break."""
    out: list[Token] = []
    at = 0
    for text, syllables in parts:
        pos = "ws" if text.isspace() else ("w" if not syllables else "n")
        out.append(Token(text, at, at + len(text), 0, pos, syllables, text))
        at += len(text)
    return out


def _layout(tokens: list[Token], width: float = 2000.0, style: ReadingStyle = ReadingStyle.PINYIN) -> Layout:
    readings = {i: t.pinyin for i, t in enumerate(tokens) if t.pinyin}
    metrics = BESIDE if style is ReadingStyle.ZHUYIN else METRICS
    return lay_out(tokens, 0, len(tokens), readings, style, width, metrics, _Measure(), lambda s: s)


def _chars_left(layout: Layout, token: int) -> float:
    item = layout.items[layout.by_token[token]]
    return item.x + item.chars_left


def _chars_right(layout: Layout, token: int) -> float:
    item = layout.items[layout.by_token[token]]
    return item.x + item.chars_right


def test_the_module_needs_no_qt() -> None:
    code = "import sys, dushu.gui.line_layout; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_comma_stays_with_the_word_before_it() -> None:
    # 市場 reads wider than it is written; the comma still follows its characters, not its reading.
    layout = _layout(_tokens(("市場", ("shì", "chǎng")), ("，", ()), ("這", ("zhè",))))
    comma_left = _chars_left(layout, 1)
    assert comma_left == _chars_right(layout, 0)
    reading_end = layout.items[0].x + layout.items[0].reading_right
    assert comma_left < reading_end  # under the reading's overhang, not after it
    # The next word keeps its distance from the comma, not the comma from the word before it.
    assert _chars_left(layout, 2) >= _chars_right(layout, 1)


def test_an_opening_bracket_stays_with_the_word_after_it() -> None:
    layout = _layout(_tokens(("他", ("tā",)), ("說", ("shuō",)), ("「", ()), ("好", ("hǎo",)), ("」", ())))
    assert _chars_left(layout, 3) == _chars_right(layout, 2)
    assert _chars_left(layout, 4) == _chars_right(layout, 3)


def test_readings_never_touch_and_push_words_only_as_far_as_needed() -> None:
    layout = _layout(_tokens(("船", ("chuán",)), ("長", ("zhǎng",)), ("來", ("lái",))))
    first, second, third = (layout.items[layout.by_token[i]] for i in range(3))
    gap_12 = (second.x + (second.reading_left or 0)) - (first.x + first.reading_right)
    gap_23 = (third.x + (third.reading_left or 0)) - (second.x + second.reading_right)
    assert gap_12 == METRICS.reading_gap and gap_23 == METRICS.reading_gap


def test_words_without_readings_sit_a_word_gap_apart() -> None:
    layout = _layout(_tokens(("我", ("wǒ",)), ("們", ("men",))), style=ReadingStyle.NONE)
    assert _chars_left(layout, 1) - _chars_right(layout, 0) == METRICS.word_gap


def test_zhuyin_sits_beside_each_character() -> None:
    layout = _layout(_tokens(("注音", ("zhù", "yīn")), ("好", ("hǎo",))), style=ReadingStyle.ZHUYIN)
    word = layout.items[layout.by_token[0]]
    run = word.runs[0]
    assert run.beside and len(run.readings) == 2  # one column per character
    assert word.width == 2 * (CHAR + BESIDE.beside_width)  # the reading's length does not widen it
    assert word.reading_span() is None  # nothing above the line
    assert _chars_left(layout, 1) - _chars_right(layout, 0) == BESIDE.word_gap


def test_a_paragraph_break_starts_a_new_line() -> None:
    layout = _layout(_tokens(("一", ("yī",)), ("\n", ()), ("二", ("èr",))))
    assert len(layout.lines) == 2
    assert layout.lines[1].top > layout.lines[0].top + METRICS.line_height


def test_lines_never_end_with_an_opening_bracket_or_start_with_closing_punctuation() -> None:
    words = [("我們", ("wǒ", "men")), ("，", ()), ("「", ()), ("讀書", ("dú", "shū")), ("」", ()), ("。", ())]
    tokens = _tokens(*(words * 30))
    for style in (ReadingStyle.PINYIN, ReadingStyle.ZHUYIN, ReadingStyle.NONE):
        for width in range(200, 900, 23):
            layout = _layout(tokens, float(width), style)
            assert len(layout.lines) > 1
            for line in layout.lines:
                first = layout.items[line.items[0]].runs[0].chars[:1]
                last = layout.items[line.items[-1]].runs[0].chars[:1]
                assert last not in "「『（《", f"a line ends with {last!r} at width {width} ({style})"
                assert first not in "，。、；：」』）》", f"a line starts with {first!r} at width {width}"
