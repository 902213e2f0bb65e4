"""A main window shown for a test, and put away after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from organiser.core.db import Store
from organiser.ui.main_window import MainWindow
from organiser.ui.style import STYLESHEET, apply_style


@contextmanager
def shown_window(
    qtbot: Any, qapp: QApplication, store: Store | None, settings: Path
) -> Iterator[MainWindow]:
    """A main window on `store` (None: not filled yet) with its own settings file, shown;
    closed and really deleted after, with the text size put back."""
    font = qapp.font()
    if qapp.styleSheet() != STYLESHEET:
        apply_style(qapp)
    shown = MainWindow(store, QSettings(str(settings), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    try:
        yield shown
    finally:
        shown.close()
        shown.deleteLater()
        # Really delete it now: left-over windows would slow every later zoom and style change.
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.setFont(font)
