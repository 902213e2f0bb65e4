"""Imports every model so Base.metadata knows all tables (for Alembic and tests)."""

from __future__ import annotations

from organiser.core.coproduction.models import (
    LedgerEntry,
    Lesson,
    Received,
    ReportText,
    ledger_member,
)
from organiser.core.creche.models import Booking, BookingStatusChange, Child, Creche, CrecheStaff
from organiser.core.events.models import Event
from organiser.core.feedback.models import (
    FeedbackAnswer,
    FeedbackLanguage,
    FeedbackPhoneAddress,
    FeedbackQuestion,
    FeedbackQuestionWords,
    FeedbackResponse,
    FeedbackTheme,
    answer_theme,
)
from organiser.core.flyer.models import (
    Flyer,
    FlyerComment,
    FlyerImage,
    FlyerSignOff,
    FlyerTranslation,
    FlyerVersion,
)
from organiser.core.meetings.models import ActionItem, Decision, Meeting, NoteRevision
from organiser.core.planning.models import (
    CostLine,
    FundingSource,
    Member,
    Organisation,
    ProgrammeItem,
)
from organiser.core.polls.models import Poll, PollAnswer, PollOption
from organiser.core.speakers.models import Invitation, Setting, Speaker, StatusChange
from organiser.core.team.models import ChangeFeedEntry, OfflineCopy, OfflineRow

__all__ = [
    "ActionItem",
    "Booking",
    "BookingStatusChange",
    "ChangeFeedEntry",
    "Child",
    "CostLine",
    "Creche",
    "CrecheStaff",
    "Decision",
    "Event",
    "FeedbackAnswer",
    "FeedbackLanguage",
    "FeedbackPhoneAddress",
    "FeedbackQuestion",
    "FeedbackQuestionWords",
    "FeedbackResponse",
    "FeedbackTheme",
    "Flyer",
    "FlyerComment",
    "FlyerImage",
    "FlyerSignOff",
    "FlyerTranslation",
    "FlyerVersion",
    "FundingSource",
    "Invitation",
    "LedgerEntry",
    "Lesson",
    "Meeting",
    "Member",
    "NoteRevision",
    "OfflineCopy",
    "OfflineRow",
    "Organisation",
    "Poll",
    "PollAnswer",
    "PollOption",
    "ProgrammeItem",
    "Received",
    "ReportText",
    "Setting",
    "Speaker",
    "StatusChange",
    "answer_theme",
    "ledger_member",
]
