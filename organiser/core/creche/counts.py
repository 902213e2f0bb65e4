"""The creche's checks counted by the database rather than by reading every booking and
child: the bookings still short of children, the children per age band, and from those the
staff:child ratio check."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.creche.ages import age_months
from organiser.core.creche.kinds import HOLDING
from organiser.core.creche.models import Booking, Child
from organiser.core.creche.ratios import (
    OnDuty,
    RatioCheck,
    RuleSet,
    check_counts,
    is_level3,
    is_level6,
    rule_set,
)
from organiser.core.creche.rows import CrecheSettings, StaffRow
from organiser.core.creche.service import settings_in, staff_in
from organiser.core.db import Store
from organiser.core.events.models import Event


def ratio_check(store: Store, event_id: int) -> RatioCheck:
    """The staff:child ratio check for the children booked in and the staff on."""
    with store.begin() as s:
        return ratios_in(s, event_id)


@dataclass(frozen=True)
class ShortBooking:
    """A booking holding places with fewer children entered than it booked."""

    name: str
    children: int
    registered: int
    anonymised: bool


def short_bookings(s: Session, event_id: int) -> list[ShortBooking]:
    """Bookings holding places whose children are not all entered, in the order they came:
    found by the database, not by reading every booking."""
    registered = (
        select(func.count(Child.id))
        .where(Child.booking_id == Booking.id)
        .correlate(Booking)
        .scalar_subquery()
    )
    rows = s.execute(
        select(Booking.name, Booking.children, registered, Booking.anonymised)
        .where(
            Booking.event_id == event_id,
            Booking.status.in_(HOLDING),
            Booking.children > registered,
        )
        .order_by(Booking.id)
    )
    return [ShortBooking(*row) for row in rows]


def holding_band_counts(s: Session, event_id: int, rules: RuleSet) -> dict[str, int]:
    """Children of bookings holding places, counted by age band at the event date: one row
    read for each date of birth and stated age, not one for each child."""
    on = s.scalar(select(Event.date).where(Event.id == event_id))
    rows = s.execute(
        select(Child.date_of_birth, Child.age_months, func.count())
        .join(Booking, Booking.id == Child.booking_id)
        .where(Booking.event_id == event_id, Booking.status.in_(HOLDING))
        .group_by(Child.date_of_birth, Child.age_months)
    )
    counts = {band.label: 0 for band in rules.bands}
    for born, stated, n in rows:
        counts[rules.band_for(age_months(born, stated, on)).label] += n
    return counts


def ratios_in(
    s: Session,
    event_id: int,
    *,
    settings: CrecheSettings | None = None,
    short: list[ShortBooking] | None = None,
    staff: list[StaffRow] | None = None,
) -> RatioCheck:
    """The ratio check; `settings`, `short` and `staff` when the caller has read them."""
    settings = settings_in(s, event_id) if settings is None else settings
    rules = rule_set(settings.rule_set)
    counts = holding_band_counts(s, event_id, rules)
    # Children booked whose details are not entered yet still need looking after: they count,
    # at the youngest band's ratio until their ages are known.
    short = short_bookings(s, event_id) if short is None else short
    youngest = rules.band_for(None).label
    counts[youngest] += sum(b.children - b.registered for b in short)
    on_duty = [
        OnDuty(m.on_from, m.on_until, is_level6(m.qualification), is_level3(m.qualification))
        for m in (staff_in(s, event_id) if staff is None else staff)
    ]
    return check_counts(
        counts,
        on_duty,
        rules,
        start=settings.session_start,
        end=settings.session_end,
    )
