"""What protecting a database with a password costs, each figure against the same database
unprotected, measured side by side: starting `organiser events` (the password's key
derivation included), opening an event whose cost table holds 10,000 rows in the window,
an autosave of a 1 MB text, and importing 100,000 bookings (an Eventbrite report: plan and
apply).

Run alone with `python -m benchmarks.protection`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.creche import eventbrite_report
from benchmarks.data import fill
from benchmarks.imports import median_ms
from organiser.core import protection
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events.service import create_event, update_event
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.ui.main_window import MainWindow

PASSWORD = "benchmark password"
IMPORTED = 100_000
RUNS = 5


def _pair(folder: Path, name: str, build: Callable[[Store], object]) -> tuple[Path, Path]:
    """The same database twice: plain, and a protected copy (its key remembered here)."""
    plain = folder / f"{name}.sqlite"
    store = open_store(database_url(str(plain)), daily_backup=False)
    try:
        build(store)
    finally:
        store.close()
    # Laid out afresh as protecting lays out its copy, so only the encryption differs.
    with closing(sqlite3.connect(plain)) as compact:
        compact.execute("VACUUM")
        compact.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    locked = folder / f"{name}-protected.sqlite"
    shutil.copyfile(plain, locked)
    protection.protect_database(locked, PASSWORD)  # its key is remembered here
    protection.remove_plain_copy(locked)
    return plain, locked


def _line(what: str, plain: float, locked: float) -> None:
    digits = 1 if plain < 10 else 0
    print(
        f"protected with a password, {what}: {locked / plain:.2f}× unprotected "
        f"({locked:.{digits}f} ms against {plain:.{digits}f} ms)"
    )


def _start(plain: Path, locked: Path) -> None:
    def events(path: Path) -> float:
        environment = {**os.environ, "ORGANISER_PASSWORD": PASSWORD}
        command = [sys.executable, "-m", "organiser", "--database", str(path), "events"]
        return median_ms(
            lambda: subprocess.run(command, env=environment, capture_output=True, check=True), 3
        )

    _line(
        "starting organiser events (the password's key derivation included)",
        events(plain),
        events(locked),
    )


def _window(app: QApplication, folder: Path, plain: Path, locked: Path) -> None:
    def open_big(path: Path) -> float:
        store = open_store(database_url(str(path)), daily_backup=False)
        window = MainWindow(store, QSettings(str(folder / "w.ini"), QSettings.Format.IniFormat))
        window.show()
        window.planning.show_section("budget")
        small, big = 1, 2  # fill's two events: the second holds the 10,000 costs
        times = []
        for _ in range(RUNS):
            window.open_event(small)
            app.processEvents()
            started = time.perf_counter()
            window.open_event(big)
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
        note = "Notes typed fast in a meeting. " * 32_000
        save = median_ms(lambda: update_event(store, event_id=big, values={"purpose": note + "x"}))
        window.close()
        store.close()
        saves.append(save)
        return statistics.median(times)

    saves: list[float] = []
    open_big(plain)  # warm: the first window in a process pays for compiling its queries
    saves.clear()
    opened = open_big(plain), open_big(locked)
    _line("opening an event whose cost table holds 10,000 rows", *opened)
    _line("autosave of a 1 MB text", saves[0], saves[1])


def _import(folder: Path) -> None:
    from organiser.core.creche.importing import apply_import, plan_for_event, suggest_mapping
    from organiser.core.tables import read_table

    data = eventbrite_report(IMPORTED)

    def run(path: Path) -> float:
        store = open_store(database_url(str(path)), daily_backup=False)
        try:
            event_id = create_event(store, title="Imported session").created_id
            assert event_id is not None
            started = time.perf_counter()
            table = read_table(data, "attendees.csv")
            mapping = suggest_mapping(store, event_id, table)[0]
            plan = plan_for_event(store, event_id, table, mapping)
            assert plan.ok, plan.summary()
            apply_import(store, event_id, plan)
            return (time.perf_counter() - started) * 1000
        finally:
            store.close()

    plain, locked = _pair(folder, "import", add_demo_event)
    _line(f"importing {IMPORTED:,} bookings (plan and apply)", run(plain), run(locked))


def protection_figures(work: Path) -> None:
    """Print each cost of protecting against its unprotected twin."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    folder = work / "protection"
    folder.mkdir(exist_ok=True)
    import sqlite3 as standard

    own = protection.cipher().sqlite_version
    print(
        f"  (a protected file is read by SQLCipher's own SQLite {own}"
        f" with an 8 MB page cache; an unprotected one by Python's {standard.sqlite_version} with "
        "2 MB: the encryption's cost is in these figures, net of the newer engine's gains)"
    )
    try:
        plain, locked = _pair(folder, "rows", lambda s: fill(s, events=2, costs_per_event=10_000))
        _start(plain, locked)
        _window(app, folder, plain, locked)
        _import(folder)
    finally:
        protection._UNLOCKED.clear()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.bytecode import compile_bytecode

    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="organiser-protection-") as where:
        protection_figures(Path(where))
