"""Speakers (a directory shared by all events) and their invitations to one event."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base, utc_now
from organiser.core.speakers.kinds import InvitationStatus


class Speaker(Base):
    """Someone who speaks or leads a session; reused from event to event."""

    __tablename__ = "speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    role_title: Mapped[str] = mapped_column(String(200), default="")
    topics: Mapped[str] = mapped_column(Text, default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    access_needs: Mapped[str] = mapped_column(Text, default="")
    equipment: Mapped[str] = mapped_column(Text, default="")
    usual_fee_pence: Mapped[int | None] = mapped_column(Integer)
    photo_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    credit_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Invitation(Base):
    """A speaker asked to one event: talk, status, slot, fee (a cost line), arrival."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="RESTRICT"))
    talk_title: Mapped[str] = mapped_column(String(300), default="")
    length_minutes: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=InvitationStatus.IDEA.value)
    fee_pence: Mapped[int | None] = mapped_column(Integer)
    cost_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("cost_line.id", ondelete="SET NULL")
    )
    programme_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id", ondelete="SET NULL")
    )
    brings: Mapped[str] = mapped_column(Text, default="")
    arrival: Mapped[dt.time | None] = mapped_column(Time)
    notes: Mapped[str] = mapped_column(Text, default="")


class StatusChange(Base):
    """When an invitation moved to a status (idea → invited → confirmed / declined …)."""

    __tablename__ = "invitation_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitation.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class Setting(Base):
    """A named setting (for example how many days before an event speakers must confirm)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
