"""Availability polls: options (date, time window, venue) and each member's answers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base


class Poll(Base):
    """A poll to find when and where: for the event itself, or for one of its meetings."""

    __tablename__ = "poll"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    # A poll for a meeting goes with the meeting: left behind it would move the event instead.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class PollOption(Base):
    """A possible date, time window and place, with the place's access features."""

    __tablename__ = "poll_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    start: Mapped[dt.time] = mapped_column(Time)
    end: Mapped[dt.time] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    accessible_toilet: Mapped[bool] = mapped_column(Boolean, default=False)
    parking: Mapped[bool] = mapped_column(Boolean, default=False)
    baby_change: Mapped[bool] = mapped_column(Boolean, default=False)
    creche_room: Mapped[bool] = mapped_column(Boolean, default=False)
    chosen: Mapped[bool] = mapped_column(Boolean, default=False)


class PollAnswer(Base):
    """One member's answer to one option; kept (with the name) if the member leaves."""

    __tablename__ = "poll_answer"
    __table_args__ = (UniqueConstraint("option_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    option_id: Mapped[int] = mapped_column(
        ForeignKey("poll_option.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    member_name: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
