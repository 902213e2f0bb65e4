"""The summary report's narrative sections: prefilled from the data as plain, honest sentences,
editable as Markdown before printing; edited text is kept over the prefill."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select

from organiser.core.changes import Changes, Touched
from organiser.core.coproduction.kinds import NextStep
from organiser.core.coproduction.ledger import profile
from organiser.core.coproduction.models import Lesson, Received, ReportText
from organiser.core.coproduction.next_steps import demand, session_cost
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.reading import get_event
from organiser.core.feedback.figures import figures
from organiser.core.meetings.service import list_meetings
from organiser.core.parsing import format_date, long_date
from organiser.core.planning.kinds import Role
from organiser.core.planning.service import list_members
from organiser.core.planning.validation import long_text
from organiser.core.words import plural

SECTIONS: tuple[tuple[str, str], ...] = (
    ("background", "Background"),
    ("process", "How we worked together"),
    ("outcomes", "What happened and what people said"),
    ("learning", "Learning and recommendations"),
    ("next_steps", "Next steps"),
    ("conclusion", "Conclusion"),
)
TITLES = dict(SECTIONS)


@dataclass(frozen=True)
class NarrativeSection:
    key: str
    title: str
    text: str  # what prints: the edited text if there is one, else the prefill
    prefill: str
    edited: bool


def prefill(store: Store, event_id: int) -> dict[str, str]:
    """Each section's sentences as the data would write them."""
    event = get_event(store, event_id)
    members = list_members(store, event_id)
    lived = [m.name for m in members if m.role == Role.LIVED_EXPERIENCE.value]
    meetings = [m for m in list_meetings(store, event_id) if m.date is not None]
    found = figures(store, event_id)
    shape = profile(store, event_id)
    wanted = demand(store, event_id)
    cost = session_cost(store, event_id)
    with store.begin() as s:
        lessons = s.execute(
            select(Lesson.learned, Lesson.differently)
            .where(Lesson.event_id == event_id)
            .order_by(Lesson.id)
        ).all()
        received = s.scalars(
            select(Received.what).where(Received.event_id == event_id).order_by(Received.id)
        ).all()
    where = f" at {event.venue_name}" if event.venue_name else ""
    future = event.date is None or event.date >= dt.date.today()
    when = f" {'for' if future else 'on'} {long_date(event.date)}" if event.date else ""
    verb = "is planned" if future else "took place"
    if event.date is None:
        verb = "has no date yet"
        where = f"; it is planned{where}" if where else ""
    background = f"{event.title} {verb}{when}{where}."
    purpose = " ".join(event.purpose.split())
    if purpose:
        # Quoted as the organisers wrote it: "Help parents …" pasted in would read as an order.
        ends = "" if purpose[-1] in ".!?" else "."
        background += f" Its purpose: “{purpose}{ends}”"
    audience = event.audience.strip()
    if audience:
        background += f"\n\nIt {'is' if future else 'was'} for {audience[0].lower()}{audience[1:]}"
        background = background.rstrip(".") + "."
    process = f"A working group of {plural(len(members), 'person', 'people')} planned the session"
    process += (
        f", including {plural(len(lived), 'parent or carer')} with lived experience "
        f"({', '.join(lived)})."
        if lived
        else "; nobody in it had lived experience, which is worth changing next time."
    )
    if not members:  # not "a working group of 0 people"
        process = "No working group was recorded."
    if meetings:
        dates = sorted(m.date for m in meetings if m.date)
        process += (
            f" It met {plural(len(meetings), 'time')}, from {format_date(dates[0])} to "
            f"{format_date(dates[-1])}."
        )
    with_rows = shape.groups.get("Doing with", ())
    if with_rows:
        process += f"\n\nCo-production held for: {', '.join(a.lower() for a in with_rows)}."
    if shape.gaps:
        process += (
            f"\n\nIt slipped for {plural(len(shape.gaps), 'aspect')}: the profile below says "
            "where and why."
        )
    if received:
        process += "\n\nPeople with lived experience received: " + ", ".join(received) + "."
    if found.responses:
        outcomes = f"{plural(found.responses, 'person', 'people')} gave feedback"
        if found.response_rate is not None:
            outcomes += f" ({found.response_rate.percent}% of those who came)"
        outcomes += "."
        if found.fft.total:
            outcomes += f" {found.fft.percent}% rated their experience good or very good."
        if found.regular.total:
            outcomes += (
                f" {found.regular.count} of {found.regular.total} would come to regular sessions."
            )
    else:
        outcomes = "Feedback was not recorded."
    if lessons:
        learning = "\n".join(
            "- "
            + " ".join(
                part
                for part in (
                    learned.strip(),
                    f"Next time: {differently.strip()}" if differently.strip() else "",
                )
                if part
            )
            for learned, differently in lessons
        )
    else:
        learning = "No lessons were recorded."
    next_steps = " ".join(wanted.lines()) + " " + cost.words()
    conclusion = f"{event.title} was shaped by the people it was for."
    if found.fft.total:
        conclusion += (
            f" {found.fft.percent}% of those who gave feedback rated it good or very good."
        )
    if wanted.regular_yes:
        conclusion += " The next step is to decide how to meet the demand it showed."
    return {
        "background": background,
        "process": process,
        "outcomes": outcomes,
        "learning": learning,
        "next_steps": next_steps,
        "conclusion": conclusion,
    }


def narrative(store: Store, event_id: int) -> list[NarrativeSection]:
    """Every section: the edited text where there is one, else the prefill."""
    filled = prefill(store, event_id)
    with store.begin() as s:
        edits = dict(
            s.execute(
                select(ReportText.section, ReportText.text).where(
                    ReportText.event_id == event_id, ReportText.text != ""
                )
            ).all()
        )
    return [
        NarrativeSection(key, title, edits.get(key, filled[key]), filled[key], key in edits)
        for key, title in SECTIONS
    ]


def next_step(store: Store, event_id: int) -> str:
    """The option chosen for "what next" ("" while undecided)."""
    with store.begin() as s:
        return (
            s.scalar(
                select(ReportText.next_step).where(
                    ReportText.event_id == event_id, ReportText.section == "next_steps"
                )
            )
            or ""
        )


def _row(s: object, event_id: int, section: str) -> ReportText:
    found = s.scalar(  # type: ignore[attr-defined]
        select(ReportText).where(ReportText.event_id == event_id, ReportText.section == section)
    )
    if found is None:
        found = ReportText(event_id=event_id, section=section, text="", next_step="")
        s.add(found)  # type: ignore[attr-defined]
    return found  # type: ignore[no-any-return]


def set_text(store: Store, *, event_id: int, section: str, text: str) -> Changes:
    """Keep an edited section ("" goes back to the prefill); `previous` for undo."""
    if section not in TITLES:
        raise ValidationError("There is no such section of the report.")
    long_text({"text": text})
    with store.begin() as s:
        row = _row(s, event_id, section)
        previous = {"text": row.text} if row.text != text else {}
        row.text = text
        return Changes(
            Touched.REPORT if previous else Touched.NONE, event_id=event_id, previous=previous
        )


def set_next_step(store: Store, *, event_id: int, option: str) -> Changes:
    """Choose what to do next (regular sessions, an existing group, a series)."""
    if option and option not in {o.value for o in NextStep}:
        raise ValidationError("Choose an option from the list.", field="next_step")
    with store.begin() as s:
        row = _row(s, event_id, "next_steps")
        previous = {"option": row.next_step} if row.next_step != option else {}
        row.next_step = option
        return Changes(
            Touched.REPORT if previous else Touched.NONE, event_id=event_id, previous=previous
        )


def forget_edits(store: Store, *, event_id: int) -> None:
    """Drop every edited section (tests and a fresh start)."""
    with store.begin() as s:
        s.execute(delete(ReportText).where(ReportText.event_id == event_id))
