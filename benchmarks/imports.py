"""How an import is timed, for bookings and feedback alike: reading the file alone, planning
(guessing the columns included), and the plan's peak memory over the file as read."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Planned:
    """The medians of reading and of planning, the peak memory of one plan, and that plan."""

    read_ms: float
    plan_ms: float
    peak: int  # bytes over the file as read
    table: Any
    mapping: Any
    plan: Any


def time_plan(
    read: Callable[[], Any],
    suggest: Callable[[Any], Any],
    plan_of: Callable[[Any, Any], Any],
    runs: int,
) -> Planned:
    """Read and plan `runs` times (the medians), then once more under tracemalloc."""
    reads, plans = [], []
    for _ in range(runs):
        started = time.perf_counter()
        table = read()
        done_reading = time.perf_counter()
        mapping = suggest(table)
        plan_of(table, mapping)
        planned = time.perf_counter()
        reads.append((done_reading - started) * 1000)
        plans.append((planned - done_reading) * 1000)
    tracemalloc.start()
    table = read()
    after_read = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    plan = plan_of(table, mapping)
    peak = tracemalloc.get_traced_memory()[1] - after_read
    tracemalloc.stop()
    return Planned(statistics.median(reads), statistics.median(plans), peak, table, mapping, plan)


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    """The median time of `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def timed_ms(call: Callable[[], Any]) -> tuple[Any, float]:
    """What one call gives, and how long it takes."""
    started = time.perf_counter()
    given = call()
    return given, (time.perf_counter() - started) * 1000
