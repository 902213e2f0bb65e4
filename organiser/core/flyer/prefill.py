"""A first draft written from the event's own data: what, when, where, who, access, booking."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.creche.models import Creche
from organiser.core.events.kinds import VENUE_FEATURES
from organiser.core.events.models import Event
from organiser.core.parsing import long_date
from organiser.core.planning.kinds import ItemKind
from organiser.core.planning.models import FundingSource, Organisation, ProgrammeItem
from organiser.core.speakers.kinds import InvitationStatus
from organiser.core.speakers.models import Invitation, Speaker

_SKIP = {ItemKind.WELCOME.value, ItemKind.CRECHE.value, ItemKind.REFRESHMENTS.value}


def _clock(value: Any) -> str:
    """9:45am, 12 noon, 2pm: how times are written on UK flyers."""
    if value is None:
        return ""
    if (value.hour, value.minute) == (12, 0):
        return "12 noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def draft_from_event(session: Session, event_id: int) -> dict[str, str]:
    """The flyer's words as the event's data would put them. The cost is not among them: the
    event does not record one, and the flyer prints none until someone types it in."""
    event = session.get(Event, event_id)
    assert event is not None
    items = list(
        session.execute(
            select(ProgrammeItem.title, ProgrammeItem.kind)
            .where(ProgrammeItem.event_id == event_id)
            .order_by(ProgrammeItem.start, ProgrammeItem.id)
        )
    )
    # No date yet: the flyer says nothing of it (and the checklist asks for it), not a "to be set".
    when = long_date(event.date) if event.date else ""
    if event.start_time and event.end_time:
        times = f"{_clock(event.start_time)} to {_clock(event.end_time)}"
        when = f"{when}, {times}" if when else times
    venue = ", ".join(p for p in (event.venue_name, " ".join(event.venue_address.split())) if p)
    speakers = session.execute(
        select(Speaker.name, Organisation.name)
        .join(Invitation, Invitation.speaker_id == Speaker.id)
        .outerjoin(Organisation, Speaker.organisation_id == Organisation.id)
        .where(
            Invitation.event_id == event_id,
            Invitation.status == InvitationStatus.CONFIRMED.value,
        )
        .order_by(Speaker.name)
    )
    funders = session.scalars(
        select(FundingSource.name)
        .where(FundingSource.event_id == event_id)
        .order_by(FundingSource.id)
    ).all()
    access = [
        label
        for key, label in VENUE_FEATURES.items()
        if key != "creche_room" and getattr(event, key)
    ]
    kinds = {kind for _title, kind in items}
    oldest = session.scalar(select(Creche.max_age_years).where(Creche.event_id == event_id)) or 5
    return {
        "title": event.title,
        "strapline": event.purpose.split(". ")[0].rstrip(".") + "." if event.purpose else "",
        "when_text": when,
        "venue_text": venue,
        "expect": "\n".join(title for title, kind in items if kind not in _SKIP),
        "hear_from": "\n".join(f"{n}, {o}" if o else n for n, o in speakers),
        "creche_text": f"Free creche for children aged {oldest} and under: please book a place"
        if ItemKind.CRECHE.value in kinds
        else "",
        "refreshments_text": "Free refreshments" if ItemKind.REFRESHMENTS.value in kinds else "",
        "access_text": ", ".join(access),
        "booking_text": f"To book: {event.booking_contact}" if event.booking_contact else "",
        "credit_line": f"Funded by {' and '.join(funders)}" if funders else "",
    }
