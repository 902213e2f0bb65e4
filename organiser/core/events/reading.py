"""Reading events: the list, one event's details, an event found by id or title.

Apart from the verbs that change events, so a command that only reads (`organiser events`,
`organiser export`) loads the event model alone, not every model a deletion reaches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.events.kinds import VENUE_FEATURES
from organiser.core.events.models import Event
from organiser.core.records import get_or_raise


@dataclass(frozen=True)
class EventRow:
    """An event as the event switcher lists it."""

    id: int
    title: str
    date: dt.date | None
    status: str
    archived: bool


@dataclass(frozen=True)
class EventDetails:
    """Everything on the Details page."""

    id: int
    title: str
    purpose: str
    audience: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue_name: str
    venue_address: str
    step_free: bool
    accessible_toilet: bool
    parking: bool
    baby_change: bool
    creche_room: bool
    capacity: int | None
    attendance: int | None
    status: str
    booking_contact: str
    archived: bool
    series_previous_id: int | None

    @property
    def venue_features(self) -> list[str]:
        """The venue's access features, in words."""
        return [label for key, label in VENUE_FEATURES.items() if getattr(self, key)]


def _details(event: Event) -> EventDetails:
    return EventDetails(**{k: getattr(event, k) for k in EventDetails.__dataclass_fields__})


def list_events(store: Store, *, include_archived: bool = False) -> list[EventRow]:
    """Events, soonest first; those without a date last."""
    with store.begin() as s:
        query = select(Event.id, Event.title, Event.date, Event.status, Event.archived)
        if not include_archived:
            query = query.where(Event.archived.is_(False))
        query = query.order_by(Event.date.is_(None), Event.date, Event.title, Event.id)
        return [EventRow(*row) for row in s.execute(query)]


def get_event(store: Store, event_id: int) -> EventDetails:
    """One event's details."""
    with store.begin() as s:
        return _details(get_or_raise(s, Event, event_id, "event"))


def find_event(store: Store, reference: str) -> int:
    """An event's id from its id or its exact title (case-insensitive)."""
    with store.begin() as s:
        if reference.strip().isdigit() and s.get(Event, int(reference)) is not None:
            return int(reference)
        ids = list(
            s.scalars(
                select(Event.id)
                .where(func.lower(Event.title) == reference.strip().lower())
                .order_by(Event.id)
            )
        )
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise NotFound(f"More than one event is called “{reference}”; use its id ({ids}).")
    raise NotFound(f"No event has the id or title “{reference}”. `organiser events` lists them.")
