"""Two people edit the same speaker invitation on a team database: a change to another field
is kept, the same field asks which to keep, as in every other editor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from organiser.core.db import Store
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers
from organiser.ui.main_window import MainWindow
from organiser.ui.team.conflict_dialog import Choice, ConflictDialog


@pytest.fixture
def pane(window: MainWindow, new_event: Any, store: Store, person: Any) -> Any:
    """The Invitations page with Amira Haddad's talk chosen in the list."""
    event_id = new_event("Coffee morning")
    speaker_id = speakers.add_speaker(store, values={"name": "Amira Haddad"}).created_id
    invitations.add_invitation(
        store,
        event_id=event_id,
        values={"speaker_id": speaker_id, "talk_title": "Sleep and new babies"},
    )
    window.tabs.setCurrentWidget(window.speakers)
    window.speakers.show_section("invitations")
    shown = window.speakers.invitations.pane
    shown.refresh()
    person.choose_row(shown.table, 0)
    assert shown.current_id is not None
    return shown


def talk_now(window: MainWindow, pane: Any) -> Any:
    assert window.event_id is not None
    rows = invitations.list_invitations(window.store, window.event_id, today=dt.date.today())
    return next(r for r in rows if r.id == pane.current_id)


def open_dialogs(window: MainWindow) -> list[ConflictDialog]:
    return [d for d in window.findChildren(ConflictDialog) if d.isVisible()]


def test_an_invitation_changed_elsewhere_in_another_field_is_kept(
    window: MainWindow, pane: Any, other: Store, person: Any
) -> None:
    invitations.update_invitation(other, invitation_id=pane.current_id, values={"notes": "Theirs"})
    person.fill(pane.form.inputs["talk_title"], "Sleep, feeding and you")

    assert open_dialogs(window) == []
    saved = talk_now(window, pane)
    assert (saved.talk_title, saved.notes) == ("Sleep, feeding and you", "Theirs")


@pytest.mark.parametrize(
    ("choice", "expected"),
    [(Choice.MINE, "Sleep, feeding and you"), (Choice.THEIRS, "Baby sleep: the basics")],
)
def test_the_same_field_changed_by_both_asks_which_to_keep(
    window: MainWindow,
    pane: Any,
    other: Store,
    person: Any,
    qtbot: Any,
    choice: Choice,
    expected: str,
) -> None:
    invitations.update_invitation(
        other, invitation_id=pane.current_id, values={"talk_title": "Baby sleep: the basics"}
    )
    person.fill(pane.form.inputs["talk_title"], "Sleep, feeding and you")

    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=2000)
    [dialog] = open_dialogs(window)
    assert dialog.windowTitle() == "Someone else changed this invitation"
    names = [label.accessibleName() for label in dialog.findChildren(QLabel)]
    assert any("theirs now: Baby sleep: the basics" in name for name in names), names
    assert talk_now(window, pane).talk_title == "Baby sleep: the basics"  # not overwritten
    person.click(dialog.buttons["talk_title"][choice])
    person.click(dialog.save_button)

    assert talk_now(window, pane).talk_title == expected
    assert person.shown(pane.form.inputs["talk_title"]) == expected
