"""Undo after someone else's change: it never puts back a field they have changed since."""

from __future__ import annotations

from typing import Any

import pytest

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow


@pytest.fixture
def section(window: MainWindow, new_event: Any, person: Any) -> Any:
    """The Working group page with Zoë Marsh added, chosen, and her phone then typed."""
    new_event("Coffee morning")
    window.planning.show_section("members")
    section = window.planning.members.section
    person.type(section.form.inputs["name"], "Zoë Marsh")
    person.click(section.add_button)
    person.choose_row(section.table, 0)
    person.fill(section.form.inputs["phone"], "01632 960 222")
    assert window.runner.undo_stack.undoText() == "Edit member"
    return section


def stored(window: MainWindow) -> Any:
    assert window.event_id is not None
    [member] = planning.list_members(window.store, window.event_id)
    return member


def test_undo_keeps_a_field_someone_else_changed_since(
    window: MainWindow, section: Any, other: Store, dialogs: Any
) -> None:
    crud.update_row(
        other, kind=RowKind.MEMBERS, row_id=section.current_id, values={"phone": "01632 960 999"}
    )
    dialogs.warnings_expected = True
    window.runner.undo_stack.undo()
    assert stored(window).phone == "01632 960 999", "their change stays"
    [warning] = dialogs.warnings
    assert warning.startswith("Cannot undo edit member: someone else has changed the phone")


def test_undo_still_works_beside_a_change_to_another_field(
    window: MainWindow, section: Any, other: Store
) -> None:
    crud.update_row(
        other, kind=RowKind.MEMBERS, row_id=section.current_id, values={"email": "z@example.org"}
    )
    window.runner.undo_stack.undo()
    member = stored(window)
    assert (member.phone, member.email) == ("", "z@example.org")
    window.runner.undo_stack.redo()
    assert stored(window).phone == "01632 960 222"


def test_undoing_a_details_edit_keeps_a_title_changed_elsewhere(
    window: MainWindow, new_event: Any, other: Store, person: Any, dialogs: Any
) -> None:
    event_id = int(new_event("Coffee morning"))
    window.planning.show_section("details")
    person.fill(window.planning.details.form.inputs["venue_name"], "Family hub")
    events.update_event(other, event_id=event_id, values={"venue_name": "Library"})
    dialogs.warnings_expected = True
    window.runner.undo_stack.undo()
    assert events.get_event(window.store, event_id).venue_name == "Library"
    assert any("someone else has changed the venue name" in w for w in dialogs.warnings)
