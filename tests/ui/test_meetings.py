"""The Meetings page, driven like a person: notes typed with shortcuts and saved as Markdown,
earlier versions, who came, agenda, decisions, and the meeting's own fields."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from organiser.core import db
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.meetings.meetings import MeetingsPage
from organiser.ui.meetings.notes import SAVE_AFTER_PAUSE_MS

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
EMOJI_AND_ARABIC = "Arlo 👶 slept; مرحبا بكم في الاجتماع"


@dataclass
class Group:
    """An event with three members, two past meetings and one to come."""

    event_id: int
    members: list[int]
    first: int
    second: int
    next: int


@pytest.fixture
def group(store: Store, create_event: Callable[..., int], add_member: Any) -> Group:
    event_id = create_event("Coffee and conversation")
    members = [
        add_member(event_id, name=name) for name in ("Zoë Marsh", "Dev Okafor", "Łucja Nowak")
    ]
    today = dt.date.today()

    def meeting(title: str, days: int, **values: Any) -> int:
        created = add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={
                "title": title,
                "date": today + dt.timedelta(days=days),
                "start": dt.time(10),
                "end": dt.time(11),
                "place": "online",
                **values,
            },
        ).created_id
        assert created is not None
        return created

    first = meeting("First ideas", -20)
    second = meeting("Speakers", -6)
    coming = meeting("Final check", 4)
    meetings.save_notes(store, meeting_id=first, text="# First ideas\n\nA **Pilates** morning\n")
    add_row(
        store,
        kind=RowKind.ACTIONS,
        parent_id=event_id,
        values={"text": "Book the hall", "owner_id": members[1], "meeting_id": first},
    )
    return Group(event_id, members, first, second, coming)


@pytest.fixture
def page(window: MainWindow, group: Group, qtbot: Any) -> MeetingsPage:
    """The Meetings page in the window, hearing its changes as the Planning tab would."""
    shown = MeetingsPage(window.runner)
    window.tabs.addTab(shown, "Meetings")
    window.tabs.setCurrentWidget(shown)
    window.runner.changes_applied.connect(shown.refresh)
    shown.set_event(group.event_id)
    window.runner.undo_stack.clear()
    qtbot.waitUntil(shown.isVisible)
    return shown


def stored_notes(window: MainWindow, meeting_id: int) -> str:
    return meetings.get_meeting(window.store, meeting_id).notes


def choose(person: Any, page: MeetingsPage, title: str) -> None:
    titles = person.column(page.meetings.table, "Title")
    person.choose_row(page.meetings.table, titles.index(title))
    assert page.meeting_id is not None
    assert page.heading.text().startswith(title)


def keys(qtbot: Any, widget: Any, sequence: str) -> None:
    """Press a shortcut such as Ctrl+Shift+8 on a widget."""
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def test_the_next_meeting_is_chosen_and_the_list_reads_well(
    page: MeetingsPage, person: Any
) -> None:
    assert page.heading.text().startswith("Final check — ")
    assert person.column(page.meetings.table, "Title") == ["First ideas", "Speakers", "Final check"]
    assert person.column(page.meetings.table, "Time") == ["10:00–11:00"] * 3
    assert person.column(page.meetings.table, "Place") == ["online"] * 3
    assert page.summary.text().startswith("3 meetings · next: Final check, ")


def test_notes_typed_with_shortcuts_are_saved_as_markdown_within_a_second(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    editor = page.notes.text
    person.focus(editor)
    keys(qtbot, editor, "Ctrl+1")
    assert page.notes.format_actions["h1"].isChecked()
    person.type(editor, "Final check", replace=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    keys(qtbot, editor, "Ctrl+Alt+0")
    person.type(editor, "We agreed ", replace=False)
    keys(qtbot, editor, "Ctrl+B")
    person.type(editor, "the date", replace=False)
    keys(qtbot, editor, "Ctrl+B")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    keys(qtbot, editor, "Ctrl+2")
    person.type(editor, "Jobs", replace=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    keys(qtbot, editor, "Ctrl+Shift+8")
    person.type(editor, "creche", replace=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    person.type(editor, "flyer", replace=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # an empty item ends the list
    keys(qtbot, editor, "Ctrl+Shift+7")
    person.type(editor, "first", replace=False)
    typed_at = time.monotonic()

    qtbot.waitUntil(lambda: "1." in stored_notes(window, group.next), timeout=1500)
    assert time.monotonic() - typed_at < 1.5
    notes = stored_notes(window, group.next)
    assert notes.startswith("# Final check\n")
    assert "We agreed **the date**" in notes
    assert "## Jobs" in notes
    assert "- creche\n- flyer" in notes
    assert re.search(r"1\.\s+first", notes)
    # The write runs on a worker: the status says so once the window hears it has finished.
    qtbot.waitUntil(
        lambda: re.fullmatch(r"Saved \d\d:\d\d:\d\d", page.notes.status.text()) is not None,
        timeout=1000,
    )

    choose(person, page, "Speakers")
    assert page.notes.text.toPlainText() == ""
    choose(person, page, "Final check")
    again = page.notes.markdown()
    assert "# Final check" in again and "**the date**" in again and "- creche" in again
    page.notes.text.moveCursor(page.notes.text.textCursor().MoveOperation.Start)
    assert page.notes.format_actions["h1"].isChecked()


def test_notes_keep_saving_while_typing_goes_on(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    editor = page.notes.text
    person.focus(editor)
    started = time.monotonic()
    words = 0
    while time.monotonic() - started < 1.6:  # never a pause long enough for the pause timer
        person.type(editor, f"w{words} ", replace=False)
        words += 1
        qtbot.wait(SAVE_AFTER_PAUSE_MS // 7)
    saved = stored_notes(window, group.next)
    assert saved.startswith("w0 w1"), "nothing was saved during a long stretch of typing"


def test_nothing_is_saved_when_nothing_changed(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    choose(person, page, "First ideas")
    before = meetings.get_meeting(window.store, group.first)
    person.focus(page.notes.text)
    keys(qtbot, page.notes.text, "Ctrl+End")
    person.focus(page.meetings.table)
    choose(person, page, "Speakers")
    page.flush()
    after = meetings.get_meeting(window.store, group.first)
    assert (after.notes, after.notes_saved_at) == (before.notes, before.notes_saved_at)
    assert len(meetings.list_revisions(window.store, group.first)) == 1

    choose(person, page, "First ideas")
    person.type(page.notes.text, "!", replace=False)
    qtbot.keyClick(page.notes.text, Qt.Key.Key_Backspace)
    page.flush()
    assert stored_notes(window, group.first).startswith("# First ideas")


def test_switching_meeting_saves_at_once(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any
) -> None:
    person.type(page.notes.text, "Said just before switching", replace=False)
    choose(person, page, "Speakers")  # well inside the autosave pause
    assert "Said just before switching" in stored_notes(window, group.next)


def test_flush_saves_what_is_typed(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any
) -> None:
    person.type(page.notes.text, "Typed as the lid closed", replace=False)
    page.flush()
    assert "Typed as the lid closed" in stored_notes(window, group.next)


def test_a_1mb_note_with_emoji_and_arabic_survives(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    line = "Zoë said the creche matters 👶 and so does the pier café.\n"
    pasted = line * (1_000_000 // len(line) + 1)
    QApplication.clipboard().setText(pasted)
    person.focus(page.notes.text)
    keys(qtbot, page.notes.text, "Ctrl+V")
    qtbot.keyClick(page.notes.text, Qt.Key.Key_Return)
    person.type(page.notes.text, EMOJI_AND_ARABIC, replace=False)
    qtbot.waitUntil(lambda: "الاجتماع" in stored_notes(window, group.next), timeout=3000)

    stored = stored_notes(window, group.next)
    assert len(stored) >= 1_000_000
    assert " ".join(stored.split()).startswith(" ".join(pasted.split())[:5000])
    assert stored.rstrip().endswith(EMOJI_AND_ARABIC)
    choose(person, page, "Speakers")
    choose(person, page, "Final check")
    shown = page.notes.text.toPlainText()
    assert shown.endswith(EMOJI_AND_ARABIC)
    assert shown.count("👶") == pasted.count("👶") + 1


def test_earlier_versions_are_listed_and_one_is_restored(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    long_ago = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=30)
    meetings.save_notes(window.store, meeting_id=group.next, text="Old plan: 👶 café", now=long_ago)
    page.notes.reload_if_changed()
    assert page.notes.text.toPlainText() == "Old plan: 👶 café"
    person.type(page.notes.text, "New plan", replace=True)
    person.click(page.notes.versions_button)  # saves first, then lists the versions

    dialog = page.notes.revisions_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 2
    assert "New plan" in person.column(dialog.table, "Begins with")[0]
    local = long_ago.replace(tzinfo=dt.UTC).astimezone()
    assert person.column(dialog.table, "Saved")[1] == f"{local:%d/%m/%Y %H:%M:%S}"
    person.choose_row(dialog.table, 1)
    assert dialog.preview.toPlainText() == "Old plan: 👶 café"
    assert dialog.preview.isReadOnly()
    person.click(dialog.restore_button)

    assert not dialog.isVisible()
    assert stored_notes(window, group.next) == "Old plan: 👶 café"
    assert page.notes.text.toPlainText() == "Old plan: 👶 café"
    previews = [r.preview for r in meetings.list_revisions(window.store, group.next)]
    assert any("New plan" in p for p in previews), "what was replaced is kept as a version"


def test_ticking_who_came_saves_at_once_and_undo_takes_it_back(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any, find_action: Any
) -> None:
    page.tabs.setCurrentWidget(page.attendees)
    listing = page.attendees.list
    person.focus(listing)
    listing.setCurrentRow(1)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert meetings.get_meeting(window.store, group.next).attendee_ids == (group.members[1],)
    assert page.tabs.tabText(1) == "Who came (1 of 3)"
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert page.attendees.ticked_names() == ["Zoë Marsh — Other", "Dev Okafor — Other"]

    undo = find_action(window, "&Edit", "&Undo")
    assert "Change who came" in undo.text()
    undo.trigger()
    assert meetings.get_meeting(window.store, group.next).attendee_ids == (group.members[1],)
    assert page.attendees.ticked_ids() == [group.members[1]]
    undo.trigger()
    assert page.attendees.ticked_ids() == []
    assert page.tabs.tabText(1) == "Who came (0 of 3)"
    find_action(window, "&Edit", "&Redo").trigger()
    assert page.attendees.ticked_ids() == [group.members[1]]


def test_a_decision_is_added_to_the_meeting(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any
) -> None:
    page.tabs.setCurrentWidget(page.decisions)
    decisions = page.decisions
    person.type(decisions.form.inputs["text"], "Book the library for the 14th — Łucja confirms")
    person.click(decisions.add_button)
    stored = meetings.get_meeting(window.store, group.next).decisions
    assert [d.text for d in stored] == ["Book the library for the 14th — Łucja confirms"]
    assert person.column(decisions.table, "Decision") == [stored[0].text]
    assert page.tabs.tabText(2) == "Decisions (1)"
    choose(person, page, "Speakers")
    assert decisions.model.rowCount() == 0


def test_the_agenda_autosaves_and_open_actions_are_added_and_undone(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    agenda = page.agenda.inputs["agenda"]
    person.type(agenda, "Walk through the running order")
    qtbot.waitUntil(
        lambda: meetings.get_meeting(window.store, group.next).agenda.startswith("Walk"),
        timeout=1500,
    )
    person.click(page.open_actions_button)
    stored = meetings.get_meeting(window.store, group.next).agenda
    assert stored.startswith("Walk through the running order\n\nOpen actions")
    assert "- Book the hall (Dev Okafor; open, no due date)" in stored
    assert person.shown(agenda) == stored
    assert "Undo" in page.agenda_note.text()

    window.runner.undo_stack.undo()
    assert meetings.get_meeting(window.store, group.next).agenda == "Walk through the running order"
    assert person.shown(agenda) == "Walk through the running order"
    window.runner.undo_stack.redo()
    assert "Book the hall" in person.shown(agenda)


def test_no_open_actions_is_said_in_words(page: MeetingsPage, person: Any) -> None:
    choose(person, page, "First ideas")  # the only open action was raised here
    person.click(page.open_actions_button)
    assert page.agenda_note.text() == "No actions are open from other meetings."


def test_end_before_start_and_an_empty_title_are_refused_beside_the_field(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any
) -> None:
    form = page.meetings.form
    person.fill(form.inputs["end"], "9:30")
    assert "end time must be after the start time (10:00)" in person.message(form, "end")
    person.fill(form.inputs["title"], "")
    assert "title cannot be empty" in person.message(form, "title")
    person.fill(form.inputs["place"], "Online (video call)")
    details = meetings.get_meeting(window.store, group.next)
    assert (details.title, details.end, details.place) == (
        "Final check",
        dt.time(11),
        "Online (video call)",
    )


def test_ctrl_z_in_the_notes_undoes_typing_not_the_window(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    person.fill(page.meetings.form.inputs["place"], "Pier café")
    assert window.runner.undo_stack.count() == 1
    person.type(page.notes.text, "Typo here", replace=False)
    keys(qtbot, page.notes.text, "Ctrl+Z")
    assert page.notes.text.toPlainText() == ""
    keys(qtbot, page.notes.text, "Ctrl+Shift+Z")
    assert page.notes.text.toPlainText() == "Typo here"
    assert window.runner.undo_stack.index() == 1, "the window's undo must not run"
    assert meetings.get_meeting(window.store, group.next).place == "Pier café"


def test_formatting_buttons_name_their_shortcuts_and_do_not_clash_with_the_menus(
    window: MainWindow, page: MeetingsPage
) -> None:
    menu_keys = {
        key.toString()
        for top in window.menuBar().actions()
        for action in top.menu().actions()
        for key in action.shortcuts()
    }
    for key, action in page.notes.format_actions.items():
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button = page.notes.buttons[key]
        assert shortcut and shortcut in button.toolTip()
        assert button.accessibleName()
        assert action.shortcut().toString() not in menu_keys
    assert page.notes.text.accessibleName() == "Meeting notes"


def test_the_print_and_calendar_buttons_ask_for_the_meeting(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    person.type(page.notes.text, "Last words before printing", replace=False)
    with qtbot.waitSignal(page.print_minutes_requested) as printed:
        person.click(page.print_button)
    assert printed.args == [group.next]
    assert "Last words before printing" in stored_notes(window, group.next)
    with qtbot.waitSignal(page.export_calendar_requested) as exported:
        person.click(page.calendar_button)
    assert exported.args == [group.next]


def test_deleting_a_meeting_mid_note_keeps_the_note_for_undo(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any
) -> None:
    person.type(page.notes.text, "Unsaved words", replace=False)
    person.click(page.meetings.delete_button)
    assert person.column(page.meetings.table, "Title") == ["First ideas", "Speakers"]
    assert page.meeting_id is None and not page.notes.isEnabled()
    window.runner.undo_stack.undo()
    assert "Unsaved words" in stored_notes(window, group.next)


def test_in_the_planning_tab_leaving_saves_and_coming_back_keeps_the_meeting(
    window: MainWindow, group: Group, person: Any
) -> None:
    window.open_event(group.event_id)
    window.planning.show_section("meetings")
    page = window.planning.meetings
    choose(person, page, "First ideas")
    person.type(page.notes.text, "Late arrivals: ", replace=False)
    window.planning.show_section("actions")  # well inside the autosave pause
    assert stored_notes(window, group.first).startswith("# Late arrivals: First ideas")

    actions = window.planning.actions
    person.choose_row(actions.section.table, 0)
    person.click(actions.done_button)
    window.planning.show_section("meetings")
    assert page.heading.text().startswith("First ideas")
    window.planning.show_section("actions")
    assert actions.current_row() is not None and actions.current_row().text == "Book the hall"


def test_copied_notes_keep_their_formatting_and_web_styling_is_dropped(
    window: MainWindow, page: MeetingsPage, group: Group, person: Any, qtbot: Any
) -> None:
    choose(person, page, "First ideas")  # "# First ideas" and a **Pilates** morning
    person.focus(page.notes.text)
    keys(qtbot, page.notes.text, "Ctrl+A")
    keys(qtbot, page.notes.text, "Ctrl+C")
    choose(person, page, "Speakers")
    person.focus(page.notes.text)
    keys(qtbot, page.notes.text, "Ctrl+V")
    page.flush()
    assert stored_notes(window, group.second).startswith("# First ideas\n\nA **Pilates** morning")

    web = QMimeData()
    web.setHtml('<p style="color:red"><b>Bring</b> <i>snacks</i></p>')
    web.setText("Bring snacks")
    QApplication.clipboard().setMimeData(web)
    choose(person, page, "Final check")
    person.focus(page.notes.text)
    keys(qtbot, page.notes.text, "Ctrl+V")
    page.flush()
    assert stored_notes(window, group.next).strip() == "Bring snacks"


def test_notes_that_cannot_be_saved_say_so_and_are_saved_later(
    window: MainWindow,
    page: MeetingsPage,
    group: Group,
    person: Any,
    db_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)  # give up waiting for the file fast
    window.store.engine.dispose()
    person.type(page.notes.text, "Typed while another program held the file", replace=False)
    other = sqlite3.connect(db_path, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")
        page.notes.save_now()
        assert page.notes.status.text().startswith("⚠ Not saved")
    finally:
        other.rollback()
        other.close()
    # Nothing more is typed: leaving the meeting (or closing the window) still saves it.
    page.flush()
    assert "Typed while another program held the file" in stored_notes(window, group.next)
