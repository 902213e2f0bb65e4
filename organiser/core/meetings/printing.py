"""What the printed minutes and action list need, read from the database as plain text."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.events.models import Event
from organiser.core.events.reading import get_event
from organiser.core.meetings.documents import ActionLine, ActionListSheet, MinutesSheet
from organiser.core.meetings.models import Meeting
from organiser.core.meetings.rows import ActionRow
from organiser.core.meetings.service import get_meeting, list_actions
from organiser.core.parsing import format_date, format_time, long_date
from organiser.core.planning.service import list_members
from organiser.core.records import find_in_event, get_or_raise

# Meeting times are the local wall clock; notes_saved_at is stored in UTC.
LOCAL = ZoneInfo("Europe/London")
_NOTES_HEAD = 500


def _line(row: ActionRow) -> ActionLine:
    return ActionLine(
        text=row.text,
        owner=row.owner,
        due=format_date(row.due),
        standing=row.standing,
        overdue=row.overdue,
        done=row.done,
        raised_at=row.meeting,
    )


def _times(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{format_time(start)} to {format_time(end)}"
    return f"from {format_time(start)}" if start else ""


def _saved(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.replace(tzinfo=dt.UTC).astimezone(LOCAL)
    return f"{local:%d/%m/%Y} at {local:%H:%M}"


def minutes_sheet(store: Store, meeting_id: int, *, today: dt.date | None = None) -> MinutesSheet:
    """The minutes of one meeting; its actions say where they stand on `today`."""
    day = today or dt.date.today()
    meeting = get_meeting(store, meeting_id)
    event = get_event(store, meeting.event_id)
    names = {m.id: m.name for m in list_members(store, meeting.event_id)}
    actions = [
        a for a in list_actions(store, meeting.event_id, today=day) if a.meeting_id == meeting_id
    ]
    return MinutesSheet(
        event_title=event.title,
        title=meeting.title,
        date=long_date(meeting.date) if meeting.date else "Date not set",
        times=_times(meeting.start, meeting.end),
        place=meeting.place,
        attendees=tuple(names[m] for m in sorted(meeting.attendee_ids) if m in names),
        agenda=meeting.agenda,
        notes=meeting.notes,
        decisions=tuple(d.text for d in meeting.decisions),
        actions=tuple(_line(a) for a in actions),
        as_of=long_date(day),
        notes_saved=_saved(meeting.notes_saved_at),
    )


def action_list_sheet(store: Store, event_id: int, *, today: dt.date) -> ActionListSheet:
    """All of an event's action items as of `today`: open ones (soonest due first), then done."""
    event = get_event(store, event_id)
    rows = list_actions(store, event_id, today=today)
    return ActionListSheet(
        event_title=event.title,
        as_of=long_date(today),
        open=tuple(_line(a) for a in rows if not a.done),
        done=tuple(_line(a) for a in rows if a.done),
    )


def find_meeting(store: Store, event_id: int, reference: str) -> int:
    """A meeting of this event from its id or its exact title (case-insensitive)."""
    with store.begin() as s:
        title = get_or_raise(s, Event, event_id, "event").title
        return find_in_event(s, Meeting, event_id, reference, what="meeting", event=title)


def minutes_meeting(store: Store, event_id: int, *, today: dt.date) -> int:
    """The meeting whose minutes to print: the latest held by today with notes, else the latest."""
    with store.begin() as s:
        title = get_or_raise(s, Event, event_id, "event").title
        # The start of the notes is enough to tell blank from written, however long they are.
        head = func.substr(Meeting.notes, 1, _NOTES_HEAD)
        query = select(Meeting.id, Meeting.date, Meeting.start, head, func.length(Meeting.notes))
        rows = [
            (mid, date, start, bool(text.strip()) or length > _NOTES_HEAD)
            for mid, date, start, text, length in s.execute(
                query.where(Meeting.event_id == event_id)
            )
        ]
    if not rows:
        raise NotFound(f"“{title}” has no meetings yet.")

    def latest(row: tuple[Any, ...]) -> tuple[Any, ...]:
        # Undated meetings count as the oldest: they have not been given a day yet.
        meeting_id, date, start, _notes = row
        return (date is not None, date or dt.date.min, start or dt.time(), meeting_id)

    held = [r for r in rows if r[3] and r[1] is not None and r[1] <= today]
    return int(max(held or rows, key=latest)[0])
