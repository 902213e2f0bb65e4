"""The live preview: the real flyer PDF, rendered off the UI thread and shown with QtPdf.

A render runs on a worker thread so typing never waits for ReportLab; edits that arrive while
one is running are coalesced into a single next render of the newest sheet.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMargins,
    QObject,
    QThreadPool,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from organiser.core.errors import OrganiserError
from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer
from organiser.core.flyer.kinds import LABELS
from organiser.ui.widgets.flow import FlowLayout

ZOOM_STEP = 1.25


def render(sheet: FlyerSheet, **options: Any) -> RenderedFlyer:
    """The flyer as PDF bytes (ReportLab loads on the first render, not at start-up)."""
    from organiser.reports.flyer import render_flyer

    return render_flyer(sheet, **options)


def overflow_words(overflow: tuple[str, ...]) -> str:
    """The fields that do not fit, in words ("strapline, what to expect")."""
    return ", ".join(LABELS.get(key, key).lower() for key in overflow)


class _Bridge(QObject):
    """Carries a finished render from the worker thread back to the UI thread."""

    done = Signal(object, object, object)  # sheet, RenderedFlyer or None, error or None


class FlyerPreview(QWidget):
    """The flyer as it will print, zoomable; `rendered` fires after each new PDF is shown."""

    rendered = Signal(object, object)  # FlyerSheet, RenderedFlyer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: FlyerSheet | None = None
        self.result: RenderedFlyer | None = None
        self.renders = 0
        self._pending: FlyerSheet | None = None
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge()  # no parent: it outlives this widget while a render finishes
        self._bridge.done.connect(self._finished)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.notice = QLabel(self)
        self.notice.setObjectName("overflow_notice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "error")
        self.notice.hide()
        self.view = QPdfView(self)
        self.view.setObjectName("flyer_preview")
        self.view.setAccessibleName("Flyer preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)  # a flyer is one page
        # Qt's whole-page fit leaves out the margins and then needs a scroll bar: none, then.
        self.view.setDocumentMargins(QMargins(0, 0, 0, 0))
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.zoom_in = QPushButton("&Zoom in", self)
        self.zoom_in.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out = QPushButton("Zoom &out", self)
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.fit_width = QPushButton("Fit &width", self)
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.whole_page = QPushButton("Whole pa&ge", self)
        self.whole_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        bar = FlowLayout()  # the zoom buttons wrap onto a second line when narrow
        for button in (self.zoom_out, self.zoom_in, self.fit_width, self.whole_page):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    @property
    def pdf(self) -> bytes:
        """The PDF on show (empty before the first render)."""
        return self.result.pdf if self.result is not None else b""

    def show_sheet(self, sheet: FlyerSheet) -> None:
        """Render this sheet next; while a render runs, only the newest sheet waits."""
        if self._busy:
            self._pending = sheet
            return
        self._busy = True
        bridge = self._bridge

        def job() -> None:
            try:
                result, error = render(sheet), None
            except Exception as exc:  # shown as a message, never a traceback
                result, error = None, exc
            with contextlib.suppress(RuntimeError):  # the window closed while it rendered
                bridge.done.emit(sheet, result, error)

        self._pool.start(job)

    def wait(self) -> None:
        """Let a running render finish (before printing, or closing)."""
        self._pool.waitForDone()

    def _finished(self, sheet: FlyerSheet, result: RenderedFlyer | None, error: Any) -> None:
        self._busy = False
        pending, self._pending = self._pending, None
        if pending is not None:
            self.show_sheet(pending)
        if result is None:
            if isinstance(error, OrganiserError):
                self.notice.setText(f"⚠ The preview could not be drawn: {error}")
            else:
                # A bug: say where, never the message, which can quote the flyer's words.
                frames = traceback.extract_tb(getattr(error, "__traceback__", None))
                where = (
                    f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
                )
                print(
                    f"organiser: flyer preview failed with {type(error).__name__}{where}",
                    file=sys.stderr,
                    flush=True,
                )
                self.notice.setText(
                    "⚠ The preview could not be drawn. Your words are saved; try another "
                    "template or size, and tell whoever looks after Organiser if it happens again."
                )
            self.notice.show()
            return
        self._load(sheet, result)

    def _load(self, sheet: FlyerSheet, result: RenderedFlyer) -> None:
        # Loading into the same document keeps the view's zoom and scroll position.
        buffer = QBuffer(self)
        buffer.setData(QByteArray(result.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it for as long as it is shown
        self.sheet, self.result = sheet, result
        self.renders += 1
        if result.overflow:
            self.notice.setText(
                f"⚠ Does not fit on the page: {overflow_words(result.overflow)}. It is marked "
                "on the preview; shorten it, choose a smaller size or another template."
            )
        self.notice.setVisible(bool(result.overflow))
        self.rendered.emit(sheet, result)

    def _zoom(self, step: float) -> None:
        factor = self._effective_zoom() * step
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(6.0, factor)))

    def _effective_zoom(self) -> float:
        """The zoom on show, also when it is fitted to the width or the whole page."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(0)
        dpi = self.view.logicalDpiX() / 72
        viewport = self.view.viewport().size()
        margins = self.view.documentMargins()
        width = (viewport.width() - margins.left() - margins.right()) / (page.width() * dpi)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (viewport.height() - margins.top() - margins.bottom()) / (page.height() * dpi)
        return min(width, height)
