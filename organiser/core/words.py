"""Numbers in words as people write them."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 item', '2 items', '1,200 responses'; `many` where an added s is wrong ('children')."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
