"""Reading events out of a store: each chosen event with every row it owns and uses.

`read_events` gathers an Extract: the rows the events own, the shared rows (organisations,
speakers) they point at, and how to find again the rows of other events they point at (the
session before in a series), by that event's identity (IDENTITY) and the row's own values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from organiser.core.base import VERSION_COLUMN
from organiser.core.errors import NotFound
from organiser.core.team.transfer_tables import (
    FRESH,
    GLOBAL,
    ROOT,
    belongs,
    copied_tables,
    foreign_keys,
    owners,
    table,
)

_CHUNK = 500  # ids per IN (...): far below SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class Elsewhere:
    """A row of another event that a copied row points at: how to find it in the target."""

    event: tuple[Any, ...]  # that event's title, date and creation time (IDENTITY)
    values: tuple[tuple[str, Any], ...]  # the row's own values (nothing for the event itself)


@dataclass
class Extract:
    """Rows read from the source: the events (id, title) and every copied table's rows.

    `outside`: rows of other events that the copied rows point at (table, id) → Elsewhere.
    """

    events: list[tuple[int, str]]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    outside: dict[tuple[str, int], Elsewhere] = field(default_factory=dict)


def owned_rows(session: Session, name: str, chosen: Select[Any]) -> list[dict[str, Any]]:
    """Every row of `name` the chosen events own, in primary-key order."""
    each = table(name)
    query = select(each).where(belongs(name, chosen)).order_by(*each.primary_key.columns)
    return [dict(row._mapping) for row in session.execute(query)]


def rows_by_id(session: Session, name: str, ids: Iterable[int]) -> list[dict[str, Any]]:
    """The rows of `name` with these ids (those that exist), in id order."""
    each = table(name)
    wanted = sorted(set(ids))
    found: list[dict[str, Any]] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(each).where(each.c.id.in_(chunk)).order_by(each.c.id)
        found.extend(dict(row._mapping) for row in session.execute(query))
    return found


def read_events(session: Session, event_ids: Sequence[int] | None) -> Extract:
    """The chosen events (None: all, with every shared row) and all they own and use."""
    event = table(ROOT)
    if event_ids is None:
        chosen = select(event.c.id)
    else:
        wanted = list(dict.fromkeys(event_ids))
        known = set(session.scalars(select(event.c.id).where(event.c.id.in_(wanted))))
        missing = [str(e) for e in wanted if e not in known]
        if missing:
            raise NotFound(f"No event has the id {', '.join(missing)}; it may have been deleted.")
        chosen = select(event.c.id).where(event.c.id.in_(wanted))
    owned = owners()
    extract = Extract(events=[])
    for each in copied_tables():
        if each.name in owned:
            extract.rows[each.name] = owned_rows(session, each.name, chosen)
    extract.events = [(row["id"], row["title"]) for row in extract.rows[ROOT]]
    shared = [t for t in copied_tables() if t.name in GLOBAL]
    if event_ids is None:
        for each in shared:
            query = select(each).order_by(*each.primary_key.columns)
            extract.rows[each.name] = [dict(row._mapping) for row in session.execute(query)]
        return extract
    # Children before parents: a speaker the events use brings its organisation along.
    for each in reversed(shared):
        used = {
            row[fk.column]
            for name, rows in extract.rows.items()
            for fk in foreign_keys(name)
            if fk.table == each.name
            for row in rows
            if row[fk.column] is not None
        }
        extract.rows[each.name] = rows_by_id(session, each.name, used) if used else []
    extract.outside = _outside(session, extract)
    return extract


IDENTITY = ("title", "date", "created_at")  # the same event in two databases


def _identity_of(session: Session, name: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """The identity of the event a row belongs to (following its owner links up)."""
    while (link := owners()[name]) is not None:
        column, name = link
        [row] = rows_by_id(session, name, [row[column]])
    event = table(ROOT)
    found = session.execute(
        select(*(event.c[c] for c in IDENTITY)).where(event.c.id == row["id"])
    ).one()
    return tuple(found)


def _natural(name: str) -> tuple[str, ...]:
    """A row's own values, by which it is found again in another database (no ids)."""
    pointers = {fk.column for fk in foreign_keys(name)}
    skip = {"id", VERSION_COLUMN, *pointers, *FRESH.get(name, {})}
    return tuple(c.name for c in table(name).columns if c.name not in skip)


def _outside(session: Session, extract: Extract) -> dict[tuple[str, int], Elsewhere]:
    """Rows of other events that the extract's rows point at (a series' earlier session)."""
    owned = owners()
    found: dict[tuple[str, int], Elsewhere] = {}
    for name, rows in extract.rows.items():
        if name not in owned:
            continue
        for fk in foreign_keys(name):
            if fk.table not in owned or not fk.nullable:
                continue
            present = {row["id"] for row in extract.rows.get(fk.table, [])}
            wanted = {row[fk.column] for row in rows if row[fk.column] is not None} - present
            for row in rows_by_id(session, fk.table, wanted) if wanted else []:
                values = () if fk.table == ROOT else tuple((c, row[c]) for c in _natural(fk.table))
                found[(fk.table, row["id"])] = Elsewhere(
                    _identity_of(session, fk.table, row), values
                )
    return found
