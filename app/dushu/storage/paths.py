"""Where Dushu keeps its files: platformdirs folders, or under $DUSHU_HOME / $DUSHU_CACHE_DIR when set."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from dushu.errors import DushuError

APP_NAME = "dushu"


def _home() -> Path | None:
    value = os.environ.get("DUSHU_HOME", "").strip()
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DushuError(f"cannot use the folder {path}: {exc.strerror or exc}") from None
    return path


def data_dir() -> Path:
    """The user's documents library, their words and settings that matter (kept across updates)."""
    home = _home()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    """Preferences."""
    home = _home()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def cache_dir() -> Path:
    """Rebuildable files: the dictionary index and jieba's prefix dictionary ($DUSHU_CACHE_DIR wins)."""
    override = os.environ.get("DUSHU_CACHE_DIR", "").strip()
    if override:
        return _ensure(Path(override).expanduser())
    home = _home()
    return _ensure(home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))
