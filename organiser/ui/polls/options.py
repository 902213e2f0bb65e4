"""The options of a poll: a date, a time window and a place with its access features."""

from __future__ import annotations

from typing import Any

from organiser.core.events.kinds import VENUE_FEATURES
from organiser.core.parsing import format_time
from organiser.core.polls.service import OptionRow
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Field, Kind

FIELDS = (
    Field("date", "Date", Kind.DATE, hint="Day/month/year, for example 14/03/2027"),
    Field("start", "Starts", Kind.TIME, hint="For example 10:00"),
    Field("end", "Ends", Kind.TIME, hint="For example 12:00"),
    Field("place", "Place", hint="For example: Harbourside Family Centre, Hall A"),
    Field("address", "Address", Kind.TEXT),
    *(Field(key, label, Kind.CHECK) for key, label in VENUE_FEATURES.items()),
)


def _when(row: OptionRow) -> str:
    day = f"{row.date:%a} {row.date.day} {row.date:%b %Y}"
    when = f"{day}, {format_time(row.start)}–{format_time(row.end)}"
    return f"{when} · ✔ Chosen" if row.chosen else when


def access_text(row: OptionRow) -> str:
    """The venue's access features in words ('none recorded' rather than a blank)."""
    found = [label for key, label in VENUE_FEATURES.items() if getattr(row, key)]
    return ", ".join(found) if found else "None recorded"


COLUMNS = (
    Column("When", _when),
    Column("Place", lambda r: r.place, stretch=True),
    Column("Venue access", access_text, stretch=True),
)


def option_values(row: OptionRow) -> dict[str, Any]:
    """An option as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}
