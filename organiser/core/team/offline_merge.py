"""The three-way comparison behind a bring back, row by row and column by column.

Every value is compared in the team's terms: a foreign key of the offline copy is turned into
the team id of the row it points at (through the links recorded when the event was taken), or
`New` for a row added offline. A column changed on one side only takes that side's value; a
column changed on both sides differently is a clash for a person to decide. Rows deleted on one
side and changed on the other (themselves or anything that hangs on them by an ON DELETE
CASCADE foreign key, which deleting them would delete too) are clashes too.

The speakers and organisations the copy linked are merged the same way, field by field; one
deleted offline is only noted, as other events use it.

A row added offline that the team has as well — the same unique key (a flyer, a creche, a
theme of the same name), or made on both sides the first time a screen opened (SAME_IF) — is
the same row: merged two ways (no value both started from, so a field that differs is a clash)
and what hangs on it offline goes under the team's row. Versions numbered within their parent
(a flyer's versions) added offline are numbered after the team's highest (RENUMBER).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from sqlalchemy import DateTime, UniqueConstraint, select
from sqlalchemy.orm import Session

from organiser.core.team.offline_plan import (
    ADD,
    CLASH,
    DELETE,
    EDIT,
    NOTE,
    SHARED_NOT_DELETED,
    BringBackPlan,
    Difference,
    Key,
    New,
    Side,
    Taken,
    compared,
)
from organiser.core.team.offline_words import describe, is_long_text, label, noun, show, typed
from organiser.core.team.transfer import (
    GLOBAL,
    ROOT,
    Extract,
    cascades,
    copied_tables,
    foreign_keys,
    has_id,
    match_columns,
    match_key,
    plain,
    rows_by_id,
    table,
)

# Kept in step with another column, never a change of its own (an organisation's name_key).
DERIVED = frozenset({"name_key"})
# Rows without a unique key that a screen makes the first time it opens, on each side: the
# same row if these columns agree (a blank value never matches: a question of the event's own).
SAME_IF: dict[str, tuple[tuple[str, ...], ...]] = {
    "feedback_question": (("event_id", "standard"),),  # the standard questions
}
# Numbered within their parent, the number unique there: (parent column, number column).
RENUMBER: dict[str, tuple[str, str]] = {"flyer_version": ("flyer_id", "number")}


@cache
def same_row_keys(name: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """(columns, whether a blank value counts) of each key that makes two rows the same: the
    table's unique constraints and unique indexes (but a RENUMBER number), then SAME_IF's."""
    each = table(name)
    keys: list[tuple[str, ...]] = [
        tuple(c.name for c in found.columns)
        for found in each.constraints
        if isinstance(found, UniqueConstraint)
    ]
    keys += [tuple(c.name for c in index.columns) for index in each.indexes if index.unique]
    keys += [(c.name,) for c in each.columns if c.unique]
    numbered = RENUMBER.get(name, ("", ""))[1]  # numbered anew: never the same row by number
    found = [(key, True) for key in dict.fromkeys(keys) if key and numbered not in key]
    return (*found, *((key, False) for key in SAME_IF.get(name, ())))


def _both_times(kind: Any, offline: Any, team: Any) -> bool:
    """Two moments (such as when notes were saved): the later one wins, it is no clash."""
    return isinstance(kind, DateTime) and offline is not None and team is not None


class Merge:
    """The three-way comparison of one event: `plan()` lists it, offline_apply applies it."""

    def __init__(
        self,
        session: Session,
        *,
        local: Extract,
        team: Extract,
        taken: Taken,
        event_id: int,
        team_event_id: int,
    ) -> None:
        self.session = session  # the team's, for shared rows matched by name (and email)
        self.local = Side.of(local)
        self.team = Side.of(team)
        # Links of its own: rows matched as the same row on both sides join them (see _match).
        self.taken = Taken(
            links=defaultdict(dict, {n: dict(m) for n, m in taken.links.items()}),
            base=taken.base,
            pairs=taken.pairs,
            here=taken.here,
        )
        self.matched: set[Key] = set()  # (table, local id) of rows matched, not linked when taken
        self.renumbered: dict[Key, dict[str, Any]] = {}  # (table, local id) → new values
        self.event_id = event_id
        self.team_event_id = team_event_id
        self.title = str(self.local.rows[ROOT][event_id]["title"])
        self.reverse: dict[str, dict[int, int]] = defaultdict(dict)
        for n, m in taken.links.items():
            self.reverse[n] = {t: lo for lo, t in m.items()}
        for name in GLOBAL & set(taken.links):  # linked shared rows the team no longer uses
            missing = set(taken.links[name].values()) - set(self.team.rows[name])
            self.team.rows[name].update((r["id"], r) for r in rows_by_id(session, name, missing))
        self._by_name: dict[str, dict[Any, int]] = {}
        self._canon: dict[tuple[str, str, int], dict[str, Any]] = {}
        self.differences: list[Difference] = []
        self.actions: dict[str, tuple[str, str, Any]] = {}  # key → (what to do, table, which)
        self.local_touched: set[Key] = set()
        self.team_touched: set[Key] = set()

    # -- in the team's terms ------------------------------------------------------------
    def shared_id(self, name: str, local_id: int) -> int | None:
        """The team's row for a shared row of the copy: the linked one, else the same one."""
        linked = self.taken.links[name].get(local_id)
        if linked is not None and linked in self.team.rows[name]:
            return linked
        if name not in self._by_name:
            each = table(name)
            columns = match_columns(name)
            found: dict[Any, int] = {}
            for row in self.session.execute(select(each.c.id, *(each.c[c] for c in columns))):
                values = dict(zip(columns, row[1:], strict=True))
                found.setdefault(match_key(name, values), row[0])
            self._by_name[name] = found
        row = self.local.rows[name].get(local_id)
        return None if row is None else self._by_name[name].get(match_key(name, row))

    def to_team(self, name: str, local_id: Any) -> Any:
        """A local pointer as the team id it stands for, `New`, or None (outside the event)."""
        if local_id is None:
            return None
        if name in GLOBAL:
            return self.shared_id(name, local_id) or New(name, local_id)
        if local_id not in self.local.rows[name]:
            return None
        linked = self.taken.links[name].get(local_id)
        return New(name, local_id) if linked is None else linked

    def canon(self, name: str, row: dict[str, Any], *, local: bool) -> dict[str, Any]:
        """The row's compared values in the team's terms (cached for rows with ids)."""
        cache_key = ("local" if local else "team", name, row.get("id", -1))
        if cache_key in self._canon and cache_key[2] != -1:
            return self._canon[cache_key]
        values = {column: plain(row[column]) for column in compared(name)}
        for fk in foreign_keys(name):
            pointer = row[fk.column]
            if local:
                values[fk.column] = self.to_team(fk.table, pointer)
            elif pointer is not None and fk.table not in GLOBAL:
                values[fk.column] = pointer if pointer in self.team.rows[fk.table] else None
        if cache_key[2] != -1:
            self._canon[cache_key] = values
        return values

    def pair(self, name: str, row: dict[str, Any], *, local: bool) -> tuple[Any, ...]:
        values = self.canon(name, row, local=local)
        return tuple(values[c] for c in compared(name))

    def parents(self, name: str, row: dict[str, Any]) -> list[Key]:
        """The rows deleting which deletes this one (its ON DELETE CASCADE foreign keys).

        In the row's own ids: the owner (its link towards the event) and any other, such as a
        poll's meeting or a sign-off's member.
        """
        if name in GLOBAL:
            return []
        return [
            (parent, row[column])
            for column, parent in cascades(name)
            if row.get(column) is not None
        ]

    # -- what changed where -------------------------------------------------------------
    def _mark(self, touched: set[Key], side: Side, name: str, key: int) -> None:
        """The row changed: it and every row it hangs on have something changed below."""
        waiting: list[Key] = [(name, key)]
        while waiting:
            found = waiting.pop()
            if found in touched:
                continue
            touched.add(found)
            row = side.rows[found[0]].get(found[1])
            if row is not None:
                waiting.extend(self.parents(found[0], row))

    def _owned(self, side: Side) -> Iterator[tuple[str, dict[int, dict[str, Any]]]]:
        return ((n, rows) for n, rows in side.rows.items() if n not in GLOBAL)

    def _touch(self) -> None:
        for name, rows in self._owned(self.local):
            for key, row in rows.items():
                linked = self.taken.links[name].get(key)
                base = self.taken.base[name].get(linked) if linked is not None else None
                if base is None or self.canon(name, row, local=True) != base:
                    self._mark(self.local_touched, self.local, name, key)
        for name, rows in self._owned(self.team):
            for key, row in rows.items():
                if self.canon(name, row, local=False) != self.taken.base[name].get(key):
                    self._mark(self.team_touched, self.team, name, key)
        for name in {*self.local.pairs, *self.team.pairs, *self.taken.pairs}:
            base = self.taken.pairs[name]
            mine = {self.pair(name, row, local=True): row for row in self.local.pairs[name]}
            for values in mine.keys() - base:
                self._mark_pair(self.local_touched, self.local, name, mine[values])
            for values in base - mine.keys():
                self._mark_pair(self.local_touched, self.local, name, self._local_row(name, values))
            theirs = {self.pair(name, row, local=False) for row in self.team.pairs[name]}
            for values in theirs ^ base:  # added or removed on the team: team ids either way
                row = dict(zip(compared(name), values, strict=True))
                self._mark_pair(self.team_touched, self.team, name, row)

    def _local_row(self, name: str, values: tuple[Any, ...]) -> dict[str, Any]:
        """A pair in team ids as the local ids it came from (None where gone)."""
        row = dict(zip(compared(name), values, strict=True))
        for fk in foreign_keys(name):
            row[fk.column] = self.reverse.get(fk.table, {}).get(row[fk.column])
        return row

    def _mark_pair(self, touched: set[Key], side: Side, name: str, row: dict[str, Any]) -> None:
        for fk in foreign_keys(name):
            if row.get(fk.column) is not None and fk.table not in GLOBAL:
                self._mark(touched, side, fk.table, row[fk.column])

    # -- the plan -----------------------------------------------------------------------
    # -- the same row made on both sides ------------------------------------------------
    def _key(
        self, name: str, row: dict[str, Any], columns: tuple[str, ...], *, local: bool, blank: bool
    ) -> tuple[Any, ...] | None:
        values = self.canon(name, row, local=local)
        found = tuple(values[c] for c in columns)
        if any(v is None or isinstance(v, New) or (not blank and v == "") for v in found):
            return None  # NULLs never clash; a row whose parent is new is new
        return found

    def _match(self) -> None:
        """Rows added offline that the team added too, under the same key: the same row.

        Parents first, so a child's pointer at a matched parent already reads as the team's.
        """
        for each in copied_tables():
            name = each.name
            if name in GLOBAL or not has_id(each) or not same_row_keys(name):
                continue
            links, back = self.taken.links[name], self.reverse[name]
            for columns, blank in same_row_keys(name):
                added = [(k, r) for k, r in self.local.rows[name].items() if k not in links]
                if not added:
                    break
                theirs: dict[tuple[Any, ...], int] = {}
                for team_id, row in self.team.rows[name].items():
                    if team_id in back:
                        continue  # linked when taken (or matched already)
                    found = self._key(name, row, columns, local=False, blank=blank)
                    if found is not None:
                        theirs.setdefault(found, team_id)
                for key, row in added:
                    found = self._key(name, row, columns, local=True, blank=blank)
                    team_id = theirs.pop(found, None) if found is not None else None
                    if team_id is not None and team_id not in back:
                        links[key] = team_id
                        back[team_id] = key
                        self.matched.add((name, key))
        self._canon.clear()  # pointers at matched rows now read as the team's

    def _renumber(self) -> None:
        """Numbers added offline come after the team's highest (version 3 saved on both sides:
        the offline one becomes version 4)."""
        for name, (parent_column, column) in RENUMBER.items():
            [parent] = [fk.table for fk in foreign_keys(name) if fk.column == parent_column]
            top: dict[Any, int] = {}
            for row in self.team.rows[name].values():
                owner = row[parent_column]
                top[owner] = max(top.get(owner, 0), row[column] or 0)
            links = self.taken.links[name]
            added = sorted(
                (r[column] or 0, k, r) for k, r in self.local.rows[name].items() if k not in links
            )
            for number, key, row in added:
                owner = self.to_team(parent, row[parent_column])
                if owner is None or isinstance(owner, New):
                    continue  # under a new parent: its numbers are its own
                top[owner] = top.get(owner, 0) + 1
                if top[owner] != number:
                    self.renumbered[(name, key)] = {column: top[owner]}

    def plan(self) -> BringBackPlan:
        """List every difference (and what applying it does) in parent-first table order."""
        self._match()
        self._renumber()
        self._touch()
        self._shared_adds()
        self._shared()
        for each in copied_tables():
            if each.name in GLOBAL:
                continue
            if has_id(each):
                self._rows(each.name)
            else:
                self._pairs(each.name)
        return BringBackPlan(self.event_id, self.team_event_id, self.title, self.differences)

    def _note(self, difference: Difference, action: tuple[str, str, Any]) -> None:
        self.differences.append(difference)
        self.actions[difference.key] = action

    def _whole(
        self, key: str, kind: str, where: str, offline: str = "", team: str = ""
    ) -> Difference:
        return Difference(key, kind, where, "", "", "", offline, team, False)

    def _shared_adds(self) -> None:
        """Organisations and speakers the copy uses that the team's directory lacks."""
        wanted: list[Key] = []
        for name, rows in self._owned(self.local):
            self._new_shared(name, rows.values(), wanted)
        for name, key, linked, row in self._linked_shared():  # a speaker's new organisation
            for fk in foreign_keys(name):
                if fk.table in GLOBAL and self._changed_offline(name, key, linked, row, fk.column):
                    pointer = self.to_team(fk.table, row[fk.column])
                    if isinstance(pointer, New) and (fk.table, pointer.local_id) not in wanted:
                        wanted.append((fk.table, pointer.local_id))
        for shared, key in wanted:  # grows as it goes: a new speaker's new organisation
            self._new_shared(shared, [self.local.rows[shared][key]], wanted)
        order = [t.name for t in copied_tables()]
        for name, key in sorted(wanted, key=lambda k: (order.index(k[0]), k[1])):
            where = describe(name, self.local.rows[name][key])
            difference = self._whole(f"{name}:new:{key}", ADD, where, "new in the directory")
            self._note(difference, ("add", name, key))

    def _new_shared(self, name: str, rows: Iterable[dict[str, Any]], wanted: list[Key]) -> None:
        for fk in foreign_keys(name):
            if fk.table in GLOBAL:
                for row in rows:
                    pointer = self.to_team(fk.table, row[fk.column])
                    if isinstance(pointer, New) and (fk.table, pointer.local_id) not in wanted:
                        wanted.append((fk.table, pointer.local_id))

    # -- speakers and organisations --------------------------------------------------------
    def _linked_shared(self) -> Iterator[tuple[str, int, int, dict[str, Any]]]:
        """(table, local id, team id, local row) of each shared row linked when taken that the
        team still has."""
        for each in copied_tables():
            if each.name not in GLOBAL or not has_id(each):
                continue
            links, base = self.taken.links[each.name], self.taken.base[each.name]
            for key, row in self.local.rows[each.name].items():
                linked = links.get(key)
                if linked is not None and linked in base and linked in self.team.rows[each.name]:
                    yield each.name, key, linked, row

    def _changed_offline(
        self, name: str, key: int, linked: int, row: dict[str, Any], column: str
    ) -> bool:
        """Whether a column of a shared row changed here since the event was taken."""
        here = self.taken.here[name].get(key)
        if here is not None:  # as it was in this database (it may have differed from the team)
            return bool(plain(row[column]) != here.get(column))
        was = self.taken.base[name][linked].get(column)
        return bool(self.canon(name, row, local=True)[column] != was)

    def _shared(self) -> None:
        """Edits to linked speakers and organisations; one deleted offline is only noted."""
        for name, key, linked, row in self._linked_shared():
            self._fields(name, key, linked, row, self.team.rows[name][linked], shared=True)
        for each in copied_tables():
            name = each.name
            if name not in GLOBAL or not has_id(each):
                continue
            for linked in self.taken.base[name]:
                team_row = self.team.rows[name].get(linked)
                if self.reverse[name].get(linked) in self.local.rows[name] or team_row is None:
                    continue
                where = describe(name, team_row)
                difference = self._whole(
                    f"{name}:{linked}", NOTE, where, "deleted offline", SHARED_NOT_DELETED
                )
                self._note(difference, ("note", name, linked))

    def _under_team_deletion(self, name: str, row: dict[str, Any]) -> bool:
        """A local row that hangs on a row (however far up) the team deleted while offline."""
        waiting = self.parents(name, row)
        seen: set[Key] = set()
        while waiting:
            found = waiting.pop()
            if found in seen:
                continue
            seen.add(found)
            linked = self.taken.links[found[0]].get(found[1])
            if linked is not None and linked not in self.team.rows[found[0]]:
                return True
            above = self.local.rows[found[0]].get(found[1])
            if above is not None:
                waiting.extend(self.parents(found[0], above))
        return False

    def _rows(self, name: str) -> None:
        links = self.taken.links[name]
        team_rows = self.team.rows[name]
        for key, row in self.local.rows[name].items():
            linked = links.get(key)
            if linked is None:
                if not self._under_team_deletion(name, row):
                    where = describe(name, row)
                    said = "added offline"
                    for column, value in self.renumbered.get((name, key), {}).items():
                        said = f"saved offline as {label(column).lower()} {row[column]}; "
                        said += f"becomes {value}"
                    self._note(
                        self._whole(f"{name}:new:{key}", ADD, where, said), ("add", name, key)
                    )
            elif linked not in team_rows:
                if (name, key) in self.local_touched and not self._under_team_deletion(name, row):
                    self._note(
                        self._whole(
                            f"{name}:{linked}",
                            CLASH,
                            describe(name, row),
                            "edited offline",
                            "deleted on the team database",
                        ),
                        ("put_back", name, key),
                    )
            else:
                self._fields(name, key, linked, row, team_rows[linked])
        locals_ = self.local.rows[name]
        for linked, base in self.taken.base[name].items():
            kept = self.reverse[name].get(linked)
            if kept in locals_ or linked not in team_rows or not self._parent_kept(name, base):
                continue
            where = describe(name, team_rows[linked])
            if (name, linked) in self.team_touched:
                difference = self._whole(
                    f"{name}:{linked}",
                    CLASH,
                    where,
                    "deleted offline",
                    "edited on the team database",
                )
            else:
                difference = self._whole(f"{name}:{linked}", DELETE, where, "deleted offline")
            self._note(difference, ("delete", name, linked))

    def _parent_kept(self, name: str, base: dict[str, Any]) -> bool:
        """Every row it hung on (as taken) is still in the offline copy: this is the top deleted
        row, not one that went with a row above it (deleting that on the team takes it too)."""
        for column, parent in cascades(name):
            pointer = base.get(column)
            if (
                pointer is not None
                and self.reverse[parent].get(pointer) not in self.local.rows[parent]
            ):
                return False
        return True

    def _fields(
        self,
        name: str,
        key: int,
        linked: int,
        row: dict[str, Any],
        team_row: dict[str, Any],
        *,
        shared: bool = False,
    ) -> None:
        theirs = self.canon(name, team_row, local=False)
        base = self.taken.base[name].get(linked)
        for column in compared(name):
            if column in DERIVED:
                continue
            kind = self._kind(name, key, linked, row, team_row, column, base, shared=shared)
            if kind is None:
                continue
            was = None if base is None else base.get(column, theirs[column])
            self._note(
                Difference(
                    key=f"{name}:{linked}:{column}",
                    kind=kind,
                    where=describe(name, row),
                    field=column,
                    label=label(column),
                    base=self._show(name, column, was, "base"),
                    offline=self._show(name, column, row[column], "local"),
                    team=self._show(name, column, team_row[column], "team"),
                    is_text=kind == CLASH and is_long_text(name, column),
                ),
                ("edit", name, (key, linked, column)),
            )

    def _kind(
        self,
        name: str,
        key: int,
        linked: int,
        row: dict[str, Any],
        team_row: dict[str, Any],
        column: str,
        base: dict[str, Any] | None,
        *,
        shared: bool,
    ) -> str | None:
        """What a column's difference is: an edit, a clash, or None (nothing to bring)."""
        offline = self.canon(name, row, local=True)[column]
        team = self.canon(name, team_row, local=False)[column]
        is_time = isinstance(table(name).c[column].type, DateTime)
        if base is None:  # the same row made on both sides: no value both started from
            # When it was made or saved is no clash: the team's moment stays.
            return None if offline == team or is_time else CLASH
        was = base.get(column, team)
        if shared:
            if offline == team or not self._changed_offline(name, key, linked, row, column):
                return None
        elif offline in (was, team):
            return None
        kind = EDIT if team == was else CLASH
        if kind == CLASH and _both_times(table(name).c[column].type, row[column], team_row[column]):
            if row[column] < team_row[column]:  # when something was saved: the later stays
                return None
            kind = EDIT
        return kind

    def _show(self, name: str, column: str, value: Any, side: str) -> str:
        if value is None:
            return ""
        for fk in foreign_keys(name):
            if fk.column == column:
                if side == "local":
                    found = self.local.rows[fk.table].get(value)
                else:
                    found = self.team.rows[fk.table].get(value)
                    if found is None and value in self.reverse.get(fk.table, {}):
                        found = self.local.rows[fk.table].get(self.reverse[fk.table][value])
                return describe(fk.table, found) if found else f"{fk.table} {value}"
        return show(typed(name, column, value) if side == "base" else value)

    def _pairs(self, name: str) -> None:
        base = self.taken.pairs[name]
        team = {self.pair(name, row, local=False): row for row in self.team.pairs[name]}
        mine = {self.pair(name, row, local=True): row for row in self.local.pairs[name]}
        for values, row in mine.items():
            if values in base or values in team or not self._pair_can_come(name, row, values):
                continue
            where = self._pair_words(name, values)
            self._note(
                self._whole(f"{name}:+{self._pair_key(values)}", ADD, where, "added offline"),
                ("add_pair", name, row),
            )
        for values in base - set(mine):
            if values not in team or not self._pair_still_offline(name, values):
                continue
            where = self._pair_words(name, values)
            self._note(
                self._whole(f"{name}:-{self._pair_key(values)}", DELETE, where, "removed offline"),
                ("remove_pair", name, team[values]),
            )

    def _pair_can_come(self, name: str, row: dict[str, Any], values: tuple[Any, ...]) -> bool:
        """Every row the pair joins is still on the team (or comes with this bring back)."""
        found = dict(zip(compared(name), values, strict=True))
        for fk in foreign_keys(name):
            value = found[fk.column]
            if value is None:
                return False
            if fk.table in GLOBAL:
                continue
            if isinstance(value, int) and value not in self.team.rows[fk.table]:
                return False
            local_row = self.local.rows[fk.table].get(row[fk.column])
            if local_row is not None and self._under_team_deletion(fk.table, local_row):
                return False
        return True

    def _pair_still_offline(self, name: str, values: tuple[Any, ...]) -> bool:
        """Every row the removed pair joined is still in the copy (else it went with them)."""
        row = self._local_row(name, values)
        return all(row[fk.column] in self.local.rows[fk.table] for fk in foreign_keys(name))

    def _pair_key(self, values: tuple[Any, ...]) -> str:
        return ":".join(f"new{v.local_id}" if isinstance(v, New) else str(v) for v in values)

    def _pair_words(self, name: str, values: tuple[Any, ...]) -> str:
        found = dict(zip(compared(name), values, strict=True))
        parts = []
        for fk in foreign_keys(name):
            value = found[fk.column]
            if isinstance(value, New):
                parts.append(describe(fk.table, self.local.rows[fk.table][value.local_id]))
            else:
                parts.append(self._show(name, fk.column, value, "team"))
        return f"{noun(name)}: {' – '.join(parts)}"
