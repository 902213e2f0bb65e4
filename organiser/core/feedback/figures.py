"""Making sense of the responses: the Friends and Family Test score, every question's
distribution, demand for regular sessions, services learned about, and the response rate."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.attendance import attendance_in
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.feedback.form import Question, questions_in
from organiser.core.feedback.kinds import FFT_POSITIVE, Kind, Standard
from organiser.core.feedback.models import FeedbackAnswer, FeedbackResponse
from organiser.core.records import get_or_raise

GONE = "(no longer on the form)"


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.count / self.total) if self.total else None

    def words(self) -> str:
        if not self.total:
            return "no answers yet"
        return f"{self.percent}% ({self.count} of {self.total})"


@dataclass(frozen=True)
class Distribution:
    question_id: int
    question: str
    kind: str
    counts: tuple[tuple[str, int], ...]  # every choice in form order, then any old ones
    answered: int


@dataclass(frozen=True)
class FeedbackFigures:
    responses: int
    attendance: int | None
    attendance_source: str  # "check-in", "the attendance in Details" or ""
    fft: Share
    regular: Share  # "Yes"
    regular_maybe: Share
    distributions: tuple[Distribution, ...]
    services: tuple[tuple[str, int], ...]

    @property
    def response_rate(self) -> Share | None:
        """Responses as a share of those who came; None when not known or not believable."""
        if not self.attendance or self.responses > self.attendance:
            return None
        return Share(self.responses, self.attendance)

    def lines(self) -> list[str]:
        """The headline figures in words."""
        lines = [f"Responses: {self.responses}"]
        rate = self.response_rate
        if rate is not None:
            lines.append(
                f"Response rate: {rate.words()} of those who came (from {self.attendance_source})"
            )
        elif self.attendance and self.responses > self.attendance:
            lines.append(
                f"More responses ({self.responses}) than people recorded as coming "
                f"({self.attendance}, from {self.attendance_source}): check the attendance."
            )
        lines.append(f"Friends and Family Test: {self.fft.words()} rated it good or very good")
        lines.append(
            f"Would come to regular sessions: {self.regular.words()} yes, "
            f"{self.regular_maybe.count} maybe"
        )
        return lines


def fft_share(values: Iterable[str]) -> Share:
    """Very good + Good as a share of everyone who answered the question (Don't know counts,
    as NHS England publishes the score)."""
    return _fft_share((v, 1) for v in values)


def _fft_share(counted: Iterable[tuple[str, int]]) -> Share:
    positive = total = 0
    for value, n in counted:
        if value:
            total += n
            positive += n if value in FFT_POSITIVE else 0
    return Share(positive, total)


def distribution(question: Question, values: Iterable[str]) -> Distribution:
    """How many chose each choice (a multiple-choice answer counts once per choice)."""
    return _distribution(question, ((v, 1) for v in values))


def _distribution(question: Question, counted_values: Iterable[tuple[str, int]]) -> Distribution:
    """distribution() from each distinct answer with how many gave it."""
    counted: Counter[str] = Counter()
    answered = 0
    for value, n in counted_values:
        picked = [v for v in value.split("\n") if v]
        if picked:
            answered += n
        for choice in picked:
            counted[choice] += n
    rows = [(c, counted.pop(c, 0)) for c in question.choices]
    rows += [(f"{old} {GONE}", n) for old, n in sorted(counted.items())]
    return Distribution(question.id, question.text, question.kind, tuple(rows), answered)


Grouped = Mapping[int, Sequence[tuple[str, int]]]


def grouped_answers(s: Session, event_id: int, question_ids: Collection[int]) -> Grouped:
    """question id → each distinct (non-empty) answer to it with how many gave it: one grouped
    query, so the figures never load the responses one by one."""
    if not question_ids:
        return {}
    rows = s.execute(
        select(FeedbackAnswer.question_id, FeedbackAnswer.value, func.count())
        .join(FeedbackResponse, FeedbackResponse.id == FeedbackAnswer.response_id)
        .where(
            FeedbackResponse.event_id == event_id,
            FeedbackAnswer.question_id.in_(question_ids),
            FeedbackAnswer.value != "",
        )
        .group_by(FeedbackAnswer.question_id, FeedbackAnswer.value)
    ).all()
    found: dict[int, list[tuple[str, int]]] = {}
    for question_id, value, n in rows:
        found.setdefault(question_id, []).append((value, n))
    return found


def _charted(q: Question) -> bool:
    """Whether the question has a distribution of its own among the figures."""
    return q.kind != Kind.TEXT.value and q.standard not in ("quote", "contact_consent")


def _counted(q: Question) -> bool:
    """Whether the figures read this question's answers."""
    return _charted(q) or q.standard in (
        Standard.FFT.value,
        Standard.REGULAR.value,
        Standard.SERVICES.value,
    )


def summarise(
    questions: Sequence[Question], grouped: Grouped
) -> tuple[Share, Share, Share, list[Distribution], list[tuple[str, int]]]:
    """FFT, regular (yes, maybe), every choice question's distribution, services, from each
    question's distinct answers with their counts (grouped_answers)."""

    def values(q: Question) -> Sequence[tuple[str, int]]:
        return grouped.get(q.id, ())

    by_key = {q.standard: q for q in questions if q.standard}
    fft_q = by_key.get(Standard.FFT.value)
    fft = _fft_share(values(fft_q)) if fft_q else Share(0, 0)
    regular_q = by_key.get(Standard.REGULAR.value)
    said = Counter[str]()
    for value, n in values(regular_q) if regular_q else ():
        if value:
            said[value] += n
    total = said.total()
    regular = Share(said["Yes"], total)
    maybe = Share(said["Maybe"], total)
    dists = [
        _distribution(q, values(q))
        for q in questions
        if _charted(q)
        # taken off the form before any answer
        and not (q.archived and not any(v for v, _n in values(q)))
    ]
    services_q = by_key.get(Standard.SERVICES.value)
    services = (
        [(c, n) for c, n in _distribution(services_q, values(services_q)).counts if n]
        if services_q
        else []
    )
    return fft, regular, maybe, dists, services


# Within `read_once()`: each event's figures, read once however many parts of a document use them.
_ONCE: ContextVar[dict[tuple[int, int], FeedbackFigures] | None] = ContextVar(
    "feedback_figures_once", default=None
)


@contextmanager
def read_once() -> Iterator[None]:
    """Inside the block each event's figures are read once: a document made of parts (the
    summary's at-a-glance, outcomes, narrative prefill and next steps) shares them."""
    token = _ONCE.set({})
    try:
        yield
    finally:
        _ONCE.reset(token)


def figures(store: Store, event_id: int) -> FeedbackFigures:
    """Every figure the Feedback tab and the summary show."""
    once = _ONCE.get()
    if once is None:
        return _figures(store, event_id)
    key = (id(store), event_id)
    if key not in once:
        once[key] = _figures(store, event_id)
    return once[key]


def _figures(store: Store, event_id: int) -> FeedbackFigures:
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        questions = questions_in(s, event_id, archived=True)
        responses = s.scalar(
            select(func.count())
            .select_from(FeedbackResponse)
            .where(FeedbackResponse.event_id == event_id)
        )
        grouped = grouped_answers(s, event_id, [q.id for q in questions if _counted(q)])
        attendance, source = attendance_in(s, event_id)
    fft, regular, maybe, dists, services = summarise(questions, grouped)
    return FeedbackFigures(
        responses=responses or 0,
        attendance=attendance,
        attendance_source=source,
        fft=fft,
        regular=regular,
        regular_maybe=maybe,
        distributions=tuple(dists),
        services=tuple(services),
    )
