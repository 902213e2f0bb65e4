"""What a booking import can read from a file's columns, and which column holds each detail.

Guesses come from the column names of the exports people have: Eventbrite's attendee report
("Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
"Attendee Status", "Check-In Date", "Buyer First Name" …, custom questions as their own
columns), Ticket Tailor's ("Order ID", "Ticket type", "First name", "Last name", "Email", "Phone",
"Created at", "Status", "Check-in" …), a plain spreadsheet ("Parent/carer name", "Mobile",
"No. of adults", "No. of children", "Notes"), and this app's own export. The attendee's own name
and email win over the buyer's. A column named for a count ("Quantity", "Number of children")
holds that count whatever its values (a cell that is not a number is refused); a column whose
name only mentions one ("Children", "How many children need a creche place?") is a count when its
values are numbers, and otherwise a creche question answered in words ("Yes – 2 and 4").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from organiser.core.creche.import_values import is_count, normalise
from organiser.core.errors import ValidationError
from organiser.core.tables import Table


@dataclass(frozen=True)
class Target:
    """A booking detail an imported column can fill."""

    key: str
    label: str
    names: tuple[str, ...]  # column names that mean it (normalised)
    words: tuple[str, ...] = ()  # words that, in a longer question, mean it


# Names a count of children or a yes/no creche question may have: a count when the column's
# values are numbers.
_EITHER = ("children", "creche", "kids")
_CHILDREN_NAMES = (
    "children",
    "number of children",
    "no of children",
    "no children",
    "how many children",
    "creche places",
    "creche",
    "kids",
)
TARGETS = (
    Target("first_name", "First name", ("first name", "firstname", "forename", "given name")),
    Target("last_name", "Last name", ("last name", "lastname", "surname", "family name")),
    Target(
        "full_name",
        "Full name (when not split)",
        ("name", "full name", "parent or carer", "parent carer", "lead booker"),
    ),
    Target("email", "Email", ("email", "email address", "e mail", "contact"), ("email", "e mail")),
    Target(
        "phone",
        "Phone",
        (
            "phone",
            "phone number",
            "mobile",
            "mobile number",
            "mobile phone",
            "cell phone",
            "telephone",
            "tel",
            "contact number",
        ),
        ("phone", "mobile", "telephone"),
    ),
    Target(
        "adults",
        "Adults (quantity)",
        (
            "quantity",
            "qty",
            "adults",
            "no of adults",
            "number of adults",
            "tickets",
            "places",
            "how many adults",
        ),
    ),
    Target(
        "children",
        "Children needing the creche",
        _CHILDREN_NAMES,
        ("creche", "children", "child"),
    ),
    Target(
        "creche_answer",
        "Creche question (yes/no or ages)",
        _CHILDREN_NAMES,
        ("creche", "children", "child", "childcare", "kids"),
    ),
    Target("ticket_type", "Ticket type", ("ticket type", "ticket", "ticket name")),
    Target(
        "status",
        "Attendee status",
        ("attendee status", "ticket status", "status", "booking status", "order status"),
    ),
    Target(
        "checked_in",
        "Checked in",
        ("check in", "checked in", "check in date", "check in time", "checked in at"),
    ),
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
    Target(
        "booked_on",
        "Order or consent date",
        ("order date", "booking date", "consent date", "created at", "created", "order created"),
    ),
    Target("notes", "Notes", ("notes", "note", "comments"), ("anything else", "comment")),
    Target(
        "reference",
        "Order number or reference",
        (
            "order #",
            "order number",
            "order no",
            "order id",
            "order reference",
            "order ref",
            "reference",
            "booking reference",
            "booking id",
        ),
    ),
)
LABELS = {t.key: t.label for t in TARGETS}
COUNTS = ("adults", "children")  # guessed only for a column of numbers
ColumnMap = dict[str, str | None]  # target key → the file's column name (None: not in the file)

# Words before a column name saying whose detail it is: the attendee's own (1) is preferred to
# the buyer's (2), for the booking is for the person who comes.
_WHOSE = (
    (1, ("attendee", "ticket holder", "holder", "guest", "participant", "your")),
    (1, ("parent or carer", "parent carer", "parent", "carer", "contact")),
    (2, ("buyer", "purchaser", "booker", "lead booker", "customer", "billing", "order")),
)
_NOTHING = {"", "none", "nothing", "not in the file", "not imported", "-"}


def _names(column: str) -> list[tuple[int, str]]:
    """What a column name may mean: (0, the name as it is), and, after a word saying whose
    detail it is, (1 or 2, the rest)."""
    name = normalise(column)
    found = [(0, name)]
    for rank, prefixes in _WHOSE:
        for prefix in prefixes:
            if name.startswith(prefix + " "):
                return [*found, (rank, name[len(prefix) + 1 :])]
    return found


def _mostly_counts(table: Table, column: str) -> bool:
    """More than half the column's non-blank values are numbers (or it is all blank)."""
    place = table.header.index(column)
    values = [c[place] for _n, c in table.rows if place < len(c) and c[place].strip()]
    return not values or 2 * sum(is_count(v) for v in values) > len(values)


# A longer question that asks for one of these is not where the detail itself is.
_NOT_CONTACT = ("consent", "future", "agree", "happy", "may we", "can we", "would you")
_NOT_CRECHE = (" name", "birth", " dob ", "allerg", "medic", "diet", "collect", "photo")
_AVOID = {
    "email": _NOT_CONTACT,
    "phone": _NOT_CONTACT,
    "children": (*_NOT_CRECHE, " age ", " ages ", " aged ", " old "),
    "creche_answer": _NOT_CRECHE,
}


_CONTACT_NAMES = {name for t in TARGETS if t.key in ("email", "phone") for name in t.names}
_CONTACT_WORDS = re.compile(
    r"\b(e ?mail|phone|mobile|telephone|tel|cell|whatsapp|address|postcode|contact number)\b"
)


def is_contact_column(column: str) -> bool:
    """A column of contact details: emails, phone numbers, addresses (the attendee's or the
    buyer's: "Buyer Email", "Cell Phone", "Contact"), not a question about contact ("Can we
    contact you by email?")."""
    if any(name in _CONTACT_NAMES for _rank, name in _names(column)):
        return True
    words = f" {normalise(column)} "
    return bool(_CONTACT_WORDS.search(words)) and not any(w in words for w in _NOT_CONTACT)


def guess_mapping(table: Table) -> ColumnMap:
    """Which column most likely holds each detail: names first (the attendee's before the
    buyer's), then words in a longer question; counts only for columns of numbers."""
    numeric: dict[str, bool] = {}

    def counts(column: str) -> bool:
        if column not in numeric:
            numeric[column] = _mostly_counts(table, column)
        return numeric[column]

    guessed: ColumnMap = {t.key: None for t in TARGETS}
    used: set[str] = set()

    def fits(key: str, column: str, name: str = "") -> bool:
        """Whether `column` may hold `key`; `name`, the column name when it is one of the
        key's names (a count's name makes it a count whatever its values)."""
        if column in used:
            return False
        if key in COUNTS:
            return (bool(name) and name not in _EITHER) or counts(column)
        return key != "creche_answer" or not counts(column)

    named = [(place, column, _names(column)) for place, column in enumerate(table.header)]
    for target in TARGETS:
        found = sorted(
            (rank, target.names.index(name), place, column)
            for place, column, names in named
            for rank, name in names
            if name in target.names and fits(target.key, column, name)
        )
        if found:
            guessed[target.key] = found[0][3]
            used.add(found[0][3])
    for target in TARGETS:
        if guessed[target.key] is not None or not target.words:
            continue
        for column in table.header:
            words = f" {normalise(column)} "
            if (
                any(f" {w} " in words for w in target.words)
                and not any(w in words for w in _AVOID.get(target.key, ()))
                and fits(target.key, column)
            ):
                guessed[target.key] = column
                used.add(column)
                break
    if guessed["first_name"] and guessed["last_name"] and guessed["full_name"]:
        guessed["full_name"] = None  # split names are the attendee's own; keep them
    return guessed


def choose(
    mapping: Mapping[str, str | None],
    column: str,
    field: str,
    *,
    header: Sequence[str] | None = None,
) -> ColumnMap:
    """The column choices with `column` holding `field` (a detail's key or label, case-blind;
    "" or "none": it holds nothing to import). With `header`, the column must be in it (its
    name matched case-blind)."""
    if header is not None:
        named = {normalise(c): c for c in header}
        if column not in header and normalise(column) not in named:
            raise ValidationError(
                f"The column “{column}” is not in this file. Its columns are: "
                + ", ".join(f"“{c}”" for c in header)
                + "."
            )
        column = column if column in header else named[normalise(column)]
    chosen: ColumnMap = {t.key: mapping.get(t.key) for t in TARGETS}
    wanted = normalise(field.replace("_", " "))
    for key in chosen:
        if chosen[key] == column:
            chosen[key] = None  # a column holds one detail
    if wanted in _NOTHING:
        return chosen
    target = next(
        (t for t in TARGETS if wanted in (normalise(t.key.replace("_", " ")), normalise(t.label))),
        None,
    )
    if target is None:
        raise ValidationError(
            f"“{field}” is not a booking detail. Choose one of: "
            + ", ".join(f"{t.key} ({t.label})" for t in TARGETS)
            + "; or none, for a column to leave out."
        )
    chosen[target.key] = column
    return chosen
