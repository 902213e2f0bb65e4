"""The Details page: values save as they are typed; a refused value keeps its text and a message."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from organiser.core.events import service as events
from organiser.ui.main_window import MainWindow


@pytest.fixture
def details(window: MainWindow, new_event: Any) -> Any:
    """The Details page of a new event, on screen."""
    new_event("Pilates and wellbeing morning")
    window.planning.show_section("details")
    page = window.planning.details
    assert page.isVisible()
    return page


def saved(window: MainWindow) -> events.EventDetails:
    assert window.event_id is not None
    return events.get_event(window.store, window.event_id)


def test_end_before_start_is_refused_next_to_the_field_then_fixed(
    window: MainWindow, details: Any, person: Any
) -> None:
    form = details.form
    person.fill(form.inputs["start_time"], "10:00")
    person.fill(form.inputs["end_time"], "09:00")

    message = person.message(form, "end_time")
    assert message.startswith("⚠ The end time must be after")
    assert "10:00" in message
    assert person.shown(form.inputs["end_time"]) == "09:00", "the refused text stays to fix"
    assert saved(window).start_time == dt.time(10, 0)
    assert saved(window).end_time is None
    assert form.inputs["end_time"].accessibleDescription() == message.removeprefix("⚠ ")

    person.fill(form.inputs["end_time"], "11:30")
    assert person.message(form, "end_time") == ""
    assert not form.messages["end_time"].isVisible()
    assert saved(window).end_time == dt.time(11, 30)


def test_a_date_not_in_the_calendar_says_so(window: MainWindow, details: Any, person: Any) -> None:
    form = details.form
    person.fill(form.inputs["date"], "31/02/2027")
    assert "not a date in the calendar" in person.message(form, "date")
    assert saved(window).date is None

    person.fill(form.inputs["date"], "28/02/2027")
    assert person.message(form, "date") == ""
    assert saved(window).date == dt.date(2027, 2, 28)


def test_words_for_a_time_are_refused(window: MainWindow, details: Any, person: Any) -> None:
    person.fill(details.form.inputs["start_time"], "half ten")
    assert "is not a time" in person.message(details.form, "start_time")
    assert saved(window).start_time is None


@pytest.mark.parametrize(
    ("typed", "expected"), [("0", "1 or more"), ("abc", "whole number"), ("-3", "1 or more")]
)
def test_capacity_must_be_a_positive_whole_number(
    window: MainWindow, details: Any, person: Any, typed: str, expected: str
) -> None:
    form = details.form
    person.fill(form.inputs["capacity"], typed)
    assert expected in person.message(form, "capacity")
    assert saved(window).capacity is None

    person.fill(form.inputs["capacity"], "20")
    assert person.message(form, "capacity") == ""
    assert saved(window).capacity == 20


def test_one_refused_value_does_not_stop_the_others_saving(
    window: MainWindow, details: Any, person: Any
) -> None:
    form = details.form
    person.type(form.inputs["capacity"], "lots")
    person.type(form.inputs["venue_name"], "Harbourside Family Centre")
    person.tab(form.inputs["venue_name"])
    assert saved(window).venue_name == "Harbourside Family Centre"
    assert "whole number" in person.message(form, "capacity")


def test_a_past_date_shows_a_notice_but_is_kept(
    window: MainWindow, details: Any, person: Any
) -> None:
    assert not details.notice.isVisible()
    person.fill(details.form.inputs["date"], "01/01/2020")
    assert saved(window).date == dt.date(2020, 1, 1)
    assert details.notice.isVisible()
    assert "01/01/2020 is in the past" in details.notice.text()
    assert person.message(details.form, "date") == ""

    future = (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    person.fill(details.form.inputs["date"], future)
    assert not details.notice.isVisible()


def test_title_edit_renames_the_window_and_the_list(
    window: MainWindow, details: Any, person: Any
) -> None:
    person.fill(details.form.inputs["title"], "Łucja’s coffee morning")
    assert window.windowTitle().startswith("Łucja’s coffee morning — Organiser")
    assert person.items(window.panel.list)[0].startswith("Łucja’s coffee morning\n")


def test_a_blank_title_is_refused(window: MainWindow, details: Any, person: Any) -> None:
    person.fill(details.form.inputs["title"], "")
    assert "Give the event a title" in person.message(details.form, "title")
    assert saved(window).title == "Pilates and wellbeing morning"


def test_ticks_and_choices_save_at_once(window: MainWindow, details: Any, person: Any) -> None:
    person.tick(details.form.inputs["step_free"])
    assert saved(window).step_free is True
    person.choose(details.form.inputs["status"], "Confirmed")
    assert saved(window).status == "Confirmed"
    assert "Confirmed" in person.items(window.panel.list)[0]
