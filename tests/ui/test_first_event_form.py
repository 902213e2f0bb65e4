"""Getting started's guided form: a title is needed, dates and times that cannot be read or
lie in the past are said under their fields, names are checked, and the event is made with
its working group as one undoable step (or not at all), then opened on Planning."""

from __future__ import annotations

import datetime as dt
from typing import Any

from getting_started_steps import ENTER, SOON, dialog, start_form, titles, type_lines

from organiser.core.events import service as events
from organiser.core.planning import service as planning
from organiser.ui.getting_started import GettingStartedDialog
from organiser.ui.main_window import MainWindow

__all__ = ["dialog"]  # the fixture


def test_a_title_is_needed_and_said_under_it(
    window: MainWindow, dialog: GettingStartedDialog, person: Any, qtbot: Any
) -> None:
    form = start_form(dialog, person)
    title = form.form.inputs["title"]
    assert title.hasFocus()
    qtbot.keyClick(title, ENTER)
    assert "Give the event a title" in person.message(form.form, "title")
    assert titles(window) == []
    assert dialog.isVisible()
    person.fill(title, "Coffee morning")
    assert person.message(form.form, "title") == "", "said no more once a title is given"


def test_a_date_that_cannot_be_read_is_said_under_it(
    window: MainWindow, dialog: GettingStartedDialog, person: Any, qtbot: Any
) -> None:
    form = start_form(dialog, person)
    person.type(form.form.inputs["title"], "Coffee morning")
    person.fill(form.form.inputs["date"], "31/02/2027")
    assert person.message(form.form, "date") == "⚠ 31/02/2027 is not a date in the calendar."
    person.click(form.create_button)
    assert titles(window) == []
    assert form.form.inputs["date"].hasFocus(), "the cursor goes to what needs changing"
    person.fill(form.form.inputs["date"], "next week")
    assert "is not a date; write it as day/month/year" in person.message(form.form, "date")
    person.type(form.form.inputs["date"], SOON.strftime("%d/%m/%Y"))
    qtbot.keyClick(form.form.inputs["date"], ENTER)
    assert titles(window) == ["Coffee morning"]


def test_a_date_in_the_past_is_said_and_kept_when_asked_again(
    window: MainWindow, dialog: GettingStartedDialog, person: Any
) -> None:
    form = start_form(dialog, person)
    person.type(form.form.inputs["title"], "Coffee morning")
    person.type(form.form.inputs["date"], "14/03/2020")
    person.click(form.create_button)
    assert person.message(form.form, "date") == (
        "⚠ The date 14/03/2020 is in the past. Check it, or press Create event again to keep it."
    )
    assert titles(window) == []
    person.click(form.create_button)
    assert window.event_id is not None
    assert events.get_event(window.store, window.event_id).date == dt.date(2020, 3, 14)


def test_times_and_names_are_checked_before_anything_is_made(
    window: MainWindow, dialog: GettingStartedDialog, person: Any
) -> None:
    form = start_form(dialog, person)
    person.type(form.form.inputs["title"], "Coffee morning")
    person.type(form.form.inputs["start_time"], "12:00")
    person.type(form.form.inputs["end_time"], "10:00")
    type_lines(person, form.members, ["Sam Okoro", "Amira Hassan", "sam  okoro"])
    person.click(form.create_button)
    assert "must be after the start time" in person.message(form.form, "end_time")
    assert form.members_message.text() == "⚠ Sam Okoro is listed twice."
    assert titles(window) == []
    type_lines(person, form.members, ["Sam Okoro", "Amira Hassan"])
    assert not form.members_message.isVisible(), "cleared as soon as the names are right"


def test_the_event_is_made_with_its_working_group_as_one_step_and_opened_on_planning(
    window: MainWindow, dialog: GettingStartedDialog, person: Any, qtbot: Any
) -> None:
    form = start_form(dialog, person)
    person.type(form.form.inputs["title"], "Pilates morning")
    person.type(form.form.inputs["date"], SOON.strftime("%d/%m/%Y"))
    person.type(form.form.inputs["start_time"], "9.45")
    person.type(form.form.inputs["end_time"], "12:15")
    person.type(form.form.inputs["venue_name"], "Harbour Family Centre")
    type_lines(person, form.members, ["Amira Hassan", "", "  Tom   Reeve "])
    person.type(form.name, "Zoë Łucja Nowak")
    qtbot.keyClick(form.name, ENTER)
    assert form.members.toPlainText() == "Amira Hassan\n\n  Tom   Reeve \nZoë Łucja Nowak"
    assert dialog.isVisible(), "Enter in the name adds it; it does not make the event"
    person.click(form.create_button)

    assert not dialog.isVisible()
    event_id = window.event_id
    assert event_id is not None
    details = events.get_event(window.store, event_id)
    assert (details.title, details.date, details.venue_name) == (
        "Pilates morning",
        SOON,
        "Harbour Family Centre",
    )
    assert (details.start_time, details.end_time) == (dt.time(9, 45), dt.time(12, 15))
    names = [m.name for m in planning.list_members(window.store, event_id)]
    assert names == ["Amira Hassan", "Tom Reeve", "Zoë Łucja Nowak"]
    assert window.tabs.currentWidget() is window.planning
    assert window.planning.current_key() == "overview"

    stack = window.runner.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "New event")
    stack.undo()
    assert titles(window) == []
    assert window.event_id is None
    stack.redo()
    assert titles(window) == ["Pilates morning"]
    assert len(planning.list_members(window.store, event_id)) == 3


def test_a_name_the_database_refuses_leaves_nothing_half_made(
    window: MainWindow, dialog: GettingStartedDialog, person: Any
) -> None:
    form = start_form(dialog, person)
    person.type(form.form.inputs["title"], "Coffee morning")
    type_lines(person, form.members, ["Amira Hassan", "x" * 201])
    person.click(form.create_button)
    assert "longer than the 200 characters" in form.members_message.text()
    assert form.members.hasFocus()
    assert titles(window) == [], "neither the event nor Amira was kept"
    assert window.runner.undo_stack.count() == 0
