"""What one person's action costs the database: transactions and SQL statements, counted with
SQLAlchemy's engine events. A count that grows past its budget fails, so a refresh that reaches
pages not on screen, or runs twice, is caught the day it is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow


@dataclass
class Counts:
    transactions: int = 0
    statements: int = 0


@contextmanager
def counted(store: Store) -> Iterator[Counts]:
    """Count what the store's engine is asked to do inside the block."""
    counts = Counts()

    def began(_connection: Any) -> None:
        counts.transactions += 1

    def executed(*_args: Any) -> None:
        counts.statements += 1

    event.listen(store.engine, "begin", began)
    event.listen(store.engine, "before_cursor_execute", executed)
    try:
        yield counts
    finally:
        event.remove(store.engine, "begin", began)
        event.remove(store.engine, "before_cursor_execute", executed)


@pytest.fixture
def event_id(window: MainWindow, create_event: Callable[..., int], store: Store) -> int:
    made = create_event("Coffee and conversation", date=dt.date.today() + dt.timedelta(days=20))
    add_row(
        store,
        kind=RowKind.MEETINGS,
        parent_id=made,
        values={"title": "Final check", "date": dt.date.today() + dt.timedelta(days=4)},
    )
    window.open_event(made)
    return made


def test_adding_a_booking(window: MainWindow, event_id: int, person: Any) -> None:
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("bookings")
    section = window.creche.page("bookings").bookings
    person.type(section.form.inputs["name"], "Zoë Hartley")
    with counted(window.store) as counts:
        person.click(section.add_button)
    print(f"add booking: {counts}")
    assert (counts.transactions, counts.statements) <= (3, 25), counts  # 28 and 86 before


def test_switching_event(
    window: MainWindow, event_id: int, create_event: Callable[..., int]
) -> None:
    other = create_event("Second session")
    with counted(window.store) as counts:
        window.open_event(other)
    print(f"switch event: {counts}")
    assert (counts.transactions, counts.statements) <= (5, 80), counts  # 21 and 78 before


def test_saving_notes(window: MainWindow, event_id: int, qtbot: Any) -> None:
    window.planning.show_section("meetings")
    notes = window.planning.meetings.notes
    notes.text.setFocus()
    notes.text.insertPlainText("Zoë will bring the mats.")
    with counted(window.store) as counts:
        notes.save_now()
    print(f"save notes: {counts}")
    assert (counts.transactions, counts.statements) <= (1, 6), counts


def test_ticking_an_action_done(
    window: MainWindow, event_id: int, store: Store, person: Any
) -> None:
    add_row(store, kind=RowKind.ACTIONS, parent_id=event_id, values={"text": "Book the room"})
    window.planning.show_section("actions")
    page = window.planning.actions
    person.choose_row(page.section.table, 0)
    with counted(window.store) as counts:
        person.click(page.done_button)
    print(f"tick action: {counts}")
    assert (counts.transactions, counts.statements) <= (3, 8), counts
