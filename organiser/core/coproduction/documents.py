"""Plain data for the summary and series reports (no ORM, no SQLAlchemy: reports import this).

Every part is already in words; a part with nothing recorded carries a sentence starting
"Not recorded" instead of vanishing, so the PDF and the .docx say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from organiser.core.feedback.documents import Chart, QuoteLine
from organiser.core.planning.documents import ProgrammeLine

NOT_RECORDED = "Not recorded"

# The summary's parts, in the order of a case study.
HEADINGS: tuple[str, ...] = (
    "At a glance",
    "Background",
    "Process and involvement",
    "The programme",
    "Outcomes",
    "Budget",
    "Learning and recommendations",
    "Next steps",
    "Conclusion",
)
SERIES_HEADINGS: tuple[str, ...] = (
    "At a glance",
    "Session by session",
    "Repeat attenders",
    "Lessons carried forward",
)
# Asked at the start of next steps (and worth asking at the start of any co-produced event).
MORE_QUESTION = "What if this is successful and we want to do more?"


@dataclass(frozen=True)
class Fact:
    """One line of a facts table: what, and the figure in words."""

    label: str
    text: str


@dataclass(frozen=True)
class ProfileLine:
    """One aspect of the event and the rung it reached ("" while undecided)."""

    aspect: str
    rung: str
    group: str  # "Doing to", "Doing for", "Doing with"; "" while undecided
    people: str  # who was involved, in words
    held_back: str  # what held it back, in words


@dataclass(frozen=True)
class ProfileSheet:
    """The co-production profile as print needs it: the same attributes the chart reads."""

    rows: tuple[ProfileLine, ...]
    gaps: tuple[str, ...]  # aspects below co-design, each in words
    undecided: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    organisation: str


@dataclass(frozen=True)
class ReceivedLine:
    """Something a person with lived experience received for their part."""

    who: str
    what: str
    amount: str  # "£24.00", or "" when no sum applies
    budget_line: str  # the cost line it is paid from, or ""


@dataclass(frozen=True)
class LessonLine:
    happened: str
    learned: str
    differently: str
    tag: str
    carried: bool  # brought forward from an earlier session


@dataclass(frozen=True)
class BudgetLine:
    category: str
    estimated: str
    actual: str  # "" while no actual is known for any line of the category


@dataclass(frozen=True)
class Process:
    narrative: str
    members: tuple[Person, ...]
    meetings: tuple[tuple[str, str], ...]  # (date in words, title)
    profile: ProfileSheet | None  # None: nothing recorded in the ledger yet
    received: tuple[ReceivedLine, ...]
    missing: tuple[str, ...]  # a "Not recorded…" sentence for each empty part


@dataclass(frozen=True)
class Outcomes:
    narrative: str
    responses: int
    figures: tuple[Fact, ...]
    services_line: str
    charts: tuple[Chart, ...]
    quotes: tuple[QuoteLine, ...]
    missing: str  # "" when there is feedback


@dataclass(frozen=True)
class Budget:
    lines: tuple[BudgetLine, ...]
    estimated: str
    actual: str
    funds: tuple[tuple[str, str], ...]  # (source, amount)
    facts: tuple[Fact, ...]  # funding in total, left over, cost per person
    missing: str


@dataclass(frozen=True)
class NextSteps:
    narrative: str
    chosen: str
    demand: tuple[str, ...]
    cost: str
    cost_lines: tuple[tuple[str, str], ...]  # (category, amount) of one more session


@dataclass(frozen=True)
class SummarySheet:
    """The summary report of one event, part by part, in the order of HEADINGS."""

    title: str
    when: str  # "Monday 22 February 2027, 09:45 to 12:15"
    at_a_glance: tuple[Fact, ...]
    background: str
    process: Process
    programme: tuple[ProgrammeLine, ...]
    programme_total: str
    programme_missing: str
    outcomes: Outcomes
    budget: Budget
    learning: str  # the narrative ("" when it would only repeat the lessons listed)
    lessons: tuple[LessonLine, ...]
    next_steps: NextSteps
    conclusion: str


@dataclass(frozen=True)
class SessionLine:
    """One session of a series, for the trends table."""

    title: str
    date: str
    attendance: str
    responses: str
    fft: str
    cost: str
    lessons: str  # lessons recorded there for the first time


@dataclass(frozen=True)
class CarriedLesson:
    text: str
    first: str  # the session it was first recorded at
    carried_to: tuple[str, ...]


@dataclass(frozen=True)
class SeriesSheet:
    """Totals, trends, repeat attenders (counted, never named) and lessons carried forward."""

    title: str
    span: str  # "3 sessions, 22/02/2027 to 19/04/2027"
    totals: tuple[Fact, ...]
    sessions: tuple[SessionLine, ...]
    repeat: str  # in words: how many households came back, never who
    repeat_note: str  # how they were counted
    carried: tuple[CarriedLesson, ...]
    carried_missing: str
