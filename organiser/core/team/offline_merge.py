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

Merge is built in layers: offline_match (both sides in the team's terms, rows made on both
sides matched), offline_fields (the field-by-field merge, speakers and organisations) and
offline_rows (rows added and deleted, and their cascades); `plan()` here runs them in order.
"""

from __future__ import annotations

from organiser.core.team.offline_plan import BringBackPlan
from organiser.core.team.offline_rows import RowMerge
from organiser.core.team.transfer_tables import GLOBAL, copied_tables, has_id


class Merge(RowMerge):
    """The three-way comparison of one event: `plan()` lists it, offline_apply applies it."""

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
