"""The `dushu` command: the GUI by default, subcommands for the batch jobs."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from dushu import __version__
from dushu.atomicfile import atomic_text_file, write_text_atomically
from dushu.errors import Cancelled, DushuError, InputFileError

SUBCOMMANDS = ("gui", "segment", "analyze", "deck", "quizset", "export-quiz", "quiz", "library")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one `dushu: error:` line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"dushu: error: {message}\n")


def _document_date(value: str) -> str:
    """argparse type of `--date`: one calendar day, written YYYY-MM-DD."""
    from dushu.core.facts.dates import parse_document_date

    try:
        return parse_document_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_date_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--date",
        type=_document_date,
        metavar="YYYY-MM-DD",
        help="the text's own date (published): 今天, 昨日, 去年 count from it (default: its dateline)",
    )


def _add_user_data_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-user-data",
        action="store_true",
        help="leave out what you changed in the app (meanings, fact edits, known, merged and split "
        "words, the text's date): the result a fresh install would give",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface (documented in the README; other tools rely on it)."""
    parser = _Parser(
        prog="dushu",
        description="Read Chinese texts with readings and a dictionary; make flashcards, quizzes and "
        "Anki decks. Without a command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"dushu {__version__}")
    parser.add_argument(
        "--quiz", metavar="SET.toml", help="open the app on a quiz set (a teacher's .toml file) to take it"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("gui", help="open the desktop app (the default)")
    p.add_argument("file", nargs="?", help="a text file to open")

    p = sub.add_parser("segment", help="print each line of FILE with its words separated by spaces")
    p.add_argument("file", help="a text file (any common Chinese encoding), or - for standard input")

    p = sub.add_parser("analyze", help="analyse FILE: sentences, words with pinyin, vocabulary, facts")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON (schema dushu.analysis/1)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument(
        "--reading",
        choices=("marks", "numbers", "zhuyin"),
        default="marks",
        help="how readings are written: tone marks (nián, the default), tone numbers (nian2) or zhuyin",
    )
    _add_date_option(p)

    p = sub.add_parser("deck", help="export an Anki deck (.apkg) or a CSV/TSV word list from FILE")
    p.add_argument("file", help="a text file")
    p.add_argument("-o", "--output", help="the .apkg (or .csv/.tsv) file to write")
    p.add_argument(
        "--to-anki",
        action="store_true",
        help="send the notes to the running Anki (AnkiConnect add-on) instead of a file: Dushu's fields "
        "are updated in place, your own fields (Audio), tags and reviews are kept",
    )
    p.add_argument("--anki-url", metavar="URL", help="AnkiConnect's address (default http://127.0.0.1:8765)")
    p.add_argument("--deck", help="deck name (default: the text's title)")
    p.add_argument("--include", default="vocab,facts,cloze", help="comma-separated: vocab, facts, cloze")
    p.add_argument("--min-hsk", type=int, metavar="N", help="only words of HSK level N or above (7 = 7-9)")
    p.add_argument(
        "--known", metavar="FILE", help="known words to skip: one per line, or an Anki .apkg/.colpkg"
    )
    p.add_argument(
        "--format", choices=("apkg", "csv", "tsv"), help="output format (default from -o's suffix)"
    )
    _add_date_option(p)
    _add_user_data_option(p)

    p = sub.add_parser("quizset", help="generate a quiz set (TOML) from FILE")
    p.add_argument("file", help="a text file")
    p.add_argument("-o", "--output", required=True, help="the quiz set to write (.toml)")
    p.add_argument("--questions", type=int, default=25, metavar="N", help="how many questions (default 25)")
    p.add_argument(
        "--types",
        help="comma-separated question types: choice, truefalse, cloze, order, match, short, vocabulary",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (the same seed gives the same set)")
    _add_date_option(p)
    _add_user_data_option(p)

    p = sub.add_parser("export-quiz", help="export a quiz set to GIFT, Moodle XML or CSV")
    p.add_argument("quizset", help="a quiz set (.toml)")
    p.add_argument("--format", required=True, choices=("gift", "moodle-xml", "csv"))
    p.add_argument("-o", "--output", required=True, help="the file to write")

    p = sub.add_parser("quiz", help="take a quiz set in the terminal")
    p.add_argument("quizset", help="a quiz set (.toml)")
    p.add_argument("--seed", type=int, help="shuffle seed (default: random)")
    p.add_argument("--name", default="", help="your name, for the results record")

    from dushu.library_cli import add_library_parser

    add_library_parser(sub)
    return parser


def entry() -> NoReturn:
    """The `dushu` command and `python -m dushu`: `main`, then, after a batch command, an exit that
    leaves freeing memory to the system (a book's millions of objects take a second to free one by
    one). Output is flushed first; the app exits the ordinary way."""
    status = main()
    if _state["gui"]:
        raise SystemExit(status)
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # a windowed build has no console streams
            continue
        try:
            stream.flush()
        except (OSError, ValueError) as exc:
            status = status or 120  # what Python's own exit gives when the last write fails
            if stream is sys.stdout and not isinstance(exc, BrokenPipeError):
                _say_stdout_failed(exc)
    os._exit(status)


def _say_stdout_failed(exc: BaseException) -> None:
    """One line on stderr for output that could not be written (a full disk, a closed console)."""
    reason = getattr(exc, "strerror", None) or exc
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr gone too: nothing to say
        print(f"dushu: error: cannot write to standard output ({reason})", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _to_stdout() -> Iterator[None]:
    """Writing to standard output: a full disk becomes one `dushu: error:` line, not a traceback."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader left (`dushu segment | head`): not an error, see _run_command
    except OSError as exc:
        # What could not be written stays in the buffer: send it nowhere, so the exit does not
        # fail a second time on it.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise DushuError(f"cannot write to standard output ({exc.strerror or exc})") from None


def _check_output(path: str | None) -> None:
    """Refuse an output path that names a folder before any work is done: `-o deck.apkg/` would
    otherwise lose its slash on the way and write deck.apkg."""
    if path is None or path == "-":
        return
    separators = tuple(sep for sep in (os.sep, os.altsep, "/") if sep)
    if path.endswith(separators) or Path(path).is_dir():
        raise DushuError(f"{path}: is a folder, not a file; give the name of the file to write")


# Whether this run opened the app (which then exits the ordinary way).
_state = {"gui": False}


def _opens_gui(args_list: Sequence[str]) -> bool:
    """True when the arguments ask for the app rather than a command (none, or just a file);
    `--quiz FILE.toml` goes through the parser."""
    return not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _opens_gui(args_list):
        return _run_gui(args_list[0] if args_list else None)
    parser = build_parser()
    args = parser.parse_args(args_list)
    for stream in (sys.stdout, sys.stderr):
        # Chinese text and JSON are UTF-8 whatever the console's code page (cp1252, GBK on Windows).
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    if args.quiz is not None and not args.quiz.strip():
        parser.error("argument --quiz: expected a quiz-set file")
    if args.command is None and args.quiz:
        return _run_gui(args.quiz, quiz=True)
    if args.command is None or args.command == "gui":
        return _run_gui(getattr(args, "file", None))
    # A batch command makes millions of objects and no reference cycles worth collecting: Python's
    # cycle collector would walk them all again and again (a quarter of the time of a book).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_command(args)
    finally:
        if collecting:
            gc.enable()


def _run_command(args: argparse.Namespace) -> int:
    """Run a batch command, turning the errors a user can cause into one line and an exit status."""
    try:
        handler = {
            "segment": _cmd_segment,
            "analyze": _cmd_analyze,
            "deck": _cmd_deck,
            "quizset": _cmd_quizset,
            "export-quiz": _cmd_export_quiz,
            "quiz": _cmd_quiz,
            "library": _cmd_library,
        }[args.command]
        return handler(args)
    except DushuError as exc:
        print(f"dushu: error: {exc}", file=sys.stderr)
        return 2
    except Cancelled:
        return 130
    except KeyboardInterrupt:
        print("dushu: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `dushu segment big.txt | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def main_gui() -> int:
    """Entry point of the `dushu-gui` launcher."""
    return _run_gui(sys.argv[1] if len(sys.argv) > 1 else None)


def _run_gui(path: str | None, quiz: bool = False) -> int:
    _state["gui"] = True
    if path is not None and not Path(path).exists():
        print(f"dushu: error: {path}: no such file (run 'dushu --help' for the commands)", file=sys.stderr)
        return 2
    from dushu.gui.platform_check import xcb_problem

    problem = xcb_problem()  # before Qt starts: Qt's own message aborts and may name the wrong library
    if problem:
        print(f"dushu: error: the desktop app cannot start: {problem}", file=sys.stderr)
        return 2
    try:
        from dushu.gui.app import run
    except ImportError as exc:
        print(f"dushu: error: the desktop app cannot start: {exc}", file=sys.stderr)
        return 2
    if quiz:
        return int(run(sys.argv[:1], quiz_path=path))
    return int(run(sys.argv[:1], open_path=path))


def _read_input(file: str) -> tuple[str, str]:
    """The decoded text and a title for FILE ('-' reads standard input)."""
    from dushu.core.loading import decode_input, read_text_file

    if file == "-":
        loaded, title = decode_input(sys.stdin.buffer.read(), "standard input"), "standard input"
    else:
        loaded, title = read_text_file(file), Path(file).stem
    if loaded.warning:
        _warn(loaded.warning)
    return loaded.text, title


def _open_toolkit(user_data: bool = True) -> Any:
    """The toolkit with the words the user merged or split in the app applied (unless `user_data`
    is false)."""
    from dushu.storage.toolkit import open_toolkit, saved_user_words

    merged, split = saved_user_words(_warn) if user_data else ([], [])
    return open_toolkit(user_words=merged, split_words=split)


def _warn(message: str) -> None:
    """One line on standard error for something the user must know that does not stop the command."""
    print(f"dushu: warning: {' '.join(message.split())}", file=sys.stderr)


def _analyze_file(file: str, document_date: str = "") -> Any:
    from dushu.core import analyze

    text, title = _read_input(file)
    return analyze(
        text, _open_toolkit(), title=title, source=file, workers=_workers(), document_date=document_date
    )


def _analyze_with_edits(args: argparse.Namespace) -> tuple[Any, Any]:
    """The analysis of `args.file` with the user's edits from the app applied as the app applies
    them (`dushu.core.edits.apply_edits`), and those edits; `--no-user-data` leaves them out."""
    from dushu.core import analyze
    from dushu.core.edits import NO_EDITS, apply_edits

    text, title = _read_input(args.file)
    if args.no_user_data:
        edits = NO_EDITS
    else:
        from dushu.storage.edits import saved_edits

        edits = saved_edits(text, _warn)
    analysis = analyze(
        text,
        _open_toolkit(user_data=not args.no_user_data),
        title=title,
        source=args.file,
        workers=_workers(),
        # The date the user gave the text in the app counts as its own, as in the app; --date wins.
        document_date=args.date or edits.published,
    )
    return apply_edits(analysis, edits), edits


def _workers() -> int:
    """Worker processes for long texts: the command line is single-threaded, so it may use the cores."""
    return min(4, os.cpu_count() or 1)


def _write_output(content: str, output: str | None) -> None:
    if output is None or output == "-":
        with _to_stdout():
            sys.stdout.write(content)
        return
    write_text_atomically(output, content, InputFileError)


def _cmd_segment(args: argparse.Namespace) -> int:
    from dushu.core.analysis import tokenize
    from dushu.core.sentences import split_sentences

    text, _ = _read_input(args.file)
    tokens = tokenize(text, None, split_sentences(text), _open_toolkit())
    lines: list[list[str]] = [[]]
    for tok in tokens:
        if tok.pos == "ws":
            # A whitespace token may hold line breaks: each one starts a new output line.
            for _ in range(tok.text.count("\n")):
                lines.append([])
        else:
            lines[-1].append(tok.text)
    if text.endswith("\n"):
        lines.pop()
    _write_output("".join(" ".join(words) + "\n" for words in lines), None)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    _check_output(args.output)
    analysis = _analyze_file(args.file, args.date or "")
    if not args.json:
        _write_output(_summary(analysis, args.reading), args.output)
        return 0
    from dushu.core.jsonio import write_analysis_json

    if args.output is None or args.output == "-":
        with _to_stdout():
            write_analysis_json(analysis, sys.stdout, args.reading, workers=_workers())
    else:
        with atomic_text_file(args.output, InputFileError) as fh:
            # The helper's part goes beside the output: a book's JSON may not fit a small /tmp.
            spool = str(Path(args.output).resolve().parent)
            write_analysis_json(analysis, fh, args.reading, workers=_workers(), spool_dir=spool)
    return 0


def _summary(analysis: Any, reading: str = "marks") -> str:
    from dushu.core.jsonio import reading_styler

    style = reading_styler(reading)
    chinese = [t for t in analysis.tokens if t.is_chinese]
    out = [
        f"{analysis.title or 'text'}: {len(analysis.text)} characters, {len(analysis.sentences)} sentences, "
        f"{len(chinese)} Chinese words ({len(analysis.vocabulary)} distinct), script {analysis.script.value}",
        f"facts {len(analysis.facts)}, glossary {len(analysis.glossary)}, people {len(analysis.people)}",
        "",
        "First words to study:",
    ]
    for v in analysis.vocabulary[:20]:
        meaning = v.definitions[0].meanings[0] if v.definitions and v.definitions[0].meanings else ""
        hsk = f"HSK {v.hsk if v.hsk != 7 else '7-9'}" if v.hsk else "-"
        out.append(f"  {v.word}\t{' '.join(style(x) for x in v.pinyin)}\t{hsk}\t×{v.count}\t{meaning}")
    return "\n".join(out) + "\n"


def _cmd_deck(args: argparse.Namespace) -> int:
    from dushu.export.anki import export_deck
    from dushu.export.known_words import read_known_words

    if args.to_anki:
        return _push_deck(args)
    if not args.output:
        raise DushuError("give the file to write with -o OUT.apkg (or send the notes to Anki with --to-anki)")
    _check_output(args.output)
    fmt = args.format or (Path(args.output).suffix.lower().lstrip(".") or "apkg")
    if fmt == "txt":
        fmt = "tsv"
    if fmt not in ("apkg", "csv", "tsv"):
        raise DushuError(f"{args.output}: choose --format apkg, csv or tsv (cannot tell from the name)")
    known_from_file = read_known_words(args.known) if args.known else set()
    analysis, edits = _analyze_with_edits(args)
    # Words marked known in the app are skipped too, as well as those in --known.
    known = set(edits.known) | known_from_file
    summary = export_deck(
        analysis,
        args.output,
        deck_name=args.deck,
        include=[part.strip() for part in args.include.split(",") if part.strip()],
        min_hsk=args.min_hsk,
        known_words=known,
        fmt=fmt,
    )
    skipped = []
    if summary.skipped_known:
        skipped.append(_count(summary.skipped_known, "known word"))
    if summary.skipped_below_hsk:
        skipped.append(_count(summary.skipped_below_hsk, "word") + f" below HSK {args.min_hsk}")
    print(
        f"{summary.path}: deck {summary.deck_name!r}, {_count(summary.vocab_notes, 'word')}, "
        f"{_count(summary.fact_notes, 'fact')}, {_count(summary.cloze_notes, 'cloze note')}, "
        f"{_count(summary.cards, 'card')}" + (f" (skipped {' and '.join(skipped)})" if skipped else ""),
        file=sys.stderr,
    )
    return 0


def _push_deck(args: argparse.Namespace) -> int:
    """`dushu deck FILE --to-anki`: the notes go to the running Anki through AnkiConnect."""
    from dushu.export.ankiconnect import DEFAULT_URL, push_deck
    from dushu.export.known_words import read_known_words
    from dushu.storage.paths import cache_dir

    if args.output or args.format:
        raise DushuError("--to-anki sends the notes to Anki: leave out -o and --format")
    known_from_file = read_known_words(args.known) if args.known else set()
    analysis, edits = _analyze_with_edits(args)
    summary = push_deck(
        analysis,
        url=args.anki_url or DEFAULT_URL,
        deck_name=args.deck,
        include=[part.strip() for part in args.include.split(",") if part.strip()],
        min_hsk=args.min_hsk,
        known_words=set(edits.known) | known_from_file,
        # New notes travel as a package Anki reads from disk: a folder in the user's home, which a
        # sandboxed Anki (Flatpak, Snap) can see where it may not see /tmp.
        spool_dir=cache_dir(),
    )
    print(
        f"Anki: deck {summary.deck_name!r}: {_count(summary.added, 'note')} added, "
        f"{summary.updated} updated, {summary.unchanged} already up to date "
        f"({_count(summary.vocab_notes, 'word')}, {_count(summary.fact_notes, 'fact')}, "
        f"{_count(summary.cloze_notes, 'cloze note')}); your own fields and tags were kept",
        file=sys.stderr,
    )
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _cmd_quizset(args: argparse.Namespace) -> int:
    from dushu.core.quiz import generate_quiz, save_quiz_set

    if args.questions < 1:
        raise DushuError(f"--questions must be at least 1, not {args.questions}")
    _check_output(args.output)
    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    analysis, _ = _analyze_with_edits(args)
    quiz = generate_quiz(analysis, n=args.questions, types=types, seed=args.seed)
    if not quiz.questions:
        raise DushuError(f"{args.file}: found nothing to ask about (no dated events, terms, people or words)")
    save_quiz_set(quiz, args.output)
    print(f"{args.output}: {len(quiz.questions)} questions", file=sys.stderr)
    return 0


def _cmd_export_quiz(args: argparse.Namespace) -> int:
    from dushu.core.quiz import load_quiz_set
    from dushu.export.quiz_formats import write_quiz_export

    _check_output(args.output)
    write_quiz_export(load_quiz_set(args.quizset), args.format, args.output)
    return 0


def _cmd_library(args: argparse.Namespace) -> int:
    from dushu.library_cli import run_library_command

    if args.library_command == "export":
        _check_output(args.file)
    return run_library_command(args)


def _cmd_quiz(args: argparse.Namespace) -> int:
    from dushu.core.quiz import load_quiz_set
    from dushu.core.quiz.engine import run_terminal_quiz

    quiz = load_quiz_set(args.quizset)
    with _to_stdout():
        result = run_terminal_quiz(quiz, input, print, args.seed, who=args.name)
    return 0 if result.passed else 1
