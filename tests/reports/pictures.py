"""Reading printed pages back as pictures: a PDF's first page drawn by QtPdf, and whichever QR
decoder is installed (zxing-cpp is in the test extras)."""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image


def first_page(pdf: bytes, size: tuple[int, int]) -> Image.Image:
    """The PDF's first page drawn at `size` pixels (QtPdf: a QApplication must exist)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    page = document.render(0, QSize(*size))
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    page.save(out, "PNG")
    return Image.open(io.BytesIO(bytes(out.data().data())))


def qr_decoder() -> Callable[[Image.Image], list[str]]:
    """Whichever QR decoder is installed (none is a dependency), else skip the test."""
    for name in ("zxingcpp", "pyzbar.pyzbar", "cv2"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if name == "zxingcpp":
            return lambda image: [found.text for found in module.read_barcodes(image)]
        if name == "pyzbar.pyzbar":
            return lambda image: [found.data.decode() for found in module.decode(image)]

        def opencv(image: Image.Image, cv2: Any = module) -> list[str]:
            import numpy

            text, _points, _code = cv2.QRCodeDetector().detectAndDecode(numpy.array(image))
            return [text] if text else []

        return opencv
    pytest.importorskip("zxingcpp", reason="no QR decoder installed (zxingcpp, pyzbar or cv2)")
    raise AssertionError("unreachable")
