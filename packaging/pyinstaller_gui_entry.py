"""PyInstaller entry point of `dushu-gui`: the desktop app only (a windowed program on Windows and macOS)."""

import sys

from dushu.cli import main_gui

if __name__ == "__main__":
    sys.exit(main_gui())
