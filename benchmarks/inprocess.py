"""In-process figures: a 10,000-row table, a 1 MB autosave, the programme, flyer, feedback
summary and summary report PDFs."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.creche import creche_bookings
from benchmarks.data import fill
from benchmarks.feedback import feedback_figures
from benchmarks.flyer import flyer_figures
from benchmarks.imports import median_ms
from benchmarks.notes import notes_figures
from benchmarks.report import report_figures
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events.service import update_event
from organiser.core.opening import open_store
from organiser.core.planning.service import programme_sheet
from organiser.core.speakers.models import Speaker
from organiser.reports.programme import render_programme
from organiser.ui.main_window import MainWindow
from organiser.ui.opening import settle_memory


def run_inprocess(work: Path) -> None:
    """Print each in-process figure against its goal."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{work / 'rows.sqlite'}")
    big, small = fill(store, events=2, costs_per_event=10_000)
    window = MainWindow(store, QSettings(str(work / "bench.ini"), QSettings.Format.IniFormat))
    window.show()
    settle_memory()  # as the app does once its window is shown
    window.planning.show_section("budget")

    def open_big() -> None:
        window.open_event(small)
        app.processEvents()
        started = time.perf_counter()
        window.open_event(big)
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)

    timings: list[float] = []
    for _ in range(5):
        open_big()
    table = statistics.median(timings)
    print(
        f"opening an event whose cost table holds 10,000 rows: {table / 100:.2f}× the 100 ms goal "
        f"({table:.0f} ms)"
    )
    note = "Notes typed fast in a meeting. " * 32_000
    save = median_ms(lambda: update_event(store, event_id=big, values={"purpose": note + "x"}))
    save_small = median_ms(lambda: update_event(store, event_id=big, values={"purpose": "short"}))
    print(
        f"autosave of a 1 MB text: {save / max(save_small, 0.01):.1f}× a one-word save "
        f"({save:.1f} ms vs {save_small:.1f} ms; the typing debounce is 700 ms)"
    )
    sheet = programme_sheet(store, big)
    pdf = median_ms(lambda: render_programme(sheet))
    fetch = median_ms(lambda: programme_sheet(store, big))
    print(
        f"programme PDF (20 items): render {pdf:.0f} ms, data {fetch:.0f} ms "
        f"({(pdf + fetch) / 100:.2f}× the 100 ms 'instant' limit)"
    )
    notes_figures(work)
    _speakers_directory(app, window, store)
    creche_bookings(app, window, store, big)
    flyer_figures(app, store, add_demo_event(store))
    feedback_figures(work)
    report_figures(work)
    window.close()
    store.close()


def _speakers_directory(app: QApplication, window: MainWindow, store: Store) -> None:
    """Opening the Speakers tab on a directory of 10,000 speakers."""
    with store.begin() as session:
        session.add_all(
            Speaker(name=f"Speaker {n:05d}", topics="Wellbeing; movement", bio="Local." * 20)
            for n in range(10_000)
        )
    window.tabs.setCurrentWidget(window.speakers)
    window.speakers.show_section("directory")
    timings = []
    for _ in range(5):
        window.tabs.setCurrentWidget(window.planning)
        window.runner.announce(Changes(Touched.SPEAKERS))  # hidden: reloads when shown
        app.processEvents()
        started = time.perf_counter()
        window.tabs.setCurrentWidget(window.speakers)
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    shown = statistics.median(timings)
    print(
        f"opening the Speakers tab with 10,000 speakers: {shown / 100:.2f}× the 100 ms goal "
        f"({shown:.0f} ms)"
    )
