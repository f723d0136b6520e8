"""The public rules of a quiz set (question_problems, quiz_set_problems): the loader and the editor agree."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from dushu.core.quiz import (
    Question,
    QuizSet,
    QuizSettings,
    dumps_quiz_set,
    loads_quiz_set,
    question_problems,
    quiz_set_problems,
    save_quiz_set,
)
from dushu.errors import QuizSetError

GOOD = (
    Question("a", "choice", "河口鎮的新橋哪一年通車？", answer=1, choices=("一九九八年", "二〇〇三年")),
    Question("b", "truefalse", "新橋橫跨青溪。", answer=True),
    Question("c", "cloze", "新橋由____公司承建。", answer=("林記", "林記營造")),
    Question("d", "short", "新橋有多長？", answer=("八百米",)),
    Question("e", "order", "按時間排列：", items=("動工", "合龍", "通車")),
    Question("f", "match", "配對：", pairs=(("橋", "bridge"), ("河", "river"))),
)

BROKEN = [
    (dataclasses.replace(GOOD[0], answer=5), "answer", r"answer 5 is out of range"),
    (dataclasses.replace(GOOD[0], choices=("甲", "甲")), "choices", r"choices lists '甲' twice"),
    (dataclasses.replace(GOOD[0], choices=("甲", " "), answer=0), "choices", r"choices has an empty entry"),
    (dataclasses.replace(GOOD[2], prompt="新橋由哪家公司承建？"), "prompt", r"needs a blank written as ____"),
    (dataclasses.replace(GOOD[3], answer=()), "answer", r"at least one accepted answer"),
    (dataclasses.replace(GOOD[4], items=("動工",)), "items", r"items needs at least 2 entries"),
    (
        dataclasses.replace(GOOD[5], pairs=(("橋", "bridge"), ("橋", "river"))),
        "pairs",
        r"'橋' twice on the left",
    ),
    (dataclasses.replace(GOOD[5], pairs=(("橋", "bridge"),)), "pairs", r"at least 2 pairs"),
    (dataclasses.replace(GOOD[1], points=0), "points", r"points must be a number above 0"),
    (dataclasses.replace(GOOD[1], prompt="  "), "prompt", r"prompt is empty"),
]


def test_a_valid_set_has_no_problems() -> None:
    qs = QuizSet("新橋", GOOD)
    assert quiz_set_problems(qs) == []
    assert loads_quiz_set(dumps_quiz_set(qs)) == qs


@pytest.mark.parametrize(("question", "field", "message"), BROKEN)
def test_the_loader_reports_the_problem_the_editor_shows(
    question: Question, field: str, message: str
) -> None:
    others = (dataclasses.replace(GOOD[3], id="z"), question)
    problems = question_problems(question, 1, others)
    assert problems and problems[0].field == field
    assert re.search(message, problems[0].message)
    # dumps_quiz_set writes what it is given; the loader must then name the same problem.
    text = dumps_quiz_set(QuizSet("新橋", others))
    with pytest.raises(
        QuizSetError, match=r"question 2 \(id '.', line \d+\): " + re.escape(problems[0].message)
    ):
        loads_quiz_set(text)


def test_a_choice_without_a_right_answer_is_named_by_both() -> None:
    question = dataclasses.replace(GOOD[0], answer=None)
    assert [p.field for p in question_problems(question)] == ["answer"]
    text = dumps_quiz_set(QuizSet("新橋", (GOOD[0],)))
    text = re.sub(r"\nanswer = 1[^\n]*", "", text)
    with pytest.raises(QuizSetError, match=re.escape(question_problems(question)[0].message)):
        loads_quiz_set(text)


def test_a_repeated_id_is_a_problem_of_the_later_question() -> None:
    twice = (GOOD[0], dataclasses.replace(GOOD[1], id="a"))
    assert question_problems(twice[0], 0, twice) == []
    assert [p.message for p in question_problems(twice[1], 1, twice)] == [
        "the id is already used by question 1"
    ]
    assert quiz_set_problems(QuizSet("新橋", twice)) == [
        "question 2 (id 'a'): the id is already used by question 1"
    ]


def test_the_set_rules_cover_title_settings_and_an_empty_set() -> None:
    qs = QuizSet(" ", (), settings=QuizSettings(pass_mark=120, time_limit_minutes=-1, feedback="later"))
    problems = quiz_set_problems(qs)
    assert problems[0] == "title is empty"
    assert any("pass_mark" in p for p in problems)
    assert any("time_limit_minutes" in p for p in problems)
    assert any("feedback" in p for p in problems)
    assert problems[-1] == "the quiz set has no questions"


def test_saving_a_broken_set_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "set.toml"
    broken = QuizSet("新橋", (GOOD[0], dataclasses.replace(GOOD[2], prompt="沒有空格")))
    with pytest.raises(QuizSetError, match=r"question 2 \(id 'c'\): a cloze prompt needs a blank"):
        save_quiz_set(broken, target)
    assert not target.exists()


def test_every_problem_says_what_is_wrong_in_a_code_a_form_can_word() -> None:
    from dushu.core.quiz.quizfile import PROBLEM_CODES

    broken = [
        Question("", "essay", ""),
        Question("a", "cloze", "沒有空格", answer=(), points=0),
        Question("a", "choice", "？", choices=("同", "同"), answer=None),
        Question("b", "order", "排列：", items=("只有一個",)),
        Question("c", "match", "配對：", pairs=(("橋", ""),)),
        Question("d", "match", "配對：", pairs=(("橋", "a"), ("橋", "b"))),
        Question("e", "truefalse", "對嗎？", answer=None),
        Question("f", "short", "多長？", answer=("",)),
    ]
    codes = set()
    for i, q in enumerate(broken):
        for p in question_problems(q, i, broken):
            assert p.code in PROBLEM_CODES, p
            codes.add(p.code)
    assert codes >= {
        "id-empty", "id-repeated", "type-unknown", "prompt-empty", "cloze-no-blank", "points",
        "list-empty-entry", "list-too-few", "list-repeated", "choice-no-answer", "truefalse-answer",
        "answers-none", "pairs-empty-side", "pairs-repeated",
    }  # fmt: skip


def test_a_broken_file_names_all_its_problems_in_one_line() -> None:
    text = dumps_quiz_set(QuizSet("三個問題", GOOD)).replace('type = "truefalse"', 'type = "essay"')
    text = text.replace("answer = 1  #", "answer = 5  #", 1)
    with pytest.raises(QuizSetError) as exc:
        loads_quiz_set(text, "set.toml")
    message = str(exc.value)
    assert message.startswith("set.toml: 2 problems: question 1")
    assert "essay" in message and "answer 5 is out of range" in message
    assert "\n" not in message


def test_a_repeated_id_names_the_question_that_has_it_even_after_a_broken_one() -> None:
    text = dumps_quiz_set(QuizSet("重複", GOOD[:3]))
    text = text.replace('id = "a"', 'id = "a"\nbogus = 1', 1).replace('id = "c"', 'id = "b"', 1)
    with pytest.raises(QuizSetError) as exc:
        loads_quiz_set(text, "set.toml")
    message = str(exc.value)
    assert "bogus" in message and "the id is already used by question 2" in message
