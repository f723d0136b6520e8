"""The bundled sample text (an original article written for Dushu) that opens on first start."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _metadata() -> dict[str, str]:
    meta = resources.files("dushu.resources").joinpath("sample/sample.toml").read_text(encoding="utf-8")
    return {k: str(v) for k, v in tomllib.loads(meta).items()}


def sample_text() -> str:
    """The sample article (Traditional Chinese, about 2,800 characters)."""
    return resources.files("dushu.resources").joinpath("sample/sample.txt").read_text(encoding="utf-8")


def sample_title() -> str:
    """The sample's Chinese title."""
    return _metadata().get("title", "Dushu sample")


def sample_source() -> str:
    """Where the sample comes from, as the library shows it."""
    return _metadata().get("source", "Written for Dushu")
