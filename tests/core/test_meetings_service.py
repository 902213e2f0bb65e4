"""Meetings against a real SQLite file: attendees, notes and revisions, actions, undo of deletes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from organiser.core.crud import add_row, delete_row, restore_row, update_row
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.service import delete_event, restore_event
from organiser.core.meetings import service as meetings
from organiser.core.meetings.rules import action_standing, revision_due
from organiser.core.polls import service as polls
from organiser.core.row_kinds import RowKind

TODAY = dt.date(2027, 3, 1)
NOON = dt.datetime(2027, 3, 1, 12, 0)


@pytest.fixture
def group(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> tuple[int, list[int]]:
    event_id = create_event(title="Wellbeing morning")
    members = [add_member(event_id, name=n) for n in ("Zoë Marsh", "Siobhán Kelly", "Dev Okafor")]
    return event_id, members


def _meeting(store: Store, event_id: int, **values: object) -> int:
    values.setdefault("title", "Working group meeting")
    created = add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values=values)
    assert created.created_id is not None
    return created.created_id


def test_meetings_are_listed_by_date_with_undated_last_and_next_meeting_found(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, _ = group
    _meeting(store, event_id, title="Undated")
    _meeting(store, event_id, title="Later", date=TODAY + dt.timedelta(days=9))
    _meeting(store, event_id, title="Past", date=TODAY - dt.timedelta(days=9))
    _meeting(store, event_id, title="Soon", date=TODAY + dt.timedelta(days=2))
    assert [m.title for m in meetings.list_meetings(store, event_id)] == [
        "Past",
        "Soon",
        "Later",
        "Undated",
    ]
    upcoming = meetings.next_meeting(store, event_id, today=TODAY)
    assert upcoming is not None and upcoming.title == "Soon"


def test_a_meeting_that_ends_before_it_starts_is_refused_on_the_end_field(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, _ = group
    with pytest.raises(ValidationError) as refused:
        _meeting(store, event_id, start=dt.time(11), end=dt.time(10))
    assert refused.value.field == "end"
    assert meetings.list_meetings(store, event_id) == []


def test_attendees_are_set_undone_and_limited_to_the_group(
    store: Store,
    group: tuple[int, list[int]],
    create_event: Callable[..., int],
    add_member: Callable[..., int],
) -> None:
    event_id, (zoe, _siobhan, dev) = group
    meeting_id = _meeting(store, event_id)
    first = meetings.set_attendees(store, meeting_id=meeting_id, member_ids=[dev, zoe])
    assert meetings.get_meeting(store, meeting_id).attendee_ids == (zoe, dev)
    assert first.previous == {"attendees": []}
    meetings.set_attendees(store, meeting_id=meeting_id, member_ids=first.previous["attendees"])
    assert meetings.get_meeting(store, meeting_id).attendee_ids == ()
    stranger = add_member(create_event(title="Another event"), name="Stranger")
    with pytest.raises(ValidationError):
        meetings.set_attendees(store, meeting_id=meeting_id, member_ids=[zoe, stranger])


def test_notes_keep_a_revision_every_few_minutes_and_restore_keeps_the_current_text(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, _ = group
    meeting_id = _meeting(store, event_id)
    meetings.save_notes(store, meeting_id=meeting_id, text="# Notes\n\nfirst", now=NOON)
    for minute in (1, 2):  # typing on: saved, but no new revision yet
        meetings.save_notes(
            store,
            meeting_id=meeting_id,
            text=f"# Notes\n\nfirst {minute}",
            now=NOON + dt.timedelta(minutes=minute),
        )
    meetings.save_notes(
        store, meeting_id=meeting_id, text="# Notes\n\nlater", now=NOON + dt.timedelta(minutes=4)
    )
    revisions = meetings.list_revisions(store, meeting_id)
    assert [meetings.revision_text(store, r.id) for r in revisions] == [
        "# Notes\n\nlater",
        "# Notes\n\nfirst",
    ]
    oldest = revisions[-1]
    restored = meetings.restore_revision(
        store, revision_id=oldest.id, now=NOON + dt.timedelta(minutes=5)
    )
    assert restored.previous == {"notes": "# Notes\n\nlater"}
    assert meetings.get_meeting(store, meeting_id).notes == "# Notes\n\nfirst"
    assert "# Notes\n\nlater" in [
        meetings.revision_text(store, r.id) for r in meetings.list_revisions(store, meeting_id)
    ]


def test_unchanged_notes_are_not_saved_again(store: Store, group: tuple[int, list[int]]) -> None:
    event_id, _ = group
    meeting_id = _meeting(store, event_id)
    assert meetings.save_notes(store, meeting_id=meeting_id, text="same").touched
    assert not meetings.save_notes(store, meeting_id=meeting_id, text="same").touched


def test_actions_open_first_with_their_standing_in_words_and_done_recorded(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, (zoe, _siobhan, dev) = group
    meeting_id = _meeting(store, event_id, title="Speakers", date=TODAY - dt.timedelta(days=7))

    def action(text: str, **values: object) -> int:
        created = add_row(
            store, kind=RowKind.ACTIONS, parent_id=event_id, values={"text": text, **values}
        )
        assert created.created_id is not None
        return created.created_id

    later = action("Book the hall", owner_id=dev, due=TODAY + dt.timedelta(days=4))
    overdue = action(
        "Draft flyer", owner_id=zoe, due=TODAY - dt.timedelta(days=3), meeting_id=meeting_id
    )
    action("Ask about parking")
    update_row(store, kind=RowKind.ACTIONS, row_id=later, values={"done": True})
    rows = meetings.list_actions(store, event_id, today=TODAY)
    assert [(a.text, a.standing) for a in rows[:2]] == [
        ("Draft flyer", "Overdue by 3 days"),
        ("Ask about parking", "Open, no due date"),
    ]
    assert rows[0].overdue and rows[0].owner == "Zoë Marsh"
    assert rows[0].meeting == f"Speakers ({TODAY - dt.timedelta(days=7):%d/%m/%Y})"
    assert rows[2].done and rows[2].done_at is not None and rows[2].standing.startswith("Done ")
    assert [a.id for a in meetings.list_actions(store, event_id, today=TODAY, owner_id=zoe)] == [
        overdue
    ]
    update_row(store, kind=RowKind.ACTIONS, row_id=later, values={"done": False})
    assert meetings.list_actions(store, event_id, today=TODAY, owner_id=dev)[0].done_at is None


def test_open_actions_are_offered_on_the_next_agenda_and_undo_restores_it(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, (zoe, *_rest) = group
    first = _meeting(store, event_id, date=TODAY - dt.timedelta(days=14))
    add_row(
        store,
        kind=RowKind.ACTIONS,
        parent_id=event_id,
        values={"text": "Ask three venues", "owner_id": zoe, "meeting_id": first},
    )
    second = _meeting(store, event_id, date=TODAY, agenda="Budget")
    changes = meetings.add_open_actions_to_agenda(store, meeting_id=second, today=TODAY)
    agenda = meetings.get_meeting(store, second).agenda
    assert agenda.startswith("Budget\n\nOpen actions from earlier meetings:")
    assert "- Ask three venues (Zoë Marsh; open, no due date)" in agenda
    update_row(store, kind=RowKind.MEETINGS, row_id=second, values=changes.previous)
    assert meetings.get_meeting(store, second).agenda == "Budget"
    assert not meetings.add_open_actions_to_agenda(store, meeting_id=first, today=TODAY).touched


def test_deleting_a_meeting_and_undoing_brings_back_decisions_notes_attendees_and_links(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, (zoe, siobhan, _dev) = group
    meeting_id = _meeting(store, event_id, title="Speakers")
    meetings.set_attendees(store, meeting_id=meeting_id, member_ids=[zoe, siobhan])
    meetings.save_notes(store, meeting_id=meeting_id, text="Arlo slept 👶 مرحبا", now=NOON)
    add_row(store, kind=RowKind.DECISIONS, parent_id=meeting_id, values={"text": "Wednesday"})
    add_row(
        store,
        kind=RowKind.ACTIONS,
        parent_id=event_id,
        values={"text": "Book", "meeting_id": meeting_id},
    )
    deleted = delete_row(store, kind=RowKind.MEETINGS, row_id=meeting_id)
    assert meetings.list_actions(store, event_id, today=TODAY)[0].meeting_id is None
    assert deleted.snapshot is not None
    restore_row(store, kind=RowKind.MEETINGS, snapshot=deleted.snapshot)
    details = meetings.get_meeting(store, meeting_id)
    assert details.attendee_ids == (zoe, siobhan)
    assert details.notes == "Arlo slept 👶 مرحبا"
    assert [d.text for d in details.decisions] == ["Wednesday"]
    assert len(meetings.list_revisions(store, meeting_id)) == 1
    assert meetings.list_actions(store, event_id, today=TODAY)[0].meeting_id == meeting_id


def test_deleting_a_member_and_undoing_restores_attendance_ownership_and_answers(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, (zoe, siobhan, _dev) = group
    meeting_id = _meeting(store, event_id)
    meetings.set_attendees(store, meeting_id=meeting_id, member_ids=[zoe, siobhan])
    add_row(
        store, kind=RowKind.ACTIONS, parent_id=event_id, values={"text": "Mats", "owner_id": zoe}
    )
    poll = add_row(store, kind=RowKind.POLLS, parent_id=event_id, values={"title": "When?"})
    assert poll.created_id is not None
    option = add_row(
        store,
        kind=RowKind.POLL_OPTIONS,
        parent_id=poll.created_id,
        values={
            "date": dt.date.today() + dt.timedelta(days=30),
            "start": dt.time(10),
            "end": dt.time(12),
        },
    ).created_id
    assert option is not None
    polls.set_answer(store, option_id=option, member_id=zoe, answer="yes")
    deleted = delete_row(store, kind=RowKind.MEMBERS, row_id=zoe)
    grid = polls.poll_grid(store, poll.created_id)
    assert [p.name for p in grid.people if p.former] == ["Zoë Marsh"]
    assert deleted.snapshot is not None
    restore_row(store, kind=RowKind.MEMBERS, snapshot=deleted.snapshot)
    assert meetings.get_meeting(store, meeting_id).attendee_ids == (zoe, siobhan)
    assert meetings.list_actions(store, event_id, today=TODAY)[0].owner == "Zoë Marsh"
    grid = polls.poll_grid(store, poll.created_id)
    assert grid.answers[(option, f"m{zoe}")].value == "yes"
    assert not [p for p in grid.people if p.former]


def test_deleting_the_event_and_undoing_brings_back_every_meeting_row(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, (zoe, *_rest) = group
    meeting_id = _meeting(store, event_id)
    meetings.set_attendees(store, meeting_id=meeting_id, member_ids=[zoe])
    meetings.save_notes(store, meeting_id=meeting_id, text="kept", now=NOON)
    add_row(store, kind=RowKind.DECISIONS, parent_id=meeting_id, values={"text": "Yes"})
    add_row(
        store,
        kind=RowKind.ACTIONS,
        parent_id=event_id,
        values={"text": "Do", "owner_id": zoe, "meeting_id": meeting_id},
    )
    deleted = delete_event(store, event_id=event_id)
    assert deleted.snapshot is not None
    restore_event(store, snapshot=deleted.snapshot)
    details = meetings.get_meeting(store, meeting_id)
    assert (details.notes, details.attendee_ids, len(details.decisions)) == ("kept", (zoe,), 1)
    [action] = meetings.list_actions(store, event_id, today=TODAY)
    assert (action.owner, action.meeting_id) == ("Zoë Marsh", meeting_id)


def test_one_megabyte_of_notes_in_any_script_round_trips(
    store: Store, group: tuple[int, list[int]]
) -> None:
    event_id, _ = group
    meeting_id = _meeting(store, event_id)
    note = ("## Zoë’s notes 🧘 — مرحبا — Nguyễn\n- **point**\n" * 30_000)[: 1024 * 1024]
    meetings.save_notes(store, meeting_id=meeting_id, text=note)
    assert meetings.get_meeting(store, meeting_id).notes == note
    with pytest.raises(ValidationError):
        meetings.save_notes(store, meeting_id=meeting_id, text="x" * 2_000_001)
    assert meetings.get_meeting(store, meeting_id).notes == note


@pytest.mark.parametrize(
    ("last", "minutes", "due"), [(None, 0, True), (NOON, 1, False), (NOON, 3, True)]
)
def test_revision_due(last: dt.datetime | None, minutes: int, due: bool) -> None:
    assert revision_due(last, NOON + dt.timedelta(minutes=minutes)) is due


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (TODAY - dt.timedelta(days=1), (True, "Overdue by 1 day")),
        (TODAY, (False, "Due today")),
        (TODAY + dt.timedelta(days=1), (False, "Due tomorrow")),
        (TODAY + dt.timedelta(days=6), (False, "Due in 6 days")),
        (None, (False, "Open, no due date")),
    ],
)
def test_action_standing(due: dt.date | None, expected: tuple[bool, str]) -> None:
    assert action_standing(due=due, done=False, done_at=None, today=TODAY) == expected
    assert action_standing(due=due, done=True, done_at=NOON, today=TODAY) == (
        False,
        "Done 01/03/2027",
    )
