"""An event's flyer draft, its images, saved versions, comments and sign-offs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base, utc_now
from organiser.core.flyer.kinds import Alignment, Placement, Template


class FlyerImage(Base):
    """An image chosen for a flyer, kept in the database so moving the file loses nothing."""

    __tablename__ = "flyer_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(260), default="")
    mime: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class FlyerWords:
    """The flyer's words, as the draft holds them and each language version translates them
    (the booking link is the draft's only: an address or a number reads the same)."""

    title: Mapped[str] = mapped_column(Text, default="")
    strapline: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(Text, default="")
    venue_text: Mapped[str] = mapped_column(Text, default="")
    expect: Mapped[str] = mapped_column(Text, default="")
    hear_from: Mapped[str] = mapped_column(Text, default="")
    creche_text: Mapped[str] = mapped_column(Text, default="")
    refreshments_text: Mapped[str] = mapped_column(Text, default="")
    cost_text: Mapped[str] = mapped_column(Text, default="")
    access_text: Mapped[str] = mapped_column(Text, default="")
    booking_text: Mapped[str] = mapped_column(Text, default="")
    credit_line: Mapped[str] = mapped_column(Text, default="")


class Flyer(FlyerWords, Base):
    """The current draft of an event's flyer: its words, template and theme."""

    __tablename__ = "flyer"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), unique=True, index=True
    )
    template: Mapped[str] = mapped_column(String(20), default=Template.A4_POSTER.value)
    booking_link: Mapped[str] = mapped_column(Text, default="")
    image_id: Mapped[int | None] = mapped_column(ForeignKey("flyer_image.id", ondelete="SET NULL"))
    image_placement: Mapped[str] = mapped_column(String(30), default=Placement.NONE.value)
    text_colour: Mapped[str] = mapped_column(String(7), default="#1A1A1A")
    background_colour: Mapped[str] = mapped_column(String(7), default="#FFFFFF")
    accent_colour: Mapped[str] = mapped_column(String(7), default="#0B4F6C")
    body_size: Mapped[int] = mapped_column(Integer, default=14)
    heading_size: Mapped[int] = mapped_column(Integer, default=34)
    alignment: Mapped[str] = mapped_column(String(10), default=Alignment.LEFT.value)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class FlyerVersion(Base):
    """A saved version: the draft's content at that moment, who saved it and why."""

    __tablename__ = "flyer_version"
    __table_args__ = (UniqueConstraint("flyer_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    flyer_id: Mapped[int] = mapped_column(ForeignKey("flyer.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    saved_by: Mapped[str] = mapped_column(String(200), default="")
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    content: Mapped[str] = mapped_column(Text)  # JSON of the draft's fields


class FlyerComment(Base):
    """A working-group member's comment on a version."""

    __tablename__ = "flyer_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("flyer_version.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    author: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class FlyerSignOff(Base):
    """A member's approval of a version, or their request for changes."""

    __tablename__ = "flyer_sign_off"
    __table_args__ = (UniqueConstraint("version_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("flyer_version.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    decision: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class FlyerTranslation(FlyerWords, Base):
    """A language version of the flyer: its words in another language, beside the English,
    with who in the working group (someone who reads it) checked the translation."""

    __tablename__ = "flyer_translation"
    __table_args__ = (UniqueConstraint("flyer_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    flyer_id: Mapped[int] = mapped_column(ForeignKey("flyer.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(60))  # as people name it: "Arabic", "Polish"
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    checked_by: Mapped[str] = mapped_column(String(200), default="")  # kept if they leave
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    # The flyer's headings in the language ("" prints the English): kinds.HEADINGS.
    heading_when: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_where: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_expect: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_hear_from: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_creche: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_refreshments: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_cost: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_access: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_booking: Mapped[str] = mapped_column(Text, default="", server_default="")
