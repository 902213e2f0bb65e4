"""The lists that hold rows: each has add, edit, delete and undo through organiser.core.crud."""

from __future__ import annotations

import enum


class RowKind(enum.StrEnum):
    """A kind of row, named as a person would ("Delete member")."""

    MEMBERS = "member"
    PROGRAMME = "programme item"
    FUNDS = "funding source"
    COSTS = "cost line"
    MEETINGS = "meeting"
    DECISIONS = "decision"
    ACTIONS = "action item"
    POLLS = "poll"
    POLL_OPTIONS = "poll option"
    BOOKINGS = "booking"
    CHILDREN = "child"
    STAFF = "creche staff member"
    LESSONS = "lesson"
    RECEIVED = "thing received"
