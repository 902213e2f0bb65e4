"""How each kind of change is reversed: the inverse of a call's Changes is another call."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from organiser.core import crud
from organiser.core.changes import Changes
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import Call, Inverse

Checked = Callable[[int, Mapping[str, Any], Mapping[str, Any], int], Changes]


def record_inverse(
    *,
    restore: Callable[[Mapping[str, Any]], Changes],
    delete: Callable[[int], Changes],
    update: Callable[[int, Mapping[str, Any]], Changes],
    checked: Checked | None = None,
) -> Inverse:
    """Add ↔ delete, delete ↔ restore, edit ↔ edit back, for any kind of record.

    With `checked` (update given the values the edit left and the version it made), undoing
    an edit never puts back a field someone else has changed since: their change is kept
    and the undo refused in words (organiser.core.errors.EditConflict).
    """

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            snapshot = changes.snapshot
            return lambda: restore(snapshot)
        row_id = changes.row_id
        assert row_id is not None
        if changes.created_id is not None:
            return lambda: delete(row_id)
        previous = dict(changes.previous)
        version, left = changes.row_version, dict(changes.current)
        if checked is not None and version is not None and left:
            return lambda: checked(row_id, previous, left, version)
        return lambda: update(row_id, previous)

    return inverse


def row_inverse(store: Store, kind: RowKind) -> Inverse:
    """Undo for members, items, funds, costs, meetings, decisions, actions, polls, options."""
    return record_inverse(
        restore=lambda saved: crud.restore_row(store, kind=kind, snapshot=saved),
        delete=lambda row_id: crud.delete_row(store, kind=kind, row_id=row_id),
        update=lambda row_id, values: crud.update_row(
            store, kind=kind, row_id=row_id, values=values
        ),
        checked=lambda row_id, values, base, version: crud.update_row(
            store,
            kind=kind,
            row_id=row_id,
            values=values,
            base=base,
            expected_version=version,
        ),
    )


def event_inverse(store: Store) -> Inverse:
    """New or duplicate ↔ delete ↔ restore; edits and archiving put the old values back."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            snapshot = changes.snapshot
            return lambda: events.restore_event(store, snapshot=snapshot)
        event_id = changes.event_id
        assert event_id is not None
        if changes.created_id is not None:
            return lambda: events.delete_event(store, event_id=event_id)
        previous = dict(changes.previous)
        if "archived" in previous:
            archived = bool(previous["archived"])
            return lambda: events.set_archived(store, event_id=event_id, archived=archived)
        version, left = changes.row_version, dict(changes.current)
        return lambda: events.update_event(
            store, event_id=event_id, values=previous, base=left or None, expected_version=version
        )

    return inverse
