"""A quiz set as an Anki package: one fact note per question, identities that survive edits."""

from __future__ import annotations

import dataclasses
import sqlite3
import zipfile
from pathlib import Path

from dushu.core.quiz.model import Question, QuizSet
from dushu.export.quiz_anki import quiz_deck_name, quiz_set_notes, write_quiz_deck

SET = QuizSet(
    "西灣渡輪",
    (
        Question("a", "choice", "渡輪每天開幾班？", answer=1, choices=("三班", "五班")),
        Question("b", "cloze", "渡輪由____碼頭出發。", answer=("東岸", "東邊"), tags=("地點",)),
        Question("c", "match", "配對：", pairs=(("船", "boat"), ("票", "ticket"))),
    ),
)


def test_each_question_is_one_card_with_its_answer(tmp_path: Path) -> None:
    out = tmp_path / "set.apkg"
    assert write_quiz_deck(SET, out, timestamp=1_750_000_000.0) == 3
    with zipfile.ZipFile(out) as archive:
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    fields = [row[0].split("\x1f") for row in conn.execute("SELECT flds FROM notes ORDER BY id")]
    assert fields[0][0].startswith("渡輪每天開幾班？") and "B. 五班" in fields[0][0]
    assert fields[0][1] == "五班"
    assert fields[1][1] == "東岸 / 東邊"
    assert "船 = boat" in fields[2][1]
    assert all(f[5] == "西灣渡輪" for f in fields)


def test_an_edited_question_keeps_its_note_identity() -> None:
    edited = dataclasses.replace(SET, questions=(dataclasses.replace(SET.questions[0], prompt="一天幾班？"),))
    assert quiz_set_notes(edited)[0].guid == quiz_set_notes(SET)[0].guid
    assert "地點" in quiz_set_notes(SET)[1].tags


def test_a_title_with_colons_is_one_deck() -> None:
    assert quiz_deck_name(dataclasses.replace(SET, title="A::B")) == "A：：B"
    assert quiz_deck_name(dataclasses.replace(SET, title="  ")) == "Dushu quiz"
