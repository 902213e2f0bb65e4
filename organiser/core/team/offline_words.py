"""Rows and values of a bring back in words: which row, which field, what it holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, String, Time

from organiser.core.parsing import format_date, format_time
from organiser.core.team.transfer_tables import ROOT, table

SHORT = 80  # characters of a value shown in a list of differences
# The column that names a row, in order of preference (a child is named by both names).
_NAMED_BY = ("title", "talk_title", "name", "first_name", "item", "aspect", "section", "what")
_QUOTED = frozenset({"title", "talk_title"})
_NOUNS = {ROOT: "Event", "child": "Child", "creche": "Crèche", "creche_staff": "Crèche staff"}


def noun(name: str) -> str:
    """A table as a person says it: programme_item → Programme item."""
    return _NOUNS.get(name) or name.replace("_", " ").capitalize()


def label(column: str) -> str:
    """A column in words: owner_id → owner, estimated_pence → estimated amount."""
    if column.endswith("_pence"):
        column = column.removesuffix("_pence") + "_amount"
    return column.removesuffix("_id").replace("_", " ").strip()


def describe(name: str, row: Mapping[str, Any]) -> str:
    """The row in words: Meeting “Planning meeting 2”, Booking: Amira Hassan, Event details."""
    if name == ROOT:
        return "Event details"
    for column in _NAMED_BY:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            if column == "first_name" and row.get("last_name"):
                value = f"{value} {row['last_name']}"
            text = _short(value, 60)
            return f"{noun(name)} “{text}”" if column in _QUOTED else f"{noun(name)}: {text}"
    for value in row.values():
        if isinstance(value, str) and value.strip():
            return f"{noun(name)}: {_short(value, 60)}"
    return f"{noun(name)} {row.get('id', '')}".strip()


def _short(text: str, length: int = SHORT) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= length else one_line[: length - 1] + "…"


def show(value: Any) -> str:
    """A value as display text ("" for none); text in full, for the clash to be judged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):  # to the second: two saves a minute apart differ
        return f"{format_date(value.date())} {value:%H:%M:%S}"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return format_time(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"{len(bytes(value)):,} bytes of data"
    return str(value)


def one_line(text: str, length: int = SHORT) -> str:
    """A value on one line, cut to `length` characters (a terminal's list of differences)."""
    return _short(text, length)


def typed(name: str, column: str, value: Any) -> Any:
    """A value kept as JSON (see transfer.plain) back as its column's type, to show it."""
    kind = table(name).c[column].type
    if not isinstance(value, str):
        return value
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Time):
        return dt.time.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return "(data)"
    return value


def is_long_text(name: str, column: str) -> bool:
    """Text without a length limit: both versions can be kept, one under the other."""
    kind = table(name).c[column].type
    return (
        isinstance(kind, String) and kind.length is None and not table(name).c[column].foreign_keys
    )
