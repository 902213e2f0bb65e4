"""Money is whole pence in the database and pounds with two decimals on screen."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from organiser.core.errors import ValidationError

_MONEY = re.compile(r"^-?\d{0,9}(\.\d{0,2})?$")


def parse_pence(text: str, *, field: str | None = None, allow_blank: bool = False) -> int | None:
    """Read '£1,234.50', '12' or '0.5' as pence; refuse negative or non-numeric amounts."""
    cleaned = text.strip().replace("£", "").replace(",", "").replace(" ", "")
    if not cleaned:
        if allow_blank:
            return None
        raise ValidationError("Enter an amount in pounds, for example 25.00.", field=field)
    if cleaned.startswith("-"):
        raise ValidationError("An amount cannot be negative.", field=field)
    if not _MONEY.match(cleaned) or cleaned in {".", ""}:
        raise ValidationError(
            f"“{text.strip()}” is not an amount in pounds; use digits, for example 25.00.",
            field=field,
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guards this
        raise ValidationError("Enter an amount in pounds.", field=field) from exc
    return int(value * 100)


def format_pence(pence: int | None, *, blank: str = "") -> str:
    """Show pence as £1,234.50 (a minus sign for a shortfall)."""
    if pence is None:
        return blank
    sign = "−" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"
