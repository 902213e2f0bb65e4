"""Making sense of the responses: the Friends and Family Test score, every question's
distribution, demand for regular sessions, services learned about, and the response rate."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from organiser.core.attendance import attendance_in
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.feedback.form import Question, questions_in
from organiser.core.feedback.kinds import FFT_POSITIVE, Kind, Standard
from organiser.core.feedback.responses import ResponseRow, responses_in
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
    answered = [v for v in values if v]
    return Share(sum(v in FFT_POSITIVE for v in answered), len(answered))


def distribution(question: Question, values: Iterable[str]) -> Distribution:
    """How many chose each choice (a multiple-choice answer counts once per choice)."""
    counted: Counter[str] = Counter()
    answered = 0
    for value in values:
        picked = [v for v in value.split("\n") if v]
        if picked:
            answered += 1
        counted.update(picked)
    rows = [(c, counted.pop(c, 0)) for c in question.choices]
    rows += [(f"{old} {GONE}", n) for old, n in sorted(counted.items())]
    return Distribution(question.id, question.text, question.kind, tuple(rows), answered)


def summarise(
    questions: Sequence[Question], responses: Sequence[ResponseRow]
) -> tuple[Share, Share, Share, list[Distribution], list[tuple[str, int]]]:
    """FFT, regular (yes, maybe), every choice question's distribution, services."""

    def values(q: Question) -> list[str]:
        return [r.answers.get(q.id, "") for r in responses]

    by_key = {q.standard: q for q in questions if q.standard}
    fft_q = by_key.get(Standard.FFT.value)
    fft = fft_share(values(fft_q)) if fft_q else Share(0, 0)
    regular_q = by_key.get(Standard.REGULAR.value)
    said = [v for v in values(regular_q) if v] if regular_q else []
    regular = Share(said.count("Yes"), len(said))
    maybe = Share(said.count("Maybe"), len(said))
    dists = [
        distribution(q, values(q))
        for q in questions
        if q.kind != Kind.TEXT.value
        and q.standard not in ("quote", "contact_consent")
        and not (q.archived and not any(values(q)))  # taken off the form before any answer
    ]
    services_q = by_key.get(Standard.SERVICES.value)
    services = (
        [(c, n) for c, n in distribution(services_q, values(services_q)).counts if n]
        if services_q
        else []
    )
    return fft, regular, maybe, dists, services


def figures(store: Store, event_id: int) -> FeedbackFigures:
    """Every figure the Feedback tab and the summary show."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        questions = questions_in(s, event_id, archived=True)
        responses = responses_in(s, event_id)
        attendance, source = attendance_in(s, event_id)
    fft, regular, maybe, dists, services = summarise(questions, responses)
    return FeedbackFigures(
        responses=len(responses),
        attendance=attendance,
        attendance_source=source,
        fft=fft,
        regular=regular,
        regular_maybe=maybe,
        distributions=tuple(dists),
        services=tuple(services),
    )
