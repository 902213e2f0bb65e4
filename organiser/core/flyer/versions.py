"""Co-design: saved versions with a note, comparing two, comments, and each working-group
member's sign-off ("approved by 3 of 4 — waiting for …")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.flyer.kinds import CONTENT_FIELDS, LABELS, Decision
from organiser.core.flyer.models import Flyer, FlyerComment, FlyerSignOff, FlyerVersion
from organiser.core.flyer.service import _flyer
from organiser.core.planning.models import Member
from organiser.core.planning.rows import member_name
from organiser.core.planning.validation import long_text
from organiser.core.records import NOTHING, Dependants, get_or_raise, restore, snapshot

VERSION_DEPENDANTS = Dependants(
    children=((FlyerComment, "version_id", NOTHING), (FlyerSignOff, "version_id", NOTHING))
)


@dataclass(frozen=True)
class SignOffStatus:
    approved: tuple[str, ...]
    changes: tuple[str, ...]  # members who asked for changes
    waiting: tuple[str, ...]
    total: int

    @property
    def everyone(self) -> bool:
        return self.total > 0 and len(self.approved) == self.total

    def words(self) -> str:
        """ "approved by 3 of 4 — waiting for Zoë Hartley"."""
        if not self.total:
            return "nobody to sign off yet: add the working group"
        text = f"approved by {len(self.approved)} of {self.total}"
        if self.everyone:
            return f"approved by everyone ({self.total} of {self.total})"
        if self.changes:
            text += " — changes asked for by " + ", ".join(self.changes)
        if self.waiting:
            text += " — waiting for " + ", ".join(self.waiting)
        return text


@dataclass(frozen=True)
class VersionRow:
    id: int
    number: int
    note: str
    saved_by: str
    saved_at: dt.datetime
    status: SignOffStatus
    open_comments: int


@dataclass(frozen=True)
class CommentRow:
    id: int
    author: str
    at: dt.datetime
    text: str
    resolved: bool


def save_version(
    store: Store, *, event_id: int, note: str = "", member_id: int | None = None
) -> Changes:
    """Keep the draft as it is now as the next numbered version."""
    long_text({"note": note})
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        number = (
            s.scalar(select(func.max(FlyerVersion.number)).where(FlyerVersion.flyer_id == flyer.id))
            or 0
        ) + 1
        version = FlyerVersion(
            flyer_id=flyer.id,
            number=number,
            note=note.strip(),
            saved_by_id=member_id,
            saved_by=member_name(s, event_id, member_id),
            content=json.dumps({k: getattr(flyer, k) for k in CONTENT_FIELDS}),
        )
        s.add(version)
        s.flush()
        return Changes(Touched.FLYER, event_id=event_id, created_id=version.id, row_id=version.id)


def delete_version(store: Store, *, version_id: int) -> Changes:
    """Remove a version with its comments and sign-offs (undo of Save version)."""
    with store.begin() as s:
        version = get_or_raise(s, FlyerVersion, version_id, "flyer version")
        event_id = _event_of(s, version)
        saved = snapshot(s, version, VERSION_DEPENDANTS)
        s.delete(version)
        return Changes(Touched.FLYER, event_id=event_id, snapshot=saved, row_id=version_id)


def restore_version(store: Store, *, saved: Mapping[str, Any]) -> Changes:
    """Bring back a deleted version as it was."""
    with store.begin() as s:
        restore(s, FlyerVersion, saved, VERSION_DEPENDANTS)
        version = get_or_raise(s, FlyerVersion, saved["row"]["id"], "flyer version")
        return Changes(Touched.FLYER, event_id=_event_of(s, version), created_id=version.id)


def _event_of(s: Session, version: FlyerVersion) -> int:
    flyer = get_or_raise(s, Flyer, version.flyer_id, "flyer")
    return flyer.event_id


def _status(s: Session, version: FlyerVersion) -> SignOffStatus:
    event_id = _event_of(s, version)
    members = s.execute(
        select(Member.id, Member.name).where(Member.event_id == event_id).order_by(Member.id)
    ).all()
    decisions = dict(
        s.execute(
            select(FlyerSignOff.member_id, FlyerSignOff.decision).where(
                FlyerSignOff.version_id == version.id
            )
        ).all()
    )
    approved = tuple(n for i, n in members if decisions.get(i) == Decision.APPROVED.value)
    changes = tuple(n for i, n in members if decisions.get(i) == Decision.CHANGES.value)
    waiting = tuple(n for i, n in members if i not in decisions)
    return SignOffStatus(approved, changes, waiting, len(members))


def list_versions(store: Store, event_id: int) -> list[VersionRow]:
    """Saved versions, newest first, each with its sign-off and open comments."""
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        versions = s.scalars(
            select(FlyerVersion)
            .where(FlyerVersion.flyer_id == flyer.id)
            .order_by(FlyerVersion.number.desc())
        ).all()
        open_comments = dict(
            s.execute(
                select(FlyerComment.version_id, func.count())
                .where(FlyerComment.resolved.is_(False))
                .group_by(FlyerComment.version_id)
            ).all()
        )
        return [
            VersionRow(
                v.id,
                v.number,
                v.note,
                v.saved_by,
                v.saved_at,
                _status(s, v),
                open_comments.get(v.id, 0),
            )
            for v in versions
        ]


def version_content(store: Store, version_id: int) -> dict[str, Any]:
    """A version's fields as they were saved."""
    with store.begin() as s:
        version = get_or_raise(s, FlyerVersion, version_id, "flyer version")
        return dict(json.loads(version.content))


def version_number(store: Store, version_id: int) -> int:
    with store.begin() as s:
        return get_or_raise(s, FlyerVersion, version_id, "flyer version").number


def changed_fields(older: Mapping[str, Any], newer: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, label) of what differs between two versions, in print order."""
    return [(k, LABELS[k]) for k in CONTENT_FIELDS if older.get(k) != newer.get(k)]


def sign_off_status(store: Store, version_id: int) -> SignOffStatus:
    with store.begin() as s:
        return _status(s, get_or_raise(s, FlyerVersion, version_id, "flyer version"))


def sign_off(
    store: Store,
    *,
    version_id: int,
    member_id: int,
    decision: str | None,
    note: str = "",
) -> Changes:
    """Record (or, with None, take back) a member's decision on a version.

    `previous` holds the decision before, so undo can put it back.
    """
    if decision is not None and decision not in {d.value for d in Decision}:
        raise ValidationError("Choose Approve or Ask for changes.")
    with store.begin() as s:
        version = get_or_raise(s, FlyerVersion, version_id, "flyer version")
        event_id = _event_of(s, version)
        member_name(s, event_id, member_id)
        existing = s.scalar(
            select(FlyerSignOff).where(
                FlyerSignOff.version_id == version_id, FlyerSignOff.member_id == member_id
            )
        )
        previous = {
            "decision": existing.decision if existing else None,
            "note": existing.note if existing else "",
        }
        if existing is not None:
            s.delete(existing)
            s.flush()
        if decision is not None:
            s.add(
                FlyerSignOff(
                    version_id=version_id, member_id=member_id, decision=decision, note=note
                )
            )
        return Changes(Touched.FLYER, event_id=event_id, previous=previous, row_id=version_id)


def add_comment(store: Store, *, version_id: int, member_id: int | None, text: str) -> Changes:
    """A comment on a version from a member of the working group."""
    if not text.strip():
        raise ValidationError("Write the comment first.", field="text")
    long_text({"text": text})
    with store.begin() as s:
        version = get_or_raise(s, FlyerVersion, version_id, "flyer version")
        event_id = _event_of(s, version)
        comment = FlyerComment(
            version_id=version_id,
            member_id=member_id,
            author=member_name(s, event_id, member_id),
            text=text.strip(),
        )
        s.add(comment)
        s.flush()
        return Changes(Touched.FLYER, event_id=event_id, created_id=comment.id, row_id=comment.id)


def delete_comment(store: Store, *, comment_id: int) -> Changes:
    """Remove a comment (undo of adding it)."""
    with store.begin() as s:
        comment = get_or_raise(s, FlyerComment, comment_id, "comment")
        version = get_or_raise(s, FlyerVersion, comment.version_id, "flyer version")
        saved = snapshot(s, comment, NOTHING)
        s.execute(delete(FlyerComment).where(FlyerComment.id == comment_id))
        return Changes(
            Touched.FLYER, event_id=_event_of(s, version), snapshot=saved, row_id=comment_id
        )


def resolve_comment(store: Store, *, comment_id: int, resolved: bool = True) -> Changes:
    """Mark a comment dealt with (or open again)."""
    with store.begin() as s:
        comment = get_or_raise(s, FlyerComment, comment_id, "comment")
        version = get_or_raise(s, FlyerVersion, comment.version_id, "flyer version")
        previous = {"resolved": comment.resolved} if comment.resolved != resolved else {}
        comment.resolved = resolved
        return Changes(
            Touched.FLYER if previous else Touched.NONE,
            event_id=_event_of(s, version),
            previous=previous,
            row_id=comment_id,
        )


def list_comments(store: Store, version_id: int) -> list[CommentRow]:
    """A version's comments, oldest first."""
    with store.begin() as s:
        rows = s.execute(
            select(
                FlyerComment.id,
                FlyerComment.author,
                FlyerComment.at,
                FlyerComment.text,
                FlyerComment.resolved,
            )
            .where(FlyerComment.version_id == version_id)
            .order_by(FlyerComment.at, FlyerComment.id)
        )
        return [CommentRow(*r) for r in rows]


def version_id_of(store: Store, event_id: int, number: int) -> int:
    """The id of version `number` of the event's flyer."""
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        found = s.scalar(
            select(FlyerVersion.id).where(
                FlyerVersion.flyer_id == flyer.id, FlyerVersion.number == number
            )
        )
        if found is None:
            raise NotFound(f"This flyer has no version {number}.")
        return int(found)


def sign_off_summary(store: Store, event_id: int) -> tuple[str, bool]:
    """The flyer's sign-off in one line for the overview, and whether it needs attention."""
    with store.begin() as s:
        flyer_id = s.scalar(select(Flyer.id).where(Flyer.event_id == event_id))
        if flyer_id is None:
            return "Flyer: not drafted yet", False
        newest = s.scalar(
            select(FlyerVersion)
            .where(FlyerVersion.flyer_id == flyer_id)
            .order_by(FlyerVersion.number.desc())
        )
        if newest is None:
            return "Flyer: drafted, no version saved for sign-off yet", False
        status = _status(s, newest)
        return f"Flyer: version {newest.number} {status.words()}", not status.everyone
