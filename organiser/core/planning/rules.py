"""Pure checks on the programme and sums of the budget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from organiser.core.parsing import format_minutes, format_time, minutes_between


class Timed(Protocol):
    """Anything with an id, a title, a start, an end and an 'alongside' mark."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def start(self) -> dt.time: ...
    @property
    def end(self) -> dt.time: ...
    @property
    def alongside(self) -> bool: ...


@dataclass(frozen=True)
class ProgrammeCheck:
    """Warnings per programme item and for the programme as a whole."""

    per_item: dict[int, list[str]] = field(default_factory=dict)
    overall: list[str] = field(default_factory=list)
    total_minutes: int = 0

    @property
    def total_text(self) -> str:
        """The programme's length in words."""
        return format_minutes(self.total_minutes)


def check_programme(
    items: Sequence[Timed], *, event_start: dt.time | None, event_end: dt.time | None
) -> ProgrammeCheck:
    """Overlaps (unless running alongside), gaps, and items outside the event's times."""
    per_item: dict[int, list[str]] = {}
    overall: list[str] = []
    ordered = sorted(items, key=lambda i: (i.start, i.end, i.id))

    def warn(item: Timed, text: str) -> None:
        per_item.setdefault(item.id, []).append(text)

    main = [i for i in ordered if not i.alongside]
    for index, first in enumerate(main):
        for second in main[index + 1 :]:
            if second.start >= first.end:
                break
            warn(first, f"Overlaps “{second.title}”")
            warn(second, f"Overlaps “{first.title}”")
            overall.append(
                f"“{first.title}” and “{second.title}” overlap "
                f"({format_time(second.start)}–{format_time(min(first.end, second.end))})."
            )
    latest_end: dt.time | None = None
    for item in main:
        if latest_end is not None and item.start > latest_end:
            gap = minutes_between(latest_end, item.start)
            warn(item, f"Gap of {format_minutes(gap)} before")
            overall.append(
                f"Nothing is planned from {format_time(latest_end)} to {format_time(item.start)}."
            )
        latest_end = item.end if latest_end is None else max(latest_end, item.end)
    for item in ordered:
        if (event_start and item.start < event_start) or (event_end and item.end > event_end):
            warn(item, "Outside the event’s times")
            overall.append(f"“{item.title}” is outside the event’s times.")
    total = 0
    if ordered:
        total = minutes_between(min(i.start for i in ordered), max(i.end for i in ordered))
    return ProgrammeCheck(per_item=per_item, overall=overall, total_minutes=total)


@dataclass(frozen=True)
class BudgetSummary:
    """Totals of an event's budget, in pence."""

    funds: int
    estimated: int
    actual: int
    unpaid: int
    attendance: int | None

    @property
    def left_estimated(self) -> int:
        """Funds left after the estimated costs (negative when over budget)."""
        return self.funds - self.estimated

    @property
    def left_actual(self) -> int:
        """Funds left after the actual costs spent so far."""
        return self.funds - self.actual

    @property
    def over_estimated(self) -> bool:
        """True when the estimates need more than the funds."""
        return self.estimated > self.funds

    @property
    def over_actual(self) -> bool:
        """True when actual spending is more than the funds."""
        return self.actual > self.funds

    @property
    def per_attendee(self) -> int | None:
        """Actual (else estimated) cost per attendee, once attendance is known."""
        if not self.attendance:
            return None
        spent = self.actual or self.estimated
        return round(spent / self.attendance)


def sum_budget(
    funds: Sequence[int],
    costs: Sequence[tuple[int, int | None, bool]],
    *,
    attendance: int | None,
) -> BudgetSummary:
    """Add up funds and (estimated, actual, paid) cost lines."""
    estimated = sum(c[0] for c in costs)
    actual = sum(c[1] for c in costs if c[1] is not None)
    unpaid = sum((c[1] if c[1] is not None else c[0]) for c in costs if not c[2])
    return BudgetSummary(
        funds=sum(funds), estimated=estimated, actual=actual, unpaid=unpaid, attendance=attendance
    )
