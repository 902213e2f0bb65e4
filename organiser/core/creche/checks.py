"""What needs attention in the creche: ratios, checks on staff, children nobody may collect,
children too old, the same child twice, the 2-hour registration threshold, retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from organiser.core.creche.bookings import places_in
from organiser.core.creche.kinds import HOLDING
from organiser.core.creche.ratios import RatioCheck
from organiser.core.creche.rows import BookingRow, ChildRow, CrecheSettings, StaffRow
from organiser.core.creche.service import (
    bookings_in,
    children_in,
    ratios_in,
    settings_in,
    staff_in,
)
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
    """Everything the creche page shows in one read."""
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        settings = settings_in(s, event_id)
        bookings = bookings_in(s, event_id)
        children = children_in(s, event_id)
        staff = staff_in(s, event_id)
        ratios = ratios_in(s, event_id)
        free = places_in(s, event_id)
    planned = bool(
        settings.session_source != "not set" or settings.places is not None or children or staff
    )
    warnings = [
        *(_session_warnings(settings) if planned else []),
        *_staff_warnings(staff, event.date),
        *_children_warnings(children, settings),
        *_booking_warnings(bookings),
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
        and (bookings or children)
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


def _children_warnings(children: list[ChildRow], settings: CrecheSettings) -> list[CrecheWarning]:
    warnings = []
    coming = [c for c in children if c.booking_status in HOLDING and not c.anonymised]
    seen: dict[tuple[str, dt.date | None], ChildRow] = {}
    for child in coming:
        name = child.full_name
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
                    f"{name} is {child.age_text} at the event, older than the creche takes "
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


def _booking_warnings(bookings: list[BookingRow]) -> list[CrecheWarning]:
    warnings = []
    for booking in bookings:
        if booking.status not in HOLDING or booking.anonymised:
            continue
        if booking.registered < booking.children:
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
