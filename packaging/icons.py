"""Render resources/organiser.svg into the icon files each platform needs.

    python packaging/icons.py      (after changing the SVG; the outputs are committed)

organiser.png (256 px: Linux .desktop), organiser.ico (16-256 px: Windows exe and installer),
organiser.icns (16-1024 px: the macOS .app).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int) -> Image.Image:
    """The SVG drawn on a transparent square of `size` pixels."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(RESOURCES / "organiser.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    """Write the three icon files beside the SVG."""
    big = render(1024)
    render(256).save(RESOURCES / "organiser.png", optimize=True)
    sizes = [(s, s) for s in ICO_SIZES]
    # Each size drawn from the SVG, not shrunk from the largest: sharp at 16 px too.
    drawn = [render(s) for s in ICO_SIZES]
    drawn[-1].save(RESOURCES / "organiser.ico", sizes=sizes, append_images=drawn[:-1])
    big.save(RESOURCES / "organiser.icns")
    for name in ("organiser.png", "organiser.ico", "organiser.icns"):
        print(f"{name}: {(RESOURCES / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
