"""Copy rows to plain dicts and back: the basis of undoing edits and deletions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from organiser.core.base import Base
from organiser.core.errors import NotFound

M = TypeVar("M", bound=Base)


def row_dict(obj: Base) -> dict[str, Any]:
    """Every column of a row, by attribute name."""
    return {attr.key: getattr(obj, attr.key) for attr in inspect(obj).mapper.column_attrs}


def get_or_raise(session: Session, model: type[M], key: int, what: str) -> M:
    """Load a row by id or say plainly that it is gone."""
    obj = session.get(model, key)
    if obj is None:
        raise NotFound(f"That {what} no longer exists; it may have been deleted.")
    return obj


def apply_values(obj: Base, values: Mapping[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    """Set the given attributes; return their previous values (for undo)."""
    allowed_set = set(allowed)
    previous: dict[str, Any] = {}
    for key, value in values.items():
        if key not in allowed_set:
            raise ValueError(f"{type(obj).__name__} has no editable field {key!r}")
        old = getattr(obj, key)
        if old != value:
            previous[key] = old
            setattr(obj, key, value)
    return previous


def restore_rows(session: Session, model: type[Base], rows: Iterable[Mapping[str, Any]]) -> None:
    """Put deleted rows back with their original ids."""
    for row in rows:
        session.add(model(**row))
    session.flush()
