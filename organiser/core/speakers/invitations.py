"""Invitations to one event: status with dates, the fee as a budget line, the slot, warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from organiser.core.base import shared_now
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.kinds import VENUE_FEATURES
from organiser.core.events.models import Event
from organiser.core.parsing import format_time, local_date
from organiser.core.planning.kinds import CostCategory, ItemKind
from organiser.core.planning.models import CostLine, Organisation, ProgrammeItem
from organiser.core.planning.validation import long_text
from organiser.core.records import apply_values, get_or_raise, restore_rows, row_dict
from organiser.core.speakers.kinds import (
    ACTIVE,
    CONFIRM_DAYS_DEFAULT,
    CONFIRM_DAYS_KEY,
    InvitationStatus,
)
from organiser.core.speakers.models import Invitation, Setting, Speaker, StatusChange
from organiser.core.speakers.rules import EventFacts, InvitationFacts, Slot, invitation_warnings
from organiser.core.versions import merge_edit, retry_races, version_of

EDITABLE = (
    "speaker_id",
    "talk_title",
    "length_minutes",
    "status",
    "fee_pence",
    "programme_item_id",
    "brings",
    "arrival",
    "notes",
)


class InvitationRow(NamedTuple):
    """An invitation as the Speakers tab lists it, with its warnings in words."""

    id: int
    speaker_id: int
    speaker: str
    organisation: str
    talk_title: str
    length_minutes: int | None
    status: str
    status_since: dt.date | None
    fee_pence: int | None
    programme_item_id: int | None
    slot: str
    brings: str
    arrival: dt.time | None
    notes: str
    warnings: tuple[str, ...]


def confirm_days(store: Store) -> int:
    """Days before the event by which speakers should have confirmed (a setting, default 14)."""
    with store.begin() as s:
        setting = s.get(Setting, CONFIRM_DAYS_KEY)
        return int(setting.value) if setting and setting.value.isdigit() else CONFIRM_DAYS_DEFAULT


def set_confirm_days(store: Store, *, days: int) -> Changes:
    """Change the confirmation deadline setting."""
    if days < 0 or days > 365:
        raise ValidationError("Choose a number of days from 0 to 365.", field="confirm_days")
    previous = confirm_days(store)
    with store.begin() as s:
        s.merge(Setting(key=CONFIRM_DAYS_KEY, value=str(days)))
    return Changes(Touched.INVITATIONS, previous={"days": previous})


def _check(session: Session, values: Mapping[str, Any], event_id: int) -> None:
    long_text(values)
    if "speaker_id" in values:
        speaker = session.get(Speaker, values["speaker_id"])
        if speaker is None:
            raise ValidationError("Choose a speaker from the directory.", field="speaker_id")
    if "status" in values and values["status"] not in {s.value for s in InvitationStatus}:
        raise ValidationError("Choose a status from the list.", field="status")
    length = values.get("length_minutes")
    if length is not None and (not isinstance(length, int) or not 1 <= length <= 600):
        raise ValidationError("A talk lasts from 1 to 600 minutes.", field="length_minutes")
    fee = values.get("fee_pence")
    if fee is not None and (not isinstance(fee, int) or fee < 0):
        raise ValidationError("A fee cannot be negative.", field="fee_pence")
    item_id = values.get("programme_item_id")
    if item_id is not None:
        item = session.get(ProgrammeItem, item_id)
        if item is None or item.event_id != event_id:
            raise ValidationError(
                "Choose a slot from this event’s programme.", field="programme_item_id"
            )


def _sync_cost(session: Session, invitation: Invitation) -> None:
    """The fee is one line of the event's budget: made, kept up to date, or removed."""
    speaker = session.get(Speaker, invitation.speaker_id)
    name = speaker.name if speaker else "Speaker"
    wanted = bool(invitation.fee_pence) and invitation.status in ACTIVE
    line = session.get(CostLine, invitation.cost_line_id) if invitation.cost_line_id else None
    if not wanted:
        if line is not None:
            session.delete(line)
        invitation.cost_line_id = None
        return
    if line is None:
        line = CostLine(event_id=invitation.event_id, category=CostCategory.FEES.value, item="")
        session.add(line)
    line.item = f"{name}: speaker’s fee or expenses"
    line.supplier = name
    line.estimated_pence = int(invitation.fee_pence or 0)
    session.flush()
    invitation.cost_line_id = line.id


def add_invitation(store: Store, *, event_id: int, values: Mapping[str, Any]) -> Changes:
    """Invite a speaker to an event (status 'idea' unless given)."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        if "speaker_id" not in values:
            raise ValidationError("Choose a speaker from the directory.", field="speaker_id")
        _check(s, values, event_id)
        invitation = Invitation(event_id=event_id, **values)
        s.add(invitation)
        s.flush()
        s.add(StatusChange(invitation_id=invitation.id, status=invitation.status, at=shared_now(s)))
        _sync_cost(s, invitation)
        return Changes(
            Touched.INVITATIONS | Touched.BUDGET | Touched.SPEAKERS,
            event_id=event_id,
            created_id=invitation.id,
            row_id=invitation.id,
        )


@retry_races
def update_invitation(
    store: Store,
    *,
    invitation_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Edit an invitation; a new status is dated, the fee keeps its budget line in step.

    With `base` (the invitation as the editor showed it) and the version it showed, a field
    someone else changed in between is kept, or shown as a clash when both changed it
    (organiser.core.versions). A save racing another at the same instant is retried.
    """
    with store.begin() as s:
        invitation = get_or_raise(s, Invitation, invitation_id, "invitation")
        values = merge_edit(
            invitation,
            values,
            base=base,
            expected_version=expected_version,
            what="invitation",
            row_id=invitation_id,
        )
        _check(s, values, invitation.event_id)
        previous = apply_values(invitation, values, EDITABLE)
        if "status" in previous:
            s.add(
                StatusChange(
                    invitation_id=invitation_id, status=invitation.status, at=shared_now(s)
                )
            )
        _sync_cost(s, invitation)
        s.flush()
        touched = (
            Touched.INVITATIONS | Touched.BUDGET | Touched.PROGRAMME if previous else Touched.NONE
        )
        return Changes(
            touched,
            event_id=invitation.event_id,
            previous=previous,
            row_id=invitation_id,
            row_version=version_of(invitation),
            current={key: getattr(invitation, key) for key in previous},
        )


def invitation_version(store: Store, invitation_id: int) -> int:
    """The invitation's version now: what its editor remembers when it shows it."""
    with store.begin() as s:
        return version_of(get_or_raise(s, Invitation, invitation_id, "invitation"))


def delete_invitation(store: Store, *, invitation_id: int) -> Changes:
    """Remove an invitation with its fee line; the snapshot lets undo bring both back."""
    with store.begin() as s:
        invitation = get_or_raise(s, Invitation, invitation_id, "invitation")
        line = s.get(CostLine, invitation.cost_line_id) if invitation.cost_line_id else None
        history = s.scalars(select(StatusChange).where(StatusChange.invitation_id == invitation_id))
        saved: dict[str, Any] = {
            "row": row_dict(invitation),
            "cost_line": row_dict(line) if line else None,
            "history": [row_dict(h) for h in history],
        }
        s.delete(invitation)
        if line is not None:
            s.delete(line)
        return Changes(
            Touched.INVITATIONS | Touched.BUDGET,
            event_id=saved["row"]["event_id"],
            snapshot=saved,
            row_id=invitation_id,
        )


def restore_invitation(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a deletion."""
    with store.begin() as s:
        if snapshot["cost_line"]:
            restore_rows(s, CostLine, [snapshot["cost_line"]])
        restore_rows(s, Invitation, [snapshot["row"]])
        restore_rows(s, StatusChange, snapshot["history"])
        row = snapshot["row"]
        return Changes(
            Touched.INVITATIONS | Touched.BUDGET,
            event_id=row["event_id"],
            created_id=row["id"],
            row_id=row["id"],
        )


def make_slot(store: Store, *, invitation_id: int, start: dt.time) -> Changes:
    """Create a programme item for the talk (its length, led by the speaker) and link it."""
    with store.begin() as s:
        invitation = get_or_raise(s, Invitation, invitation_id, "invitation")
        speaker = get_or_raise(s, Speaker, invitation.speaker_id, "speaker")
        minutes = invitation.length_minutes or 30
        begin = dt.datetime.combine(dt.date.min, start)
        end = (begin + dt.timedelta(minutes=minutes)).time()
        if end <= start:
            raise ValidationError("The talk would run past midnight.", field="start")
        item = ProgrammeItem(
            event_id=invitation.event_id,
            start=start,
            end=end,
            title=invitation.talk_title or f"Talk by {speaker.name}",
            kind=ItemKind.INFORMATION.value,
            lead=speaker.name,
        )
        s.add(item)
        s.flush()
        previous = {"programme_item_id": invitation.programme_item_id}
        invitation.programme_item_id = item.id
        return Changes(
            Touched.INVITATIONS | Touched.PROGRAMME,
            event_id=invitation.event_id,
            previous=previous,
            row_id=invitation_id,
            snapshot={"item": row_dict(item), "invitation_id": invitation_id},
        )


def unmake_slot(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Undo make_slot: the programme item goes, the invitation has no slot again."""
    with store.begin() as s:
        s.execute(delete(ProgrammeItem).where(ProgrammeItem.id == snapshot["item"]["id"]))
        invitation = get_or_raise(s, Invitation, snapshot["invitation_id"], "invitation")
        invitation.programme_item_id = None
        return Changes(
            Touched.INVITATIONS | Touched.PROGRAMME,
            event_id=invitation.event_id,
            row_id=invitation.id,
        )


def _slot_text(item: ProgrammeItem | None) -> str:
    if item is None:
        return ""
    return f"{format_time(item.start)}–{format_time(item.end)} {item.title}"


def list_invitations(store: Store, event_id: int, *, today: dt.date) -> list[InvitationRow]:
    """The event's invitations with their warnings; the confirmed first, then by name."""
    days = confirm_days(store)
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        rows = s.execute(
            select(Invitation, Speaker, Organisation.name, ProgrammeItem)
            .join(Speaker, Invitation.speaker_id == Speaker.id)
            .outerjoin(Organisation, Speaker.organisation_id == Organisation.id)
            .outerjoin(ProgrammeItem, Invitation.programme_item_id == ProgrammeItem.id)
            .where(Invitation.event_id == event_id)
            .order_by(Invitation.id)
        ).all()
        since = dict(
            s.execute(
                select(StatusChange.invitation_id, StatusChange.at)
                .join(Invitation, Invitation.id == StatusChange.invitation_id)
                .where(Invitation.event_id == event_id)
                .order_by(StatusChange.at)
            ).all()
        )
        facts = [
            InvitationFacts(
                inv.id,
                speaker.id,
                speaker.name,
                inv.status,
                inv.length_minutes,
                Slot(item.title, item.start, item.end) if item else None,
                speaker.access_needs,
            )
            for inv, speaker, _org, item in rows
        ]
        venue = {key: bool(getattr(event, key)) for key in VENUE_FEATURES}
        warnings = invitation_warnings(
            facts,
            EventFacts(event.date, event.start_time, event.end_time, venue),
            today=today,
            confirm_days=days,
        )
        found = [
            InvitationRow(
                inv.id,
                speaker.id,
                speaker.name,
                org or "",
                inv.talk_title,
                inv.length_minutes,
                inv.status,
                local_date(since[inv.id]) if inv.id in since else None,
                inv.fee_pence,
                inv.programme_item_id,
                _slot_text(item),
                inv.brings,
                inv.arrival,
                inv.notes,
                tuple(warnings.get(inv.id, [])),
            )
            for inv, speaker, org, item in rows
        ]
    order = {status.value: n for n, status in enumerate(InvitationStatus)}
    # Confirmed speakers first, then invited, ideas, declined, cancelled; by name within each.
    order[InvitationStatus.CONFIRMED.value] = -1
    return sorted(found, key=lambda r: (order[r.status], r.speaker.casefold()))


def status_history(store: Store, invitation_id: int) -> list[tuple[str, dt.datetime]]:
    """Each status the invitation had, with when it changed."""
    with store.begin() as s:
        rows = s.execute(
            select(StatusChange.status, StatusChange.at)
            .where(StatusChange.invitation_id == invitation_id)
            .order_by(StatusChange.at, StatusChange.id)
        )
        return [(status, at) for status, at in rows]


def confirmed_speakers(store: Store, event_id: int) -> list[tuple[str, str]]:
    """(name, organisation) of confirmed speakers, for the flyer and the summary report."""
    with store.begin() as s:
        rows = s.execute(
            select(Speaker.name, Organisation.name)
            .join(Invitation, Invitation.speaker_id == Speaker.id)
            .outerjoin(Organisation, Speaker.organisation_id == Organisation.id)
            .where(
                Invitation.event_id == event_id,
                Invitation.status == InvitationStatus.CONFIRMED.value,
            )
            .order_by(Speaker.name)
        )
        return [(name, org or "") for name, org in rows]
