"""Lessons and things received as plain rows: where a lesson came from (a meeting, an earlier
session), who received what and from which budget line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from organiser.core.coproduction.rows import (
    list_lessons,
    list_received,
    meeting_label,
    received_words,
    session_number,
)
from organiser.core.crud import add_row, delete_row
from organiser.core.db import Store
from organiser.core.events.service import duplicate_event, update_event
from organiser.core.meetings.service import list_meetings
from organiser.core.planning.service import list_costs
from organiser.core.row_kinds import RowKind


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("Pilates morning", 1),
        ("Pilates morning (session 2)", 2),
        ("Pilates morning (session 12) ", 12),
        ("Session (session) notes", 1),
    ],
)
def test_the_session_number_comes_from_the_title(title: str, number: int) -> None:
    assert session_number(title) == number


def test_a_meeting_is_named_with_its_date() -> None:
    assert meeting_label("First ideas", dt.date(2026, 10, 8)) == "First ideas (08/10/2026)"
    assert meeting_label("Some time", None) == "Some time"


def test_the_demo_lessons_are_its_own(store: Store, demo_event: int) -> None:
    rows = list_lessons(store, demo_event)
    assert [r.tag for r in rows] == ["Publicity", "Capacity", "Time"]
    assert rows[0].learned == "Sign-off needs time in the plan, not just a deadline."
    assert all(r.origin == "" and r.carried_from_id is None for r in rows)


def test_a_lesson_raised_at_a_meeting_names_it(store: Store, demo_event: int) -> None:
    meeting = list_meetings(store, demo_event)[0]
    add_row(
        store,
        kind=RowKind.LESSONS,
        parent_id=demo_event,
        values={"learned": "Online meetings suit parents of babies.", "meeting_id": meeting.id},
    )
    row = list_lessons(store, demo_event)[-1]
    assert row.meeting_id == meeting.id
    assert meeting.date is not None
    named = f"First ideas ({meeting.date:%d/%m/%Y})"
    assert row.meeting == named
    assert row.origin == f"From the meeting {named}"
    assert row.tag == "Other"


def test_lessons_carried_to_the_next_sessions_say_from_which(store: Store, demo_event: int) -> None:
    second = duplicate_event(store, event_id=demo_event).created_id
    assert second is not None
    carried = list_lessons(store, second)
    first = list_lessons(store, demo_event)
    assert [r.carried_from_id for r in carried] == [r.id for r in first]
    assert {r.origin for r in carried} == {"Carried from session 1"}
    assert carried[0].carried_from.startswith("Move, Breathe and Connect")
    third = duplicate_event(store, event_id=second).created_id
    assert third is not None
    assert {r.origin for r in list_lessons(store, third)} == {"Carried from session 2"}
    # The original lesson deleted: its copy stays, no longer marked as carried.
    delete_row(store, kind=RowKind.LESSONS, row_id=first[0].id)
    assert list_lessons(store, second)[0].origin == ""


def test_an_event_renamed_later_still_counts_its_sessions(store: Store, demo_event: int) -> None:
    update_event(store, event_id=demo_event, values={"title": "Wellbeing (session 4)"})
    second = duplicate_event(store, event_id=demo_event).created_id
    assert second is not None
    assert list_lessons(store, second)[0].origin == "Carried from session 4"


def test_what_people_received_names_the_person_and_the_budget_line(
    store: Store, demo_event: int
) -> None:
    rows = list_received(store, demo_event)
    assert [(r.member, r.what, r.amount_pence) for r in rows] == [
        ("Zoë Marsh", "Travel expenses for planning meetings", 2400),
        ("Zoë Marsh", "A £20 shopping voucher as thanks", 2000),
        ("Zoë Marsh", "Childcare for Arlo during meetings", None),
    ]
    assert rows[2].cost_line == "Creche staff (3 × 2.5 hours)"
    assert rows[0].cost_line_id is None and rows[0].cost_line == ""
    assert received_words(rows) == "3 things received, worth £44.00 where an amount is recorded."


def test_a_deleted_budget_line_leaves_the_thing_received(store: Store, demo_event: int) -> None:
    line = next(c for c in list_costs(store, demo_event) if c.category == "Creche")
    delete_row(store, kind=RowKind.COSTS, row_id=line.id)
    childcare = list_received(store, demo_event)[2]
    assert (childcare.cost_line_id, childcare.cost_line) == (None, "")


def test_what_people_received_without_a_person_or_amount(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    assert list_received(store, event_id) == []
    assert received_words([]).startswith("Nothing recorded yet")
    add_row(
        store,
        kind=RowKind.RECEIVED,
        parent_id=event_id,
        values={"what": "Lunch at the planning meeting"},
    )
    rows = list_received(store, event_id)
    assert (rows[0].member_id, rows[0].member, rows[0].amount_pence) == (None, "", None)
    assert received_words(rows) == "1 thing received."
