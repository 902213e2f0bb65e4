"""PDF pages onto paper and into pictures, through QtPdf (what you see is what prints): the one
print path of every document, the flyer included."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from organiser.core.errors import OrganiserError

MAX_DPI = 600  # enough for any office printer; a 1200 dpi page would need half a gigabyte
BAND_ROWS = 1024  # a page is drawn in strips, so memory stays small at full resolution


class LoadedPdf:
    """A PDF held open by QtPdf, with the buffer it reads from kept alive beside it."""

    def __init__(self, pdf: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready or not self.document.pageCount():
            raise OrganiserError("The document could not be read back to print it.")

    def close(self) -> None:
        self.document.close()
        self.buffer.close()

    def page_size(self, page: int = 0) -> QSizeF:
        """The page's size in points."""
        return self.document.pagePointSize(page)


def fit_printer(printer: QPrinter, pdf: LoadedPdf) -> None:
    """Set the paper to the PDF's page size and orientation (A4, A5, A4 landscape)."""
    size = pdf.page_size()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    landscape = size.width() > size.height()
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    # The page is drawn whole, edge to edge (the PDF has its own margins): the paper's corner is
    # the page's. Full page last, as setting a layout with margins turns it off again.
    printer.setPageLayout(
        QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    )
    printer.setFullPage(True)


def _white(image: QImage) -> QImage:
    """Pdfium leaves the page transparent where nothing is drawn: paper is white."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def print_pages(printer: QPrinter, pdf: LoadedPdf) -> None:
    """Draw every page, each copy, onto the printer at its resolution (capped at 600 dpi)."""
    dpi = min(printer.resolution(), MAX_DPI)
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    painter = QPainter()
    if not painter.begin(printer):
        raise OrganiserError("The printer could not be started: check it is on and connected.")
    try:
        first = True
        for _copy in range(copies):
            for page in range(pdf.document.pageCount()):
                if not first and not printer.newPage():
                    raise OrganiserError("The printer stopped before the last page.")
                first = False
                _draw_page(painter, printer, pdf, page, dpi)
    finally:
        painter.end()


def _draw_page(painter: QPainter, printer: QPrinter, pdf: LoadedPdf, page: int, dpi: int) -> None:
    points = pdf.page_size(page)
    full = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    # Keep the proportions if the dialog changed the paper: fit and centre.
    scale = min(paper.width() / full.width(), paper.height() / full.height())
    left = round((paper.width() - full.width() * scale) / 2)
    top_edge = round((paper.height() - full.height() * scale) / 2)
    for top in range(0, full.height(), BAND_ROWS):
        rows = min(BAND_ROWS, full.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(full)
        options.setScaledClipRect(QRect(0, top, full.width(), rows))
        band = _white(pdf.document.render(page, QSize(full.width(), rows), options))
        y0, y1 = round(top * scale), round((top + rows) * scale)
        width = round(full.width() * scale)
        painter.drawImage(QRect(left, top_edge + y0, width, y1 - y0), band)


def page_image(pdf: LoadedPdf, width: int, page: int = 0) -> QImage:
    """A page as a picture `width` pixels wide, on white."""
    points = pdf.page_size(page)
    size = QSize(width, round(width * points.height() / points.width()))
    return _white(pdf.document.render(page, size))


def png_bytes(image: QImage) -> bytes:
    """The picture as PNG bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as a str here, though its stubs say bytes.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OrganiserError("The picture could not be made.")
    return bytes(buffer.data().data())


def print_pdf(
    data: bytes, parent: QWidget, *, title: str, name: str, preview: bool = False
) -> bool:
    """Send a PDF to the printer the person chooses in the system's dialog (printer, copies,
    pages), or show a print preview that prints from its own button, on the paper the PDF
    asks for. True when it went to the printer; a printer that fails raises OrganiserError."""
    pdf = LoadedPdf(data)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(name)
        fit_printer(printer, pdf)
        dialog: QPrintDialog | QPrintPreviewDialog
        if preview:
            dialog = QPrintPreviewDialog(printer, parent)
            dialog.paintRequested.connect(lambda paper: print_pages(paper, pdf))
        else:
            dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if not preview:
            print_pages(printer, pdf)
        return True
    finally:
        pdf.close()
