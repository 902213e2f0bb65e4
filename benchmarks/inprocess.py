"""In-process figures: a 10,000-row table, a 1 MB autosave, the programme PDF."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.data import fill
from organiser.core.events.service import update_event
from organiser.core.opening import open_store
from organiser.core.planning.service import programme_sheet
from organiser.reports.programme import render_programme
from organiser.ui.main_window import MainWindow


def _median_ms(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run_inprocess(work: Path) -> None:
    """Print each in-process figure against its goal."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{work / 'rows.sqlite'}")
    big, small = fill(store, events=2, costs_per_event=10_000)
    window = MainWindow(store, QSettings(str(work / "bench.ini"), QSettings.Format.IniFormat))
    window.show()
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
    save = _median_ms(lambda: update_event(store, event_id=big, values={"purpose": note + "x"}))
    save_small = _median_ms(lambda: update_event(store, event_id=big, values={"purpose": "short"}))
    print(
        f"autosave of a 1 MB text: {save / max(save_small, 0.01):.1f}× a one-word save "
        f"({save:.1f} ms vs {save_small:.1f} ms; the typing debounce is 700 ms)"
    )
    sheet = programme_sheet(store, big)
    pdf = _median_ms(lambda: render_programme(sheet))
    fetch = _median_ms(lambda: programme_sheet(store, big))
    print(
        f"programme PDF (20 items): render {pdf:.0f} ms, data {fetch:.0f} ms "
        f"({(pdf + fetch) / 100:.2f}× the 100 ms 'instant' limit)"
    )
    window.close()
    store.close()
