"""What a meeting, decision, action item, poll or poll option must be before it is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from organiser.core.errors import ValidationError
from organiser.core.parsing import format_time
from organiser.core.planning.validation import long_text, required


def _times(values: Mapping[str, Any], current: Mapping[str, Any], *, needed: bool) -> None:
    merged = {**current, **values}
    start, end = merged.get("start"), merged.get("end")
    if needed and start is None:
        raise ValidationError("Enter a start time, for example 10:00.", field="start")
    if needed and end is None:
        raise ValidationError("Enter an end time, for example 11:00.", field="end")
    if start is not None and end is not None and end <= start:
        field = "end" if "end" in values else "start"
        raise ValidationError(
            f"The end time must be after the start time ({format_time(start)}).", field=field
        )


def check_meeting(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A meeting ends after it starts; notes and agenda may be long but not endless."""
    long_text(values)
    if "title" in values:
        required(values, current, "title", "The meeting’s title")
    _times(values, current, needed=False)


def check_decision(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A decision needs words."""
    long_text(values)
    required(values, current, "text", "A decision")


def check_action(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """An action item needs words."""
    long_text(values)
    required(values, current, "text", "An action")


def check_poll(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A poll needs a title."""
    long_text(values)
    required(values, current, "title", "The poll’s title")


def check_poll_option(
    values: Mapping[str, Any], current: Mapping[str, Any], *, today: dt.date | None = None
) -> None:
    """An option is a date still to come and a time window that ends after it starts."""
    long_text(values)
    merged = {**current, **values}
    if merged.get("date") is None:
        raise ValidationError("Enter the date, for example 14/03/2027.", field="date")
    if "date" in values and values["date"] < (today or dt.date.today()):
        raise ValidationError(
            f"{values['date']:%d/%m/%Y} has passed; offer dates still to come.", field="date"
        )
    _times(values, current, needed=True)
