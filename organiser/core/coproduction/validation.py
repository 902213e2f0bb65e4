"""What a lesson or a thing received must be before it is stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from organiser.core.coproduction.kinds import LessonTag
from organiser.core.errors import ValidationError
from organiser.core.planning.validation import long_text, required


def check_lesson(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """A lesson says at least what happened or what was learned."""
    long_text(values)
    merged = {**current, **values}
    if not any(str(merged.get(k) or "").strip() for k in ("happened", "learned", "differently")):
        raise ValidationError("Write what happened or what you learned.", field="happened")
    if "tag" in values and values["tag"] not in {t.value for t in LessonTag}:
        raise ValidationError("Choose a tag from the list.", field="tag")


def check_received(values: Mapping[str, Any], current: Mapping[str, Any]) -> None:
    """Say what was received; an amount, if any, is not negative."""
    long_text(values)
    required(values, current, "what", "What they received")
    amount = values.get("amount_pence")
    if amount is not None and (not isinstance(amount, int) or amount < 0):
        raise ValidationError("An amount cannot be negative.", field="amount_pence")
