"""A quiz set as an Anki package: one *Dushu Fact* note per question, in `<Set title>::Facts`.

The note's Question is the prompt with its choices, order items or match column written out; its
Answer is the right answer as a person writes it, with the explanation; the source sentence and the
set's title fill the fields of the same names. The Date field stays empty, so each note gives one
card (Question → Answer). A note's GUID comes from the set's title and the question's id, so a deck
exported again after the teacher edits a question updates that note in Anki instead of adding one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from genanki import guid_for

from dushu.core.quiz.model import Question, QuizSet
from dushu.errors import ExportError
from dushu.export.anki import clean_deck_name, write_apkg
from dushu.export.anki_fields import escape_html, plain_line
from dushu.export.anki_notes import NoteSpec
from dushu.export.handout import shuffled_for_print

__all__ = ["quiz_deck_name", "quiz_set_notes", "write_quiz_deck"]


def quiz_deck_name(qs: QuizSet) -> str:
    """The deck a quiz set goes to: its title (a "::" in it kept as one name), else "Dushu quiz"."""
    return clean_deck_name(plain_line(qs.title).replace("::", "：：")) or "Dushu quiz"


def _lines(values: list[str]) -> str:
    return "<br>".join(values)


def _front(q: Question) -> str:
    prompt = escape_html(q.prompt)
    if q.type == "choice":
        return prompt + "<br>" + _lines([f"{chr(65 + i)}. {escape_html(c)}" for i, c in enumerate(q.choices)])
    if q.type == "truefalse":
        return prompt + "<br>對 / 錯？"
    if q.type == "order":
        order = shuffled_for_print(q.items, q.id)
        return prompt + "<br>" + _lines([escape_html(q.items[i]) for i in order])
    if q.type == "match":
        rights = [b for _, b in q.pairs]
        order = shuffled_for_print(rights, q.id)
        lefts = " · ".join(escape_html(a) for a, _ in q.pairs)
        return prompt + "<br>" + lefts + "<br>" + " · ".join(escape_html(rights[i]) for i in order)
    return prompt


def _back(q: Question) -> str:
    if q.type in ("cloze", "short"):
        answer = " / ".join(escape_html(a) for a in q.accepted)
    elif q.type == "match":
        answer = _lines([f"{escape_html(a)} = {escape_html(b)}" for a, b in q.pairs])
    else:
        answer = escape_html(q.expected_text())
    return answer + (f"<br><br>{escape_html(q.explanation)}" if q.explanation else "")


def quiz_set_notes(qs: QuizSet) -> list[NoteSpec]:
    """One fact note per question (fields: Question, Answer, Reading, Date, Source sentence, Source
    title), tagged with the question's tags and its type."""
    title = escape_html(plain_line(qs.title))
    notes = []
    for q in qs.questions:
        tags = tuple(
            dict.fromkeys(
                ["dushu-quiz", f"quiz::{q.type}", *(t.replace(" ", "_") for t in q.tags if t.strip())]
            )
        )
        notes.append(
            NoteSpec(
                model="fact",
                guid=guid_for("dushu-quiz", qs.title, q.id),
                fields=(_front(q), _back(q), "", "", escape_html(q.source), title),
                tags=tags,
                deck="Facts",
            )
        )
    return notes


def write_quiz_deck(qs: QuizSet, path: str | os.PathLike[str], *, timestamp: float | None = None) -> int:
    """Write the set as an .apkg at `path` (atomically); returns the number of cards."""
    notes = quiz_set_notes(qs)
    if not notes:
        raise ExportError("the quiz set has no questions to put on cards")
    cards, _ = write_apkg(
        Path(path),
        notes,
        root=quiz_deck_name(qs),
        source_title=plain_line(qs.title),
        timestamp=time.time() if timestamp is None else timestamp,
    )
    return cards
