"""The Lessons and next steps page driven like a person: a lesson added and undone, one raised
from a meeting's notes, the next step chosen, and the next session planned with the lessons
carried into it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from organiser.core.coproduction import narrative
from organiser.core.coproduction.rows import list_lessons
from organiser.core.crud import add_row
from organiser.core.events import service as events
from organiser.core.row_kinds import RowKind
from organiser.ui import commands
from organiser.ui.main_window import MainWindow
from organiser.ui.planning.lessons import LessonsPage

DEMO_TITLE = "Move, Breathe and Connect: a Pilates and wellbeing morning"


@pytest.fixture
def page(window: MainWindow, new_event: Any) -> LessonsPage:
    """The Lessons page of a new event, on screen."""
    new_event("Coffee morning")
    window.planning.show_section("lessons")
    shown: LessonsPage = window.planning.lessons
    assert shown.isVisible()
    return shown


@pytest.fixture
def demo_page(window: MainWindow) -> LessonsPage:
    """The Lessons page of the example event, on screen."""
    commands.open_example(window)
    window.planning.show_section("lessons")
    shown: LessonsPage = window.planning.lessons
    return shown


def test_add_a_lesson_and_undo(
    window: MainWindow, page: LessonsPage, person: Any, find_action: Any
) -> None:
    assert page.summary.text().startswith("No lessons yet")
    form = page.lessons.form
    person.type(form.inputs["happened"], "The hall was cold until eleven")
    person.type(form.inputs["learned"], "Parents stay longer in a warm room")
    person.type(form.inputs["differently"], "Ask the caretaker for the heating at nine")
    person.choose(form.inputs["tag"], "Venue")
    person.click(page.lessons.add_button)

    assert window.event_id is not None
    stored = list_lessons(window.store, window.event_id)
    assert [(r.happened, r.tag, r.origin) for r in stored] == [
        ("The hall was cold until eleven", "Venue", "")
    ]
    assert person.column(page.lessons.table, "Learned") == ["Parents stay longer in a warm room"]
    assert person.column(page.lessons.table, "Next time") == [
        "Ask the caretaker for the heating at nine"
    ]
    assert page.summary.text() == "1 lesson."

    undo = find_action(window, "&Edit", "&Undo")
    assert "Add lesson" in undo.text()
    undo.trigger()
    assert list_lessons(window.store, window.event_id) == []
    assert page.lessons.model.rowCount() == 0
    assert page.summary.text().startswith("No lessons yet")


def test_a_lesson_says_what_happened_or_was_learned(page: LessonsPage, person: Any) -> None:
    person.choose(page.lessons.form.inputs["tag"], "Funding")
    person.click(page.lessons.add_button)
    assert "Write what happened" in person.message(page.lessons.form, "happened")
    assert page.lessons.model.rowCount() == 0


def test_add_a_lesson_from_a_meetings_notes(
    window: MainWindow, new_event: Any, person: Any
) -> None:
    event_id = new_event("Coffee morning")
    meeting_id = add_row(
        window.store,
        kind=RowKind.MEETINGS,
        parent_id=event_id,
        values={"title": "Looking back", "date": dt.date(2027, 3, 20)},
    ).created_id
    window.planning.show_section("meetings")
    meetings_page = window.planning.meetings
    meetings_page.show_meeting(meeting_id)
    person.click(meetings_page.lesson_button)

    page = window.planning.lessons
    assert window.planning.current_key() == "lessons"
    combo = page.lessons.form.inputs["meeting_id"]
    assert combo.currentText() == "Looking back (20/03/2027)"
    assert page.lessons.mode_label.text() == "New lesson from Looking back (20/03/2027)"
    happened = page.lessons.form.inputs["happened"]
    assert happened.hasFocus()
    person.type(happened, "Nobody could find the side door")
    person.click(page.lessons.add_button)
    stored = list_lessons(window.store, event_id)
    assert [(r.meeting_id, r.origin) for r in stored] == [
        (meeting_id, "From the meeting Looking back (20/03/2027)")
    ]
    assert person.column(page.lessons.table, "From") == [
        "From the meeting Looking back (20/03/2027)"
    ]


def test_choose_a_next_step_and_undo(
    window: MainWindow, demo_page: LessonsPage, person: Any, find_action: Any
) -> None:
    demo_page.tabs.setCurrentIndex(1)
    panel = demo_page.next_steps
    assert panel.question.text() == "What if this is successful and we want to do more?"
    assert panel.chosen() == "Regular sessions"
    series = next(b for b in panel.options.buttons() if b.text() == "A short series")
    person.click(series)
    assert window.event_id is not None
    assert narrative.next_step(window.store, window.event_id) == "A short series"
    assert panel.chosen() == "A short series"

    undo = find_action(window, "&Edit", "&Undo")
    assert "Choose the next step" in undo.text()
    undo.trigger()
    assert narrative.next_step(window.store, window.event_id) == "Regular sessions"
    assert panel.chosen() == "Regular sessions"


def test_the_evidence_for_demand_and_the_cost_of_another_session(
    demo_page: LessonsPage,
) -> None:
    panel = demo_page.next_steps
    evidence = panel.demand_text()
    assert evidence.startswith(
        "15 of 20 people who answered would come to regular sessions, and 4 more might."
    )
    assert "Evidence for demand" in panel.demand.text()
    cost = panel.cost.text()
    assert "One more session like this would cost about £" in cost
    assert "Creche: £" in cost and "Venue: £" in cost


def test_a_new_event_says_what_is_not_known_yet(page: LessonsPage) -> None:
    panel = page.next_steps
    assert panel.chosen() == "Not decided yet"
    assert panel.demand_text().startswith("Nobody has yet been asked about regular sessions.")
    assert "No costs are in the budget yet." in panel.cost.text()


def test_plan_the_next_session_carries_the_lessons_forward(
    window: MainWindow, demo_page: LessonsPage, person: Any, find_action: Any
) -> None:
    first = window.event_id
    demo_page.tabs.setCurrentIndex(1)
    person.click(demo_page.next_steps.plan_button)

    assert window.event_id is not None and window.event_id != first
    assert events.get_event(window.store, window.event_id).title == f"{DEMO_TITLE} (session 2)"
    assert window.windowTitle().startswith(f"{DEMO_TITLE} (session 2) — Organiser")
    page = window.planning.lessons
    assert window.planning.current_key() == "lessons"
    assert page.tabs.currentIndex() == 0
    assert person.column(page.lessons.table, "From") == ["Carried from session 1"] * 3
    assert person.column(page.lessons.table, "Learned")[0] == (
        "Sign-off needs time in the plan, not just a deadline."
    )
    assert page.summary.text().startswith("3 lessons, 3 carried from session 1.")
    assert "3 lessons carried forward from the last session" in page.summary.text()
    assert "carried forward" in window.statusBar().currentMessage()
    assert page.next_steps.chosen() == "Not decided yet", "the new session decides afresh"

    undo = find_action(window, "&Edit", "&Undo")
    assert "Plan the next session" in undo.text()
    undo.trigger()
    assert window.event_id == first
    assert [e.title for e in events.list_events(window.store)] == [DEMO_TITLE]
