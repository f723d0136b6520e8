"""Quiz quality by automatic checks: quiz sets from the dev texts, the sample and odd texts, counted.

For each text (the dev texts in ../shared/bench/facts/texts when they are here, the bundled sample,
and a few odd texts written for this script) it generates quiz sets of `-n` questions with a few
seeds through `generate_quiz`, checks each with `_quiz_checks.check_quiz`, and saves and loads each
set again. It then runs `dushu quizset` once per text, as a user would, and loads the .toml it wrote.

Printed per text and in total: answers not stated in the text, repeated options, options of mixed
kinds, more than one right option, facts asked twice, altered quotes, the share of true/false items
keyed true (expect about half) and the share of word-meaning questions (at most 40%), then sets that
failed (an exception, an error from the saver, an empty set without a message). A benchmark, not a
test: it always exits 0. `-v` lists every finding with its question.

    python benchmarks/quiz_quality.py [-n 25] [--seeds 0,1,2] [-v] [--no-cli]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _quiz_checks import CHECKS, SetReport, check_quiz, document_of
from _shared import child_env, shared_dir
from dushu.core import analyze
from dushu.core.models import Analysis
from dushu.core.quiz import QuizSet, dumps_quiz_set, generate_quiz, load_quiz_set, loads_quiz_set
from dushu.core.sample import sample_text, sample_title
from dushu.errors import DushuError

# Texts written for this benchmark: the cases rule 7 of issue 10 names (invented people and places).
_ODD_TEXTS = {
    "odd-repeated": "2019年4月3日，青禾鎮在河邊開了一家新圖書館。" * 20,
    "odd-no-dates": (
        "青禾鎮的圖書館在河邊。館長說，由於很多孩子放學後沒有地方看書，館裏增加了兒童閱覽室。"
        "為了讓老人也能來，圖書館在門口修了一條坡道。附近的學校常常帶學生來參觀，"
        "他們在這裏借書、寫功課，也和館員聊天。"
    ),
    "odd-one-person": (
        "2021年3月，青禾鎮鎮長林海帆宣佈興建新的圖書館。同年9月，圖書館動工。"
        "2022年6月，林海帆主持開幕儀式，並表示圖書館將免費開放。"
        "2023年1月，圖書館增設兒童閱覽室，目的是讓孩子放學後有地方看書。"
    ),
    "odd-very-short": "今天下雨。",
    "odd-english-only": (
        "The town library opened in March 2021. Its first director, Mary Lane, said that children "
        "needed a quiet place to read after school."
    ),
}


@dataclass(slots=True)
class _Tally:
    """The figures of one text (or of all), summed over its seeds."""

    sets: int = 0
    questions: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))
    truefalse: int = 0
    true_items: int = 0
    vocabulary: int = 0
    flagged: int = 0  # questions with at least one finding
    mixed_meanings: int = 0  # mixed-kind findings that are word meanings
    failed: int = 0  # an exception, or a set the saver could not write and read back
    empty: int = 0  # no questions (with or without a message)
    notes: list[str] = field(default_factory=list)

    def add(self, report: SetReport) -> None:
        self.sets += 1
        self.questions += report.questions
        for check in CHECKS:
            self.counts[check] += report.count(check)
        self.truefalse += report.truefalse
        self.true_items += report.true_items
        self.vocabulary += report.vocabulary
        self.flagged += report.flagged
        self.mixed_meanings += report.mixed_meanings

    def merge(self, other: _Tally) -> None:
        self.sets += other.sets
        self.questions += other.questions
        for check in CHECKS:
            self.counts[check] += other.counts[check]
        self.truefalse += other.truefalse
        self.true_items += other.true_items
        self.vocabulary += other.vocabulary
        self.flagged += other.flagged
        self.mixed_meanings += other.mixed_meanings
        self.failed += other.failed
        self.empty += other.empty


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _texts() -> list[tuple[str, str]]:
    """(name, text) of every text measured: dev texts, the sample, the odd texts."""
    texts: list[tuple[str, str]] = []
    shared = shared_dir()
    folder = shared / "bench" / "facts" / "texts" if shared else None
    if folder is not None and folder.is_dir():
        texts += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    else:
        print("note: ../shared/bench/facts/texts is not here: the dev texts are skipped")
    texts.append(("sample", sample_text()))
    texts += list(_ODD_TEXTS.items())
    return texts


def _round_trip(quiz: QuizSet) -> str:
    """ "" when the set saves and loads back unchanged, else what went wrong."""
    try:
        loaded = loads_quiz_set(dumps_quiz_set(quiz), "generated set")
    except Exception as exc:  # the saver must never fail: report whatever it raises
        return f"save/load: {type(exc).__name__}: {exc}"
    if loaded.questions != quiz.questions:
        return "save/load: the questions came back different"
    return ""


def _measure_text(
    name: str, analysis: Analysis, n: int, seeds: list[int], verbose: bool, show: Callable[[str], None]
) -> _Tally:
    tally = _Tally()
    doc = document_of(analysis)
    for seed in seeds:
        try:
            quiz = generate_quiz(analysis, n=n, seed=seed)
        except DushuError as exc:
            tally.empty += 1
            tally.notes.append(f"seed {seed}: message: {exc}")
            continue
        except Exception:  # a generator crash is what this counts
            tally.failed += 1
            tally.notes.append(f"seed {seed}: {traceback.format_exc(limit=2).strip().splitlines()[-1]}")
            continue
        if not quiz.questions:
            tally.empty += 1
            tally.notes.append(f"seed {seed}: empty set, no message")
            continue
        problem = _round_trip(quiz)
        if problem:
            tally.failed += 1
            tally.notes.append(f"seed {seed}: {problem}")
        report = check_quiz(quiz, doc)
        tally.add(report)
        if verbose:
            by_id = {q.id: q for q in quiz.questions}
            for f in report.findings:
                q = by_id[f.question]
                prompt = " ".join(q.prompt.split())
                show(f"  {name} seed {seed} {f.question} [{f.check}] {f.detail}")
                show(f"      {q.type}: {prompt[:160]}")
    return tally


def _cli_run(name: str, text: str, n: int, folder: Path) -> str:
    """Run `dushu quizset` on the text; "" when it wrote a set that loads (or said clearly why not)."""
    src = folder / f"{name}.txt"
    out = folder / f"{name}.toml"
    src.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "dushu", "quizset", str(src), "-o", str(out), "--questions", str(n)],
        capture_output=True,
        text=True,
        env=child_env(DUSHU_HOME=str(folder / "home")),
        check=False,
    )
    errors = [line for line in run.stderr.splitlines() if line.startswith("dushu: error:")]
    if run.returncode == 2 and len(errors) == 1 and "Traceback" not in run.stderr:
        return f"message: {errors[0]}"
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["(no output)"]
        return f"ERROR exit {run.returncode}: {tail[0]}"
    try:
        loaded = load_quiz_set(out)
    except Exception as exc:  # a set Dushu wrote must load: count whatever it raises
        return f"ERROR the saved set does not load: {type(exc).__name__}: {exc}"
    return "" if loaded.questions else "ERROR the saved set is empty"


def main() -> None:
    """Generate, check and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=25, help="questions per set (default 25)")
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated seeds (default 0,1,2)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every finding")
    parser.add_argument("--no-cli", action="store_true", help="skip the `dushu quizset` runs")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]

    from dushu.storage.toolkit import open_toolkit

    toolkit = open_toolkit()
    texts = _texts()
    lines: list[str] = []
    tallies: list[tuple[str, _Tally, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts:
            title = sample_title() if name == "sample" else ""
            try:
                analysis = analyze(text, toolkit, title=title, source=f"{name}.txt")
            except Exception:  # the analysis of an odd text must not fail either
                tally = _Tally(
                    failed=len(seeds), notes=[traceback.format_exc(limit=2).strip().splitlines()[-1]]
                )
            else:
                tally = _measure_text(name, analysis, args.n, seeds, args.verbose, lines.append)
            cli = "" if args.no_cli else _cli_run(name, text, args.n, Path(tmp))
            if cli.startswith("ERROR"):
                tally.failed += 1
            tallies.append((name, tally, cli))
    if lines:
        print("Findings:")
        print("\n".join(lines))
        print()
    _print_table(tallies, args.n, seeds)
    sys.stdout.flush()
    os._exit(0)  # a benchmark: the figures are the output, not the exit status


def _print_table(tallies: list[tuple[str, _Tally, str]], n: int, seeds: list[int]) -> None:
    heads = (
        "sets",
        "qs",
        "bad",
        "notin",
        "rep",
        "mixed",
        "2right",
        "dup",
        "quote",
        "tf",
        "true",
        "vocab",
        "fail",
    )
    print(f"Quiz quality: {n} questions a set, seeds {','.join(map(str, seeds))}")
    print(f"{'text':<26}" + "".join(f"{h:>7}" for h in heads))
    total = _Tally()
    for name, t, _cli in tallies:
        total.merge(t)
        _row(name, t)
    print("-" * (26 + 7 * len(heads)))
    _row("total", total)
    print()
    print(
        "bad = questions with at least one finding; notin = answers not stated in the text;\n"
        "rep = options repeated; mixed = options of mixed kind; 2right = more than one right option;\n"
        "dup = a fact asked twice; quote = altered quotes; give = another question shows the answer\n"
        "(extra, not one of issue 10's counts); tf = true/false items, true = share of them\n"
        "keyed true (expect ~50%); vocab = share of word questions, meaning or reading (at most 40%);\n"
        "fail = sets that raised or did not save and load back, and `dushu quizset` runs that failed."
    )
    print(
        f"Of the mixed-kind questions, {total.mixed_meanings} are word meanings (verbs among other parts "
        f"of speech), {total.counts['mixed_kind'] - total.mixed_meanings} are facts."
    )
    print(
        f"Bars (issue 10): every count 0 except the shares (give is extra); now "
        f"{total.flagged} of {total.questions} questions flagged ({_share(total.flagged, total.questions)}), "
        f"vocabulary {_share(total.vocabulary, total.questions)}, "
        f"true {_share(total.true_items, total.truefalse)}"
    )
    notes = [(name, t.notes, cli) for name, t, cli in tallies if t.notes or cli]
    if notes:
        print("\nSets without questions, failures and `dushu quizset` messages:")
        for name, items, cli in notes:
            for item in items:
                print(f"  {name}: {item}")
            if cli:
                print(f"  {name}: dushu quizset: {cli}")


def _row(name: str, t: _Tally) -> None:
    cells = [
        t.sets,
        t.questions,
        t.flagged,
        *(t.counts[c] for c in CHECKS),
        t.truefalse,
        _share(t.true_items, t.truefalse),
        _share(t.vocabulary, t.questions),
        t.failed,
    ]
    print(f"{name:<26}" + "".join(f"{c!s:>7}" for c in cells))


if __name__ == "__main__":
    main()
