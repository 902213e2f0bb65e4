"""How many people came: one answer for the Budget page, the feedback figures and the report.

The attendance entered in Details wins (it is the count the organisers stand by); without it,
the adults checked in on the Creche tab; without either, not known.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.models import Booking
from organiser.core.events.models import Event

DETAILS = "the attendance in Details"
CHECK_IN = "check-in"


def attendance_in(s: Session, event_id: int) -> tuple[int | None, str]:
    """(people who came, where that figure comes from) — (None, "") when not known."""
    entered = s.scalar(select(Event.attendance).where(Event.id == event_id))
    if entered:
        return int(entered), DETAILS
    checked_in = s.scalar(
        select(func.sum(Booking.adults)).where(
            Booking.event_id == event_id, Booking.status == BookingStatus.ATTENDED.value
        )
    )
    if checked_in:
        return int(checked_in), CHECK_IN
    return None, ""
