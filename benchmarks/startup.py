"""Child processes for the cold-start benchmarks: the app, a bare window with five tabs, or
opening a database and listing its events without a window (SQLite against PostgreSQL).

The windows are shown, Qt paints once, they quit and print their peak memory in KiB.
"""

from __future__ import annotations

import os
import resource
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare() -> int:
    """A PySide6 main window with five empty tabs."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("Planning", "Speakers", "Creche", "Flyer", "Feedback"):
        tabs.addTab(QWidget(), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(_peak_kib())
    return 0


def organiser_app(database: str) -> int:
    """The real `organiser --database PATH`, quitting once the window is shown."""
    from PySide6.QtWidgets import QApplication

    def exec_once(self: QApplication) -> int:
        self.processEvents()
        return 0

    QApplication.exec = exec_once  # type: ignore[method-assign,assignment]
    from organiser.app import main

    code = main(["--database", database])
    print(_peak_kib())
    return code


def open_and_list(database: str) -> int:
    """Open the database as the app does (check, migrate) and list its events, no window.

    Prints the milliseconds from before the first import of Organiser to the list read.
    """
    import time

    started = time.perf_counter()
    from organiser.core.events.service import list_events
    from organiser.core.opening import open_store

    store = open_store(database)
    listed = list_events(store)
    took = (time.perf_counter() - started) * 1000
    store.close()
    assert listed, "the benchmark database has events"
    print(f"{took:.1f}")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "open":
        raise SystemExit(open_and_list(sys.argv[2]))
    raise SystemExit(bare() if sys.argv[1] == "bare" else organiser_app(sys.argv[2]))
