"""Reading an event's bookings, children, staff and creche settings; editing the settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.creche import allergies
from organiser.core.creche.ages import age_months, age_words
from organiser.core.creche.kinds import HOLDING, BookingStatus
from organiser.core.creche.models import Booking, Child, Creche, CrecheStaff
from organiser.core.creche.ratios import (
    rule_set,
)
from organiser.core.creche.rows import BookingRow, ChildRow, CrecheSettings, StaffRow
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.models import Event
from organiser.core.planning.kinds import ItemKind
from organiser.core.planning.models import ProgrammeItem
from organiser.core.records import apply_values, get_or_raise
from organiser.core.versions import merge_edit, retry_races, version_of

RETENTION_DAYS = 30
SETTINGS = ("start", "end", "places", "max_age_years", "rule_set", "retention_date")


def list_bookings(store: Store, event_id: int) -> list[BookingRow]:
    """Bookings in the order they came, each with its children entered and queue place."""
    with store.begin() as s:
        return bookings_in(s, event_id)


_BOOKING_COLUMNS = tuple(
    getattr(Booking, name)
    for name in BookingRow.__dataclass_fields__
    if name not in {"registered", "position"}
)
_BOOKING_FIELDS = tuple(BookingRow.__dataclass_fields__)
_BOOKING_INDEX = {column.key: n for n, column in enumerate(_BOOKING_COLUMNS)}


def bookings_in(s: Session, event_id: int) -> list[BookingRow]:
    registered = (
        select(Child.booking_id, func.count().label("n"))
        .join(Booking, Booking.id == Child.booking_id)
        .where(Booking.event_id == event_id)
        .group_by(Child.booking_id)
        .subquery()
    )
    # Core rows straight into BookingRow, each child count joined by the database: no ORM
    # objects and no dict for each booking. Through the connection (plain rows, without the
    # ORM's handling of each one), so pending changes are flushed first as a query would.
    s.flush()
    rows = (
        s.connection()
        .execute(
            select(*_BOOKING_COLUMNS, func.coalesce(registered.c.n, 0))
            .outerjoin(registered, registered.c.booking_id == Booking.id)
            .where(Booking.event_id == event_id)
            .order_by(Booking.id)
        )
        .all()
    )
    status, since = _BOOKING_INDEX["status"], _BOOKING_INDEX["waiting_since"]
    queued = BookingStatus.WAITING.value  # looked up once, not for each booking
    waiting = sorted(
        (r for r in rows if r[status] == queued),
        key=lambda r: (r[since] is None, r[since] or dt.datetime.min, r[0]),
    )
    position = {r[0]: n for n, r in enumerate(waiting, start=1)}
    # Filled in directly: the frozen dataclass's __init__ sets each of its 16 fields through
    # object.__setattr__, half the time of the page for 10,000 bookings. The rows are the same.
    new, fields = object.__new__, _BOOKING_FIELDS[:-1]  # all but position
    made = []
    for r in rows:
        row = new(BookingRow)
        values = row.__dict__
        values.update(zip(fields, r, strict=True))
        values["position"] = position.get(r[0])
        made.append(row)
    return made


def list_children(
    store: Store, event_id: int, *, booking_id: int | None = None, holding_only: bool = False
) -> list[ChildRow]:
    """Children of the event (or one booking), with their age and band at the event date."""
    with store.begin() as s:
        return children_in(s, event_id, booking_id=booking_id, holding_only=holding_only)


def children_in(
    s: Session, event_id: int, *, booking_id: int | None = None, holding_only: bool = False
) -> list[ChildRow]:
    event = get_or_raise(s, Event, event_id, "event")
    rules = rule_set(_creche(s, event_id).rule_set if _has_creche(s, event_id) else "")
    query = (
        select(Child, Booking.name, Booking.status)
        .join(Booking, Booking.id == Child.booking_id)
        .where(Booking.event_id == event_id)
        .order_by(Booking.id, Child.id)
    )
    if booking_id is not None:
        query = query.where(Child.booking_id == booking_id)
    if holding_only:
        query = query.where(Booking.status.in_(HOLDING))
    rows = []
    for child, parent, status in s.execute(query):
        months = age_months(child.date_of_birth, child.age_months, event.date)
        rows.append(
            ChildRow(
                id=child.id,
                booking_id=child.booking_id,
                booking=parent,
                booking_status=status,
                first_name=child.first_name,
                last_name=child.last_name,
                date_of_birth=child.date_of_birth,
                age_months=child.age_months,
                allergies=child.allergies,
                dietary=child.dietary,
                medical=child.medical,
                photo_consent=child.photo_consent,
                collectors=child.collectors,
                collection_password=child.collection_password,
                notes=child.notes,
                anonymised=child.anonymised,
                age=months,
                age_text=age_words(months),
                band=rules.band_for(months).label,
            )
        )
    return rows


def list_staff(store: Store, event_id: int) -> list[StaffRow]:
    """Creche staff, by the time they come on."""
    with store.begin() as s:
        return staff_in(s, event_id)


def staff_in(s: Session, event_id: int) -> list[StaffRow]:
    names = list(StaffRow.__dataclass_fields__)
    rows = s.execute(
        select(*(getattr(CrecheStaff, n) for n in names))
        .where(CrecheStaff.event_id == event_id)
        .order_by(CrecheStaff.id)
    )
    return [StaffRow(*r) for r in rows]


def _has_creche(s: Session, event_id: int) -> bool:
    return s.scalar(select(Creche.id).where(Creche.event_id == event_id)) is not None


def _creche(s: Session, event_id: int) -> Creche:
    """The event's creche settings, made with their defaults the first time they are needed."""
    found = s.scalar(select(Creche).where(Creche.event_id == event_id))
    if found is None:
        get_or_raise(s, Event, event_id, "event")
        found = Creche(event_id=event_id)
        s.add(found)
        s.flush()
    return found


def settings_in(s: Session, event_id: int) -> CrecheSettings:
    creche = _creche(s, event_id)
    event = get_or_raise(s, Event, event_id, "event")
    start, end, source = creche.start, creche.end, "set here"
    if start is None or end is None:
        item = s.execute(
            select(ProgrammeItem.start, ProgrammeItem.end)
            .where(ProgrammeItem.event_id == event_id, ProgrammeItem.kind == ItemKind.CRECHE.value)
            .order_by(ProgrammeItem.start, ProgrammeItem.id)
        ).first()
        if item is not None:
            start, end, source = start or item.start, end or item.end, "from the programme"
        elif start is None and end is None:
            source = "not set"
    retention = creche.retention_date
    if retention is None and event.date is not None:
        retention = event.date + dt.timedelta(days=RETENTION_DAYS)
    return CrecheSettings(
        start=creche.start,
        end=creche.end,
        places=creche.places,
        max_age_years=creche.max_age_years,
        rule_set=creche.rule_set,
        retention_date=creche.retention_date,
        purged_at=creche.purged_at,
        session_start=start,
        session_end=end,
        session_source=source,
        retention=retention,
    )


def get_creche(store: Store, event_id: int) -> CrecheSettings:
    """The creche's settings and the session times and retention date that apply."""
    with store.begin() as s:
        return settings_in(s, event_id)


@retry_races
def update_creche(
    store: Store,
    *,
    event_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Edit the creche's hours, places, oldest age, rule set or retention date.

    With `base` (the settings as the page showed them) and the version it showed, settings
    someone else changed in between are kept or shown as a clash (organiser.core.versions).
    """
    with store.begin() as s:
        creche = _creche(s, event_id)
        values = merge_edit(
            creche,
            values,
            base=base,
            expected_version=expected_version,
            what="creche’s settings",
            row_id=event_id,
        )
        merged = {**{k: getattr(creche, k) for k in SETTINGS}, **values}
        if merged["start"] and merged["end"] and merged["end"] <= merged["start"]:
            field = "end" if "end" in values else "start"
            raise ValidationError("The creche must end after it starts.", field=field)
        places = values.get("places")
        if places is not None and (not isinstance(places, int) or places < 0):
            raise ValidationError("Places cannot be negative.", field="places")
        oldest = values.get("max_age_years")
        if oldest is not None and (not isinstance(oldest, int) or not 0 < oldest <= 18):
            raise ValidationError("Enter the oldest age from 1 to 18 years.", field="max_age_years")
        previous = apply_values(creche, values, SETTINGS)
        s.flush()
        touched = Touched.CRECHE | (Touched.BOOKINGS if "places" in previous else Touched.NONE)
        return Changes(
            touched if previous else Touched.NONE,
            event_id=event_id,
            previous=previous,
            row_version=version_of(creche),
            current={key: getattr(creche, key) for key in previous},
        )


def creche_version(store: Store, event_id: int) -> int:
    """The creche settings row's version now: what the page remembers when it shows them."""
    with store.begin() as s:
        return version_of(_creche(s, event_id))


def allergy_summary(store: Store, event_id: int) -> list[allergies.NeedCount]:
    """Allergies and dietary needs of the children coming, counted."""
    with store.begin() as s:
        children = children_in(s, event_id, holding_only=True)
    return allergies.summarise((c.allergies, c.dietary) for c in children)


def check_in_counts(store: Store, event_id: int) -> dict[str, int]:
    """Households, adults and children by status, for the check-in count."""
    with store.begin() as s:
        rows = s.execute(
            select(
                Booking.status, func.count(), func.sum(Booking.adults), func.sum(Booking.children)
            )
            .where(Booking.event_id == event_id)
            .group_by(Booking.status)
        ).all()
    counts: dict[str, int] = {}
    for status, households, adults, children in rows:
        counts[status] = households
        counts[f"{status} adults"] = int(adults or 0)
        counts[f"{status} children"] = int(children or 0)
    return counts


def catering_note(store: Store, event_id: int) -> str:
    """What the refreshments must cater for ("" when nothing): for the budget and programme."""
    line = allergies.summary_line(allergy_summary(store, event_id))
    return f"Refreshments: cater for {line}." if line else ""
