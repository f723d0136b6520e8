"""Start the real app once under Xvfb (Qt's xcb platform, not offscreen) and prove its window comes up.

    python3 packaging/check_window.py --screenshot window.png -- .venv/bin/dushu
    python3 packaging/check_window.py --screenshot bundle.png -- dist/dushu/dushu

Starts Xvfb on a free display, starts the command there with a fresh DUSHU_HOME (so it opens the
bundled sample), waits for a mapped window titled "<document> — Dushu 讀書" (the sample is open),
lets the reader draw, saves a PNG of the screen, then closes the window the way a window manager
does (WM_DELETE_WINDOW) and expects the app to exit 0. Exit status 1, with the app's output, when
any of that does not happen. Needs only Xvfb and the libraries the app itself needs: the X calls
go through libX11 with ctypes and the screenshot is read from Xvfb's own framebuffer file.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

TITLE_SUFFIX = "— Dushu 讀書"  # in the main window's title once a document is open
WIDTH, HEIGHT = 1280, 800


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("client", _ClientMessage), ("pad", ctypes.c_long * 24)]


class _Attributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
        ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]  # fmt: skip


class _X:
    """The few libX11 calls this check needs."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        self.lib = lib = ctypes.CDLL(name)
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)), ctypes.POINTER(ctypes.c_uint),
        ]  # fmt: skip
        lib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
        ]  # fmt: skip
        lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_Attributes)]
        lib.XSendEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_long,
            ctypes.POINTER(_Event),
        ]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XFlush.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open display {display}")
        self.root = lib.XDefaultRootWindow(self.dpy)

    def atom(self, name: str) -> int:
        return int(self.lib.XInternAtom(self.dpy, name.encode(), 0))

    def windows(self) -> list[int]:
        """The top-level windows (children of the root: Xvfb runs no window manager)."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self.lib.XQueryTree(self.dpy, self.root, root, parent, ctypes.byref(children), count):
            return []
        found = [int(children[i]) for i in range(count.value)]
        if children:
            self.lib.XFree(children)
        return found

    def title(self, window: int) -> str:
        """The window's _NET_WM_NAME (UTF-8), or ''."""
        kind, fmt, items, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self.lib.XGetWindowProperty(
            self.dpy, window, self.atom("_NET_WM_NAME"), 0, 1024, 0, self.atom("UTF8_STRING"),
            kind, fmt, items, after, ctypes.byref(data),
        )  # fmt: skip
        if status != 0 or not data:
            return ""
        text = ctypes.string_at(data, items.value).decode("utf-8", "replace")
        self.lib.XFree(data)
        return text

    def viewable(self, window: int) -> bool:
        attributes = _Attributes()
        self.lib.XGetWindowAttributes(self.dpy, window, ctypes.byref(attributes))
        return attributes.map_state == 2  # IsViewable

    def close(self, window: int) -> None:
        """Ask the window to close, as a window manager's close button does."""
        event = _Event()
        event.client.type = 33  # ClientMessage
        event.client.window = window
        event.client.message_type = self.atom("WM_PROTOCOLS")
        event.client.format = 32
        event.client.data[0] = self.atom("WM_DELETE_WINDOW")
        event.client.data[1] = 0  # CurrentTime
        self.lib.XSendEvent(self.dpy, window, 0, 0, ctypes.byref(event))
        self.lib.XFlush(self.dpy)

    def disconnect(self) -> None:
        self.lib.XCloseDisplay(self.dpy)


def _start_xvfb(xvfb: str, fbdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on a display it picks itself (-displayfd: no race with other X servers here)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-fbdir", str(fbdir),
         "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,),
    )  # fmt: skip
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().strip()  # Xvfb writes the number once it accepts connections
    if not number:
        server.kill()
        server.wait()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number.decode()}"


def xwd_to_png(xwd: bytes) -> bytes:
    """A PNG of an XWD screen dump (Xvfb's -fbdir file: 24-bit TrueColor, 32 bits per pixel)."""
    header = struct.unpack(">25I", xwd[:100])
    header_size, width, height = header[0], header[4], header[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = header[7], header[11], header[12], header[19]
    if bits_per_pixel != 32:
        raise ValueError(f"unexpected XWD pixel size {bits_per_pixel}")
    start = header_size + 12 * ncolors
    rows = []
    for y in range(height):
        line = xwd[start + y * bytes_per_line : start + y * bytes_per_line + 4 * width]
        rgb = bytearray(3 * width)
        if byte_order == 0:  # LSBFirst: B G R X in memory
            rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]
        else:
            rgb[0::3], rgb[1::3], rgb[2::3] = line[1::4], line[2::4], line[3::4]
        rows.append(b"\0" + bytes(rgb))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
        + (chunk(b"IEND", b""))
    )


def _pixels(xwd: bytes) -> tuple[bytes, int]:
    """The pixel bytes of an XWD dump and its bytes per line."""
    header = struct.unpack(">25I", xwd[:100])
    start = header[0] + 12 * header[19]
    return xwd[start : start + header[12] * header[5]], header[12]


def _colours(xwd: bytes) -> int:
    """How many distinct colours the screen shows (a blank or failed window shows one or two)."""
    pixels, _ = _pixels(xwd)
    return len({pixels[i : i + 3] for i in range(0, len(pixels), 4 * 7)})


def _coloured_pixels(xwd: bytes) -> int:
    """Pixels (of every third) in a strong colour: the reader paints readings in tone colours, while
    the window's frame, the menus and the "building the index" placeholder are grey on white."""
    pixels, _ = _pixels(xwd)
    count = 0
    for i in range(0, len(pixels) - 3, 12):
        b, g, r = pixels[i], pixels[i + 1], pixels[i + 2]
        if max(r, g, b) - min(r, g, b) > 90:
            count += 1
    return count


def check(
    command: list[str],
    screenshot: Path,
    timeout: float,
    settle: float,
    cache_dir: Path | None = None,
    home: Path | None = None,
) -> int:
    """Run the check; returns the exit status. `cache_dir` keeps the dictionary index between runs
    (a start with an index already built); without it every run is a first start."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        print("check_window: Xvfb is not installed (apt-get install xvfb)", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="dushu-window-"))
    try:
        server, display = _start_xvfb(xvfb, work)
    except RuntimeError as exc:
        print(f"check_window: {exc}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return 1
    app: subprocess.Popen[bytes] | None = None
    log = work / "app.log"
    try:
        x = _X(display)
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            DUSHU_HOME=str((home or work / "home").resolve()),
        )
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("DUSHU_CACHE_DIR", None)
        if cache_dir is not None:
            env["DUSHU_CACHE_DIR"] = str(cache_dir.resolve())
        with log.open("wb") as out:
            app = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        launched = time.monotonic()
        window, shown, found_title = None, 0.0, ""
        while time.monotonic() - launched < timeout:
            if app.poll() is not None:
                break
            for w in x.windows():
                title = x.title(w)
                if x.viewable(w) and TITLE_SUFFIX in title:
                    window, found_title = w, title
                    shown = time.monotonic() - launched
                    break
            if window is not None:
                break
            time.sleep(0.2)
        if window is None:
            status = f"exited with status {app.returncode}" if app.poll() is not None else "timed out"
            print(
                f"check_window: no Dushu window with a document came up ({status}); its output:",
                file=sys.stderr,
            )
            print(log.read_text(errors="replace"), file=sys.stderr)
            return 1
        # The window comes first; the sample appears once the dictionary is open and the text analysed.
        painted = None
        while time.monotonic() - launched < timeout and app.poll() is None:
            xwd = (work / "Xvfb_screen0").read_bytes()
            if _coloured_pixels(xwd) > 500:
                painted = time.monotonic() - launched
                break
            time.sleep(0.5)
        if painted is None:
            print("check_window: the window came up but the sample text was never drawn", file=sys.stderr)
            print(log.read_text(errors="replace"), file=sys.stderr)
            return 1
        time.sleep(settle)  # let the word panel and status bar settle before the picture
        xwd = (work / "Xvfb_screen0").read_bytes()
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        screenshot.write_bytes(xwd_to_png(xwd))
        colours = _colours(xwd)
        x.close(window)
        try:
            code = app.wait(30)
        except subprocess.TimeoutExpired:
            print("check_window: the app did not exit after its window was closed", file=sys.stderr)
            return 1
        x.disconnect()
        print(
            f"check_window: window {found_title!r} after {shown:.1f} s, sample drawn after {painted:.1f} s, "
            f"screenshot {screenshot} ({colours} colours), exit status {code}"
        )
        if colours < 16:
            print("check_window: the window looks blank", file=sys.stderr)
            return 1
        if code != 0:
            print(log.read_text(errors="replace"), file=sys.stderr)
        return 0 if code == 0 else 1
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    """Parse the arguments and run the check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--screenshot", type=Path, default=Path("window.png"), help="the PNG to write")
    parser.add_argument("--timeout", type=float, default=240, help="seconds to wait for the window")
    parser.add_argument(
        "--settle", type=float, default=1, help="seconds between the drawn sample and the shot"
    )
    parser.add_argument("--cache-dir", type=Path, help="keep the dictionary index here between runs")
    parser.add_argument("--home", type=Path, help="DUSHU_HOME for the app (default: a fresh one)")
    parser.add_argument("command", nargs="+", help="the program to start (after --)")
    args = parser.parse_args()
    return check(args.command, args.screenshot, args.timeout, args.settle, args.cache_dir, args.home)


if __name__ == "__main__":
    sys.exit(main())
