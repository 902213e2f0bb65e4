"""Two people edit the same event details, meeting notes or speaker: another field is kept,
the same field shows both values and each choice stores what it says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from organiser.core.crud import add_row, update_row
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.core.speakers import service as speakers
from organiser.core.versions import MERGE_MARKER, merged_text
from organiser.ui.main_window import MainWindow
from organiser.ui.meetings.notes import SAVE_AT_LEAST_EVERY_MS
from organiser.ui.team.conflict_dialog import Choice, ConflictDialog

THEIR_PURPOSE = "Gentle exercise and a chat for isolated parents."
MY_PURPOSE = "A morning of Pilates, coffee and local health talks."
THEIR_NOTES = "Theirs: the hall is booked for 10:00."
MY_NOTES = "Mine: ask the café about pastries."


def open_dialogs(window: MainWindow) -> list[ConflictDialog]:
    return [d for d in window.findChildren(ConflictDialog) if d.isVisible()]


def clash_dialog(window: MainWindow, qtbot: Any) -> ConflictDialog:
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=3000)
    return open_dialogs(window)[0]


def value_names(dialog: ConflictDialog) -> list[str]:
    return [label.accessibleName() for label in dialog.findChildren(QLabel)]


def choose_and_save(person: Any, dialog: ConflictDialog, key: str, choice: Choice) -> None:
    person.click(dialog.buttons[key][choice])
    person.click(dialog.save_button)
    assert not dialog.isVisible()


# Details page.


@pytest.fixture
def details(window: MainWindow, new_event: Any) -> Any:
    """The Details page of a new event, on screen."""
    new_event("Pilates and wellbeing morning")
    window.planning.show_section("details")
    return window.planning.details


def event_now(window: MainWindow) -> events.EventDetails:
    assert window.event_id is not None
    return events.get_event(window.store, window.event_id)


def they_edit_details(other: Store, window: MainWindow, **values: Any) -> None:
    assert window.event_id is not None
    events.update_event(other, event_id=window.event_id, values=values)


def test_details_changed_elsewhere_in_another_field_are_kept(
    window: MainWindow, details: Any, other: Store, person: Any
) -> None:
    they_edit_details(other, window, purpose=THEIR_PURPOSE)
    person.fill(details.form.inputs["venue_name"], "Harbourside Family Centre")

    assert open_dialogs(window) == []
    saved = event_now(window)
    assert (saved.venue_name, saved.purpose) == ("Harbourside Family Centre", THEIR_PURPOSE)
    assert person.shown(details.form.inputs["purpose"]) == THEIR_PURPOSE


def test_a_detail_changed_by_both_shows_both_values_and_one_line_cannot_keep_both(
    window: MainWindow, details: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_edit_details(other, window, venue_name="Seaside Library", purpose=THEIR_PURPOSE)
    person.fill(details.form.inputs["venue_name"], "Harbourside Family Centre")

    dialog = clash_dialog(window, qtbot)
    assert dialog.windowTitle() == "Someone else changed this event"
    names = value_names(dialog)
    assert "Venue, as it was: empty" in names
    assert "Venue, theirs now: Seaside Library" in names
    assert "Venue, yours: Harbourside Family Centre" in names
    assert set(dialog.buttons) == {"venue_name"}, "their purpose is no clash: it was not edited"
    assert set(dialog.buttons["venue_name"]) == {Choice.MINE, Choice.THEIRS}
    assert event_now(window).venue_name == "Seaside Library", "nothing is saved before the choice"

    choose_and_save(person, dialog, "venue_name", Choice.MINE)
    saved = event_now(window)
    assert (saved.venue_name, saved.purpose) == ("Harbourside Family Centre", THEIR_PURPOSE)
    assert person.shown(details.form.inputs["purpose"]) == THEIR_PURPOSE


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (Choice.MINE, MY_PURPOSE),
        (Choice.THEIRS, THEIR_PURPOSE),
        (Choice.BOTH, merged_text(MY_PURPOSE, THEIR_PURPOSE)),
    ],
)
def test_each_choice_for_a_detail_is_stored_shown_and_undoable(
    window: MainWindow,
    details: Any,
    other: Store,
    person: Any,
    qtbot: Any,
    choice: Choice,
    expected: str,
) -> None:
    they_edit_details(other, window, purpose=THEIR_PURPOSE)
    person.fill(details.form.inputs["purpose"], MY_PURPOSE)
    dialog = clash_dialog(window, qtbot)
    assert f"Purpose, theirs now: {THEIR_PURPOSE}" in value_names(dialog)
    assert dialog.choice("purpose") is Choice.BOTH, "a long text keeps both unless told"
    choose_and_save(person, dialog, "purpose", choice)

    assert event_now(window).purpose == expected
    assert person.shown(details.form.inputs["purpose"]) == expected
    if choice is not Choice.THEIRS:
        assert window.runner.undo_stack.undoText() == "Edit event details"
        window.runner.undo_stack.undo()
        assert event_now(window).purpose == THEIR_PURPOSE
    # Later edits start from what is stored now: no second clash.
    person.fill(details.form.inputs["purpose"], "Pilates for parents")
    assert open_dialogs(window) == []
    assert event_now(window).purpose == "Pilates for parents"


def test_a_detail_left_for_later_stays_typed_and_is_asked_again(
    window: MainWindow, details: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_edit_details(other, window, purpose=THEIR_PURPOSE)
    person.fill(details.form.inputs["purpose"], MY_PURPOSE)
    clash_dialog(window, qtbot).reject()

    assert person.shown(details.form.inputs["purpose"]) == MY_PURPOSE
    assert "someone else changed this too" in person.message(details.form, "purpose")
    assert event_now(window).purpose == THEIR_PURPOSE
    window.flush()
    choose_and_save(person, clash_dialog(window, qtbot), "purpose", Choice.MINE)
    assert event_now(window).purpose == MY_PURPOSE


# Meeting notes.


@pytest.fixture
def notes(window: MainWindow, create_event: Callable[..., int], store: Store) -> Any:
    """The notes editor of a meeting, on screen in the Planning tab."""
    event_id = create_event("Coffee and conversation")
    add_row(
        store,
        kind=RowKind.MEETINGS,
        parent_id=event_id,
        values={"title": "Final check", "date": dt.date.today() + dt.timedelta(days=4)},
    )
    window.open_event(event_id)
    window.planning.show_section("meetings")
    page = window.planning.meetings
    assert page.meeting_id is not None
    return page.notes


def notes_now(window: MainWindow, editor: Any) -> str:
    return meetings.notes_state(window.store, editor.meeting_id)[0]


def test_notes_saved_after_another_change_to_the_meeting_keep_both(
    window: MainWindow, notes: Any, other: Store, person: Any
) -> None:
    update_row(
        other, kind=RowKind.MEETINGS, row_id=notes.meeting_id, values={"place": "The library"}
    )
    person.fill(notes.text, MY_NOTES)

    assert open_dialogs(window) == []
    assert notes_now(window, notes).strip() == MY_NOTES
    assert meetings.get_meeting(window.store, notes.meeting_id).place == "The library"


def test_notes_saved_elsewhere_show_both_and_keep_what_was_typed_on_screen(
    window: MainWindow, notes: Any, other: Store, person: Any, qtbot: Any
) -> None:
    meetings.save_notes(other, meeting_id=notes.meeting_id, text=THEIR_NOTES)
    person.type(notes.text, MY_NOTES)  # saved after a pause in typing

    dialog = clash_dialog(window, qtbot)
    assert dialog.windowTitle() == "Someone else changed this meeting’s notes"
    names = value_names(dialog)
    assert f"Version of the notes, theirs now: {THEIR_NOTES}" in names
    assert any(n.startswith(f"Version of the notes, yours: {MY_NOTES}") for n in names)
    assert dialog.choice("notes") is Choice.BOTH, "the safe choice loses no words"
    assert notes.text.toPlainText() == MY_NOTES, "the typing stays on screen"
    assert notes_now(window, notes) == THEIR_NOTES, "nothing is saved before the choice"
    # Saving again while the question is open (leaving, closing) asks nothing more.
    notes.save_now()
    window.flush()
    assert open_dialogs(window) == [dialog]
    person.click(dialog.save_button)
    assert open_dialogs(window) == []


@pytest.mark.parametrize("choice", [Choice.MINE, Choice.THEIRS, Choice.BOTH])
def test_each_choice_for_the_notes_is_stored_and_shown(
    window: MainWindow, notes: Any, other: Store, person: Any, qtbot: Any, choice: Choice
) -> None:
    meetings.save_notes(other, meeting_id=notes.meeting_id, text=THEIR_NOTES)
    person.fill(notes.text, MY_NOTES)
    dialog = clash_dialog(window, qtbot)
    mine = dialog.conflict.clashes[0].mine
    choose_and_save(person, dialog, "notes", choice)

    expected = {
        Choice.MINE: mine,
        Choice.THEIRS: THEIR_NOTES,
        Choice.BOTH: f"{mine.strip()}\n\n{MERGE_MARKER}\n\n{THEIR_NOTES}",
    }[choice]
    assert notes_now(window, notes) == expected
    assert notes.markdown().strip() == expected.strip(), "the editor shows what was saved"
    # Typing on starts from the stored notes: saved without a second question.
    person.type(notes.text, "Bring mats. ", replace=False)
    notes.save_now()
    assert open_dialogs(window) == []
    assert "Bring mats." in notes_now(window, notes)


def autosave_due(notes: Any) -> bool:
    """True while a save after typing is still to come (its timers have not run yet)."""
    return notes._pause.isActive() or notes._limit.isActive()


def left_for_later(window: MainWindow, notes: Any, other: Store, person: Any, qtbot: Any) -> None:
    """Their notes saved, mine typed, asked, and "Decide later" chosen; back in the notes."""
    meetings.save_notes(other, meeting_id=notes.meeting_id, text=THEIR_NOTES)
    person.type(notes.text, MY_NOTES)  # asked after a pause in typing
    dialog = clash_dialog(window, qtbot)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)  # in front, where the person sees it
    dialog.reject()

    window.activateWindow()  # back in the window, the cursor where the typing was
    qtbot.waitUntil(lambda: window.isActiveWindow() and notes.text.hasFocus(), timeout=3000)
    assert notes.text.toPlainText() == MY_NOTES
    assert notes.status.text().startswith("⚠ Not saved")


def test_notes_left_for_later_are_not_asked_while_typing_but_on_leaving(
    window: MainWindow, notes: Any, other: Store, person: Any, qtbot: Any
) -> None:
    left_for_later(window, notes, other, person, qtbot)
    person.type(notes.text, " And cake.", replace=False)
    qtbot.wait(SAVE_AT_LEAST_EVERY_MS + 300)  # autosave would have run by now
    qtbot.waitUntil(lambda: not autosave_due(notes), timeout=3000)  # even on a busy machine
    assert notes.text.hasFocus(), "the cursor stayed in the notes all along"
    assert open_dialogs(window) == [], "typing on is not interrupted by the same question"
    assert notes_now(window, notes) == THEIR_NOTES

    person.tab(notes.text)  # leaving the notes asks again
    choose_and_save(person, clash_dialog(window, qtbot), "notes", Choice.MINE)
    assert notes_now(window, notes).strip() == f"{MY_NOTES} And cake."


def test_notes_left_for_later_are_not_asked_when_another_window_comes_to_the_front(
    window: MainWindow, notes: Any, other: Store, person: Any, qtbot: Any
) -> None:
    left_for_later(window, notes, other, person, qtbot)
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=3000)  # the notes lost focus
    assert open_dialogs(window) == [], "looking at another window is not leaving the notes"

    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and notes.text.hasFocus(), timeout=3000)
    assert open_dialogs(window) == []
    assert notes.text.toPlainText() == MY_NOTES
    person.tab(notes.text)  # leaving the notes asks again
    choose_and_save(person, clash_dialog(window, qtbot), "notes", Choice.MINE)
    assert notes_now(window, notes).strip() == MY_NOTES


# Speakers directory.


@pytest.fixture
def directory(window: MainWindow, new_event: Any, store: Store, person: Any) -> Any:
    """The speakers directory with Amira Haddad chosen in the list."""
    new_event("Coffee morning")
    speakers.add_speaker(store, values={"name": "Amira Haddad", "bio": "Runs the sleep clinic."})
    window.tabs.setCurrentWidget(window.speakers)
    window.speakers.show_section("directory")
    pane = window.speakers.directory.pane
    person.choose_row(pane.table, 0)
    assert pane.current_id is not None
    return pane


def speaker_now(window: MainWindow, pane: Any) -> Any:
    return next(r for r in speakers.list_speakers(window.store) if r.id == pane.current_id)


def they_edit_speaker(other: Store, pane: Any, **values: Any) -> None:
    speakers.update_speaker(other, speaker_id=pane.current_id, values=values)


def compared(pane: Any, window: MainWindow) -> None:
    """The chosen speaker's version read again (the directory's verbs save against it)."""
    pane.edits.shown(pane.current_id)


def test_a_speaker_changed_elsewhere_in_another_field_is_kept(
    window: MainWindow, directory: Any, other: Store, person: Any
) -> None:
    they_edit_speaker(other, directory, phone="01632 960 999")
    person.fill(directory.form.inputs["email"], "amira@example.org")

    assert open_dialogs(window) == []
    saved = speaker_now(window, directory)
    assert (saved.email, saved.phone) == ("amira@example.org", "01632 960 999")


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (Choice.MINE, "Leads the baby sleep group."),
        (Choice.THEIRS, "Nurse at the clinic."),
        (Choice.BOTH, merged_text("Leads the baby sleep group.", "Nurse at the clinic.")),
    ],
)
def test_a_speaker_changed_in_the_same_field_asks_which_to_keep(
    window: MainWindow,
    directory: Any,
    other: Store,
    person: Any,
    qtbot: Any,
    choice: Choice,
    expected: str,
) -> None:
    compared(directory, window)
    they_edit_speaker(other, directory, bio="Nurse at the clinic.", phone="01632 960 999")
    person.fill(directory.form.inputs["bio"], "Leads the baby sleep group.")

    dialog = clash_dialog(window, qtbot)
    assert dialog.windowTitle() == "Someone else changed this speaker"
    assert "Bio for flyers, theirs now: Nurse at the clinic." in value_names(dialog)
    assert speaker_now(window, directory).bio == "Nurse at the clinic."
    choose_and_save(person, dialog, "bio", choice)

    saved = speaker_now(window, directory)
    assert (saved.bio, saved.phone) == (expected, "01632 960 999")
    assert person.shown(directory.form.inputs["bio"]) == expected
