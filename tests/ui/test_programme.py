"""The programme: overlaps and gaps said in words, items alongside, the total length."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QScrollArea

from organiser.core.planning import service as planning
from organiser.ui.main_window import MainWindow


@pytest.fixture
def programme(window: MainWindow, new_event: Any) -> Any:
    """The Programme page of a new event, on screen."""
    new_event("Pilates and wellbeing morning")
    window.planning.show_section("programme")
    page = window.planning.programme
    assert page.isVisible()
    return page


def add_item(person: Any, page: Any, start: str, end: str, title: str) -> None:
    section = page.section
    if section.current_id is not None:
        person.click(section.new_button)
    form = section.form
    person.type(form.inputs["title"], title)
    person.type(form.inputs["start"], start)
    person.type(form.inputs["end"], end)
    person.click(section.add_button)


def test_overlapping_items_are_flagged_until_one_runs_alongside(
    window: MainWindow, programme: Any, person: Any
) -> None:
    assert programme.summary.text().startswith("No programme items yet")
    add_item(person, programme, "10:00", "10:45", "Gentle Pilates")
    add_item(person, programme, "10:30", "11:00", "Creche")

    table = programme.section.table
    assert person.column(table, "Time") == ["10:00–10:45", "10:30–11:00"]
    checks = person.column(table, "Checks")
    assert checks == ["⚠ Overlaps “Creche”", "⚠ Overlaps “Gentle Pilates”"]
    summary = programme.summary.text()
    assert summary.startswith("2 items · 1 h in all")
    assert "“Gentle Pilates” and “Creche” overlap (10:30–10:45)." in summary

    person.choose_row(table, 1)
    assert person.shown(programme.section.form.inputs["title"]) == "Creche"
    person.tick(programme.section.form.inputs["alongside"])

    assert person.column(table, "Checks") == ["OK", "Runs alongside"]
    assert programme.summary.text() == "2 items · 1 h in all · no overlaps or gaps"
    assert window.event_id is not None
    assert [r.alongside for r in planning.list_programme(window.store, window.event_id)] == [
        False,
        True,
    ]


def test_a_gap_is_said_in_words(programme: Any, person: Any) -> None:
    add_item(person, programme, "10:00", "10:30", "Welcome")
    add_item(person, programme, "11:00", "11:30", "Coffee")
    assert person.column(programme.section.table, "Checks") == ["OK", "⚠ Gap of 30 min before"]
    assert "Nothing is planned from 10:30 to 11:00." in programme.summary.text()
    assert "1 h 30 min in all" in programme.summary.text()


def test_an_item_ending_before_it_starts_is_refused(programme: Any, person: Any) -> None:
    add_item(person, programme, "10:30", "10:00", "Welcome")
    assert "The end time must be after the start time (10:30)" in person.message(
        programme.section.form, "end"
    )
    assert programme.section.model.rowCount() == 0


def test_an_item_outside_the_event_times_is_flagged(
    window: MainWindow, programme: Any, person: Any
) -> None:
    window.planning.show_section("details")
    form = window.planning.details.form
    person.fill(form.inputs["start_time"], "10:00")
    person.fill(form.inputs["end_time"], "12:00")
    window.planning.show_section("programme")
    add_item(person, programme, "11:30", "12:30", "Coffee")
    assert person.column(programme.section.table, "Checks") == ["⚠ Outside the event’s times"]

    window.planning.show_section("details")
    person.fill(form.inputs["end_time"], "13:00")
    window.planning.show_section("programme")
    assert person.column(programme.section.table, "Checks") == ["OK"], "refreshed by the edit"


def test_editing_a_time_resorts_the_running_order(programme: Any, person: Any) -> None:
    add_item(person, programme, "10:00", "10:30", "Welcome")
    add_item(person, programme, "10:30", "11:00", "Pilates")
    person.choose_row(programme.section.table, 0)
    person.fill(programme.section.form.inputs["start"], "11:00")
    person.fill(programme.section.form.inputs["end"], "11:15")
    assert person.column(programme.section.table, "Title") == ["Pilates", "Welcome"]
    assert person.shown(programme.section.form.inputs["title"]) == "Welcome", "still chosen"


def test_on_a_small_laptop_screen_no_input_is_cut_off_out_of_reach(
    window: MainWindow, programme: Any, qtbot: Any
) -> None:
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    scroll = programme.section.findChild(QScrollArea)
    viewport, bar = scroll.viewport(), scroll.horizontalScrollBar()
    for widget in programme.section.form.inputs.values():
        right = widget.mapTo(viewport, widget.rect().topRight()).x()
        # What does not fit beside the running order can be scrolled to.
        reach = viewport.width() + (bar.maximum() if bar.isVisible() else 0)
        assert right <= reach, widget.objectName()
