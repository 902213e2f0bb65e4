"""Availability polls against a real SQLite file: answers, former members, choosing, reopening."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from organiser.core.changes import Touched
from organiser.core.crud import add_row, delete_row
from organiser.core.db import Store
from organiser.core.errors import Conflict, ValidationError
from organiser.core.events.service import get_event
from organiser.core.meetings import service as meetings
from organiser.core.polls import service as polls
from organiser.core.polls.rules import Answer
from organiser.core.row_kinds import RowKind

SOON = dt.date.today() + dt.timedelta(days=30)


@dataclass
class Poll:
    """An event with three members and a poll of two options."""

    event_id: int
    poll_id: int
    members: dict[str, int]
    hall: int
    library: int


def add_poll(store: Store, event_id: int, meeting_id: int | None = None) -> int:
    values: dict[str, Any] = {"title": "When and where?", "meeting_id": meeting_id}
    created = add_row(store, kind=RowKind.POLLS, parent_id=event_id, values=values)
    assert created.created_id is not None
    return created.created_id


def add_option(store: Store, poll_id: int, **values: Any) -> int:
    defaults: dict[str, Any] = {"date": SOON, "start": dt.time(10), "end": dt.time(12)}
    created = add_row(
        store, kind=RowKind.POLL_OPTIONS, parent_id=poll_id, values={**defaults, **values}
    )
    assert created.created_id is not None
    return created.created_id


@pytest.fixture
def poll(store: Store, create_event: Callable[..., int], add_member: Callable[..., int]) -> Poll:
    event_id = create_event(title="Wellbeing morning")
    members = {
        "Zoë Marsh": add_member(event_id, name="Zoë Marsh", access_needs="Uses a wheelchair"),
        "Siobhán Kelly": add_member(event_id, name="Siobhán Kelly"),
        "Dev Okafor": add_member(event_id, name="Dev Okafor"),
    }
    poll_id = add_poll(store, event_id)
    hall = add_option(
        store,
        poll_id,
        place="Harbourside Family Centre",
        address="1 Quay Street",
        step_free=True,
        baby_change=True,
    )
    library = add_option(
        store, poll_id, date=SOON + dt.timedelta(days=2), place="Old Library", parking=True
    )
    return Poll(event_id, poll_id, members, hall, library)


def answer(store: Store, option_id: int, member_id: int, value: Answer | str | None) -> Any:
    return polls.set_answer(store, option_id=option_id, member_id=member_id, answer=value)


def test_an_answer_is_added_changed_and_cleared_with_the_previous_one_each_time(
    store: Store, poll: Poll
) -> None:
    zoe = poll.members["Zoë Marsh"]
    added = answer(store, poll.hall, zoe, "yes")
    assert added.touched == Touched.POLLS
    assert added.previous == {"member_id": zoe, "answer": None}
    assert polls.poll_grid(store, poll.poll_id).answers[(poll.hall, f"m{zoe}")] is Answer.YES

    changed = answer(store, poll.hall, zoe, Answer.IF_NEED_BE)
    assert changed.previous == {"member_id": zoe, "answer": Answer.YES}
    assert polls.poll_grid(store, poll.poll_id).answers[(poll.hall, f"m{zoe}")] is Answer.IF_NEED_BE

    cleared = answer(store, poll.hall, zoe, None)
    assert cleared.previous == {"member_id": zoe, "answer": Answer.IF_NEED_BE}
    assert (poll.hall, f"m{zoe}") not in polls.poll_grid(store, poll.poll_id).answers


def test_giving_the_same_answer_again_changes_nothing(store: Store, poll: Poll) -> None:
    zoe = poll.members["Zoë Marsh"]
    answer(store, poll.hall, zoe, "no")
    again = answer(store, poll.hall, zoe, "no")
    assert again.touched == Touched.NONE


def test_a_closed_poll_refuses_answers(store: Store, poll: Poll) -> None:
    polls.set_closed(store, poll_id=poll.poll_id, closed=True)
    with pytest.raises(Conflict, match="closed"):
        answer(store, poll.hall, poll.members["Dev Okafor"], "yes")


def test_a_member_of_another_event_cannot_answer(
    store: Store,
    poll: Poll,
    create_event: Callable[..., int],
    add_member: Callable[..., int],
) -> None:
    other_event = create_event(title="Coffee morning")
    stranger = add_member(other_event, name="Ali Khan")
    with pytest.raises(ValidationError, match="working group"):
        answer(store, poll.hall, stranger, "yes")
    assert polls.poll_grid(store, poll.poll_id).answers == {}


def test_a_member_who_leaves_is_kept_as_a_former_member_with_their_name(
    store: Store, poll: Poll
) -> None:
    dev = poll.members["Dev Okafor"]
    answer(store, poll.hall, dev, "no")
    answer(store, poll.library, dev, "yes")
    delete_row(store, kind=RowKind.MEMBERS, row_id=dev)

    grid = polls.poll_grid(store, poll.poll_id)
    former = [p for p in grid.people if p.former]
    assert [(p.name, p.member_id) for p in former] == [("Dev Okafor", None)]
    assert [p.name for p in grid.people] == ["Zoë Marsh", "Siobhán Kelly", "Dev Okafor"]
    assert grid.answers[(poll.hall, former[0].key)] is Answer.NO
    # Their "no" still counts; they are not asked to answer again.
    hall = next(o for o in grid.options if o.id == poll.hall)
    assert "1 no (Dev Okafor)" in hall.explanation
    assert "Dev Okafor" not in grid.unanswered()


def test_the_grid_ranks_options_and_flags_access_needs_the_venue_does_not_meet(
    store: Store, poll: Poll
) -> None:
    zoe, siobhan = poll.members["Zoë Marsh"], poll.members["Siobhán Kelly"]
    for member in (zoe, siobhan):
        answer(store, poll.library, member, "yes")
    answer(store, poll.hall, zoe, "yes")
    answer(store, poll.hall, siobhan, "no")

    grid = polls.poll_grid(store, poll.poll_id)
    ranks = {o.place: o.rank for o in grid.options}
    assert ranks == {"Old Library": 1, "Harbourside Family Centre": 2}
    assert grid.conflicts == {(poll.library, f"m{zoe}"): ["step-free access"]}
    library = next(o for o in grid.options if o.id == poll.library)
    assert library.explanation == (
        "2 yes, 1 not answered; access problem: Zoë Marsh needs step-free access"
    )
    assert grid.unanswered() == ["Dev Okafor"]


def test_options_are_listed_by_date_with_everything_their_editor_needs(
    store: Store, poll: Poll
) -> None:
    rows = polls.list_options(store, poll.poll_id)
    assert [r.id for r in rows] == [poll.hall, poll.library]
    hall = rows[0]
    assert (hall.place, hall.address, hall.step_free, hall.baby_change, hall.parking) == (
        "Harbourside Family Centre",
        "1 Quay Street",
        True,
        True,
        False,
    )
    assert not hall.chosen
    assert polls.list_options(store, poll.poll_id + 99) == []


def test_an_option_in_the_past_is_refused_on_the_date_field(store: Store, poll: Poll) -> None:
    with pytest.raises(ValidationError, match="has passed") as refused:
        add_option(store, poll.poll_id, date=dt.date.today() - dt.timedelta(days=1))
    assert refused.value.field == "date"


def test_the_example_made_as_of_a_day_long_gone_keeps_its_poll(store: Store) -> None:
    """The tests make the example as of a fixed day; once that day is past, its poll's
    options are still to come as of it, and the example is still made whole."""
    from organiser.core.demo import add_demo_event

    as_of = dt.date.today() - dt.timedelta(days=400)
    event_id = add_demo_event(store, today=as_of)
    (poll,) = polls.list_polls(store, event_id)
    dates = [option.date for option in polls.list_options(store, poll.id)]
    assert len(dates) == 3 and min(dates) > as_of
    assert get_event(store, event_id).date == as_of + dt.timedelta(days=21)
    with pytest.raises(ValidationError, match="has passed"):  # as of today, still refused
        add_row(store, kind=RowKind.POLL_OPTIONS, parent_id=poll.id, values={"date": min(dates)})


def test_choosing_an_event_option_sets_date_time_and_venue_and_closes_the_poll(
    store: Store, poll: Poll
) -> None:
    before = get_event(store, poll.event_id)
    chosen = polls.choose_option(store, option_id=poll.hall)
    assert chosen.touched & Touched.DETAILS and chosen.touched & Touched.POLLS
    assert chosen.snapshot is not None

    details = get_event(store, poll.event_id)
    assert (details.date, details.start_time, details.end_time) == (
        SOON,
        dt.time(10),
        dt.time(12),
    )
    assert (details.venue_name, details.venue_address) == (
        "Harbourside Family Centre",
        "1 Quay Street",
    )
    assert (details.step_free, details.baby_change, details.parking) == (True, True, False)
    [row] = polls.list_polls(store, poll.event_id)
    assert row.closed
    assert row.chosen.endswith("10:00–12:00, Harbourside Family Centre")
    assert [o.chosen for o in polls.list_options(store, poll.poll_id)] == [True, False]

    polls.undo_choice(store, snapshot=chosen.snapshot)
    assert get_event(store, poll.event_id) == before
    [row] = polls.list_polls(store, poll.event_id)
    assert (row.closed, row.chosen) == (False, "")


def test_choosing_a_meeting_option_sets_the_meeting_not_the_event(store: Store, poll: Poll) -> None:
    created = add_row(
        store,
        kind=RowKind.MEETINGS,
        parent_id=poll.event_id,
        values={"title": "Second planning meeting"},
    ).created_id
    assert created is not None
    meeting_poll = add_poll(store, poll.event_id, meeting_id=created)
    option = add_option(
        store, meeting_poll, start=dt.time(13, 30), end=dt.time(15), place="Seafront café"
    )
    event_before = get_event(store, poll.event_id)

    chosen = polls.choose_option(store, option_id=option)
    assert chosen.touched & Touched.MEETINGS and not chosen.touched & Touched.DETAILS
    meeting = meetings.get_meeting(store, created)
    assert (meeting.date, meeting.start, meeting.end, meeting.place) == (
        SOON,
        dt.time(13, 30),
        dt.time(15),
        "Seafront café",
    )
    assert get_event(store, poll.event_id) == event_before

    assert chosen.snapshot is not None
    polls.undo_choice(store, snapshot=chosen.snapshot)
    meeting = meetings.get_meeting(store, created)
    assert (meeting.date, meeting.start, meeting.place) == (None, None, "")


def test_choosing_another_option_moves_the_mark_and_undo_puts_the_first_back(
    store: Store, poll: Poll
) -> None:
    polls.choose_option(store, option_id=poll.hall)
    polls.set_closed(store, poll_id=poll.poll_id, closed=False)
    second = polls.choose_option(store, option_id=poll.library)
    assert [o.chosen for o in polls.list_options(store, poll.poll_id)] == [False, True]
    assert get_event(store, poll.event_id).venue_name == "Old Library"
    assert second.snapshot is not None
    polls.undo_choice(store, snapshot=second.snapshot)
    assert [o.chosen for o in polls.list_options(store, poll.poll_id)] == [True, False]
    assert get_event(store, poll.event_id).venue_name == "Harbourside Family Centre"
    assert not polls.list_polls(store, poll.event_id)[0].closed


def test_reopening_a_poll_keeps_its_choice_and_remembers_it_was_closed(
    store: Store, poll: Poll
) -> None:
    polls.choose_option(store, option_id=poll.hall)
    reopened = polls.set_closed(store, poll_id=poll.poll_id, closed=False)
    assert reopened.previous == {"closed": True}
    assert reopened.row_id == poll.poll_id
    [row] = polls.list_polls(store, poll.event_id)
    assert not row.closed and row.chosen
    answer(store, poll.hall, poll.members["Dev Okafor"], "yes")
    closed_again = polls.set_closed(store, poll_id=poll.poll_id, closed=True)
    assert closed_again.previous == {"closed": False}
    assert polls.list_polls(store, poll.event_id)[0].closed
