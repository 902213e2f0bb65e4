"""How each kind of change is reversed: the inverse of a call's Changes is another call."""

from __future__ import annotations

from organiser.core import crud
from organiser.core.changes import Changes
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.sections import Section
from organiser.ui.ops import Call, Inverse


def row_inverse(store: Store, section: Section) -> Inverse:
    """Add ↔ delete, delete ↔ restore, edit ↔ edit back: for members, items, funds, costs."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            snapshot = changes.snapshot
            return lambda: crud.restore_row(store, section=section, snapshot=snapshot)
        row_id = changes.row_id
        assert row_id is not None
        if changes.created_id is not None:
            return lambda: crud.delete_row(store, section=section, row_id=row_id)
        previous = changes.previous
        return lambda: crud.update_row(store, section=section, row_id=row_id, values=previous)

    return inverse


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
        return lambda: events.update_event(store, event_id=event_id, values=previous)

    return inverse
