"""Render the application icon (the SVG) into the PNG sizes, the Windows .ico and the macOS .icns.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Run it after the SVG changes and commit the results: they are small and every platform's build reads
them. Qt draws the PNGs; the .ico and .icns are written here (both are PNG images with an index in
front), so no other tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
APP_ID = "io.github.dushu.Dushu"
SVG = HERE / "icons" / f"{APP_ID}.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# macOS icon types that hold PNG data, by pixel size (ic10 is the 512 pt @2x image).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512))
ICNS_TYPES += ((b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as a PNG of size x size pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon holding PNG images (Windows Vista and later read PNG entries)."""
    sizes = sorted(images)
    offset = 6 + 16 * len(sizes)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    entries, blobs = b"", b""
    for size in sizes:
        png = images[size]
        entries += struct.pack(
            "<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(blobs)
        )
        blobs += png
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon family holding PNG images."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[px])) + images[px] for kind, px in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write every icon file next to the SVG."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    wanted = set(HICOLOR_SIZES) | set(ICO_SIZES) | {px for _, px in ICNS_TYPES}
    images = {size: render_png(renderer, size) for size in sorted(wanted)}
    for size in HICOLOR_SIZES:
        target = HERE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(images[size])
    scalable = HERE / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    (HERE / "icons" / f"{APP_ID}.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (HERE / "icons" / f"{APP_ID}.icns").write_bytes(icns(images))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
