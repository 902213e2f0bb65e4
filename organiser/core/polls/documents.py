"""Plain data for the printed poll grid (no ORM, no SQLAlchemy: reports import this)."""

from __future__ import annotations

from dataclasses import dataclass

# What the printed grid writes in a box for each answer; the key on the paper explains it.
LETTERS = {"yes": "Y", "if need be": "I", "no": "N"}


@dataclass(frozen=True)
class PollOptionLine:
    """A row of the paper grid: one possible date, time and place, and the answers so far."""

    date: str
    times: str
    place: str
    address: str
    features: tuple[str, ...]
    chosen: bool
    answers: tuple[str, ...]  # one letter (Y, I, N) or "" per column of PollSheet.people


@dataclass(frozen=True)
class PollSheet:
    """Everything the printed availability grid shows."""

    event_title: str
    title: str
    purpose: str
    closed: bool
    people: tuple[str, ...]
    options: tuple[PollOptionLine, ...]
