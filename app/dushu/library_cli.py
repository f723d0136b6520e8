"""`dushu library`: where the user's files are, and moving the library to another computer."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["add_library_parser", "run_library_command"]


def add_library_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """Add `dushu library where|export|import` to the command line."""
    p = sub.add_parser("library", help="where your files are; export or import your library")
    actions = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    actions.add_parser("where", help="print the folders Dushu keeps your library and its caches in")
    e = actions.add_parser("export", help="write your library (texts, words, settings) to one file")
    e.add_argument("file", help="the file to write, e.g. dushu-library.sqlite3")
    i = actions.add_parser("import", help="make an exported library yours (the old one is kept)")
    i.add_argument("file", help="a file written by 'dushu library export'")


def run_library_command(args: argparse.Namespace) -> int:
    """Run `dushu library ...`; errors a user can cause raise DushuError (printed by the caller)."""
    from dushu.storage.library import default_library_path
    from dushu.storage.paths import cache_dir
    from dushu.storage.transfer import export_library, import_library

    if args.library_command == "where":
        print(f"library:  {default_library_path()}")
        print(f"caches:   {cache_dir()} (rebuilt when missing)")
        return 0
    if args.library_command == "export":
        contents = export_library(args.file)
        print(f"{contents.path}: {contents.describe()}", file=sys.stderr)
        return 0
    contents = import_library(args.file)
    print(f"{contents.path}: now holds {contents.describe()}", file=sys.stderr)
    if contents.kept is not None:
        print(f"the library it replaced was kept as {contents.kept}", file=sys.stderr)
    return 0
