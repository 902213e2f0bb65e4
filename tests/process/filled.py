"""Act in a real Organiser window once it has opened its database.

The window is drawn first and filled after (its second step of starting): a script that acts
on the event's pages waits for the window's `filled` signal, as a person waits for the event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


def main_window(app: QApplication) -> Any:
    """The app's main window."""
    return next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")


def when_filled(app: QApplication, action: Callable[[Any], object]) -> None:
    """Run `action(window)` from the event loop once the window has opened its database."""
    window = main_window(app)
    if window.is_filled:
        QTimer.singleShot(0, lambda: action(window))
    else:
        window.filled.connect(lambda: QTimer.singleShot(0, lambda: action(window)))


def when_settled(app: QApplication, action: Callable[[Any], object]) -> None:
    """Run `action(window)` once the window is filled and has said what it says on opening
    (today's backup failed, …)."""
    window = main_window(app)
    opening = window.findChild(QObject, "opening")
    opening.settled.connect(lambda: QTimer.singleShot(0, lambda: action(window)))
