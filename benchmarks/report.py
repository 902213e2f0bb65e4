"""The summary report (read every tab's figures, then render the PDF) for a demo-like event
against one with ten times the responses, bookings, costs and lessons: its time should grow no
faster than the data; and the report's first pages as PNGs for `make screenshots`.

Run alone with `python -m benchmarks.report` (two example events in a fresh database).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from benchmarks.feedback import add_responses
from benchmarks.flyer import _until_ready
from organiser.core.coproduction.kinds import LessonTag
from organiser.core.coproduction.models import Lesson
from organiser.core.coproduction.summary import summary_sheet
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.models import Booking
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.opening import open_store
from organiser.core.planning.kinds import CostCategory
from organiser.core.planning.models import CostLine
from organiser.reports.summary import render_summary
from organiser.reports.summary_docx import render_summary_docx

RUNS = 3
# One "1×" of data on top of the example event: a busy session's worth.
RESPONSES, BOOKINGS, COSTS, LESSONS = 200, 60, 30, 10
STATUSES = (BookingStatus.ATTENDED, BookingStatus.BOOKED, BookingStatus.NO_SHOW)


def add_data(store: Store, event_id: int, times: int, *, seed: int = 11) -> None:
    """`times` × the responses, bookings, cost lines and lessons, inserted in bulk."""
    add_responses(store, event_id, times * RESPONSES)
    rng = random.Random(seed)
    with store.begin() as s:
        s.execute(
            insert(Booking),
            [
                {
                    "event_id": event_id,
                    "name": f"Household {n}",
                    "contact": f"0770090{n:04d}",
                    "adults": rng.randrange(1, 3),
                    "children": rng.randrange(0, 3),
                    "status": rng.choice(STATUSES).value,
                    "contact_consent": rng.random() < 0.5,
                }
                for n in range(times * BOOKINGS)
            ],
        )
        s.execute(
            insert(CostLine),
            [
                {
                    "event_id": event_id,
                    "item": f"Cost {n}",
                    "category": rng.choice(list(CostCategory)).value,
                    "estimated_pence": rng.randrange(100, 20_000),
                    "actual_pence": rng.choice([None, rng.randrange(100, 20_000)]),
                }
                for n in range(times * COSTS)
            ],
        )
        s.execute(
            insert(Lesson),
            [
                {
                    "event_id": event_id,
                    "happened": f"Something happened at the session ({n}).",
                    "learned": "Leave more time for parents to talk to each other.",
                    "differently": "Shorter talks, a longer coffee break.",
                    "tag": rng.choice(list(LessonTag)).value,
                }
                for n in range(times * LESSONS)
            ],
        )


def _timed(store: Store, event_id: int) -> tuple[float, float, float]:
    """Median milliseconds to read the report's data, render the PDF, and render the .docx."""
    reads, renders, words = [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        sheet = summary_sheet(store, event_id)
        read = time.perf_counter()
        render_summary(sheet)
        rendered = time.perf_counter()
        render_summary_docx(sheet)
        done = time.perf_counter()
        reads.append((read - started) * 1000)
        renders.append((rendered - read) * 1000)
        words.append((done - rendered) * 1000)
    return statistics.median(reads), statistics.median(renders), statistics.median(words)


def report_figures(work: Path) -> None:
    """Print the summary report's time at 10× the data as a ratio against 10× the data."""
    store = open_store(f"sqlite:///{work / 'report.sqlite'}", daily_backup=False)
    small, large = add_demo_event(store), add_demo_event(store)
    add_data(store, small, 1)
    add_data(store, large, 10)
    render_summary(summary_sheet(store, small))  # fonts registered, as in the app
    small_read, small_render, small_docx = _timed(store, small)
    large_read, large_render, large_docx = _timed(store, large)
    small_total, large_total = small_read + small_render, large_read + large_render
    ratio = large_total / small_total
    verdict = "grows no faster than the data" if ratio <= 10 else "grows FASTER than the data"
    print(
        f"summary report PDF, 10× the data ({10 * RESPONSES:,} responses, {10 * BOOKINGS:,} "
        f"bookings, {10 * COSTS} costs, {10 * LESSONS} lessons vs {RESPONSES}, {BOOKINGS}, "
        f"{COSTS}, {LESSONS}): {ratio:.1f}× the time against 10× the data — {verdict} "
        f"({large_total:.0f} ms: data {large_read:.0f} + render {large_render:.0f}; vs "
        f"{small_total:.0f} ms: data {small_read:.0f} + render {small_render:.0f}; the .docx "
        f"renders in {large_docx:.0f} ms vs {small_docx:.0f} ms)"
    )
    store.close()


def summary_pngs(app: QApplication, store: Store, event_id: int, out: Path) -> None:
    """summary.pdf, and its first two pages as summary-page-1.png and summary-page-2.png,
    drawn by QtPdf as the app's preview draws them."""
    pdf = render_summary(summary_sheet(store, event_id))
    (out / "summary.pdf").write_bytes(pdf)
    document, _buffer = _until_ready(app, pdf)
    dpi = 96
    for page in range(min(2, document.pageCount())):
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        path = out / f"summary-page-{page + 1}.png"
        document.render(page, size).save(str(path))
        print(path)


def main() -> int:
    """The summary report figure in a fresh database."""
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        report_figures(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
