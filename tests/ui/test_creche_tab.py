"""The Creche tab driven like a person: bookings past capacity and the waiting list, a freed
place given from the task, children and staff, the ratio shortfall in words, check-in keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from organiser.core.events import service as events
from organiser.ui.main_window import MainWindow

Event = Callable[..., int]


@pytest.fixture
def event(window: MainWindow, new_event: Any) -> Event:
    """`event(capacity=..., days=...)`: a new event that many days from today, opened."""

    def _make(*, capacity: int | None = None, days: int = 30) -> int:
        event_id = new_event("Pilates and wellbeing morning")
        values: dict[str, Any] = {"date": dt.date.today() + dt.timedelta(days=days)}
        if capacity is not None:
            values["capacity"] = capacity
        store = window.store
        window.runner.call(lambda: events.update_event(store, event_id=event_id, values=values))
        return event_id

    return _make


def page(window: MainWindow, key: str) -> Any:
    """Open the Creche tab on one of its pages."""
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section(key)
    shown = window.creche.page(key)
    assert shown.isVisible()
    return shown


def add_booking(person: Any, bookings: Any, name: str, adults: str, children: str) -> None:
    section = bookings.bookings
    if section.current_id is not None:
        person.click(section.new_button)
    form = section.form
    person.type(form.inputs["name"], name)
    person.type(form.inputs["adults"], adults)
    person.type(form.inputs["children"], children)
    person.click(section.add_button)
    assert person.shown(form.inputs["name"]) == name


def add_child(person: Any, bookings: Any, name: str, *, months: str = "", born: str = "") -> None:
    section = bookings.children_section
    if section.current_id is not None:
        person.click(section.new_button)
    form = section.form
    person.type(form.inputs["first_name"], name)
    if months:
        person.type(form.inputs["age_months"], months)
    if born:
        person.type(form.inputs["date_of_birth"], born)
    person.type(form.inputs["collectors"], "Zoë Hartley (mother)")
    person.click(section.add_button)
    assert section.current_id is not None, section.form.messages


def add_staff(person: Any, staff: Any, name: str, qualification: str = "Level 3") -> None:
    section = staff.section
    if section.current_id is not None:
        person.click(section.new_button)
    person.type(section.form.inputs["name"], name)
    person.choose(section.form.inputs["qualification"], qualification)
    person.click(section.add_button)
    assert section.current_id is not None


def test_the_creche_tab_follows_speakers(window: MainWindow) -> None:
    assert [window.tabs.tabText(n) for n in range(3)] == ["Planning", "Speakers", "Creche"]
    window.show_tab("creche")
    assert window.tabs.currentWidget() is window.creche
    assert window.creche.bar.accessibleName() == "Creche pages"
    labels = [window.creche.bar.tabText(n) for n in range(window.creche.bar.count())]
    # The page of hours, ratios and checks is not a second "Creche" inside the Creche tab.
    assert labels == [
        "Bookings",
        "Check-in",
        "Children",
        "Staff",
        "Settings and checks",
        "Privacy",
    ]


def test_bookings_past_capacity_wait_and_a_freed_place_is_given_from_the_task(
    window: MainWindow, event: Event, person: Any
) -> None:
    event(capacity=2)
    bookings = page(window, "bookings")
    assert bookings.places.text() == "0 of 2 places booked"
    add_booking(person, bookings, "Zoë Hartley", "1", "1")
    add_booking(person, bookings, "Amara Okafor", "1", "")
    add_booking(person, bookings, "Grace Mbeki", "1", "")
    add_booking(person, bookings, "Daniel Osei", "2", "1")

    table = bookings.bookings.table
    assert person.column(table, "Name") == [
        "Zoë Hartley",
        "Amara Okafor",
        "Grace Mbeki",
        "Daniel Osei",
    ]
    assert person.column(table, "Status") == [
        "Booked",
        "Booked",
        "Waiting list, number 1",
        "Waiting list, number 2",
    ]
    assert person.column(table, "Children's details") == [
        "0 of 1 entered",
        "None needed",
        "None needed",
        "0 of 1 entered",
    ]
    assert bookings.places.text() == (
        "2 of 2 places booked; 1 child in the creche; 2 households on the waiting list"
    )
    assert not bookings.offer_box.isVisible()

    # Amara cancels: the place is offered to Grace, first in the queue who fits.
    person.choose_row(table, 1)
    person.choose(bookings.bookings.form.inputs["status"], "Cancelled")
    assert person.column(table, "Status")[1] == "Cancelled"
    assert bookings.offer_box.isVisible()
    assert bookings.offer_text.text() == (
        "⚠ A place is free: offer it to Grace Mbeki (1 adult, number 1 on the waiting list)."
    )
    assert bookings.give_button.text() == "Give the place to Grace Mbeki"
    person.click(bookings.give_button)

    assert person.column(table, "Status") == [
        "Booked",
        "Cancelled",
        "Booked",
        "Waiting list, number 1",
    ]
    assert not bookings.offer_box.isVisible()
    stack = window.runner.undo_stack
    assert stack.undoText() == "Give a place to Grace Mbeki"
    stack.undo()
    assert person.column(table, "Status")[2] == "Waiting list, number 1"
    assert bookings.give_button.text() == "Give the place to Grace Mbeki"
    stack.redo()
    assert person.column(table, "Status")[2] == "Booked"


def test_children_staff_and_the_ratio_shortfall_said_in_words(
    window: MainWindow, event: Event, person: Any
) -> None:
    event_id = event(days=30)
    bookings = page(window, "bookings")
    add_booking(person, bookings, "Zoë Hartley", "1", "4")
    assert bookings.children_heading.text() == (
        "Children of Zoë Hartley: 4 booked into the creche, 0 entered"
    )
    add_child(person, bookings, "Ada", months="10")
    add_child(person, bookings, "Milo", months="14")
    add_child(person, bookings, "Niamh", months="20")
    # Turning 2 on the event date puts a child in the band "Aged 2".
    event_date = events.get_event(window.store, event_id).date
    assert event_date is not None
    born = event_date.replace(year=event_date.year - 2)
    add_child(person, bookings, "Minh", born=born.strftime("%d/%m/%Y"))

    children = bookings.children_section.table
    assert person.column(children, "Age at the event") == [
        "10 months",
        "1 year 2 months",
        "1 year 8 months",
        "2 years",
    ]
    assert person.column(children, "Age band") == ["Under 2", "Under 2", "Under 2", "Aged 2"]
    assert bookings.child_age.text() == "Minh is 2 years at the event: age band Aged 2."
    assert person.column(bookings.bookings.table, "Children's details") == ["4 of 4 entered"]

    # Three under 2 (1:3) and one aged 2 (1:5) need 2 staff; nobody is on yet.
    staff = page(window, "staff")
    assert staff.ratio.text() == "⚠ Short-staffed: 4 children need 2 staff, but only 0 on."
    add_staff(person, staff, "Bronwen Evans", "Level 6 (QTS, EYTS or EYPS)")
    assert staff.ratio.text() == "⚠ Short-staffed: 4 children need 2 staff, but only 1 on."

    settings = page(window, "creche")
    assert settings.summary.text().startswith("⚠ Short-staffed")
    assert person.column(settings.table, "Children") == ["3", "1", "0"]
    # Level 6 alone does not give 1:13: someone else on must hold level 3.
    assert person.column(settings.table, "Ratio") == ["1:3", "1:5", "1:8"]
    assert any(text.startswith("Short-staffed") for text in settings.warning_texts())
    assert "Bronwen Evans has no DBS check recorded." in settings.warning_texts()
    settings.warnings.linkActivated.emit("staff")  # as a click on that warning does
    assert window.creche.current_key() == "staff"

    add_staff(person, staff, "Marek Zieliński")
    assert staff.ratio.text() == "4 children need 2 staff; 2 on throughout — enough."
    assert person.column(staff.section.table, "DBS check") == ["⚠ Not recorded"] * 2
    settings = page(window, "creche")
    assert settings.summary.text() == "4 children need 2 staff; 2 on throughout — enough."
    assert not any(text.startswith("Short-staffed") for text in settings.warning_texts())


def test_a_child_needs_a_first_name_and_a_sensible_age(
    window: MainWindow, event: Event, person: Any
) -> None:
    event()
    bookings = page(window, "bookings")
    add_booking(person, bookings, "Siobhán Kelly", "1", "1")
    form = bookings.children_section.form
    person.type(form.inputs["first_name"], "Niamh")
    person.type(form.inputs["age_months"], "-3")
    person.click(bookings.children_section.add_button)
    assert person.message(form, "age_months") == "⚠ Or age in months cannot be negative."
    assert bookings.children_section.model.rowCount() == 0
    person.type(form.inputs["age_months"], "27")
    person.click(bookings.children_section.add_button)
    assert person.column(bookings.children_section.table, "Name") == ["Niamh"]


def test_check_in_keys_mark_and_move_on_and_the_count_says_so(
    window: MainWindow,
    event: Event,
    person: Any,
    add_booking: Any,
    find_action: Any,
) -> None:
    event_id = event()
    add_booking(event_id, name="Zoë Hartley", adults=1, children=2)
    add_booking(event_id, name="Amara Okafor", adults=2, children=1)
    add_booking(event_id, name="Callum Reid", adults=1)
    add_booking(event_id, name="Grace Mbeki", adults=1, status="Cancelled")
    checkin = page(window, "checkin")
    table = checkin.table
    assert person.column(table, "Name") == ["Amara Okafor", "Callum Reid", "Zoë Hartley"]
    assert checkin.count.text() == "0 of 3 households arrived — 0 adults, 0 children; 0 no-shows"

    person.choose_row(table, 0)
    qtbot = person.qtbot
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert person.column(table, "Checked in") == ["Arrived", "Not yet", "Not yet"]
    assert checkin.current_booking().name == "Callum Reid"  # moved on to the next
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert checkin.current_booking().name == "Zoë Hartley"
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert person.column(table, "Checked in") == ["Arrived", "No-show", "Arrived"]
    assert checkin.count.text() == "2 of 3 households arrived — 3 adults, 3 children; 1 no-show"

    assert window.runner.undo_stack.undoText() == "Mark Zoë Hartley arrived"
    find_action(window, "&Edit", "&Undo").trigger()
    assert person.column(table, "Checked in") == ["Arrived", "No-show", "Not yet"]
    assert checkin.count.text() == "1 of 3 households arrived — 2 adults, 1 child; 1 no-show"

    # B puts a household back; the buttons do the same for mouse users.
    person.choose_row(table, 1)
    qtbot.keyClick(table, Qt.Key.Key_B)
    assert person.column(table, "Checked in")[1] == "Not yet"
    person.type(checkin.find_name, "zoe")  # accents need not be typed
    assert person.column(table, "Name") == ["Zoë Hartley"]
    qtbot.keyClick(checkin.find_name, Qt.Key.Key_Return)
    assert table.hasFocus()
    person.click(checkin.arrived_button)
    assert person.column(table, "Checked in") == ["Arrived"]
    assert checkin.count.text().startswith("2 of 3 households arrived")


def test_the_children_page_shows_everyone_but_never_a_password(
    window: MainWindow, event: Event, person: Any, add_booking: Any, add_child: Any
) -> None:
    event_id = event()
    zoe = add_booking(event_id, name="Zoë Hartley", children=2)
    add_child(zoe, first_name="Milo", age_months=41, allergies="Peanuts", collection_password="owl")
    add_child(zoe, first_name="Ada", age_months=14, dietary="Vegetarian", collectors="")
    amara = add_booking(event_id, name="Amara Okafor", children=1)
    chidi = add_child(amara, first_name="Chidi", age_months=50, allergies="Nuts")
    children = page(window, "children")
    table = children.table
    assert person.column(table, "Name") == ["Milo", "Ada", "Chidi"]
    assert person.column(table, "Who collects") == [
        "Siobhán Kelly (mother)",
        "⚠ Nobody named",
        "Siobhán Kelly (mother)",
    ]
    shown = [
        str(table.model().index(r, c).data())
        for r in range(table.model().rowCount())
        for c in range(table.model().columnCount())
    ]
    assert not any("owl" in text for text in shown)
    assert children.summary.text() == "3 children in the creche: 1 under 2, 2 aged 3 and over."
    assert children.needs.text() == (
        "Allergies and diets: 1 child with a nut allergy; 1 child with a peanut allergy; "
        "1 child: vegetarian."
    )

    person.choose_row(table, 2)
    person.qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.creche.current_key() == "bookings"
    bookings = window.creche.bookings
    assert bookings.bookings.current_id == amara
    assert person.column(bookings.children_section.table, "Name") == ["Chidi"]
    assert bookings.children_section.model.row_at(0).id == chidi


def test_creche_hours_set_here_warn_at_two_hours_and_undo(
    window: MainWindow, event: Event, person: Any
) -> None:
    event()
    settings = page(window, "creche")
    assert settings.hours.text() == (
        "No creche is planned for this event. To run one, set its hours here or add a Creche "
        "item to the programme."
    )
    assert settings.warning_texts() == [], "no creche, so nothing about its hours to fix"
    person.fill(settings.form.inputs["start"], "10:00")
    assert settings.hours.text().startswith("The creche has no hours yet")
    assert any("creche has no hours" in text for text in settings.warning_texts())
    person.fill(settings.form.inputs["end"], "12:30")
    assert settings.hours.text() == "The creche runs 10:00–12:30 (set here)."
    assert any("2 h 30 min" in text for text in settings.warning_texts())
    person.fill(settings.form.inputs["end"], "9:00")
    assert person.message(settings.form, "end") == "⚠ The creche must end after it starts."
    person.fill(settings.form.inputs["end"], "11:45")
    assert settings.hours.text() == "The creche runs 10:00–11:45 (set here)."
    assert not any("Ofsted" in text for text in settings.warning_texts())

    stack = window.runner.undo_stack
    assert stack.undoText() == "Edit creche settings"
    stack.undo()
    assert settings.hours.text() == "The creche runs 10:00–12:30 (set here)."
    assert person.shown(settings.form.inputs["end"]) == "12:30"
    person.fill(settings.form.inputs["places"], "3")
    assert settings.form.inputs["places"].accessibleName() == "Creche places"
    bookings = page(window, "bookings")
    assert bookings.places.text() == "0 adults booked (no capacity set); creche 0 of 3"
