"""Edits that started from an older version of a row: merged field by field, or a clash.

Every row carries `row_version` (SQLAlchemy's version_id_col, see organiser.core.base), so
an UPDATE only lands on the version it read. A screen that loaded a row at version 3 and
saves after someone else made it version 4 gets here: the fields only the other person
changed keep their value, the fields only this person changed are saved, and a field both
changed to different values is an `EditConflict` showing both — never a silent overwrite.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from organiser.core.base import VERSION_COLUMN, Base
from organiser.core.errors import EditConflict, SavedElsewhere

T = TypeVar("T")
P = ParamSpec("P")
TRIES = 3

MERGE_MARKER = "── their version (kept with mine) ──"


@dataclass(frozen=True)
class Clash:
    """One field both people changed: what it was, what this person typed, what is stored."""

    key: str
    base: Any
    mine: Any
    theirs: Any

    @property
    def is_text(self) -> bool:
        return all(isinstance(v, str) or v is None for v in (self.mine, self.theirs))


def same(a: Any, b: Any) -> bool:
    """Equal as a person would read them: an empty text and nothing are the same."""
    return (a if a != "" else None) == (b if b != "" else None)


def merged_text(mine: str | None, theirs: str | None) -> str:
    """Keep both: this person's text, then the other person's under a marker line."""
    return f"{mine or ''}\n\n{MERGE_MARKER}\n{theirs or ''}".strip("\n")


def version_of(row: Base) -> int:
    """The row's version counter."""
    return int(getattr(row, VERSION_COLUMN))


def merge_edit(
    row: Base,
    values: Mapping[str, Any],
    *,
    base: Mapping[str, Any] | None,
    expected_version: int | None,
    what: str,
    row_id: int,
    stored: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The values to save over `row`, given what the editor showed (`base`, at a version).

    Unchanged since the editor loaded it: every value as typed. Changed by someone else:
    fields typed the same as shown are dropped (their edit stays), others are saved unless
    the other person changed the same field to something else, which raises EditConflict.
    `stored` gives what is stored now for keys that are not columns (an organisation's name).
    """
    current_version = version_of(row)
    if expected_version is None or base is None or expected_version == current_version:
        return dict(values)
    kept: dict[str, Any] = {}
    clashes: list[Clash] = []
    extra = stored or {}
    for key, mine in values.items():
        if key not in base or not (key in extra or hasattr(row, key)):
            kept[key] = mine  # nothing to compare with
            continue
        was, now = base[key], extra[key] if key in extra else getattr(row, key)
        if same(mine, was):
            continue  # not edited here: whatever is stored now stays
        if same(now, was) or same(now, mine):
            kept[key] = mine
        else:
            clashes.append(Clash(key, was, mine, now))
    if clashes:
        names = ", ".join(c.key.replace("_", " ") for c in clashes)
        raise EditConflict(
            f"Someone else changed this {what} while you were editing it ({names}). "
            "Choose which version to keep.",
            what=what,
            row_id=row_id,
            clashes=clashes,
            version=current_version,
        )
    return kept


def retry_races(save: Callable[P, T]) -> Callable[P, T]:
    """A save run again (reading the row again) when it raced another at the same instant."""

    @functools.wraps(save)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        for _attempt in range(TRIES - 1):
            try:
                return save(*args, **kwargs)
            except SavedElsewhere:
                continue
        return save(*args, **kwargs)

    return run
