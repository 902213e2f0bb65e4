"""Places and the waiting list: a full event puts new bookings on the waiting list in order;
a freed place is offered to the first household that fits, and promotion is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.base import Base, shared_now
from organiser.core.creche.kinds import HOLDING, BookingStatus
from organiser.core.creche.models import Booking, BookingStatusChange, Creche
from organiser.core.db import Store
from organiser.core.events.models import Event


@dataclass(frozen=True)
class Places:
    """Adults' places (the event's capacity) and creche places, taken and in all."""

    adults: int
    capacity: int | None
    children: int
    creche_places: int | None

    @property
    def adults_free(self) -> int | None:
        return None if self.capacity is None else self.capacity - self.adults

    @property
    def children_free(self) -> int | None:
        return None if self.creche_places is None else self.creche_places - self.children

    def fits(self, adults: int, children: int) -> bool:
        free_adults, free_children = self.adults_free, self.children_free
        return (free_adults is None or adults <= free_adults) and (
            free_children is None or children <= free_children
        )

    def words(self) -> str:
        """ "18 of 20 places booked; creche 7 of 8"."""
        text = (
            f"{self.adults} of {self.capacity} places booked"
            if self.capacity
            else (f"{self.adults} adult{'s' if self.adults != 1 else ''} booked (no capacity set)")
        )
        if self.creche_places:
            text += f"; creche {self.children} of {self.creche_places}"
        elif self.children:
            text += f"; {self.children} child{'ren' if self.children != 1 else ''} in the creche"
        return text


def places_in(session: Session, event_id: int, *, leaving_out: int | None = None) -> Places:
    query = select(
        func.coalesce(func.sum(Booking.adults), 0), func.coalesce(func.sum(Booking.children), 0)
    ).where(Booking.event_id == event_id, Booking.status.in_(HOLDING))
    if leaving_out is not None:
        query = query.where(Booking.id != leaving_out)
    adults, children = session.execute(query).one()
    capacity = session.scalar(select(Event.capacity).where(Event.id == event_id))
    creche_places = session.scalar(select(Creche.places).where(Creche.event_id == event_id))
    return Places(int(adults), capacity, int(children), creche_places)


def places(store: Store, event_id: int) -> Places:
    """How many places are taken and how many there are."""
    with store.begin() as s:
        return places_in(s, event_id)


def place_booking(session: Session, event_id: int, values: dict[str, Any]) -> None:
    """Before a new booking is stored: booked if it fits, else on the waiting list."""
    status = values.get("status", BookingStatus.BOOKED.value)
    if status == BookingStatus.BOOKED.value:
        free = places_in(session, event_id)
        if not free.fits(int(values.get("adults", 1)), int(values.get("children", 0))):
            status = BookingStatus.WAITING.value
    values["status"] = status
    if status == BookingStatus.WAITING.value:
        values.setdefault("waiting_since", shared_now(session))


def record_status(
    session: Session, row: Base, previous: dict[str, Any], values: Mapping[str, Any]
) -> None:
    """After a booking is added or its status edited: note when (a promotion is recorded).

    A household that comes back to the waiting list joins its end (`waiting_since` restarts).
    Both ways, the old `waiting_since` goes into `previous`, so undo puts the household back
    exactly where it was in the queue.
    """
    assert isinstance(row, Booking)
    if previous and "status" not in previous:
        return
    was_waiting = bool(previous) and previous["status"] == BookingStatus.WAITING.value
    if row.status == BookingStatus.WAITING.value and not was_waiting:
        if "waiting_since" not in values:
            if previous:
                previous["waiting_since"] = row.waiting_since
            row.waiting_since = shared_now(session)
    elif was_waiting:
        previous.setdefault("waiting_since", row.waiting_since)
    session.add(BookingStatusChange(booking_id=row.id, status=row.status, at=shared_now(session)))


@dataclass(frozen=True)
class Offer:
    """A freed place to offer: the household first in the queue that fits."""

    booking_id: int
    name: str
    adults: int
    children: int
    waiting_since: dt.datetime | None
    position: int  # in the waiting list, from 1

    def words(self) -> str:
        people = f"{self.adults} adult{'s' if self.adults != 1 else ''}"
        if self.children:
            people += f", {self.children} child{'ren' if self.children != 1 else ''}"
        # A team role that may not read names sees the household without one.
        who = self.name or "the household"
        return (
            f"A place is free: offer it to {who} ({people}, number {self.position} "
            "on the waiting list)."
        )


def waiting_list(store: Store, event_id: int) -> list[int]:
    """Waiting bookings' ids, first come first."""
    with store.begin() as s:
        return list(s.scalars(_queue(event_id)))


def _queue(event_id: int) -> Any:
    return (
        select(Booking.id)
        .where(Booking.event_id == event_id, Booking.status == BookingStatus.WAITING.value)
        .order_by(Booking.waiting_since.is_(None), Booking.waiting_since, Booking.id)
    )


def next_offer(store: Store, event_id: int) -> Offer | None:
    """The household to offer a freed place to, or None when nobody waiting fits."""
    with store.begin() as s:
        free = places_in(s, event_id)
        for position, booking_id in enumerate(s.scalars(_queue(event_id)), start=1):
            booking = s.get(Booking, booking_id)
            assert booking is not None
            if free.fits(booking.adults, booking.children):
                return Offer(
                    booking.id,
                    booking.name,
                    booking.adults,
                    booking.children,
                    booking.waiting_since,
                    position,
                )
        return None


def status_history(store: Store, booking_id: int) -> list[tuple[str, dt.datetime]]:
    """Each status a booking has had and when (UTC)."""
    with store.begin() as s:
        rows = s.execute(
            select(BookingStatusChange.status, BookingStatusChange.at)
            .where(BookingStatusChange.booking_id == booking_id)
            .order_by(BookingStatusChange.at, BookingStatusChange.id)
        )
        return [(status, at) for status, at in rows]
