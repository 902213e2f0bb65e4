"""The Actions page, driven like a person: overdue said in words, a filter by owner,
Space marks an action done (recording when), and undo takes it back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.meetings.actions import ActionsPage
from organiser.ui.table_model import WARNING_COLOUR
from organiser.ui.widgets.fields import (
    Field,
    Kind,
    make_input,
    read_value,
    set_id_choices,
    show_value,
)


@dataclass
class Team:
    """An event with two members, one meeting and three actions."""

    event_id: int
    zoe: int
    dev: int
    meeting: int


@pytest.fixture
def team(store: Store, create_event: Callable[..., int], add_member: Any) -> Team:
    event_id = create_event("Coffee and conversation")
    zoe = add_member(event_id, name="Zoë Marsh")
    dev = add_member(event_id, name="Dev Okafor")
    today = dt.date.today()
    meeting = add_row(
        store,
        kind=RowKind.MEETINGS,
        parent_id=event_id,
        values={"title": "Speakers", "date": today - dt.timedelta(days=10)},
    ).created_id
    assert meeting is not None
    for text, owner, due in (
        ("Confirm the creche staff", dev, today + dt.timedelta(days=5)),
        ("Draft the flyer words", zoe, today - dt.timedelta(days=3)),
        ("Ask about step-free rooms", dev, None),
    ):
        add_row(
            store,
            kind=RowKind.ACTIONS,
            parent_id=event_id,
            values={"text": text, "owner_id": owner, "due": due, "meeting_id": meeting},
        )
    return Team(event_id, zoe, dev, meeting)


@pytest.fixture
def page(window: MainWindow, team: Team, qtbot: Any) -> ActionsPage:
    """The Actions page in the window, hearing its changes as the Planning tab would."""
    shown = ActionsPage(window.runner)
    window.tabs.addTab(shown, "Actions")
    window.tabs.setCurrentWidget(shown)
    window.runner.changes_applied.connect(shown.refresh)
    shown.set_event(team.event_id)
    qtbot.waitUntil(shown.isVisible)
    return shown


def row_of(person: Any, page: ActionsPage, text: str) -> int:
    return person.column(page.section.table, "Action").index(text)


def test_open_actions_come_first_and_overdue_is_said_in_words_and_colour(
    page: ActionsPage, person: Any
) -> None:
    table = page.section.table
    assert person.column(table, "Action") == [
        "Draft the flyer words",
        "Confirm the creche staff",
        "Ask about step-free rooms",
    ]
    assert person.column(table, "Where it stands") == [
        "⚠ Overdue by 3 days",
        "Due in 5 days",
        "Open, no due date",
    ]
    assert person.column(table, "Owner") == ["Zoë Marsh", "Dev Okafor", "Dev Okafor"]
    assert person.column(table, "Raised at")[0].startswith("Speakers (")
    model = table.model()
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)].index(
        "Where it stands"
    )
    overdue = model.index(0, column).data(Qt.ItemDataRole.ForegroundRole)
    assert overdue is not None and overdue.color() == WARNING_COLOUR
    assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.summary.text() == "3 actions · 3 open · ⚠ 1 overdue"


def test_filter_by_owner(page: ActionsPage, team: Team, person: Any) -> None:
    person.choose(page.owner_filter, "Dev Okafor")
    assert person.column(page.section.table, "Action") == [
        "Confirm the creche staff",
        "Ask about step-free rooms",
    ]
    assert page.summary.text() == "2 actions for Dev Okafor · 2 open"
    owner = page.section.form.inputs["owner_id"]
    assert person.shown(owner) == "Dev Okafor", "a new action starts with the person shown"
    person.choose(page.owner_filter, "Everyone")
    assert page.section.model.rowCount() == 3


def test_space_marks_done_recording_when_and_undo_reopens(
    window: MainWindow, page: ActionsPage, team: Team, person: Any, qtbot: Any
) -> None:
    table = page.section.table
    person.choose_row(table, row_of(person, page, "Confirm the creche staff"))
    assert page.done_button.text() == "Mark done"
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    person.focus(table)
    qtbot.keyClick(table, Qt.Key.Key_Space)

    done = next(
        a
        for a in meetings.list_actions(window.store, team.event_id, today=dt.date.today())
        if a.text == "Confirm the creche staff"
    )
    assert done.done and done.done_at is not None and done.done_at >= before
    assert person.column(table, "Action")[-1] == "Confirm the creche staff", "done go last"
    stands = person.column(table, "Where it stands")[-1]
    assert stands == f"Done {done.done_at:%d/%m/%Y}"
    assert page.done_button.text() == "Mark open"
    assert window.runner.undo_stack.undoText() == "Mark action done"

    window.runner.undo_stack.undo()
    reopened = meetings.list_actions(window.store, team.event_id, today=dt.date.today())[1]
    assert (reopened.text, reopened.done, reopened.done_at) == (
        "Confirm the creche staff",
        False,
        None,
    )
    assert page.done_button.text() == "Mark done"


def test_opening_a_done_action_again_and_undoing_keeps_when_it_was_done(
    window: MainWindow, page: ActionsPage, team: Team, person: Any
) -> None:
    person.choose_row(page.section.table, row_of(person, page, "Draft the flyer words"))
    person.click(page.done_button)
    first = meetings.list_actions(window.store, team.event_id, today=dt.date.today())[-1]
    assert first.done
    person.click(page.done_button)
    assert page.done_button.text() == "Mark done"
    assert person.column(page.section.table, "Where it stands")[0] == "⚠ Overdue by 3 days"
    window.runner.undo_stack.undo()
    again = meetings.list_actions(window.store, team.event_id, today=dt.date.today())[-1]
    assert (again.done, again.done_at) == (True, first.done_at)


def test_add_an_action_with_owner_due_date_and_meeting(
    window: MainWindow, page: ActionsPage, team: Team, person: Any
) -> None:
    form = page.section.form
    person.type(form.inputs["text"], "Print twenty flyers — ask Siobhán")
    person.choose(form.inputs["owner_id"], "Zoë Marsh")
    due = dt.date.today() + dt.timedelta(days=2)
    person.type(form.inputs["due"], f"{due:%d/%m/%Y}")
    meeting_box = form.inputs["meeting_id"]
    assert isinstance(meeting_box, QComboBox)
    person.choose(meeting_box, meeting_box.itemText(1))
    person.click(page.section.add_button)

    added = next(
        a
        for a in meetings.list_actions(window.store, team.event_id, today=dt.date.today())
        if a.text.startswith("Print twenty")
    )
    assert (added.owner_id, added.due, added.meeting_id) == (team.zoe, due, team.meeting)
    assert added.text == "Print twenty flyers — ask Siobhán"
    row = row_of(person, page, added.text)
    assert person.column(page.section.table, "Where it stands")[row] == "Due in 2 days"


def test_changing_the_owner_saves_at_once(
    window: MainWindow, page: ActionsPage, team: Team, person: Any
) -> None:
    person.choose_row(page.section.table, row_of(person, page, "Ask about step-free rooms"))
    owner = page.section.form.inputs["owner_id"]
    person.choose(owner, "Zoë Marsh")
    assert person.column(page.section.table, "Owner")[2] == "Zoë Marsh"
    stored = meetings.list_actions(window.store, team.event_id, today=dt.date.today())[2]
    assert stored.owner_id == team.zoe
    window.runner.undo_stack.undo()
    assert person.shown(owner) == "Dev Okafor", "the chosen owner follows undo, focus or not"
    person.choose(owner, "No one yet")
    stored = meetings.list_actions(window.store, team.event_id, today=dt.date.today())[2]
    assert (stored.owner_id, stored.owner) == (None, "")
    assert person.column(page.section.table, "Owner")[2] == "No one yet"


def test_an_action_without_words_is_refused_beside_the_field(
    page: ActionsPage, person: Any
) -> None:
    person.click(page.section.add_button)
    assert "An action cannot be empty" in person.message(page.section.form, "text")
    assert page.section.model.rowCount() == 3


def test_a_row_choice_reads_and_shows_ids_and_none(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    field = Field("owner_id", "Owner", Kind.CHOICE_ID, (("No one yet", None), ("Zoë", 7)))
    box = make_input(field, host)
    assert isinstance(box, QComboBox)
    assert read_value(field, box) is None
    show_value(field, box, 7)
    assert (box.currentText(), read_value(field, box)) == ("Zoë", 7)
    set_id_choices(box, [("No one yet", None), ("Dev", 3), ("Zoë M.", 7)])
    assert read_value(field, box) == 7, "the chosen value is kept when the list is refreshed"
    set_id_choices(box, [("No one yet", None), ("Dev", 3)])
    assert read_value(field, box) is None
    show_value(field, box, None)
    assert box.currentText() == "No one yet"
