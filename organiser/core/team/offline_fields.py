"""The three-way merge of a row's fields, and of the speakers and organisations it uses.

A column changed on one side only takes that side's value; a column changed on both sides
differently is a clash for a person to decide (two moments, such as when notes were saved, are
no clash: the later one stays). A row made on both sides has no value both started from, so a
field that differs is a clash. The speakers and organisations the copy linked are merged the
same way; one deleted offline is only noted, as other events use it, and those the team's
directory lacks are added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import DateTime

from organiser.core.team.offline_match import Matched
from organiser.core.team.offline_plan import (
    ADD,
    CLASH,
    EDIT,
    NOTE,
    SHARED_NOT_DELETED,
    Difference,
    Key,
    New,
    compared,
)
from organiser.core.team.offline_words import describe, is_long_text, label, show, typed
from organiser.core.team.transfer_tables import (
    GLOBAL,
    copied_tables,
    foreign_keys,
    has_id,
    plain,
    table,
)

# Kept in step with another column, never a change of its own (an organisation's name_key).
DERIVED = frozenset({"name_key"})


def _both_times(kind: Any, offline: Any, team: Any) -> bool:
    """Two moments (such as when notes were saved): the later one wins, it is no clash."""
    return isinstance(kind, DateTime) and offline is not None and team is not None


class FieldMerge(Matched):
    """Field-by-field differences of rows both sides have, and of the shared rows used."""

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
