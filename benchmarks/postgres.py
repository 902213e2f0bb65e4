"""A team database beside a SQLite file: the same figures on both, measured side by side.

- a cold start without a window: a fresh process opens the database (checks, migrates) and
  reads the event list, 50 events;
- the Creche tab's Bookings page with 10,000 bookings (the table benchmarks/creche.py measures),
  and the read behind it (`list_bookings`).

The server is $ORGANISER_BENCH_POSTGRES_URL, else $ORGANISER_TEST_POSTGRES_URL; the figures go in
a throwaway schema dropped at the end. `python -m benchmarks.postgres` runs these alone.
"""

from __future__ import annotations

import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from benchmarks.creche import add_bookings, time_bookings_page
from benchmarks.data import fill
from benchmarks.imports import median_ms
from organiser.core.creche.service import list_bookings
from organiser.core.opening import open_store

BENCH_ENV = "ORGANISER_BENCH_POSTGRES_URL"
TEST_ENV = "ORGANISER_TEST_POSTGRES_URL"
RUNS = 7


def server_url() -> str | None:
    """The PostgreSQL server to measure on, if one is named."""
    return os.environ.get(BENCH_ENV) or os.environ.get(TEST_ENV) or None


@contextmanager
def throwaway_schema(server: str) -> Iterator[str]:
    """A schema of this run's own on the server; yields the URL a store opens, drops it after."""
    name = f"organiser_bench_{os.getpid()}_{secrets.token_hex(4)}"
    engine = create_engine(server)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        url = make_url(server).update_query_dict({"options": f"-csearch_path={name}"})
        yield url.render_as_string(hide_password=False)
    finally:
        from organiser.core.team.roles_install import uninstall

        in_schema = create_engine(url)
        with in_schema.begin() as connection:
            uninstall(connection)  # its team roles are the server's, not the schema's
        in_schema.dispose()
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        engine.dispose()


def _ratio_line(what: str, sqlite_ms: float, postgres_ms: float, extra: str = "") -> str:
    return (
        f"{what}: PostgreSQL {postgres_ms / sqlite_ms:.2f}× SQLite "
        f"(SQLite {sqlite_ms:.0f} ms, PostgreSQL {postgres_ms:.0f} ms{extra})"
    )


def _open_child(url: str, env: dict[str, str]) -> tuple[float, float]:
    """A fresh process opens `url` and lists its events: (whole process, open + list) in ms."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup", "open", url],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, float(done.stdout.strip().splitlines()[-1])


def cold_open(work: Path, urls: dict[str, str]) -> None:
    """Cold process: open the database and read the event list (50 events), alternating."""
    for url in urls.values():
        with closing(open_store(url, daily_backup=False)) as store:
            fill(store)
    env = {**os.environ, "ORGANISER_DATA_DIR": str(work)}  # HOME kept: ~/.pgpass may be needed
    for url in urls.values():
        _open_child(url, env)  # the first open makes SQLite's daily backup; not timed
    whole: dict[str, list[float]] = {name: [] for name in urls}
    inner: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(RUNS):
        for name, url in urls.items():
            process, opened = _open_child(url, env)
            whole[name].append(process)
            inner[name].append(opened)
    sqlite, postgres = (statistics.median(whole[n]) for n in ("sqlite", "postgres"))
    sqlite_in, postgres_in = (statistics.median(inner[n]) for n in ("sqlite", "postgres"))
    print(
        _ratio_line(
            "cold start without a window, open + event list (50 events), whole process",
            sqlite,
            postgres,
        )
    )
    print(
        _ratio_line(
            "  of which importing Organiser, opening the database and listing events",
            sqlite_in,
            postgres_in,
        )
    )


def bookings_table(work: Path, urls: dict[str, str]) -> None:
    """The Creche tab's Bookings page and its read, 10,000 bookings on each database."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    stores, windows, events = {}, {}, {}
    # Imported here: the window pulls in all of Qt's widgets, not needed for the cold start.
    from organiser.ui.main_window import MainWindow
    from organiser.ui.opening import settle_memory

    try:
        for name, url in urls.items():
            store = stores[name] = open_store(url, daily_backup=False)
            (events[name],) = fill(store, events=1, costs_per_event=10)
            settings = QSettings(str(work / f"bench-{name}.ini"), QSettings.Format.IniFormat)
            windows[name] = MainWindow(store, settings)
            windows[name].show()
            # In the order run_inprocess and creche.py follow, so the SQLite figure matches the
            # line printed before: the Planning tab on its Budget page, then the bookings added.
            windows[name].planning.show_section("budget")
            add_bookings(store, events[name])
        settle_memory()  # as the app does once its window is shown
        page: dict[str, list[float]] = {name: [] for name in urls}
        read: dict[str, list[float]] = {name: [] for name in urls}
        for _ in range(3):  # alternating, so a busy moment of the machine hits both alike
            for name in urls:
                page[name] += time_bookings_page(app, windows[name], events[name])
                read[name].append(
                    median_ms(partial(list_bookings, stores[name], events[name]), runs=3)
                )
        sqlite, postgres = (statistics.median(page[n]) for n in ("sqlite", "postgres"))
        print(
            _ratio_line(
                "opening the Creche tab's bookings with 10,000 bookings",
                sqlite,
                postgres,
                "; goal ≤ 100 ms",
            )
        )
        sqlite, postgres = (statistics.median(read[n]) for n in ("sqlite", "postgres"))
        print(
            _ratio_line("  of which reading the 10,000 bookings (list_bookings)", sqlite, postgres)
        )
    finally:
        for window in windows.values():
            window.close()
        for store in stores.values():
            store.close()


def why_unreachable(server: str) -> str | None:
    """None when the server answers, else why not in one line."""
    try:
        probe = create_engine(server)
        try:
            with probe.connect() as connection:
                connection.execute(text("SELECT 1"))
        finally:
            probe.dispose()
    except (ImportError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return f"cannot reach {make_url(server)!s}: {reason}"
    return None


def postgres_figures(work: Path) -> None:
    """Print the PostgreSQL figures beside SQLite's, or say why they were not measured."""
    server = server_url()
    if not server:
        print(f"PostgreSQL: not measured (set {BENCH_ENV})")
        return
    why_not = why_unreachable(server)
    if why_not is not None:
        print(f"PostgreSQL: not measured ({why_not})")
        return
    folder = work / "postgres-bench"
    folder.mkdir()
    with throwaway_schema(server) as start_url, throwaway_schema(server) as table_url:
        cold_open(
            folder,
            {"sqlite": f"sqlite:///{folder / 'start.sqlite'}", "postgres": start_url},
        )
        bookings_table(
            folder,
            {"sqlite": f"sqlite:///{folder / 'bookings.sqlite'}", "postgres": table_url},
        )


def main() -> int:
    """Only the PostgreSQL-beside-SQLite figures."""
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        postgres_figures(Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
