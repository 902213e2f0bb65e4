"""Copy events, with everything they own, from one store to another (a file to a team database).

Which rows an event owns is read from the schema itself: a table belongs to the event through
an `event_id` column, or through a chain of ON DELETE CASCADE foreign keys leading to one. The
shared directories (organisations, speakers, settings) are copied as far as the events use
them and matched in the target (organisations by name, speakers by name and email); the team's
own bookkeeping is never copied. A pointer at another event (the session before in a series, a
lesson carried from it) follows that event when it is already in the target. A table
that is none of these makes the schema test fail, so a new table cannot be silently left out.

The parts: which tables and how rows are owned and matched (transfer_tables), reading the
events into an Extract (transfer_read), and writing it with an id map (transfer_write).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from organiser.core.db import Store
from organiser.core.errors import StoreError
from organiser.core.team.transfer_read import owned_rows, read_events
from organiser.core.team.transfer_tables import (
    EXCLUDED,
    FRESH,
    GLOBAL,
    ROOT,
    copied_tables,
    foreign_keys,
    has_id,
    owners,
    table,
    unclassified_tables,
)
from organiser.core.team.transfer_write import CopyResult, write_extract

__all__ = [
    "EXCLUDED",
    "FRESH",
    "GLOBAL",
    "CopyResult",
    "copied_tables",
    "copy_events",
    "foreign_keys",
    "has_id",
    "list_copyable",
    "owned_rows",
    "owners",
    "place_of",
    "refused",
    "unclassified_tables",
]


def place_of(store: Store) -> str:
    """The target in words: the team database, or a file's name."""
    return "the team database" if store.path is None else f"“{store.path.name}”"


def refused(error: DBAPIError, what: str) -> StoreError:
    """A database's refusal (a constraint, a value too long) in one line a person can read."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig else "unknown problem"
    return StoreError(f"{what}: the database refused it (“{reason}”).")


def list_copyable(source: Store) -> list[tuple[int, str, bool]]:
    """The source's events for a chooser: (id, title, already in the target: False here)."""
    event = table(ROOT)
    with source.begin() as s:
        rows = s.execute(select(event.c.id, event.c.title).order_by(event.c.id)).all()
    return [(int(row.id), str(row.title), False) for row in rows]


def copy_events(source: Store, target: Store, event_ids: Sequence[int] | None = None) -> CopyResult:
    """Copy the chosen events (None: all, with every shared row) into `target`, all or nothing."""
    with source.begin() as s:
        extract = read_events(s, event_ids)
    try:
        with target.begin() as s:
            return write_extract(s, extract, place=place_of(target))
    except DBAPIError as exc:
        raise refused(exc, "Nothing was copied") from exc
