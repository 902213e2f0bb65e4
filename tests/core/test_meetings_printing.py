"""Which meeting's minutes print by default, and finding meetings and polls by id or title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.meetings.printing import find_meeting, minutes_meeting
from organiser.core.meetings.service import save_notes
from organiser.core.polls.printing import find_poll
from organiser.core.row_kinds import RowKind

TODAY = dt.date(2027, 2, 1)


@pytest.fixture
def add(store: Store) -> Callable[..., int]:
    """Factory: `add(section, parent_id, **values)` returns the new row's id."""

    def _add(section: RowKind, parent: int, **values: Any) -> int:
        created = add_row(store, kind=section, parent_id=parent, values=values).created_id
        assert created is not None
        return created

    return _add


def on(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


def test_minutes_default_to_the_latest_meeting_held_that_has_notes(
    store: Store, create_event: Callable[..., int], add: Callable[..., int]
) -> None:
    event = create_event()
    older = add(RowKind.MEETINGS, event, title="Older", date=on(-30))
    newer = add(RowKind.MEETINGS, event, title="Newer", date=on(-10))
    morning = add(RowKind.MEETINGS, event, title="Morning", date=on(-10), start=dt.time(9))
    add(RowKind.MEETINGS, event, title="Blank", date=on(-2))
    future = add(RowKind.MEETINGS, event, title="Future", date=on(7))
    add(RowKind.MEETINGS, event, title="Undated")
    for meeting in (older, newer, morning, future):
        save_notes(store, meeting_id=meeting, text=f"Notes of meeting {meeting}")
    # Same day: the one with a start time sorts after the one without.
    assert minutes_meeting(store, event, today=TODAY) == morning
    save_notes(store, meeting_id=morning, text="   \n")
    assert minutes_meeting(store, event, today=TODAY) == newer
    # A meeting later today counts as held by today.
    today = add(RowKind.MEETINGS, event, title="Today", date=TODAY, start=dt.time(18))
    save_notes(store, meeting_id=today, text="Agreed.")
    assert minutes_meeting(store, event, today=TODAY) == today


def test_with_no_notes_anywhere_the_latest_meeting(
    store: Store, create_event: Callable[..., int], add: Callable[..., int]
) -> None:
    event = create_event()
    add(RowKind.MEETINGS, event, title="Undated")
    latest = add(RowKind.MEETINGS, event, title="Next", date=on(14))
    add(RowKind.MEETINGS, event, title="Past", date=on(-14))
    assert minutes_meeting(store, event, today=TODAY) == latest
    with pytest.raises(NotFound, match=r"“Quiet” has no meetings yet\."):
        minutes_meeting(store, create_event(title="Quiet"), today=TODAY)


def test_find_meeting_by_id_or_title_within_the_event(
    store: Store, create_event: Callable[..., int], add: Callable[..., int]
) -> None:
    event = create_event()
    other = create_event(title="Summer picnic")
    venue = add(RowKind.MEETINGS, event, title="Venue meeting")
    twin = [add(RowKind.MEETINGS, event, title="Catch-up") for _ in range(2)]
    elsewhere = add(RowKind.MEETINGS, other, title="Picnic meeting")
    # A title made of digits still finds the meeting when no meeting has that id.
    numbered = add(RowKind.MEETINGS, event, title="2027")
    assert find_meeting(store, event, str(venue)) == venue
    assert find_meeting(store, event, "  venue MEETING ") == venue
    assert find_meeting(store, event, "2027") == numbered
    with pytest.raises(NotFound, match=rf"More than one meeting is called “Catch-up”.*{twin}"):
        find_meeting(store, event, "Catch-up")
    with pytest.raises(NotFound, match=f"Meeting {elsewhere} is not one of the meetings of"):
        find_meeting(store, event, str(elsewhere))
    with pytest.raises(NotFound, match="has no meeting with the id or title “Picnic meeting”"):
        find_meeting(store, event, "Picnic meeting")


def test_find_poll_newest_by_default(
    store: Store, create_event: Callable[..., int], add: Callable[..., int]
) -> None:
    event = create_event()
    first = add(RowKind.POLLS, event, title="Which hall?")
    newest = add(RowKind.POLLS, event, title="When?")
    assert find_poll(store, event, None) == newest
    assert find_poll(store, event, "which HALL?") == first
    assert find_poll(store, event, str(first)) == first
    with pytest.raises(NotFound, match="has no availability polls yet"):
        find_poll(store, create_event(title="Quiet"), None)
