"""An event's feedback form (its questions), the responses to it, themes and the quote bank."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base, utc_now


class FeedbackQuestion(Base):
    """One question of an event's form. Removing one that has answers archives it instead."""

    __tablename__ = "feedback_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    standard: Mapped[str] = mapped_column(String(30), default="")  # a Standard key, or ""
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    choices: Mapped[str] = mapped_column(Text, default="")  # one per line
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class FeedbackResponse(Base):
    """One person's filled-in form (from paper or an online form)."""

    __tablename__ = "feedback_response"
    __table_args__ = (UniqueConstraint("event_id", "source_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(200), default="Paper form")
    source_key: Mapped[str | None] = mapped_column(String(64))  # an imported row's fingerprint
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id", ondelete="SET NULL"))


class FeedbackAnswer(Base):
    """A response's answer to one question; text answers may be starred for the quote bank."""

    __tablename__ = "feedback_answer"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("feedback_response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("feedback_question.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[str] = mapped_column(Text, default="")  # choices one per line
    starred: Mapped[bool] = mapped_column(Boolean, default=False)


class FeedbackLanguage(Base):
    """A language version of the event's papers for the people who come: the feedback form's
    own words (heading, introduction, how to answer, what each consent means, the closing
    line) and the sign-in sheet's, with who in the working group (someone who reads it)
    checked the translation. Its questions' words are in FeedbackQuestionWords; answers from
    it land in the same questions as the English form's."""

    __tablename__ = "feedback_language"
    __table_args__ = (UniqueConstraint("event_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(60))  # as people name it: "Polish", "Urdu"
    heading: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(Text, default="")  # the date and place, in words
    when_english: Mapped[str] = mapped_column(Text, default="")  # what when_text translated
    intro: Mapped[str] = mapped_column(Text, default="")
    tick_one: Mapped[str] = mapped_column(Text, default="")
    tick_all: Mapped[str] = mapped_column(Text, default="")
    quote_hint: Mapped[str] = mapped_column(Text, default="")
    contact_hint: Mapped[str] = mapped_column(Text, default="")
    online: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str] = mapped_column(Text, default="")
    # The sign-in sheet's words (printed beside the English).
    sign_in_heading: Mapped[str] = mapped_column(Text, default="")
    sign_in_intro: Mapped[str] = mapped_column(Text, default="")
    column_name: Mapped[str] = mapped_column(Text, default="")
    column_adults: Mapped[str] = mapped_column(Text, default="")
    column_children: Mapped[str] = mapped_column(Text, default="")
    column_first_time: Mapped[str] = mapped_column(Text, default="")
    # The phone form's own words (its questions are the paper's).
    phone_send: Mapped[str] = mapped_column(Text, default="")
    phone_problem: Mapped[str] = mapped_column(Text, default="")
    phone_thanks: Mapped[str] = mapped_column(Text, default="")
    phone_sent: Mapped[str] = mapped_column(Text, default="")
    phone_again: Mapped[str] = mapped_column(Text, default="")
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    checked_by: Mapped[str] = mapped_column(String(200), default="")  # kept if they leave
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class FeedbackQuestionWords(Base):
    """One question of the form in a language version: its wording, and its choices one per
    line in the English order (an answer is stored as the English choice in that place)."""

    __tablename__ = "feedback_question_words"
    __table_args__ = (UniqueConstraint("language_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    language_id: Mapped[int] = mapped_column(
        ForeignKey("feedback_language.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("feedback_question.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    choices: Mapped[str] = mapped_column(Text, default="")
    # The English choices `choices` was typed against: if they change, the paper prints them
    # in English until they are typed again (a tick must never land on another choice).
    english_choices: Mapped[str] = mapped_column(Text, default="")


class FeedbackPhoneAddress(Base):
    """Where phones find the event's form while it is collecting: the secret part of its
    address and the port, kept so a card printed before the day still opens it; and the
    computer's network address the latest card printed, so a card that no longer matches the
    network is said."""

    __tablename__ = "feedback_phone_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), unique=True, index=True
    )
    token: Mapped[str] = mapped_column(String(20))
    port: Mapped[int] = mapped_column(Integer)
    card_host: Mapped[str] = mapped_column(String(60), default="")  # "" until a card is printed
    card_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class FeedbackTheme(Base):
    """A theme free-text answers are tagged with (relaxing, childcare, … or the event's own)."""

    __tablename__ = "feedback_theme"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))


answer_theme = Table(
    "feedback_answer_theme",
    Base.metadata,
    Column(
        "answer_id",
        ForeignKey("feedback_answer.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "theme_id",
        ForeignKey("feedback_theme.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)
