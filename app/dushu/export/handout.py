"""A quiz set as a printable handout: the questions to answer on paper, then the answer key.

`handout_html` writes HTML of the subset Qt's rich text understands (QTextDocument prints it to a
PDF in `dushu.gui.handout_print`; any browser shows it too). The answer key starts on a new page
(`page-break-before: always`) so a teacher can print the questions alone. Every text of the set is
the teacher's or the document's and is escaped: nothing in it can become markup.

Order items and the right column of a match question are printed shuffled (the same way for the
same set and seed), never in the right order; the answer key names them by their letters.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dushu.core.quiz.model import Question, QuizSet

__all__ = ["KEY_ANCHOR", "QUESTION_ANCHOR", "HandoutWords", "handout_html", "shuffled_for_print"]

# Each question and each answer-key entry starts with an anchor named by these and its number, so
# that the printer can find where one ends and keep it on one page.
QUESTION_ANCHOR = "dushu-question-"
KEY_ANCHOR = "dushu-key-"

# The blank of a cloze prompt, as the quiz-set format writes it (see core.quiz.quizfile).
_BLANK = re.compile(r"_{3,}|＿{2,}")
_PRINTED_BLANK = "＿" * 8  # a full-width line a pen can fill, and that pdftotext still reads
_WRITING_LINE = "＿" * 24
# Qt's rich text collapses runs of spaces, the ideographic one too; no-break spaces keep their width.
_GAP = "&nbsp;" * 4
_BRACKETS = "（" + "&nbsp;" * 5 + "）"


@dataclass(frozen=True, slots=True)
class HandoutWords:
    """The handout's own words, in the interface language (the GUI passes translated ones)."""

    name: str = "Name"
    date: str = "Date"
    score: str = "Score"
    points: str = "points"
    one_point: str = "point"
    true: str = "對 (true)"
    false: str = "錯 (false)"
    order_hint: str = "Write 1, 2, 3 … in the brackets to put them in order."
    match_hint: str = "Write the letter of the matching item beside each number."
    answer_line: str = "Answer"
    answer_key: str = "Answer key"
    explanation: str = "Why"
    source: str = "From the text"


def shuffled_for_print(values: Sequence[str], seed: str) -> list[int]:
    """The order (indices into `values`) a list is printed in: shuffled by `seed`, and never the
    right order when there are two or more distinct values (the page would give the answer)."""
    order = list(range(len(values)))
    if len(set(values)) < 2:
        return order
    rng = random.Random(seed)
    while True:
        rng.shuffle(order)
        if [values[i] for i in order] != list(values):
            return order


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def _points(q: Question, words: HandoutWords) -> str:
    n = f"{q.points:g}"
    return f"{n} {words.one_point if q.points == 1 else words.points}"


def _prompt(q: Question) -> str:
    if q.type != "cloze":
        return _text(q.prompt)
    # Escape the pieces around the blanks, then draw each blank as a line to write on.
    parts = _BLANK.split(q.prompt)
    return f"<u>{_PRINTED_BLANK}</u>".join(_text(p) for p in parts)


def _question_body(q: Question, seed: str, words: HandoutWords) -> str:
    if q.type == "choice":
        rows = "".join(
            f"<tr><td width='32'>{_letter(i)}.</td><td>{_text(c)}</td></tr>" for i, c in enumerate(q.choices)
        )
        return f"<table class='options' cellpadding='2'>{rows}</table>"
    if q.type == "truefalse":
        return f"<p class='options'>☐ {html.escape(words.true)}{_GAP}☐ {html.escape(words.false)}</p>"
    if q.type == "cloze":
        return ""
    if q.type == "short":
        line = f"<p class='write'>{html.escape(words.answer_line)}：{_WRITING_LINE}</p>"
        return line + f"<p class='write'>{_WRITING_LINE}{'＿' * 4}</p>"
    if q.type == "order":
        order = shuffled_for_print(q.items, seed)
        rows = "".join(
            f"<tr><td nowrap>{_BRACKETS}</td><td width='28'>{_letter(k)}.</td>"
            f"<td>{_text(q.items[i])}</td></tr>"
            for k, i in enumerate(order)
        )
        hint = f"<p class='hint'>{html.escape(words.order_hint)}</p>"
        return hint + f"<table class='options' cellpadding='2'>{rows}</table>"
    if q.type == "match":
        rights = [b for _, b in q.pairs]
        order = shuffled_for_print(rights, seed)
        cells = []
        for k, (left, _) in enumerate(q.pairs):
            right = rights[order[k]]
            cells.append(
                f"<tr><td width='28'>{k + 1}.</td><td>{_text(left)}</td><td nowrap>{_BRACKETS}</td>"
                f"<td width='28'>{_letter(k)}.</td><td>{_text(right)}</td></tr>"
            )
        hint = f"<p class='hint'>{html.escape(words.match_hint)}</p>"
        return hint + f"<table class='options' cellpadding='3'>{''.join(cells)}</table>"
    return ""


def _answer(q: Question, seed: str, words: HandoutWords) -> str:
    if q.type == "choice" and isinstance(q.answer, int) and 0 <= q.answer < len(q.choices):
        return f"{_letter(q.answer)}. {_text(q.choices[q.answer])}"
    if q.type == "truefalse":
        return html.escape(words.true if q.answer else words.false)
    if q.type in ("cloze", "short"):
        return " / ".join(_text(a) for a in q.accepted)
    if q.type == "order":
        order = shuffled_for_print(q.items, seed)
        # The letter each item was printed with, in the right order.
        letters = {i: _letter(k) for k, i in enumerate(order)}
        return " → ".join(f"{letters[i]}. {_text(item)}" for i, item in enumerate(q.items))
    if q.type == "match":
        rights = [b for _, b in q.pairs]
        order = shuffled_for_print(rights, seed)
        letter_of = {i: _letter(k) for k, i in enumerate(order)}
        return "；".join(
            f"{k + 1}–{letter_of[k]}（{_text(a)} = {_text(b)}）" for k, (a, b) in enumerate(q.pairs)
        )
    return ""


_STYLE = """
body { font-size: 12pt; }
h1 { font-size: 18pt; }
h2 { font-size: 16pt; }
p.meta { color: #444444; }
p.question { margin-top: 14px; margin-bottom: 4px; }
p.hint { color: #555555; font-size: 10pt; margin-top: 0px; }
p.write { margin-top: 10px; }
span.points { color: #666666; font-size: 10pt; }
p.key { margin-top: 8px; margin-bottom: 2px; }
p.why { color: #444444; font-size: 10pt; margin-top: 0px; margin-left: 24px; }
"""


def handout_html(
    qs: QuizSet, *, seed: int = 0, words: HandoutWords | None = None, font_family: str = ""
) -> str:
    """The set as an HTML handout: title, name/date/score lines, the numbered questions with their
    choices, blanks, match columns and shuffled order items and room to write, then (from a new
    page) the answer key with each explanation and source sentence."""
    w = words or HandoutWords()
    family = f"body {{ font-family: '{font_family}'; }}" if re.fullmatch(r"[\w .-]+", font_family) else ""
    out = [
        "<html><head><meta charset='utf-8'>",
        f"<title>{html.escape(qs.title)}</title>",
        f"<style>{_STYLE}{family}</style></head><body>",
        f"<h1>{_text(qs.title)}</h1>",
    ]
    if qs.author:
        out.append(f"<p class='meta'>{_text(qs.author)}</p>")
    total = f"{qs.total_points:g}"
    out.append(
        f"<p class='meta'>{html.escape(w.name)}：＿＿＿＿＿＿＿＿{_GAP}"
        f"{html.escape(w.date)}：＿＿＿＿＿{_GAP}"
        f"{html.escape(w.score)}：＿＿＿&nbsp;/&nbsp;{total}</p><hr>"
    )
    for n, q in enumerate(qs.questions, start=1):
        seed_of = f"{seed}:{q.id}:{n}"
        out.append(
            f"<p class='question'><a name='{QUESTION_ANCHOR}{n}'><b>{n}.</b></a> {_prompt(q)} "
            f"<span class='points'>({_points(q, w)})</span></p>"
        )
        out.append(_question_body(q, seed_of, w))
    out.append(f"<h2 style='page-break-before: always'>{html.escape(w.answer_key)}</h2>")
    out.append(f"<p class='meta'>{_text(qs.title)}</p><hr>")
    for n, q in enumerate(qs.questions, start=1):
        seed_of = f"{seed}:{q.id}:{n}"
        out.append(f"<p class='key'><a name='{KEY_ANCHOR}{n}'><b>{n}.</b></a> {_answer(q, seed_of, w)}</p>")
        if q.explanation:
            out.append(f"<p class='why'>{html.escape(w.explanation)}：{_text(q.explanation)}</p>")
        if q.source:
            out.append(f"<p class='why'>{html.escape(w.source)}：{_text(q.source)}</p>")
    out.append("</body></html>")
    return "\n".join(out)
