"""Rows added or deleted on one side, and what hangs on them by ON DELETE CASCADE.

What changed where is marked upwards: a row changed, and every row it hangs on has something
changed below (`_touch`). A row deleted on one side and changed on the other (itself or anything
that hangs on it, which deleting it would delete too) is a clash; a row added offline under a
row the team deleted does not come back. Association rows (pairs) are added and removed whole.
"""

from __future__ import annotations

from typing import Any

from organiser.core.team.offline_fields import FieldMerge
from organiser.core.team.offline_plan import ADD, CLASH, DELETE, Key, New, Side, compared
from organiser.core.team.offline_words import describe, label, noun
from organiser.core.team.transfer_tables import GLOBAL, cascades, foreign_keys


class RowMerge(FieldMerge):
    """Rows and pairs added, deleted or put back, with the cascades that decide which."""

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
            taken = self.taken.pairs[name]
            mine = {self.pair(name, pair, local=True): pair for pair in self.local.pairs[name]}
            for pair_key in mine.keys() - taken:
                self._mark_pair(self.local_touched, self.local, name, mine[pair_key])
            for pair_key in taken - mine.keys():
                self._mark_pair(
                    self.local_touched, self.local, name, self._local_row(name, pair_key)
                )
            theirs = {self.pair(name, pair, local=False) for pair in self.team.pairs[name]}
            for pair_key in theirs ^ taken:  # added or removed on the team: team ids either way
                pair = dict(zip(compared(name), pair_key, strict=True))
                self._mark_pair(self.team_touched, self.team, name, pair)

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

    # -- rows added and deleted ----------------------------------------------------------
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
