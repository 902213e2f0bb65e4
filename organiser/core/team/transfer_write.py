"""Writing an Extract into a target store, mapping every source id to the target's.

Rows keep their ids where the target has them free (the sequence moved past them first, on
PostgreSQL); others take new ids, and every pointer follows through the id map. Shared rows the
target has already (match_key) are used instead of copied; a pointer at another event's row
takes the target's own copy of it. An event already in the target is refused (no doubles).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from organiser.core.base import VERSION_COLUMN
from organiser.core.errors import Conflict, StoreError
from organiser.core.records import keep_ids_ahead
from organiser.core.team.transfer_read import IDENTITY, Extract, owned_rows
from organiser.core.team.transfer_tables import (
    FRESH,
    GLOBAL,
    ROOT,
    copied_tables,
    foreign_keys,
    has_id,
    match_columns,
    match_key,
    table,
)


@dataclass(frozen=True)
class CopyResult:
    """What a copy wrote: the events (source id, target id, title), rows, and the id map."""

    events: list[tuple[int, int, str]]
    rows: int
    ids_kept: bool
    id_map: dict[tuple[str, int], int]


def _found_elsewhere(session: Session, extract: Extract) -> dict[tuple[str, int], int]:
    """The target's ids of the rows of other events the copy points at, where it has them."""
    if not extract.outside:
        return {}
    event = table(ROOT)
    events: dict[tuple[Any, ...], int] = {}
    for row in session.execute(select(event.c.id, *(event.c[c] for c in IDENTITY))):
        events.setdefault(tuple(row[1:]), row[0])
    found: dict[tuple[str, int], int] = {}
    for (name, source_id), where in extract.outside.items():
        event_id = events.get(where.event)
        if event_id is None:
            continue
        if name == ROOT:
            found[(name, source_id)] = event_id
            continue
        rows = owned_rows(session, name, select(event.c.id).where(event.c.id == event_id))
        same = [row for row in rows if all(row[c] == v for c, v in where.values)]
        wanted = dict(where.values)
        if len(same) != 1 and "created_at" in wanted:  # edited since: when it was written
            same = [row for row in rows if row["created_at"] == wanted["created_at"]]
        if len(same) == 1:
            found[(name, source_id)] = same[0]["id"]
    return found


def _refuse_copies(session: Session, extract: Extract, place: str) -> None:
    """An event already in the target (same title, date and creation time) is not copied twice."""
    event = table(ROOT)
    there = {
        (row.title, row.date, row.created_at): row.id
        for row in session.execute(
            select(event.c.id, event.c.title, event.c.date, event.c.created_at)
        )
    }
    for row in extract.rows[ROOT]:
        found = there.get(tuple(row[c] for c in IDENTITY))
        if found is not None:
            raise Conflict(
                f"“{row['title']}” is already in {place} (event {found}): it was copied there "
                "before, and copying it again would make a double. Nothing was copied."
            )


def _unmatched(
    session: Session, each: Table, rows: list[dict[str, Any]], id_map: dict[tuple[str, int], int]
) -> list[dict[str, Any]]:
    """Shared rows the target lacks; those it has (match_key) are mapped to its own."""
    columns = match_columns(each.name)
    there: dict[Any, Any] = {}
    query = select(each.primary_key.columns[0], *(each.c[c] for c in columns))
    for stored in session.execute(query):
        key = match_key(each.name, dict(zip(columns, stored[1:], strict=True)))
        there.setdefault(key, stored[0])
    missing = []
    for row in rows:
        found = there.get(match_key(each.name, row))
        if found is None:
            missing.append(row)
        elif has_id(each):
            id_map[(each.name, row["id"])] = found
    return missing


def _prepared(
    each: Table,
    rows: list[dict[str, Any]],
    id_map: Mapping[tuple[str, int], int],
    elsewhere: Mapping[tuple[str, int], int],
) -> tuple[list[dict[str, Any]], list[tuple[int, str, int]]]:
    """Rows with foreign keys pointing at the target's ids; self-references put aside.

    A pointer at a row of another event takes the target's own copy of it (`elsewhere`).
    """
    fresh = {VERSION_COLUMN: 1, **FRESH.get(each.name, {})} if VERSION_COLUMN in each.c else {}
    later: list[tuple[int, str, int]] = []
    prepared = []
    for row in rows:
        new = {**row, **fresh}
        for fk in foreign_keys(each.name):
            value = new[fk.column]
            if value is None:
                continue
            if (fk.table, value) in elsewhere:
                new[fk.column] = elsewhere[(fk.table, value)]
                continue
            if fk.table == each.name:  # may point at a row of this batch not yet written
                later.append((row["id"], fk.column, value))
                new[fk.column] = None
                continue
            new[fk.column] = id_map.get((fk.table, value))
            if new[fk.column] is None and not fk.nullable:
                raise StoreError(
                    f"A row of {each.name} needs a row of {fk.table} that is not being "
                    "copied, so the copy could not be kept whole. Nothing was copied."
                )
        prepared.append(new)
    return prepared, later


# Moves the id sequence past the ids about to be written, never back (others draw from it too).
_RESERVE = """
SELECT setval(seq, GREATEST(COALESCE(pg_sequence_last_value(seq), 0), :top)) FROM (
    SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass) AS seq
) AS found
WHERE seq IS NOT NULL
"""


def _on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def reserve_ids(session: Session, each: Table, top: int) -> None:
    """On PostgreSQL, before rows go in with ids of their own: no id up to `top` is handed out.

    Someone adding a row at the same moment draws the next id from the sequence; moved first,
    it cannot give them an id this copy is writing. (SQLite writes one transaction at a time.)
    """
    if not _on_postgresql(session):
        return
    dialect = session.get_bind().dialect
    quoted = dialect.identifier_preparer.format_table(each)
    session.execute(text(_RESERVE), {"table": quoted, "top": top})


def _insert_kept(session: Session, each: Table, kept: list[dict[str, Any]]) -> set[int]:
    """Insert rows with their own ids; the ids written (an id someone took meanwhile is not)."""
    if not _on_postgresql(session):
        session.execute(insert(each), kept)
        return {row["id"] for row in kept}
    statement = (
        postgresql.insert(each).on_conflict_do_nothing(index_elements=["id"]).returning(each.c.id)
    )
    return set(session.scalars(statement, kept).all())


def insert_rows(
    session: Session,
    each: Table,
    rows: list[dict[str, Any]],
    id_map: dict[tuple[str, int], int],
    elsewhere: Mapping[tuple[str, int], int] | None = None,
) -> int:
    """Write rows in batches, keeping each id the target has free; `id_map` learns them all."""
    prepared, later = _prepared(each, rows, id_map, elsewhere or {})
    if not prepared:
        return 0
    if not has_id(each):
        session.execute(insert(each), prepared)
        return len(prepared)
    ids = [row["id"] for row in prepared]
    reserve_ids(session, each, max(ids))
    taken = set(session.scalars(select(each.c.id).where(each.c.id.between(min(ids), max(ids)))))
    kept = [row for row in prepared if row["id"] not in taken]
    moved = [row for row in prepared if row["id"] in taken]
    if kept:
        written = _insert_kept(session, each, kept)
        moved.extend(row for row in kept if row["id"] not in written)  # taken meanwhile
        id_map.update(((each.name, row["id"]), row["id"]) for row in kept if row["id"] in written)
        keep_ids_ahead(session, each)  # before the moved rows take ids from the sequence
    if moved:
        statement = insert(each).returning(each.c.id, sort_by_parameter_order=True)
        new_ids = session.scalars(
            statement, [{k: v for k, v in row.items() if k != "id"} for row in moved]
        ).all()
        id_map.update(
            ((each.name, row["id"]), new) for row, new in zip(moved, new_ids, strict=True)
        )
    for column in {c for _, c, _ in later}:
        pointers = [
            {"_row": id_map[(each.name, row)], "_to": id_map[(each.name, to)]}
            for row, c, to in later
            if c == column and (each.name, to) in id_map
        ]
        if pointers:
            session.execute(
                update(each)
                .where(each.c.id == bindparam("_row"))
                .values({column: bindparam("_to")}),
                pointers,
            )
    return len(prepared)


def write_extract(
    session: Session, extract: Extract, *, place: str, offline: bool = False
) -> CopyResult:
    """Write what `read_events` read into the target session's database.

    `offline`: the copy is a team event taken offline, recorded as such; the same event
    being here already (copied from this database to the team) does not make it a double.
    """
    if not offline:
        _refuse_copies(session, extract, place)
    elsewhere = _found_elsewhere(session, extract)
    id_map: dict[tuple[str, int], int] = {}
    written = 0
    for each in copied_tables():
        rows = extract.rows.get(each.name) or []
        if each.name in GLOBAL and rows:
            rows = _unmatched(session, each, rows, id_map)
        written += insert_rows(session, each, rows, id_map, elsewhere)
    return CopyResult(
        events=[(source, id_map[(ROOT, source)], title) for source, title in extract.events],
        rows=written,
        ids_kept=all(source == target for (_name, source), target in id_map.items()),
        id_map=id_map,
    )
