"""Autosaving meeting notes off the typing path: the write runs on a worker thread while the
person goes on typing, what they typed meanwhile is saved next, and every other save (switching
meeting, closing) waits for a write under way, so nothing is saved out of order or lost."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from organiser.core.changes import Changes
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.errors import StoreError
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.meetings.meetings import MeetingsPage


class HeldWrites:
    """`save_notes` as the database would run it, held until `release` (threads recorded)."""

    def __init__(self, real: Callable[..., Changes]) -> None:
        self.real = real
        self.threads: list[threading.Thread] = []
        self.gate = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Changes:
        self.threads.append(threading.current_thread())
        if threading.current_thread() is not threading.main_thread():
            assert self.gate.wait(10), "the test never let the write go"
        return self.real(*args, **kwargs)


@pytest.fixture
def event_id(create_event: Callable[..., int]) -> int:
    return create_event("Coffee and conversation")


@pytest.fixture
def meeting_ids(store: Store, event_id: int) -> list[int]:
    ids = []
    for days, title in enumerate(("Speakers", "Final check")):
        created = add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={"title": title, "date": dt.date.today() + dt.timedelta(days=days)},
        ).created_id
        assert created is not None
        ids.append(created)
    return ids


@pytest.fixture
def page(
    window: MainWindow, event_id: int, meeting_ids: list[int], qtbot: Any
) -> Iterator[MeetingsPage]:
    window.open_event(event_id)
    window.planning.show_section("meetings")
    shown = window.planning.meetings
    shown.show_meeting(meeting_ids[0])
    qtbot.waitUntil(shown.notes.text.isVisible)
    yield shown


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWrites]:
    writes = HeldWrites(meetings.save_notes)
    monkeypatch.setattr(meetings, "save_notes", writes)
    yield writes
    writes.gate.set()  # a test that failed half-way never leaves a thread waiting


def stored(window: MainWindow, meeting_id: int) -> str:
    return meetings.get_meeting(window.store, meeting_id).notes.strip()


def test_typing_goes_on_while_the_autosave_writes_and_is_saved_next(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    held: HeldWrites,
    person: Any,
    qtbot: Any,
) -> None:
    notes = page.notes
    person.focus(notes.text)
    person.type(notes.text, "Amira brings the urn", replace=False)
    qtbot.waitUntil(lambda: len(held.threads) == 1)  # the pause timer started a write
    assert held.threads[0] is not threading.main_thread()
    assert notes.writer.busy
    person.type(notes.text, " and cups", replace=False)  # the write is still held
    assert notes.text.toPlainText() == "Amira brings the urn and cups"
    assert stored(window, meeting_ids[0]) == ""
    held.gate.set()
    qtbot.waitUntil(lambda: stored(window, meeting_ids[0]) == "Amira brings the urn and cups")
    assert all(thread is not threading.main_thread() for thread in held.threads)
    qtbot.waitUntil(lambda: not notes.writer.busy)
    assert notes.status.text().startswith("Saved ")
    assert not notes.text.document().isModified()


def test_choosing_another_meeting_waits_for_the_write_under_way(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    held: HeldWrites,
    person: Any,
    qtbot: Any,
) -> None:
    notes = page.notes
    person.focus(notes.text)
    person.type(notes.text, "Dev rings the hall", replace=False)
    qtbot.waitUntil(lambda: notes.writer.busy)
    person.type(notes.text, " on Monday", replace=False)
    threading.Timer(0.3, held.gate.set).start()  # the disk is slow: the write ends later
    page.show_meeting(meeting_ids[1])  # saves the rest, after the write, on the UI thread
    assert stored(window, meeting_ids[0]) == "Dev rings the hall on Monday"
    assert held.threads[-1] is threading.main_thread()
    assert notes.meeting_id == meeting_ids[1] and notes.text.toPlainText() == ""
    person.type(notes.text, "Final check notes", replace=False)
    qtbot.waitUntil(lambda: stored(window, meeting_ids[1]) == "Final check notes")
    assert stored(window, meeting_ids[0]) == "Dev rings the hall on Monday"


def test_closing_the_window_waits_for_the_write_under_way(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    held: HeldWrites,
    person: Any,
    qtbot: Any,
) -> None:
    notes = page.notes
    person.focus(notes.text)
    person.type(notes.text, "Creche in the side room", replace=False)
    qtbot.waitUntil(lambda: notes.writer.busy)
    threading.Timer(0.3, held.gate.set).start()
    assert window.close()
    assert stored(window, meeting_ids[0]) == "Creche in the side room"


def test_a_write_refused_on_the_worker_thread_says_not_saved_and_tries_on_the_next_key(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    monkeypatch: pytest.MonkeyPatch,
    person: Any,
    qtbot: Any,
) -> None:
    real, tries = meetings.save_notes, []

    def full_disk(*args: Any, **kwargs: Any) -> Changes:
        tries.append(threading.current_thread())
        if len(tries) == 1:
            raise StoreError("The change could not be saved: the database says “disk full”.")
        return real(*args, **kwargs)

    monkeypatch.setattr(meetings, "save_notes", full_disk)
    notes = page.notes
    person.focus(notes.text)
    person.type(notes.text, "Pilates at ten", replace=False)
    qtbot.waitUntil(lambda: notes.status.text().startswith("⚠ Not saved"))
    assert "disk full" in notes.status.text()
    assert notes.text.document().isModified() and notes.not_saved() is not None
    qtbot.wait(1000)
    assert len(tries) == 1, "a refused write is not retried in a loop"
    person.type(notes.text, "!", replace=False)
    qtbot.waitUntil(lambda: stored(window, meeting_ids[0]) == "Pilates at ten!")
    qtbot.waitUntil(lambda: notes.status.text().startswith("Saved "))
    assert tries[0] is not threading.main_thread() and notes.not_saved() is None


def test_notes_someone_else_saved_meanwhile_are_a_choice_after_a_background_write(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    person: Any,
    qtbot: Any,
) -> None:
    notes = page.notes
    meetings.save_notes(window.store, meeting_id=meeting_ids[0], text="Zoë's notes")
    person.focus(notes.text)
    person.type(notes.text, "My notes", replace=False)
    qtbot.waitUntil(lambda: notes.edits.dialog is not None)
    assert stored(window, meeting_ids[0]) == "Zoë's notes", "never overwritten"
    assert notes.text.toPlainText() == "My notes"
    dialog = notes.edits.dialog
    person.click(dialog.save_button)  # keep both, the choice offered first
    assert notes.edits.dialog is None
    assert stored(window, meeting_ids[0]).startswith("My notes") and "Zoë's notes" in stored(
        window, meeting_ids[0]
    )


def test_a_clash_found_by_a_background_write_offers_everything_typed_since(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    held: HeldWrites,
    person: Any,
    qtbot: Any,
) -> None:
    notes = page.notes
    held.gate.set()  # the other person's save goes straight through
    meetings.save_notes(window.store, meeting_id=meeting_ids[0], text="Zoë's notes\n")
    held.gate.clear()
    person.focus(notes.text)
    person.type(notes.text, "Mine", replace=False)
    qtbot.waitUntil(lambda: notes.writer.busy)
    person.type(notes.text, " and more", replace=False)  # typed while the write is held
    held.gate.set()
    qtbot.waitUntil(lambda: notes.edits.dialog is not None)
    clash = notes.edits.dialog.conflict.clashes[0]
    assert clash.mine.strip() == "Mine and more", "nothing typed during the write is lost"
    person.click(notes.edits.dialog.save_button)  # keep both
    assert stored(window, meeting_ids[0]).startswith("Mine and more")


def test_a_fault_in_a_write_under_way_does_not_break_closing(
    window: MainWindow,
    page: MeetingsPage,
    meeting_ids: list[int],
    monkeypatch: pytest.MonkeyPatch,
    person: Any,
    qtbot: Any,
) -> None:
    gate, faults = threading.Event(), []

    def damaged(*_args: Any, **_kwargs: Any) -> Changes:
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)
            raise RuntimeError("database disk image is malformed")
        raise StoreError("The change could not be saved: the database says “malformed”.")

    monkeypatch.setattr(meetings, "save_notes", damaged)
    monkeypatch.setattr(sys, "excepthook", lambda *info: faults.append(info[1]))
    notes = page.notes
    person.focus(notes.text)
    person.type(notes.text, "Hall booked", replace=False)
    qtbot.waitUntil(lambda: notes.writer.busy)
    threading.Timer(0.2, gate.set).start()
    notes.save_now()  # as switching meeting or closing does
    assert [str(f) for f in faults] == ["database disk image is malformed"]
    assert notes.not_saved() is not None, "still on screen, and asked about on closing"
    notes.drop_typing()  # the test's own ending: nothing to ask about as the window closes
    notes.failed = None
