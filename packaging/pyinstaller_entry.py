"""PyInstaller entry point: the `dushu` command (the desktop app unless a subcommand is given)."""

import sys

from dushu.cli import main

if __name__ == "__main__":
    sys.exit(main())
