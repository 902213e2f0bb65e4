"""A booking import's plan in words: what each column was read as, what will be added, skipped,
merged and refused, and what else the person should know. It has the shape of
organiser.core.import_plans.Plan, so the dialog and the command line say the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from organiser.core.creche.import_columns import LABELS, ColumnMap, is_contact_column
from organiser.core.creche.kinds import BookingStatus
from organiser.core.import_plans import CONTACT, Reading, RowError, examples, refused_rows
from organiser.core.tables import Table
from organiser.core.words import plural

LISTED = 20  # households or repeats named one by one before "… and N more"


@dataclass(frozen=True)
class PlannedBooking:
    """A booking as it will be stored, and the rows of the file it comes from."""

    rows: tuple[int, ...]
    name: str
    contact: str
    adults: int
    children: int
    status: str
    access_needs: str
    heard_from: str
    contact_consent: bool
    contact_consent_date: dt.date | None
    notes: str
    source_ref: str
    requested: str  # the status the file asks for (a full event may put it on the waiting list)
    creche: int = 0  # the children a yes/no creche answer asks for (not stored: said in notes)

    @property
    def id(self) -> int:
        return self.rows[0]

    @property
    def row_words(self) -> str:
        return ", ".join(str(n) for n in self.rows)

    def values(self) -> dict[str, Any]:
        """The booking's fields, ready to store (the status the file asks for)."""
        fields = {name: getattr(self, name) for name in _STORED}
        fields["status"] = self.requested
        return fields


_STORED = tuple(
    f.name
    for f in dataclasses.fields(PlannedBooking)
    if f.name not in ("rows", "creche", "status", "requested")
)


def order_shown(reference: str) -> str:
    """An order number as a message may show it, or "" for one that does not look like an
    order number (the column chosen as the order number may hold something else)."""
    text = reference.strip()
    return "" if len(text) > 40 or "@" in text or " " in text else text


def rows_words(rows: Sequence[int]) -> str:
    """ "Rows 2–3", "Rows 5 and 9", "Rows 2, 5 and 7"."""
    if len(rows) == 1:
        return f"Row {rows[0]}"
    if list(rows) == list(range(rows[0], rows[0] + len(rows))):
        return f"Rows {rows[0]}–{rows[-1]}"
    return "Rows " + ", ".join(str(r) for r in rows[:-1]) + f" and {rows[-1]}"


def people(adults: int, children: int) -> str:
    """ "2 adults", "1 adult and 2 children"."""
    said = plural(adults, "adult")
    return f"{said} and {plural(children, 'child', 'children')}" if children else said


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the bookings to add, the rows in error, the ones skipped."""

    table: Table
    mapping: ColumnMap
    bookings: tuple[PlannedBooking, ...]
    errors: tuple[RowError, ...]
    problems: tuple[str, ...]  # about the column choices as a whole
    skipped: tuple[tuple[int, ...], ...]  # rows of bookings already on the event
    repeated: tuple[tuple[tuple[int, ...], str], ...] = ()  # identical rows, their order number
    unread: tuple[int, ...] = ()  # rows whose creche answer was not understood
    # rows of the same person with no order number (booked once, from the first)
    same_person: tuple[tuple[int, ...], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and not self.problems

    @property
    def refused(self) -> frozenset[int]:
        """The rows of the file with an error, or left out with a row of their household
        that has one."""
        return refused_rows(self.errors)

    def good(self) -> tuple[PlannedBooking, ...]:
        """The bookings that touch no refused row."""
        refused = self.refused
        if not refused:
            return self.bookings
        return tuple(b for b in self.bookings if refused.isdisjoint(b.rows))

    def good_count(self) -> int:
        """How many bookings would be added when the refused rows are left out."""
        return 0 if self.problems else len(self.good())

    @property
    def waiting(self) -> int:
        return sum(b.status == BookingStatus.WAITING.value for b in self.good())

    def summary(self) -> str:
        """ "23 bookings to add, 2 already imported, 3 rows merged into their orders, 1
        identical row counted once, 1 row for the same person booked once, 1 row refused."
        (the rows of the bookings to add, and of those refused, said once each)."""
        if self.problems:
            return " ".join(self.problems)
        parts = [f"{plural(self.good_count(), 'booking')} to add"]
        if self.waiting:
            parts[0] += f" ({self.waiting:,} on the waiting list)"
        if self.skipped:
            parts.append(f"{len(self.skipped):,} already imported")
        good = self.good()
        merged = sum(len(b.rows) - 1 for b in good)
        if merged:
            orders = sum(len(b.rows) > 1 for b in good)
            into = "into its order" if orders == 1 else "into their orders"
            parts.append(f"{plural(merged, 'row')} merged {into}")
        identical = sum(len(rows) - 1 for rows, _order in self.repeated)
        if identical:
            parts.append(f"{plural(identical, 'identical row')} counted once")
        refused = self.refused
        again = sum(len(rows) - 1 for rows in self.same_person if refused.isdisjoint(rows))
        if again:
            parts.append(f"{plural(again, 'row')} for the same person booked once")
        if refused:
            parts.append(f"{plural(len(refused), 'row')} refused")
        return ", ".join(parts) + "."

    def readings(self) -> list[Reading]:
        """What each column of the file was understood as, with two of its values (never
        contact details: "(contact details)" instead)."""
        meanings: dict[str, list[str]] = {}
        for key, column in self.mapping.items():
            if column is not None:
                meanings.setdefault(column, []).append(LABELS[key])
        contact = {self.mapping.get("email"), self.mapping.get("phone")}
        found = []
        for column in self.table.header:
            shown: tuple[str, ...]
            if column in contact or is_contact_column(column):
                shown = (CONTACT,) if examples(self.table, column, 1) else ()
            else:
                shown = examples(self.table, column)
            meaning = " and ".join(meanings.get(column, ())) or "Not imported"
            found.append(Reading(column, meaning, shown))
        return found

    def notes(self) -> list[str]:
        """Columns missing, rows counted once or merged, the creche answers, the waiting list."""
        if self.problems:
            return []
        return [
            *self._missing(),
            *self._repeats(),
            *self._same_person(),
            *self._households(),
            *self._creche(),
            *self._waiting(),
        ]

    def _missing(self) -> list[str]:
        chosen = self.mapping
        found = []
        if not chosen.get("full_name"):
            if chosen.get("last_name") and not chosen.get("first_name"):
                found.append("No first-name column: names will be surnames only.")
            if chosen.get("first_name") and not chosen.get("last_name"):
                found.append("No last-name column: names will be first names only.")
        if not chosen.get("email") and not chosen.get("phone"):
            found.append("No email or phone column: the bookings will have no contact details.")
        if not chosen.get("adults"):
            found.append("No quantity column: each row counts as one adult.")
        return found

    def _repeats(self) -> list[str]:
        found = []
        for rows, reference in self.repeated[:LISTED]:
            order = order_shown(reference)
            if order:
                found.append(f"{len(rows)} identical rows for order {order}: counted once.")
            else:
                found.append(f"{rows_words(rows)} are identical: counted once.")
        if len(self.repeated) > LISTED:
            found.append(f"… and {len(self.repeated) - LISTED:,} more rows repeated.")
        return found

    def _same_person(self) -> list[str]:
        found = [
            f"{rows_words(rows)} are the same person (same name and contact) with no order "
            "number: booked once."
            for rows in self.same_person[:LISTED]
        ]
        if len(self.same_person) > LISTED:
            found.append(f"… and {len(self.same_person) - LISTED:,} more people listed twice.")
        return found

    def _households(self) -> list[str]:
        merged = [b for b in self.bookings if len(b.rows) > 1]
        found = []
        for booking in merged[:LISTED]:
            shown = order_shown(booking.source_ref)
            order = f" (order {shown})" if shown else ""
            found.append(
                f"{rows_words(booking.rows)}{order} are one household: "
                f"{people(booking.adults, booking.children)}."
            )
        if len(merged) > LISTED:
            found.append(f"… and {len(merged) - LISTED:,} more orders of several rows.")
        return found

    def _creche(self) -> list[str]:
        column = self.mapping.get("creche_answer")
        if not column:
            return []
        wanting = [b for b in self.good() if b.creche]
        children = sum(b.creche for b in wanting)
        want = "wants" if len(wanting) == 1 else "want"
        found = (
            [
                f"“{column}” read as yes/no and ages: {plural(len(wanting), 'booking')} {want} "
                f"the creche for {plural(children, 'child', 'children')}."
            ]
            if wanting
            else []
        )
        if self.unread:
            found.append(
                f"{rows_words(self.unread)}: the answer to “{column}” is not yes, no or ages, "
                "so no creche place is counted; the answer is kept in the notes."
            )
        return found

    def _waiting(self) -> list[str]:
        good = self.good()
        moved = sum(
            b.status == BookingStatus.WAITING.value and b.requested != BookingStatus.WAITING.value
            for b in good
        )
        asked = sum(b.requested == BookingStatus.WAITING.value for b in good)
        found = []
        if moved:
            found.append(
                f"{plural(moved, 'booking')} will go on the waiting list: there are not "
                "enough free places (or creche places) for them."
            )
        if asked:
            verb = "is" if asked == 1 else "are"
            found.append(f"{plural(asked, 'booking')} {verb} on the waiting list in the file.")
        return found
