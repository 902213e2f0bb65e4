"""Getting started opened over the test window, and what a person does in its guided form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from organiser.core.events import service as events
from organiser.ui.getting_started import GettingStartedDialog
from organiser.ui.main_window import MainWindow

ENTER = Qt.Key.Key_Return
SOON = dt.date.today() + dt.timedelta(days=40)


@pytest.fixture
def dialog(window: MainWindow, qtbot: Any) -> Iterator[GettingStartedDialog]:
    """Getting started over an empty window, shown and active."""
    shown = GettingStartedDialog(window)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown
    shown.close()


def titles(window: MainWindow) -> list[str]:
    return [row.title for row in events.list_events(window.store, include_archived=True)]


def type_lines(person: Any, box: Any, lines: list[str]) -> None:
    """Type names into the working group, Enter after each but the last (as a person does)."""
    person.type(box, "")
    for number, line in enumerate(lines):
        if line:
            person.type(box, line, replace=False)
        if number < len(lines) - 1:
            person.qtbot.keyClick(box, ENTER)


def start_form(dialog: GettingStartedDialog, person: Any) -> Any:
    person.click(dialog.start)
    assert dialog.form.isVisible()
    return dialog.form
