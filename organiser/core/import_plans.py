"""What the booking and feedback imports share: a refused row in words, what each column of the
file was understood as (with examples from the file), and the refused rows written back as a CSV
for the person to fix and import again.

Both imports plan first and store second. A plan (creche.importing.ImportPlan or
feedback.importing.ImportPlan) has the shape of `Plan` below, so the window's preview and the
command line show the same plan in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from organiser.core.csvfiles import write_csv
from organiser.core.errors import OrganiserError
from organiser.core.tables import Table
from organiser.core.words import plural

EXAMPLES = 2  # values of each column shown beside what it was understood as
_EXAMPLE_LENGTH = 30
WHY = "Why it was refused"
CONTACT = "(contact details)"  # shown instead of the values of a column of contact details


@dataclass(frozen=True)
class RowError:
    """Why one row of the file cannot be imported (no personal data in the message)."""

    row: int
    column: str
    message: str

    def words(self) -> str:
        """ "Row 7: the quantity “two” is not a whole number"."""
        return f"Row {self.row}: {self.message}"


@dataclass(frozen=True)
class Reading:
    """What one column of the file was understood as, with values from it."""

    column: str
    meaning: str  # "Email", "Not imported", "Children for the creche (from a yes/no answer)"
    examples: tuple[str, ...] = ()

    def example_words(self) -> str:
        """ "“6001”, “6002”", or "(contact details, not shown)"."""
        if self.examples == (CONTACT,):
            return "(contact details, not shown)"
        return ", ".join(f"“{e}”" for e in self.examples)

    def words(self) -> str:
        """ "“Order #” → Order number or reference (e.g. “6001”, “6002”)"."""
        shown = self.example_words()
        if self.examples == (CONTACT,):
            return f"“{self.column}” → {self.meaning} {shown}"
        return f"“{self.column}” → {self.meaning}" + (f" (e.g. {shown})" if shown else "")


class Plan(Protocol):
    """What an import would do, as the preview and the command line show it."""

    @property
    def ok(self) -> bool:
        """Nothing refused: every row can be imported as it is."""
        ...

    @property
    def errors(self) -> Sequence[RowError]: ...

    @property
    def problems(self) -> Sequence[str]:
        """What is wrong with the column choices as a whole (nothing can be planned)."""
        ...

    def summary(self) -> str:
        """What will be added, skipped, merged and refused, in one sentence."""
        ...

    def readings(self) -> Sequence[Reading]:
        """What each column of the file was understood as."""
        ...

    def notes(self) -> Sequence[str]:
        """What else the person should know: columns missing, rows merged or counted once."""
        ...

    def good_count(self) -> int:
        """How many would be added when the refused rows are left out."""
        ...


def refuse_unless_storable(plan: Plan, *, leave_out_refused: bool) -> None:
    """Raise, before anything is stored, when the plan cannot be: its column choices are wrong,
    or rows are refused and the person did not ask to leave them out."""
    if plan.problems:
        raise OrganiserError("Nothing was imported: " + " ".join(plan.problems))
    if plan.errors and not leave_out_refused:
        count = len(refused_rows(plan.errors))
        raise OrganiserError(
            f"Nothing was imported: {plural(count, 'row')} of the file cannot be used. Fix the "
            "file or the column choices, or import the other rows leaving out the refused ones."
        )


def too_wide(table: Table, number: int, cells: Sequence[str]) -> RowError | None:
    """A row with values beyond the header's columns: in a CSV a value with the separator
    missing its quotes, in a spreadsheet a column without a heading."""
    width = len(table.header)
    if not any(c.strip() for c in cells[width:]):
        return None
    why = (
        "a value containing the separator may be missing its quotes"
        if table.encoding is not None
        else "a column without a heading holds values"
    )
    return RowError(
        number, "", f"it has {len(cells)} cells but the header row has {width} columns; {why}"
    )


def examples(table: Table, column: str, most: int = EXAMPLES) -> tuple[str, ...]:
    """Up to `most` different non-blank values of a column, shortened, in file order."""
    if column not in table.header:
        return ()
    place = table.header.index(column)
    found: dict[str, None] = {}
    for _number, cells in table.rows:
        value = " ".join(cells[place].split()) if place < len(cells) else ""
        if value:
            if len(value) > _EXAMPLE_LENGTH:
                value = value[: _EXAMPLE_LENGTH - 1].rstrip() + "…"
            found[value] = None
            if len(found) >= most:
                break
    return tuple(found)


def refused_rows(errors: Iterable[RowError]) -> frozenset[int]:
    """The rows of the file with an error."""
    return frozenset(e.row for e in errors)


def refused_csv(table: Table, errors: Sequence[RowError]) -> bytes:
    """The refused rows as they were in the file, each with why it was refused in a last
    column: a CSV to fix in a spreadsheet and import again (the extra column is not imported)."""
    why: dict[int, list[str]] = {}
    for error in errors:
        why.setdefault(error.row, []).append(error.message)
    rows: list[Sequence[str]] = [(*table.header, WHY)]
    width = len(table.header)
    for number, cells in table.rows:
        if number in why:
            padded = (*cells[:width], *([""] * (width - len(cells))))
            rows.append((*padded, "; ".join(dict.fromkeys(why[number]))))
    return write_csv(rows)


_DIGITS = re.compile(r"\d")
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def shown(value: str, most: int = 24) -> str | None:
    """A cell's value quoted for a message, or None when it may say who someone is: long, an
    address, a phone number (a date is shown), or words with a capital after the first
    ("Paid by Jo Smith")."""
    text = " ".join(value.split())
    words = text.split(" ")
    if (
        not text
        or len(text) > most
        or "@" in text
        or (len(_DIGITS.findall(text)) >= 6 and not _DATE.fullmatch(text))
        or any(word[:1].isupper() for word in words[1:])
    ):
        return None
    return f"“{text}”"
