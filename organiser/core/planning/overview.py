"""The Planning overview: what a busy organiser needs to know first, and what is left to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from organiser.core.coproduction.ledger import profile
from organiser.core.coproduction.rows import list_lessons
from organiser.core.creche.bookings import next_offer, places, waiting_list
from organiser.core.creche.checks import review as creche_review
from organiser.core.db import Store
from organiser.core.events.reading import EventDetails, get_event
from organiser.core.events.rules import days_to_go
from organiser.core.feedback.figures import figures as feedback_figures
from organiser.core.flyer.versions import sign_off_summary
from organiser.core.meetings.service import list_actions, next_meeting
from organiser.core.money import format_pence
from organiser.core.parsing import format_time, long_date
from organiser.core.planning import service as planning
from organiser.core.planning.kinds import Role
from organiser.core.planning.rows import MemberRow
from organiser.core.planning.rules import BudgetSummary
from organiser.core.polls.service import list_polls
from organiser.core.speakers.invitations import list_invitations
from organiser.core.words import plural

CRECHE_WARNINGS = 5  # the overview names the first few; the Creche tab lists them all


@dataclass(frozen=True)
class OverviewLine:
    """One line of the overview and the page that deals with it."""

    text: str
    page: str
    attention: bool = False


def overview(store: Store, event_id: int, *, today: dt.date) -> list[OverviewLine]:
    """Status, when and where, group, programme, budget, then what still needs doing: read
    in one transaction (a score of service calls, each its own transaction before)."""
    with store.one_transaction():
        return _overview(store, event_id, today=today)


def _overview(store: Store, event_id: int, *, today: dt.date) -> list[OverviewLine]:
    event = get_event(store, event_id)
    members = planning.list_members(store, event_id)
    items, check = planning.programme(store, event_id)
    money = planning.budget(store, event_id)
    # "No date yet" says it once: no "Date to be set" after it.
    when = long_date(event.date) if event.date else ""
    if event.start_time and event.end_time:
        times = f"{format_time(event.start_time)} to {format_time(event.end_time)}"
        when = f"{when}, {times}" if when else times
    head = " · ".join(p for p in (event.status, days_to_go(event.date, today=today), when) if p)
    lived = sum(m.role == Role.LIVED_EXPERIENCE.value for m in members)
    lines = [
        OverviewLine(head, "details"),
        OverviewLine(
            f"Venue: {event.venue_name or 'not chosen yet'}"
            + (f" ({', '.join(event.venue_features).lower()})" if event.venue_features else ""),
            "details",
        ),
        OverviewLine(
            f"Working group: {plural(len(members), 'member')}, {lived} with lived experience",
            "members",
        ),
        OverviewLine(
            f"Programme: {plural(len(items), 'item')}, {check.total_text}"
            if items
            else "Programme: empty",
            "programme",
        ),
        OverviewLine(
            f"Budget: {format_pence(money.funds)} funds, {format_pence(money.estimated)} "
            f"estimated, {format_pence(money.left_estimated)} left",
            "budget",
        ),
        *_coproduction_lines(store, event_id),
    ]
    lines[2:2] = [
        *_creche_lines(store, event_id, today=today),
        *_meetings_lines(store, event_id, today=today),
        *_speaker_lines(store, event_id, today=today),
        _flyer_line(store, event_id),
        *_feedback_lines(store, event_id, event.date, today=today),
    ]
    return lines + _to_do(event, members, check.overall, money, lived, today=today)


def _coproduction_lines(store: Store, event_id: int) -> list[OverviewLine]:
    """How far the ledger has got, and the lessons so far."""
    shape = profile(store, event_id)
    decided = len(shape.rows) - len(shape.undecided)
    if decided:
        with_people = len(shape.groups.get("Doing with", ()))
        text = (
            f"Co-production: {decided} of {len(shape.rows)} aspects decided, "
            f"{with_people} done with people"
        )
    else:
        text = "Co-production: no aspect decided yet"
    lines = [OverviewLine(text, "coproduction")]
    lessons = len(list_lessons(store, event_id))
    if lessons:
        lines.append(OverviewLine(f"Lessons: {lessons} recorded", "lessons"))
    return lines


def _creche_lines(store: Store, event_id: int, *, today: dt.date) -> list[OverviewLine]:
    """Bookings against capacity and the waiting list, a place to offer, and creche checks."""
    held = places(store, event_id)
    waiting = len(waiting_list(store, event_id))
    text = f"Bookings: {held.words()}"
    if waiting:
        text += f"; {waiting} on the waiting list"
    lines = [OverviewLine(text, "creche")]
    offer = next_offer(store, event_id)
    if offer is not None:
        lines.append(OverviewLine(offer.words(), "creche", attention=True))
    review = creche_review(store, event_id, today=today)
    if held.children or review.ratios.children:
        lines.append(OverviewLine(f"Creche: {review.ratios.summary()}", "creche"))
    shown, more = review.warnings[:CRECHE_WARNINGS], len(review.warnings) - CRECHE_WARNINGS
    lines += [OverviewLine(w.text, "creche", attention=True) for w in shown]
    if more > 0:  # 5,000 children's details to add are the Creche tab's to list, not this page's
        lines.append(
            OverviewLine(
                f"…and {plural(more, 'more creche check')} on the Creche tab's "
                "Settings and checks page.",
                "creche",
                attention=True,
            )
        )
    return lines


def _feedback_lines(
    store: Store, event_id: int, day: dt.date | None, *, today: dt.date
) -> list[OverviewLine]:
    found = feedback_figures(store, event_id)
    if found.responses:
        return [
            OverviewLine(
                f"Feedback: {plural(found.responses, 'response')}; {found.fft.percent}% rated it "
                "good or "
                "very good",
                "feedback",
            )
        ]
    if day is not None and day < today:
        return [OverviewLine("Enter the feedback forms", "feedback", attention=True)]
    return []


def _flyer_line(store: Store, event_id: int) -> OverviewLine:
    text, attention = sign_off_summary(store, event_id)
    return OverviewLine(text, "flyer", attention=attention)


def _speaker_lines(store: Store, event_id: int, *, today: dt.date) -> list[OverviewLine]:
    """How many speakers have said yes, and any invitation that needs attention."""
    invitations = list_invitations(store, event_id, today=today)
    if not invitations:
        return [OverviewLine("Speakers: none invited yet", "speakers")]
    confirmed = sum(i.status == "confirmed" for i in invitations)
    waiting = sum(i.status in ("idea", "invited") for i in invitations)
    lines = [
        OverviewLine(f"Speakers: {confirmed} confirmed, {waiting} not yet confirmed", "speakers")
    ]
    for invitation in invitations:
        for warning in invitation.warnings:
            lines.append(
                OverviewLine(f"{invitation.speaker}: {warning}", "speakers", attention=True)
            )
    return lines


def _meetings_lines(store: Store, event_id: int, *, today: dt.date) -> list[OverviewLine]:
    """Next meeting, open and overdue actions, and any poll still waiting for answers."""
    upcoming = next_meeting(store, event_id, today=today)
    if upcoming is None:
        meeting = OverviewLine("Next meeting: none planned", "meetings")
    else:
        when = long_date(upcoming.date)
        if upcoming.start:
            when += f", {format_time(upcoming.start)}"
        place = f" ({upcoming.place})" if upcoming.place else ""
        meeting = OverviewLine(f"Next meeting: {upcoming.title}, {when}{place}", "meetings")
    actions = [a for a in list_actions(store, event_id, today=today) if not a.done]
    overdue = [a for a in actions if a.overdue]
    lines = [
        meeting,
        OverviewLine(f"Actions: {len(actions)} open, {len(overdue)} overdue", "actions"),
    ]
    for action in overdue:
        who = action.owner or "no owner"
        lines.append(
            OverviewLine(f"{action.standing}: {action.text} ({who})", "actions", attention=True)
        )
    for poll in list_polls(store, event_id):
        if not poll.closed:
            lines.append(
                OverviewLine(f"Poll still open: {poll.title}", "availability", attention=True)
            )
    return lines


def _to_do(
    event: EventDetails,
    members: list[MemberRow],
    programme_warnings: list[str],
    money: BudgetSummary,
    lived: int,
    *,
    today: dt.date,
) -> list[OverviewLine]:
    todo: list[OverviewLine] = []

    def need(text: str, page: str) -> None:
        todo.append(OverviewLine(text, page, attention=True))

    if event.date is None:
        need("Set the date", "details")
    elif event.date < today and event.status in ("Idea", "Planning", "Confirmed"):
        need("The date has passed: update the status", "details")
    if not (event.start_time and event.end_time):
        need("Set the start and end times", "details")
    if not event.venue_name:
        need("Choose a venue", "details")
    if not event.capacity:
        need("Set the number of places", "details")
    if not members:
        need("Add the working group", "members")
    elif not lived:
        need("Invite a parent or carer with lived experience into the working group", "members")
    if any(m.duplicate for m in members):
        need("Two members share a name: check for a duplicate", "members")
    for warning in programme_warnings:
        need(warning, "programme")
    if money.over_estimated or money.over_actual:
        need("The budget is overspent: find funds or cut costs", "budget")
    if money.unpaid:
        need(f"{format_pence(money.unpaid)} of costs still to pay", "budget")
    return todo
