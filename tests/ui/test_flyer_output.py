"""Export, print and save the flyer from the Draft page: the draft or a version, asking first
when the working group has not all approved it or the text does not fit."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from organiser.core.flyer import versions
from organiser.core.flyer.kinds import Decision
from organiser.core.planning.service import list_members
from organiser.ui import commands
from organiser.ui.flyer.draft import DraftPage
from organiser.ui.main_window import MainWindow

A4 = (595, 842)
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def page(window: MainWindow, qtbot: Any) -> DraftPage:
    """The example event's Draft page (its draft is version 2, not yet approved by Zoë)."""
    commands.open_example(window)
    window.show_tab("flyer")
    draft: DraftPage = window.flyer.draft
    qtbot.waitUntil(lambda: draft.preview.renders >= 1, timeout=5000)
    return draft


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., list[Path]]:
    """Patch the print dialog to print into PDF files; `printed(copies=1)` returns them."""
    files: list[Path] = []
    wanted = {"copies": 1}

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        path = tmp_path / f"printed-{len(files)}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setCopyCount(wanted["copies"])
        files.append(path)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)

    def _printed(copies: int = 1) -> list[Path]:
        wanted["copies"] = copies
        return files

    return _printed


def page_sizes(path: Path) -> list[tuple[int, int]]:
    """Each page's width and height in points, as it is seen (rotation applied)."""
    sizes = []
    for sheet in PdfReader(path).pages:
        box = sheet.mediabox
        size = (round(float(box.width)), round(float(box.height)))
        sizes.append(size[::-1] if sheet.rotation % 180 else size)
    return sizes


def approve_for_everyone(window: MainWindow, number: int) -> None:
    """Every member approves a version (as they would on the Versions and sign-off page)."""
    assert window.event_id is not None
    store, event_id = window.store, window.event_id
    version_id = versions.version_id_of(store, event_id, number)
    for member in list_members(store, event_id):
        window.runner.call(
            lambda m=member.id: versions.sign_off(
                store, version_id=version_id, member_id=m, decision=Decision.APPROVED.value
            )
        )


def test_the_draft_or_a_version_is_offered_with_its_sign_off_in_words(page: DraftPage) -> None:
    which = page.output.which
    assert [which.itemText(n) for n in range(which.count())] == [
        "Current draft",
        "Version 2",
        "Version 1",
    ]
    assert page.output.status.text() == (
        "⚠ The current draft is version 2: Approved by 3 of 4 — waiting for Zoë Marsh."
    )
    page.output.choose(1)
    assert "Version 1: Approved by 0 of 4 — changes asked for by Zoë Marsh" in (
        page.output.status.text()
    )


def test_export_pdf_asks_first_then_writes_the_draft_whole(
    page: DraftPage, person: Any, dialogs: Any, tmp_path: Path, file_hash: Any
) -> None:
    target = tmp_path / "flyer.pdf"
    target.write_bytes(b"the flyer printed last week")
    before = file_hash(target)
    dialogs.save_path = str(target)
    dialogs.answer = NO
    person.click(page.output.export_button)
    assert dialogs.questions == [
        "The current draft is version 2: Approved by 3 of 4 — waiting for Zoë Marsh."
        "\n\nExport anyway? Choose No to go back to the flyer."
    ]
    assert file_hash(target) == before, "nothing is written without a yes"

    dialogs.answer = YES
    person.click(page.output.export_button)
    reader = PdfReader(target)
    assert page_sizes(target) == [A4]
    assert "Move, Breathe and Connect" in " ".join(reader.pages[0].extract_text().split())
    assert "Does not fit" not in reader.pages[0].extract_text(), "no overflow box in print"
    assert dialogs.save_suggestions[-1].endswith(" - flyer.pdf")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".flyer.pdf.")]


def test_an_approved_version_exports_without_a_question(
    window: MainWindow, page: DraftPage, person: Any, dialogs: Any, tmp_path: Path
) -> None:
    approve_for_everyone(window, 2)
    page.output.choose(2)
    assert page.output.status.text() == "✓ Approved by everyone in the working group."
    dialogs.save_path = str(tmp_path / "approved.pdf")
    person.click(page.output.export_button)
    assert dialogs.questions == []
    assert (tmp_path / "approved.pdf").exists()
    assert dialogs.save_suggestions[-1].endswith(" - flyer version 2.pdf")


def test_an_unwritable_folder_gives_a_message_and_the_draft_is_intact(
    window: MainWindow,
    page: DraftPage,
    person: Any,
    dialogs: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: refuse the way a locked folder does
        refuse = PermissionError(13, "Permission denied")
        monkeypatch.setattr(tempfile, "mkstemp", lambda **_k: (_ for _ in ()).throw(refuse))
    else:
        folder.chmod(0o500)
    dialogs.save_path = str(folder / "flyer.pdf")
    dialogs.answer = YES
    dialogs.warnings_expected = True
    person.click(page.output.export_button)
    folder.chmod(0o700)
    assert len(dialogs.warnings) == 1
    assert "Cannot save to" in dialogs.warnings[0] and "Permission denied" in dialogs.warnings[0]
    assert list(folder.iterdir()) == []
    assert window.flyer.draft.editor.form.inputs["title"].text().startswith("Move, Breathe")

    dialogs.warnings.clear()
    dialogs.save_path = str(tmp_path / "no such folder" / "flyer.pdf")
    person.click(page.output.export_button)
    assert len(dialogs.warnings) == 1 and "does not exist" in dialogs.warnings[0]


def test_save_image_for_social_media_is_1080_pixels_wide(
    page: DraftPage, person: Any, dialogs: Any, tmp_path: Path
) -> None:
    dialogs.save_path = str(tmp_path / "social")
    dialogs.answer = YES
    person.click(page.output.image_button)
    picture = QImage(str(tmp_path / "social.png"))
    assert picture.width() == 1080
    assert picture.height() == round(1080 * 297 / 210)  # A4 in proportion
    assert picture.pixelColor(2, 2).name() == "#ffffff", "paper white, not transparent"
    assert dialogs.save_suggestions[-1].endswith(" - flyer for social media.png")


def test_printing_a_version_not_everyone_approved_asks_first(
    page: DraftPage, person: Any, dialogs: Any, printed: Any
) -> None:
    page.output.choose(2)
    dialogs.answer = NO
    person.click(page.output.print_button)
    assert dialogs.questions == [
        "Version 2: Approved by 3 of 4 — waiting for Zoë Marsh."
        "\n\nPrint anyway? Choose No to go back to the flyer."
    ]
    assert printed() == [], "the print dialog never opened"

    dialogs.answer = YES
    person.click(page.output.print_button)
    files = printed()
    assert len(files) == 1 and files[0].exists()
    assert page_sizes(files[0]) == [A4]


def test_copies_print_each_page_again(
    window: MainWindow, page: DraftPage, person: Any, printed: Any
) -> None:
    approve_for_everyone(window, 2)
    page.output.choose(2)
    printed(copies=2)
    person.click(page.output.print_button)
    files = printed(copies=2)
    assert page_sizes(files[0]) == [A4, A4]
    assert window.statusBar().currentMessage() == "The flyer is sent to the printer."


def test_an_a5_handout_prints_two_to_an_a4_sheet_after_asking_about_the_draft(
    window: MainWindow, page: DraftPage, person: Any, dialogs: Any, printed: Any, qtbot: Any
) -> None:
    person.choose(page.editor.form.inputs["template"], "A5 handout (two to an A4 sheet)")
    qtbot.waitUntil(lambda: page.preview.sheet is not None and page.preview.sheet.a5)
    dialogs.answer = YES
    person.click(page.output.print_button)
    assert len(dialogs.questions) == 1
    assert dialogs.questions[0].startswith(
        "The current draft has changes since version 2: nobody has signed them off.\n\n"
    )
    assert page_sizes(printed()[0]) == [(842, 595)]
    assert "two to a sheet of A4" in window.statusBar().currentMessage()


def test_text_that_does_not_fit_asks_before_printing(
    window: MainWindow, page: DraftPage, person: Any, dialogs: Any, printed: Any
) -> None:
    approve_for_everyone(window, 2)
    person.fill(page.editor.form.inputs["strapline"], "Come along. " * 160)
    page.output.choose(None)
    dialogs.answer = NO
    person.click(page.output.print_button)
    assert len(dialogs.questions) == 1
    assert "does not fit on the page and would be cut off: strapline" in dialogs.questions[0]
    assert printed() == []


def test_the_file_menu_saves_the_flyer_as_pdf(
    window: MainWindow, page: DraftPage, dialogs: Any, find_action: Any, tmp_path: Path
) -> None:
    window.show_tab("planning")
    dialogs.save_path = str(tmp_path / "from-menu.pdf")
    dialogs.answer = YES
    find_action(window, "&File", "Save &flyer as PDF").trigger()
    assert window.tabs.currentWidget() is window.flyer
    assert PdfReader(io.BytesIO((tmp_path / "from-menu.pdf").read_bytes())).pages
