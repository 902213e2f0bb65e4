"""The Flyer tab's Draft page driven like a person: type, see the preview and checklist follow,
choose colours and images, get a clear message for what cannot be used."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from organiser.core.flyer import service as flyers
from organiser.ui import commands
from organiser.ui.flyer.draft import DraftPage
from organiser.ui.main_window import MainWindow

NEW_TITLE = "Move and breathe by the sea"


@pytest.fixture
def page(window: MainWindow, qtbot: Any) -> DraftPage:
    """The example event's Draft page, with its first preview drawn."""
    commands.open_example(window)
    window.show_tab("flyer")
    draft: DraftPage = window.flyer.draft
    qtbot.waitUntil(lambda: draft.preview.renders >= 1, timeout=5000)
    return draft


def pdf_text(pdf: bytes) -> str:
    """Every word of the PDF's first page, on one line."""
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def shown_text(page: DraftPage) -> str:
    """The words of the page the preview shows, as QtPdf reads them."""
    return " ".join(page.preview.document.getAllText(0).text().split())


def saved(window: MainWindow, key: str) -> Any:
    assert window.event_id is not None
    return flyers.get_flyer(window.store, window.event_id).values[key]


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The open-file dialog answers with this path."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def test_the_flyer_tab_follows_creche_and_opens_from_an_overview_link(
    window: MainWindow, page: DraftPage
) -> None:
    tabs = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    assert tabs[tabs.index("Creche") + 1] == "Flyer"
    assert window.tabs.currentWidget() is window.flyer
    assert [window.flyer.bar.tabText(n) for n in range(window.flyer.bar.count())] == [
        "Draft",
        "Versions and sign-off",
        "Languages",
    ]
    window.show_tab("planning")
    window.planning.show_section("flyer")  # what an overview line does
    assert window.tabs.currentWidget() is window.flyer
    assert "Move, Breathe and Connect" in shown_text(page)


def test_every_input_has_a_label_and_a_name_and_tab_reaches_each_colour_picker(
    page: DraftPage, person: Any
) -> None:
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    inputs = [
        w
        for kind in (QLineEdit, QPlainTextEdit, QComboBox)
        for w in page.findChildren(kind)
        if not isinstance(w.parentWidget(), QComboBox)
    ]
    assert len(inputs) >= 22
    for widget in inputs:
        assert widget.accessibleName().strip(), f"{widget.objectName()} has no name"
        assert widget in buddies, f"no label points to {widget.objectName()}"
    for button in page.findChildren(QPushButton):
        assert button.text().strip(), "a button without words"
    assert page.preview.view.accessibleName() == "Flyer preview"
    colour = page.editor.form.inputs["text_colour"]
    person.focus(colour)
    person.tab(colour)
    assert page.editor.colour_buttons["text_colour"].hasFocus()


def test_typing_a_title_updates_the_preview_before_it_is_saved(
    window: MainWindow, page: DraftPage, person: Any, qtbot: Any
) -> None:
    title = page.editor.form.inputs["title"]
    before = page.preview.renders
    person.type(title, NEW_TITLE)
    typed_at = time.perf_counter()
    qtbot.waitUntil(lambda: NEW_TITLE in shown_text(page), timeout=3000)
    elapsed = time.perf_counter() - typed_at
    assert elapsed < 1.0, f"edit to preview took {elapsed:.2f} s"  # a sanity bound, not the bench
    assert NEW_TITLE in pdf_text(page.preview.pdf)
    assert page.preview.renders > before
    assert title.hasFocus(), "typing was never interrupted"
    qtbot.waitUntil(lambda: saved(window, "title") == NEW_TITLE, timeout=2000)

    person.tab(title)
    window.runner.undo_stack.undo()
    assert saved(window, "title").startswith("Move, Breathe and Connect")
    qtbot.waitUntil(lambda: "Move, Breathe and Connect" in shown_text(page), timeout=3000)


def test_low_contrast_text_fails_the_checklist_in_words(
    window: MainWindow, page: DraftPage, person: Any, qtbot: Any
) -> None:
    person.fill(page.editor.form.inputs["body_size"], "12")
    person.fill(page.editor.form.inputs["text_colour"], "#777777")
    qtbot.waitUntil(lambda: "✗" in page.checklist.texts()["contrast_text"], timeout=3000)
    line = page.checklist.texts()["contrast_text"]
    assert line.startswith("✗ Change this: Body text contrast is only 4.48:1; it needs 4.5:1")
    assert "to change" in page.checklist.summary.text()
    assert saved(window, "text_colour") == "#777777"
    assert page.editor.swatches["text_colour"].toolTip() == "#777777"

    person.fill(page.editor.form.inputs["text_colour"], "#1a1a1a")
    qtbot.waitUntil(lambda: "✓" in page.checklist.texts()["contrast_text"], timeout=3000)
    assert page.checklist.texts()["contrast_text"].startswith("✓ Passes: Body text contrast")


def test_the_colour_picker_writes_the_hex_into_its_field(
    window: MainWindow, page: DraftPage, person: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_color(initial: QColor, *_args: Any) -> QColor:
        asked.append(initial.name().upper())
        return QColor("#cccccc")

    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(get_color))
    person.click(page.editor.colour_buttons["accent_colour"])
    assert asked == ["#0B4F6C"], "the dialog opens on the colour in the field"
    assert person.shown(page.editor.form.inputs["accent_colour"]) == "#CCCCCC"
    assert saved(window, "accent_colour") == "#CCCCCC"
    qtbot.waitUntil(lambda: "✗" in page.checklist.texts()["contrast_heading"], timeout=3000)


def test_refused_values_keep_their_text_and_message_and_the_draft_is_intact(
    window: MainWindow, page: DraftPage, person: Any, qtbot: Any
) -> None:
    form = page.editor.form
    link, title = form.inputs["booking_link"], form.inputs["title"]
    person.fill(link, "see the poster")
    assert "neither a web address" in person.message(form, "booking_link")
    assert person.shown(link) == "see the poster"
    assert saved(window, "booking_link") == "https://example.org/move-breathe"
    person.fill(title, "")
    assert person.message(form, "title") == "⚠ A flyer needs a title: say what the event is."
    assert saved(window, "title").startswith("Move, Breathe and Connect")
    person.fill(form.inputs["text_colour"], "dark grey")
    assert "is not a colour" in person.message(form, "text_colour")
    person.fill(form.inputs["body_size"], "200")
    assert person.message(form, "body_size") == "⚠ Choose a size from 8 to 72 pt."
    before = page.preview.renders
    qtbot.waitUntil(lambda: page.preview.renders > before, timeout=3000)
    # The preview keeps printing what is stored for the refused fields.
    assert "Move, Breathe and Connect" in shown_text(page)
    assert page.preview.sheet is not None
    assert page.preview.sheet.text_colour == "#1A1A1A" and page.preview.sheet.body_size == 14


def test_a_strapline_that_cannot_fit_is_named_above_the_preview_and_in_the_checklist(
    window: MainWindow, page: DraftPage, person: Any, qtbot: Any
) -> None:
    strapline = page.editor.form.inputs["strapline"]
    long_text = ("A relaxed morning by the sea with friends. " * 50)[:2000]
    QApplication.clipboard().setText(long_text)
    person.focus(strapline)
    qtbot.keyClick(strapline, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(strapline, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.preview.notice.isVisible, timeout=3000)
    assert "Does not fit on the page: strapline" in page.preview.notice.text()
    overflow = page.checklist.texts()["overflow"]
    assert overflow.startswith("✗ Change this: Does not fit on the page:")
    assert "strapline" in overflow
    person.tab(strapline)
    assert saved(window, "strapline") == long_text.strip(), "nothing typed is lost"


def test_zoom_buttons_and_the_scroll_position_survive_a_new_preview(
    page: DraftPage, person: Any, qtbot: Any
) -> None:
    view, preview = page.preview.view, page.preview
    person.click(preview.fit_width)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    for _ in range(3):
        person.click(preview.zoom_in)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = view.zoomFactor()
    person.click(preview.zoom_out)
    assert view.zoomFactor() < zoomed
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=2000)
    bar.setValue(150)
    person.type(page.editor.form.inputs["strapline"], "Come as you are, bring your baby")
    qtbot.waitUntil(lambda: "Come as you are, bring your baby" in shown_text(page), timeout=3000)
    assert bar.value() == 150
    assert view.zoomMode() == QPdfView.ZoomMode.Custom


def test_choosing_an_image_places_it_and_remove_takes_it_off_again(
    window: MainWindow,
    page: DraftPage,
    person: Any,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = tmp_path / "seafront.png"
    Image.new("RGB", (300, 200), (40, 120, 160)).save(photo)
    choose_file(monkeypatch, photo)
    person.click(page.editor.choose_image)
    assert page.editor.image_label.text() == "seafront.png (300 × 200 pixels)"
    assert person.shown(page.editor.form.inputs["image_placement"]) == "Across the top"
    qtbot.waitUntil(
        lambda: page.preview.sheet is not None and page.preview.sheet.image, timeout=3000
    )

    person.click(page.editor.remove_image)
    assert page.editor.image_label.text() == "No image"
    assert saved(window, "image_id") is None
    window.runner.undo_stack.undo()
    assert page.editor.image_label.text() == "seafront.png (300 × 200 pixels)"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n this is not really a picture"), "damaged"),
        (lambda p: None, "is not there any more"),
        (lambda p: Image.new("RGB", (20, 20)).save(p, "GIF"), "Choose a PNG or JPEG image"),
        (lambda p: p.mkdir(), "is a folder"),
    ],
    ids=["corrupt", "missing", "not-an-image", "folder"],
)
def test_an_image_that_cannot_be_used_is_explained_and_the_draft_kept(
    window: MainWindow,
    page: DraftPage,
    person: Any,
    dialogs: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Any,
    expected: str,
) -> None:
    path = tmp_path / "photo.png"
    make(path)
    choose_file(monkeypatch, path)
    dialogs.warnings_expected = True
    person.click(page.editor.choose_image)
    assert len(dialogs.warnings) == 1 and expected in dialogs.warnings[0]
    assert "Traceback" not in dialogs.warnings[0]
    assert saved(window, "image_id") is None
    assert page.editor.image_label.text() == "No image"


def test_fill_again_from_the_event_asks_first_and_can_be_undone(
    window: MainWindow, page: DraftPage, person: Any, dialogs: Any
) -> None:
    title = page.editor.form.inputs["title"]
    person.fill(title, NEW_TITLE)
    dialogs.answer = dialogs.answer.No
    person.click(page.editor.refill)
    assert len(dialogs.questions) == 1 and "Edit ▸ Undo" in dialogs.questions[0]
    assert saved(window, "title") == NEW_TITLE

    dialogs.answer = dialogs.answer.Yes
    person.click(page.editor.refill)
    assert saved(window, "title").startswith("Move, Breathe and Connect")
    assert person.shown(title).startswith("Move, Breathe and Connect")
    window.runner.undo_stack.undo()
    assert saved(window, "title") == NEW_TITLE
    assert person.shown(title) == NEW_TITLE


def test_what_is_typed_is_saved_on_switching_tab_and_the_versions_page_opens(
    window: MainWindow, page: DraftPage, person: Any
) -> None:
    person.type(page.editor.form.inputs["cost_text"], "Free for everyone")
    window.tabs.setCurrentWidget(window.planning)
    assert saved(window, "cost_text") == "Free for everyone"
    window.show_tab("flyer")
    window.flyer.show_section("versions")
    assert window.flyer.shown_page() is window.flyer.versions


def test_every_checklist_line_can_be_reached_from_the_keyboard(page: DraftPage, qtbot: Any) -> None:
    panel = page.checklist
    qtbot.waitUntil(lambda: bool(panel.lines), timeout=5000)
    for line in panel.lines.values():
        assert line.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert line.accessibleName() == line.text()


def test_a_character_that_cannot_print_is_named_in_the_checklist_as_it_is_typed(
    window: MainWindow, page: DraftPage, person: Any, qtbot: Any
) -> None:
    qtbot.waitUntil(lambda: "letters" in page.checklist.texts(), timeout=3000)
    assert page.checklist.texts()["letters"] == "✓ Passes: Every letter prints"
    person.fill(page.editor.form.inputs["strapline"], "Pilates – بيلاتس للأمهات 🌼")
    qtbot.waitUntil(lambda: "✗" in page.checklist.texts()["letters"], timeout=3000)
    assert page.checklist.texts()["letters"] == (
        "✗ Change this: Cannot be printed (each shows as an empty box): the emoji 🌼 in the "
        "strapline. Use words instead."
    )
    person.fill(page.editor.form.inputs["strapline"], "Pilates – بيلاتس للأمهات")
    qtbot.waitUntil(lambda: "✓" in page.checklist.texts()["letters"], timeout=3000)
