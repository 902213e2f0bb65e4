"""Lessons and what people received, as plain rows for the Co-production and Lessons pages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from organiser.core.coproduction.models import Lesson, Received
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.meetings.models import Meeting
from organiser.core.money import format_pence
from organiser.core.parsing import format_date
from organiser.core.planning.models import CostLine, Member

_SESSION = re.compile(r"\(session (\d+)\)\s*$")


def session_number(title: str) -> int:
    """'Pilates morning (session 3)' → 3; a title without a number is the first session."""
    found = _SESSION.search(title)
    return int(found.group(1)) if found else 1


def meeting_label(title: str, date: dt.date | None) -> str:
    """'Planning the flyer (14/03/2027)', or the title alone when the meeting has no date."""
    day = format_date(date)
    return f"{title} ({day})" if day else title


@dataclass(frozen=True)
class LessonRow:
    """A lesson, where it was raised, and the session it was carried from (if any)."""

    id: int
    happened: str
    learned: str
    differently: str
    tag: str
    meeting_id: int | None
    meeting: str  # "" when not raised at a meeting
    carried_from_id: int | None
    carried_from: str  # the earlier event's title; "" for a lesson of this session
    carried_session: int | None  # its number in the series

    @property
    def origin(self) -> str:
        """Where the lesson came from, in words: a session, a meeting, or ""."""
        if self.carried_from:
            return f"Carried from session {self.carried_session}"
        return f"From the meeting {self.meeting}" if self.meeting else ""


@dataclass(frozen=True)
class ReceivedRow:
    """Something a person received for their part, and the budget line that paid for it."""

    id: int
    member_id: int | None
    member: str
    what: str
    amount_pence: int | None
    cost_line_id: int | None
    cost_line: str
    note: str


def list_lessons(store: Store, event_id: int) -> list[LessonRow]:
    """The lessons log in the order it was written (carried lessons come first)."""
    source = aliased(Lesson)
    query = (
        select(
            Lesson.id,
            Lesson.happened,
            Lesson.learned,
            Lesson.differently,
            Lesson.tag,
            Lesson.meeting_id,
            Meeting.title,
            Meeting.date,
            Lesson.carried_from_id,
            Event.title,
        )
        .outerjoin(Meeting, Meeting.id == Lesson.meeting_id)
        .outerjoin(source, source.id == Lesson.carried_from_id)
        .outerjoin(Event, Event.id == source.event_id)
        .where(Lesson.event_id == event_id)
        .order_by(Lesson.id)
    )
    with store.begin() as s:
        found = s.execute(query).all()
    rows = []
    for lid, happened, learned, differently, tag, mid, mtitle, mdate, cid, ctitle in found:
        rows.append(
            LessonRow(
                id=lid,
                happened=happened,
                learned=learned,
                differently=differently,
                tag=tag,
                meeting_id=mid,
                meeting=meeting_label(mtitle, mdate) if mtitle is not None else "",
                carried_from_id=cid,
                carried_from=ctitle or "",
                carried_session=session_number(ctitle) if ctitle else None,
            )
        )
    return rows


def list_received(store: Store, event_id: int) -> list[ReceivedRow]:
    """What people received, in the order it was recorded, with names and budget lines."""
    query = (
        select(
            Received.id,
            Received.member_id,
            Member.name,
            Received.what,
            Received.amount_pence,
            Received.cost_line_id,
            CostLine.item,
            Received.note,
        )
        .outerjoin(Member, Member.id == Received.member_id)
        .outerjoin(CostLine, CostLine.id == Received.cost_line_id)
        .where(Received.event_id == event_id)
        .order_by(Received.id)
    )
    with store.begin() as s:
        found = s.execute(query).all()
    return [
        ReceivedRow(rid, mid, name or "", what, amount, cid, item or "", note)
        for rid, mid, name, what, amount, cid, item, note in found
    ]


def received_words(rows: Sequence[ReceivedRow]) -> str:
    """'3 things received, £44.00 of them in money or vouchers.' (or that nothing is recorded)."""
    if not rows:
        return "Nothing recorded yet: add what people with lived experience received."
    count = f"{len(rows)} thing{'s' if len(rows) != 1 else ''} received"
    priced = [r.amount_pence for r in rows if r.amount_pence is not None]
    if not priced:
        return f"{count}."
    return f"{count}, worth {format_pence(sum(priced))} where an amount is recorded."
