"""Plain data for printed meeting documents (no ORM, no SQLAlchemy: reports import this)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionLine:
    """One action item as print shows it, every field already in words."""

    text: str
    owner: str
    due: str
    standing: str
    overdue: bool
    done: bool
    raised_at: str


@dataclass(frozen=True)
class MinutesSheet:
    """Everything the printed minutes of one meeting show."""

    event_title: str
    title: str
    date: str
    times: str
    place: str
    attendees: tuple[str, ...]
    agenda: str
    notes: str
    decisions: tuple[str, ...]
    actions: tuple[ActionLine, ...]
    as_of: str
    notes_saved: str = ""


@dataclass(frozen=True)
class ActionListSheet:
    """All of an event's action items, open ones first, as of a given day."""

    event_title: str
    as_of: str
    open: tuple[ActionLine, ...]
    done: tuple[ActionLine, ...]

    @property
    def overdue(self) -> int:
        """How many open actions are past their due date."""
        return sum(1 for a in self.open if a.overdue)
