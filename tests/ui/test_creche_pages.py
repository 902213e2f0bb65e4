"""The Creche tab as a whole: every input labelled, pages that catch up after changes made
elsewhere, nothing half-typed lost on close, and the papers saved from its buttons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from organiser.core.events import service as events
from organiser.ui.creche.tab import KEYS
from organiser.ui.main_window import MainWindow


def page(window: MainWindow, key: str) -> Any:
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section(key)
    return window.creche.page(key)


def test_every_input_has_a_label_and_a_name(window: MainWindow, new_event: Any) -> None:
    new_event("Coffee morning")
    for key in KEYS:
        shown = page(window, key)
        buddies = {label.buddy() for label in shown.findChildren(QLabel) if label.buddy()}
        inputs = [
            w
            for kind in (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox, QListWidget)
            for w in shown.findChildren(kind)
            if not isinstance(w.parentWidget(), QComboBox)
        ]
        for widget in inputs:
            assert widget.accessibleName().strip(), f"{key}: {widget.objectName()} has no name"
            if not isinstance(widget, QCheckBox):
                assert widget in buddies, f"{key}: no label points to {widget.objectName()}"
        for button in shown.findChildren(QPushButton):
            assert button.text().strip(), f"{key}: a button without words"
    checkin = window.creche.checkin
    assert checkin.table.accessibleName() == "Households booked for the day"
    assert not checkin.table.tabKeyNavigation(), "Tab must leave the table"


def test_pages_catch_up_with_changes_made_elsewhere(
    window: MainWindow, new_event: Any, add_booking: Any, person: Any
) -> None:
    first = new_event("Pilates morning")
    add_booking(first, name="Zoë Hartley", adults=2)
    bookings = page(window, "bookings")
    assert bookings.places.text() == "2 adults booked (no capacity set)"

    # The capacity is typed on the Planning tab while the Creche tab is hidden.
    window.tabs.setCurrentWidget(window.planning)
    window.planning.show_section("details")
    person.fill(window.planning.details.form.inputs["capacity"], "2")
    assert page(window, "bookings").places.text() == "2 of 2 places booked"

    second = new_event("Second session")
    add_booking(second, name="Amara Okafor")
    window.open_event(second)
    assert person.column(page(window, "bookings").bookings.table, "Name") == ["Amara Okafor"]
    window.open_event(first)
    assert person.column(page(window, "checkin").table, "Name") == ["Zoë Hartley"]


def test_closing_with_a_half_typed_booking_asks_first(
    window: MainWindow, new_event: Any, person: Any, dialogs: Any
) -> None:
    new_event("Coffee morning")
    bookings = page(window, "bookings")
    person.type(bookings.bookings.form.inputs["contact"], "07700 900 412")
    window.close()
    assert dialogs.questions and dialogs.questions[-1].startswith("The new booking is not saved")
    assert window.isVisible(), "No keeps the window open to finish the booking"


def test_the_register_saved_from_the_children_page_shows_allergies_not_passwords(
    window: MainWindow,
    new_event: Any,
    add_booking: Any,
    add_child: Any,
    person: Any,
    dialogs: Any,
    tmp_path: Path,
) -> None:
    event_id = new_event("Pilates morning")
    store = window.store
    when = dt.date.today() + dt.timedelta(days=20)
    window.runner.call(lambda: events.update_event(store, event_id=event_id, values={"date": when}))
    zoe = add_booking(event_id, name="Zoë Hartley", children=1)
    add_child(zoe, first_name="Milo", allergies="Peanuts", collection_password="owl-feather")
    children = page(window, "children")
    out = tmp_path / "register.pdf"
    dialogs.save_path = str(out)
    register = children.findChild(QPushButton, "print_register")
    person.click(register)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Milo" in text and "Peanuts" in text
    assert "owl-feather" not in text
    assert window.statusBar().currentMessage().endswith(str(out))


def test_enter_in_the_find_box_goes_to_the_first_household(
    window: MainWindow, new_event: Any, add_booking: Any, person: Any
) -> None:
    event_id = new_event("Pilates morning")
    add_booking(event_id, name="Łucja Nowak")
    add_booking(event_id, name="Lucy Brown")
    checkin = page(window, "checkin")
    person.type(checkin.find_name, "lucja")
    person.qtbot.keyClick(checkin.find_name, Qt.Key.Key_Return)
    assert checkin.current_booking().name == "Łucja Nowak"
    person.qtbot.keyClick(checkin.table, Qt.Key.Key_A)
    assert checkin.count.text().startswith("1 of 2 households arrived")


def test_zoomed_text_keeps_the_whole_ratio_table_in_view(
    window: MainWindow, new_event: Any, qtbot: Any
) -> None:
    new_event("Coffee morning")
    settings = page(window, "creche")
    before = settings.table.width()
    window.change_zoom(1)
    qtbot.waitUntil(lambda: settings.table.width() > before)
    header = settings.table.horizontalHeader()
    assert settings.table.width() == header.length() + 2 * settings.table.frameWidth()
