"""Copy events, with everything they own, from one store to another (a file to a team database).

Which rows an event owns is read from the schema itself: a table belongs to the event through
an `event_id` column, or through a chain of ON DELETE CASCADE foreign keys leading to one. The
shared directories (organisations, speakers, settings) are copied as far as the events use
them and matched by name in the target; the team's own bookkeeping is never copied. A table
that is none of these makes the schema test fail, so a new table cannot be silently left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

import organiser.core.models  # noqa: F401  (every table on Base.metadata)
from organiser.core.base import VERSION_COLUMN, Base
from organiser.core.db import Store
from organiser.core.errors import Conflict, NotFound, StoreError
from organiser.core.parsing import name_key
from organiser.core.records import keep_ids_ahead

ROOT = "event"
# Shared by every event: copied as far as the events use them, matched in the target by name.
GLOBAL = frozenset({"organisation", "speaker", "setting"})
# The team database's own bookkeeping: never copied (alembic_version is not on the metadata).
EXCLUDED = frozenset({"change_feed", "offline_copy", "offline_row"})
# How a shared row is recognised in the target: (column, whether names compare as names).
MATCH_BY: dict[str, tuple[str, bool]] = {
    "organisation": ("name", True),
    "speaker": ("name", True),
    "setting": ("key", False),
}
# Values that say where an event is on one database only: fresh in every copy.
FRESH: dict[str, dict[str, Any]] = {ROOT: {"taken_offline_by": "", "taken_offline_at": None}}
_CHUNK = 500  # ids per IN (...): far below SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class CopyResult:
    """What a copy wrote: the events (source id, target id, title), rows, and the id map."""

    events: list[tuple[int, int, str]]
    rows: int
    ids_kept: bool
    id_map: dict[tuple[str, int], int]


@dataclass(frozen=True)
class Reference:
    """One single-column foreign key: the column, the table it points at, NULL allowed."""

    column: str
    table: str
    nullable: bool


@dataclass
class Extract:
    """Rows read from the source: the events (id, title) and every copied table's rows."""

    events: list[tuple[int, str]]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def table(name: str) -> Table:
    """A table of the schema by name."""
    return Base.metadata.tables[name]


@cache
def foreign_keys(name: str) -> tuple[Reference, ...]:
    """The table's foreign keys, in column order."""
    return tuple(
        Reference(column.name, fk.column.table.name, bool(column.nullable))
        for column in table(name).columns
        for fk in column.foreign_keys
    )


@cache
def owners() -> dict[str, tuple[str, str] | None]:
    """Every table an event owns → (column, parent table) of the link towards it; event: None.

    The link is the `event_id` column when there is one, else the first ON DELETE CASCADE
    foreign key to a table the event owns (association tables have two; either leads there).
    """
    found: dict[str, tuple[str, str] | None] = {ROOT: None}
    for each in Base.metadata.sorted_tables:
        if each.name in found or each.name in GLOBAL or each.name in EXCLUDED:
            continue
        cascades = [
            (column.name, fk.column.table.name)
            for column in each.columns
            for fk in column.foreign_keys
            if (fk.ondelete or "").upper() == "CASCADE" and fk.column.table.name in found
        ]
        cascades.sort(key=lambda link: link != ("event_id", ROOT))
        if cascades:
            found[each.name] = cascades[0]
    return found


def unclassified_tables() -> list[str]:
    """Tables that are neither owned by an event, shared, nor excluded: each must be decided."""
    known = set(owners()) | GLOBAL | EXCLUDED
    return [t.name for t in Base.metadata.sorted_tables if t.name not in known]


def copied_tables() -> list[Table]:
    """Every table a copy writes, parents before children."""
    owned = owners()
    return [t for t in Base.metadata.sorted_tables if t.name in owned or t.name in GLOBAL]


def has_id(each: Table) -> bool:
    """Whether rows are known by a single `id` column (not association pairs or settings)."""
    return [c.name for c in each.primary_key.columns] == ["id"]


def plain(value: Any) -> Any:
    """A value as JSON can hold and compare it: dates as ISO text, bytes as their SHA-256."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def belongs(name: str, chosen: Select[Any]) -> ColumnElement[bool]:
    """Rows of `name` that belong to the events `chosen` selects (by id)."""
    each = table(name)
    link = owners()[name]
    if link is None:
        return each.c.id.in_(chosen)
    column, parent = link
    parents = select(table(parent).c.id).where(belongs(parent, chosen))
    return each.c[column].in_(parents)


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
    return extract


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
        found = there.get((row["title"], row["date"], row["created_at"]))
        if found is not None:
            raise Conflict(
                f"“{row['title']}” is already in {place} (event {found}): it was copied there "
                "before, and copying it again would make a double. Nothing was copied."
            )


def _match_key(name: str, value: Any) -> Any:
    as_name = MATCH_BY[name][1]
    return name_key(value or "") if as_name else value


def _unmatched(
    session: Session, each: Table, rows: list[dict[str, Any]], id_map: dict[tuple[str, int], int]
) -> list[dict[str, Any]]:
    """Shared rows the target lacks; those it has (by name) are mapped to its own."""
    column = MATCH_BY[each.name][0]
    there: dict[Any, Any] = {}
    for key, value in session.execute(select(each.primary_key.columns[0], each.c[column])):
        there.setdefault(_match_key(each.name, value), key)
    missing = []
    for row in rows:
        found = there.get(_match_key(each.name, row[column]))
        if found is None:
            missing.append(row)
        elif has_id(each):
            id_map[(each.name, row["id"])] = found
    return missing


def _prepared(
    each: Table, rows: list[dict[str, Any]], id_map: Mapping[tuple[str, int], int]
) -> tuple[list[dict[str, Any]], list[tuple[int, str, int]]]:
    """Rows with foreign keys pointing at the target's ids; self-references put aside."""
    fresh = {VERSION_COLUMN: 1, **FRESH.get(each.name, {})} if VERSION_COLUMN in each.c else {}
    later: list[tuple[int, str, int]] = []
    prepared = []
    for row in rows:
        new = {**row, **fresh}
        for fk in foreign_keys(each.name):
            value = new[fk.column]
            if value is None:
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


def insert_rows(
    session: Session, each: Table, rows: list[dict[str, Any]], id_map: dict[tuple[str, int], int]
) -> int:
    """Write rows in batches, keeping each id the target has free; `id_map` learns them all."""
    prepared, later = _prepared(each, rows, id_map)
    if not prepared:
        return 0
    if not has_id(each):
        session.execute(insert(each), prepared)
        return len(prepared)
    ids = [row["id"] for row in prepared]
    taken = set(session.scalars(select(each.c.id).where(each.c.id.between(min(ids), max(ids)))))
    kept = [row for row in prepared if row["id"] not in taken]
    moved = [row for row in prepared if row["id"] in taken]
    if kept:
        session.execute(insert(each), kept)
        id_map.update(((each.name, row["id"]), row["id"]) for row in kept)
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


def write_extract(session: Session, extract: Extract, *, place: str) -> CopyResult:
    """Write what `read_events` read into the target session's database."""
    _refuse_copies(session, extract, place)
    id_map: dict[tuple[str, int], int] = {}
    written = 0
    for each in copied_tables():
        rows = extract.rows.get(each.name) or []
        if each.name in GLOBAL and rows:
            rows = _unmatched(session, each, rows, id_map)
        written += insert_rows(session, each, rows, id_map)
    return CopyResult(
        events=[(source, id_map[(ROOT, source)], title) for source, title in extract.events],
        rows=written,
        ids_kept=all(source == target for (_name, source), target in id_map.items()),
        id_map=id_map,
    )


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
