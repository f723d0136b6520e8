"""Fixtures for the Anki export tests: the hand-made sample analysis."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dushu.core.models import Analysis


def load_sample() -> ModuleType:
    """The anki_sample helper module (test modules cannot import each other in importlib mode)."""
    path = Path(__file__).with_name("anki_sample.py")
    spec = importlib.util.spec_from_file_location("dushu_tests_anki_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample() -> ModuleType:
    """The sample module: build_analysis(), the hostile strings, the lexicon."""
    return load_sample()


@pytest.fixture
def analysis(sample: ModuleType) -> Analysis:
    """The sample analysis: four sentences, fourteen words, events, a cause, terms and a person."""
    result: Analysis = sample.build_analysis()
    return result
