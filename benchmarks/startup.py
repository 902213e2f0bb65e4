"""Child processes for the cold-start benchmark: the app, or a bare window with five tabs.

Each shows its window, lets Qt paint once, quits, and prints its peak memory in KiB.
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

    QApplication.exec = exec_once  # type: ignore[method-assign]
    from organiser.app import main

    code = main(["--database", database])
    print(_peak_kib())
    return code


if __name__ == "__main__":
    raise SystemExit(bare() if sys.argv[1] == "bare" else organiser_app(sys.argv[2]))
