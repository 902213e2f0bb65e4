"""Plain, frozen rows the UI shows: no ORM object leaves the core.

Rows that can number thousands are NamedTuples: a tenth of the cost of a frozen dataclass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy.orm import Session

from organiser.core.errors import ValidationError
from organiser.core.planning.models import Member
from organiser.core.records import get_or_raise


@dataclass(frozen=True)
class MemberRow:
    """A working-group member."""

    id: int
    name: str
    role: str
    organisation: str
    email: str
    phone: str
    access_needs: str
    availability_notes: str
    consent_to_keep: bool
    consent_date: dt.date | None
    duplicate: bool

    @classmethod
    def of(cls, member: Member, organisation: str, *, duplicate: bool) -> MemberRow:
        """Copy a member out of the session."""
        return cls(
            id=member.id,
            name=member.name,
            role=member.role,
            organisation=organisation,
            email=member.email,
            phone=member.phone,
            access_needs=member.access_needs,
            availability_notes=member.availability_notes,
            consent_to_keep=member.consent_to_keep,
            consent_date=member.consent_date,
            duplicate=duplicate,
        )


class ProgrammeRow(NamedTuple):
    """A programme item with the warnings that concern it."""

    id: int
    start: dt.time
    end: dt.time
    title: str
    kind: str
    lead: str
    room: str
    notes: str
    alongside: bool
    warnings: tuple[str, ...]


class FundRow(NamedTuple):
    """A funding source."""

    id: int
    name: str
    amount_pence: int
    conditions: str


class CostRow(NamedTuple):
    """A cost line."""

    id: int
    item: str
    category: str
    estimated_pence: int
    actual_pence: int | None
    supplier: str
    paid: bool


def member_name(s: Session, event_id: int, member_id: int | None) -> str:
    """The name of a member of this event's working group ("" for None), for a row that
    keeps who did something (signed off, checked a translation) even after they leave."""
    if member_id is None:
        return ""
    member = get_or_raise(s, Member, member_id, "member")
    if member.event_id != event_id:
        raise ValidationError("Choose someone from this event's working group.")
    return member.name
