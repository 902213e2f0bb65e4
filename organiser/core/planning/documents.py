"""Plain data for printed planning documents (no ORM, no SQLAlchemy: reports import this)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgrammeLine:
    """One line of a printed running order."""

    start: str
    end: str
    title: str
    kind: str
    lead: str
    room: str
    notes: str
    alongside: bool


@dataclass(frozen=True)
class ProgrammeSheet:
    """Everything the printed programme shows."""

    title: str
    date: str
    times: str
    venue: str
    venue_address: str
    access: tuple[str, ...]
    lines: tuple[ProgrammeLine, ...]
    total: str
    booking_contact: str
