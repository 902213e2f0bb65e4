"""The rows of a booking export put together into households, each one booking.

Rows sharing an order number are one household (Eventbrite and Ticket Tailor list each ticket of
an order on its own row): their tickets add up. Rows with no order number and the same person
(same name and contact) are one household too, booked once from its first row, as importing
would store it. A household with a refused row is left out whole, so each of its other rows is
refused with it: the refused rows, fixed and imported again, bring the whole household.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from organiser.core.creche.import_plan import PlannedBooking, order_shown
from organiser.core.creche.import_rows import Row
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.validation import check_booking
from organiser.core.errors import ValidationError
from organiser.core.import_plans import RowError, refused_rows
from organiser.core.parsing import name_key

# Longest text each short field holds, and what a message calls it.
LIMITS = {
    "name": (200, "name"),
    "contact": (320, "email and phone"),
    "heard_from": (200, "answer to how they heard"),
    "source_ref": (200, "order number"),
}


def person_key(name: str, contact: str) -> str:
    """Who a booking without an order number is, to notice the same household twice."""
    return f"{name_key(name)}\n{contact.strip().casefold()}"


@dataclass
class Household:
    """The rows of the file that make one booking."""

    rows: list[Row]  # the rows the booking is made from
    numbers: list[int] = field(default_factory=list)  # every row of it, in file order
    order: str = ""  # its order number (none: the rows are the same person)

    @property
    def same_person(self) -> bool:
        """Rows of the same person with no order number: booked once, from the first."""
        return not self.order and len(self.numbers) > 1

    def left_out(self, errors: Iterable[RowError]) -> list[RowError]:
        """For each row of the household with no error of its own when another has one: why
        it is refused too."""
        refused = refused_rows(errors)
        if not refused:
            return []
        first = min(refused)
        if self.order:
            order = order_shown(self.order)
            which = f"the same order ({order})" if order else "the same order"
            why = f"{which} has a row that is refused"
        else:
            why = "it is the same person (same name and contact), and that row is refused"
        return [
            RowError(n, "", f"left out with row {first}: {why}")
            for n in self.numbers
            if n not in refused
        ]


def gather(rows: Iterable[Row]) -> list[Household]:
    """The households of the rows, in the order of their first row."""
    found: dict[str, Household] = {}
    for row in rows:
        if row.reference:
            key = f"order:{row.reference}"
        elif row.name:
            key = f"person:{person_key(row.name, row.contact)}"
        else:
            key = f"row:{row.number}"
        household = found.setdefault(key, Household([], order=row.reference))
        household.numbers.append(row.number)
        if row.reference or not household.rows:
            household.rows.append(row)
    return list(found.values())


def _joined(values: list[str], separator: str) -> str:
    return separator.join(dict.fromkeys(v for v in values if v))


def booking_of(rows: list[Row], today: dt.date) -> PlannedBooking:
    """One booking from the rows of an order: the first row names it, tickets add up."""
    counted = [r for r in rows if r.status != BookingStatus.CANCELLED.value] or rows
    statuses = {r.status for r in counted}
    order = (BookingStatus.ATTENDED, BookingStatus.BOOKED, BookingStatus.WAITING)
    status = next((s.value for s in order if s.value in statuses), counted[0].status)
    consent = any(r.consent for r in rows)
    return PlannedBooking(
        rows=tuple(r.number for r in rows),
        name=next((r.name for r in rows if r.name), ""),
        contact=next((r.contact for r in rows if r.contact), ""),
        adults=sum(r.adults for r in counted),
        # A children question is usually asked once per order and repeated on each ticket;
        # a child's ticket and the answer about that child are the same child.
        children=max(max(r.children for r in counted), sum(r.child_tickets for r in counted)),
        status=status,
        access_needs=_joined([r.texts["access_needs"] for r in rows], "; "),
        heard_from=_joined([r.texts["heard_from"] for r in rows], "; "),
        contact_consent=consent,
        contact_consent_date=(rows[0].booked_on or today) if consent else None,
        notes=_joined([r.texts["notes"] for r in rows], "\n"),
        source_ref=rows[0].reference,
        requested=status,
        creche=max(r.creche for r in counted),
    )


def check(booking: PlannedBooking, mapping: Mapping[str, str | None]) -> list[RowError]:
    """What is wrong with a booking as a whole (a blank name, a field too long, a slip such as
    500 adults), said on its first row."""
    first = booking.rows[0]
    name_column = mapping.get("full_name") or mapping.get("first_name") or ""
    if not booking.name:
        return [RowError(first, name_column, "the name is blank; fill it in, or delete the row")]
    values = booking.values()
    errors = [
        RowError(first, "", f"the {what} is over {most} characters long; shorten it")
        for key, (most, what) in LIMITS.items()
        if len(values[key]) > most
    ]
    try:
        check_booking(values, {})
    except ValidationError as exc:
        message = str(exc)
        errors.append(RowError(first, "", message[:1].lower() + message[1:].rstrip(".")))
    return errors
