"""Start the window: check the platform, draw the window, then lock the database, open it
safely and fill the window; handle SIGTERM.

The first frame (menus, tabs, the event list) is on screen before the data layer is imported:
this module and the window's frame import only Qt and small modules of their own.
"""

from __future__ import annotations

import signal
import sys
import traceback
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from organiser.core.paths import sqlite_path
from organiser.ui.main_window import MainWindow
from organiser.ui.opening import Opening
from organiser.ui.platform_check import platform_problem
from organiser.ui.style import apply_style


def report_unexpected(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    """A bug, not the person's mistake: say so kindly; log where, never the message, which
    can hold personal data (names, notes) from the values involved."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    print(f"organiser: unexpected {kind.__name__}{where}", file=sys.stderr, flush=True)
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            "Organiser",
            f"Something went wrong inside Organiser ({kind.__name__}). Everything saved so far "
            "is safe. If it happens again, please tell whoever looks after Organiser what you "
            "were doing.",
        )


def _handle_sigterm(app: QApplication) -> QTimer:
    """Close cleanly on SIGTERM: a timer wakes Python so the handler runs while Qt idles."""
    # Closed from the event loop: a SIGTERM that lands before it runs still closes the window.
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    waker = QTimer(app)
    waker.start(200)
    waker.timeout.connect(lambda: None)
    return waker


def run_gui(url: str, *, demo: bool, argv: list[str]) -> int:
    """Open the main window on `url` and run until it closes."""
    problem = platform_problem()
    if problem:
        print(f"organiser: {problem}", file=sys.stderr)
        return 1
    app = QApplication(argv)
    app.setApplicationName("Organiser")
    app.setOrganizationName("Organiser")
    apply_style(app)
    app.setWindowIcon(QIcon(str(files("organiser") / "resources" / "organiser.svg")))
    window = MainWindow(None, QSettings())
    opening = Opening(app, window, url, demo=demo)
    if not opening.check_the_file():
        return 1
    path = sqlite_path(url)
    window.statusBar().showMessage(f"Opening {path.name if path else 'the team database'}…")
    # Before the window shows: a logout's SIGTERM from then on closes it cleanly.
    waker = _handle_sigterm(app)
    sys.excepthook = report_unexpected
    app.aboutToQuit.connect(window.flush)
    opening.start()
    window.show()
    code = app.exec()
    waker.stop()
    opening.close()
    return opening.code or code
