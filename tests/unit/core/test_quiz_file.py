"""Quiz-set TOML files: validation that names the problem, readable saving, lossless round trips."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dushu.core.quiz import (
    Question,
    QuizSet,
    QuizSettings,
    dumps_quiz_set,
    load_quiz_set,
    loads_quiz_set,
    save_quiz_set,
)
from dushu.errors import QuizSetError

GOOD = """\
format = "dushu-quiz"
version = 1
title = "美日同盟 2015–2025"
language = "zh-Hant"
source = "seed article"
author = "Ms Chan"

[settings]
shuffle_questions = false
shuffle_choices = true
time_limit_minutes = 20
pass_mark = 70

[[questions]]
id = "quad-year"
type = "choice"
prompt = "「四方安全對話機制」在何時復活？"
choices = ["2017年11月", "2019年9月", "2021年3月", "2016年8月"]
answer = 0
points = 2
tags = ["date"]
source = "……隨即在2017年11月復活。"
explanation = "文中說2017年11月。"

[[questions]]
id = "tf"
type = "truefalse"
prompt = "QUAD 是「四方安全對話機制」的簡稱。"
answer = true

[[questions]]
id = "cloze"
type = "cloze"
prompt = "QUAD在____舉行外長會議。"
answer = ["2019年9月", "2019/9"]

[[questions]]
id = "short"
type = "short"
prompt = "CPTPP 的中文全名？"
answer = "全面與進步跨太平洋夥伴關係協定"

[[questions]]
id = "order"
type = "order"
prompt = "按先後排列："
items = ["安倍提出印太概念", "QUAD復活", "QUAD首腦峰會"]

[[questions]]
id = "match"
type = "match"
prompt = "配對："
pairs = [["QUAD", "四方安全對話機制"], ["TPP", "跨太平洋夥伴關係協定"]]
"""


def test_feedback_at_the_end_is_kept_through_a_save(tmp_path: Path) -> None:
    qs = loads_quiz_set(GOOD.replace("pass_mark = 70", 'pass_mark = 70\nfeedback = "end"'))
    assert qs.settings.feedback == "end"
    save_quiz_set(qs, tmp_path / "set.toml")
    assert load_quiz_set(tmp_path / "set.toml").settings.feedback == "end"
    assert loads_quiz_set(GOOD).settings.feedback == "immediate"  # the default: after each question


def test_a_valid_file_loads_with_every_field() -> None:
    qs = loads_quiz_set(GOOD)
    assert (qs.title, qs.language, qs.source, qs.author) == (
        "美日同盟 2015–2025",
        "zh-Hant",
        "seed article",
        "Ms Chan",
    )
    assert qs.settings == QuizSettings(False, True, 20, 70)
    first = qs.questions[0]
    assert (first.id, first.type, first.answer, first.points, first.tags) == (
        "quad-year",
        "choice",
        0,
        2,
        ("date",),
    )
    assert qs.questions[1].answer is True
    assert qs.questions[2].accepted == ("2019年9月", "2019/9")
    assert qs.questions[3].accepted == ("全面與進步跨太平洋夥伴關係協定",)  # a single string is accepted too
    assert qs.questions[4].items[0] == "安倍提出印太概念"
    assert qs.questions[5].pairs == (("QUAD", "四方安全對話機制"), ("TPP", "跨太平洋夥伴關係協定"))


def test_load_save_load_loses_nothing(tmp_path: Path) -> None:
    first = loads_quiz_set(GOOD)
    path = tmp_path / "set.toml"
    save_quiz_set(first, path)
    assert load_quiz_set(path) == first


def test_awkward_text_survives_a_round_trip(tmp_path: Path) -> None:
    awkward = 'He said "no" \\ then """three""" quotes\ttab\u0001ctrl\r\nnext line\n\n「引號」'
    qs = QuizSet(
        title='A "title" \\ with \\n',
        questions=(
            Question("a", "short", awkward, (awkward, "x"), explanation=awkward, source="line1\nline2"),
            Question("b", "choice", "pick", 1, ("one\ntwo", 'three "3"'), tags=("a b", "c\\d")),
            Question("c", "match", "m", pairs=(("x\ny", 'z"'), ("p", "q"))),
            Question("d", "truefalse", "t", False, points=1.5),
        ),
        settings=QuizSettings(True, False, 0, 55.5),
    )
    path = tmp_path / "awkward.toml"
    save_quiz_set(qs, path)
    assert load_quiz_set(path) == qs


def test_saved_file_is_readable(tmp_path: Path) -> None:
    qs = loads_quiz_set(GOOD)
    text = dumps_quiz_set(qs)
    assert text.startswith("# Dushu quiz set.")
    assert text.count("[[questions]]") == len(qs.questions)
    assert "answer = 0  # 2017年11月" in text
    assert "\\u" not in text  # Chinese stays Chinese
    multi = QuizSet("t", (Question("q", "short", "第一行\n第二行", ("a",)),))
    assert 'prompt = """\n第一行\n第二行"""' in dumps_quiz_set(multi)
    assert tomllib.loads(text)["format"] == "dushu-quiz"


def test_saving_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "set.toml"
    path.write_text("old content", encoding="utf-8")
    save_quiz_set(loads_quiz_set(GOOD), path)
    assert [p.name for p in tmp_path.iterdir()] == ["set.toml"]
    assert path.read_text(encoding="utf-8").startswith("# Dushu quiz set.")


def test_saving_into_a_missing_folder_is_a_quiz_set_error(tmp_path: Path) -> None:
    with pytest.raises(QuizSetError, match="cannot write"):
        save_quiz_set(loads_quiz_set(GOOD), tmp_path / "missing" / "set.toml")


def broken(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("format = 'dushu-quiz'\nversion = \n", r"not valid TOML: .*line 2"),
        ('title = "x"\n', r'not a Dushu quiz set \(it needs format = "dushu-quiz"'),
        ('format = "anki"\n', r"not a Dushu quiz set \(format is 'anki'"),
        (broken("version = 1", "version = 2"), r"version 2 is newer than this Dushu understands"),
        (broken("version = 1", 'version = "1"'), r"version must be a whole number"),
        (broken('title = "美日同盟 2015–2025"\n', ""), r"title is missing"),
        (broken("pass_mark = 70", "pass_mark = 170"), r"\[settings\]: pass_mark must be a percentage"),
        (
            broken("pass_mark = 70", 'pass_mark = 70\nfeedback = "later"'),
            r'\[settings\]: feedback must be "immediate" \(after each question\) or "end"',
        ),
        (
            broken("shuffle_choices = true", 'shuffle_choices = "yes"'),
            r"shuffle_choices must be true or false",
        ),
        (
            broken("answer = 0", "answer = 4"),
            r"question 1 \(id 'quad-year', line 14\): answer 4 is out of range",
        ),
        (
            broken("answer = 0", 'answer = "2017年11月"'),
            r"'quad-year'.*answer must be the number of the right choice",
        ),
        (broken('type = "truefalse"', 'type = "essay"'), r"question 2 \(id 'tf', line 25\): type is 'essay'"),
        (broken("answer = true", 'answer = "true"'), r"'tf'.*answer must be true or false"),
        (
            broken('prompt = "QUAD在____舉行外長會議。"', 'prompt = "QUAD在何時舉行外長會議？"'),
            r"'cloze'.*needs a blank written as ____",
        ),
        (
            broken('id = "short"', 'id = "cloze"'),
            r"question 4 \(id 'cloze', line 37\): the id is already used by question 3",
        ),
        (broken('id = "order"\n', ""), r"question 5 \(line 43\): id is missing"),
        (
            broken('items = ["安倍提出印太概念", "QUAD復活", "QUAD首腦峰會"]', "items = []"),
            r"'order'.*at least 2",
        ),
        (
            broken(
                'pairs = [["QUAD", "四方安全對話機制"], ["TPP", "跨太平洋夥伴關係協定"]]',
                'pairs = [["QUAD"]]',
            ),
            r"'match'.*pairs must be a list of \[\"left\", \"right\"\]",
        ),
        (
            broken('answer = ["2019年9月", "2019/9"]', 'answer = ["2019年9月"]\nchoices = ["a", "b"]'),
            r"'cloze'.*unknown key\(s\) for a cloze question: choices "
            r"\('choices' belongs to another question type\)",
        ),
        (broken("points = 2", "points = 0"), r"'quad-year'.*points must be a number above 0"),
        (
            broken(
                'choices = ["2017年11月", "2019年9月", "2021年3月", "2016年8月"]',
                'choices = ["2017年11月", "2017年11月"]',
            ),
            r"choices lists '2017年11月' twice",
        ),
        (GOOD.split("[[questions]]")[0], r"has no questions"),
        (GOOD + "\nextra = 1\n", r"unknown key|not valid TOML"),
    ],
)
def test_problems_are_named(content: str, message: str) -> None:
    with pytest.raises(QuizSetError, match=message):
        loads_quiz_set(content, name="set.toml")


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(QuizSetError, match="cannot read"):
        load_quiz_set(tmp_path / "missing.toml")
    with pytest.raises(QuizSetError, match="is a folder"):
        load_quiz_set(tmp_path)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(QuizSetError, match="must be UTF-8"):
        load_quiz_set(binary)
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_quiz_set(bom).title == "美日同盟 2015–2025"


def test_shipped_quiz_sets_load_and_use_every_question_type() -> None:
    from importlib import resources

    decks = sorted(p for p in resources.files("dushu.decks").iterdir() if p.name.endswith(".toml"))
    names = [p.name for p in decks]
    assert "us-japan-alliance-2015-2025.toml" in names
    for deck in decks:
        qs = loads_quiz_set(deck.read_text(encoding="utf-8"), name=deck.name)
        assert 20 <= len(qs.questions) <= 30, deck.name
        assert {q.type for q in qs.questions} == {"choice", "truefalse", "cloze", "short", "order", "match"}
        assert any("vocabulary" in q.tags for q in qs.questions), deck.name
        assert all(q.source and q.explanation for q in qs.questions), deck.name


def test_the_sample_quiz_set_cites_the_bundled_sample_text() -> None:
    from importlib import resources

    deck = resources.files("dushu.decks").joinpath("sample-chip-supply-chains.toml")
    sample = resources.files("dushu.resources").joinpath("sample/sample.txt").read_text(encoding="utf-8")
    qs = loads_quiz_set(deck.read_text(encoding="utf-8"))
    for q in qs.questions:
        for line in q.source.splitlines():
            assert line in sample, (q.id, line)


# --- any text survives saving (issue 13, point 6) ---------------------------------------------------------

_any = st.text(st.characters(codec="utf-8"), max_size=12)
_some = st.tuples(_any, st.sampled_from(["題", "x", "0"]), _any).map("".join)


@pytest.mark.parametrize("char", [chr(c) for c in [*range(0x20), 0x7F, 0x85, 0x2028]])
def test_a_choice_with_a_control_character_saves_as_valid_toml(tmp_path: Path, char: str) -> None:
    qs = QuizSet("t", (Question("c", "choice", "哪個？", 0, (f"甲{char}乙", "丙")),))
    path = tmp_path / "set.toml"
    save_quiz_set(qs, path)
    tomllib.loads(path.read_text(encoding="utf-8"))
    assert load_quiz_set(path) == qs


@settings(max_examples=150, deadline=None)
@given(
    title=_some,
    qid=_some,
    prompt=_some,
    choices=st.lists(_some, min_size=2, max_size=4, unique=True),
    tags=st.lists(_any, max_size=3),
    explanation=_any,
)
def test_any_text_in_any_field_survives_saving(
    title: str, qid: str, prompt: str, choices: list[str], tags: list[str], explanation: str
) -> None:
    qs = QuizSet(
        title,
        (
            Question(
                qid,
                "choice",
                prompt,
                len(choices) - 1,
                tuple(choices),
                tags=tuple(tags),
                explanation=explanation,
            ),
            Question(qid + "m", "match", prompt, pairs=tuple((c, c[::-1]) for c in choices)),
            Question(qid + "s", "short", prompt, tuple(choices), source=explanation),
        ),
    )
    assert loads_quiz_set(dumps_quiz_set(qs)) == qs
