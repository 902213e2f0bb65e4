"""Reading a version's sign-off member by member (with their role, for the co-production
ledger), and bringing back a deleted comment (redo of adding it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.flyer.kinds import Decision
from organiser.core.flyer.models import Flyer, FlyerComment, FlyerSignOff, FlyerVersion
from organiser.core.planning.models import Member
from organiser.core.records import NOTHING, get_or_raise, restore


@dataclass(frozen=True)
class MemberDecision:
    """One working-group member's answer on a version (id is the member's)."""

    id: int
    name: str
    role: str
    decision: str | None  # a Decision value, or None while they have not answered
    note: str
    at: dt.datetime | None

    @property
    def approved(self) -> bool:
        return self.decision == Decision.APPROVED.value

    def words(self) -> str:
        """ "Approved", "Changes asked for: bigger type", or "Not yet"."""
        if self.decision is None:
            return "Not yet"
        if self.decision == Decision.CHANGES.value and self.note:
            return f"{self.decision}: {self.note}"
        return self.decision


def member_decisions(store: Store, version_id: int) -> list[MemberDecision]:
    """Every member of the event's working group with their decision on a version."""
    with store.begin() as s:
        version = get_or_raise(s, FlyerVersion, version_id, "flyer version")
        event_id = get_or_raise(s, Flyer, version.flyer_id, "flyer").event_id
        answers = {
            row.member_id: row
            for row in s.execute(
                select(
                    FlyerSignOff.member_id,
                    FlyerSignOff.decision,
                    FlyerSignOff.note,
                    FlyerSignOff.at,
                ).where(FlyerSignOff.version_id == version_id)
            )
        }
        members = s.execute(
            select(Member.id, Member.name, Member.role)
            .where(Member.event_id == event_id)
            .order_by(Member.id)
        ).all()
        decisions: list[MemberDecision] = []
        for member_id, name, role in members:
            answer = answers.get(member_id)
            decisions.append(
                MemberDecision(
                    id=member_id,
                    name=name,
                    role=role or "",
                    decision=answer.decision if answer else None,
                    note=answer.note if answer else "",
                    at=answer.at if answer else None,
                )
            )
        return decisions


def restore_comment(store: Store, *, saved: Mapping[str, Any]) -> Changes:
    """Bring back a deleted comment as it was, with its id, author and time."""
    with store.begin() as s:
        restore(s, FlyerComment, saved, NOTHING)
        comment = get_or_raise(s, FlyerComment, saved["row"]["id"], "comment")
        version = get_or_raise(s, FlyerVersion, comment.version_id, "flyer version")
        event_id = get_or_raise(s, Flyer, version.flyer_id, "flyer").event_id
        return Changes(Touched.FLYER, event_id=event_id, created_id=comment.id, row_id=comment.id)
