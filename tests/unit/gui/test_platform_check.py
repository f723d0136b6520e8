"""Before Qt starts: a missing xcb library is named in one line, with the command that installs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dushu.cli import main
from dushu.gui import platform_check
from dushu.gui.platform_check import PACKAGE_OF_LIBRARY, xcb_plugin_path, xcb_problem

REPO = Path(__file__).resolve().parents[3]
X11 = {"DISPLAY": ":0"}
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")


def _readme_packages() -> set[str]:
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("sudo apt-get install -y --no-install-recommends "):
            return set(line.split()[5:])
    raise AssertionError("the README has no apt-get install line")


@linux_only
def test_the_plugin_loads_here_so_nothing_is_said() -> None:
    assert xcb_plugin_path() is not None
    assert xcb_problem(X11) is None


def test_no_check_where_qt_will_not_use_xcb() -> None:
    assert xcb_problem(X11, platform="darwin") is None
    assert xcb_problem(X11, platform="win32") is None
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert xcb_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") is None


def test_missing_libraries_are_named_with_the_apt_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_check, "xcb_plugin_path", lambda: Path("/nowhere/libqxcb.so"))
    monkeypatch.setattr(
        platform_check,
        "missing_libraries",
        lambda plugin: (["libxcb-icccm.so.4", "libxcb-keysyms.so.1"], "libxcb-icccm.so.4: cannot open"),
    )
    message = xcb_problem({"QT_QPA_PLATFORM": "xcb"}, platform="linux")
    assert message is not None and "\n" not in message
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert message.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")


def _check_in_fresh_process(plugin: Path, without_ldd: bool = False) -> tuple[list[str], str, str]:
    """missing_libraries and xcb_problem for `plugin`, in an interpreter that has loaded no Qt
    library yet (in this one, a library already loaded would satisfy the plugin)."""
    code = f"""
import json, shutil
from pathlib import Path
from dushu.gui import platform_check as pc
if {without_ldd!r}:
    pc.shutil.which = lambda name: None
plugin = Path({str(plugin)!r})
names, error = pc.missing_libraries(plugin)
pc.xcb_plugin_path = lambda: plugin
print(json.dumps([names, error or "", pc.xcb_problem({{"DISPLAY": ":0"}}) or ""]))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    names, error, message = json.loads(out)
    return names, error, message


def _copy_of_plugin(tmp_path: Path) -> Path:
    # A copy of the real plugin away from the Qt libraries it links to cannot load: what it misses
    # are Qt's own libraries, which no apt package provides.
    real = xcb_plugin_path()
    assert real is not None
    copy = tmp_path / "platforms" / "libqxcb.so"
    copy.parent.mkdir()
    shutil.copy(real, copy)
    return copy


@linux_only
def test_a_plugin_that_cannot_load_is_reported(tmp_path: Path) -> None:
    names, error, message = _check_in_fresh_process(_copy_of_plugin(tmp_path))
    assert error and any(name.startswith("libQt6") for name in names)
    assert message and "\n" not in message and names[0] in message and "apt-file search" in message


@linux_only
def test_without_ldd_the_loader_error_still_names_the_library(tmp_path: Path) -> None:
    names, error, message = _check_in_fresh_process(_copy_of_plugin(tmp_path), without_ldd=True)
    assert len(names) == 1 and names[0] in error and names[0] in message


def test_the_command_says_it_in_one_line_instead_of_qt_aborting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(platform_check, "xcb_problem", lambda: "Qt's xcb platform plugin needs libX.so.1")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err == "dushu: error: the desktop app cannot start: Qt's xcb platform plugin needs libX.so.1\n"


@linux_only
def test_every_library_the_plugin_links_has_a_package_and_the_readme_installs_it() -> None:
    # ldd on the plugin as installed: every system library must be in the table (else a Qt update
    # added one), and every table package must be in the README's apt line or come with one there.
    plugin = xcb_plugin_path()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        pytest.skip("needs ldd and the xcb plugin")
    out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=True).stdout
    qt_folder = str(plugin.parents[2])
    c_runtime = ("linux-vdso", "ld-linux", "libc.", "libm.", "libdl.", "libpthread.", "librt.", "libgcc_s.")
    system = [
        line.split()[0]
        for line in out.splitlines()
        if "=>" in line and qt_folder not in line and not line.split()[0].startswith(c_runtime)
    ]
    base_image = ("libz.", "libzstd.", "liblzma.", "liblz4.", "libcap.", "libgcrypt.", "libgpg-error.",
                  "libsystemd.", "libstdc++.", "libselinux.")  # fmt: skip
    unknown = [n for n in system if n not in PACKAGE_OF_LIBRARY and not n.startswith(base_image)]
    assert not unknown, f"add these to PACKAGE_OF_LIBRARY and the README: {unknown}"
    # Dependencies of the listed packages that apt brings along.
    pulled_in = {"libxau6", "libxdmcp6", "libglx0", "libglvnd0", "libpng16-16", "libbrotli1", "libexpat1",
                 "libpcre2-8-0", "libbsd0", "libmd0"}  # fmt: skip
    needed = {PACKAGE_OF_LIBRARY[n] for n in system if n in PACKAGE_OF_LIBRARY} - pulled_in
    assert needed <= _readme_packages(), f"missing from the README: {sorted(needed - _readme_packages())}"
