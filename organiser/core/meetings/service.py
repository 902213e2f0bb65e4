"""Verbs on meetings: list, read, attendees, notes with revisions, actions, the agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from organiser.core.base import shared_now
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.meetings.models import (
    ActionItem,
    Decision,
    Meeting,
    NoteRevision,
    meeting_attendee,
)
from organiser.core.meetings.rows import (
    ActionRow,
    DecisionRow,
    MeetingDetails,
    MeetingRow,
    RevisionRow,
)
from organiser.core.meetings.rules import action_standing, revision_due
from organiser.core.parsing import format_date
from organiser.core.planning.models import Member
from organiser.core.planning.validation import TEXT_LIMIT
from organiser.core.records import get_or_raise
from organiser.core.versions import merge_edit, version_of


def list_meetings(store: Store, event_id: int) -> list[MeetingRow]:
    """An event's meetings by date (undated ones last)."""
    with store.begin() as s:
        query = select(
            Meeting.id, Meeting.title, Meeting.date, Meeting.start, Meeting.end, Meeting.place
        ).where(Meeting.event_id == event_id)
        # By id first, so meetings on the same day and hour keep one order on every database.
        rows = [MeetingRow._make(r) for r in s.execute(query.order_by(Meeting.id))]
    return sorted(rows, key=lambda m: (m.date is None, m.date or dt.date.min, m.start or dt.time()))


def get_meeting(store: Store, meeting_id: int) -> MeetingDetails:
    """One meeting with its attendees and decisions."""
    with store.begin() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "meeting")
        attendees = s.scalars(
            select(meeting_attendee.c.member_id).where(meeting_attendee.c.meeting_id == meeting_id)
        )
        decisions = s.execute(
            select(Decision.id, Decision.text)
            .where(Decision.meeting_id == meeting_id)
            .order_by(Decision.id)
        )
        return MeetingDetails(
            id=meeting.id,
            event_id=meeting.event_id,
            title=meeting.title,
            date=meeting.date,
            start=meeting.start,
            end=meeting.end,
            place=meeting.place,
            agenda=meeting.agenda,
            notes=meeting.notes,
            notes_saved_at=meeting.notes_saved_at,
            attendee_ids=tuple(sorted(attendees)),
            decisions=tuple(DecisionRow._make(d) for d in decisions),
        )


def next_meeting(store: Store, event_id: int, *, today: dt.date) -> MeetingRow | None:
    """The soonest meeting from today on."""
    upcoming = [m for m in list_meetings(store, event_id) if m.date and m.date >= today]
    return upcoming[0] if upcoming else None


def set_attendees(store: Store, *, meeting_id: int, member_ids: Iterable[int]) -> Changes:
    """Record who came; `previous` lets undo put the old list back."""
    wanted = sorted(set(member_ids))
    with store.begin() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "meeting")
        members = set(s.scalars(select(Member.id).where(Member.event_id == meeting.event_id)))
        if not set(wanted) <= members:
            raise ValidationError("Attendees must be members of this event’s working group.")
        table = meeting_attendee
        before = sorted(
            s.scalars(select(table.c.member_id).where(table.c.meeting_id == meeting_id))
        )
        if before == wanted:
            return Changes(Touched.NONE, event_id=meeting.event_id, row_id=meeting_id)
        s.execute(delete(table).where(table.c.meeting_id == meeting_id))
        if wanted:
            s.execute(insert(table), [{"meeting_id": meeting_id, "member_id": m} for m in wanted])
        return Changes(
            Touched.MEETINGS,
            event_id=meeting.event_id,
            row_id=meeting_id,
            previous={"attendees": before},
        )


def _save_notes(s: Session, meeting: Meeting, text: str, now: dt.datetime) -> dict[str, str]:
    if len(text) > TEXT_LIMIT:
        raise ValidationError("These notes are longer than 2 million characters.", field="notes")
    previous = {"notes": meeting.notes}
    meeting.notes = text
    meeting.notes_saved_at = now
    newest = s.scalars(
        select(NoteRevision.saved_at)
        .where(NoteRevision.meeting_id == meeting.id)
        .order_by(NoteRevision.id.desc())  # the last kept, whatever its clock said
    ).first()
    if revision_due(newest, now):
        s.add(NoteRevision(meeting_id=meeting.id, saved_at=now, text=text))
    return previous


def save_notes(
    store: Store,
    *,
    meeting_id: int,
    text: str,
    now: dt.datetime | None = None,
    base: str | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Save the notes as typed, keeping a revision every few minutes of editing.

    With `base` (the notes as the editor last loaded or saved them) and the version it had,
    notes someone else saved in between are a clash to choose from, never overwritten.
    """
    with store.begin() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "meeting")
        if meeting.notes == text:
            return Changes(
                Touched.NONE,
                event_id=meeting.event_id,
                row_id=meeting_id,
                row_version=version_of(meeting),
            )
        merge_edit(
            meeting,
            {"notes": text},
            base=None if base is None else {"notes": base},
            expected_version=expected_version,
            what="meeting’s notes",
            row_id=meeting_id,
        )
        previous = _save_notes(s, meeting, text, now or shared_now(s))
        s.flush()
        return Changes(
            Touched.NOTES,
            event_id=meeting.event_id,
            row_id=meeting_id,
            previous=previous,
            row_version=version_of(meeting),
        )


def notes_state(store: Store, meeting_id: int) -> tuple[str, int]:
    """The notes as stored now and the meeting's version: what the notes editor starts from."""
    with store.begin() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "meeting")
        return meeting.notes, version_of(meeting)


def list_revisions(store: Store, meeting_id: int) -> list[RevisionRow]:
    """Earlier versions of a meeting's notes, newest first."""
    with store.begin() as s:
        rows = s.execute(
            select(NoteRevision.id, NoteRevision.saved_at, NoteRevision.text)
            .where(NoteRevision.meeting_id == meeting_id)
            .order_by(NoteRevision.saved_at.desc(), NoteRevision.id.desc())
        )
        return [
            RevisionRow(rid, saved, len(text), " ".join(text.split())[:80])
            for rid, saved, text in rows
        ]


def revision_text(store: Store, revision_id: int) -> str:
    """The whole text of one revision."""
    with store.begin() as s:
        return get_or_raise(s, NoteRevision, revision_id, "revision").text


def restore_revision(store: Store, *, revision_id: int, now: dt.datetime | None = None) -> Changes:
    """Bring back an earlier version; what was there first is kept as a revision too."""
    with store.begin() as s:
        moment = now or shared_now(s)
        revision = get_or_raise(s, NoteRevision, revision_id, "revision")
        meeting = get_or_raise(s, Meeting, revision.meeting_id, "meeting")
        s.add(NoteRevision(meeting_id=meeting.id, saved_at=moment, text=meeting.notes))
        previous = {"notes": meeting.notes}
        meeting.notes = revision.text
        meeting.notes_saved_at = moment
        return Changes(
            Touched.NOTES, event_id=meeting.event_id, row_id=meeting.id, previous=previous
        )


def list_actions(
    store: Store, event_id: int, *, today: dt.date, owner_id: int | None = None
) -> list[ActionRow]:
    """Action items: open first (soonest due first), then done; optionally one owner's."""
    with store.begin() as s:
        query = (
            select(
                ActionItem.id,
                ActionItem.text,
                ActionItem.owner_id,
                Member.name,
                ActionItem.due,
                ActionItem.done,
                ActionItem.done_at,
                ActionItem.meeting_id,
                Meeting.title,
                Meeting.date,
            )
            .outerjoin(Member, ActionItem.owner_id == Member.id)
            .outerjoin(Meeting, ActionItem.meeting_id == Meeting.id)
            .where(ActionItem.event_id == event_id)
        )
        if owner_id is not None:
            query = query.where(ActionItem.owner_id == owner_id)
        rows = []
        for aid, text, oid, owner, due, done, done_at, mid, mtitle, mdate in s.execute(query):
            overdue, standing = action_standing(due=due, done=done, done_at=done_at, today=today)
            raised = f"{mtitle} ({format_date(mdate)})" if mtitle and mdate else (mtitle or "")
            rows.append(
                ActionRow(
                    aid, text, oid, owner or "", due, done, done_at, mid, raised, overdue, standing
                )
            )
    return sorted(rows, key=lambda a: (a.done, a.due is None, a.due or dt.date.max, a.id))


def open_actions_for(store: Store, meeting_id: int, *, today: dt.date) -> list[ActionRow]:
    """Open actions raised elsewhere: what this meeting should check on."""
    details = get_meeting(store, meeting_id)
    return [
        a
        for a in list_actions(store, details.event_id, today=today)
        if not a.done and a.meeting_id != meeting_id
    ]


def add_open_actions_to_agenda(store: Store, *, meeting_id: int, today: dt.date) -> Changes:
    """Append the open actions to the agenda as a checklist (undo restores the agenda)."""
    actions = open_actions_for(store, meeting_id, today=today)
    lines = [
        f"- {a.text}" + (f" ({a.owner}" if a.owner else " (no owner") + f"; {a.standing.lower()})"
        for a in actions
    ]
    with store.begin() as s:
        meeting = get_or_raise(s, Meeting, meeting_id, "meeting")
        if not lines:
            return Changes(Touched.NONE, event_id=meeting.event_id, row_id=meeting_id)
        previous = {"agenda": meeting.agenda}
        heading = "Open actions from earlier meetings:"
        block = "\n".join([heading, *lines])
        meeting.agenda = (
            f"{meeting.agenda.rstrip()}\n\n{block}" if meeting.agenda.strip() else block
        )
        return Changes(
            Touched.MEETINGS, event_id=meeting.event_id, row_id=meeting_id, previous=previous
        )
