"""Hostile-input cases for the quiz exports, quiz files, the terminal quiz, known-word packages and
the command line's output: how many were tried and how many Dushu survived (issue 13, points 5, 6, 8).

"Survived" means: the result is what was meant (Moodle's rules read exactly the questions exported,
a saved quiz set loads back equal, a package gives its words) or Dushu refused with its own error
and a message; a traceback, a wrong reading or a hang is a failure. The cases are random but seeded,
so two runs try the same ones. `benchmarks/robustness.py` imports the `cases_*` functions; run alone:

    .venv/bin/python benchmarks/robustness_exports.py
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import random
import sqlite3
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from _shared import REPO
from dushu.core.quiz import Question, QuizSet, QuizSettings
from dushu.core.quiz.engine import run_terminal_quiz
from dushu.core.quiz.quizfile import dumps_quiz_set, loads_quiz_set
from dushu.errors import ExportError, InputFileError
from dushu.export import known_words
from dushu.export.quiz_formats import export_gift, export_moodle_xml, printable_text

SEED = 13

# Pieces of text that mean something to GIFT, XML, TOML, HTML or PHP, and plain text around them.
_PIECES = [
    "~", "=", "#", "{", "}", ":", "::", "\\", "\\n", "->", "%50%", "%-25%", "[markdown]", "[html]",
    "\n", "\r", "\r\n", "\n\n", "\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x85", "\u2028", "\ufffe",
    "//", "]]>", "<![CDATA[", "<br>", "&amp;", "&&058;", "&&092;", "*", "[id:", "[tag:", "]", '"""',
    "$CATEGORY:", " ", "\t", "0", "\u3000", "TRUE", "####", "<script>", "`", "/", "'", '"', "題目", "答案",
]  # fmt: skip


def _gift_reader() -> ModuleType:
    """The test suite's reader that follows Moodle's GIFT import rules."""
    path = REPO / "tests" / "unit" / "export" / "gift_reader.py"
    spec = importlib.util.spec_from_file_location("dushu_bench_gift_reader", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _text(rng: random.Random, nonblank: bool = False) -> str:
    parts = [rng.choice(_PIECES) for _ in range(rng.randint(0, 5))]
    if nonblank:
        parts.insert(rng.randint(0, len(parts)), rng.choice(["字", "x", "9"]))
    return "".join(parts)


def _distinct(rng: random.Random, n: int) -> tuple[str, ...]:
    return tuple(f"{_text(rng, True)}{i}" for i in range(n))


def _question(rng: random.Random, index: int) -> Question:
    qid = f"{_text(rng, True)}-{index}"
    qtype = rng.choice(["choice", "truefalse", "short", "cloze", "order", "match"])
    common = {
        "id": qid,
        "type": qtype,
        "prompt": _text(rng, True) + ("____" if qtype == "cloze" else ""),
        "tags": tuple(_text(rng) for _ in range(rng.randint(0, 2))),
        "explanation": _text(rng),
    }
    if qtype == "choice":
        choices = _distinct(rng, rng.randint(2, 5))
        return Question(**common, answer=rng.randrange(len(choices)), choices=choices)  # type: ignore[arg-type]
    if qtype == "truefalse":
        return Question(**common, answer=rng.random() < 0.5)  # type: ignore[arg-type]
    if qtype in ("short", "cloze"):
        return Question(**common, answer=_distinct(rng, rng.randint(1, 3)))  # type: ignore[arg-type]
    if qtype == "order":
        return Question(**common, items=_distinct(rng, rng.randint(2, 5)))  # type: ignore[arg-type]
    lefts = _distinct(rng, rng.randint(2, 5))
    return Question(**common, pairs=tuple((a, _text(rng, True)) for a in lefts))  # type: ignore[arg-type]


def _quiz(rng: random.Random) -> QuizSet:
    return QuizSet(_text(rng, True), tuple(_question(rng, i) for i in range(rng.randint(1, 4))))


_MOODLE_TYPES = {
    "choice": "multichoice",
    "truefalse": "truefalse",
    "short": "shortanswer",
    "cloze": "shortanswer",
    "order": "match",
    "match": "match",
}


def _count(n: int, case: Callable[[random.Random], bool]) -> tuple[int, int]:
    rng = random.Random(SEED)
    survived = 0
    for _ in range(n):
        with contextlib.suppress(Exception):  # any other exception is a crash: not survived
            survived += bool(case(rng))
    return n, survived


def cases_gift(n: int = 1500) -> tuple[int, int]:
    """Random hostile quiz sets as GIFT: Moodle's rules read exactly the questions, types, ids and
    right answers meant, or the export is refused with an ExportError."""
    reader = _gift_reader()

    def case(rng: random.Random) -> bool:
        qs = _quiz(rng)
        try:
            gift = export_gift(qs)
        except ExportError as exc:
            return bool(str(exc))
        read = reader.read_gift(gift)
        if [q.qtype for q in read] != ["category"] + [_MOODLE_TYPES[q.type] for q in qs.questions]:
            return False
        for got, q in zip(read[1:], qs.questions, strict=True):
            if got.idnumber != " ".join(printable_text(q.id).split()):  # one line, as documented
                return False
            if q.type == "choice" and [f for _t, f in got.answers].index(1.0) != q.answer:
                return False
            if q.type == "truefalse" and got.correct != q.answer:
                return False
            if q.type in ("short", "cloze") and len(got.answers) != len(q.accepted):
                return False
            if q.type in ("order", "match") and len(got.subquestions) != max(len(q.items), len(q.pairs)):
                return False
        return True

    return _count(n, case)


def cases_moodle_xml(n: int = 1500) -> tuple[int, int]:
    """Random hostile quiz sets as Moodle XML: well-formed, one <question> per question with the
    right type, or refused with an ExportError."""
    xml_types = {"multichoice": "multichoice", "truefalse": "truefalse", "shortanswer": "shortanswer"}

    def case(rng: random.Random) -> bool:
        qs = _quiz(rng)
        try:
            xml = export_moodle_xml(qs)
        except ExportError as exc:
            return bool(str(exc))
        questions = ET.fromstring(xml).findall("question")
        expected = ["category"] + [xml_types.get(_MOODLE_TYPES[q.type], "matching") for q in qs.questions]
        return [q.get("type") for q in questions] == expected

    return _count(n, case)


def cases_quiz_file(n: int = 1000) -> tuple[int, int]:
    """Random hostile text in every field of a valid quiz set: the saved TOML loads back equal."""

    def case(rng: random.Random) -> bool:
        # Every generated set is valid, so the saved text must load: a QuizSetError here means
        # Dushu wrote a file it cannot read back (and save_quiz_set would refuse to save).
        qs = _quiz(rng)
        return loads_quiz_set(dumps_quiz_set(qs)) == qs

    return _count(n, case)


def cases_quiz_runner(n: int = 300) -> tuple[int, int]:
    """The terminal quiz with huge time limits, up to 60 choices and pairs, and random typing."""

    def case(rng: random.Random) -> bool:
        size = rng.choice([2, 26, 27, 40, 60])
        limit = rng.choice([0, 1, 10**9, 10**12, 2**63, 10**30])
        qs = QuizSet(
            "t",
            (
                Question("c", "choice", "?", size - 1, tuple(f"選{i}" for i in range(size))),
                Question("m", "match", "?", pairs=tuple((f"左{i}", f"右{i}") for i in range(size))),
                Question("o", "order", "?", items=tuple(f"項{i}" for i in range(size))),
            ),
            settings=QuizSettings(time_limit_minutes=limit),
        )
        typed = iter([rng.choice(["A", "Z", "27", "60", "1 2 3", "ABC", "", "x" * 50]) for _ in range(12)])

        def fake_input(_prompt: str) -> str:
            try:
                return next(typed)
            except StopIteration:
                raise EOFError from None

        result = run_terminal_quiz(qs, fake_input, lambda _line: None, seed=rng.randrange(1000))
        return len(result.answers) == 3

    return _count(n, case)


def _collection() -> bytes:
    """A small schema-11 Anki collection with one note type and a few notes."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE col (models TEXT);"
        """INSERT INTO col VALUES ('{"1": {"flds": [{"name": "Hanzi", "ord": 0}]}}');"""
        "CREATE TABLE notes (mid INTEGER, flds TEXT, sfld TEXT);"
    )
    conn.executemany("INSERT INTO notes VALUES (1, ?, ?)", [(w, w) for w in ("學生", "老師", "朋友")])
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def cases_known_words(n: int = 400) -> tuple[int, int]:
    """Damaged and hostile Anki packages: flipped and cut bytes in the archive and in the collection,
    and zip and Zstandard bombs (with the limit lowered to 4 MB so the bombs stay quick)."""
    collection = _collection()
    zstandard = known_words._optional_module("zstandard")

    def package(folder: Path, members: dict[str, bytes], deflate: bool = True) -> Path:
        path = folder / f"p{len(list(folder.iterdir()))}.apkg"
        method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return path

    def case(rng: random.Random) -> bool:
        with tempfile.TemporaryDirectory(prefix="dushu-bench-") as scratch:
            folder = Path(scratch)
            kind = rng.choice(["flip-zip", "cut-zip", "flip-db", "bomb", "zstd-bomb", "zstd-flip"])
            if kind in ("flip-zip", "cut-zip"):
                raw = bytearray(package(folder, {"collection.anki2": collection}).read_bytes())
                if kind == "flip-zip":
                    for _ in range(rng.randint(1, 20)):
                        raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
                else:
                    raw = raw[: rng.randrange(len(raw))]
                path = folder / "damaged.apkg"
                path.write_bytes(raw)
            elif kind == "flip-db":
                db = bytearray(collection)
                for _ in range(rng.randint(1, 50)):
                    db[rng.randrange(len(db))] = rng.randrange(256)
                path = package(folder, {"collection.anki2": bytes(db)}, deflate=rng.random() < 0.5)
            elif kind == "bomb":
                path = package(
                    folder, {"collection.anki2": collection[:100] + bytes(rng.randint(5, 12) << 20)}
                )
            elif zstandard is None:
                return True  # nothing to try without a Zstandard module
            elif kind == "zstd-bomb":
                body = collection[:100] + bytes(rng.randint(5, 12) << 20)
                out = io.BytesIO()
                with zstandard.ZstdCompressor().stream_writer(out, closefd=False) as writer:
                    writer.write(body)
                path = package(folder, {"collection.anki21b": out.getvalue()})
            else:
                frame = bytearray(zstandard.ZstdCompressor().compress(collection))
                for _ in range(rng.randint(1, 10)):
                    frame[rng.randrange(len(frame))] ^= 1 << rng.randrange(8)
                path = package(folder, {"collection.anki21b": bytes(frame)})
            old = known_words.MAX_COLLECTION_BYTES
            known_words.MAX_COLLECTION_BYTES = 4 << 20
            try:
                words = known_words.read_known_words(path)
            except InputFileError as exc:
                return bool(str(exc))
            finally:
                known_words.MAX_COLLECTION_BYTES = old
            return isinstance(words, set) and not kind.endswith("bomb")

    return _count(n, case)


def cases_cli_output() -> tuple[int, int]:
    """Standard output on a full disk (/dev/full) and -o paths that name folders: one
    `dushu: error:` line and exit status 2 each."""
    from dushu.cli import main

    with tempfile.TemporaryDirectory(prefix="dushu-bench-") as scratch:
        folder = Path(scratch)
        text = folder / "t.txt"
        text.write_text("今天我們在學校學習中文。老師說明天考試。\n", encoding="utf-8")
        quiz = folder / "set.toml"
        quiz.write_text(
            'format = "dushu-quiz"\nversion = 1\ntitle = "x"\n[[questions]]\nid = "q"\n'
            'type = "truefalse"\nprompt = "對嗎？"\nanswer = true\n',
            encoding="utf-8",
        )
        runs: list[tuple[list[str], bool]] = [
            (["deck", str(text), "-o", f"{folder}/deck.apkg/"], False),
            (["deck", str(text), "-o", str(folder)], False),
            (["quizset", str(text), "-o", f"{folder}/s.toml/"], False),
            (["export-quiz", str(quiz), "--format", "gift", "-o", f"{folder}/q.gift/"], False),
            (["analyze", str(text), "--json", "-o", f"{folder}/a.json/"], False),
        ]
        if Path("/dev/full").exists():
            runs += [(["segment", str(text)], True), (["analyze", str(text)], True)]
            runs += [(["analyze", "--json", str(text)], True)]
        survived = 0
        for args, full in runs:
            err = io.StringIO()
            stdout = sys.stdout
            try:
                with contextlib.ExitStack() as stack:
                    if full:
                        sys.stdout = stack.enter_context(open("/dev/full", "w"))
                    stack.enter_context(contextlib.redirect_stderr(err))
                    status = main(args)
            except Exception:
                status = -1
            finally:
                sys.stdout = stdout
            lines = err.getvalue().splitlines()
            survived += status == 2 and len(lines) == 1 and lines[0].startswith("dushu: error: ")
        return len(runs), survived


AREAS: dict[str, Callable[[], tuple[int, int]]] = {
    "GIFT export": cases_gift,
    "Moodle XML export": cases_moodle_xml,
    "quiz-set files": cases_quiz_file,
    "terminal quiz": cases_quiz_runner,
    "known words (.apkg)": cases_known_words,
    "command-line output": cases_cli_output,
}


def main() -> int:
    """Print cases tried and survived per area."""
    total_tried = total_survived = 0
    for area, cases in AREAS.items():
        tried, survived = cases()
        total_tried += tried
        total_survived += survived
        print(f"{area:24} {survived:6} / {tried:<6} survived")
    print(f"{'all':24} {total_survived:6} / {total_tried:<6} survived")
    return 0 if total_survived == total_tried else 1


if __name__ == "__main__":
    raise SystemExit(main())
