"""Copying events to another database, taking one offline and bringing it back, on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.meetings import service as meetings
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.row_kinds import RowKind
from organiser.core.team import offline
from organiser.ui.main_window import MainWindow
from organiser.ui.offline import flows
from organiser.ui.offline.bring_back_dialog import BringBackDialog
from organiser.ui.offline.copy_dialog import CopyDialog
from organiser.ui.team.switching import continue_on


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[Store]:
    """A second database (standing in for the team's server, or this computer's file)."""
    with closing(open_store(database_url(str(tmp_path / "other.sqlite")))) as other:
        yield other


def _in_dialog(act: Callable[[Any], None]) -> list[str]:
    """Act on the modal dialog about to open (its exec() would otherwise wait for a person)."""
    failures: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        try:
            act(dialog)
        except AssertionError as exc:  # reported after the dialog has closed
            failures.append(str(exc))
            dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, run)
    return failures


def _meeting(store: Store, event_id: int, title: str) -> int:
    made = crud.add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values={"title": title})
    assert made.created_id is not None
    return made.created_id


def test_chosen_events_are_copied_with_what_they_hold(
    window: MainWindow, new_event: Any, elsewhere: Store, person: Any
) -> None:
    first = int(new_event("Coffee morning"))
    new_event("Pilates and wellbeing morning")
    _meeting(window.store, first, "Planning meeting")

    def choose_first(dialog: CopyDialog) -> None:
        assert isinstance(dialog, CopyDialog)
        assert dialog.events.count() == 2
        dialog.events.item(1).setCheckState(Qt.CheckState.Unchecked)
        assert dialog.message.text() == "1 of 2 events chosen."
        person.click(dialog.copy_button)

    failures = _in_dialog(choose_first)
    flows.copy_between(window, window.store, elsewhere)
    assert failures == []
    [copied] = events.list_events(elsewhere)
    assert copied.title == "Coffee morning"
    assert [m.title for m in meetings.list_meetings(elsewhere, copied.id)] == ["Planning meeting"]
    assert window.statusBar().currentMessage().startswith("Copied 1 event (")


def test_nothing_chosen_copies_nothing(
    window: MainWindow, new_event: Any, elsewhere: Store, person: Any
) -> None:
    new_event("Coffee morning")

    def choose_none(dialog: CopyDialog) -> None:
        person.click(dialog.toggle)
        assert not dialog.copy_button.isEnabled()
        dialog.reject()

    failures = _in_dialog(choose_none)
    flows.copy_between(window, window.store, elsewhere)
    assert failures == []
    assert events.list_events(elsewhere) == []


def test_an_event_taken_offline_comes_back_with_a_clash_decided(
    window: MainWindow, new_event: Any, elsewhere: Store, store_url: str, person: Any
) -> None:
    """The window starts on the 'team' database, takes the event, works on it on this
    computer while a colleague edits the same notes, then brings it back keeping both."""
    team_event = int(new_event("Coffee morning"))
    meeting = _meeting(window.store, team_event, "Planning meeting")
    meetings.save_notes(window.store, meeting_id=meeting, text="Agenda: venue.")
    changes = flows.take_into(window, elsewhere, "Zoë Marsh")
    assert changes is not None and changes.created_id is not None
    local_event = changes.created_id
    assert "offline with Zoë Marsh" in person.items(window.panel.list)[0]

    with closing(open_store(store_url)) as colleague:  # the team database, edited meanwhile
        meetings.save_notes(colleague, meeting_id=meeting, text="Agenda: venue. Booked hall.")
    team = open_store(store_url)
    continue_on(window, elsewhere)  # on this computer now
    window.open_event(local_event)
    [local_meeting] = meetings.list_meetings(elsewhere, local_event)
    meetings.save_notes(elsewhere, meeting_id=local_meeting.id, text="Agenda: venue. Creche.")
    _meeting(elsewhere, local_event, "Review meeting")

    def decide(dialog: BringBackDialog) -> None:
        assert isinstance(dialog, BringBackDialog)
        [clash] = dialog.plan.clashes
        assert "1 clash" in dialog.summary.text()
        # The chosen clash in full, each text opened where the versions part.
        offline_text = dialog.whole["Offline"]
        assert offline_text.toPlainText() == "Agenda: venue. Creche."
        assert offline_text.textCursor().position() == len("Agenda: venue.")
        assert not dialog.apply_button.isEnabled(), "a clash must be decided first"
        dialog.choose(clash.key, "both")
        assert dialog.apply_button.isEnabled()
        person.click(dialog.apply_button)

    try:
        failures = _in_dialog(decide)
        flows.bring_back_from(window, team)
        assert failures == []
        notes = {m.title: m.id for m in meetings.list_meetings(team, team_event)}
        assert set(notes) == {"Planning meeting", "Review meeting"}
        kept, _version = meetings.notes_state(team, notes["Planning meeting"])
        assert "Creche." in kept and "Booked hall." in kept
        assert events.get_event(team, team_event).title == "Coffee morning"
        assert offline.held_by(team, team_event) == ("", None)
        assert offline.offline_events(elsewhere) == []
        assert window.statusBar().currentMessage().startswith("“Coffee morning” is back on ")
    finally:
        team.close()


def test_bringing_back_an_event_that_was_never_taken_says_so(
    window: MainWindow, new_event: Any, dialogs: Any
) -> None:
    new_event("Coffee morning")
    dialogs.warnings_expected = True
    flows.bring_back(window)
    assert any("was not taken offline" in w for w in dialogs.warnings)
    assert not [w for w in QApplication.topLevelWidgets() if _is_connect(w)]


def _is_connect(widget: QWidget) -> bool:
    return widget.objectName() == "connect_dialog" and widget.isVisible()


def test_the_menu_offers_what_fits_where_the_window_is(window: MainWindow, new_event: Any) -> None:
    actions = window.menu_actions
    new_event("Coffee morning")
    assert actions.copy.text().replace("&", "") == "Copy events to team database…"
    assert actions.bring.isEnabled() and not actions.take.isEnabled()


def test_a_second_person_is_asked_and_can_take_it_as_well(
    window: MainWindow, new_event: Any, elsewhere: Store, dialogs: Any, tmp_path: Path
) -> None:
    team_event = int(new_event("Coffee morning"))
    assert flows.take_into(window, elsewhere, "Zoë Marsh") is not None
    dialogs.answer = QMessageBox.StandardButton.Yes
    with closing(open_store(database_url(str(tmp_path / "second.sqlite")))) as second:
        assert flows.take_into(window, second, "Amira Haddad") is not None
    assert "already taken offline by Zoë Marsh" in dialogs.questions[0]
    assert offline.held_by(window.store, team_event)[0] == "Zoë Marsh, Amira Haddad"
    # Zoë's laptop is lost: only her mark goes.
    dialogs.item = ("Zoë Marsh", True)
    assert flows.release(window) is not None
    assert offline.held_by(window.store, team_event)[0] == "Amira Haddad"


def test_the_offline_mark_can_be_cleared_for_a_copy_that_will_not_come_back(
    window: MainWindow, new_event: Any, elsewhere: Store, dialogs: Any, person: Any
) -> None:
    team_event = int(new_event("Coffee morning"))
    flows.take_into(window, elsewhere, "Zoë Marsh")
    dialogs.answer = QMessageBox.StandardButton.No
    assert flows.release(window) is None
    assert "offline with Zoë Marsh" in dialogs.questions[-1]
    assert offline.held_by(window.store, team_event)[0] == "Zoë Marsh", "asked first"
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert flows.release(window) is not None
    assert offline.held_by(window.store, team_event) == ("", None)
    assert "offline with" not in person.items(window.panel.list)[0]
