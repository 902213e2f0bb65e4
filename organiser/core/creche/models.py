"""Bookings (households coming to the event), their children, creche staff and the creche."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base, utc_now
from organiser.core.creche.kinds import BookingStatus, Qualification


class Booking(Base):
    """A household's booking: the parent or carer, how many adults and children, its status."""

    __tablename__ = "booking"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(320), default="")
    adults: Mapped[int] = mapped_column(Integer, default=1)
    children: Mapped[int] = mapped_column(Integer, default=0)
    access_needs: Mapped[str] = mapped_column(Text, default="")
    heard_from: Mapped[str] = mapped_column(String(200), default="")
    contact_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_consent_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=BookingStatus.BOOKED.value)
    waiting_since: Mapped[dt.datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    source_ref: Mapped[str] = mapped_column(String(200), default="")
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class BookingStatusChange(Base):
    """When a booking moved to a status (waiting list → booked is a promotion)."""

    __tablename__ = "booking_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("booking.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class Child(Base):
    """A child booked into the creche. Age is worked out at the event date."""

    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("booking.id", ondelete="CASCADE"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    age_months: Mapped[int | None] = mapped_column(Integer)
    allergies: Mapped[str] = mapped_column(Text, default="")
    dietary: Mapped[str] = mapped_column(Text, default="")
    medical: Mapped[str] = mapped_column(Text, default="")
    photo_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    collectors: Mapped[str] = mapped_column(Text, default="")
    collection_password: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)


class CrecheStaff(Base):
    """Someone looking after the children: qualification, checks and the hours they are on."""

    __tablename__ = "creche_staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    qualification: Mapped[str] = mapped_column(String(40), default=Qualification.NONE.value)
    first_aid_expiry: Mapped[dt.date | None] = mapped_column(Date)
    dbs_date: Mapped[dt.date | None] = mapped_column(Date)
    on_from: Mapped[dt.time | None] = mapped_column(Time)
    on_until: Mapped[dt.time | None] = mapped_column(Time)
    notes: Mapped[str] = mapped_column(Text, default="")


class Creche(Base):
    """An event's creche settings: its hours, places, oldest age, rule set and retention."""

    __tablename__ = "creche"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), unique=True, index=True
    )
    start: Mapped[dt.time | None] = mapped_column(Time)
    end: Mapped[dt.time | None] = mapped_column(Time)
    places: Mapped[int | None] = mapped_column(Integer)
    max_age_years: Mapped[int] = mapped_column(Integer, default=5)
    rule_set: Mapped[str] = mapped_column(String(40), default="england-group")
    retention_date: Mapped[dt.date | None] = mapped_column(Date)
    purged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
