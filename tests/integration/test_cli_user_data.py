"""`dushu deck` and `dushu quizset` use what the user changed in the app, as the app does; headless."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

import pytest

from dushu.cli import main
from dushu.storage.library import Library, WordStatus, default_library_path

TEXT = (
    "河洛港的新航線\n"
    "2031年4月2日，河洛港務局局長柯文遠宣布開放新航線。\n"
    "他說：「我們會繼續擴大合作。」兩港同意共同投資。\n"
)


def _library() -> Library:
    default_library_path().parent.mkdir(parents=True, exist_ok=True)
    return Library(default_library_path())


def _csv_meanings(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {row["term"]: row["meaning"] for row in csv.DictReader(fh)}


def _deck(src: Path, out: Path, *extra: str) -> None:
    assert main(["deck", str(src), "-o", str(out), "--include", "vocab", *extra]) == 0


def test_deck_uses_the_apps_meanings_and_known_words(tmp_path: Path, capsys: Any) -> None:
    src = tmp_path / "port.txt"
    src.write_text(TEXT, encoding="utf-8")
    _deck(src, tmp_path / "before.csv")
    before = _csv_meanings(tmp_path / "before.csv")
    assert "合作" in before and "宣布" in before

    with _library() as library:
        library.set_meaning("合作", "to work together (my words)")
        library.set_status(["宣布"], WordStatus.KNOWN)
    _deck(src, tmp_path / "mine.csv")
    mine = _csv_meanings(tmp_path / "mine.csv")
    assert mine["合作"] == "to work together (my words)"
    assert "宣布" not in mine, "a word marked known in the app is left out"
    assert "skipped 1 known word" in capsys.readouterr().err

    _deck(src, tmp_path / "plain.csv", "--no-user-data")
    assert _csv_meanings(tmp_path / "plain.csv") == before


def test_deck_and_quizset_use_the_documents_fact_edits(tmp_path: Path, capsys: Any) -> None:
    src = tmp_path / "port.txt"
    src.write_text(TEXT, encoding="utf-8")
    with _library() as library:
        doc = library.add_document("河洛港的新航線", TEXT, str(src))
        # The user deleted every fact, term and person the analysis found in this text.
        library.set_annotations(doc.id, {"facts": [], "glossary": [], "people": []})

    assert main(["deck", str(src), "-o", str(tmp_path / "edited.apkg"), "--include", "facts"]) == 2
    assert "nothing to export" in capsys.readouterr().err
    assert main(["deck", str(src), "-o", str(tmp_path / "found.apkg"), "--no-user-data"]) == 0
    assert " 0 facts" not in capsys.readouterr().err

    quiz = tmp_path / "set.toml"
    assert main(["quizset", str(src), "-o", str(quiz), "--types", "choice,truefalse,order"]) == 2
    assert "found nothing to ask about" in capsys.readouterr().err
    assert main(["quizset", str(src), "-o", str(quiz), "--types", "choice,truefalse", "--no-user-data"]) == 0


def test_quizset_never_keys_a_meaning_the_user_replaced(tmp_path: Path) -> None:
    src = tmp_path / "port.txt"
    src.write_text(TEXT * 2, encoding="utf-8")
    quiz = tmp_path / "set.toml"
    command = ["quizset", str(src), "-o", str(quiz), "--types", "vocabulary", "--questions", "40"]
    assert main([*command, "--no-user-data"]) == 0
    assert "港務局（gǎng wù jú）：port authority" in quiz.read_text(encoding="utf-8")
    with _library() as library:
        library.set_meaning("港务局", "harbour board (my words)")
    assert main(command) == 0
    text = quiz.read_text(encoding="utf-8")
    assert tomllib.loads(text)["questions"]
    # The generator asks only dictionary senses today, so the word is left out rather than asked
    # with the sense the user replaced.
    assert "port authority" not in text


def test_the_date_the_user_gave_the_text_counts(tmp_path: Path, capsys: Any) -> None:
    src = tmp_path / "undated.txt"
    text = "河洛港今天開放新航線。\n"
    src.write_text(text, encoding="utf-8")
    with _library() as library:
        doc = library.add_document("河洛港", text)
        library.set_published(doc.id, "2031-04-02")
    quiz = tmp_path / "set.toml"
    assert main(["quizset", str(src), "-o", str(quiz), "--types", "choice,truefalse,short"]) == 0
    assert "2031" in quiz.read_text(encoding="utf-8"), "今天 is the date the user gave the text"


@pytest.mark.parametrize("command", ["deck", "quizset"])
def test_no_user_data_is_in_the_help(command: str, capsys: Any) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "--no-user-data" in capsys.readouterr().out
