"""Warnings about invitations, each said in words (pure: unit-tested with worked examples)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from organiser.core.parsing import format_minutes, format_time, minutes_between
from organiser.core.polls.rules import missing_features, needed_features
from organiser.core.speakers.kinds import ACTIVE, InvitationStatus
from organiser.core.words import plural


@dataclass(frozen=True)
class Slot:
    """The programme item an invitation is linked to."""

    title: str
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class InvitationFacts:
    """What the warnings need to know about one invitation."""

    id: int
    speaker_id: int
    speaker: str
    status: str
    length_minutes: int | None
    slot: Slot | None
    access_needs: str = ""


@dataclass(frozen=True)
class EventFacts:
    """The event's date, times and venue access."""

    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    venue: Mapping[str, bool]


def _overlap(a: Slot, b: Slot) -> bool:
    return a.start < b.end and b.start < a.end


def invitation_warnings(
    invitations: Sequence[InvitationFacts], event: EventFacts, *, today: dt.date, confirm_days: int
) -> dict[int, list[str]]:
    """Warnings per invitation: clashes, short slots, missing or unconfirmed slots, late
    confirmations, slots outside the event, access needs the venue does not meet."""
    found: dict[int, list[str]] = {i.id: [] for i in invitations}
    live = [i for i in invitations if i.status in ACTIVE]
    for invitation in live:
        warn = found[invitation.id].append
        slot = invitation.slot
        for other in live:
            if (
                other.id != invitation.id
                and other.speaker_id == invitation.speaker_id
                and slot is not None
                and other.slot is not None
                and _overlap(slot, other.slot)
            ):
                warn(f"Also on at {format_time(other.slot.start)} in “{other.slot.title}”")
        if slot is not None:
            room = minutes_between(slot.start, slot.end)
            if invitation.length_minutes and invitation.length_minutes > room:
                warn(
                    f"Talk is {format_minutes(invitation.length_minutes)}; "
                    f"the slot is {format_minutes(room)}"
                )
            if (event.start and slot.start < event.start) or (event.end and slot.end > event.end):
                warn("The slot is outside the event’s times")
            if invitation.status != InvitationStatus.CONFIRMED:
                warn("Has a slot but is not confirmed")
        elif invitation.status == InvitationStatus.CONFIRMED:
            warn("Confirmed but has no slot")
        if invitation.status != InvitationStatus.CONFIRMED and event.date is not None:
            days = (event.date - today).days
            if 0 <= days <= confirm_days:
                warn(
                    "Not confirmed, and the event is today"
                    if days == 0
                    else f"Not confirmed, {plural(days, 'day')} before the event"
                )
        lacks = missing_features(needed_features(invitation.access_needs), event.venue)
        if lacks:
            warn(f"Needs {' and '.join(lacks)}, which the venue does not have")
    return found


def summary(warnings: Mapping[int, list[str]], statuses: Mapping[int, str]) -> str:
    """The strip above the list: counts by status, then how many need attention."""
    counts = {s.value: 0 for s in InvitationStatus}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    parts = [f"{n} {status}" for status, n in counts.items() if n]
    attention = sum(1 for w in warnings.values() if w)
    head = " · ".join(parts) if parts else "No invitations yet"
    if attention:
        return f"{head} · ⚠ {attention} need attention"
    return f"{head} · no warnings" if parts else head
