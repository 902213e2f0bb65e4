"""The co-production ledger: per aspect, the rung reached, who was involved, what held it back;
rungs suggested from the data (the user decides), and the profile with its gaps named."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.coproduction.kinds import ASPECTS, Aspect, Group, HeldBack, Rung, group_of
from organiser.core.coproduction.models import LedgerEntry, ledger_member
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.feedback.models import FeedbackResponse
from organiser.core.flyer.kinds import Decision
from organiser.core.flyer.models import Flyer, FlyerSignOff, FlyerVersion
from organiser.core.meetings.models import Decision as MeetingDecision
from organiser.core.meetings.models import Meeting, meeting_attendee
from organiser.core.planning.kinds import Role
from organiser.core.planning.models import Member
from organiser.core.planning.validation import long_text
from organiser.core.polls.models import Poll, PollAnswer, PollOption


@dataclass(frozen=True)
class Suggestion:
    rung: str
    reason: str


@dataclass(frozen=True)
class LedgerRow:
    aspect: str
    rung: str  # "" while undecided
    members: tuple[tuple[int, str], ...]
    held_back: tuple[str, ...]
    note: str
    suggestion: Suggestion | None

    @property
    def group(self) -> str:
        return group_of(self.rung).value if self.rung else ""


@dataclass(frozen=True)
class Profile:
    """Aspects by group, and the gaps: aspects below co-design, said in words."""

    rows: tuple[LedgerRow, ...]
    groups: dict[str, tuple[str, ...]]
    gaps: tuple[str, ...]
    undecided: tuple[str, ...]


def _lived(s: Session, event_id: int) -> list[tuple[int, str]]:
    rows = s.execute(
        select(Member.id, Member.name)
        .where(Member.event_id == event_id, Member.role == Role.LIVED_EXPERIENCE.value)
        .order_by(Member.id)
    )
    return [(int(i), str(n)) for i, n in rows]


def _names(people: Sequence[tuple[int, str]]) -> str:
    names = [n for _i, n in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def suggestions_in(s: Session, event_id: int) -> dict[str, Suggestion]:
    """What the data says about some aspects; each with its reason."""
    lived = _lived(s, event_id)
    lived_ids = {i for i, _n in lived}
    found: dict[str, Suggestion] = {}
    if not lived:
        return found
    who = _names(lived)
    newest = s.scalar(
        select(FlyerVersion.id)
        .join(Flyer, Flyer.id == FlyerVersion.flyer_id)
        .where(Flyer.event_id == event_id)
        .order_by(FlyerVersion.number.desc())
    )
    if newest is not None:
        approved = set(
            s.scalars(
                select(FlyerSignOff.member_id).where(
                    FlyerSignOff.version_id == newest,
                    FlyerSignOff.decision == Decision.APPROVED.value,
                )
            )
        )
        if lived_ids <= approved:
            found[Aspect.FLYER] = Suggestion(
                Rung.CO_DESIGN, f"{who} approved the latest version of the flyer"
            )
        else:
            found[Aspect.FLYER] = Suggestion(
                Rung.CONSULTATION, f"{who} did not sign off the latest version of the flyer"
            )
    answered = s.scalar(
        select(func.count())
        .select_from(PollAnswer)
        .join(PollOption, PollOption.id == PollAnswer.option_id)
        .join(Poll, Poll.id == PollOption.poll_id)
        .where(Poll.event_id == event_id, PollAnswer.member_id.in_(lived_ids))
    )
    polls = s.scalar(select(func.count()).select_from(Poll).where(Poll.event_id == event_id))
    if answered:
        found[Aspect.TIME_VENUE] = Suggestion(
            Rung.CO_DESIGN, f"the time and place came from a poll {who} answered"
        )
    elif polls:
        found[Aspect.TIME_VENUE] = Suggestion(
            Rung.CONSULTATION, f"there was a poll, but {who} did not answer it"
        )
    attended = s.scalar(
        select(func.count(func.distinct(Meeting.id)))
        .join(meeting_attendee, meeting_attendee.c.meeting_id == Meeting.id)
        .where(Meeting.event_id == event_id, meeting_attendee.c.member_id.in_(lived_ids))
    )
    decisions = s.scalar(
        select(func.count())
        .select_from(MeetingDecision)
        .join(Meeting, Meeting.id == MeetingDecision.meeting_id)
        .where(Meeting.event_id == event_id)
    )
    if attended and decisions:
        found[Aspect.CONTENT] = Suggestion(
            Rung.CO_DESIGN,
            f"{who} came to {attended} meeting{'s' if attended != 1 else ''} where decisions "
            "about the session were made",
        )
    responses = s.scalar(
        select(func.count())
        .select_from(FeedbackResponse)
        .where(FeedbackResponse.event_id == event_id)
    )
    if responses:
        found[Aspect.EVALUATION] = Suggestion(
            Rung.CONSULTATION,
            f"feedback was collected from {responses} {'people' if responses != 1 else 'person'}",
        )
    return found


def rows_in(s: Session, event_id: int) -> list[LedgerRow]:
    entries = {
        e.aspect: e for e in s.scalars(select(LedgerEntry).where(LedgerEntry.event_id == event_id))
    }
    involved: dict[int, list[tuple[int, str]]] = {}
    for entry_id, member_id, name in s.execute(
        select(ledger_member.c.entry_id, Member.id, Member.name)
        .join(Member, Member.id == ledger_member.c.member_id)
        .order_by(Member.id)
    ):
        involved.setdefault(entry_id, []).append((member_id, name))
    suggested = suggestions_in(s, event_id)
    rows = []
    for aspect in ASPECTS:
        entry = entries.get(aspect.value)
        rows.append(
            LedgerRow(
                aspect=aspect.value,
                rung=entry.rung if entry else "",
                members=tuple(involved.get(entry.id, ())) if entry else (),
                held_back=tuple(h for h in (entry.held_back if entry else "").splitlines() if h),
                note=entry.note if entry else "",
                suggestion=suggested.get(aspect.value),
            )
        )
    return rows


def list_ledger(store: Store, event_id: int) -> list[LedgerRow]:
    """Every aspect, in order, with what was recorded and what the data suggests."""
    with store.begin() as s:
        return rows_in(s, event_id)


def set_entry(store: Store, *, event_id: int, aspect: str, values: Mapping[str, Any]) -> Changes:
    """Record an aspect's rung, people, what held it back or a note. `previous` holds the old
    values (member_ids included) so undo can put them back."""
    if aspect not in {a.value for a in Aspect}:
        raise ValidationError("Choose an aspect from the list.")
    long_text(values)
    if values.get("rung") and values["rung"] not in {r.value for r in Rung}:
        raise ValidationError("Choose a rung of the ladder from the list.", field="rung")
    held = values.get("held_back")
    if held is not None:
        items = held.splitlines() if isinstance(held, str) else list(held)
        unknown = [h for h in items if h and h not in {k.value for k in HeldBack}]
        if unknown:
            raise ValidationError("Choose what held it back from the list.", field="held_back")
    with store.begin() as s:
        entry = s.scalar(
            select(LedgerEntry).where(
                LedgerEntry.event_id == event_id, LedgerEntry.aspect == aspect
            )
        )
        if entry is None:
            entry = LedgerEntry(event_id=event_id, aspect=aspect)
            s.add(entry)
            s.flush()
        previous: dict[str, Any] = {}
        for key in ("rung", "note"):
            if key in values and getattr(entry, key) != (values[key] or ""):
                previous[key] = getattr(entry, key)
                setattr(entry, key, values[key] or "")
        if held is not None:
            text = "\n".join(items)
            if entry.held_back != text:
                previous["held_back"] = entry.held_back
                entry.held_back = text
        if "member_ids" in values:
            current = sorted(
                s.scalars(
                    select(ledger_member.c.member_id).where(ledger_member.c.entry_id == entry.id)
                )
            )
            wanted = sorted(set(values["member_ids"]))
            if current != wanted:
                members = set(
                    s.scalars(
                        select(Member.id).where(Member.event_id == event_id, Member.id.in_(wanted))
                    )
                )
                if members != set(wanted):
                    raise ValidationError("Choose people from this event's working group.")
                previous["member_ids"] = current
                s.execute(delete(ledger_member).where(ledger_member.c.entry_id == entry.id))
                if wanted:
                    s.execute(
                        insert(ledger_member),
                        [{"entry_id": entry.id, "member_id": m} for m in wanted],
                    )
        return Changes(
            Touched.LEDGER if previous else Touched.NONE, event_id=event_id, previous=previous
        )


def profile_of(rows: Sequence[LedgerRow]) -> Profile:
    """The aspects grouped doing to / for / with, and each gap below co-design in words."""
    groups: dict[str, list[str]] = {g.value: [] for g in Group}
    gaps = []
    for row in rows:
        if not row.rung:
            continue
        groups[row.group].append(row.aspect)
        if group_of(row.rung) is not Group.DOING_WITH:
            why = (row.note or (row.suggestion.reason if row.suggestion else "")).strip()
            why = why.rstrip(".")
            if not why and row.held_back:
                why = "held back by " + ", ".join(h.lower() for h in row.held_back)
            gap = f"{row.aspect}: {row.rung.lower()}"
            gaps.append(f"{gap} — {why}" if why else gap)
    return Profile(
        rows=tuple(rows),
        groups={k: tuple(v) for k, v in groups.items()},
        gaps=tuple(gaps),
        undecided=tuple(r.aspect for r in rows if not r.rung),
    )


def profile(store: Store, event_id: int) -> Profile:
    """The event's co-production profile."""
    return profile_of(list_ledger(store, event_id))
