"""Undo for the creche: settings put back, and a booking's status changed and changed back."""

from __future__ import annotations

from organiser.core import crud
from organiser.core.changes import Changes
from organiser.core.creche import service as creche
from organiser.core.db import Store
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.undo import row_inverse


def settings_inverse(store: Store, event_id: int | None = None) -> Inverse:
    """An edit of the creche's settings is undone by putting the old values back (of the
    event the edit names, else `event_id`)."""

    def inverse(changes: Changes) -> Call:
        edited = changes.event_id if changes.event_id is not None else event_id
        assert edited is not None
        previous = dict(changes.previous)
        version, left = changes.row_version, dict(changes.current)
        if version is not None and left:  # never over a setting someone else changed since
            return lambda: creche.update_creche(
                store, event_id=edited, values=previous, base=left, expected_version=version
            )
        return lambda: creche.update_creche(store, event_id=edited, values=previous)

    return inverse


def set_status(runner: OpRunner, text: str, booking_id: int, status: str) -> Changes | None:
    """Give a booking another status as one named, undoable step."""
    store = runner.store
    return runner.push(
        text,
        lambda: crud.update_row(
            store, kind=RowKind.BOOKINGS, row_id=booking_id, values={"status": status}
        ),
        row_inverse(store, RowKind.BOOKINGS),
    )
