"""Calendar files (.ics) parsed back with icalendar: zones, times, UIDs, what is left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from icalendar import Calendar

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.meetings.calendar import event_ics, meeting_ics
from organiser.core.row_kinds import RowKind

UTC = dt.UTC
NAMES = "Zoë Łucja Siobhán Nguyễn"


@pytest.fixture
def add_meeting(store: Store) -> Callable[..., int]:
    """Factory: `add_meeting(event_id, **values)` returns the meeting's id."""

    def _add(event_id: int, **values: Any) -> int:
        created = add_row(
            store, kind=RowKind.MEETINGS, parent_id=event_id, values=values
        ).created_id
        assert created is not None
        return created

    return _add


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def entries(calendar: Calendar) -> dict[str, Any]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def meetings() -> dict[str, int]:
    """The ids of the meetings `event_id` adds, by title."""
    return {}


@pytest.fixture
def event_id(
    create_event: Callable[..., int], add_meeting: Callable[..., int], meetings: dict[str, int]
) -> int:
    """A July event with a January and a July meeting, and one meeting not yet dated."""
    event = create_event(
        date=dt.date(2027, 7, 10),
        start_time="10:00",
        end_time="12:15",
        venue_name="Harbourside Family Centre",
        venue_address="14 Marine Parade, Seabrook-on-Sea",
        purpose="A gentle morning for parents.",
        step_free=True,
    )
    meetings["January meeting"] = add_meeting(
        event,
        title="January meeting",
        date=dt.date(2027, 1, 12),
        start=dt.time(10),
        end=dt.time(11, 30),
        place="Library, room 2",
        agenda="1. Venue\n2. Budget",
    )
    meetings["July meeting"] = add_meeting(
        event, title="July meeting", date=dt.date(2027, 7, 6), start=dt.time(10)
    )
    meetings["Not dated yet"] = add_meeting(event, title="Not dated yet")
    return event


def test_event_calendar_holds_the_event_and_its_dated_meetings(
    store: Store, event_id: int, meetings: dict[str, int]
) -> None:
    calendar = parse(event_ics(store, event_id))
    assert str(calendar["VERSION"]) == "2.0"
    assert "Organiser" in str(calendar["PRODID"])
    found = entries(calendar)
    assert len(found) == 3
    assert set(found) == {
        f"event-{event_id}@organiser",
        f"meeting-{meetings['January meeting']}@organiser",
        f"meeting-{meetings['July meeting']}@organiser",
    }
    summaries = sorted(str(e["SUMMARY"]) for e in found.values())
    assert summaries == [
        "January meeting (Pilates and wellbeing morning)",
        "July meeting (Pilates and wellbeing morning)",
        "Pilates and wellbeing morning",
    ]
    assert not any("Not dated yet" in s for s in summaries)


def test_times_are_london_wall_clock_with_a_vtimezone(
    store: Store, event_id: int, meetings: dict[str, int]
) -> None:
    calendar = parse(event_ics(store, event_id))
    found = entries(calendar)
    january = found[f"meeting-{meetings['January meeting']}@organiser"]
    july = found[f"meeting-{meetings['July meeting']}@organiser"]
    for entry in (january, july):
        assert entry["DTSTART"].params["TZID"] == "Europe/London"
        assert str(entry.decoded("DTSTART").tzinfo) == "Europe/London"
    # 10:00 in London is 10:00 UTC in winter (GMT) and 09:00 UTC in summer (BST).
    assert january.decoded("DTSTART").astimezone(UTC) == dt.datetime(2027, 1, 12, 10, tzinfo=UTC)
    assert january.decoded("DTEND").astimezone(UTC) == dt.datetime(2027, 1, 12, 11, 30, tzinfo=UTC)
    assert july.decoded("DTSTART").astimezone(UTC) == dt.datetime(2027, 7, 6, 9, tzinfo=UTC)
    # No end time set: an hour, and the description says so.
    assert july.decoded("DTEND") - july.decoded("DTSTART") == dt.timedelta(hours=1)
    assert "The end time is not set yet." in str(july["DESCRIPTION"])
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    offsets = {str(part["TZNAME"]) for part in zone.walk() if "TZNAME" in part}
    assert offsets == {"GMT", "BST"}
    assert calendar.get_missing_tzids() == set()


def test_location_description_and_uids_are_stable(
    store: Store, event_id: int, meetings: dict[str, int]
) -> None:
    first = entries(parse(event_ics(store, event_id)))
    again = entries(parse(event_ics(store, event_id)))
    assert set(first) == set(again)
    january = first[f"meeting-{meetings['January meeting']}@organiser"]
    assert str(january["LOCATION"]) == "Library, room 2"
    assert str(january["DESCRIPTION"]) == "Agenda:\n1. Venue\n2. Budget"
    event = first[f"event-{event_id}@organiser"]
    assert str(event["LOCATION"]) == "Harbourside Family Centre, 14 Marine Parade, Seabrook-on-Sea"
    assert str(event["DESCRIPTION"]) == (
        "A gentle morning for parents.\n\nAccess: Step-free access."
    )
    assert event.decoded("DTSTART").astimezone(UTC) == dt.datetime(2027, 7, 10, 9, tzinfo=UTC)
    assert "DTSTAMP" in event


def test_the_file_is_crlf_with_folded_lines(
    store: Store, create_event: Callable[..., int], add_meeting: Callable[..., int]
) -> None:
    event = create_event(title=f"Coffee morning with {NAMES} " * 4, date=dt.date(2027, 3, 14))
    data = event_ics(store, event)
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    [entry] = parse(data).walk("VEVENT")
    assert str(entry["SUMMARY"]) == (f"Coffee morning with {NAMES} " * 4).strip()


def test_an_event_without_a_time_is_an_all_day_entry(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event(date=dt.date(2027, 3, 14))
    [entry] = parse(event_ics(store, event)).walk("VEVENT")
    assert entry.decoded("DTSTART") == dt.date(2027, 3, 14)
    assert entry.decoded("DTEND") == dt.date(2027, 3, 15)


def test_one_meeting_alone(store: Store, event_id: int, meetings: dict[str, int]) -> None:
    january = meetings["January meeting"]
    calendar = parse(meeting_ics(store, january))
    [entry] = calendar.walk("VEVENT")
    assert str(entry["UID"]) == f"meeting-{january}@organiser"
    assert str(parse(meeting_ics(store, january)).walk("VEVENT")[0]["UID"]) == str(entry["UID"])
    assert str(entry["SUMMARY"]) == "January meeting (Pilates and wellbeing morning)"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_a_meeting_without_a_date_is_refused(
    store: Store, event_id: int, meetings: dict[str, int]
) -> None:
    with pytest.raises(OrganiserError, match="“Not dated yet” has no date yet"):
        meeting_ics(store, meetings["Not dated yet"])


def test_an_event_with_nothing_dated_is_refused(
    store: Store, create_event: Callable[..., int], add_meeting: Callable[..., int]
) -> None:
    event = create_event(title="Someday")
    add_meeting(event, title="Undated")
    with pytest.raises(OrganiserError, match="“Someday” and its meetings have no dates yet"):
        event_ics(store, event)


def test_meetings_over_several_years_share_one_zone(
    store: Store, create_event: Callable[..., int], add_meeting: Callable[..., int]
) -> None:
    event = create_event()
    add_meeting(event, date=dt.date(2027, 12, 1), start=dt.time(18))
    add_meeting(event, date=dt.date(2029, 6, 1), start=dt.time(18))
    calendar = parse(event_ics(store, event))
    assert len(calendar.walk("VTIMEZONE")) == 1
    starts = sorted(e.decoded("DTSTART").astimezone(UTC) for e in calendar.walk("VEVENT"))
    assert starts == [
        dt.datetime(2027, 12, 1, 18, tzinfo=UTC),
        dt.datetime(2029, 6, 1, 17, tzinfo=UTC),
    ]
