"""The `dushu` command line: the JSON contract, segment output, encodings and user errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dushu.cli import main
from dushu.core.models import is_han

TEXT = (
    "日美關係的十年\n"
    "2025年10月28日，日本首相高市早苗與美國總統特朗普（Donald Trump）舉行會談。\n"
    "他說：「我們將加強合作。」兩國同意投資5500億美元。\n"
)


def run_json(capsys: pytest.CaptureFixture[str], path: Path) -> dict:  # type: ignore[type-arg]
    assert main(["analyze", str(path), "--json"]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return data


def test_analyze_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    data = run_json(capsys, path)
    assert data["schema"] == "dushu.analysis/1"
    assert data["script"] == "traditional"
    for key in ("sentences", "tokens", "vocabulary", "facts", "glossary", "people"):
        assert isinstance(data[key], list)
    for s in data["sentences"]:
        assert set(s) >= {"index", "start", "end", "text"}
        assert TEXT[s["start"] : s["end"]] == s["text"]
    pos = 0
    for t in data["tokens"]:
        assert set(t) >= {"text", "start", "end", "sentence", "pos", "pinyin"}
        assert t["start"] == pos and TEXT[t["start"] : t["end"]] == t["text"]
        han = sum(1 for ch in t["text"] if is_han(ch))
        assert len(t["pinyin"]) == han
        pos = t["end"]
    assert pos == len(TEXT), "tokens cover the whole text"
    words = [t["text"] for t in data["tokens"]]
    assert "高市早苗" in words and "2025年" in words and "5500億美元" in words
    v = data["vocabulary"][0]
    assert set(v) >= {
        "word",
        "traditional",
        "simplified",
        "pinyin",
        "definitions",
        "hsk",
        "frequency",
        "count",
        "example",
    }


def test_offsets_count_characters_after_the_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode("utf-8"))
    data = run_json(capsys, path)
    assert data["tokens"][0]["start"] == 0
    assert data["tokens"][0]["text"] == TEXT[: data["tokens"][0]["end"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "big5hkscs"])
def test_every_supported_encoding_gives_the_same_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXT, encoding="utf-8")
    other = tmp_path / f"{encoding}.txt"
    other.write_bytes(TEXT.replace("\n", "\r\n").encode(encoding))
    expected = run_json(capsys, plain)["tokens"]
    assert run_json(capsys, other)["tokens"] == expected


def test_segment_keeps_lines_and_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "第一行文字\n\n第三行：2025年的計劃。\n最後一行"
    path = tmp_path / "lines.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["segment", str(path)]) == 0
    out = capsys.readouterr().out.split("\n")[:-1]
    assert len(out) == len(text.split("\n"))
    for got, line in zip(out, text.split("\n"), strict=True):
        assert got.replace(" ", "") == line.replace(" ", "")
        assert "  " not in got
    assert "2025年" in out[2].split()


def test_output_file_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["analyze", str(src), "--json", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "dushu.analysis/1"


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), os.urandom(2048)],
    ids=["empty", "blank", "png", "random"],
)
def test_bad_files_give_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    for command in (["analyze", str(path), "--json"], ["segment", str(path)]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.startswith("dushu: error: ") and err.count("\n") == 1, err
        assert "Traceback" not in err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "nope.txt")]) == 2
    assert "dushu: error:" in capsys.readouterr().err
    assert main(["segment", str(tmp_path)]) == 2
    assert "dushu: error:" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "--bogus"])
    assert exc.value.code == 2
    assert "dushu: error:" in capsys.readouterr().err


def test_every_way_of_asking_for_a_quiz_opens_the_app_on_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dushu.cli

    opened: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(dushu.cli, "_run_gui", lambda path, quiz=False: opened.append((path, quiz)) or 0)
    for argv in (["--quiz", "set.toml"], ["--quiz=set.toml"], [], ["notes.txt"]):
        assert main(argv) == 0
    assert opened == [("set.toml", True), ("set.toml", True), (None, False), ("notes.txt", False)]
    with pytest.raises(SystemExit) as exc:
        main(["--quiz"])
    assert exc.value.code == 2
    assert "dushu: error: argument --quiz: expected one argument" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["--quiz="])
    assert exc.value.code == 2
    assert "dushu: error: argument --quiz: expected a quiz-set file" in capsys.readouterr().err


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def test_version_help_and_python_dash_m(tmp_path: Path) -> None:
    version = subprocess.run(
        [sys.executable, "-m", "dushu", "--version"], capture_output=True, text=True, env=_env(), cwd=tmp_path
    )
    assert version.returncode == 0 and version.stdout.startswith("dushu ")
    helptext = subprocess.run(
        [sys.executable, "-m", "dushu", "--help"], capture_output=True, text=True, env=_env(), cwd=tmp_path
    )
    assert helptext.returncode == 0
    for command in ("segment", "analyze", "deck", "quizset", "export-quiz", "quiz"):
        assert command in helptext.stdout


def test_core_storage_and_export_never_load_qt() -> None:
    code = (
        "import sys, importlib, pkgutil, dushu.cli, dushu.core, dushu.storage, dushu.export\n"
        "for pkg in (dushu.core, dushu.storage, dushu.export):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert result.returncode == 0, result.stderr


def test_deck_skips_known_words_and_writes_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "news.txt"
    src.write_text(TEXT, encoding="utf-8")
    known = tmp_path / "known.txt"
    known.write_text("投資\n合作\n", encoding="utf-8")
    out = tmp_path / "words.csv"
    assert main(["deck", str(src), "-o", str(out), "--known", str(known)]) == 0
    assert "skipped 2 known words" in capsys.readouterr().err
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("term,definition,pinyin")
    terms = {row.split(",")[0] for row in rows[1:]}
    assert "投資" not in terms and "合作" not in terms and "同意" in terms


def test_deck_apkg_and_bad_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "news.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["deck", str(src), "-o", str(tmp_path / "d.apkg"), "--deck", "日美"]) == 0
    assert (tmp_path / "d.apkg").stat().st_size > 0
    capsys.readouterr()
    assert main(["deck", str(src), "-o", str(tmp_path / "d.xyz")]) == 2
    assert capsys.readouterr().err.startswith("dushu: error:")


def test_quizset_export_and_terminal_quiz(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "news.txt"
    src.write_text(TEXT * 3, encoding="utf-8")
    quiz = tmp_path / "set.toml"
    assert main(["quizset", str(src), "-o", str(quiz), "--questions", "5"]) == 0
    assert 'format = "dushu-quiz"' in quiz.read_text(encoding="utf-8")
    for fmt in ("gift", "moodle-xml", "csv"):
        target = tmp_path / f"out.{fmt}"
        assert main(["export-quiz", str(quiz), "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 0
    capsys.readouterr()
    monkeypatch.setattr("builtins.input", lambda prompt="": "q")
    main(["quiz", str(quiz), "--seed", "1"])
    assert "Score:" in capsys.readouterr().out


def test_broken_quiz_set_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        'format = "dushu-quiz"\nversion = 1\ntitle = "x"\n[[questions]]\nid = 1\n', encoding="utf-8"
    )
    assert main(["export-quiz", str(broken), "--format", "gift", "-o", str(tmp_path / "x.gift")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dushu: error:") and err.count("\n") == 1


def test_json_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    env = {**_env(), "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [sys.executable, "-m", "dushu", "analyze", str(src), "--json"], capture_output=True, env=env
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert json.loads(result.stdout.decode("utf-8"))["schema"] == "dushu.analysis/1"


def test_the_command_reports_errors_and_flushes_its_output_before_it_exits(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "dushu", "analyze", str(tmp_path / "missing.txt"), "--json"],
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert missing.returncode == 2 and missing.stderr.startswith("dushu: error:"), missing.stderr
    assert "Traceback" not in missing.stderr
    src = tmp_path / "t.txt"
    src.write_text(TEXT * 50, encoding="utf-8")
    segmented = subprocess.run(
        [sys.executable, "-m", "dushu", "segment", str(src)], capture_output=True, text=True, env=_env()
    )
    assert segmented.returncode == 0, segmented.stderr
    assert segmented.stdout.count("\n") == (TEXT * 50).count("\n"), "every line reaches the pipe"


def test_reading_style_reaches_tokens_vocabulary_and_definitions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "t.txt"
    src.write_text("日本投資美元。", encoding="utf-8")
    assert main(["analyze", str(src), "--json", "--reading", "numbers"]) == 0
    data = json.loads(capsys.readouterr().out)
    dollar = next(v for v in data["vocabulary"] if v["word"] == "美元")
    assert dollar["pinyin"] == ["mei3", "yuan2"]
    assert all(d["pinyin"].lower() == "mei3 yuan2" for d in dollar["definitions"])
    assert main(["analyze", str(src), "--json", "--reading", "zhuyin"]) == 0
    data = json.loads(capsys.readouterr().out)
    dollar = next(v for v in data["vocabulary"] if v["word"] == "美元")
    assert dollar["pinyin"] == ["ㄇㄟˇ", "ㄩㄢˊ"]
    assert {d["pinyin"] for d in dollar["definitions"]} == {"ㄇㄟˇ ㄩㄢˊ"}


def test_date_option_gives_the_texts_own_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text("市長昨天宣布擴建港口。2029年5月，議會通過預算。\n", encoding="utf-8")
    undated = run_json(capsys, path)
    assert [f["date"] for f in undated["facts"] if f["kind"] == "event"] == ["2029-05"]
    assert main(["analyze", str(path), "--json", "--date", "2031-08-26"]) == 0
    dated = json.loads(capsys.readouterr().out)
    assert [f["date"] for f in dated["facts"] if f["kind"] == "event"] == ["2031-08-25", "2029-05"]
    # Only the facts change: the words stay as they were.
    assert dated["tokens"] == undated["tokens"]


@pytest.mark.parametrize("command", ["analyze", "deck", "quizset"])
def test_a_bad_date_is_one_line_and_exit_2(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text("新橋今天通車。\n", encoding="utf-8")
    args = [command, str(path), "--date", "2031-02-30"]
    if command != "analyze":
        args += ["-o", str(tmp_path / "out.apkg")]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "dushu: error: argument --date:" in err and "YYYY-MM-DD" in err


# --- odd but valid situations give one line (issue 13, point 6) -------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command",
    [["segment"], ["analyze"], ["analyze", "--json"], ["quiz"]],
    ids=["segment", "analyze", "json", "quiz"],
)
def test_standard_output_on_a_full_disk_is_one_line(tmp_path: Path, command: list[str]) -> None:
    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    if command == ["quiz"]:
        src = tmp_path / "set.toml"
        assert main(["quizset", str(tmp_path / "t.txt"), "-o", str(src), "--questions", "2"]) == 0
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "dushu", *command, str(src)],
            stdout=full,
            stderr=subprocess.PIPE,
            input="q\n" if command == ["quiz"] else None,
            text=True,
            env=_env(),
        )
    assert result.returncode == 2
    assert result.stderr == "dushu: error: cannot write to standard output (No space left on device)\n"


@pytest.mark.parametrize(
    "command",
    [
        ["deck", "{src}", "-o", "{out}/deck.apkg/"],
        ["deck", "{src}", "-o", "{out}"],
        ["quizset", "{src}", "-o", "{out}/set.toml/"],
        ["export-quiz", "{set}", "--format", "gift", "-o", "{out}/quiz.gift/"],
        ["analyze", "{src}", "--json", "-o", "{out}/a.json/"],
    ],
    ids=["deck-slash", "deck-folder", "quizset", "export-quiz", "analyze"],
)
def test_an_output_path_naming_a_folder_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    quiz = tmp_path / "set.toml"
    quiz.write_text(
        'format = "dushu-quiz"\nversion = 1\ntitle = "x"\n[[questions]]\nid = "q"\ntype = "truefalse"\n'
        'prompt = "對嗎？"\nanswer = true\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(src=src, out=out, set=quiz) for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == f"dushu: error: {args[-1]}: is a folder, not a file; give the name of the file to write\n"
    assert list(out.iterdir()) == [], "nothing written, not even without the slash"


def test_deck_with_a_damaged_known_words_package_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3
    import zipfile

    src = tmp_path / "t.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "c.anki2"
    conn = sqlite3.connect(db)
    conn.executescript(
        "CREATE TABLE col (models TEXT); INSERT INTO col VALUES ('{}');"
        "CREATE TABLE notes (mid, flds, sfld); INSERT INTO notes VALUES ('x', '安全', '安全');"
    )
    conn.commit()
    conn.close()
    rows = tmp_path / "rows.apkg"
    with zipfile.ZipFile(rows, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", db.read_bytes())
    deflate = tmp_path / "deflate.apkg"
    raw = bytearray(rows.read_bytes())
    raw[60:120] = b"\xff" * 60  # inside the compressed collection
    deflate.write_bytes(raw)
    for package in (rows, deflate):
        out = tmp_path / "deck.apkg"
        assert main(["deck", str(src), "-o", str(out), "--known", str(package)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"dushu: error: {package.name}: ") and err.count("\n") == 1, err
        assert not out.exists()


def test_library_export_to_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "backup"
    assert main(["library", "export", f"{target}/"]) == 2
    assert capsys.readouterr().err == (
        f"dushu: error: {target}/: is a folder, not a file; give the name of the file to write\n"
    )
    assert not target.exists()
