"""Undo and redo: deletions and edits come back, from the stack and from Edit ▸ Undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from organiser.core.events import service as events
from organiser.core.planning import service as planning
from organiser.ui import commands
from organiser.ui.main_window import MainWindow

VENUE = "Harbourside Family Centre"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def example(window: MainWindow) -> int:
    """The example event, open."""
    commands.open_example(window)
    assert window.event_id is not None
    window.runner.undo_stack.clear()
    return window.event_id


def test_a_deleted_member_comes_back_with_undo_and_goes_again_with_redo(
    window: MainWindow, example: int, person: Any
) -> None:
    window.planning.show_section("members")
    section = window.planning.members.section
    before = person.column(section.table, "Name")
    assert len(before) == 4
    person.choose_row(section.table, 1)
    assert person.shown(section.form.inputs["name"]) == "Siobhán Kelly"
    person.click(section.delete_button)

    assert section.model.rowCount() == 3
    assert "Siobhán Kelly" not in person.column(section.table, "Name")
    assert window.runner.undo_stack.undoText() == "Delete member"

    window.runner.undo_stack.undo()
    assert person.column(section.table, "Name") == before
    restored = planning.list_members(window.store, example)[1]
    assert (restored.name, restored.organisation) == (
        "Siobhán Kelly",
        "Perinatal Mental Health Team",
    )
    assert window.planning.members.summary.text().startswith("4 members")

    window.runner.undo_stack.redo()
    assert section.model.rowCount() == 3
    assert "Siobhán Kelly" not in person.column(section.table, "Name")


def test_undoing_an_edit_shows_the_old_value_in_the_field(
    window: MainWindow, example: int, person: Any, find_action: Any
) -> None:
    window.planning.show_section("details")
    venue = window.planning.details.form.inputs["venue_name"]
    assert person.shown(venue) == VENUE
    person.fill(venue, "Pier Hall")
    assert events.get_event(window.store, example).venue_name == "Pier Hall"

    undo = find_action(window, "&Edit", "&Undo")
    assert undo.isEnabled()
    assert "Edit event details" in undo.text()
    undo.trigger()
    assert person.shown(venue) == VENUE
    assert events.get_event(window.store, example).venue_name == VENUE

    find_action(window, "&Edit", "&Redo").trigger()
    assert person.shown(venue) == "Pier Hall"
    assert events.get_event(window.store, example).venue_name == "Pier Hall"


def test_ctrl_z_undoes_a_deletion(
    window: MainWindow, example: int, person: Any, find_action: Any
) -> None:
    undo = find_action(window, "&Edit", "&Undo")
    assert QKeySequence("Ctrl+Z") in undo.shortcuts()
    window.planning.show_section("programme")
    section = window.planning.programme.section
    person.choose_row(section.table, 0)
    person.click(section.delete_button)
    assert section.model.rowCount() == 6

    person.focus(section.table)
    person.qtbot.keyClick(section.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section.model.rowCount() == 7
    assert person.column(section.table, "Title")[0].startswith("Arrival, name badges")


def test_undoing_an_added_cost_removes_it_and_redo_adds_it_back(
    window: MainWindow, example: int, person: Any
) -> None:
    window.planning.show_section("budget")
    costs = window.planning.budget.costs
    person.click(costs.new_button)
    person.type(costs.form.inputs["estimated_pence"], "30")
    person.type(costs.form.inputs["item"], "Taxi for a speaker")
    person.click(costs.add_button)
    assert costs.model.rowCount() == 7
    assert "Taxi for a speaker" in person.column(costs.table, "Item")

    window.runner.undo_stack.undo()
    assert costs.model.rowCount() == 6
    assert costs.mode_label.text() == "New cost", "the editor lets go of the removed row"
    window.runner.undo_stack.redo()
    assert person.column(costs.table, "Item")[-1] == "Taxi for a speaker"


def test_undo_history_is_per_action_not_per_keystroke(
    window: MainWindow, example: int, person: Any
) -> None:
    window.planning.show_section("details")
    form = window.planning.details.form
    person.fill(form.inputs["capacity"], "25")
    person.fill(form.inputs["booking_contact"], "Dev Okafor")
    assert window.runner.undo_stack.count() == 2
    window.runner.undo_stack.undo()
    window.runner.undo_stack.undo()
    details = events.get_event(window.store, example)
    assert details.capacity == 20
    assert details.booking_contact.startswith("Łucja Nowak")
    assert person.shown(form.inputs["capacity"]) == "20"


def test_ctrl_z_in_a_field_with_nothing_to_undo_undoes_the_windows_last_change(
    window: MainWindow, example: int, person: Any
) -> None:
    window.planning.show_section("budget")
    costs = window.planning.budget.costs
    before = person.column(costs.table, "Item")
    person.choose_row(costs.table, 0)
    person.click(costs.delete_button)
    assert person.column(costs.table, "Item") == before[1:]
    item = costs.form.inputs["item"]
    person.focus(item)  # the empty field the deletion leaves
    person.qtbot.keyClick(item, Qt.Key.Key_Z, CTRL)
    assert person.column(costs.table, "Item") == before
    person.qtbot.keyClick(item, Qt.Key.Key_Z, CTRL | SHIFT)
    assert person.column(costs.table, "Item") == before[1:]


def test_ctrl_z_undoes_the_fields_own_typing_first(
    window: MainWindow, example: int, person: Any
) -> None:
    window.planning.show_section("budget")
    costs = window.planning.budget.costs
    person.choose_row(costs.table, 0)
    person.click(costs.delete_button)
    item = costs.form.inputs["item"]
    person.type(item, "Taxi")
    person.qtbot.keyClick(item, Qt.Key.Key_Z, CTRL)
    assert person.shown(item) == ""
    assert costs.model.rowCount() == 5, "the deleted cost is still deleted"
    person.qtbot.keyClick(item, Qt.Key.Key_Z, CTRL)
    assert costs.model.rowCount() == 6
