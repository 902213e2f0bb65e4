"""Verbs on an event's working group, programme and budget (one transaction each)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from organiser.core.attendance import attendance_in
from organiser.core.base import Base
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.events.reading import get_event
from organiser.core.parsing import format_time, long_date, name_key
from organiser.core.planning.documents import ProgrammeLine, ProgrammeSheet
from organiser.core.planning.models import (
    CostLine,
    FundingSource,
    Member,
    Organisation,
    ProgrammeItem,
)
from organiser.core.planning.rows import CostRow, FundRow, MemberRow, ProgrammeRow
from organiser.core.planning.rules import BudgetSummary, ProgrammeCheck, check_programme, sum_budget
from organiser.core.records import get_or_raise


def list_members(store: Store, event_id: int) -> list[MemberRow]:
    """The working group, in the order members joined; duplicate names flagged."""
    with store.begin() as s:
        rows = s.execute(
            select(Member, Organisation.name)
            .outerjoin(Organisation, Member.organisation_id == Organisation.id)
            .where(Member.event_id == event_id)
            .order_by(Member.id)
        ).all()
        keys = [name_key(m.name) for m, _ in rows]
        return [
            MemberRow.of(member, org or "", duplicate=keys.count(key) > 1)
            for (member, org), key in zip(rows, keys, strict=True)
        ]


def list_organisations(store: Store) -> list[str]:
    """The shared directory of organisations, by name."""
    with store.begin() as s:
        return list(s.scalars(select(Organisation.name).order_by(Organisation.name_key)))


def _plain_rows(session: Any, row_type: type[Any], model: type[Base], event_id: int) -> list[Any]:
    """Rows straight from the columns a NamedTuple names: no ORM objects, ten times faster."""
    names = [n for n in row_type._fields if hasattr(model, n)]
    query = select(*(getattr(model, n) for n in names)).where(
        model.event_id == event_id  # type: ignore[attr-defined]
    )
    rows: list[Any] = list(
        session.connection().execute(query.order_by(model.id)).all()  # type: ignore[attr-defined]
    )
    return rows


def programme(store: Store, event_id: int) -> tuple[list[ProgrammeRow], ProgrammeCheck]:
    """The running order sorted by time, each item with its warnings, and the checks of the
    whole (overlaps, gaps, total length): one query for both."""
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        items = sorted(
            _plain_rows(s, ProgrammeRow, ProgrammeItem, event_id),
            key=lambda i: (i.start, i.end, i.id),
        )
    check = check_programme(items, event_start=event.start_time, event_end=event.end_time)
    # Each plain row is every field but the last (warnings), which the check adds.
    rows = [ProgrammeRow._make((*i, tuple(check.per_item.get(i.id, [])))) for i in items]
    return rows, check


def list_programme(store: Store, event_id: int) -> list[ProgrammeRow]:
    """The running order, sorted by time, each item with its warnings."""
    return programme(store, event_id)[0]


def programme_check(store: Store, event_id: int) -> ProgrammeCheck:
    """Overlaps, gaps and total length of the running order."""
    return programme(store, event_id)[1]


def list_funds(store: Store, event_id: int) -> list[FundRow]:
    """Funding sources of an event, in the order they were added."""
    with store.begin() as s:
        return [FundRow._make(r) for r in _plain_rows(s, FundRow, FundingSource, event_id)]


def list_costs(store: Store, event_id: int) -> list[CostRow]:
    """Cost lines of an event, in the order they were added."""
    with store.begin() as s:
        return [CostRow._make(r) for r in _plain_rows(s, CostRow, CostLine, event_id)]


def budget(store: Store, event_id: int) -> BudgetSummary:
    """Totals: funds, estimated and actual costs, what is left, cost per attendee."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        funds = s.scalars(
            select(FundingSource.amount_pence).where(FundingSource.event_id == event_id)
        )
        # Summed in SQL per (paid, actual known) group: at most four rows, whatever the count.
        costs = s.execute(
            select(
                func.sum(CostLine.estimated_pence),
                func.sum(CostLine.actual_pence),
                CostLine.paid,
            )
            .where(CostLine.event_id == event_id)
            .group_by(CostLine.paid, CostLine.actual_pence.is_(None))
        )
        return sum_budget(
            list(funds),
            [(int(e), None if a is None else int(a), bool(p)) for e, a, p in costs],
            attendance=attendance_in(s, event_id)[0],
        )


def programme_sheet(store: Store, event_id: int) -> ProgrammeSheet:
    """What the printed running order needs, as plain text."""
    event = get_event(store, event_id)
    rows, check = programme(store, event_id)
    times = ""
    if event.start_time and event.end_time:
        times = f"{format_time(event.start_time)} to {format_time(event.end_time)}"
    return ProgrammeSheet(
        title=event.title,
        date=long_date(event.date),
        times=times,
        venue=event.venue_name,
        venue_address=event.venue_address,
        access=tuple(event.venue_features),
        lines=tuple(
            ProgrammeLine(
                start=format_time(r.start),
                end=format_time(r.end),
                title=r.title,
                kind=r.kind,
                lead=r.lead,
                room=r.room,
                notes=r.notes,
                alongside=r.alongside,
            )
            for r in rows
        ),
        total=check.total_text if rows else "",
        booking_contact=event.booking_contact,
    )
