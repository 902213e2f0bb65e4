"""'What if this is successful and we want to do more?': the evidence for demand and the cost
of one more session from this event's own spending."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.models import Booking
from organiser.core.db import Store
from organiser.core.feedback.figures import figures
from organiser.core.money import format_pence
from organiser.core.planning.models import CostLine
from organiser.core.words import plural


@dataclass(frozen=True)
class Demand:
    regular_yes: int
    regular_maybe: int
    answered: int  # answered the regular-sessions question
    future_contact: int  # households who agreed to hear about future sessions
    waiting: int  # households still on the waiting list

    def lines(self) -> list[str]:
        """The evidence in plain words."""
        lines = []
        if self.answered:
            lines.append(
                f"{self.regular_yes} of {plural(self.answered, 'person', 'people')} who answered "
                "would come to regular "
                f"sessions, and {self.regular_maybe} more might."
            )
        else:
            lines.append("Nobody has yet been asked about regular sessions.")
        lines.append(
            f"{self.future_contact} household{'s' if self.future_contact != 1 else ''} agreed to "
            "hear about future sessions."
        )
        if self.waiting:
            lines.append(
                f"{self.waiting} household{'s were' if self.waiting != 1 else ' was'} still on "
                "the waiting list."
            )
        return lines


@dataclass(frozen=True)
class SessionCost:
    total_pence: int
    by_category: tuple[tuple[str, int], ...]
    estimated_lines: int  # cost lines with no actual yet, counted at their estimate
    attendance: int | None

    @property
    def per_attendee(self) -> int | None:
        return round(self.total_pence / self.attendance) if self.attendance else None

    def words(self) -> str:
        text = f"One more session like this would cost about {format_pence(self.total_pence)}"
        if self.per_attendee is not None:
            text += f" ({format_pence(self.per_attendee)} per person who came)"
        text += "."
        if self.estimated_lines:
            lines = self.estimated_lines
            have = "cost lines have" if lines != 1 else "cost line has"
            text += f" {lines} {have} no actual spending yet, so the estimate is used."
        return text


def demand(store: Store, event_id: int) -> Demand:
    """Feedback wanting regular sessions, consent to future contact, the waiting list."""
    found = figures(store, event_id)
    with store.begin() as s:
        contact = s.scalar(
            select(func.count())
            .select_from(Booking)
            .where(Booking.event_id == event_id, Booking.contact_consent.is_(True))
        )
        waiting = s.scalar(
            select(func.count())
            .select_from(Booking)
            .where(Booking.event_id == event_id, Booking.status == BookingStatus.WAITING.value)
        )
    return Demand(
        regular_yes=found.regular.count,
        regular_maybe=found.regular_maybe.count,
        answered=found.regular.total,
        future_contact=int(contact or 0),
        waiting=int(waiting or 0),
    )


def cost_of(lines: Iterable[tuple[str, int, int | None]], attendance: int | None) -> SessionCost:
    """Actual spending by category (the estimate where no actual is known yet)."""
    totals: dict[str, int] = {}
    estimated = 0
    for category, estimate, actual in lines:
        if actual is None:
            estimated += 1
        totals[category] = totals.get(category, 0) + (actual if actual is not None else estimate)
    ordered = tuple(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))
    return SessionCost(sum(totals.values()), ordered, estimated, attendance)


def session_cost(store: Store, event_id: int) -> SessionCost:
    """The cost of one more session, from this event's costs."""
    found = figures(store, event_id)
    with store.begin() as s:
        rows = s.execute(
            select(CostLine.category, CostLine.estimated_pence, CostLine.actual_pence).where(
                CostLine.event_id == event_id
            )
        ).all()
    return cost_of(((c, e, a) for c, e, a in rows), found.attendance)
