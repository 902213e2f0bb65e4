"""What the speaker briefing and the speaker schedule need, read from the database as plain text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.events.reading import EventDetails, get_event
from organiser.core.parsing import format_minutes, format_time, long_date
from organiser.core.planning.rows import ProgrammeRow
from organiser.core.planning.service import list_programme
from organiser.core.speakers.documents import (
    BriefingPage,
    BriefingSheet,
    RunningLine,
    ScheduleLine,
    ScheduleSheet,
)
from organiser.core.speakers.invitations import InvitationRow, list_invitations
from organiser.core.speakers.kinds import ACTIVE, InvitationStatus
from organiser.core.speakers.service import SpeakerRow, list_speakers

STATUS_WORDS = {
    InvitationStatus.CONFIRMED.value: "Confirmed",
    InvitationStatus.INVITED.value: "Invited, not yet confirmed",
    InvitationStatus.IDEA.value: "An idea: not asked yet",
}
# Items printed before and after a speaker's own slot: enough to see what leads into it.
AROUND = 2
_LATE = dt.time.max


def event_times(start: dt.time | None, end: dt.time | None) -> str:
    """'10:00 to 12:30', 'from 10:00', or blank."""
    if start and end:
        return f"{format_time(start)} to {format_time(end)}"
    return f"from {format_time(start)}" if start else ""


def slot_times(item: ProgrammeRow | None) -> str:
    """A programme item's times as '10:30 to 11:00' (blank for no slot)."""
    return event_times(item.start, item.end) if item else ""


def _items(store: Store, event_id: int) -> dict[int, ProgrammeRow]:
    return {item.id: item for item in list_programme(store, event_id)}


def _by_slot(rows: Sequence[InvitationRow], items: dict[int, ProgrammeRow]) -> list[InvitationRow]:
    def key(row: InvitationRow) -> tuple[bool, dt.time, str]:
        item = items.get(row.programme_item_id or 0)
        return (item is None, item.start if item else _LATE, row.speaker.casefold())

    return sorted(rows, key=key)


def _running_order(items: dict[int, ProgrammeRow], item_id: int | None) -> tuple[RunningLine, ...]:
    ordered = list(items.values())
    where = next((n for n, item in enumerate(ordered) if item.id == item_id), None)
    if where is None:
        return ()
    return tuple(
        RunningLine(
            time=f"{format_time(item.start)}–{format_time(item.end)}",
            title=item.title,
            lead=item.lead,
            room=item.room,
            theirs=item.id == item_id,
        )
        for item in ordered[max(0, where - AROUND) : where + AROUND + 1]
    )


def _page(
    row: InvitationRow, speaker: SpeakerRow | None, items: dict[int, ProgrammeRow]
) -> BriefingPage:
    item = items.get(row.programme_item_id or 0)
    return BriefingPage(
        speaker=row.speaker,
        organisation=row.organisation,
        status=STATUS_WORDS.get(row.status, row.status),
        talk=row.talk_title or (item.title if item else ""),
        length=format_minutes(row.length_minutes) if row.length_minutes else "",
        slot=slot_times(item),
        room=item.room if item else "",
        arrival=format_time(row.arrival),
        brings=row.brings,
        provided=speaker.equipment if speaker else "",
        access_needs=speaker.access_needs if speaker else "",
        running_order=_running_order(items, item.id if item else None),
    )


def _event_facts(event: EventDetails) -> dict[str, str]:
    return {
        "event_title": event.title,
        "date": long_date(event.date),
        "times": event_times(event.start_time, event.end_time),
        "venue": event.venue_name,
        "contact": event.booking_contact,
    }


def briefing_sheet(store: Store, event_id: int) -> BriefingSheet:
    """One page per confirmed speaker; if none has confirmed yet, one per invited speaker."""
    event = get_event(store, event_id)
    rows = list_invitations(store, event_id, today=dt.date.today())
    chosen = [r for r in rows if r.status == InvitationStatus.CONFIRMED]
    confirmed = bool(chosen)
    if not chosen:
        chosen = [r for r in rows if r.status == InvitationStatus.INVITED]
    if not chosen:
        raise NotFound(
            f"“{event.title}” has no confirmed or invited speakers yet, so there is no briefing "
            "to print."
        )
    items = _items(store, event_id)
    speakers = {s.id: s for s in list_speakers(store, include_archived=True)}
    return BriefingSheet(
        **_event_facts(event),
        venue_address=event.venue_address,
        access=tuple(event.venue_features),
        confirmed=confirmed,
        pages=tuple(_page(r, speakers.get(r.speaker_id), items) for r in _by_slot(chosen, items)),
    )


def schedule_sheet(store: Store, event_id: int) -> ScheduleSheet:
    """Active invitations (idea, invited, confirmed) by slot time, those without a slot last."""
    event = get_event(store, event_id)
    rows = [
        r for r in list_invitations(store, event_id, today=dt.date.today()) if r.status in ACTIVE
    ]
    if not rows:
        raise NotFound(
            f"“{event.title}” has no speakers invited yet, so there is no schedule to print."
        )
    items = _items(store, event_id)
    speakers = {s.id: s for s in list_speakers(store, include_archived=True)}
    lines = []
    for row in _by_slot(rows, items):
        item = items.get(row.programme_item_id or 0)
        speaker = speakers.get(row.speaker_id)
        lines.append(
            ScheduleLine(
                speaker=row.speaker,
                organisation=row.organisation,
                talk=row.talk_title or (item.title if item else ""),
                when=f"{format_time(item.start)}–{format_time(item.end)}" if item else "",
                room=item.room if item else "",
                arrival=format_time(row.arrival),
                email=speaker.email if speaker else "",
                phone=speaker.phone if speaker else "",
                status=STATUS_WORDS.get(row.status, row.status),
            )
        )
    return ScheduleSheet(**_event_facts(event), lines=tuple(lines))
