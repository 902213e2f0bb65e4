"""How speaker and invitation changes are reversed: each inverse is another service call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from organiser.core.changes import Changes
from organiser.core.db import Store
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers
from organiser.ui.ops import Call, Inverse
from organiser.ui.undo import record_inverse


def speaker_inverse(store: Callable[[], Store]) -> Inverse:
    """Add ↔ delete, delete ↔ restore, edit ↔ edit back (archiving is an edit)."""
    return record_inverse(
        restore=lambda saved: speakers.restore_speaker(store(), snapshot=saved),
        delete=lambda row_id: speakers.delete_speaker(store(), speaker_id=row_id),
        update=lambda row_id, values: speakers.update_speaker(
            store(), speaker_id=row_id, values=values
        ),
        checked=lambda row_id, values, base, version: speakers.update_speaker(
            store(), speaker_id=row_id, values=values, base=base, expected_version=version
        ),
    )


def merge_inverse(store: Callable[[], Store]) -> Inverse:
    """Merge ↔ unmerge: the snapshot brings the duplicate back, `previous` merges again."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            snapshot = changes.snapshot
            return lambda: speakers.unmerge_speakers(store(), snapshot=snapshot)
        keep_id, merge_id = changes.previous["keep_id"], changes.previous["merge_id"]
        return lambda: speakers.merge_speakers(store(), keep_id=keep_id, merge_id=merge_id)

    return inverse


def invitation_inverse(store: Callable[[], Store]) -> Inverse:
    """Add ↔ delete, delete ↔ restore (with its fee line and history), edit ↔ edit back."""
    return record_inverse(
        restore=lambda saved: invitations.restore_invitation(store(), snapshot=saved),
        delete=lambda row_id: invitations.delete_invitation(store(), invitation_id=row_id),
        update=lambda row_id, values: invitations.update_invitation(
            store(), invitation_id=row_id, values=values
        ),
    )


def slot_inverse(store: Callable[[], Store], invitation_id: int, start: dt.time) -> Inverse:
    """Make a slot ↔ remove it again."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            snapshot = changes.snapshot
            return lambda: invitations.unmake_slot(store(), snapshot=snapshot)
        return lambda: invitations.make_slot(store(), invitation_id=invitation_id, start=start)

    return inverse


def confirm_days_inverse(store: Callable[[], Store]) -> Inverse:
    """A new confirmation deadline ↔ the one before."""

    def inverse(changes: Changes) -> Call:
        days = int(changes.previous["days"])
        return lambda: invitations.set_confirm_days(store(), days=days)

    return inverse
