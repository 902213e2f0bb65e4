"""Changes saved in another window appear here without restarting, and typing is never lost."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.events.models import Event
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.team.conflict_dialog import ConflictDialog
from organiser.ui.team.live import FILE_EVERY_MS


@pytest.fixture
def event_id(window: MainWindow, new_event: Any) -> int:
    return int(new_event("Coffee morning"))


@pytest.fixture
def members(window: MainWindow, event_id: int) -> Any:
    window.planning.show_section("members")
    return window.planning.members.section


def test_a_member_added_elsewhere_appears_after_the_next_look(
    window: MainWindow, members: Any, other: Store, event_id: int, person: Any
) -> None:
    crud.add_row(other, kind=RowKind.MEMBERS, parent_id=event_id, values={"name": "Łucja"})
    assert person.column(members.table, "Name") == [], "nothing appears by itself before a look"

    assert window.live.poll_now() is True
    assert person.column(members.table, "Name") == ["Łucja"]
    assert window.statusBar().currentMessage().startswith("Updated with changes made elsewhere ")
    assert window.live.poll_now() is False, "nothing new since"


def test_this_windows_own_changes_are_not_news(
    window: MainWindow, members: Any, event_id: int, person: Any
) -> None:
    person.type(members.form.inputs["name"], "Zoë Marsh")
    person.click(members.add_button)
    assert window.live.poll_now() is False


def test_a_cost_added_elsewhere_shows_in_the_budget(
    window: MainWindow, other: Store, event_id: int, person: Any
) -> None:
    window.planning.show_section("budget")
    budget = window.planning.budget
    values = {"item": "Pastries", "category": "Refreshments", "estimated_pence": 4500}
    crud.add_row(other, kind=RowKind.COSTS, parent_id=event_id, values=values)

    window.live.poll_now()
    assert person.column(budget.costs.table, "Item") == ["Pastries"]
    assert "Estimated costs: £45.00" in budget.totals.text()


def test_a_half_typed_new_member_is_kept_when_another_arrives(
    window: MainWindow, members: Any, other: Store, event_id: int, person: Any
) -> None:
    person.type(members.form.inputs["name"], "Zoë Marsh")
    crud.add_row(other, kind=RowKind.MEMBERS, parent_id=event_id, values={"name": "Łucja"})

    window.live.poll_now()
    assert person.column(members.table, "Name") == ["Łucja"]
    assert person.shown(members.form.inputs["name"]) == "Zoë Marsh"
    assert members.form.inputs["name"].hasFocus()
    person.click(members.add_button)
    assert sorted(m.name for m in planning.list_members(window.store, event_id)) == [
        "Zoë Marsh",
        "Łucja",
    ]


def test_typing_in_one_field_is_kept_while_another_field_updates(
    window: MainWindow, members: Any, other: Store, event_id: int, person: Any
) -> None:
    person.type(members.form.inputs["name"], "Zoë Marsh")
    person.click(members.add_button)
    member_id = members.current_id
    person.type(members.form.inputs["access_needs"], "Step-free room")
    values = {"email": "zoe@example.org"}
    crud.update_row(other, kind=RowKind.MEMBERS, row_id=member_id, values=values)

    window.live.poll_now()
    assert person.shown(members.form.inputs["email"]) == "zoe@example.org"
    assert person.shown(members.form.inputs["access_needs"]) == "Step-free room"
    person.tab(members.form.inputs["access_needs"])
    [member] = planning.list_members(window.store, event_id)
    assert (member.access_needs, member.email) == ("Step-free room", "zoe@example.org")


def test_the_same_field_changed_while_typing_is_a_clash_not_an_overwrite(
    window: MainWindow, members: Any, other: Store, event_id: int, person: Any, qtbot: Any
) -> None:
    person.type(members.form.inputs["name"], "Zoë Marsh")
    person.click(members.add_button)
    member_id = members.current_id
    person.type(members.form.inputs["access_needs"], "Step-free room")
    values = {"access_needs": "Hearing loop"}
    crud.update_row(other, kind=RowKind.MEMBERS, row_id=member_id, values=values)

    window.live.poll_now()
    assert person.shown(members.form.inputs["access_needs"]) == "Step-free room"
    person.tab(members.form.inputs["access_needs"])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ConflictDialog)))
    [member] = planning.list_members(window.store, event_id)
    assert member.access_needs == "Hearing loop", "theirs is not overwritten unasked"
    [dialog] = [d for d in window.findChildren(ConflictDialog) if d.isVisible()]
    person.click(dialog.save_button)


def test_the_open_event_deleted_elsewhere_is_closed_here(
    window: MainWindow, other: Store, event_id: int
) -> None:
    events.delete_event(other, event_id=event_id)
    window.live.poll_now()
    assert window.event_id is None
    assert window.windowTitle().startswith("Organiser — ")


def test_an_event_taken_offline_says_by_whom_in_the_list(
    window: MainWindow, other: Store, event_id: int, person: Any
) -> None:
    taken = dt.datetime(2027, 2, 1, 14, 5)
    with other.begin() as session:
        event = session.get_one(Event, event_id)
        event.taken_offline_by = "Zoë Marsh"
        event.taken_offline_at = taken
    window.live.poll_now()

    local = taken.replace(tzinfo=dt.UTC).astimezone()
    [text] = person.items(window.panel.list)
    title_line = text.splitlines()[0]
    assert title_line == f"Coffee morning (offline with Zoë Marsh since 01/02/2027 {local:%H:%M})"
    index = window.panel.list.model().index(0, 0)
    description = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert description.startswith("This event is offline with Zoë Marsh since")


def test_looking_for_changes_runs_every_few_seconds_and_stops_on_closing(
    window: MainWindow,
) -> None:
    assert window.live.timer.isActive()
    assert window.live.timer.interval() == FILE_EVERY_MS
    window.close()
    assert not window.live.timer.isActive()
