"""What a booking import can read from a file's columns, and how each cell is understood.

Guesses come from the column names other booking tools use (Eventbrite's attendee report:
"Order #", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee Status", and
custom questions such as "How did you hear about this event?"), and from this app's own export.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from organiser.core.creche.kinds import BookingStatus
from organiser.core.csvfiles import CsvTable, unescape_cell
from organiser.core.errors import ValidationError
from organiser.core.parsing import parse_date


@dataclass(frozen=True)
class Target:
    """A booking detail an imported column can fill."""

    key: str
    label: str
    names: tuple[str, ...]  # column names that mean it (normalised)
    words: tuple[str, ...] = ()  # words that, in a longer question, mean it


TARGETS = (
    Target("first_name", "First name", ("first name", "firstname", "forename", "given name")),
    Target("last_name", "Last name", ("last name", "lastname", "surname", "family name")),
    Target(
        "full_name",
        "Full name (when not split)",
        ("name", "full name", "attendee name", "buyer name", "parent or carer", "parent name"),
    ),
    Target("email", "Email", ("email", "email address", "e mail", "contact"), ("email", "e mail")),
    Target("phone", "Phone", ("phone", "phone number", "mobile", "telephone"), ("phone", "mobile")),
    Target("adults", "Adults (quantity)", ("quantity", "qty", "adults", "tickets", "places")),
    Target(
        "children",
        "Children needing the creche",
        ("children", "number of children", "creche places", "kids"),
        ("creche", "children", "child"),
    ),
    Target("ticket_type", "Ticket type", ("ticket type", "ticket", "ticket name")),
    Target("status", "Attendee status", ("attendee status", "status", "booking status")),
    Target(
        "access_needs",
        "Access needs",
        ("access needs", "accessibility", "access requirements"),
        ("access", "accessibility", "disability", "wheelchair"),
    ),
    Target(
        "heard_from",
        "How they heard",
        ("how they heard", "heard from", "source"),
        ("hear", "heard", "find out"),
    ),
    Target(
        "consent",
        "Consent to future contact",
        ("future contact", "consent", "contact consent", "marketing consent"),
        ("future", "consent", "keep in touch", "mailing list", "contact you"),
    ),
    Target("booked_on", "Order or consent date", ("order date", "booking date", "consent date")),
    Target("notes", "Notes", ("notes", "note", "comments"), ("anything else", "comment")),
    Target(
        "reference",
        "Order number or reference",
        ("order #", "order number", "order no", "order id", "reference", "booking reference"),
    ),
)
LABELS = {t.key: t.label for t in TARGETS}
ColumnMap = dict[str, str | None]  # target key → the file's column name (None: not in the file)

_STATUSES = {
    BookingStatus.BOOKED.value: ("attending", "booked", "confirmed", "registered", "going"),
    BookingStatus.ATTENDED.value: ("checked in", "attended", "present"),
    BookingStatus.CANCELLED.value: (
        "not attending",
        "cancelled",
        "canceled",
        "refunded",
        "deleted",
        "transferred",
        "declined",
    ),
    BookingStatus.WAITING.value: ("waiting list", "waitlist", "wait list", "waitlisted"),
    BookingStatus.NO_SHOW.value: ("no show", "did not attend", "absent"),
}
STATUS_OF = {word: status for status, words in _STATUSES.items() for word in words}
_YES = {"yes", "y", "true", "1", "x", "agree", "agreed", "ok", "okay", "consent", "consented"}
_NO = {
    "no",
    "n",
    "false",
    "0",
    "not",
    "don't",
    "dont",
    "don",
    "never",
    "decline",
    "declined",
    "out",
}
_CHILD_TICKETS = ("child", "creche", "kid", "baby", "toddler", "infant")
_WHOLE = re.compile(r"\d+(?:\.0+)?")


def normalise(name: str) -> str:
    """A column name or answer compared loosely: case-blind, crèche = creche, no punctuation."""
    folded = name.casefold().replace("è", "e").replace("é", "e")
    return " ".join(re.sub(r"[^\w#']+", " ", folded).split())


def guess_mapping(header: Sequence[str]) -> ColumnMap:
    """Which column most likely holds each detail: exact names first, then question words."""
    names = {normalise(column): column for column in reversed(header)}
    guessed: ColumnMap = {t.key: None for t in TARGETS}
    used: set[str] = set()
    for target in TARGETS:
        for name in target.names:
            if name in names and names[name] not in used:
                guessed[target.key] = names[name]
                used.add(names[name])
                break
    for target in TARGETS:
        if guessed[target.key] is not None or not target.words:
            continue
        for column in header:
            words = f" {normalise(column)} "
            if column not in used and any(f" {w} " in words for w in target.words):
                guessed[target.key] = column
                used.add(column)
                break
    if guessed["first_name"] and guessed["last_name"] and guessed["full_name"]:
        guessed["full_name"] = None  # split names are the attendee's own; keep them
    return guessed


def quoted(value: str) -> str:
    """A cell's value quoted in a message, unless it may be personal (long, or an address)."""
    return "" if len(value) > 20 or "@" in value else f"“{value}” "


def whole_number(value: str, what: str, *, blank: int) -> int:
    """A count such as a quantity; `blank` when the cell is empty."""
    text = value.strip()
    if not text:
        return blank
    if text.startswith("-") and _WHOLE.fullmatch(text[1:]):
        raise ValidationError(f"the {what} {quoted(text)}cannot be negative")
    if not _WHOLE.fullmatch(text):
        raise ValidationError(f"the {what} {quoted(text)}is not a whole number")
    return int(float(text))


def status(value: str) -> str:
    """A booking status from an attendee status ("Checked In" → Attended); blank is Booked."""
    text = normalise(value.replace("-", " "))
    if not text:
        return BookingStatus.BOOKED.value
    if text in STATUS_OF:
        return STATUS_OF[text]
    raise ValidationError(
        f"the attendee status {quoted(value.strip())}is not one we know; use Attending, "
        "Checked In, Not Attending, Cancelled, Refunded or Waiting list"
    )


def consent(value: str) -> bool:
    """Yes or no to future contact, from answers such as "Yes please" or "I do not agree"."""
    text = normalise(value)
    words = set(text.split())
    if not text or words & _NO:
        return False
    if words & _YES or "opt in" in text or "happy to" in text:
        return True
    raise ValidationError(
        f"the answer {quoted(value.strip())}about future contact is not yes or no"
    )


def when(value: str) -> dt.date | None:
    """The date part of an order date such as 2027-01-14 10:22:31 or 14/01/2027 10:22."""
    text = value.strip()
    if not text:
        return None
    first = re.split(r"[ T]", text, maxsplit=1)[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first):
            return dt.date.fromisoformat(first)
        return parse_date(first)
    except (ValueError, ValidationError):
        raise ValidationError(
            f"the date {quoted(text)}is not a date; write it as day/month/year"
        ) from None


def is_child_ticket(ticket_type: str) -> bool:
    """A ticket for a child (its quantity counts as children needing the creche)."""
    text = normalise(ticket_type)
    return any(word in text for word in _CHILD_TICKETS)


@dataclass(frozen=True)
class RowError:
    """Why one row of the file cannot be imported (no personal data in the message)."""

    row: int
    column: str
    message: str

    def words(self) -> str:
        """ "Row 7: the quantity “two” is not a whole number"."""
        return f"Row {self.row}: {self.message}"


@dataclass
class Row:
    """One row of the file, read."""

    number: int
    name: str = ""
    contact: str = ""
    adults: int = 1
    children: int = 0  # the answer to a children question
    child_tickets: int = 0
    status: str = BookingStatus.BOOKED.value
    texts: dict[str, str] = field(default_factory=dict)
    consent: bool = False
    booked_on: dt.date | None = None
    reference: str = ""


def read_row(
    number: int, cells: tuple[str, ...], table: CsvTable, mapping: Mapping[str, str | None]
) -> tuple[Row, list[RowError]]:
    """One row of the file read into a household's details, with what is wrong in it."""
    width = len(table.header)
    errors: list[RowError] = []
    if any(c.strip() for c in cells[width:]):
        errors.append(
            RowError(
                number,
                "",
                f"it has {len(cells)} cells but the header row has {width} columns; "
                "a value containing the separator may be missing its quotes",
            )
        )

    def cell(key: str) -> str:
        column = mapping.get(key)
        if column is None:
            return ""
        place = table.header.index(column)
        return unescape_cell(cells[place].strip()) if place < len(cells) else ""

    row = Row(number)

    def read(key: str, parse: Any, default: Any, *args: Any, **kwargs: Any) -> Any:
        """The cell understood, or (noting why not) the default, so one slip is one error."""
        try:
            return parse(cell(key), *args, **kwargs)
        except ValidationError as exc:
            errors.append(RowError(number, mapping.get(key) or "", str(exc)))
            return default

    row.adults = read("adults", whole_number, 1, "quantity", blank=1)
    row.children = read("children", whole_number, 0, "number of children", blank=0)
    if is_child_ticket(cell("ticket_type")):
        row.adults, row.child_tickets = 0, row.adults
    row.status = read("status", status, BookingStatus.BOOKED.value)
    row.consent = read("consent", consent, False)
    row.booked_on = read("booked_on", when, None)
    full = " ".join(cell("full_name").split())
    row.name = full or " ".join(f"{cell('first_name')} {cell('last_name')}".split())
    row.contact = ", ".join(v for v in (cell("email"), cell("phone")) if v)
    row.reference = cell("reference")
    row.texts = {k: cell(k) for k in ("access_needs", "heard_from", "notes")}
    return row, errors
