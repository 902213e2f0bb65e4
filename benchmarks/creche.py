"""The Creche tab on an event with 10,000 bookings (a programme of sessions imported at once)."""

from __future__ import annotations

import statistics
import time

from PySide6.QtWidgets import QApplication

from organiser.core.changes import Changes, Touched
from organiser.core.creche.checks import review
from organiser.core.creche.models import Booking, Child
from organiser.core.db import Store
from organiser.ui.main_window import MainWindow


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


def creche_bookings(app: QApplication, window: MainWindow, store: Store, event_id: int) -> None:
    """Print how long the Bookings page and the creche checks take with 10,000 bookings."""
    add_bookings(store, event_id)
    shown = statistics.median(time_bookings_page(app, window, event_id))
    print(
        f"opening the Creche tab's bookings with 10,000 bookings: {shown / 100:.2f}× the 100 ms "
        f"goal ({shown:.0f} ms)"
    )
    checks = []
    for _ in range(3):
        started = time.perf_counter()
        review(store, event_id)
        checks.append((time.perf_counter() - started) * 1000)
    took = statistics.median(checks)
    print(
        f"creche checks over 10,000 bookings and 5,000 children: {took / 100:.2f}× the 100 ms "
        f"goal ({took:.0f} ms)"
    )
