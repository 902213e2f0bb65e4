"""Help ▸ Open example event (and `organiser --demo`) opens the example event, adding it only
when there is none: running it again does not pile up copies."""

from __future__ import annotations

from typing import Any

from organiser.core.demo import DEMO_TITLE
from organiser.core.events import service as events
from organiser.ui import commands
from organiser.ui.main_window import MainWindow


def examples(window: MainWindow) -> list[int]:
    rows = events.list_events(window.store, include_archived=True)
    return [row.id for row in rows if row.title == DEMO_TITLE]


def test_the_example_is_added_once_and_opened_after(window: MainWindow, new_event: Any) -> None:
    commands.open_example(window)
    first = window.event_id
    assert examples(window) == [first]
    assert window.runner.undo_stack.undoText() == "Open example event"
    new_event("Coffee morning")
    assert window.event_id != first
    window.runner.undo_stack.clear()
    commands.open_example(window)
    assert window.event_id == first
    assert examples(window) == [first]
    assert window.runner.undo_stack.count() == 0  # opening is not a change


def test_an_archived_example_is_left_put_away_and_a_fresh_one_added(window: MainWindow) -> None:
    commands.open_example(window)
    first = window.event_id
    assert first is not None
    events.set_archived(window.store, event_id=first, archived=True)
    commands.open_example(window)
    assert window.event_id not in (None, first)
    assert examples(window) == [first, window.event_id]
