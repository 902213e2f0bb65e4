"""Which tables a copy of events writes, and how their rows are told apart.

A table belongs to an event through an `event_id` column, or through a chain of ON DELETE
CASCADE foreign keys leading to one (`owners`); the shared directories (GLOBAL) are matched in
the target by name (`match_key`); the team's own bookkeeping (EXCLUDED) is never copied. A
table that is none of these is listed by `unclassified_tables`, which the schema test keeps
empty. Also here: the schema's foreign keys, and which rows the chosen events own (`belongs`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, select

import organiser.core.models  # noqa: F401  (every table on Base.metadata)
from organiser.core.base import Base
from organiser.core.parsing import name_key

ROOT = "event"
# Shared by every event: copied as far as the events use them, matched in the target (MATCH_BY).
GLOBAL = frozenset({"organisation", "speaker", "setting"})
# The team database's own bookkeeping, and each database's own record of what was printed
# there: never copied (alembic_version is not on the metadata).
EXCLUDED = frozenset(
    {"change_feed", "offline_copy", "offline_row", "offline_return", "export_record"}
)
# How a shared row is recognised in the target: (its naming column, whether names compare as
# names). Speakers are told apart by email too (see match_key).
MATCH_BY: dict[str, tuple[str, bool]] = {
    "organisation": ("name", True),
    "speaker": ("name", True),
    "setting": ("key", False),
}
# Values that say where an event is on one database only: fresh in every copy.
FRESH: dict[str, dict[str, Any]] = {ROOT: {"taken_offline_by": "", "taken_offline_at": None}}


@dataclass(frozen=True)
class Reference:
    """One single-column foreign key: the column, the table it points at, NULL allowed."""

    column: str
    table: str
    nullable: bool


def table(name: str) -> Table:
    """A table of the schema by name."""
    return Base.metadata.tables[name]


@cache
def foreign_keys(name: str) -> tuple[Reference, ...]:
    """The table's foreign keys, in column order."""
    return tuple(
        Reference(column.name, fk.column.table.name, bool(column.nullable))
        for column in table(name).columns
        for fk in column.foreign_keys
    )


@cache
def owners() -> dict[str, tuple[str, str] | None]:
    """Every table an event owns → (column, parent table) of the link towards it; event: None.

    The link is the `event_id` column when there is one, else the first ON DELETE CASCADE
    foreign key to a table the event owns (association tables have two; either leads there).
    """
    found: dict[str, tuple[str, str] | None] = {ROOT: None}
    for each in Base.metadata.sorted_tables:
        if each.name in found or each.name in GLOBAL or each.name in EXCLUDED:
            continue
        cascades = [
            (column.name, fk.column.table.name)
            for column in each.columns
            for fk in column.foreign_keys
            if (fk.ondelete or "").upper() == "CASCADE" and fk.column.table.name in found
        ]
        cascades.sort(key=lambda link: link != ("event_id", ROOT))
        if cascades:
            found[each.name] = cascades[0]
    return found


@cache
def cascades(name: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) of each ON DELETE CASCADE foreign key to a table an event owns.

    The owner link is one of them; others (a poll's meeting, a sign-off's member) delete the
    row just as surely when the row they point at is deleted.
    """
    owned = owners()
    return tuple(
        (column.name, fk.column.table.name)
        for column in table(name).columns
        for fk in column.foreign_keys
        if (fk.ondelete or "").upper() == "CASCADE"
        and fk.column.table.name in owned
        and fk.column.table.name != name
    )


def unclassified_tables() -> list[str]:
    """Tables that are neither owned by an event, shared, nor excluded: each must be decided."""
    known = set(owners()) | GLOBAL | EXCLUDED
    return [t.name for t in Base.metadata.sorted_tables if t.name not in known]


def copied_tables() -> list[Table]:
    """Every table a copy writes, parents before children."""
    owned = owners()
    return [t for t in Base.metadata.sorted_tables if t.name in owned or t.name in GLOBAL]


def has_id(each: Table) -> bool:
    """Whether rows are known by a single `id` column (not association pairs or settings)."""
    return [c.name for c in each.primary_key.columns] == ["id"]


def plain(value: Any) -> Any:
    """A value as JSON can hold and compare it: dates as ISO text, bytes as their SHA-256."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def belongs(name: str, chosen: Select[Any]) -> ColumnElement[bool]:
    """Rows of `name` that belong to the events `chosen` selects (by id)."""
    each = table(name)
    link = owners()[name]
    if link is None:
        return each.c.id.in_(chosen)
    column, parent = link
    parents = select(table(parent).c.id).where(belongs(parent, chosen))
    return each.c[column].in_(parents)


def match_key(name: str, row: Mapping[str, Any]) -> Any:
    """What makes two shared rows the same: an organisation's name; a speaker's name and email
    (case and spaces aside: two people of one name are told apart by their emails, and a
    speaker without an email is only the same as one without an email); a setting's key."""
    column, as_name = MATCH_BY[name]
    value = row[column]
    if not as_name:
        return value
    if name == "speaker":
        return name_key(value or ""), " ".join((row["email"] or "").split()).casefold()
    return name_key(value or "")


def match_columns(name: str) -> list[str]:
    """The columns match_key reads."""
    return [MATCH_BY[name][0], *(["email"] if name == "speaker" else [])]
