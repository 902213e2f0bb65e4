"""Import bookings from another booking tool's export (CSV or Excel), all rows or the good ones.

Rows sharing an order number are one household (Eventbrite and Ticket Tailor list each ticket
of an order on its own row), and so are rows of the same person with no order number (booked
once; see creche.import_households); a row repeated exactly is counted once. An order already
imported to the event is skipped, so importing the same file twice adds nothing. Messages about
rows name the row and the column, never the person.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from organiser.core.base import shared_now
from organiser.core.changes import Changes, Touched
from organiser.core.creche import bookings
from organiser.core.creche.import_columns import TARGETS, ColumnMap, choose, guess_mapping
from organiser.core.creche.import_households import booking_of, check, gather, person_key
from organiser.core.creche.import_plan import ImportPlan, PlannedBooking
from organiser.core.creche.import_rows import Row, RowReader, repeats
from organiser.core.creche.kinds import HOLDING, BookingStatus
from organiser.core.creche.models import Booking, BookingStatusChange
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.models import Event
from organiser.core.import_plans import RowError, refuse_unless_storable
from organiser.core.records import get_or_raise, restore, snapshot
from organiser.core.relations import BOOKING_DEPENDANTS
from organiser.core.tables import Table, read_table

__all__ = [
    "ColumnMap",
    "ImportPlan",
    "PlannedBooking",
    "RowError",
    "apply_import",
    "choose",
    "guess_mapping",
    "person_key",
    "plan_for_event",
    "plan_import",
    "remove_imported",
    "restore_imported",
    "suggest_mapping",
]


def _problems(table: Table, mapping: Mapping[str, str | None]) -> list[str]:
    found = [
        f"The column “{c}” is not in this file."
        for c in dict.fromkeys(mapping.values())
        if c is not None and c not in table.header
    ]
    if not any(mapping.get(k) for k in ("first_name", "last_name", "full_name")):
        found.append("Choose the column that holds the name (or the first and last name).")
    return found


def plan_import(
    source: bytes | Table,
    mapping: Mapping[str, str | None],
    *,
    already: Collection[str] = (),
    places: bookings.Places | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """What importing the file with these column choices would add, skip and refuse.

    `already` holds the order numbers (and person keys) on the event; `places`, what is
    taken, so the bookings that will go on the waiting list show as such. A household with a
    refused row is refused whole and takes no place (it is left out if the others are
    imported); one already on the event is skipped, its rows' errors not raised (nothing of
    it would be added).
    """
    table = source if isinstance(source, Table) else read_table(source)
    chosen: ColumnMap = {t.key: mapping.get(t.key) for t in TARGETS}
    problems = _problems(table, chosen)
    if problems:
        return ImportPlan(table, chosen, (), (), tuple(problems), ())
    repeated = repeats(table)
    dropped = {n for rows in repeated.values() for n in rows[1:]}
    reader = RowReader(table, chosen)
    read: list[Row] = []
    errors_of: dict[int, list[RowError]] = {}
    references: dict[int, str] = {}
    for number, cells in table.rows:
        if number in dropped:
            continue
        row, errors_of[number] = reader.read(number, cells)
        read.append(row)
        if number in repeated:
            references[number] = row.reference
    planned: list[PlannedBooking] = []
    errors: list[RowError] = []
    skipped: list[tuple[int, ...]] = []
    same_person: list[tuple[int, ...]] = []
    unread: list[int] = []
    for household in gather(read):
        booking = booking_of(household.rows, today or dt.date.today())
        if (booking.source_ref or person_key(booking.name, booking.contact)) in already:
            skipped.append(tuple(household.numbers))
            continue
        found = [e for n in household.numbers for e in errors_of[n]]
        found += check(booking, chosen)
        found += household.left_out(found)
        errors.extend(found)
        if household.same_person:
            same_person.append(tuple(household.numbers))
        unread.extend(r.number for r in household.rows if r.creche_unread)
        if places is not None and not found and booking.status == BookingStatus.BOOKED.value:
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
    return ImportPlan(
        table,
        chosen,
        tuple(planned),
        tuple(errors),
        (),
        tuple(skipped),
        tuple((rows, references.get(first, "")) for first, rows in repeated.items()),
        tuple(sorted(unread)),
        tuple(same_person),
    )


def _known(s: Session, event_id: int) -> set[str]:
    rows = s.execute(
        select(Booking.source_ref, Booking.name, Booking.contact).where(
            Booking.event_id == event_id
        )
    )
    return {ref or person_key(name, contact) for ref, name, contact in rows}


def suggest_mapping(store: Store, event_id: int, table: Table) -> tuple[ColumnMap, bool]:
    """The column choices to offer for a file, and whether they were remembered (they are
    guessed from the file: the exports people have import with no change)."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
    return guess_mapping(table), False


def plan_for_event(
    store: Store, event_id: int, source: bytes | Table, mapping: Mapping[str, str | None]
) -> ImportPlan:
    """plan_import against an event: its orders already imported and its free places."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        known, places = _known(s, event_id), bookings.places_in(s, event_id)
    return plan_import(source, mapping, already=known, places=places)


def apply_import(
    store: Store, event_id: int, plan: ImportPlan, *, leave_out_refused: bool = False
) -> Changes:
    """Add the plan's bookings in file order in one transaction (one undo step).

    When any row is refused nothing is added, unless `leave_out_refused`: then the bookings
    touching a refused row are left out and the others added.
    """
    refuse_unless_storable(plan, leave_out_refused=leave_out_refused)
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        known = _known(s, event_id)  # an import since the preview is not added twice
        places = bookings.places_in(s, event_id)  # the places taken now decide booked or waiting
        now = shared_now(s)
        rows: list[dict[str, Any]] = []
        for planned in plan.good():
            key = planned.source_ref or person_key(planned.name, planned.contact)
            if key in known:
                continue
            known.add(key)  # the same household twice in one file is booked once
            for error in check(planned, plan.mapping):  # a plan changed since it was made
                raise ValidationError(f"Nothing was imported: {error.words()}.")
            values = {"event_id": event_id, "waiting_since": None, **planned.values()}
            places = _place(places, values, now)
            rows.append(values)
        if not rows:
            return Changes(Touched.NONE, event_id=event_id)
        # In bulk, as bookings.record_status would one by one: 10,000 rows in well under a
        # second rather than several.
        created = list(
            s.scalars(insert(Booking).returning(Booking.id, sort_by_parameter_order=True), rows)
        )
        s.execute(
            insert(BookingStatusChange),
            [
                {"booking_id": booking_id, "status": values["status"], "at": now}
                for booking_id, values in zip(created, rows, strict=True)
            ],
        )
    return Changes(Touched.BOOKINGS, event_id=event_id, previous={"created_ids": created})


def _place(places: bookings.Places, values: dict[str, Any], now: dt.datetime) -> bookings.Places:
    """As bookings.place_booking, for many bookings at once: booked if it fits, else on the
    waiting list; the places it holds counted."""
    adults, children = int(values["adults"]), int(values["children"])
    if values["status"] == BookingStatus.BOOKED.value and not places.fits(adults, children):
        values["status"] = BookingStatus.WAITING.value
    if values["status"] == BookingStatus.WAITING.value:
        values["waiting_since"] = now
    if values["status"] in HOLDING:
        places = dataclasses.replace(
            places, adults=places.adults + adults, children=places.children + children
        )
    return places


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
