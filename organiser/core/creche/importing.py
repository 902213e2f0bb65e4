"""Import bookings from another booking tool's CSV export, all rows or none.

Rows sharing an order number are one household (Eventbrite lists each ticket of an order on
its own row). An order already imported to the event is skipped, so importing the same file
twice adds nothing. Messages about rows name the row and the column, never the person.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.creche import bookings
from organiser.core.creche import import_columns as columns
from organiser.core.creche.import_columns import RowError
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.models import Booking
from organiser.core.creche.validation import check_booking
from organiser.core.csvfiles import CsvTable, read_csv
from organiser.core.db import Store
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.events.models import Event
from organiser.core.parsing import name_key
from organiser.core.records import get_or_raise, restore, snapshot
from organiser.core.relations import BOOKING_DEPENDANTS

# Longest text each short field holds, and what a message calls it.
LIMITS = {
    "name": (200, "name"),
    "contact": (320, "email and phone"),
    "heard_from": (200, "answer to how they heard"),
    "source_ref": (200, "order number"),
}


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

    @property
    def id(self) -> int:
        return self.rows[0]

    @property
    def row_words(self) -> str:
        return ", ".join(str(n) for n in self.rows)

    def values(self) -> dict[str, Any]:
        """The booking's fields, ready to store."""
        fields = dataclasses.asdict(self)
        del fields["rows"]
        fields["status"] = fields.pop("requested")
        return fields


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the bookings to add, the rows in error, the ones skipped."""

    table: CsvTable
    mapping: dict[str, str | None]
    bookings: tuple[PlannedBooking, ...]
    errors: tuple[RowError, ...]
    problems: tuple[str, ...]  # about the column choices as a whole
    skipped: tuple[tuple[int, ...], ...]  # rows of bookings already on the event

    @property
    def ok(self) -> bool:
        return not self.errors and not self.problems

    @property
    def waiting(self) -> int:
        return sum(b.status == BookingStatus.WAITING.value for b in self.bookings)

    def summary(self) -> str:
        """ "23 bookings to add, 2 already imported, 1 row with an error — …"."""
        if self.problems:
            return " ".join(self.problems)
        count = len(self.bookings)
        parts = [f"{count} booking{'s' if count != 1 else ''} to add"]
        if self.waiting:
            parts[0] += f" ({self.waiting} on the waiting list)"
        if self.skipped:
            parts.append(f"{len(self.skipped)} already imported")
        if self.errors:
            rows = len({e.row for e in self.errors})
            parts.append(f"{rows} row{'s' if rows != 1 else ''} with an error")
            return (
                ", ".join(parts) + " — fix the file or the column choices; "
                "nothing is imported while any row has an error."
            )
        return ", ".join(parts) + "."


def _problems(table: CsvTable, mapping: Mapping[str, str | None]) -> list[str]:
    found = [
        f"The column “{c}” is not in this file."
        for c in mapping.values()
        if c is not None and c not in table.header
    ]
    if not any(mapping.get(k) for k in ("first_name", "last_name", "full_name")):
        found.append("Choose the column that holds the name (or the first and last name).")
    return found


def _joined(values: list[str], separator: str) -> str:
    return separator.join(dict.fromkeys(v for v in values if v))


def _household(rows: list[columns.Row], today: dt.date) -> PlannedBooking:
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
        # A children question is usually asked once per order and repeated on each ticket.
        children=max(r.children for r in counted) + sum(r.child_tickets for r in counted),
        status=status,
        access_needs=_joined([r.texts["access_needs"] for r in rows], "; "),
        heard_from=_joined([r.texts["heard_from"] for r in rows], "; "),
        contact_consent=consent,
        contact_consent_date=(rows[0].booked_on or today) if consent else None,
        notes=_joined([r.texts["notes"] for r in rows], "\n"),
        source_ref=rows[0].reference,
        requested=status,
    )


def _check(booking: PlannedBooking, mapping: Mapping[str, str | None]) -> list[RowError]:
    first = booking.rows[0]
    name_column = mapping.get("full_name") or mapping.get("first_name") or ""
    if not booking.name:
        return [RowError(first, name_column, "the name is blank")]
    values = booking.values()
    errors = [
        RowError(first, "", f"the {what} is over {most} characters long")
        for key, (most, what) in LIMITS.items()
        if len(values[key]) > most
    ]
    try:
        check_booking(values, {})
    except ValidationError as exc:
        message = str(exc)
        errors.append(RowError(first, "", message[:1].lower() + message[1:].rstrip(".")))
    return errors


def person_key(name: str, contact: str) -> str:
    """Who a booking without an order number is, to notice the same household twice."""
    return f"{name_key(name)}\n{contact.strip().casefold()}"


def plan_import(
    source: bytes | CsvTable,
    mapping: Mapping[str, str | None],
    *,
    already: Collection[str] = (),
    places: bookings.Places | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """What importing the file with these column choices would add, skip and refuse.

    `already` holds the order numbers (and person keys) on the event; `places`, what is
    taken, so the bookings that will go on the waiting list show as such.
    """
    table = source if isinstance(source, CsvTable) else read_csv(source)
    chosen = {t.key: mapping.get(t.key) for t in columns.TARGETS}
    problems = _problems(table, chosen)
    if problems:
        return ImportPlan(table, chosen, (), (), tuple(problems), ())
    errors: list[RowError] = []
    households: dict[str, list[columns.Row]] = {}
    for number, cells in table.rows:
        row, found = columns.read_row(number, cells, table, chosen)
        errors.extend(found)
        key = f"ref:{row.reference}" if row.reference else f"row:{number}"
        households.setdefault(key, []).append(row)
    planned: list[PlannedBooking] = []
    skipped: list[tuple[int, ...]] = []
    for rows in households.values():
        booking = _household(rows, today or dt.date.today())
        errors.extend(_check(booking, chosen))
        known = booking.source_ref or person_key(booking.name, booking.contact)
        if known in already:
            skipped.append(booking.rows)
            continue
        if places is not None and booking.status == BookingStatus.BOOKED.value:
            if places.fits(booking.adults, booking.children):
                places = dataclasses.replace(
                    places,
                    adults=places.adults + booking.adults,
                    children=places.children + booking.children,
                )
            else:
                booking = dataclasses.replace(booking, status=BookingStatus.WAITING.value)
        planned.append(booking)
    errors.sort(key=lambda e: e.row)
    return ImportPlan(table, chosen, tuple(planned), tuple(errors), (), tuple(skipped))


def _known(s: Session, event_id: int) -> set[str]:
    rows = s.execute(
        select(Booking.source_ref, Booking.name, Booking.contact).where(
            Booking.event_id == event_id
        )
    )
    return {ref or person_key(name, contact) for ref, name, contact in rows}


def plan_for_event(
    store: Store, event_id: int, source: bytes | CsvTable, mapping: Mapping[str, str | None]
) -> ImportPlan:
    """plan_import against an event: its orders already imported and its free places."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        known, places = _known(s, event_id), bookings.places_in(s, event_id)
    return plan_import(source, mapping, already=known, places=places)


def apply_import(store: Store, event_id: int, plan: ImportPlan) -> Changes:
    """Add the plan's bookings in file order in one transaction, or none if any row is wrong."""
    if not plan.ok:
        count = len({e.row for e in plan.errors})
        raise OrganiserError(
            f"Nothing was imported: {count} row{'s' if count != 1 else ''} of the file "
            "cannot be used. Fix the file or the column choices, then import again."
            if count
            else "Nothing was imported: " + " ".join(plan.problems)
        )
    created: list[int] = []
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        known = _known(s, event_id)  # an import since the preview is not added twice
        for planned in plan.bookings:
            key = planned.source_ref or person_key(planned.name, planned.contact)
            if key in known:
                continue
            known.add(key)  # the same household twice in one file is booked once
            values = planned.values()  # the places taken now decide booked or waiting
            check_booking(values, {})
            bookings.place_booking(s, event_id, values)
            row = Booking(event_id=event_id, **values)
            s.add(row)
            s.flush()
            bookings.record_status(s, row, {}, values)
            created.append(row.id)
    if not created:
        return Changes(Touched.NONE, event_id=event_id)
    return Changes(Touched.BOOKINGS, event_id=event_id, previous={"created_ids": created})


def remove_imported(store: Store, *, event_id: int, booking_ids: Collection[int]) -> Changes:
    """Undo an import: delete its bookings (and anything added to them since), keeping a copy."""
    with store.begin() as s:
        saved = []
        for booking_id in booking_ids:
            booking = get_or_raise(s, Booking, booking_id, "booking")
            saved.append(snapshot(s, booking, BOOKING_DEPENDANTS))
            s.delete(booking)
        return Changes(
            Touched.BOOKINGS | Touched.CRECHE,
            event_id=event_id,
            snapshot={"event_id": event_id, "bookings": saved},
        )


def restore_imported(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Redo an import that was undone: its bookings come back with their ids."""
    with store.begin() as s:
        for saved in snapshot["bookings"]:
            restore(s, Booking, saved, BOOKING_DEPENDANTS)
        ids = [saved["row"]["id"] for saved in snapshot["bookings"]]
    return Changes(
        Touched.BOOKINGS | Touched.CRECHE,
        event_id=snapshot["event_id"],
        previous={"created_ids": ids},
    )
