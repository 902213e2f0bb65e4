"""The co-production ledger, what people with lived experience received, the lessons log and
the summary report's own words."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base, utc_now
from organiser.core.coproduction.kinds import LessonTag


class LedgerEntry(Base):
    """One aspect of the event and the rung of the ladder it reached."""

    __tablename__ = "ledger_entry"
    __table_args__ = (UniqueConstraint("event_id", "aspect"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    aspect: Mapped[str] = mapped_column(String(40))
    rung: Mapped[str] = mapped_column(String(20), default="")  # "" until someone decides
    held_back: Mapped[str] = mapped_column(Text, default="")  # HeldBack values, one per line
    note: Mapped[str] = mapped_column(Text, default="")


ledger_member = Table(
    "ledger_member",
    Base.metadata,
    Column("entry_id", ForeignKey("ledger_entry.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
)


class Received(Base):
    """Something a person with lived experience received for their part (linked to the budget)."""

    __tablename__ = "reciprocity"  # its first name, kept: renaming a table needs a migration

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    what: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int | None] = mapped_column(Integer)
    cost_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("cost_line.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text, default="")


class Lesson(Base):
    """What happened, what was learned, what to do differently."""

    __tablename__ = "lesson"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    happened: Mapped[str] = mapped_column(Text, default="")
    learned: Mapped[str] = mapped_column(Text, default="")
    differently: Mapped[str] = mapped_column(Text, default="")
    tag: Mapped[str] = mapped_column(String(20), default=LessonTag.OTHER.value)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("lesson.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class ReportText(Base):
    """A narrative section of the summary report as edited (kept over the prefilled words)."""

    __tablename__ = "report_text"
    __table_args__ = (UniqueConstraint("event_id", "section"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(String(40), default="")  # on the next-steps row
