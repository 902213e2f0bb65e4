"""Run the real app (`organiser --database PATH`) and say what it shows once the window is up.

Prints one line "shown read_only=<reason or -> status=<status bar>", then runs until SIGTERM.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from organiser.app import main

_exec = QApplication.exec


def _exec_and_report(app: QApplication) -> int:
    def report() -> None:
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
        reason = window.store.read_only or "-"
        status = window.statusBar().currentMessage()
        print(f"shown read_only={reason} status={status}", flush=True)

    QTimer.singleShot(200, report)
    return _exec()


QApplication.exec = _exec_and_report  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[1:]))
