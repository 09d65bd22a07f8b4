"""Render the app icon from its SVG: hicolor PNGs, and the Windows .ico and macOS .icns.

    QT_QPA_PLATFORM=offscreen python packaging/icons.py              # the hicolor PNGs
    QT_QPA_PLATFORM=offscreen python packaging/icons.py --ico F.ico --icns F.icns

``resources/icons/newsdesk.svg`` is the one drawing. The PNGs go to
``resources/icons/hicolor/<n>x<n>/apps/org.newsdesk.newsdesk.png`` (committed as
assets: the window and the Linux desktop use them); the .ico and .icns are made
when a Windows or macOS build asks for them, through Qt's own image plugins.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "newsdesk.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
APP_ID = "org.newsdesk.newsdesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)  # what Windows asks of an .ico
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(size: int, svg: Path = SVG) -> QImage:
    """The icon drawn at ``size`` pixels square, on a transparent ground."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def write_hicolor(folder: Path = HICOLOR) -> list[Path]:
    written = []
    for size in SIZES:
        target = folder / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(target: Path, sizes: tuple[int, ...] = ICO_SIZES) -> Path:
    """A Windows .ico holding every size as PNG (Windows Vista and later read these).

    Written by hand: Qt's ico plugin writes one image per file.
    """
    images = [png_bytes(render(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header + directory + b"".join(images))
    return target


def write_icns(target: Path, size: int = max(ICNS_SIZES)) -> Path:
    """A macOS .icns through Qt's icns plugin (it derives the smaller sizes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(target), b"icns")
    if not writer.write(render(size)):
        raise OSError(f"could not write {target}: {writer.errorString()}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico here")
    parser.add_argument("--icns", type=Path, help="also write a macOS .icns here")
    parser.add_argument("--no-png", action="store_true", help="skip the hicolor PNGs")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = [] if args.no_png else write_hicolor()
    if args.ico:
        written.append(write_ico(args.ico))
    if args.icns:
        written.append(write_icns(args.icns))
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
