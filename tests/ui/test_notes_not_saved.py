"""Closing the window while notes cannot be saved (the disk is full): it says so and offers
to keep trying, to save the text to a file elsewhere, or to discard it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.errors import StoreError
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.meetings import unsaved

TYPED = "Zoë will bring the mats; Łucja books the room."
FULL = "The change could not be saved: the database says “database or disk is full”."


@pytest.fixture
def stuck(
    window: MainWindow,
    create_event: Callable[..., int],
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> Any:
    """Notes typed in a meeting while every save fails as on a full disk."""
    event_id = create_event("Coffee and conversation")
    add_row(
        store,
        kind=RowKind.MEETINGS,
        parent_id=event_id,
        values={"title": "Final check", "date": dt.date(2027, 3, 4)},
    )
    window.open_event(event_id)
    window.planning.show_section("meetings")
    editor = window.planning.meetings.notes

    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise StoreError(FULL)

    monkeypatch.setattr(meetings, "save_notes", disk_full)
    editor.text.setFocus()
    editor.text.insertPlainText(TYPED)
    editor.save_now()
    qtbot.waitUntil(lambda: editor.status.text().startswith("⚠ Not saved"), timeout=3000)
    return editor


def answer(monkeypatch: pytest.MonkeyPatch, *choices: str) -> list[str]:
    asked: list[str] = []
    queue = list(choices)

    def choose(_parent: Any, text: str, **_how: Any) -> str:
        asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr(unsaved, "choose", choose)
    return asked


def test_keep_trying_leaves_the_window_open_with_the_text(
    window: MainWindow, stuck: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, unsaved.KEEP)
    assert not window.close()
    assert window.isVisible()
    assert asked[0].startswith(f"Notes typed in 1 meeting are not saved. {FULL}")
    assert TYPED in stuck.markdown()
    monkeypatch.undo()  # the disk has room again: the next close saves and asks nothing
    assert window.close()
    assert TYPED in meetings.get_meeting(window.store, stuck.meeting_id).notes


def test_saving_to_a_file_keeps_the_text_and_closes(
    window: MainWindow,
    stuck: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dialogs: Any,
) -> None:
    answer(monkeypatch, unsaved.TO_FILE)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(str(args[2])))
    assert window.close()
    saved = tmp_path / "Notes of Final check 2027-03-04.md"
    assert saved.read_text(encoding="utf-8").startswith("# Notes of Final check, 04/03/2027")
    assert TYPED in saved.read_text(encoding="utf-8")
    assert told == [f"Saved as {saved.name} in {tmp_path}."]


def test_discarding_closes_without_the_text(
    window: MainWindow, stuck: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer(monkeypatch, unsaved.DISCARD)
    assert window.close()
    assert list(tmp_path.glob("*.md")) == []


def test_no_question_when_the_notes_were_saved(
    window: MainWindow, stuck: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the disk has room again
    stuck.save_now()
    asked = answer(monkeypatch)
    assert window.close()
    assert asked == []


def test_notes_replaced_on_screen_go_to_a_file_first(
    window: MainWindow,
    stuck: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    asked: list[str] = []

    def choose(_parent: Any, text: str, *, can_wait: bool = True) -> str:
        asked.append(text)
        assert not can_wait, "the screen is changing: keeping trying is not offered"
        return unsaved.TO_FILE

    monkeypatch.setattr(unsaved, "choose", choose)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    window.open_event(None)  # another event (or database) is shown
    assert asked and asked[0].endswith("Save them to a file somewhere else, or discard them?")
    assert TYPED in (tmp_path / "Notes of Final check 2027-03-04.md").read_text(encoding="utf-8")
