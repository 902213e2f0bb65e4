"""Plain data for the creche's printed papers (no ORM, no SQLAlchemy: reports import this).

Every field is already in words: the reports lay it out and decide nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrecheFacts:
    """What heads every creche paper."""

    event_title: str
    date: str  # "Saturday 13 March 2027"
    hours: str  # "Creche 09:45 to 11:45", or says it is not set
    venue: str
    printed: str  # dd/mm/yyyy: a paper with names on it says how fresh it is
    purged: str  # dd/mm/yyyy when the personal data was removed, else ""


@dataclass(frozen=True)
class RegisterLine:
    """One child on the register: who, how old, what to watch for, who may collect."""

    name: str
    age: str  # "3 years (3 and over)"
    allergies: str
    medical: str
    dietary: str
    photos: str  # "Yes" or "No"
    collectors: tuple[str, ...]


@dataclass(frozen=True)
class RegisterSheet:
    """The creche register: the children coming, with room to sign them in and out."""

    facts: CrecheFacts
    ratios: str  # the staff:child ratio check in one sentence
    ages: str  # "By age group: under 2, 1 child; aged 2, 2 children."
    staff: tuple[str, ...]  # "Bronwen Evans, Creche lead, 09:45 to 12:15"
    lines: tuple[RegisterLine, ...]


@dataclass(frozen=True)
class CollectionLine:
    """One child with who may collect them and the password they must give."""

    name: str
    age: str
    collectors: tuple[str, ...]
    password: str  # "" when none is set


@dataclass(frozen=True)
class CollectionSheet:
    """The staff-only sheet of collection passwords."""

    facts: CrecheFacts
    lines: tuple[CollectionLine, ...]


@dataclass(frozen=True)
class BookingLine:
    """One household at the front desk."""

    name: str
    adults: str
    children: str
    access_needs: str
    arrived: bool  # already marked attended
    position: str  # on the waiting list ("1", "2", …), else ""


@dataclass(frozen=True)
class BookingSheet:
    """The booking list and check-in sheet: households booked by name, then the waiting list."""

    facts: CrecheFacts
    times: str  # the event's times, "10:00 to 12:30"
    places: str  # "14 of 20 places booked; creche 6 of 8"
    totals: str  # "13 households booked: 18 adults and 6 children."
    waiting_total: str  # "2 households on the waiting list." or ""
    booked: tuple[BookingLine, ...]
    waiting: tuple[BookingLine, ...]


@dataclass(frozen=True)
class NeedsLine:
    """A child with an allergy, dietary or medical need, and who to contact about it."""

    name: str
    age: str
    allergies: str
    medical: str
    dietary: str
    parent: str
    contact: str


@dataclass(frozen=True)
class AllergyCard:
    """The allergy and medical card for creche staff: the counts, then each child's needs."""

    facts: CrecheFacts
    children: int  # children coming
    summary: tuple[str, ...]  # "1 child with a peanut allergy", "1 child: vegetarian"
    lines: tuple[NeedsLine, ...]
