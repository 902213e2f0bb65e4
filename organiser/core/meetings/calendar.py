"""Meetings and events as iCalendar (.ics) files that Outlook and Google Calendar import."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as CalendarEvent
from sqlalchemy import select

from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.events.reading import get_event
from organiser.core.meetings.models import Meeting
from organiser.core.meetings.service import get_meeting

# Dates and times are stored as the local wall clock of the place the events happen.
LOCAL = ZoneInfo("Europe/London")
PRODID = "-//Organiser//Co-produced community events//EN"
# A calendar entry needs an end; a meeting whose end is not set yet gets an hour.
DEFAULT_LENGTH = dt.timedelta(hours=1)


def _entry(
    *,
    uid: str,
    summary: str,
    date: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    location: str,
    description: list[str],
) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", uid)
    entry.add("dtstamp", dt.datetime.now(dt.UTC))
    entry.add("summary", summary)
    if start is None:
        # No time yet: an all-day entry, so the day is still blocked out.
        entry.add("dtstart", date)
        entry.add("dtend", date + dt.timedelta(days=1))
    else:
        begins = dt.datetime.combine(date, start, tzinfo=LOCAL)
        ends = dt.datetime.combine(date, end, tzinfo=LOCAL) if end else begins + DEFAULT_LENGTH
        if end is None:
            description = [*description, "The end time is not set yet."]
        entry.add("dtstart", begins)
        entry.add("dtend", ends)
    if location.strip():
        entry.add("location", " ".join(location.split()))
    text = "\n\n".join(part.strip() for part in description if part.strip())
    if text:
        entry.add("description", text)
    return entry


def _meeting_entry(
    meeting_id: int,
    title: str,
    event_title: str,
    date: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    place: str,
    agenda: str,
) -> CalendarEvent:
    return _entry(
        uid=f"meeting-{meeting_id}@organiser",
        summary=f"{title} ({event_title})" if event_title else title,
        date=date,
        start=start,
        end=end,
        location=place,
        description=[f"Agenda:\n{agenda.strip()}" if agenda.strip() else ""],
    )


def _day(entry: CalendarEvent) -> dt.date:
    start = entry.decoded("dtstart")
    return start.date() if isinstance(start, dt.datetime) else start


def _to_bytes(entries: list[CalendarEvent], name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # Outlook adds published entries straight to the calendar instead of treating them as invites.
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for entry in entries:
        calendar.add_component(entry)
    days = [_day(entry) for entry in entries]
    first, last = min(days), max(days)
    # Only the years in use: a short VTIMEZONE with no long lists of past clock changes,
    # which some calendar programs read wrongly.
    calendar.add_missing_timezones(dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1))
    return bytes(calendar.to_ical())


def meeting_ics(store: Store, meeting_id: int) -> bytes:
    """One meeting as an .ics file; a meeting with no date yet cannot go in a calendar."""
    meeting = get_meeting(store, meeting_id)
    event = get_event(store, meeting.event_id)
    if meeting.date is None:
        raise OrganiserError(
            f"The meeting “{meeting.title}” has no date yet; set its date to add it to a calendar."
        )
    entry = _meeting_entry(
        meeting.id,
        meeting.title,
        event.title,
        meeting.date,
        meeting.start,
        meeting.end,
        meeting.place,
        meeting.agenda,
    )
    return _to_bytes([entry])


def event_ics(store: Store, event_id: int) -> bytes:
    """The event and its meetings as an .ics file; whatever has no date yet is left out."""
    event = get_event(store, event_id)
    entries: list[CalendarEvent] = []
    if event.date is not None:
        place = ", ".join(p for p in (event.venue_name, event.venue_address) if p.strip())
        features = event.venue_features
        entries.append(
            _entry(
                uid=f"event-{event.id}@organiser",
                summary=event.title,
                date=event.date,
                start=event.start_time,
                end=event.end_time,
                location=place,
                description=[
                    event.purpose,
                    f"Access: {', '.join(features)}." if features else "",
                    f"Booking and questions: {event.booking_contact}"
                    if event.booking_contact.strip()
                    else "",
                ],
            )
        )
    with store.begin() as s:
        meetings = s.execute(
            select(
                Meeting.id,
                Meeting.title,
                Meeting.date,
                Meeting.start,
                Meeting.end,
                Meeting.place,
                Meeting.agenda,
            )
            .where(Meeting.event_id == event_id, Meeting.date.is_not(None))
            .order_by(Meeting.date, Meeting.start, Meeting.id)
        ).all()
    for mid, title, date, start, end, place, agenda in meetings:
        if date is not None:
            entries.append(_meeting_entry(mid, title, event.title, date, start, end, place, agenda))
    if not entries:
        raise OrganiserError(
            f"Nothing to add to a calendar: “{event.title}” and its meetings have no dates yet."
        )
    return _to_bytes(entries, event.title)
