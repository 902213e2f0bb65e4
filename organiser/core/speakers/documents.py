"""Plain data for printed speaker documents (no ORM, no SQLAlchemy: reports import this)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunningLine:
    """One item of the running order printed around a speaker's slot."""

    time: str
    title: str
    lead: str
    room: str
    theirs: bool


@dataclass(frozen=True)
class BriefingPage:
    """What one speaker needs to know, every field already in words."""

    speaker: str
    organisation: str
    status: str
    talk: str
    length: str
    slot: str
    room: str
    arrival: str
    brings: str
    provided: str
    access_needs: str
    running_order: tuple[RunningLine, ...]


@dataclass(frozen=True)
class BriefingSheet:
    """The speaker briefing: the event's facts once, then one page per speaker."""

    event_title: str
    date: str
    times: str
    venue: str
    venue_address: str
    access: tuple[str, ...]
    contact: str
    confirmed: bool
    pages: tuple[BriefingPage, ...]


@dataclass(frozen=True)
class ScheduleLine:
    """One speaker on the schedule: who, when, where, how to reach them, where they stand."""

    speaker: str
    organisation: str
    talk: str
    when: str
    room: str
    arrival: str
    email: str
    phone: str
    status: str


@dataclass(frozen=True)
class ScheduleSheet:
    """Every active invitation of an event, by slot time (those without a slot last)."""

    event_title: str
    date: str
    times: str
    venue: str
    contact: str
    lines: tuple[ScheduleLine, ...]
