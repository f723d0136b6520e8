"""Shared fixtures: an isolated Dushu home per test and one dictionary index per test session."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dushu.core import Analysis, Toolkit, analyze


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    # The index takes seconds to build: build it once per run, never in the user's real cache.
    cache = tmp_path_factory.mktemp("dushu-cache")
    old = os.environ.get("DUSHU_CACHE_DIR")
    os.environ["DUSHU_CACHE_DIR"] = str(cache)
    yield cache
    if old is None:
        os.environ.pop("DUSHU_CACHE_DIR", None)
    else:
        os.environ["DUSHU_CACHE_DIR"] = old


@pytest.fixture(autouse=True)
def _dushu_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "dushu-home"
    monkeypatch.setenv("DUSHU_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def toolkit(_session_cache: Path) -> Toolkit:
    """A ready toolkit (segmenter, readings, lexicon) shared by the whole session."""
    from dushu.storage.toolkit import open_toolkit

    return open_toolkit()


@pytest.fixture(scope="session")
def analyze_text(toolkit: Toolkit) -> Callable[[str], Analysis]:
    """Analyse a text with the shared toolkit."""

    def run(text: str) -> Analysis:
        return analyze(text, toolkit)

    return run
