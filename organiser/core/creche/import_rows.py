"""The rows of a booking export read into households' details, each slip a RowError.

A row repeated exactly (an order exported twice) is counted once. Rows sharing an order number
are one household, put together by creche.import_households.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar, cast

from organiser.core.creche import import_values as values
from organiser.core.creche.kinds import BookingStatus
from organiser.core.errors import ValidationError
from organiser.core.import_plans import RowError, too_wide
from organiser.core.tables import Table

T = TypeVar("T")
FREE_TEXT = ("access_needs", "heard_from", "notes")


@dataclass
class Row:
    """One row of the file, read."""

    number: int
    name: str = ""
    contact: str = ""
    adults: int = 1
    children: int = 0  # children for the creche, from a count or a yes/no answer
    creche: int = 0  # the children a yes/no creche answer asks for
    creche_unread: bool = False  # a creche answer not understood (counted as none, kept)
    child_tickets: int = 0
    status: str = BookingStatus.BOOKED.value
    texts: dict[str, str] = field(default_factory=dict)
    consent: bool = False
    booked_on: dt.date | None = None
    reference: str = ""


class RowReader:
    """Reads the rows of one table with one set of column choices."""

    def __init__(self, table: Table, mapping: Mapping[str, str | None]) -> None:
        self.table = table
        self.mapping = mapping
        self.places = {
            key: table.header.index(column)
            for key, column in mapping.items()
            if column is not None and column in table.header
        }
        # Answers repeat (statuses, ticket types, "None"): each is understood once per file.
        self._known: dict[tuple[str, str], object] = {}

    def _once(self, key: str, text: str, parse: Callable[[str], T]) -> T:
        if (key, text) not in self._known:
            self._known[(key, text)] = parse(text)
        return cast(T, self._known[(key, text)])

    def read(self, number: int, cells: tuple[str, ...]) -> tuple[Row, list[RowError]]:
        """One row of the file read into a household's details, with what is wrong in it."""
        errors: list[RowError] = []
        wide = too_wide(self.table, number, cells)
        if wide is not None:
            errors.append(wide)

        def cell(key: str) -> str:
            place = self.places.get(key)
            return cells[place].strip() if place is not None and place < len(cells) else ""

        def read(key: str, parse: Callable[[str, str], T], default: T) -> T:
            """The cell understood, or (noting why not) the default, so one slip is one error.
            `parse` has the value and its column (named in a message instead of a value that
            may say who someone is)."""
            column = self.mapping.get(key) or ""
            try:
                return self._once(key, cell(key), lambda v: parse(v, column))
            except ValidationError as exc:
                errors.append(RowError(number, column, str(exc)))
                return default

        def count(what: str, blank: int) -> Callable[[str, str], int]:
            return lambda v, c: values.whole_number(v, what, blank=blank, column=c)

        row = Row(number)
        row.adults = read("adults", count("quantity", 1), 1)
        row.children = read("children", count("number of children", 0), 0)
        answer = cell("creche_answer")
        notes = self._once("notes", cell("notes"), values.free_text)
        if answer:
            row.creche, keep = self._once("creche_answer", answer, values.creche_answer)
            said_no = not row.creche and not keep
            row.creche_unread = not row.creche and keep
            row.children = 0 if said_no else max(row.children, row.creche)
            if keep:
                notes = "\n".join(n for n in (notes, f"Creche: {answer}") if n)
        if self._once("ticket_type", cell("ticket_type"), values.is_child_ticket):
            row.adults, row.child_tickets = 0, row.adults
        row.status = read("status", values.status, BookingStatus.BOOKED.value)
        came = read("checked_in", values.checked_in, False)
        if came and row.status != BookingStatus.CANCELLED.value:
            row.status = BookingStatus.ATTENDED.value
        row.consent = read("consent", values.consent, False)
        row.booked_on = read("booked_on", values.when, None)
        full = " ".join(cell("full_name").split())
        row.name = full or " ".join(f"{cell('first_name')} {cell('last_name')}".split())
        row.contact = ", ".join(v for v in (cell("email"), cell("phone")) if v)
        row.reference = cell("reference")
        row.texts = {
            "access_needs": self._once("access_needs", cell("access_needs"), values.free_text),
            "heard_from": self._once("heard_from", cell("heard_from"), values.free_text),
            "notes": notes,
        }
        return row, errors


def repeats(table: Table) -> dict[int, tuple[int, ...]]:
    """Rows identical to an earlier one (cell for cell): {first row: (it, its repeats…)}."""
    first: dict[tuple[str, ...], int] = {}
    found: dict[int, list[int]] = {}
    for number, cells in table.rows:
        key = tuple(c.strip() for c in cells)
        while key and not key[-1]:
            key = key[:-1]
        if key in first:
            found.setdefault(first[key], [first[key]]).append(number)
        else:
            first[key] = number
    return {row: tuple(rows) for row, rows in found.items()}
