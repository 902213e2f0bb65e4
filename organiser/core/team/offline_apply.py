"""Applying a bring back to the team database: deletions, new rows, edits, then pairs.

Everything happens in the team's one transaction. New rows get ids from the team database
(parents first, so their children can point at them); an edit only lands on the version of the
row the plan was made from, so nobody's save in between is overwritten. Deletions go parents
first: a row already gone with a row it hangs on (ON DELETE CASCADE) is no change by someone else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from organiser.core.base import VERSION_COLUMN
from organiser.core.errors import Conflict, SavedElsewhere, ValidationError
from organiser.core.parsing import name_key
from organiser.core.planning.validation import TEXT_LIMIT
from organiser.core.team.offline_merge import Merge
from organiser.core.team.offline_plan import CLASH, BringBackPlan, Key, compared
from organiser.core.team.offline_words import describe, noun
from organiser.core.team.transfer_tables import (
    FRESH,
    GLOBAL,
    ROOT,
    cascades,
    copied_tables,
    foreign_keys,
    has_id,
    plain,
    table,
)
from organiser.core.versions import merged_text

CHOICES = ("offline", "team", "both")


class Undecided(Conflict):
    """Clashes without a choice: the bring back waits for a person to decide them."""

    def __init__(self, message: str, *, keys: list[str]) -> None:
        super().__init__(message)
        self.keys = keys


def _clashes(count: int) -> str:
    return "1 clash needs" if count == 1 else f"{count} clashes need"


def holders(names: str) -> list[str]:
    """The people an event's hold names, in the order they took it ("" → nobody)."""
    return [name.strip() for name in names.split(",") if name.strip()]


def released(names: str, who: str | None) -> str:
    """The hold once `who` has the event no longer (one mention of them; None: everybody)."""
    if who is None:
        return ""
    left = holders(names)
    if who in left:
        left.remove(who)
    return ", ".join(left)


def decided(plan: BringBackPlan, choices: Mapping[str, str]) -> dict[str, str]:
    """Each clash's choice; refuses an undecided clash, or “both” for what is not text."""
    for key, choice in choices.items():
        if choice not in CHOICES:
            raise ValidationError(
                f"“{choice}” for {key} is not a choice: use offline, team or both."
            )
    undecided = [d for d in plan.clashes if d.key not in choices]
    if undecided:
        listed = "; ".join(
            f"{d.where}{' ' + d.label if d.label else ''} ({d.key})" for d in undecided[:5]
        )
        more = f" and {len(undecided) - 5} more" if len(undecided) > 5 else ""
        raise Undecided(
            f"“{plan.title}” was changed both offline and on the team database, and "
            f"{_clashes(len(undecided))} a decision first: "
            f"{listed}{more}. Nothing was brought back.",
            keys=[d.key for d in undecided],
        )
    for clash in plan.clashes:
        if choices[clash.key] != "both":
            continue
        if not clash.is_text:
            raise ValidationError(
                f"Only long text can be kept both ways; for {clash.where} {clash.label or ''} "
                "choose offline or team.".replace("  ", " ")
            )
        length = len(merged_text(clash.offline, clash.team))
        if length > TEXT_LIMIT:
            raise ValidationError(
                f"Both texts of {clash.where} {clash.label} together would be {length:,} "
                f"characters, more than the {TEXT_LIMIT:,} characters a text can hold; "
                "choose offline or team. Nothing was brought back."
            )
    return {clash.key: choices[clash.key] for clash in plan.clashes}


class Applier:
    """Writes one planned bring back into the team session."""

    def __init__(self, session: Session, merge: Merge, *, returning: str | None = None) -> None:
        self.session = session
        self.merge = merge
        self.returning = returning  # who brings it back: their name leaves the event's hold
        self.new_ids: dict[Key, int] = {}  # (table, local id) → the team's id for it
        self.gone: set[Key] = set()  # team rows deleted by this bring back
        self.versions: dict[Key, int] = {}  # team rows edited so far: their version now

    def run(self, plan: BringBackPlan, chosen: Mapping[str, str]) -> None:
        """Apply every difference (a clash as chosen), then release the event's hold."""
        todo: dict[str, list[tuple[str, Any, str]]] = defaultdict(list)
        for difference in plan.differences:
            choice = chosen.get(difference.key, "offline")
            if difference.kind == CLASH and choice == "team":
                continue
            what, name, which = self.merge.actions[difference.key]
            todo[what].append((name, which, choice))  # "note": nothing to do
        # A row moved offline off a row deleted offline moves first, or the deletion takes it.
        early = [edit for edit in todo["edit"] if self._moves_away(*edit)]
        self._edit(early)
        order = {each.name: n for n, each in enumerate(copied_tables())}
        for name, linked, _choice in sorted(todo["delete"], key=lambda d: (order[d[0]], d[1])):
            self._delete(name, linked)
        for name, local_id, _choice in todo["add"]:
            if name in GLOBAL:
                self.resolve(name, local_id)
        rows = {(name, key) for name, key, _choice in todo["add"] if name not in GLOBAL}
        put_back = set()
        for name, key, _choice in todo["put_back"]:
            put_back |= self._below(name, key)
        self._insert(rows | put_back)
        self._edit([edit for edit in todo["edit"] if edit not in early])
        for name, row, _choice in todo["remove_pair"]:
            each = table(name)
            self.session.execute(
                delete(each).where(and_(*(each.c[c] == v for c, v in row.items())))
            )
        self._add_pairs([(name, row) for name, row, _choice in todo["add_pair"]], put_back)
        self._release()

    # -- pointers -----------------------------------------------------------------------
    def resolve(self, name: str, local_id: Any) -> int | None:
        """A local pointer as a team id after this bring back (None: nowhere to point)."""
        if local_id is None:
            return None
        if (name, local_id) in self.new_ids:
            return self.new_ids[(name, local_id)]
        merge = self.merge
        if name in GLOBAL:
            return merge.shared_id(name, local_id) or self._add_shared(name, local_id)
        linked = merge.taken.links[name].get(local_id)
        if local_id not in merge.local.rows[name] or linked is None:
            return None
        if linked not in merge.team.rows[name] or (name, linked) in self.gone:
            return None
        return linked

    def _add_shared(self, name: str, local_id: int) -> int | None:
        row = self.merge.local.rows[name].get(local_id)
        if row is None:
            return None
        values, _later = self._values(name, row)
        each = table(name)
        new = self.session.scalar(insert(each).returning(each.c.id), values)
        self.new_ids[(name, local_id)] = int(new)
        return int(new)

    def _values(self, name: str, row: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """A local row's values for the team (pointers resolved); self-pointers put aside."""
        each = table(name)
        values = {c.name: row[c.name] for c in each.columns if c.name != "id"}
        if VERSION_COLUMN in values:
            values[VERSION_COLUMN] = 1
        values.update(FRESH.get(name, {}))
        if "id" in row:
            values.update(self.merge.renumbered.get((name, row["id"]), {}))
        later: dict[str, Any] = {}
        for fk in foreign_keys(name):
            if fk.table == name:
                later[fk.column] = row[fk.column]
                values[fk.column] = None
                continue
            values[fk.column] = self.resolve(fk.table, row[fk.column])
            if values[fk.column] is None and row[fk.column] is not None and not fk.nullable:
                raise Conflict(
                    f"{describe(name, row)} cannot be brought back: the "
                    f"{noun(fk.table).lower()} it belongs to is no longer on the team database. "
                    "Nothing was brought back."
                )
        return values, later

    # -- rows ---------------------------------------------------------------------------
    def _delete(self, name: str, linked: int) -> None:
        each = table(name)
        seen = self.merge.team.rows[name][linked]
        statement = delete(each).where(each.c.id == linked)
        if VERSION_COLUMN in each.c:
            statement = statement.where(each.c[VERSION_COLUMN] == seen[VERSION_COLUMN])
        deleted = self.session.execute(statement).rowcount  # type: ignore[attr-defined]
        if deleted != 1 and not self._went_with(name, seen):
            raise self._saved_meanwhile(name, seen)
        self.gone.add((name, linked))

    def _went_with(self, name: str, row: dict[str, Any]) -> bool:
        """The team row hangs (however far up) on a row this bring back deleted: gone with it."""
        for column, parent in cascades(name):
            pointer = row.get(column)
            if pointer is None:
                continue
            if (parent, pointer) in self.gone:
                return True
            above = self.merge.team.rows[parent].get(pointer)
            if above is not None and self._went_with(parent, above):
                return True
        return False

    def _below(self, name: str, key: int) -> set[Key]:
        """A local row and every row of the copy that hangs on it, however deep.

        Rows the team still has (moved there to another row) stay as they are on the team.
        """
        merge = self.merge
        children: dict[Key, list[Key]] = defaultdict(list)
        for child, rows in merge.local.rows.items():
            if child in GLOBAL:
                continue
            for child_id, row in rows.items():
                linked = merge.taken.links[child].get(child_id)
                if linked is not None and linked in merge.team.rows[child]:
                    continue
                for parent in merge.parents(child, row):
                    children[parent].append((child, child_id))
        found: set[Key] = set()
        waiting = [(name, key)]
        while waiting:
            current = waiting.pop()
            if current not in found:
                found.add(current)
                waiting.extend(children[current])
        return found

    def _insert(self, keys: set[Key]) -> None:
        """Insert local rows, table by table (parents first), in batches."""
        for each in copied_tables():
            wanted = sorted(key for name, key in keys if name == each.name)
            if not wanted or not has_id(each):
                continue
            rows = [self.merge.local.rows[each.name][key] for key in wanted]
            prepared = [self._values(each.name, row) for row in rows]
            statement = insert(each).returning(each.c.id, sort_by_parameter_order=True)
            new_ids = self.session.scalars(statement, [values for values, _ in prepared]).all()
            for key, new in zip(wanted, new_ids, strict=True):
                self.new_ids[(each.name, key)] = new
            for column in {c for _, later in prepared for c in later}:
                pointers = [
                    {"_row": self.new_ids[(each.name, key)], "_to": target}
                    for key, (_values, later) in zip(wanted, prepared, strict=True)
                    if (target := self.resolve(each.name, later.get(column))) is not None
                ]
                if pointers:
                    self.session.execute(
                        update(each)
                        .where(each.c.id == bindparam("_row"))
                        .values({column: bindparam("_to")}),
                        pointers,
                    )

    def _moves_away(self, name: str, which: tuple[int, int, str], _choice: str) -> bool:
        """An edit of a cascading link to a row the team already has (a poll to another
        meeting): made before the deletions, in case the row it leaves is deleted."""
        key, _linked, column = which
        for fk_column, parent in cascades(name):
            if fk_column == column:
                return self.resolve(parent, self.merge.local.rows[name][key][column]) is not None
        return False

    def _edit(self, edits: list[tuple[str, Any, str]]) -> None:
        changes: dict[Key, dict[str, Any]] = defaultdict(dict)
        for name, (key, linked, column), choice in edits:
            row = self.merge.local.rows[name][key]
            value = row[column]
            for fk in foreign_keys(name):
                if fk.column == column:
                    value = self.resolve(fk.table, value)
            if choice == "both":
                value = merged_text(row[column], self.merge.team.rows[name][linked][column])
            changes[(name, linked)][column] = value
            if column == "name" and "name_key" in table(name).c:  # kept in step (unique)
                changes[(name, linked)]["name_key"] = name_key(value or "")
        for (name, linked), values in changes.items():
            each = table(name)
            seen = self.merge.team.rows[name][linked]
            statement = update(each).where(each.c.id == linked)
            if VERSION_COLUMN in each.c:
                version = self.versions.get((name, linked), seen[VERSION_COLUMN])
                statement = statement.where(each.c[VERSION_COLUMN] == version)
                values[VERSION_COLUMN] = each.c[VERSION_COLUMN] + 1
                self.versions[(name, linked)] = version + 1
            if self.session.execute(statement.values(values)).rowcount != 1:  # type: ignore[attr-defined]
                raise self._saved_meanwhile(name, seen)

    def _add_pairs(self, added: list[tuple[str, dict[str, Any]]], put_back: set[Key]) -> None:
        """Pairs added offline, and the pairs of rows put back, where both rows are there."""
        wanted = list(added)
        for name, rows in self.merge.local.pairs.items():
            for row in rows:
                if any((fk.table, row[fk.column]) in put_back for fk in foreign_keys(name)):
                    wanted.append((name, row))
        present = {
            (name, self.merge.pair(name, row, local=False))
            for name, rows in self.merge.team.pairs.items()
            for row in rows
        }
        for name, row in wanted:
            values = dict(row)
            for fk in foreign_keys(name):
                values[fk.column] = self.resolve(fk.table, row[fk.column])
            marker = (name, tuple(plain(values[c]) for c in compared(name)))
            if any(values[fk.column] is None for fk in foreign_keys(name)) or marker in present:
                continue
            present.add(marker)
            self.session.execute(insert(table(name)).values(values))

    def _release(self) -> None:
        """The person bringing it back no longer holds the event (others who took it still do)."""
        event = table(ROOT)
        where = event.c.id == self.merge.team_event_id
        names = self.session.scalar(select(event.c.taken_offline_by).where(where).with_for_update())
        left = released(names or "", self.returning)
        if left == names:
            return
        values = {"taken_offline_by": left} if left else dict(FRESH[ROOT])
        self.session.execute(
            update(event)
            .where(where)
            .values(**values, **{VERSION_COLUMN: event.c[VERSION_COLUMN] + 1})
        )

    def _saved_meanwhile(self, name: str, row: dict[str, Any]) -> SavedElsewhere:
        return SavedElsewhere(
            f"Someone changed {describe(name, row)} on the team database while “"
            f"{self.merge.title}” was being brought back, so nothing was brought back. "
            "Try again: the comparison will include their change."
        )
