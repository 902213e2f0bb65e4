"""What the creche register, collection sheet, booking list and allergy card need, read from
the database in one go each and put into words."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from organiser.core.creche.allergies import needs_in, summarise
from organiser.core.creche.bookings import places_in
from organiser.core.creche.counts import ratios_in
from organiser.core.creche.documents import (
    AllergyCard,
    BookingLine,
    BookingSheet,
    CollectionLine,
    CollectionSheet,
    CrecheFacts,
    NeedsLine,
    RegisterLine,
    RegisterSheet,
)
from organiser.core.creche.kinds import HOLDING, BookingStatus
from organiser.core.creche.ratios import RatioCheck
from organiser.core.creche.rows import BookingRow, ChildRow, StaffRow
from organiser.core.creche.service import bookings_in, children_in, settings_in, staff_in
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.parsing import format_date, format_time, local_date, long_date, sort_key
from organiser.core.records import get_or_raise


def _times(start: dt.time | None, end: dt.time | None) -> str:
    """ "10:00 to 11:45", "from 10:00", "until 11:45", or ""."""
    if start and end:
        return f"{format_time(start)} to {format_time(end)}"
    if start:
        return f"from {format_time(start)}"
    return f"until {format_time(end)}" if end else ""


def _facts(s: Session, event_id: int, today: dt.date) -> CrecheFacts:
    event = get_or_raise(s, Event, event_id, "event")
    settings = settings_in(s, event_id)
    hours = _times(settings.session_start, settings.session_end)
    return CrecheFacts(
        event_title=event.title,
        date=long_date(event.date),
        hours=f"Creche {hours}" if hours else "Creche hours not set yet",
        venue=event.venue_name,
        printed=format_date(today),
        purged=format_date(local_date(settings.purged_at)) if settings.purged_at else "",
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _stated(text: str) -> str:
    """The need as written (its lines joined by "; "), or "" when it says there is none
    ("None", "no allergies")."""
    if not needs_in(text):
        return ""
    return "; ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _collectors(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _age(child: ChildRow) -> str:
    """ "2 years 6 months (aged 2)": the age at the event and the ratio's age group."""
    band = f"{child.band[:1].lower()}{child.band[1:]}"
    if child.age is None:
        return f"{child.age_text} (counted as {band})"
    return f"{child.age_text} ({band})"


def _coming(s: Session, event_id: int) -> list[ChildRow]:
    """The children booked in (booked or attended), by name: the order staff look them up in."""
    children = [c for c in children_in(s, event_id, holding_only=True) if not c.anonymised]
    return sorted(children, key=lambda c: (sort_key(c.full_name), c.id))


def _ages(ratios: RatioCheck) -> str:
    if not ratios.children:
        return ""
    parts = [
        f"{band.label[:1].lower()}{band.label[1:]}, {_plural(band.children, 'child', 'children')}"
        for band in ratios.bands
        if band.children
    ]
    return "By age group: " + "; ".join(parts) + "."


def _staff_line(member: StaffRow) -> str:
    hours = _times(member.on_from, member.on_until) or "the whole session"
    return ", ".join(part for part in (member.name, member.role, hours) if part)


def register_sheet(store: Store, event_id: int, *, today: dt.date) -> RegisterSheet:
    """The children coming, with allergies and medical needs, photo consent and who may collect
    (never the collection password)."""
    with store.begin() as s:
        facts = _facts(s, event_id, today)
        children = _coming(s, event_id)
        ratios = ratios_in(s, event_id)
        staff = staff_in(s, event_id)
    return RegisterSheet(
        facts=facts,
        ratios=ratios.summary(),
        ages=_ages(ratios),
        staff=tuple(_staff_line(m) for m in staff),
        lines=tuple(
            RegisterLine(
                name=child.full_name,
                age=_age(child),
                allergies=_stated(child.allergies),
                medical=_stated(child.medical),
                dietary=_stated(child.dietary),
                photos="Yes" if child.photo_consent else "No",
                collectors=_collectors(child.collectors),
            )
            for child in children
        ),
    )


def collection_sheet(store: Store, event_id: int, *, today: dt.date) -> CollectionSheet:
    """Each child coming with who may collect them and their collection password (staff only)."""
    with store.begin() as s:
        facts = _facts(s, event_id, today)
        children = _coming(s, event_id)
    return CollectionSheet(
        facts=facts,
        lines=tuple(
            CollectionLine(
                name=child.full_name,
                age=child.age_text,
                collectors=_collectors(child.collectors),
                password=child.collection_password.strip(),
            )
            for child in children
        ),
    )


def _booking_line(row: BookingRow) -> BookingLine:
    return BookingLine(
        name=row.name,
        adults=str(row.adults),
        children=str(row.children),
        access_needs=_stated(row.access_needs),
        arrived=row.status == BookingStatus.ATTENDED.value,
        position=str(row.position) if row.position else "",
    )


def booking_sheet(store: Store, event_id: int, *, today: dt.date) -> BookingSheet:
    """Households booked (and arrived) by name, then the waiting list in its order."""
    with store.begin() as s:
        facts = _facts(s, event_id, today)
        event = get_or_raise(s, Event, event_id, "event")
        times = _times(event.start_time, event.end_time)
        rows = bookings_in(s, event_id)
        places = places_in(s, event_id).words()
    # The totals count every booking; after the purge only those kept are listed by name.
    holding = [r for r in rows if r.status in HOLDING]
    waiting = sorted(
        (r for r in rows if r.status == BookingStatus.WAITING.value),
        key=lambda r: (r.position or 0, r.id),
    )
    totals = (
        f"{_plural(len(holding), 'household', 'households')} booked: "
        f"{_plural(sum(r.adults for r in holding), 'adult', 'adults')} and "
        f"{_plural(sum(r.children for r in holding), 'child', 'children')}."
    )
    arrived = sum(r.status == BookingStatus.ATTENDED.value for r in holding)
    if arrived:
        totals += f" {arrived} arrived so far."
    waiting_total = (
        f"{_plural(len(waiting), 'household', 'households')} on the waiting list."
        if waiting
        else ""
    )
    booked = sorted(
        (r for r in holding if not r.anonymised), key=lambda r: (sort_key(r.name), r.id)
    )
    waiting = [r for r in waiting if not r.anonymised]
    return BookingSheet(
        facts=facts,
        times=times,
        places=places[:1].upper() + places[1:],
        totals=totals,
        waiting_total=waiting_total,
        booked=tuple(_booking_line(r) for r in booked),
        waiting=tuple(_booking_line(r) for r in waiting),
    )


def allergy_card(store: Store, event_id: int, *, today: dt.date) -> AllergyCard:
    """The allergy and dietary counts, then each child with a need and who to contact."""
    with store.begin() as s:
        facts = _facts(s, event_id, today)
        children = _coming(s, event_id)
        contacts = {b.id: b.contact for b in bookings_in(s, event_id)}
    lines = []
    for child in children:
        allergies, medical, dietary = (
            _stated(child.allergies),
            _stated(child.medical),
            _stated(child.dietary),
        )
        if allergies or medical or dietary:
            lines.append(
                NeedsLine(
                    name=child.full_name,
                    age=child.age_text,
                    allergies=allergies,
                    medical=medical,
                    dietary=dietary,
                    parent=child.booking,
                    contact=contacts.get(child.booking_id, "").strip(),
                )
            )
    summary = summarise((c.allergies, c.dietary) for c in children)
    return AllergyCard(
        facts=facts,
        children=len(children),
        summary=tuple(need.words() for need in summary),
        lines=tuple(lines),
    )
