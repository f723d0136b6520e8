"""Before Qt starts on Linux: can its xcb platform plugin load? If not, one line saying what to install.

Qt's own message, when the xcb plugin cannot load, aborts the program and names libxcb-cursor0 even
when another library is what is missing. This module loads the plugin the way Qt will (dlopen) before
any QApplication exists, and when that fails it names the missing libraries and the Debian/Ubuntu
packages that provide them.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["PACKAGE_OF_LIBRARY", "missing_libraries", "xcb_plugin_path", "xcb_problem"]

# Every system library the xcb plugin and the Qt libraries under it link to (found with `ldd` on
# libqxcb.so and `dpkg -S` on each resolved file, Debian 12 / Ubuntu 22.04 and later), with the
# package to install. The ones a minimal Debian image already has are listed too, so that a
# damaged system still gets a name rather than a guess.
PACKAGE_OF_LIBRARY: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libexpat.so.1": "libexpat1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_DLOPEN_MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def xcb_plugin_path() -> Path | None:
    """The xcb platform plugin of the Qt that PySide6 brings (a wheel or a frozen bundle), or None.

    Found from PySide6's folder without importing Qt: QtCore itself may be what cannot load."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> tuple[list[str], str | None]:
    """The libraries that keep `plugin` from loading, and the loader's error (both empty if it loads)."""
    try:
        ctypes.CDLL(str(plugin))  # exactly what Qt's plugin loader does next
    except OSError as exc:
        error = str(exc)
    else:
        return [], None
    # dlopen stops at the first missing library; ldd (when there is one) lists them all.
    ldd = shutil.which("ldd")
    if ldd:
        try:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        names = list(dict.fromkeys(_NOT_FOUND.findall(out)))
        if names:
            return names, error
    return list(dict.fromkeys(_DLOPEN_MISSING.findall(error))), error


def _uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will try the xcb plugin first (it prefers Wayland in a Wayland session)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].strip().startswith("xcb")
    wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE", "") == "wayland"
    return not wayland


def xcb_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """One line naming what keeps Qt's xcb plugin from loading and the command that installs it;
    None where the plugin loads, or where Qt will not use it (not Linux, Wayland, offscreen)."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux") or not _uses_xcb(environ):
        return None
    plugin = xcb_plugin_path()
    if plugin is None:
        return None  # a Qt without the plugin: Qt's own message is the best there is
    names, error = missing_libraries(plugin)
    if error is None:
        return None
    if not names:
        return f"Qt's xcb platform plugin cannot load ({error})"
    packages = list(dict.fromkeys(PACKAGE_OF_LIBRARY.get(name, "") for name in names))
    libraries = ", ".join(names)
    if "" in packages or not packages:
        return (
            f"Qt's xcb platform plugin needs {libraries}, which this system lacks; install the packages "
            f"that provide them (on Debian or Ubuntu: apt-file search {names[0]})"
        )
    return (
        f"Qt's xcb platform plugin needs {libraries}, which this system lacks; install "
        f"{'it' if len(names) == 1 else 'them'} with: sudo apt-get install {' '.join(packages)}"
    )
