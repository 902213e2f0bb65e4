"""The booking list as a CSV file for a spreadsheet: formula-safe, UTF-8 with a BOM."""

from __future__ import annotations

from pathlib import Path

from organiser.core.creche.rows import BookingRow
from organiser.core.creche.service import list_bookings
from organiser.core.csvfiles import save_csv, write_csv
from organiser.core.db import Store
from organiser.core.parsing import format_date

# The import recognises these headings, so an exported list can be imported elsewhere.
HEADER = (
    "Name",
    "Contact",
    "Adults",
    "Children",
    "Status",
    "Waiting list position",
    "Access needs",
    "How they heard",
    "Future contact",
    "Consent date",
    "Notes",
    "Reference",
)


def _cells(row: BookingRow) -> tuple[object, ...]:
    return (
        row.name,
        row.contact,
        row.adults,
        row.children,
        row.status,
        row.position or "",
        row.access_needs,
        row.heard_from,
        "Yes" if row.contact_consent else "No",
        format_date(row.contact_consent_date) if row.contact_consent else "",
        row.notes,
        row.source_ref,
    )


def bookings_table(store: Store, event_id: int) -> list[tuple[object, ...]]:
    """The header and one row per booking, in the order they came."""
    return [HEADER, *(_cells(row) for row in list_bookings(store, event_id))]


def bookings_csv(store: Store, event_id: int) -> bytes:
    """The event's bookings as formula-safe CSV bytes."""
    return write_csv(bookings_table(store, event_id))


def export_bookings(store: Store, event_id: int, path: Path) -> int:
    """Write the event's booking list to `path` (whole or not at all); returns the count."""
    from organiser.core.team import record

    record.may_make(store, "bookings-csv")
    table = bookings_table(store, event_id)
    save_csv(path, table)
    record.note(store, "bookings-csv", "exported", event_id)
    return len(table) - 1
