"""What a member, programme item, funding source or cost line must be before it is stored."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from organiser.core.errors import ValidationError
from organiser.core.parsing import format_time
from organiser.core.planning.kinds import CostCategory, ItemKind, Role

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TEXT_LIMIT = 2_000_000  # characters: room for a 1 MB note in any script


def required(values: Mapping[str, Any], current: Mapping[str, Any], key: str, what: str) -> None:
    """Refuse an empty value for a field that must have one."""
    if (key in values or key not in current) and not str(values.get(key) or "").strip():
        raise ValidationError(f"{what} cannot be empty.", field=key)


def long_text(values: Mapping[str, Any]) -> None:
    """Refuse text beyond the limit (a 1 MB note in any script fits)."""
    for key, value in values.items():
        if isinstance(value, str) and len(value) > TEXT_LIMIT:
            raise ValidationError(
                "This text is longer than 2 million characters; split it up.", field=key
            )


def _choice(values: Mapping[str, Any], key: str, allowed: type[Any], what: str) -> None:
    if key in values and values[key] not in {c.value for c in allowed}:
        raise ValidationError(f"Choose a {what} from the list.", field=key)


def _money(values: Mapping[str, Any], *keys: str) -> None:
    for key in keys:
        value = values.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError("An amount cannot be negative.", field=key)


def check_member(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A member needs a name; an email, if given, must look like one."""
    long_text(values)
    required(values, current, "name", "A member’s name")
    _choice(values, "role", Role, "role")
    email = str(values.get("email") or "").strip()
    if email and not _EMAIL.match(email):
        raise ValidationError(f"“{email}” does not look like an email address.", field="email")


def check_programme_item(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """An item needs a title and a start before its end."""
    long_text(values)
    required(values, current, "title", "The item’s title")
    merged = {**current, **values}
    if merged.get("start") is None:
        raise ValidationError("Enter a start time, for example 10:00.", field="start")
    if merged.get("end") is None:
        raise ValidationError("Enter an end time, for example 10:30.", field="end")
    if merged["end"] <= merged["start"]:
        field = "end" if "end" in values else "start"
        raise ValidationError(
            f"The end time must be after the start time ({format_time(merged['start'])}).",
            field=field,
        )
    _choice(values, "kind", ItemKind, "kind")


def check_fund(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A funding source needs a name and a non-negative amount."""
    long_text(values)
    required(values, current, "name", "The funding source’s name")
    _money(values, "amount_pence")


def check_cost(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A cost line needs an item, a category from the list and non-negative amounts."""
    long_text(values)
    required(values, current, "item", "The cost’s item")
    _choice(values, "category", CostCategory, "category")
    _money(values, "estimated_pence", "actual_pence")
