"""What a service call touched, so each view refreshes only what it shows."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


class Touched(enum.Flag):
    """Areas of the data a change can touch."""

    NONE = 0
    EVENTS = enum.auto()
    DETAILS = enum.auto()
    MEMBERS = enum.auto()
    ORGANISATIONS = enum.auto()
    PROGRAMME = enum.auto()
    BUDGET = enum.auto()
    MEETINGS = enum.auto()
    NOTES = enum.auto()
    ACTIONS = enum.auto()
    POLLS = enum.auto()
    SPEAKERS = enum.auto()
    INVITATIONS = enum.auto()
    BOOKINGS = enum.auto()
    CRECHE = enum.auto()
    FLYER = enum.auto()
    FEEDBACK = enum.auto()
    LEDGER = enum.auto()
    LESSONS = enum.auto()
    REPORT = enum.auto()
    ALL = (
        EVENTS
        | DETAILS
        | MEMBERS
        | ORGANISATIONS
        | PROGRAMME
        | BUDGET
        | MEETINGS
        | NOTES
        | ACTIONS
        | POLLS
        | SPEAKERS
        | INVITATIONS
        | BOOKINGS
        | CRECHE
        | FLYER
        | FEEDBACK
        | LEDGER
        | LESSONS
        | REPORT
    )


@dataclass(frozen=True)
class Changes:
    """The record of one service call: what it touched and how to reverse it."""

    touched: Touched
    event_id: int | None = None
    created_id: int | None = None
    row_id: int | None = None
    previous: dict[str, Any] = field(default_factory=dict)
    snapshot: dict[str, Any] | None = None
    row_version: int | None = None  # the edited row's version after the change
    current: dict[str, Any] = field(default_factory=dict)  # the edited fields' new values
    # Who started it (set by whoever ran the call): a view that started a change and already
    # shows it need not read it back.
    origin: object = field(default=None, compare=False)

    def __contains__(self, flag: Touched) -> bool:
        return bool(self.touched & flag)

    def started_by(self, origin: object) -> Changes:
        """The same change, saying who started it."""
        return replace(self, origin=origin)
