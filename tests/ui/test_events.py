"""The event switcher: new, duplicate as the next session, archive, delete (and undo), search."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QToolButton

from organiser.core.demo import DEMO_TITLE
from organiser.core.events import service as events
from organiser.ui import commands
from organiser.ui.main_window import MainWindow


def button(window: MainWindow, action: Any) -> QToolButton:
    """The switcher's button for a menu action."""
    found = [b for b in window.panel.findChildren(QToolButton) if b.defaultAction() is action]
    assert len(found) == 1
    return found[0]


def titles(person: Any, window: MainWindow) -> list[str]:
    """The titles the event list shows (first line of each entry)."""
    return [text.split("\n")[0] for text in person.items(window.panel.list)]


def current_title(window: MainWindow) -> str:
    return str(window.panel.list.currentIndex().data()).split("\n")[0]


def test_new_event_appears_in_the_list_and_the_title(
    window: MainWindow, dialogs: Any, person: Any, find_action: Any
) -> None:
    tabs = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    assert tabs == ["Planning", "Speakers", "Creche", "Flyer", "Feedback"]
    assert window.windowTitle().startswith("Organiser — ")
    assert not window.menu_actions.delete.isEnabled()

    dialogs.text = ("Zoë’s coffee morning", True)
    find_action(window, "&File", "&New event").trigger()

    assert titles(person, window) == ["Zoë’s coffee morning"]
    assert current_title(window) == "Zoë’s coffee morning"
    assert window.windowTitle().startswith("Zoë’s coffee morning — Organiser — ")
    assert window.planning.shown_page() is window.planning.details
    assert person.shown(window.planning.details.form.inputs["title"]) == "Zoë’s coffee morning"
    assert "Idea" in person.items(window.panel.list)[0]
    assert window.menu_actions.delete.isEnabled()


@pytest.mark.parametrize("answer", [("", True), ("   ", True), ("Picnic", False)])
def test_cancelled_or_blank_new_event_creates_nothing(
    window: MainWindow, dialogs: Any, person: Any, answer: tuple[str, bool]
) -> None:
    dialogs.text = answer
    person.click(button(window, window.menu_actions.new))
    assert events.list_events(window.store) == []
    assert person.items(window.panel.list) == []


def test_duplicate_as_next_session_copies_the_group_and_programme(
    window: MainWindow, person: Any
) -> None:
    commands.open_example(window)
    first = window.event_id
    person.click(button(window, window.menu_actions.duplicate))

    assert window.event_id is not None and window.event_id != first
    assert current_title(window) == f"{DEMO_TITLE} (session 2)"
    assert window.windowTitle().startswith(f"{DEMO_TITLE} (session 2) — Organiser")
    window.planning.show_section("members")
    assert person.column(window.planning.members.section.table, "Name") == [
        "Zoë Marsh",
        "Siobhán Kelly",
        "Łucja Nowak",
        "Dev Okafor",
    ]
    window.planning.show_section("programme")
    assert window.planning.programme.section.model.rowCount() == 7
    assert sorted(titles(person, window)) == sorted([DEMO_TITLE, f"{DEMO_TITLE} (session 2)"])

    person.click(button(window, window.menu_actions.duplicate))
    assert current_title(window) == f"{DEMO_TITLE} (session 3)"


def test_archived_events_are_hidden_unless_asked_for(
    window: MainWindow, new_event: Any, person: Any
) -> None:
    new_event("Coffee morning")
    kept = new_event("Picnic in the park")
    archive = window.menu_actions.archive
    assert archive.text() == "&Archive event"
    person.click(button(window, archive))

    assert titles(person, window) == ["Coffee morning"]
    assert events.get_event(window.store, kept).archived
    assert archive.text() == "Un&archive event"

    person.tick(window.panel.show_archived)
    assert sorted(titles(person, window)) == ["Coffee morning", "Picnic in the park"]
    archived = [t for t in person.items(window.panel.list) if t.startswith("Picnic")]
    assert archived[0].endswith(" · archived"), "archived is said in words"

    person.click(button(window, archive))
    assert not events.get_event(window.store, kept).archived
    person.tick(window.panel.show_archived)
    assert sorted(titles(person, window)) == ["Coffee morning", "Picnic in the park"]


def test_delete_asks_first_and_undo_brings_it_back(
    window: MainWindow, dialogs: Any, new_event: Any, person: Any
) -> None:
    new_event("Coffee morning")
    doomed = new_event("Picnic in the park")
    delete = button(window, window.menu_actions.delete)

    dialogs.answer = QMessageBox.StandardButton.No
    person.click(delete)
    assert "Picnic in the park" in dialogs.questions[-1]
    assert events.event_exists(window.store, doomed)

    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(delete)
    assert not events.event_exists(window.store, doomed)
    assert titles(person, window) == ["Coffee morning"]
    assert window.event_id != doomed
    assert window.windowTitle().startswith("Coffee morning — Organiser")

    window.runner.undo_stack.undo()
    assert events.event_exists(window.store, doomed)
    assert sorted(titles(person, window)) == ["Coffee morning", "Picnic in the park"]


def test_deleting_the_only_event_leaves_an_empty_window(
    window: MainWindow, dialogs: Any, new_event: Any, person: Any
) -> None:
    new_event("Coffee morning")
    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(button(window, window.menu_actions.delete))
    assert window.event_id is None
    assert person.items(window.panel.list) == []
    assert window.windowTitle().startswith("Organiser — ")
    assert not window.planning.details.isEnabled()
    window.planning.show_section("overview")
    assert "Choose or create an event" in window.planning.overview.text.text()


def test_undoing_the_delete_of_the_only_event_opens_it_again(
    window: MainWindow, dialogs: Any, new_event: Any, person: Any
) -> None:
    only = new_event("Coffee morning")
    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(button(window, window.menu_actions.delete))
    assert window.event_id is None
    window.runner.undo_stack.undo()
    assert window.event_id == only
    assert window.windowTitle().startswith("Coffee morning — Organiser")


def test_search_filters_the_list(window: MainWindow, new_event: Any, person: Any) -> None:
    new_event("Coffee morning")
    new_event("Pilates and wellbeing morning")
    new_event("Picnic in the park")
    person.type(window.panel.search, "MORNING")
    assert sorted(titles(person, window)) == ["Coffee morning", "Pilates and wellbeing morning"]
    person.type(window.panel.search, "Łucja")
    assert titles(person, window) == []
    person.type(window.panel.search, "")
    assert len(titles(person, window)) == 3


def test_choosing_an_event_opens_it(window: MainWindow, new_event: Any, person: Any) -> None:
    first = new_event("Coffee morning")
    new_event("Picnic in the park")
    row = titles(person, window).index("Coffee morning")
    person.choose_row(window.panel.list, row)
    assert window.event_id == first
    assert window.windowTitle().startswith("Coffee morning — Organiser")


def test_the_last_open_event_is_opened_again(
    window: MainWindow, new_event: Any, qtbot: Any
) -> None:
    first = new_event("Coffee morning")
    new_event("Picnic in the park")
    window.open_event(first)
    window.close()
    again = MainWindow(window.store, window.settings)
    qtbot.addWidget(again)
    assert again.event_id == first
