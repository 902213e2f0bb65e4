"""The window as a whole: autosave, zoom, labels, the example event, the programme PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from organiser.core.demo import DEMO_TITLE
from organiser.core.events import service as events
from organiser.ui import commands, printing
from organiser.ui.main_window import MainWindow
from organiser.ui.planning.tab import KEYS
from organiser.ui.widgets.form import FieldForm

PURPOSE = "Help isolated parents feel stronger — Zoë’s idea 💪"


@pytest.fixture
def details(window: MainWindow, new_event: Any) -> Any:
    new_event("Coffee morning")
    window.planning.show_section("details")
    return window.planning.details


def test_typing_saves_within_a_second_without_leaving_the_field(
    window: MainWindow, details: Any, person: Any, qtbot: Any
) -> None:
    purpose = details.form.inputs["purpose"]
    assert window.event_id is not None
    event_id = window.event_id
    person.type(purpose, PURPOSE)
    assert events.get_event(window.store, event_id).purpose == "", "saved once typing pauses"
    qtbot.waitUntil(
        lambda: events.get_event(window.store, event_id).purpose == PURPOSE, timeout=1000
    )
    assert purpose.hasFocus(), "the cursor never left the field"
    assert window.statusBar().currentMessage().startswith("Saved ")


def test_what_is_typed_is_saved_when_the_window_closes(
    window: MainWindow, details: Any, person: Any
) -> None:
    event_id = window.event_id
    assert event_id is not None
    person.type(details.form.inputs["audience"], "Parents of under-fives")
    person.type(details.form.inputs["venue_name"], "Harbourside Family Centre")
    window.close()
    saved = events.get_event(window.store, event_id)
    assert saved.audience == "Parents of under-fives"
    assert saved.venue_name == "Harbourside Family Centre"


def test_what_is_typed_is_saved_when_another_event_is_chosen(
    window: MainWindow, new_event: Any, person: Any
) -> None:
    other = new_event("Picnic in the park")
    first = new_event("Coffee morning")
    window.planning.show_section("details")
    person.type(window.planning.details.form.inputs["venue_name"], "Seafront shelter")
    row = [t.split("\n")[0] for t in person.items(window.panel.list)].index("Picnic in the park")
    person.choose_row(window.panel.list, row)
    assert window.event_id == other
    assert events.get_event(window.store, first).venue_name == "Seafront shelter"
    assert person.shown(window.planning.details.form.inputs["venue_name"]) == ""


def test_zoom_scales_the_text_and_actual_size_restores_it(
    window: MainWindow, details: Any, find_action: Any, qapp: QApplication
) -> None:
    usual = qapp.font().pointSizeF()
    title = details.form.inputs["title"]
    usual_widget = title.font().pointSizeF()

    window.change_zoom(1)
    assert qapp.font().pointSizeF() > usual
    assert title.font().pointSizeF() > usual_widget, "the inputs follow the application font"
    assert window.statusBar().currentMessage() == "Text size 115%"
    find_action(window, "&View", "Zoom &in").trigger()
    assert qapp.font().pointSizeF() > usual * 1.2
    assert float(window.settings.value("view/zoom")) == pytest.approx(1.3)

    window.change_zoom(0)
    assert qapp.font().pointSizeF() == pytest.approx(usual)
    find_action(window, "&View", "Zoom &out").trigger()
    assert qapp.font().pointSizeF() < usual
    find_action(window, "&View", "&Actual size").trigger()
    assert qapp.font().pointSizeF() == pytest.approx(usual)


def test_every_input_on_every_page_has_a_name_and_a_label(
    window: MainWindow, new_event: Any
) -> None:
    new_event("Coffee morning")
    for key in KEYS:  # pages are built when first opened
        window.planning.page(key)
    forms = window.findChildren(FieldForm)
    assert len(forms) >= 8
    for form in forms:
        inputs = [
            w
            for kind in (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox)
            for w in form.findChildren(kind)
            if not isinstance(w.parentWidget(), QComboBox)
        ]
        assert len(inputs) == len(form.fields)
        buddies = {label.buddy() for label in form.findChildren(QLabel)}
        for widget in inputs:
            assert widget.accessibleName().strip(), f"{widget.objectName()}: no accessible name"
            if not isinstance(widget, QCheckBox):
                assert widget in buddies, f"{widget.objectName()}: no label points to it"
    search_labels = [w.buddy() for w in window.panel.findChildren(QLabel)]
    assert window.panel.search in search_labels
    assert window.panel.search.accessibleName() == "Search events"


def test_buttons_have_words_not_only_icons(window: MainWindow, new_event: Any) -> None:
    new_event("Coffee morning")
    for key in KEYS:
        window.planning.page(key)
    for found in window.findChildren(QPushButton):
        assert found.text().replace("&", "").strip(), "a button without words"


def test_open_example_event_from_the_help_menu(
    window: MainWindow, person: Any, find_action: Any
) -> None:
    find_action(window, "&Help", "Open &example event").trigger()
    assert window.windowTitle().startswith(f"{DEMO_TITLE} — Organiser")
    assert [t.split("\n")[0] for t in person.items(window.panel.list)] == [DEMO_TITLE]
    overview = window.planning.overview
    assert overview.isVisible()
    text = overview.plain_text()
    assert "21 days to go" in text
    assert "Working group: 4 members, 1 with lived experience" in text
    assert "Programme: 7 items, 2 h 30 min" in text
    assert "£25.00 of costs still to pay" in text
    shown = overview.text.text()
    assert "<h2>Move, Breathe and Connect" in shown
    assert "21 days to go" in shown


def test_an_overview_line_opens_its_page(window: MainWindow) -> None:
    commands.open_example(window)
    window.planning.overview.text.linkActivated.emit("budget")
    assert window.planning.shown_page() is window.planning.budget
    assert "Funds: £550.00" in window.planning.budget.totals.text()


def test_about_names_the_database(window: MainWindow, dialogs: Any, find_action: Any) -> None:
    find_action(window, "&Help", "&About Organiser").trigger()
    assert len(dialogs.abouts) == 1
    assert window.store.display_name in dialogs.abouts[0]


def test_programme_pdf_is_saved_where_the_person_chooses(
    window: MainWindow, dialogs: Any, person: Any, tmp_path: Path
) -> None:
    commands.open_example(window)
    window.planning.show_section("programme")
    target = tmp_path / "out" / "programme.pdf"
    target.parent.mkdir()
    dialogs.save_path = str(target)
    person.click(window.planning.programme.print_button)

    assert dialogs.save_suggestions[-1].endswith(
        "Move, Breathe and Connect a Pilates and wellbeing morning - programme.pdf"
    )
    reader = PdfReader(target)
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    assert "Move, Breathe and Connect" in text
    assert "Gentle Pilates for every body" in text
    assert "Siobhán Kelly" in text
    assert window.statusBar().currentMessage() == f"Programme saved to {target}"
    assert [p.name for p in target.parent.iterdir()] == ["programme.pdf"], "no temp file left"


def test_cancelling_the_save_dialog_writes_nothing(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    commands.open_example(window)
    dialogs.save_path = ""
    before = set(tmp_path.rglob("*.pdf"))
    printing.export_programme(window)
    assert set(tmp_path.rglob("*.pdf")) == before
    assert len(dialogs.save_suggestions) == 1


def test_an_unwritable_folder_gets_a_message_not_a_traceback(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    commands.open_example(window)
    dialogs.warnings_expected = True
    dialogs.save_path = str(tmp_path / "missing" / "programme.pdf")
    printing.export_programme(window)
    assert len(dialogs.warnings) == 1
    assert "does not exist" in dialogs.warnings[0]
    assert not (tmp_path / "missing").exists()
