"""A non-editable install carries every bundled file (sample, word lists, card templates, decks)."""

from __future__ import annotations

import os
import shutil
import struct
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


PACKAGING = REPO / "packaging"
APP_ID = "io.github.dushu.Dushu"


def _version() -> str:
    import tomllib

    return str(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_desktop_entries_are_valid() -> None:
    tool = _tool("desktop-file-validate")
    entries = sorted(PACKAGING.glob("*.desktop"))
    assert {p.name for p in entries} == {f"{APP_ID}.desktop", f"{APP_ID}.Quiz.desktop"}
    result = subprocess.run([tool, *map(str, entries)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_valid_and_names_this_version() -> None:
    tool = _tool("appstreamcli")
    metainfo = PACKAGING / f"{APP_ID}.metainfo.xml"
    result = subprocess.run([tool, "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = metainfo.read_text(encoding="utf-8")
    assert f'<release version="{_version()}"' in text and f"<id>{APP_ID}</id>" in text


def test_windows_and_macos_builds_carry_this_version() -> None:
    version = _version()
    parts = ", ".join(version.split(".") + ["0"] * (4 - len(version.split("."))))
    info = (PACKAGING / "windows" / "version_info.txt").read_text(encoding="utf-8")
    assert f"filevers=({parts})" in info and f"'ProductVersion', '{version}'" in info
    assert f'version="{version}"' in (PACKAGING / "dushu.spec").read_text(encoding="utf-8")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_for_every_platform() -> None:
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size)
    assert (PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    ico = (PACKAGING / "icons" / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sizes = set()
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert _png_size(ico[offset : offset + length])[0] == (width or 256)
        sizes.add(width or 256)
    assert (reserved, kind) == (0, 1) and {16, 32, 48, 256} <= sizes
    icns = (PACKAGING / "icons" / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"icp4" in icns  # 1024 and 16 pixels


def test_quiz_sets_get_their_own_file_type(tmp_path: Path) -> None:
    # A fresh process with only Dushu's type added to a private MIME database: Qt's file-type
    # detection (what file managers do) tells a quiz set from other TOML files.
    tool = _tool("update-mime-database")
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(PACKAGING / f"{APP_ID}.mime.xml", packages / f"{APP_ID}.xml")
    subprocess.run([tool, str(packages.parent)], check=True, capture_output=True)
    quiz = tmp_path / "unit3.quiz.toml"
    quiz.write_bytes((REPO / "decks" / "sample-chip-supply-chains.toml").read_bytes())
    other = tmp_path / "settings.toml"
    other.write_text('name = "not a quiz"\n', encoding="utf-8")
    code = (
        "import sys; from PySide6.QtCore import QMimeDatabase; db = QMimeDatabase(); "
        "print(db.mimeTypeForFile(sys.argv[1]).name(), db.mimeTypeForFile(sys.argv[2]).name(), "
        "db.mimeTypeForData(open(sys.argv[3], 'rb').read()).name())"
    )
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    sample = REPO / "decks" / "us-japan-alliance-2015-2025.toml"  # any name: found by its content
    result = subprocess.run(
        [sys.executable, "-c", code, str(quiz), str(other), str(sample)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert result.stdout.split() == [
        "application/x-dushu-quiz",
        "application/toml",
        "application/x-dushu-quiz",
    ]


def test_the_desktop_entry_opens_files_and_the_quiz_entry_takes_quizzes() -> None:
    main_entry = (PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    quiz_entry = (PACKAGING / f"{APP_ID}.Quiz.desktop").read_text(encoding="utf-8")
    assert "Exec=dushu gui %f" in main_entry and "Icon=io.github.dushu.Dushu" in main_entry
    # A double-clicked quiz set opens the app on its Quiz tab (no terminal).
    assert "Exec=dushu --quiz %f" in quiz_entry and "MimeType=application/x-dushu-quiz;" in quiz_entry
    assert "Terminal=false" in quiz_entry


def test_ci_installs_exactly_the_readme_packages_plus_xvfb() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = [
        line for line in readme.splitlines() if "sudo apt-get install -y --no-install-recommends" in line
    ]
    assert len(lines) == 1, "the README must have one apt-get install line (.ci/run reads it)"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 's/^ *sudo apt-get install -y --no-install-recommends //p' README.md" in ci
    assert "for pkg in $readme_packages xvfb; do" in ci
    assert "check_window.py" in ci


def test_the_window_check_turns_the_screen_into_a_png() -> None:
    # packaging/check_window.py reads Xvfb's framebuffer file (XWD, 32 bits a pixel, B G R X).
    import importlib.util
    import zlib

    spec = importlib.util.spec_from_file_location("check_window", PACKAGING / "check_window.py")
    assert spec is not None and spec.loader is not None
    check_window = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_window)
    width, height, name = 2, 2, b"Xvfb screen\0"
    fields = [100 + len(name), 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32, 4 * width, 4]
    fields += [0xFF0000, 0xFF00, 0xFF, 8, 256, 0, width, height, 0, 0, 0]
    pixels = bytes([0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])  # red green / blue white
    png = check_window.xwd_to_png(struct.pack(">25I", *fields) + name + pixels)
    assert _png_size(png) == (2, 2)
    idat = png.index(b"IDAT")
    length = struct.unpack(">I", png[idat - 4 : idat])[0]
    rows = zlib.decompress(png[idat + 4 : idat + 4 + length])
    assert rows == b"\0" + bytes([255, 0, 0, 0, 255, 0]) + b"\0" + bytes([0, 0, 255, 255, 255, 255])
