"""What depends on what: the rows a deletion takes with it, so undo can restore them all."""

from __future__ import annotations

from organiser.core.coproduction.models import (
    LedgerEntry,
    Lesson,
    Received,
    ReportText,
    ledger_member,
)
from organiser.core.creche.models import Booking, BookingStatusChange, Child, Creche, CrecheStaff
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
from organiser.core.meetings.models import (
    ActionItem,
    Decision,
    Meeting,
    NoteRevision,
    meeting_attendee,
)
from organiser.core.planning.models import CostLine, FundingSource, Member, ProgrammeItem
from organiser.core.polls.models import Poll, PollAnswer, PollOption
from organiser.core.records import NOTHING, Dependants
from organiser.core.speakers.models import Invitation, StatusChange

MEMBER_DEPENDANTS = Dependants(
    children=((FlyerSignOff, "member_id", NOTHING),),
    tables=((meeting_attendee, "member_id"), (ledger_member, "member_id")),
    links=(
        (Received, "member_id"),
        (ActionItem, "owner_id"),
        (PollAnswer, "member_id"),
        (FlyerComment, "member_id"),
        (FlyerVersion, "saved_by_id"),
    ),
)
POLL_DEPENDANTS = Dependants(
    children=((PollOption, "poll_id", Dependants(children=((PollAnswer, "option_id", NOTHING),))),),
)
_MEETING_OWN = (
    (Decision, "meeting_id", NOTHING),
    (NoteRevision, "meeting_id", NOTHING),
)
MEETING_DEPENDANTS = Dependants(
    children=(*_MEETING_OWN, (Poll, "meeting_id", POLL_DEPENDANTS)),
    tables=((meeting_attendee, "meeting_id"),),
    links=((ActionItem, "meeting_id"), (Lesson, "meeting_id")),
)
BOOKING_DEPENDANTS = Dependants(
    children=((Child, "booking_id", NOTHING), (BookingStatusChange, "booking_id", NOTHING)),
    links=((FeedbackResponse, "booking_id"),),
)
RESPONSE_DEPENDANTS = Dependants(
    children=((FeedbackAnswer, "response_id", Dependants(tables=((answer_theme, "answer_id"),))),),
)
FLYER_DEPENDANTS = Dependants(
    children=(
        (
            FlyerVersion,
            "flyer_id",
            Dependants(
                children=(
                    (FlyerComment, "version_id", NOTHING),
                    (FlyerSignOff, "version_id", NOTHING),
                )
            ),
        ),
        (FlyerTranslation, "flyer_id", NOTHING),
    ),
)
# Deleting an event takes everything in it; rows come back parents first (members and
# meetings before the actions and polls that point at them).
EVENT_DEPENDANTS = Dependants(
    children=(
        (Member, "event_id", NOTHING),
        (ProgrammeItem, "event_id", NOTHING),
        (FundingSource, "event_id", NOTHING),
        (CostLine, "event_id", NOTHING),
        (Meeting, "event_id", Dependants(children=_MEETING_OWN, tables=MEETING_DEPENDANTS.tables)),
        (ActionItem, "event_id", NOTHING),
        (Poll, "event_id", POLL_DEPENDANTS),
        (Invitation, "event_id", Dependants(children=((StatusChange, "invitation_id", NOTHING),))),
        (Booking, "event_id", Dependants(children=BOOKING_DEPENDANTS.children)),
        (CrecheStaff, "event_id", NOTHING),
        (Creche, "event_id", NOTHING),
        (FlyerImage, "event_id", NOTHING),
        (Flyer, "event_id", FLYER_DEPENDANTS),
        (FeedbackQuestion, "event_id", NOTHING),
        (
            FeedbackLanguage,
            "event_id",
            Dependants(children=((FeedbackQuestionWords, "language_id", NOTHING),)),
        ),
        (FeedbackPhoneAddress, "event_id", NOTHING),
        (FeedbackTheme, "event_id", NOTHING),
        (FeedbackResponse, "event_id", RESPONSE_DEPENDANTS),
        (LedgerEntry, "event_id", Dependants(tables=((ledger_member, "entry_id"),))),
        (Received, "event_id", NOTHING),
        (Lesson, "event_id", NOTHING),
        (ReportText, "event_id", NOTHING),
    ),
)
# A programme item or cost line deleted and brought back is linked to its invitation again.
PROGRAMME_ITEM_DEPENDANTS = Dependants(links=((Invitation, "programme_item_id"),))
COST_LINE_DEPENDANTS = Dependants(links=((Invitation, "cost_line_id"), (Received, "cost_line_id")))
