"""Copy rows to plain dicts and back: the basis of undoing edits and deletions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Table, func, insert, inspect, select, text, update
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
    _put_back(session, model, rows)
    keep_ids_ahead(session, model.__table__)  # type: ignore[arg-type]


def _put_back(session: Session, model: type[Base], rows: Iterable[Mapping[str, Any]]) -> None:
    for row in rows:
        session.add(model(**row))
    session.flush()


# Only moves the sequence forward: another session may already hold a higher id.
_IDS_AHEAD = """
SELECT setval(seq, top) FROM (
    SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass) AS seq,
           (SELECT max(id) FROM {table}) AS top
) AS found
WHERE seq IS NOT NULL AND top > COALESCE(pg_sequence_last_value(seq), 0)
"""


def keep_ids_ahead(session: Session, table: Table) -> None:
    """After rows went in with ids of their own, make the next new row's id a free one.

    SQLite picks max(id) + 1 by itself; PostgreSQL takes ids from a sequence that explicit
    ids do not move, so the next insert would collide with a row put back.
    """
    dialect = session.get_bind().dialect
    if dialect.name != "postgresql" or "id" not in table.c:
        return
    quoted = dialect.identifier_preparer.format_table(table)
    session.execute(text(_IDS_AHEAD.format(table=quoted)), {"table": quoted})


@dataclass(frozen=True)
class Dependants:
    """What goes with a row when it is deleted, so undo can bring all of it back.

    children: rows deleted with it (model, the column pointing at it, their own dependants);
    tables: association rows deleted with it (table, the column pointing at it);
    links: rows whose pointer to it is set to NULL (model, column), re-pointed on restore.
    """

    children: tuple[tuple[type[Base], str, Dependants], ...] = ()
    tables: tuple[tuple[Table, str], ...] = ()
    links: tuple[tuple[type[Base], str], ...] = ()


NOTHING = Dependants()


def snapshot(session: Session, obj: Base, deps: Dependants) -> dict[str, Any]:
    """The row and everything that depends on it, as plain values."""
    key = getattr(obj, "id")  # noqa: B009
    return {
        "row": row_dict(obj),
        "children": [
            [
                snapshot(session, child, grand)
                for child in session.scalars(
                    select(model).where(getattr(model, column) == key).order_by(model.id)  # type: ignore[attr-defined]
                )
            ]
            for model, column, grand in deps.children
        ],
        "tables": [
            [dict(r._mapping) for r in session.execute(select(table).where(table.c[column] == key))]
            for table, column in deps.tables
        ],
        "links": [
            list(session.scalars(select(model.id).where(getattr(model, column) == key)))  # type: ignore[attr-defined]
            for model, column in deps.links
        ],
    }


def restore(
    session: Session, model: type[Base], saved: Mapping[str, Any], deps: Dependants
) -> None:
    """Put back a row saved by `snapshot`, with its children, associations and links."""
    models: set[type[Base]] = set()
    _restore(session, model, saved, deps, models)
    for each in models:  # once per kind of row, not once per row
        keep_ids_ahead(session, each.__table__)  # type: ignore[arg-type]


def _restore(
    session: Session,
    model: type[Base],
    saved: Mapping[str, Any],
    deps: Dependants,
    models: set[type[Base]],
) -> None:
    _put_back(session, model, [saved["row"]])
    models.add(model)
    for (child_model, _column, grand), children in zip(
        deps.children, saved["children"], strict=True
    ):
        for child in children:
            _restore(session, child_model, child, grand, models)
    for (table, _column), rows in zip(deps.tables, saved["tables"], strict=True):
        if rows:
            session.execute(insert(table), rows)
    key = saved["row"]["id"]
    for (link_model, column), ids in zip(deps.links, saved["links"], strict=True):
        if ids:
            session.execute(
                update(link_model).where(link_model.id.in_(ids)).values({column: key})  # type: ignore[attr-defined]
            )
    session.flush()


def find_in_event(
    session: Session, model: type[M], event_id: int, reference: str, *, what: str, event: str
) -> int:
    """A row of one event (a meeting, a poll) from its id or its exact title, case-blind."""
    wanted = reference.strip()
    if wanted.isdigit():
        found = session.get(model, int(wanted))
        if found is not None and found.event_id == event_id:  # type: ignore[attr-defined]
            return int(found.id)  # type: ignore[attr-defined]
        if found is not None:
            raise NotFound(f"{what.capitalize()} {wanted} is not one of the {what}s of “{event}”.")
    title = model.title  # type: ignore[attr-defined]
    ids = list(
        session.scalars(
            select(model.id)  # type: ignore[attr-defined]
            .where(model.event_id == event_id, func.lower(title) == wanted.lower())  # type: ignore[attr-defined]
            .order_by(model.id)  # type: ignore[attr-defined]
        )
    )
    if len(ids) == 1:
        return int(ids[0])
    if ids:
        raise NotFound(f"More than one {what} is called “{reference}”; use its id ({ids}).")
    raise NotFound(f"“{event}” has no {what} with the id or title “{reference}”.")
