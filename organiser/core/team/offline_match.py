"""Both sides of a bring back in the team's terms, and the rows made on both sides matched.

The offline copy and the team's event are each read as a Side; every value of the copy is
compared in the team's terms (`canon`): a foreign key becomes the team id of the row it points
at (through the links recorded when the event was taken), or `New` for a row added offline.

A row added offline that the team has as well — the same unique key (a flyer, a creche, a
theme of the same name), or made on both sides the first time a screen opened (SAME_IF) — is
the same row (`_match`): linked to the team's, so what hangs on it offline goes under it.
Versions numbered within their parent (a flyer's versions) added offline are numbered after
the team's highest (RENUMBER).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

from sqlalchemy import UniqueConstraint, select
from sqlalchemy.orm import Session

from organiser.core.team.offline_plan import Difference, Key, New, Side, Taken, compared
from organiser.core.team.transfer_read import Extract, rows_by_id
from organiser.core.team.transfer_tables import (
    GLOBAL,
    ROOT,
    copied_tables,
    foreign_keys,
    has_id,
    match_columns,
    match_key,
    plain,
    table,
)

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


class Matched:
    """One event's two sides in the team's terms, rows made on both sides linked as one.

    The base of Merge: it holds what the comparison found (`differences`, `actions`).
    """

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
        local_row = self.local.rows[name].get(local_id)
        return None if local_row is None else self._by_name[name].get(match_key(name, local_row))

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

    def _owned(self, side: Side) -> Iterator[tuple[str, dict[int, dict[str, Any]]]]:
        return ((n, rows) for n, rows in side.rows.items() if n not in GLOBAL)

    def _note(self, difference: Difference, action: tuple[str, str, Any]) -> None:
        self.differences.append(difference)
        self.actions[difference.key] = action

    def _whole(
        self, key: str, kind: str, where: str, offline: str = "", team: str = ""
    ) -> Difference:
        return Difference(key, kind, where, "", "", "", offline, team, False)

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
                    their_id = theirs.pop(found, None) if found is not None else None
                    if their_id is not None and their_id not in back:
                        links[key] = their_id
                        back[their_id] = key
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
