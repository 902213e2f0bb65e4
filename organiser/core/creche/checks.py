"""What needs attention in the creche: ratios, checks on staff, children nobody may collect,
children too old, the same child twice, the 2-hour registration threshold, retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from organiser.core.creche.ages import age_months, age_words
from organiser.core.creche.bookings import places_in
from organiser.core.creche.counts import ShortBooking, ratios_in, short_bookings
from organiser.core.creche.kinds import HOLDING
from organiser.core.creche.models import Booking, Child
from organiser.core.creche.ratios import RatioCheck
from organiser.core.creche.rows import CrecheSettings, StaffRow
from organiser.core.creche.service import settings_in, staff_in
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.parsing import format_date, format_minutes, minutes_between, name_key
from organiser.core.records import get_or_raise
from organiser.core.words import plural

REGISTRATION_MINUTES = 120  # care of 2 hours or more a day may need Ofsted registration


@dataclass(frozen=True)
class CrecheWarning:
    text: str
    page: str  # "bookings", "children", "staff", "creche" or "privacy"


@dataclass(frozen=True)
class CrecheReview:
    settings: CrecheSettings
    ratios: RatioCheck
    warnings: tuple[CrecheWarning, ...]
    # Hours, places, a Creche programme item, children or staff: the event has a creche to check.
    planned: bool = True


def review(store: Store, event_id: int, *, today: dt.date | None = None) -> CrecheReview:
    """Everything the creche page shows in one read.

    The database finds what needs attention (bookings short of children, children counted by
    age band); only the children coming are read one by one, for the checks on each."""
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        settings = settings_in(s, event_id)
        has_bookings = _exists(s, select(Booking.id).where(Booking.event_id == event_id))
        has_children = has_bookings and _exists(
            s,
            select(Child.id)
            .join(Booking, Booking.id == Child.booking_id)
            .where(Booking.event_id == event_id),
        )
        coming = _coming(s, event_id, event.date)
        short = short_bookings(s, event_id)
        staff = staff_in(s, event_id)
        ratios = ratios_in(s, event_id, settings=settings, short=short, staff=staff)
        free = places_in(s, event_id)
    planned = bool(
        settings.session_source != "not set" or settings.places is not None or has_children or staff
    )
    warnings = [
        *(_session_warnings(settings) if planned else []),
        *_staff_warnings(staff, event.date),
        *_children_warnings(coming, settings),
        *_booking_warnings(short),
    ]
    if free.adults_free is not None and free.adults_free < 0:
        warnings.append(
            CrecheWarning(
                f"{plural(-free.adults_free, 'more adult')} booked than the event has places.",
                "bookings",
            )
        )
    if free.children_free is not None and free.children_free < 0:
        warnings.append(
            CrecheWarning(
                f"{plural(-free.children_free, 'more child', 'more children')} booked than the "
                "creche has places.",
                "bookings",
            )
        )
    if ratios.short:
        warnings.insert(0, CrecheWarning(ratios.summary(), "staff"))
    day = today or dt.date.today()
    if (
        settings.retention
        and day > settings.retention
        and settings.purged_at is None
        and has_bookings  # a child always belongs to a booking
    ):
        warnings.insert(
            0,
            CrecheWarning(
                f"The retention date ({format_date(settings.retention)}) has passed: remove "
                "the personal data of bookings and children.",
                "privacy",
            ),
        )
    return CrecheReview(settings, ratios, tuple(warnings), planned)


def _session_warnings(settings: CrecheSettings) -> list[CrecheWarning]:
    start, end = settings.session_start, settings.session_end
    if start is None or end is None:
        return [
            CrecheWarning(
                "The creche has no hours: set them on Creche ▸ Settings and checks, or add a "
                "Creche item to the programme.",
                "creche",
            )
        ]
    length = minutes_between(start, end)
    if length >= REGISTRATION_MINUTES:
        return [
            CrecheWarning(
                f"The creche runs {format_minutes(length)}: care of 2 hours or more a day may "
                "need Ofsted registration. Keep it under 2 hours or check with Ofsted.",
                "creche",
            )
        ]
    return []


def _staff_warnings(staff: list[StaffRow], on: dt.date | None) -> list[CrecheWarning]:
    warnings = []
    for member in staff:
        if not member.name:  # a team role that may not read staff's checks sees them blank
            continue
        if member.dbs_date is None:
            warnings.append(CrecheWarning(f"{member.name} has no DBS check recorded.", "staff"))
        if member.first_aid_expiry is None:
            warnings.append(
                CrecheWarning(f"{member.name} has no paediatric first aid recorded.", "staff")
            )
        elif on is not None and member.first_aid_expiry < on:
            warnings.append(
                CrecheWarning(
                    f"{member.name}’s paediatric first aid expires on "
                    f"{format_date(member.first_aid_expiry)}, before the event.",
                    "staff",
                )
            )
    return warnings


@dataclass(frozen=True)
class _Coming:
    """What the checks need of a child whose booking holds a place."""

    booking_id: int
    booking: str
    full_name: str
    date_of_birth: dt.date | None
    collectors: str
    age: int | None


def _exists(s: Session, query: Select[Any]) -> bool:
    return s.execute(query.limit(1)).first() is not None


def _coming(s: Session, event_id: int, on: dt.date | None) -> list[_Coming]:
    """Children of bookings holding places, not anonymised, as the children page lists them."""
    rows = s.execute(
        select(
            Child.booking_id,
            Booking.name,
            Child.first_name,
            Child.last_name,
            Child.date_of_birth,
            Child.age_months,
            Child.collectors,
        )
        .join(Booking, Booking.id == Child.booking_id)
        .where(
            Booking.event_id == event_id,
            Booking.status.in_(HOLDING),
            Child.anonymised.is_(False),
        )
        .order_by(Booking.id, Child.id)
    )
    return [
        _Coming(
            booking_id,
            parent,
            f"{first} {last}".strip(),
            born,
            collectors,
            age_months(born, stated, on),
        )
        for booking_id, parent, first, last, born, stated, collectors in rows
    ]


def _children_warnings(coming: list[_Coming], settings: CrecheSettings) -> list[CrecheWarning]:
    warnings = []
    seen: dict[tuple[str, dt.date | None], _Coming] = {}
    for child in coming:
        name = child.full_name
        if not name.strip():  # a team role that may not read children's details
            continue
        if not child.collectors.strip():
            warnings.append(CrecheWarning(f"Nobody is named to collect {name}.", "children"))
        if child.age is None:
            warnings.append(
                CrecheWarning(
                    f"{name} has no date of birth or age; counted as under 2.", "children"
                )
            )
        elif child.age >= (settings.max_age_years + 1) * 12:
            warnings.append(
                CrecheWarning(
                    f"{name} is {age_words(child.age)} at the event, older than the creche takes "
                    f"(up to {settings.max_age_years}).",
                    "children",
                )
            )
        elif child.age < 0:
            warnings.append(
                CrecheWarning(f"{name}’s date of birth is after the event.", "children")
            )
        key = (name_key(name), child.date_of_birth)
        twin = seen.get(key)
        if twin is not None:
            where = (
                "twice in the same booking"
                if twin.booking_id == child.booking_id
                else f"by {twin.booking} and by {child.booking}"
            )
            warnings.append(CrecheWarning(f"{name} is booked {where}.", "children"))
        seen[key] = child
    return warnings


def _booking_warnings(short: list[ShortBooking]) -> list[CrecheWarning]:
    warnings = []
    for booking in short:
        if booking.anonymised:
            continue
        missing = booking.children - booking.registered
        warnings.append(
            CrecheWarning(
                f"{booking.name} booked {booking.children} creche place"
                f"{'s' if booking.children != 1 else ''}; "
                f"{missing} child{'ren' if missing != 1 else ''}’s details still to add.",
                "children",
            )
        )
    return warnings
