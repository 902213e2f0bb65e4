"""What the printed poll grid needs, read from the database as plain text."""

from __future__ import annotations

from sqlalchemy import select

from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.events.models import Event
from organiser.core.meetings.models import Meeting
from organiser.core.parsing import format_time, long_date
from organiser.core.polls.documents import LETTERS, PollOptionLine, PollSheet
from organiser.core.polls.models import Poll, PollOption
from organiser.core.polls.service import poll_grid
from organiser.core.records import find_in_event, get_or_raise


def poll_sheet(store: Store, poll_id: int) -> PollSheet:
    """A poll's options, the working group as columns, and the answers given so far."""
    grid = poll_grid(store, poll_id)
    with store.begin() as s:
        poll = get_or_raise(s, Poll, poll_id, "poll")
        event_title = get_or_raise(s, Event, poll.event_id, "event").title
        meeting = s.get(Meeting, poll.meeting_id) if poll.meeting_id is not None else None
        purpose = (
            f"To find a date and place for the meeting “{meeting.title}”."
            if meeting is not None
            else "To find a date and place for the event."
        )
        query = select(PollOption.id, PollOption.address).where(PollOption.poll_id == poll_id)
        addresses: dict[int, str] = {oid: address for oid, address in s.execute(query)}
    options = tuple(
        PollOptionLine(
            date=long_date(option.date),
            times=f"{format_time(option.start)} to {format_time(option.end)}",
            place=option.place,
            address=addresses.get(option.id, ""),
            features=option.features,
            chosen=option.chosen,
            answers=tuple(
                LETTERS[grid.answers[(option.id, p.key)].value]
                if (option.id, p.key) in grid.answers
                else ""
                for p in grid.people
            ),
        )
        for option in grid.options
    )
    return PollSheet(
        event_title=event_title,
        title=grid.poll.title,
        purpose=purpose,
        closed=grid.poll.closed,
        # Former members keep their column only because they answered before they left.
        people=tuple(f"{p.name} (left)" if p.former else p.name for p in grid.people),
        options=options,
    )


def find_poll(store: Store, event_id: int, reference: str | None) -> int:
    """A poll of this event from its id or exact title; with no reference, the newest poll."""
    with store.begin() as s:
        title = get_or_raise(s, Event, event_id, "event").title
        if reference is None:
            newest = s.scalars(
                select(Poll.id).where(Poll.event_id == event_id).order_by(Poll.id.desc())
            ).first()
            if newest is None:
                raise NotFound(f"“{title}” has no availability polls yet.")
            return newest
        return find_in_event(s, Poll, event_id, reference, what="poll", event=title)
