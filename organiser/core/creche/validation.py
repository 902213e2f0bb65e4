"""What a booking, child or creche staff member must be before it is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from organiser.core.creche.kinds import BookingStatus, Qualification
from organiser.core.errors import ValidationError
from organiser.core.parsing import format_time
from organiser.core.planning.validation import long_text, required

MAX_PEOPLE = 50  # one household's booking; more is a typing slip
MAX_AGE_MONTHS = 18 * 12


def _count(values: Mapping[str, Any], key: str, what: str) -> None:
    if key not in values:
        return
    value = values[key]
    if not isinstance(value, int) or value < 0:
        raise ValidationError(f"The number of {what} cannot be negative.", field=key)
    if value > MAX_PEOPLE:
        raise ValidationError(
            f"{value} {what} in one booking looks like a slip; enter at most {MAX_PEOPLE}.",
            field=key,
        )


def check_booking(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A booking names its parent or carer and is for at least one person."""
    long_text(values)
    required(values, current, "name", "The parent or carer’s name")
    _count(values, "adults", "adults")
    _count(values, "children", "children")
    merged = {"adults": 1, "children": 0, **current, **values}
    if ("adults" in values or "children" in values) and merged["adults"] + merged["children"] < 1:
        raise ValidationError("A booking is for at least one person.", field="adults")
    if "status" in values and values["status"] not in {s.value for s in BookingStatus}:
        raise ValidationError("Choose a status from the list.", field="status")


def check_child(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A child has a first name and an age that makes sense."""
    long_text(values)
    required(values, current, "first_name", "The child’s first name")
    born = values.get("date_of_birth")
    if isinstance(born, dt.date) and born > dt.date.today() + dt.timedelta(days=366):
        raise ValidationError(
            "That date of birth is more than a year away; check the year.", field="date_of_birth"
        )
    months = values.get("age_months")
    if months is not None and (not isinstance(months, int) or not 0 <= months <= MAX_AGE_MONTHS):
        raise ValidationError(
            f"Enter the age in months, from 0 to {MAX_AGE_MONTHS}.", field="age_months"
        )


def check_staff(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A staff member has a name, a known qualification level and sensible hours."""
    long_text(values)
    required(values, current, "name", "The staff member’s name")
    if "qualification" in values and values["qualification"] not in {
        q.value for q in Qualification
    }:
        raise ValidationError("Choose a qualification level from the list.", field="qualification")
    merged = {**current, **values}
    begins, ends = merged.get("on_from"), merged.get("on_until")
    if begins is not None and ends is not None and ends <= begins:
        field = "on_until" if "on_until" in values else "on_from"
        raise ValidationError(
            f"The time they go off must be after they come on ({format_time(begins)}).",
            field=field,
        )
