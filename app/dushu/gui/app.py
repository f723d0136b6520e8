"""Starting the desktop app: `run(argv, open_path)` shows the window first, then loads in the background."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import resources
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from dushu import __version__
from dushu.gui.fonts import has_cjk_font, no_cjk_font_message
from dushu.gui.i18n import install_language, resolve_language
from dushu.gui.main_window import MainWindow
from dushu.gui.settings import load_settings
from dushu.gui.tasks import ThreadTaskRunner
from dushu.storage.library import LibraryError, open_library

__all__ = ["APP_ID", "app_icon", "create_application", "run", "slot_error_hook"]

APP_ID = "io.github.dushu.Dushu"  # the .desktop file and AppStream id


def app_icon() -> QIcon:
    """The application icon (the SVG in resources/icons)."""
    with resources.as_file(resources.files("dushu.resources").joinpath("icons/dushu.svg")) as path:
        return QIcon(str(path)) if path.is_file() else QIcon()


def create_application(argv: list[str]) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("Dushu")
    # Qt appends the display name to window titles that do not already end with it.
    app.setApplicationDisplayName("Dushu 讀書")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def slot_error_hook(window: MainWindow, previous: Callable[..., Any]) -> Callable[..., None]:
    """A `sys.excepthook` for the running app: an error raised in a slot (the library busy or damaged
    in the middle of a session, say) is shown in a dialog; only unexpected ones also reach `previous`
    (a traceback on stderr for the developers)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not window.report_exception(exc):
            previous(kind, exc, tb)

    return hook


def run(argv: list[str], open_path: str | None = None, quiz_path: str | None = None) -> int:
    """Open the desktop app (on `open_path`, the last document, or the sample on first start); with
    `quiz_path` (or a .toml `open_path`) the Quiz tab opens on that quiz set."""
    if quiz_path is None and open_path is not None and open_path.lower().endswith(".toml"):
        quiz_path, open_path = open_path, None
    app = create_application(argv)
    try:
        library, notice = open_library()
    except LibraryError as exc:
        QMessageBox.critical(None, "Dushu", str(exc))
        return 1
    settings = load_settings(library)
    install_language(resolve_language(settings.language))
    runner = ThreadTaskRunner()
    window = MainWindow(library, runner)
    window.show()
    if not has_cjk_font():
        window.show_error(no_cjk_font_message())
    if notice:
        window.show_error(notice)
    # Everything slow starts once the window is on screen.
    if quiz_path is not None:
        QTimer.singleShot(0, lambda: window.start_with_quiz(quiz_path))
    else:
        QTimer.singleShot(0, lambda: window.start(open_path))
    previous_hook = sys.excepthook
    sys.excepthook = slot_error_hook(window, previous_hook)
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
        runner.cancel_all()
        runner.wait(5000)
        library.close()
    return int(code)


def main() -> int:
    """`python -m dushu.gui.app [FILE]`."""
    args = sys.argv[1:]
    return run(sys.argv, args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
