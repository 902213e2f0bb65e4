"""Plain, frozen rows the UI shows: no ORM object leaves the core."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from organiser.core.planning.models import CostLine, FundingSource, Member, ProgrammeItem


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


@dataclass(frozen=True)
class ProgrammeRow:
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


def programme_row(item: ProgrammeItem, warnings: list[str]) -> ProgrammeRow:
    """Copy a programme item out of the session."""
    return ProgrammeRow(
        id=item.id,
        start=item.start,
        end=item.end,
        title=item.title,
        kind=item.kind,
        lead=item.lead,
        room=item.room,
        notes=item.notes,
        alongside=item.alongside,
        warnings=tuple(warnings),
    )


@dataclass(frozen=True)
class FundRow:
    """A funding source."""

    id: int
    name: str
    amount_pence: int
    conditions: str


def fund_row(fund: FundingSource) -> FundRow:
    """Copy a funding source out of the session."""
    return FundRow(fund.id, fund.name, fund.amount_pence, fund.conditions)


@dataclass(frozen=True)
class CostRow:
    """A cost line."""

    id: int
    item: str
    category: str
    estimated_pence: int
    actual_pence: int | None
    supplier: str
    paid: bool


def cost_row(cost: CostLine) -> CostRow:
    """Copy a cost line out of the session."""
    return CostRow(
        cost.id,
        cost.item,
        cost.category,
        cost.estimated_pence,
        cost.actual_pence,
        cost.supplier,
        cost.paid,
    )
