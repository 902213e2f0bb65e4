"""How poll changes are reversed: answers, choosing an option, and reopening."""

from __future__ import annotations

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.polls import service as polls
from organiser.ui.ops import Call, Inverse


def answer_inverse(store: Store) -> Inverse:
    """Put the member's previous answer back (None clears it again)."""

    def inverse(changes: Changes) -> Call:
        option_id = changes.row_id
        if option_id is None or "member_id" not in changes.previous:
            return lambda: Changes(Touched.NONE)  # nothing changed, so nothing to reverse
        member_id = changes.previous["member_id"]
        answer = changes.previous["answer"]
        return lambda: polls.set_answer(
            store, option_id=option_id, member_id=member_id, answer=answer
        )

    return inverse


def choice_inverse(store: Store, option_id: int) -> Inverse:
    """Choosing ↔ undoing the choice; redo chooses the same option again."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            snapshot = changes.snapshot
            return lambda: polls.undo_choice(store, snapshot=snapshot)
        return lambda: polls.choose_option(store, option_id=option_id)

    return inverse


def closed_inverse(store: Store) -> Inverse:
    """Reopening ↔ closing again (and the other way round)."""

    def inverse(changes: Changes) -> Call:
        poll_id = changes.row_id
        assert poll_id is not None
        closed = bool(changes.previous["closed"])
        return lambda: polls.set_closed(store, poll_id=poll_id, closed=closed)

    return inverse
