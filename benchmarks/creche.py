"""The Creche tab on an event with 10,000 bookings (a programme of sessions imported at once),
and importing 10,000 bookings from an Eventbrite attendee report.

Run the import figure alone with `python -m benchmarks.creche` (a fresh database), the Bookings
page and creche checks figures alone with `python -m benchmarks.creche bookings`.
"""

from __future__ import annotations

import codecs
import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.imports import time_plan, timed_ms
from organiser.core.changes import Changes, Touched
from organiser.core.creche.checks import review
from organiser.core.creche.models import Booking, Child
from organiser.core.db import Store

if TYPE_CHECKING:  # the import figure runs without Qt
    from PySide6.QtWidgets import QApplication

    from organiser.ui.main_window import MainWindow

IMPORTED = 10_000  # bookings in the generated export
EVENTBRITE_HEADER = (
    "Order #",
    "Order Date",
    "First Name",
    "Last Name",
    "Email",
    "Quantity",
    "Price Tier",
    "Ticket Type",
    "Attendee #",
    "Group",
    "Order Type",
    "Currency",
    "Total Paid",
    "Attendee Status",
    "Barcode #",
    "Buyer Last Name",
    "Buyer First Name",
    "Buyer Email",
    "Check-In Date",
    "Do you need a creche place? (ages)",
    "Do you have any access needs?",
    "How did you hear about this event?",
)
_ANSWERS = ("No", "Yes – 2 and 4", "Yes, one aged 3", "No", "n/a", "Yes")
_FIRST = ("Zoë", "Siobhán", "Łucja", "Ama", "Renée", "Nguyễn", "Aoife", "Kwame")


def add_bookings(store: Store, event_id: int, count: int = 10_000) -> None:
    """Give the event `count` bookings, every other one with a child in the creche."""
    with store.begin() as session:
        session.add_all(
            Booking(event_id=event_id, name=f"Parent {n:05d}", adults=1 + n % 2, children=n % 2)
            for n in range(count)
        )
    with store.begin() as session:
        ids = [b.id for b in session.query(Booking.id).filter(Booking.event_id == event_id)]
        session.add_all(
            Child(booking_id=i, first_name=f"Child {i}", age_months=6 + i % 48, collectors="Mum")
            for i in ids[::2]
        )


def time_bookings_page(app: QApplication, window: MainWindow, event_id: int) -> list[float]:
    """Milliseconds to show the Creche tab's Bookings page, read afresh, five times."""
    window.open_event(event_id)
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("bookings")
    timings = []
    for _ in range(5):
        window.tabs.setCurrentWidget(window.planning)
        window.runner.announce(Changes(Touched.BOOKINGS, event_id=event_id))
        app.processEvents()
        started = time.perf_counter()
        window.tabs.setCurrentWidget(window.creche)
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


GOAL_MS = 100  # issue 19: the Bookings page and the creche checks, each with 10,000 bookings


def creche_bookings(app: QApplication, window: MainWindow, store: Store, event_id: int) -> None:
    """Print how long the Bookings page and the creche checks take with 10,000 bookings,
    then the booking import figures."""
    creche_figures(app, window, store, event_id)
    booking_import(store)


def creche_figures(app: QApplication, window: MainWindow, store: Store, event_id: int) -> None:
    """The Bookings page and the creche checks with 10,000 bookings, each beside its goal."""
    add_bookings(store, event_id)
    shown = statistics.median(time_bookings_page(app, window, event_id))
    print(
        f"opening the Creche tab's bookings with 10,000 bookings: {shown:.0f} ms "
        f"(goal ≤ {GOAL_MS} ms)"
    )
    checks = []
    for _ in range(5):
        started = time.perf_counter()
        review(store, event_id)
        checks.append((time.perf_counter() - started) * 1000)
    took = statistics.median(checks)
    print(f"creche checks, 10,000 bookings and 5,000 children: {took:.0f} ms (goal ≤ {GOAL_MS} ms)")


def eventbrite_report(bookings: int = IMPORTED) -> bytes:
    """An Eventbrite attendee report (CSV, UTF-8 with a BOM) of `bookings` orders: every fifth
    has a second ticket on its own row, every tenth answers the creche question with ages."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EVENTBRITE_HEADER)
    attendee = 70_000_000
    for n in range(bookings):
        first, last = _FIRST[n % len(_FIRST)], f"Parent{n:05d}"
        email = f"parent{n}@example.org"
        for _ticket in range(2 if n % 5 == 0 else 1):
            attendee += 1
            writer.writerow(
                (
                    str(600_000 + n),
                    f"2027-01-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:31",
                    first,
                    last,
                    email,
                    "1",
                    "",
                    "General admission",
                    str(attendee),
                    "",
                    "Free Order",
                    "GBP",
                    "0.00",
                    "Checked In" if n % 7 == 0 else "Attending",
                    f"{attendee}001",
                    last,
                    first,
                    email,
                    "",
                    _ANSWERS[n % len(_ANSWERS)],
                    "Step-free access please" if n % 13 == 0 else "None",
                    "Leaflet at the library",
                )
            )
    return codecs.BOM_UTF8 + out.getvalue().encode()


def booking_import(store: Store) -> None:
    """Print how long planning (guessing the columns included) and applying an import of
    10,000 bookings take, against reading the same file alone, and the plan's peak memory."""
    from organiser.core.creche.importing import apply_import, plan_for_event, suggest_mapping
    from organiser.core.events.service import create_event
    from organiser.core.tables import read_table

    data = eventbrite_report()
    event_id = create_event(store, title="Imported session").created_id
    assert event_id is not None
    timed = time_plan(
        lambda: read_table(data, "attendees.csv"),
        lambda table: suggest_mapping(store, event_id, table)[0],
        lambda table, mapping: plan_for_event(store, event_id, table, mapping),
        runs=3,
    )
    plan, peak = timed.plan, timed.peak
    assert plan.ok and plan.good_count() == IMPORTED, plan.summary()
    _changes, applied = timed_ms(lambda: apply_import(store, event_id, plan))
    read_ms, plan_ms = timed.read_ms, timed.plan_ms
    rows = len(timed.table.rows)
    print(
        f"booking import, {IMPORTED:,} bookings ({rows:,} rows, Eventbrite CSV of "
        f"{len(data) / 2**20:.1f} MiB): plan {plan_ms:.0f} ms ({plan_ms / read_ms:.1f}× reading "
        f"the file, {read_ms:.0f} ms); apply {applied:.0f} ms "
        f"({applied / IMPORTED * 1000:.0f} µs a booking, one transaction)"
    )
    print(
        f"booking import plan, peak memory: {peak / 2**20:.1f} MiB over the file as read "
        f"({peak / len(data):.1f}× the file's size)"
    )


def main(argv: list[str]) -> int:
    """The booking import figure in a fresh database; with `bookings`, the Bookings page and
    creche checks figures instead (`python -m benchmarks.creche bookings`)."""
    from organiser.core.opening import open_store

    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'import.sqlite'}", daily_backup=False)
        if argv[1:2] == ["bookings"]:
            _bookings_alone(store, Path(folder))
        else:
            booking_import(store)
        store.close()
    return 0


def _bookings_alone(store: Store, folder: Path) -> None:
    """The two creche figures on the database `make bench` gives them (two events)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.data import fill
    from organiser.ui.main_window import MainWindow
    from organiser.ui.opening import settle_memory

    app = QApplication(sys.argv[:1])
    big, _small = fill(store, events=2, costs_per_event=10_000)
    window = MainWindow(store, QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window.show()
    settle_memory()
    creche_figures(app, window, store, big)
    window.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
