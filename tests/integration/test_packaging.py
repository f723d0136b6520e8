"""A non-editable install carries every bundled file (sample, word lists, card templates, decks)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_the_bundled_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("dushu-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "dushu/__main__.py",
        "dushu/core/quiz/__init__.py",
        "dushu/resources/sample/sample.txt",
        "dushu/resources/sample/sample.toml",
        "dushu/resources/wordlists/names.tsv",
        "dushu/resources/anki/cards.css",
        "dushu/decks/us-japan-alliance-2015-2025.toml",
    ):
        assert required in names, f"{required} is missing from the wheel"
    assert not any(n.startswith(("app/", "tests/", "resources/")) for n in names)
