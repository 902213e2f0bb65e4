"""The speakers directory: add, edit, archive, merge, and where each has spoken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import Conflict, ValidationError
from organiser.core.events.models import Event
from organiser.core.organisations import organisation_id_for, organisation_name
from organiser.core.parsing import name_key, sort_key
from organiser.core.planning.models import Member, Organisation
from organiser.core.planning.validation import long_text, required
from organiser.core.records import apply_values, get_or_raise, restore_rows, row_dict
from organiser.core.speakers.models import Invitation, Speaker
from organiser.core.versions import merge_edit, retry_races, version_of

EDITABLE = (
    "name",
    "organisation_id",
    "role_title",
    "topics",
    "bio",
    "email",
    "phone",
    "access_needs",
    "equipment",
    "usual_fee_pence",
    "photo_consent",
    "credit_consent",
    "notes",
    "archived",
)
BIO_ADVICE = 300  # characters that fit a flyer's "Hear from …" line


class SpeakerRow(NamedTuple):
    """A speaker as the directory lists them."""

    id: int
    name: str
    organisation: str
    role_title: str
    topics: str
    bio: str
    email: str
    phone: str
    access_needs: str
    equipment: str
    usual_fee_pence: int | None
    photo_consent: bool
    credit_consent: bool
    notes: str
    archived: bool
    events: int


@dataclass(frozen=True)
class PastEvent:
    """An event a speaker was invited to."""

    event_id: int
    title: str
    date: dt.date | None
    talk: str
    status: str


def _prepare(
    session: Session, values: Mapping[str, Any], current: Mapping[str, Any]
) -> dict[str, Any]:
    prepared = dict(values)
    if "organisation" in prepared:
        prepared["organisation_id"] = organisation_id_for(session, prepared.pop("organisation"))
    long_text(prepared)
    if "name" in prepared or not current:
        required(prepared, current, "name", "A speaker’s name")
    fee = prepared.get("usual_fee_pence")
    if fee is not None and (not isinstance(fee, int) or fee < 0):
        raise ValidationError("A fee cannot be negative.", field="usual_fee_pence")
    return prepared


def list_speakers(store: Store, *, include_archived: bool = False) -> list[SpeakerRow]:
    """The directory by name, with how many events each speaker was invited to."""
    with store.begin() as s:
        invited = (
            select(Invitation.speaker_id, func.count(func.distinct(Invitation.event_id)).label("n"))
            .group_by(Invitation.speaker_id)
            .subquery()
        )
        query = (
            select(
                Speaker.id,
                Speaker.name,
                func.coalesce(Organisation.name, ""),
                *(getattr(Speaker, f) for f in SpeakerRow._fields[3:-1]),
                func.coalesce(invited.c.n, 0),
            )
            .outerjoin(Organisation, Speaker.organisation_id == Organisation.id)
            .outerjoin(invited, invited.c.speaker_id == Speaker.id)
        )
        if not include_archived:
            query = query.where(Speaker.archived.is_(False))
        # Core rows, not ORM loading: a fifth faster for a directory of 10,000.
        rows = [SpeakerRow._make(r) for r in s.connection().execute(query).all()]
    return sorted(rows, key=lambda r: (sort_key(r.name), r.id))


def add_speaker(store: Store, *, values: Mapping[str, Any]) -> Changes:
    """Add a speaker to the directory."""
    with store.begin() as s:
        prepared = _prepare(s, values, {})
        speaker = Speaker(**prepared)
        s.add(speaker)
        s.flush()
        touched = Touched.SPEAKERS | (
            Touched.ORGANISATIONS if "organisation_id" in prepared else Touched.NONE
        )
        return Changes(touched, created_id=speaker.id, row_id=speaker.id)


@retry_races
def update_speaker(
    store: Store,
    *,
    speaker_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Edit a speaker; `previous` lets undo put the old values back.

    With `base` (the speaker as the editor showed them) and the version it showed, fields
    someone else changed in between are kept or shown as a clash (organiser.core.versions).
    A save racing another one at the same instant is read again and retried.
    """
    with store.begin() as s:
        speaker = get_or_raise(s, Speaker, speaker_id, "speaker")
        values = merge_edit(
            speaker,
            values,
            base=base,
            expected_version=expected_version,
            what="speaker",
            row_id=speaker_id,
            stored={"organisation": organisation_name(s, speaker.organisation_id)},
        )
        prepared = _prepare(s, values, row_dict(speaker))
        previous = apply_values(speaker, prepared, EDITABLE)
        s.flush()
        touched = Touched.SPEAKERS | Touched.INVITATIONS if previous else Touched.NONE
        return Changes(
            touched,
            previous=previous,
            row_id=speaker_id,
            row_version=version_of(speaker),
            current={key: getattr(speaker, key) for key in previous},
        )


def speaker_version(store: Store, speaker_id: int) -> int:
    """The speaker row's version now: what the directory's editor remembers when it shows it."""
    with store.begin() as s:
        return version_of(get_or_raise(s, Speaker, speaker_id, "speaker"))


def delete_speaker(store: Store, *, speaker_id: int) -> Changes:
    """Delete a speaker who was never invited; one with invitations is archived instead."""
    with store.begin() as s:
        speaker = get_or_raise(s, Speaker, speaker_id, "speaker")
        invited = s.scalar(select(func.count()).where(Invitation.speaker_id == speaker_id))
        if invited:
            raise Conflict(
                f"{speaker.name} has {invited} invitation{'s' if invited != 1 else ''}, so they "
                "stay in the directory: archive them instead to hide them."
            )
        saved = {"row": row_dict(speaker)}
        s.delete(speaker)
        return Changes(Touched.SPEAKERS, snapshot=saved, row_id=speaker_id)


def restore_speaker(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a deletion."""
    with store.begin() as s:
        restore_rows(s, Speaker, [snapshot["row"]])
        speaker_id = snapshot["row"]["id"]
        return Changes(Touched.SPEAKERS, created_id=speaker_id, row_id=speaker_id)


def speaker_from_member(store: Store, *, member_id: int) -> Changes:
    """Make a working-group member a speaker (or find them if already in the directory)."""
    with store.begin() as s:
        member = get_or_raise(s, Member, member_id, "member")
        key = name_key(member.name)
        for speaker in s.scalars(select(Speaker).order_by(Speaker.id)):
            if name_key(speaker.name) == key:
                return Changes(Touched.NONE, created_id=speaker.id, row_id=speaker.id)
        speaker = Speaker(
            name=member.name,
            organisation_id=member.organisation_id,
            email=member.email,
            phone=member.phone,
            access_needs=member.access_needs,
            role_title="Working group member",
        )
        s.add(speaker)
        s.flush()
        return Changes(Touched.SPEAKERS, created_id=speaker.id, row_id=speaker.id)


def merge_speakers(store: Store, *, keep_id: int, merge_id: int) -> Changes:
    """Fold a duplicate into the speaker kept: invitations move, blank details are filled."""
    if keep_id == merge_id:
        raise ValidationError("Choose two different speakers to merge.")
    with store.begin() as s:
        keep = get_or_raise(s, Speaker, keep_id, "speaker")
        merged = get_or_raise(s, Speaker, merge_id, "speaker")
        moved = list(s.scalars(select(Invitation.id).where(Invitation.speaker_id == merge_id)))
        filled = {
            f: getattr(merged, f)
            for f in EDITABLE
            if f not in ("name", "archived") and not getattr(keep, f) and getattr(merged, f)
        }
        previous = apply_values(keep, filled, EDITABLE)
        s.execute(
            update(Invitation).where(Invitation.speaker_id == merge_id).values(speaker_id=keep_id)
        )
        saved = {"row": row_dict(merged), "moved": moved, "keep_id": keep_id, "previous": previous}
        s.delete(merged)
        return Changes(Touched.SPEAKERS | Touched.INVITATIONS, snapshot=saved, row_id=keep_id)


def unmerge_speakers(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a merge: the duplicate comes back with its invitations."""
    with store.begin() as s:
        restore_rows(s, Speaker, [snapshot["row"]])
        merged_id = snapshot["row"]["id"]
        if snapshot["moved"]:
            s.execute(
                update(Invitation)
                .where(Invitation.id.in_(snapshot["moved"]))
                .values(speaker_id=merged_id)
            )
        keep = get_or_raise(s, Speaker, snapshot["keep_id"], "speaker")
        apply_values(keep, snapshot["previous"], EDITABLE)
        return Changes(
            Touched.SPEAKERS | Touched.INVITATIONS,
            previous={"keep_id": snapshot["keep_id"], "merge_id": merged_id},
            row_id=snapshot["keep_id"],
        )


def past_events(store: Store, speaker_id: int) -> list[PastEvent]:
    """Events the speaker was invited to, most recent first."""
    with store.begin() as s:
        rows = s.execute(
            select(Event.id, Event.title, Event.date, Invitation.talk_title, Invitation.status)
            .join(Invitation, Invitation.event_id == Event.id)
            .where(Invitation.speaker_id == speaker_id)
            .order_by(Invitation.id)
        )
        found = [PastEvent(*r) for r in rows]
    return sorted(found, key=lambda p: p.date or dt.date.min, reverse=True)
