"""Copy events, with everything they own, from one store to another (a file to a team database).

Which rows an event owns is read from the schema itself: a table belongs to the event through
an `event_id` column, or through a chain of ON DELETE CASCADE foreign keys leading to one. The
shared directories (organisations, speakers, settings) are copied as far as the events use
them and matched in the target (organisations by name, speakers by name and email); the team's
own bookkeeping is never copied. A pointer at another event (the session before in a series, a
lesson carried from it) follows that event when it is already in the target. A table
that is none of these makes the schema test fail, so a new table cannot be silently left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

import organiser.core.models  # noqa: F401  (every table on Base.metadata)
from organiser.core.base import VERSION_COLUMN, Base
from organiser.core.db import Store
from organiser.core.errors import Conflict, NotFound, StoreError
from organiser.core.parsing import name_key
from organiser.core.records import keep_ids_ahead

ROOT = "event"
# Shared by every event: copied as far as the events use them, matched in the target (MATCH_BY).
GLOBAL = frozenset({"organisation", "speaker", "setting"})
# The team database's own bookkeeping: never copied (alembic_version is not on the metadata).
EXCLUDED = frozenset({"change_feed", "offline_copy", "offline_row", "offline_return"})
# How a shared row is recognised in the target: (its naming column, whether names compare as
# names). Speakers are told apart by email too (see match_key).
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


@cache
def cascades(name: str) -> tuple[tuple[str, str], ...]:
    """(column, parent table) of each ON DELETE CASCADE foreign key to a table an event owns.

    The owner link is one of them; others (a poll's meeting, a sign-off's member) delete the
    row just as surely when the row they point at is deleted.
    """
    owned = owners()
    return tuple(
        (column.name, fk.column.table.name)
        for column in table(name).columns
        for fk in column.foreign_keys
        if (fk.ondelete or "").upper() == "CASCADE"
        and fk.column.table.name in owned
        and fk.column.table.name != name
    )


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


def match_key(name: str, row: Mapping[str, Any]) -> Any:
    """What makes two shared rows the same: an organisation's name; a speaker's name and email
    (case and spaces aside: two people of one name are told apart by their emails, and a
    speaker without an email is only the same as one without an email); a setting's key."""
    column, as_name = MATCH_BY[name]
    value = row[column]
    if not as_name:
        return value
    if name == "speaker":
        return name_key(value or ""), " ".join((row["email"] or "").split()).casefold()
    return name_key(value or "")


def match_columns(name: str) -> list[str]:
    """The columns match_key reads."""
    return [MATCH_BY[name][0], *(["email"] if name == "speaker" else [])]


def _unmatched(
    session: Session, each: Table, rows: list[dict[str, Any]], id_map: dict[tuple[str, int], int]
) -> list[dict[str, Any]]:
    """Shared rows the target lacks; those it has (match_key) are mapped to its own."""
    columns = match_columns(each.name)
    there: dict[Any, Any] = {}
    query = select(each.primary_key.columns[0], *(each.c[c] for c in columns))
    for row in session.execute(query):
        there.setdefault(match_key(each.name, dict(zip(columns, row[1:], strict=True))), row[0])
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
