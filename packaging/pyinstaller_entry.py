"""PyInstaller entry point: the `dushu` command (the desktop app unless a subcommand is given)."""

from dushu.cli import entry

if __name__ == "__main__":
    entry()
