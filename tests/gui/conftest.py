"""GUI test set-up: offscreen Qt, a private data folder per test, one dictionary index per session."""

from __future__ import annotations

import os

# Before anything imports Qt: no display is needed, and screenshots stay faithful.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dushu.core.toolkit import Toolkit

ToolkitLoader = Callable[[Any, list[str], list[str]], Toolkit]


@pytest.fixture(autouse=True)
def dushu_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data, config and cache folders (nothing touches the user's)."""
    home = tmp_path / "dushu-home"
    home.mkdir()
    monkeypatch.setenv("DUSHU_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One dictionary index and jieba cache for the whole session (building it takes seconds)."""
    return tmp_path_factory.mktemp("dushu-cache")


@pytest.fixture(scope="session", autouse=True)
def cjk_font_present(qapp: Any) -> None:
    """Every GUI test needs a Chinese font: without one the reader paints empty boxes."""
    from dushu.gui.fonts import cjk_families

    if not cjk_families():
        pytest.fail(
            "No CJK font is installed, so Chinese text cannot be shown or tested. "
            "Install one, e.g. `apt-get install fonts-noto-cjk`, and run the tests again.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def toolkit_loader(shared_cache: Path) -> ToolkitLoader:
    """Builds a fresh toolkit (own segmenter, so user words stay within a test) on the shared cache."""
    from dushu.core.toolkit import build_toolkit
    from dushu.core.wordlists import bundled_names
    from dushu.storage.lexicon import open_lexicon

    def load(task: Any, merged: list[str], split: list[str]) -> Toolkit:
        lexicon = open_lexicon(shared_cache)
        toolkit = build_toolkit(str(shared_cache), lexicon, bundled_names(), merged)
        for word in split:
            toolkit.segmenter.remove_user_word(word)
        return toolkit

    return load


@pytest.fixture(scope="session")
def shared_toolkit(toolkit_loader: ToolkitLoader) -> Toolkit:
    """A toolkit for tests that do not change the segmentation."""
    return toolkit_loader(None, [], [])


@pytest.fixture
def make_window(qtbot: Any, shared_toolkit: Toolkit, toolkit_loader: ToolkitLoader) -> Iterator[Any]:
    """Make a main window on a library in the test's folder; jobs run at once (SyncTaskRunner)."""
    from dushu.gui.main_window import MainWindow
    from dushu.gui.tasks import SyncTaskRunner
    from dushu.storage.library import open_library

    libraries: list[Any] = []
    windows: list[Any] = []

    def make(*, fresh_toolkit: bool = False, runner: Any = None, start: bool = True) -> MainWindow:
        library, _ = open_library()
        libraries.append(library)
        window = MainWindow(
            library,
            runner or SyncTaskRunner(),
            toolkit=None if fresh_toolkit else shared_toolkit,
            toolkit_loader=toolkit_loader,
        )
        window.resize(1200, 800)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        if start:
            window.start(None)
        return window

    yield make
    for window in windows:
        window.close()  # saves the reading position while the library is still open
        window.runner.wait(10_000)
    for library in libraries:
        library.close()
