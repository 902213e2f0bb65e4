"""Plain rows the Creche tab, the checks and the printed papers read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class BookingRow:
    id: int
    name: str
    contact: str
    adults: int
    children: int
    access_needs: str
    heard_from: str
    contact_consent: bool
    contact_consent_date: dt.date | None
    status: str
    waiting_since: dt.datetime | None
    notes: str
    source_ref: str
    anonymised: bool
    registered: int  # children with their details entered
    position: int | None  # on the waiting list, from 1


@dataclass(frozen=True)
class ChildRow:
    id: int
    booking_id: int
    booking: str  # the parent or carer's name
    booking_status: str
    first_name: str
    last_name: str
    date_of_birth: dt.date | None
    age_months: int | None  # as entered (used when there is no date of birth)
    allergies: str
    dietary: str
    medical: str
    photo_consent: bool
    collectors: str
    collection_password: str
    notes: str
    anonymised: bool
    age: int | None  # whole months at the event date
    age_text: str
    band: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    role: str
    qualification: str
    first_aid_expiry: dt.date | None
    dbs_date: dt.date | None
    on_from: dt.time | None
    on_until: dt.time | None
    notes: str


@dataclass(frozen=True)
class CrecheSettings:
    start: dt.time | None  # as set here (None: from the programme)
    end: dt.time | None
    places: int | None
    max_age_years: int
    rule_set: str
    retention_date: dt.date | None  # as set (None: 30 days after the event)
    purged_at: dt.datetime | None
    session_start: dt.time | None  # what applies: set here, else the programme's creche item
    session_end: dt.time | None
    session_source: str  # "set here", "from the programme", "not set"
    retention: dt.date | None  # what applies
