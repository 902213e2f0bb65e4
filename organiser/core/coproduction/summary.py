"""The summary report of one event, in the structure of a case study, read from every tab's own
services so its figures match what the tabs show. Quotes come only from quotes(for_print=True)."""

from __future__ import annotations

from sqlalchemy import select

from organiser.core.coproduction.documents import (
    NOT_RECORDED,
    Budget,
    BudgetLine,
    Fact,
    LessonLine,
    NextSteps,
    Outcomes,
    Person,
    Process,
    ProfileLine,
    ProfileSheet,
    ReceivedLine,
    SummarySheet,
)
from organiser.core.coproduction.kinds import NextStep
from organiser.core.coproduction.ledger import Profile, profile
from organiser.core.coproduction.models import Lesson, Received
from organiser.core.coproduction.narrative import NarrativeSection, narrative, next_step
from organiser.core.coproduction.next_steps import demand, session_cost
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.service import check_in_counts
from organiser.core.db import Store
from organiser.core.events.reading import EventDetails, get_event
from organiser.core.feedback.documents import QuoteLine
from organiser.core.feedback.figures import FeedbackFigures, figures, read_once
from organiser.core.feedback.printing import summary_sheet as feedback_sheet
from organiser.core.feedback.themes import quotes
from organiser.core.meetings.service import list_meetings
from organiser.core.money import format_pence
from organiser.core.parsing import format_time, long_date
from organiser.core.planning.models import CostLine, Member
from organiser.core.planning.rules import BudgetSummary
from organiser.core.planning.service import budget, list_costs, list_funds, list_members
from organiser.core.planning.service import programme_sheet as programme_of
from organiser.core.speakers.invitations import confirmed_speakers
from organiser.core.words import plural

ATTENDANCE_FROM = {
    "check-in": "counted at check-in",
    "the attendance in Details": "as entered in the event's details",
}


def when_of(event: EventDetails) -> str:
    """'Monday 22 February 2027, 09:45 to 12:15' ("" without a date)."""
    if event.date is None:
        return ""
    day = long_date(event.date)
    if event.start_time and event.end_time:
        return f"{day}, {format_time(event.start_time)} to {format_time(event.end_time)}"
    return day


def where_of(event: EventDetails) -> str:
    """The venue and its address on one line ("" when neither is known)."""
    address = ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    return ", ".join(part for part in (event.venue_name.strip(), address) if part)


def attendance_words(found: FeedbackFigures) -> str:
    """How many came, and where the figure comes from."""
    if not found.attendance:
        return f"{NOT_RECORDED} (nobody checked in, and no attendance entered)"
    source = ATTENDANCE_FROM.get(found.attendance_source, found.attendance_source)
    return f"{plural(found.attendance, 'person', 'people')} ({source})"


def children_words(counts: dict[str, int]) -> str:
    """Children checked in at the creche, else those booked into it."""
    attended = BookingStatus.ATTENDED.value
    if counts.get(attended):
        return f"{plural(counts.get(f'{attended} children', 0), 'child', 'children')} (checked in)"
    booked = counts.get(f"{BookingStatus.BOOKED.value} children", 0)
    if booked:
        return f"{plural(booked, 'child', 'children')} booked (no check-in recorded)"
    return NOT_RECORDED


def cost_per_person(totals: BudgetSummary, attendance: int | None) -> tuple[int | None, str]:
    """Spending (actual, else estimated, as the Budget page counts it) per person who came."""
    spent = totals.actual or totals.estimated
    if not spent:
        return None, f"{NOT_RECORDED} (no costs entered)"
    if not attendance:
        return None, f"{NOT_RECORDED} (attendance not known)"
    each = round(spent / attendance)
    what = "actual spending" if totals.actual else "estimated costs"
    return each, (
        f"{format_pence(each)} ({what} of {format_pence(spent)} for "
        f"{plural(attendance, 'person', 'people')})"
    )


def _at_a_glance(
    store: Store, event: EventDetails, found: FeedbackFigures, totals: BudgetSummary
) -> tuple[Fact, ...]:
    speakers = confirmed_speakers(store, event.id)
    speakers_text = (
        f"{len(speakers)} confirmed: "
        + "; ".join(f"{name} ({org})" if org else name for name, org in speakers)
        if speakers
        else NOT_RECORDED
    )
    fft = (
        f"{found.fft.percent}% rated it good or very good ({found.fft.count:,} of "
        f"{plural(found.fft.total, 'person', 'people')} who answered)"
        if found.fft.total
        else NOT_RECORDED
    )
    return (
        Fact("Date", when_of(event) or NOT_RECORDED),
        Fact("Venue", where_of(event) or NOT_RECORDED),
        Fact("Attendance", attendance_words(found)),
        Fact("Children in the creche", children_words(check_in_counts(store, event.id))),
        Fact("Speakers", speakers_text),
        Fact("Cost per attendee", cost_per_person(totals, found.attendance)[1]),
        Fact("Friends and Family Test", fft),
    )


def profile_sheet(shape: Profile) -> ProfileSheet | None:
    """The profile in words for print; None while no aspect has a rung."""
    if all(not row.rung for row in shape.rows):
        return None
    return ProfileSheet(
        rows=tuple(
            ProfileLine(
                aspect=row.aspect,
                rung=row.rung,
                group=row.group,
                people=", ".join(name for _id, name in row.members),
                held_back=", ".join(h.lower() for h in row.held_back),
            )
            for row in shape.rows
        ),
        gaps=shape.gaps,
        undecided=shape.undecided,
    )


def _received(store: Store, event_id: int) -> tuple[ReceivedLine, ...]:
    with store.begin() as s:
        rows = s.execute(
            select(Member.name, Received.what, Received.amount_pence, CostLine.item)
            .select_from(Received)
            .outerjoin(Member, Member.id == Received.member_id)
            .outerjoin(CostLine, CostLine.id == Received.cost_line_id)
            .where(Received.event_id == event_id)
            .order_by(Received.id)
        ).all()
    return tuple(
        ReceivedLine(who or "", what, format_pence(amount), item or "")
        for who, what, amount, item in rows
    )


def _process(store: Store, event_id: int, section: NarrativeSection) -> Process:
    members = tuple(Person(m.name, m.role, m.organisation) for m in list_members(store, event_id))
    # Prefilled words about a working group nobody has been added to would only mislead.
    text = section.text if section.edited or members else ""
    meetings = tuple(
        (long_date(m.date) if m.date else "Date not set", m.title or "Meeting")
        for m in list_meetings(store, event_id)
    )
    shape = profile_sheet(profile(store, event_id))
    received = _received(store, event_id)
    missing = []
    if not members:
        missing.append(f"{NOT_RECORDED}: nobody has been added to the working group.")
    if not meetings:
        missing.append(f"{NOT_RECORDED}: no meetings of the working group.")
    if shape is None:
        missing.append(
            f"{NOT_RECORDED}: no aspect of the event has a rung on the co-production ladder yet."
        )
    if not received:
        missing.append(
            f"{NOT_RECORDED}: nothing is recorded as received by people with lived experience."
        )
    return Process(text, members, meetings, shape, received, tuple(missing))


def _outcomes(
    store: Store, event_id: int, found: FeedbackFigures, section: NarrativeSection
) -> Outcomes:
    text = section.text
    if not found.responses:
        return Outcomes(
            # The prefill would only say again that there is no feedback.
            narrative=text if section.edited else "",
            responses=0,
            figures=(),
            services_line="",
            charts=(),
            quotes=(),
            missing=f"{NOT_RECORDED}: no feedback responses have been entered.",
        )
    paper = feedback_sheet(store, event_id)
    facts = []
    for label, words in paper.headline:
        if label == "Response rate" and found.response_rate is None:
            words = f"{NOT_RECORDED} (attendance not known)"
        facts.append(Fact(label, words))
    charts = paper.charts
    if paper.services is not None and paper.services.answered:
        charts += (paper.services,)
    printable = tuple(
        QuoteLine(q.text, q.attribution, q.question)
        for q in quotes(store, event_id, for_print=True)
    )
    return Outcomes(
        narrative=text,
        responses=found.responses,
        figures=tuple(facts),
        services_line=paper.services_line,
        charts=charts,
        quotes=printable,
        missing="",
    )


def _budget(store: Store, event_id: int, totals: BudgetSummary, attendance: int | None) -> Budget:
    costs = list_costs(store, event_id)
    funds = list_funds(store, event_id)
    if not costs and not funds:
        return Budget((), "", "", (), (), f"{NOT_RECORDED}: no costs or funding have been entered.")
    estimated: dict[str, int] = {}
    actual: dict[str, int] = {}
    for cost in costs:
        estimated[cost.category] = estimated.get(cost.category, 0) + cost.estimated_pence
        if cost.actual_pence is not None:
            actual[cost.category] = actual.get(cost.category, 0) + cost.actual_pence
    pending = sum(1 for c in costs if c.actual_pence is None)
    lines = tuple(
        BudgetLine(category, format_pence(pence), format_pence(actual.get(category)))
        for category, pence in estimated.items()
    )
    facts = [Fact("Funding in total", format_pence(totals.funds))]
    if totals.actual:
        facts.append(Fact("Left after actual spending", format_pence(totals.left_actual)))
    if pending:
        facts.append(
            Fact(
                "Still to come",
                f"{plural(pending, 'cost line')} with no actual spending recorded yet",
            )
        )
    facts.append(Fact("Cost per attendee", cost_per_person(totals, attendance)[1]))
    return Budget(
        lines=lines,
        estimated=format_pence(totals.estimated),
        actual=format_pence(totals.actual) if actual else "",
        funds=tuple((f.name, format_pence(f.amount_pence)) for f in funds),
        facts=tuple(facts),
        missing="" if costs else f"{NOT_RECORDED}: no costs have been entered.",
    )


def _lessons(store: Store, event_id: int) -> tuple[LessonLine, ...]:
    with store.begin() as s:
        rows = s.execute(
            select(
                Lesson.happened,
                Lesson.learned,
                Lesson.differently,
                Lesson.tag,
                Lesson.carried_from_id,
            )
            .where(Lesson.event_id == event_id)
            .order_by(Lesson.id)
        ).all()
    return tuple(
        LessonLine(h.strip(), learned.strip(), d.strip(), tag, carried is not None)
        for h, learned, d, tag, carried in rows
    )


def _next_steps(store: Store, event_id: int, section: NarrativeSection) -> NextSteps:
    cost = session_cost(store, event_id)
    cost_words = (
        cost.words()
        if cost.by_category
        else f"{NOT_RECORDED}: with no costs entered, another session cannot be costed."
    )
    return NextSteps(
        # The prefill is the evidence and the cost below, word for word: print it once.
        narrative=section.text if section.edited else "",
        chosen=next_step(store, event_id) or NextStep.NOT_YET.value,
        demand=tuple(demand(store, event_id).lines()),
        cost=cost_words,
        cost_lines=tuple((c, format_pence(p)) for c, p in cost.by_category),
    )


def summary_sheet(store: Store, event_id: int) -> SummarySheet:
    """Everything the summary report prints, part by part; missing parts say so."""
    with read_once():  # the feedback figures, which four parts print from
        return _summary_sheet(store, event_id)


def _summary_sheet(store: Store, event_id: int) -> SummarySheet:
    event = get_event(store, event_id)
    found = figures(store, event_id)
    totals = budget(store, event_id)
    sections = {section.key: section for section in narrative(store, event_id)}
    running = programme_of(store, event_id)
    lessons = _lessons(store, event_id)
    learning = sections["learning"]
    if learning.edited:
        learning_text = learning.text
    elif lessons:
        learning_text = ""  # the prefill only lists the lessons, which print in full below
    else:
        learning_text = f"{NOT_RECORDED}: no lessons have been logged."
    return SummarySheet(
        title=event.title,
        when=when_of(event),
        at_a_glance=_at_a_glance(store, event, found, totals),
        background=sections["background"].text,
        process=_process(store, event_id, sections["process"]),
        programme=running.lines,
        programme_total=running.total,
        programme_missing=""
        if running.lines
        else f"{NOT_RECORDED}: the running order has no items.",
        outcomes=_outcomes(store, event_id, found, sections["outcomes"]),
        budget=_budget(store, event_id, totals, found.attendance),
        learning=learning_text,
        lessons=lessons,
        next_steps=_next_steps(store, event_id, sections["next_steps"]),
        conclusion=sections["conclusion"].text,
    )
