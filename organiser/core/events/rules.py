"""Checks on an event's details: errors block a value, warnings only inform."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from organiser.core.errors import ValidationError
from organiser.core.events.kinds import Status
from organiser.core.parsing import format_time

TEXT_LIMIT = 2_000_000  # characters: room for a 1 MB note in any script


def check_details(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """Raise ValidationError for the first value that cannot be stored with the others."""
    merged = {**current, **values}
    if "title" in values and not str(values["title"]).strip():
        raise ValidationError("Give the event a title.", field="title")
    for key, value in values.items():
        if isinstance(value, str) and len(value) > TEXT_LIMIT:
            raise ValidationError(
                "This text is longer than 2 million characters; split it up.", field=key
            )
    start, end = merged.get("start_time"), merged.get("end_time")
    if start is not None and end is not None and end <= start:
        field = "end_time" if "end_time" in values else "start_time"
        raise ValidationError(
            f"The end time must be after the start time ({format_time(start)}).", field=field
        )
    for key in ("capacity", "attendance"):
        number = values.get(key)
        if number is not None and (not isinstance(number, int) or number < (key == "capacity")):
            what = "Capacity" if key == "capacity" else "Attendance"
            raise ValidationError(f"{what} must be a positive whole number.", field=key)
    if "status" in values and values["status"] not in {s.value for s in Status}:
        raise ValidationError("Choose a status from the list.", field="status")


def detail_warnings(date: dt.date | None, *, today: dt.date) -> list[str]:
    """Things worth knowing that do not stop saving (a date in the past)."""
    if date is not None and date < today:
        return [f"The date {date:%d/%m/%Y} is in the past."]
    return []


def days_to_go(date: dt.date | None, *, today: dt.date) -> str:
    """'12 days to go', 'Today', 'Tomorrow', '3 days ago' or 'No date yet'."""
    if date is None:
        return "No date yet"
    days = (date - today).days
    if days == 0:
        return "Today"
    if days == 1:
        return "Tomorrow"
    if days > 1:
        return f"{days} days to go"
    return "Yesterday" if days == -1 else f"{-days} days ago"
