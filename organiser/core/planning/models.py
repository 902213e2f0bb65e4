"""Working group, organisations, programme and budget of an event."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base
from organiser.core.planning.kinds import NEW_ITEM_KIND, CostCategory, Role


class Organisation(Base):
    """A shared directory entry: the same organisation across events and tabs."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)


class Member(Base):
    """A member of an event's working group."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(60), default=Role.OTHER.value)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    access_needs: Mapped[str] = mapped_column(Text, default="")
    availability_notes: Mapped[str] = mapped_column(Text, default="")
    consent_to_keep: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[dt.date | None] = mapped_column(Date)


class ProgrammeItem(Base):
    """One item of the running order; times are the local wall clock."""

    __tablename__ = "programme_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    start: Mapped[dt.time] = mapped_column(Time)
    end: Mapped[dt.time] = mapped_column(Time)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default=NEW_ITEM_KIND.value)
    lead: Mapped[str] = mapped_column(String(200), default="")
    room: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    alongside: Mapped[bool] = mapped_column(Boolean, default=False)


class FundingSource(Base):
    """Money available to the event."""

    __tablename__ = "funding_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int] = mapped_column(Integer, default=0)
    conditions: Mapped[str] = mapped_column(Text, default="")


class CostLine(Base):
    """A cost: estimated when planning, actual once known."""

    __tablename__ = "cost_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), default=CostCategory.OTHER.value)
    estimated_pence: Mapped[int] = mapped_column(Integer, default=0)
    actual_pence: Mapped[int | None] = mapped_column(Integer)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
