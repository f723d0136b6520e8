"""Error messages as a dialog shows them: one line, a sentence's capital, file names as written."""

from __future__ import annotations

from dushu.errors import QuizSetError, one_line


def test_a_sentence_gets_its_capital_and_one_line() -> None:
    assert one_line(QuizSetError("the quiz set has no questions\n  (add one)")) == (
        "The quiz set has no questions (add one)"
    )


def test_a_file_name_at_the_start_is_left_as_written() -> None:
    assert one_line(QuizSetError("bad/wrongtype.toml: question 2 has no answer")).startswith(
        "bad/wrongtype.toml:"
    )
    assert one_line(QuizSetError("notes.txt is empty")) == "notes.txt is empty"
    assert one_line(ValueError()) == "ValueError"
