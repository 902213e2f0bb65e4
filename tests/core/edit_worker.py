"""One person editing the same working-group member as someone else, run as its own process.

`python edit_worker.py URL MEMBER_ID WHO OWN_FIELD EDITS OUT.json`: opens its own store, prints
"ready", waits for a line on stdin (the starting gun both workers get at once), then makes EDITS
edits of the member. Even edits change the shared field (`availability_notes`) to a value only
this worker writes; odd ones change this worker's own field (`email` or `phone`). Each edit reads
the row as a screen shows it, then saves the whole form with what it showed (`base`) and the
version it showed it at, as the Working group page does.

A clash (EditConflict) is counted and resolved like a person would, alternately "keep mine"
(save again over what is stored now: base = theirs, expected version = the version now) and
"take theirs" (nothing saved). A save that lost a race three times (SavedElsewhere escaping
update_row's own retries) is counted and the edit read again. Any other exception ends the
worker with a traceback and a non-zero exit. Every successful save is logged with the row's
version after it, the field, the value written and the value it replaced as the worker saw it,
so the test can prove that no save overwrote one it had not seen.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from organiser.core import crud, db
from organiser.core.db import Store
from organiser.core.errors import EditConflict, SavedElsewhere
from organiser.core.opening import open_store
from organiser.core.planning.service import list_members
from organiser.core.row_kinds import RowKind

SHARED = "availability_notes"
FORM = ("name", "role", "email", "phone", "access_needs", SHARED)


def shown(store: Store, event_id: int, member_id: int) -> tuple[dict[str, Any], int]:
    """The form as a screen shows it, and the version it shows it at.

    The version is read first: a save made between the two reads then shows up as a newer
    version than the one remembered, so it is merged or refused, never overwritten unseen.
    (Read the other way round, the values could be older than the version: a lost update.)
    """
    version = crud.current_version(store, kind=RowKind.MEMBERS, row_id=member_id)
    (row,) = [m for m in list_members(store, event_id) if m.id == member_id]
    return {key: getattr(row, key) for key in FORM}, version


def new_value(who: str, field: str, number: int) -> str:
    """A value nobody else ever writes: the log can tell every save apart."""
    if field == "email":
        return f"{who.lower()}.{number}@example.org"
    if field == "phone":
        return f"01632 {who} {number:04d}"
    return f"{who} can do mornings, edit {number}"


class Worker:
    def __init__(self, store: Store, event_id: int, member_id: int, who: str, own: str) -> None:
        self.store, self.event_id, self.member_id = store, event_id, member_id
        self.who, self.own = who, own
        self.saves: list[dict[str, Any]] = []  # every successful save
        self.taken: list[dict[str, Any]] = []  # "take theirs": the value and version shown
        self.conflicts = {SHARED: 0, own: 0}
        self.saved_elsewhere = 0  # SavedElsewhere that escaped update_row's three tries
        self.raced = 0  # races update_row retried by itself (StaleDataError → read again)
        self.choices = 0

    def _save(
        self, number: int, field: str, value: str, form: dict[str, Any], version: int
    ) -> None:
        changes = crud.update_row(
            self.store,
            kind=RowKind.MEMBERS,
            row_id=self.member_id,
            values=form | {field: value},
            base=form,
            expected_version=version,
        )
        assert changes.row_version is not None
        self.saves.append(
            {
                "version": changes.row_version,
                "who": self.who,
                "edit": number,
                "field": field,
                "value": value,
                "base": form[field],
                "changed": sorted(changes.previous),
            }
        )

    def edit(self, number: int) -> None:
        """One edit, seen through: saved, or given up for theirs after a clash."""
        field = SHARED if number % 2 == 0 else self.own
        value = new_value(self.who, field, number)
        form, version = shown(self.store, self.event_id, self.member_id)
        while True:
            try:
                self._save(number, field, value, form, version)
                return
            except SavedElsewhere:
                self.saved_elsewhere += 1
                form, version = shown(self.store, self.event_id, self.member_id)
            except EditConflict as exc:
                self.conflicts[field] += 1
                (clash,) = exc.clashes
                assert clash.key == field and clash.mine == value, clash
                self.choices += 1
                if self.choices % 2 == 0:
                    # Take theirs: nothing to save; remember what was shown, to check it.
                    self.taken.append(
                        {"edit": number, "field": field, "theirs": clash.theirs, "at": exc.version}
                    )
                    return
                # Keep mine: save just the chosen field over theirs, at the version it was shown
                # at. (Not the whole form again: its other fields may be older than exc.version,
                # and saved at that version they would overwrite the other person's changes.)
                form, version = {field: clash.theirs}, exc.version

    def count_races(self) -> None:
        """Count the races update_row met (StaleDataError → SavedElsewhere), retried or not."""
        worker = self

        class Counted(SavedElsewhere):
            def __init__(self, *args: Any) -> None:
                worker.raced += 1
                super().__init__(*args)

        db.SavedElsewhere = Counted  # type: ignore[misc]

    def report(self, seconds: float) -> dict[str, Any]:
        return {
            "who": self.who,
            "own": self.own,
            "saves": self.saves,
            "taken": self.taken,
            "conflicts": self.conflicts,
            "saved_elsewhere": self.saved_elsewhere,
            "raced": self.raced,
            "seconds": seconds,
        }


def main(argv: list[str]) -> int:
    url, event_id, member_id, who, own, edits, out = argv
    with closing(open_store(url, daily_backup=False)) as store:
        worker = Worker(store, int(event_id), int(member_id), who, own)
        worker.count_races()
        print("ready", flush=True)
        sys.stdin.readline()  # both workers are let go by the same line
        started = time.perf_counter()
        for number in range(int(edits)):
            worker.edit(number)
        report = worker.report(time.perf_counter() - started)
    Path(out).write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
