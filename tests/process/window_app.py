"""Run the real app (`organiser --database PATH`) and say what it shows once the window has opened
its database and said what it says on opening.

Prints one line "shown read_only=<reason or -> status=<status bar>", then runs until SIGTERM.
"""

from __future__ import annotations

import sys
from typing import Any

from filled import when_settled
from PySide6.QtWidgets import QApplication

from organiser.app import main

_exec = QApplication.exec


def _exec_and_report(app: QApplication) -> int:
    def report(window: Any) -> None:
        reason = window.store.read_only or "-"
        status = window.statusBar().currentMessage()
        print(f"shown read_only={reason} status={status}", flush=True)

    when_settled(app, report)
    return _exec()


QApplication.exec = _exec_and_report  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[1:]))
