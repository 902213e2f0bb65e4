"""The flyer's pictures: the booking QR code and the chosen image, each prepared once and cached,
so the preview that re-renders on every pause in typing does not decode them again."""

from __future__ import annotations

import io
import re
import threading
from functools import lru_cache
from itertools import groupby

from PIL import Image
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from organiser.reports.fonts import BOLD

# Modules of white around the code: the QR standard's quiet zone, kept inside the white square
# so the code still scans on a dark background.
QUIET_ZONE = 4
# Enough for a photo across an A4 page at about 200 dpi; decoding and compressing more
# would slow every preview for no visible gain.
LONGEST_SIDE = 1600
_URL = re.compile(r"^https?://", re.IGNORECASE)
# A QR code's rows of modules, True where dark.
Modules = tuple[tuple[bool, ...], ...]


def qr_value(link: str) -> str:
    """What the QR code holds: the web address, or `tel:` and the digits of a phone number."""
    link = link.strip()
    if _URL.match(link):
        return link
    digits = re.sub(r"[^0-9]", "", link)
    return f"tel:{'+' if link.startswith('+') else ''}{digits}"


@lru_cache(maxsize=8)
def qr_modules(value: str) -> Modules | None:
    """The dark and light modules of the QR code for `value`, or None if it is too long."""
    try:
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
    except Exception:
        return None
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


def draw_qr(canvas: Canvas, modules: Modules, x: float, y: float, size: float) -> None:
    """A black-on-white QR code in a `size` square (quiet zone included) at (x, y)."""
    count = len(modules) + 2 * QUIET_ZONE
    cell = size / count
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + QUIET_ZONE) * cell
        c = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                # A hair wider than the cell, so no white seams show between runs.
                path.rect(x + (c + QUIET_ZONE) * cell, top - cell, length * cell, cell + 0.05)
            c += length
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class PreparedImage:
    """An image decoded once: its reader for ReportLab and its size in pixels."""

    def __init__(self, reader: ImageReader, width: int, height: int) -> None:
        self.reader = reader
        self.width = width
        self.height = height
        # The preview renders on a worker thread while printing may render on the UI thread;
        # the shared reader's file position must not move under either.
        self.lock = threading.Lock()

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        """Draw the image scaled into the box at (x, y)."""
        with self.lock:
            canvas.drawImage(self.reader, x, y, width, height, mask="auto")


@lru_cache(maxsize=4)
def prepared_image(data: bytes) -> PreparedImage | None:
    """The image ready to draw, or None when the bytes are not a picture that can be read."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()
            if max(picture.size) > LONGEST_SIDE:
                picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            clear = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
            converted = picture.convert("RGBA" if clear else "RGB")
        out = io.BytesIO()
        if clear:
            converted.save(out, "PNG")
        else:
            # ReportLab copies a JPEG into the PDF as it is, where it would compress raw pixels.
            converted.save(out, "JPEG", quality=90)
        out.seek(0)
        return PreparedImage(ImageReader(out), converted.width, converted.height)
    except Exception:
        return None


def fit_size(width: float, height: float, box: tuple[float, float]) -> tuple[float, float]:
    """The image's size scaled to fit the box (width, height), keeping its shape."""
    scale = min(box[0] / width, box[1] / height)
    return width * scale, height * scale


def draw_unreadable(
    canvas: Canvas, x: float, y: float, width: float, height: float, ink: colors.Color, size: float
) -> None:
    """A framed box saying the image could not be read, where the image would be."""
    canvas.saveState()
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(1.5)
    canvas.setDash(6, 4)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.setFillColor(ink)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(x + width / 2, y + height / 2 - size / 3, "Image could not be read")
    canvas.restoreState()
