"""In-process figures: a 10,000-row table, a 1 MB autosave, the programme, flyer, feedback
summary and summary report PDFs."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.creche import creche_bookings
from benchmarks.data import fill
from benchmarks.feedback import feedback_figures
from benchmarks.flyer import flyer_figures
from benchmarks.report import report_figures
from organiser.core.changes import Changes, Touched
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events.service import update_event
from organiser.core.meetings.service import save_notes
from organiser.core.opening import open_store
from organiser.core.planning.service import programme_sheet
from organiser.core.row_kinds import RowKind
from organiser.core.speakers.models import Speaker
from organiser.reports.programme import render_programme
from organiser.ui.launch import settle_memory
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
    _meeting_notes(app, window, store, big)
    _speakers_directory(app, window, store)
    creche_bookings(app, window, store, big)
    flyer_figures(app, store, add_demo_event(store))
    feedback_figures(work)
    report_figures(work)
    window.close()
    store.close()


def _meeting_notes(app: QApplication, window: MainWindow, store: Store, event_id: int) -> None:
    """Opening a meeting whose notes are 1 MB, and autosaving them after one keystroke."""
    line = "- Zoë asked about **step-free** rooms and the creche; Dev will ring the hall\n"
    # Headed sections of twenty points, as notes are typed; Qt's Markdown reader slows
    # quadratically on one list of thousands of items (4,000 items: 0.4 s).
    section = "\n## Next item\n\n" + line * 20
    big_note = section * (1_000_000 // len(section))
    ids = []
    for notes in (big_note, "## Notes\n" + line):
        created = add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values={})
        assert created.created_id is not None
        save_notes(store, meeting_id=created.created_id, text=notes)
        ids.append(created.created_id)
    window.planning.show_section("meetings")
    page = window.planning.meetings
    big, small = ids

    def open_meeting(meeting_id: int) -> float:
        page.show_meeting(small if meeting_id == big else big)
        app.processEvents()
        started = time.perf_counter()
        page.show_meeting(meeting_id)
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    opened = statistics.median(open_meeting(big) for _ in range(3))
    opened_small = statistics.median(open_meeting(small) for _ in range(3))
    print(
        f"opening a meeting with a 1 MB note: {opened / opened_small:.0f}× a short note "
        f"({opened:.0f} ms vs {opened_small:.0f} ms)"
    )

    def autosave(meeting_id: int) -> float:
        page.show_meeting(meeting_id)
        app.processEvents()
        editor = page.notes.text
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        editor.insertPlainText("x")
        started = time.perf_counter()
        page.notes.save_now()
        return (time.perf_counter() - started) * 1000

    saved = statistics.median(autosave(big) for _ in range(3))
    saved_small = statistics.median(autosave(small) for _ in range(3))
    print(
        f"autosave of a 1 MB note after a keystroke: {saved / saved_small:.0f}× a short note "
        f"({saved:.0f} ms vs {saved_small:.1f} ms; typing waits this long once per save)"
    )


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
