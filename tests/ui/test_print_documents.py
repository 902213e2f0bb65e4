"""Every document prints, not only the flyer: File ▸ Print… chooses one, the system's print
dialog sends it, and what comes out of the printer is the exported PDF, page for page.

The print path draws each page as QtPdf renders it (as the flyer always has), so the printed
file holds pictures of the pages: each printed page is compared with the exported one as a
picture, besides their number and paper size."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox

from organiser.core.events.service import update_event
from organiser.documents import DOCUMENTS
from organiser.ui import printing
from organiser.ui.main_window import MainWindow
from organiser.ui.print_chooser import PrintChooser

WIDTH = 160  # pixels: enough to see a page's layout, small enough to compare quickly


def _to_file(printer: QPrinter, path: Path) -> None:
    layout, full_page = printer.pageLayout(), printer.fullPage()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # which sets the paper afresh
    printer.setOutputFileName(str(path))
    printer.setFullPage(full_page)
    printer.setPageLayout(layout)
    printer.setResolution(96)  # quick; a real printer's own resolution is used otherwise


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The print dialog answers Print, with a PDF file as the printer."""
    files: list[Path] = []

    def exec_(dialog: QPrintDialog) -> int:
        files.append(tmp_path / f"printed-{len(files)}.pdf")
        _to_file(dialog.printer(), files[-1])
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return files


def _pictures(pdf: bytes) -> list[QImage]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pictures = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        size = QSize(WIDTH, round(WIDTH * points.height() / points.width()))
        picture = QImage(size, QImage.Format.Format_RGB32)
        picture.fill(0xFFFFFFFF)
        painter = QPainter(picture)
        painter.drawImage(0, 0, document.render(page, size))
        painter.end()
        pictures.append(picture.convertToFormat(QImage.Format.Format_Grayscale8))
    document.close()
    return pictures


def _difference(one: QImage, other: QImage) -> float:
    """The mean difference of grey between two pictures of a page, 0 (same) to 255, looked at
    small: where the ink is, not how each letter was drawn."""
    one, other = (
        p.scaledToWidth(40, Qt.TransformationMode.SmoothTransformation) for p in (one, other)
    )
    height, width = min(one.height(), other.height()), min(one.width(), other.width())
    total = sum(
        abs(one.pixelColor(x, y).value() - other.pixelColor(x, y).value())
        for y in range(height)
        for x in range(width)
    )
    return total / (height * width)


def _moved(picture: QImage) -> QImage:
    """The page moved by a printer's margin (about 18 points), as a page printed off its paper
    would be."""
    moved = QImage(picture.size(), picture.format())
    moved.fill(255)
    painter = QPainter(moved)
    painter.drawImage(5, 5, picture)
    painter.end()
    return moved


def _same_pages(printed_file: Path, exported: bytes) -> None:
    ours, theirs = PdfReader(printed_file), PdfReader(io.BytesIO(exported))
    assert len(ours.pages) == len(theirs.pages)
    for mine, expected in zip(ours.pages, theirs.pages, strict=True):
        assert abs(float(mine.mediabox.width) - float(expected.mediabox.width)) < 2
        assert abs(float(mine.mediabox.height) - float(expected.mediabox.height)) < 2
    for mine, expected in zip(
        _pictures(printed_file.read_bytes()), _pictures(exported), strict=True
    ):
        # Printed pictures of a page differ a little from the page itself (line weights), far
        # less than the same page moved by a printer's margin does.
        assert _difference(mine, expected) < 0.6 * _difference(_moved(expected), expected)


def test_only_the_pdfs_are_offered_and_every_pdf_is() -> None:
    offered = printing.printable()
    assert set(offered) == {k for k, d in DOCUMENTS.items() if d.suffix == ".pdf"}
    assert {"register", "collection-sheet", "programme", "minutes", "feedback-form"} <= set(offered)
    assert "ics" not in offered and "summary-docx" not in offered


@pytest.mark.parametrize("kind", sorted(printing.printable()))
def test_each_document_prints_as_it_exports(
    kind: str, window: MainWindow, demo_event: int, printed: list[Path]
) -> None:
    window.open_event(demo_event)
    assert printing.print_document(window, kind)
    exported = DOCUMENTS[kind].render(window.store, demo_event, None)
    _same_pages(printed[0], exported)
    assert window.statusBar().currentMessage() == (
        f"The {DOCUMENTS[kind].what} is sent to the printer."
    )


def test_file_print_chooses_a_document_and_prints_it(
    window: MainWindow, demo_event: int, printed: list[Path], person: Any, find_action: Any
) -> None:
    window.open_event(demo_event)
    action = find_action(window, "&File", "&Print…")
    assert action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    chooser = window.findChild(PrintChooser)
    assert chooser is not None and chooser.isVisible()
    names = [chooser.documents.item(n).text() for n in range(chooser.documents.count())]
    assert "Creche register" in names and "Flyer" in names
    chooser.documents.setCurrentRow(names.index("Creche register"))
    assert chooser.about.text().startswith("The creche register: children, allergies")
    person.click(chooser.print_button)
    assert len(printed) == 1
    _same_pages(printed[0], DOCUMENTS["register"].render(window.store, demo_event, None))
    assert PrintChooser.last_kind == "register"


def test_print_preview_draws_the_same_pages(
    window: MainWindow, demo_event: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.open_event(demo_event)
    out = tmp_path / "preview.pdf"

    def exec_(dialog: QPrintPreviewDialog) -> int:
        paper = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        paper.setPageLayout(dialog.printer().pageLayout())
        _to_file(paper, out)
        dialog.paintRequested.emit(paper)  # what its own Print button does
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    assert printing.print_document(window, "bookings", preview=True)
    _same_pages(out, DOCUMENTS["bookings"].render(window.store, demo_event, None))


def test_cancelling_prints_nothing(
    window: MainWindow, demo_event: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_event(demo_event)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected.value)
    assert not printing.print_document(window, "programme")
    assert "printer" not in window.statusBar().currentMessage()


def test_the_chooser_saves_as_pdf_too(
    window: MainWindow, demo_event: int, dialogs: Any, tmp_path: Path, person: Any
) -> None:
    window.open_event(demo_event)
    dialogs.save_path = str(tmp_path / "programme.pdf")
    chooser = PrintChooser(window)
    chooser.show()
    chooser.documents.setCurrentRow(list(printing.printable()).index("programme"))
    person.click(chooser.save_button)
    assert Path(dialogs.save_path).read_bytes().startswith(b"%PDF")


def test_a_printer_that_cannot_start_is_said_in_words(
    window: MainWindow,
    demo_event: int,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: Any,
    tmp_path: Path,
) -> None:
    window.open_event(demo_event)
    dialogs.warnings_expected = True

    def exec_(dialog: QPrintDialog) -> int:
        _to_file(dialog.printer(), tmp_path / "no such folder" / "register.pdf")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    assert not printing.print_document(window, "register")
    assert dialogs.warnings == ["The printer could not be started: check it is on and connected."]
    assert "sent to the printer" not in window.statusBar().currentMessage()


def test_a_character_no_font_has_is_asked_about_before_saving_or_printing(
    window: MainWindow,
    demo_event: int,
    dialogs: Any,
    printed: list[Path],
    tmp_path: Path,
) -> None:
    window.open_event(demo_event)
    update_event(window.store, event_id=demo_event, values={"title": "Pilates 🌼 morning"})
    dialogs.save_path = str(tmp_path / "programme.pdf")
    dialogs.answer = QMessageBox.StandardButton.No
    assert printing.save_document(window, "programme") is None
    assert not Path(dialogs.save_path).exists(), "nothing is saved unless the person says so"
    assert not printing.print_document(window, "programme") and printed == []
    assert dialogs.questions == [
        "The emoji 🌼 cannot be printed: each shows as an empty box. Use words instead.\n\n"
        f"{verb} anyway?"
        for verb in ("Save", "Print")
    ]
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert printing.save_document(window, "programme") == Path(dialogs.save_path)
    assert printing.print_document(window, "programme") and len(printed) == 1
