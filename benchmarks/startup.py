"""Child processes for the cold-start benchmarks: the app, a bare window with five tabs, or
opening a database and listing its events without a window (SQLite against PostgreSQL).

A window child prints one line: the wall-clock times (time.time(), to compare with the
parent's launch time) of its first frame and, for the app, of the last event's overview
drawn; then its peak memory in KiB at each. Then it quits.
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_kib() -> int:
    """This process's peak memory (VmHWM): unlike getrusage's, not inherited across fork and
    exec from a large parent such as the benchmark itself."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _watch(app: object, *, event_too: bool) -> None:
    """Note the first frame of the main window and (event_too) the first frame drawn once
    its title names an event; print them and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(app, QApplication)
    marks: list[tuple[float, int]] = []

    def mark() -> None:
        waiting.clear()
        marks.append((time.time(), _peak_kib()))
        if len(marks) == (2 if event_too else 1):
            first, event = marks[0], marks[-1]
            print(f"{first[0]:.4f} {event[0]:.4f} {first[1]} {event[1]}", flush=True)
            app.exit(0)

    class Frames(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if waiting or event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            window = watched.window()
            if window.objectName() == "main_window" and (
                not marks or " — Organiser" in window.windowTitle()
            ):
                waiting.append(True)
                QTimer.singleShot(0, mark)  # once this frame is drawn
            return False

    waiting: list[bool] = []
    frames = Frames(app)
    app.installEventFilter(frames)


def bare() -> int:
    """A PySide6 main window with five empty tabs."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setObjectName("main_window")
    tabs = QTabWidget()
    for name in ("Planning", "Speakers", "Creche", "Flyer", "Feedback"):
        tabs.addTab(QWidget(), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    _watch(app, event_too=False)
    window.show()
    return app.exec()


def organiser_app(database: str) -> int:
    """The real `organiser --database PATH`, quitting once the last event's overview is drawn."""
    from PySide6.QtWidgets import QApplication

    exec_ = QApplication.exec

    def exec_watched(self: QApplication) -> int:
        _watch(self, event_too=True)
        return exec_()

    QApplication.exec = exec_watched  # type: ignore[method-assign,assignment]
    from organiser.app import main

    return main(["--database", database])


def open_and_list(database: str) -> int:
    """Open the database as the app does (check, migrate) and list its events, no window.

    Prints the milliseconds from before the first import of Organiser to the list read.
    """
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
