"""Two people edit the same flyer draft, creche settings or feedback question: each editor sends
only what its person changed since the values were shown, so a field someone else saved
meanwhile (not yet shown in this window) is kept, not put back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from organiser.core.creche import service as creche
from organiser.core.db import Store
from organiser.core.feedback import form
from organiser.core.flyer import service as flyers
from organiser.ui.main_window import MainWindow
from organiser.ui.team.conflict_dialog import ConflictDialog


@pytest.fixture
def event_id(window: MainWindow, new_event: Any) -> int:
    """An open event, in a window that does not look for others' changes by itself (so what
    it shows stays as it was loaded until it saves)."""
    window.live.stop()
    return new_event("Coffee morning")


def no_dialogs(window: MainWindow) -> bool:
    return not [d for d in window.findChildren(ConflictDialog) if d.isVisible()]


# Flyer draft.


def flyer_editor(window: MainWindow) -> Any:
    window.show_tab("flyer")
    return window.flyer.draft.editor


def draft(store: Store, event_id: int) -> dict[str, Any]:
    return flyers.get_flyer(store, event_id).values


def test_a_flyer_field_someone_else_changed_is_kept_when_another_is_saved(
    window: MainWindow, event_id: int, other: Store, person: Any
) -> None:
    editor = flyer_editor(window)
    shown_title = person.shown(editor.form.inputs["title"])
    strapline_before = draft(window.store, event_id)["strapline"]
    flyers.update_flyer(other, event_id=event_id, values={"title": "Their title"})
    assert person.shown(editor.form.inputs["title"]) == shown_title  # not refreshed yet

    person.fill(editor.form.inputs["strapline"], "Tea, cake and a chat")

    values = draft(window.store, event_id)
    assert (values["title"], values["strapline"]) == ("Their title", "Tea, cake and a chat")
    assert no_dialogs(window)
    # Saving refreshed the editor: their title is on screen now.
    assert person.shown(editor.form.inputs["title"]) == "Their title"
    assert window.runner.undo_stack.undoText() == "Edit flyer"
    window.runner.undo_stack.undo()  # undoes only this person's edit
    values = draft(window.store, event_id)
    assert (values["title"], values["strapline"]) == ("Their title", strapline_before)


def test_a_colour_tidied_on_saving_is_not_sent_again_with_a_later_edit(
    window: MainWindow, event_id: int, other: Store, person: Any
) -> None:
    editor = flyer_editor(window)
    person.fill(editor.form.inputs["text_colour"], "#1a2b3c")
    assert draft(window.store, event_id)["text_colour"] == "#1A2B3C"
    assert person.shown(editor.form.inputs["text_colour"]) == "#1A2B3C"
    flyers.update_flyer(other, event_id=event_id, values={"text_colour": "#222222"})

    person.fill(editor.form.inputs["strapline"], "Tea, cake and a chat")

    values = draft(window.store, event_id)
    assert (values["text_colour"], values["strapline"]) == ("#222222", "Tea, cake and a chat")


# Creche settings.


def creche_page(window: MainWindow) -> Any:
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("creche")
    return window.creche.page("creche")


def test_a_creche_setting_someone_else_changed_is_kept_when_another_is_saved(
    window: MainWindow, event_id: int, other: Store, person: Any
) -> None:
    page = creche_page(window)
    creche.update_creche(other, event_id=event_id, values={"places": 12})
    assert person.shown(page.form.inputs["places"]) == ""  # not refreshed yet

    person.fill(page.form.inputs["start"], "10:00")

    settings = creche.get_creche(window.store, event_id)
    assert (settings.places, settings.start) == (12, dt.time(10, 0))
    assert no_dialogs(window)
    assert person.shown(page.form.inputs["places"]) == "12"
    assert window.runner.undo_stack.undoText() == "Edit creche settings"
    window.runner.undo_stack.undo()  # undoes only this person's edit
    settings = creche.get_creche(window.store, event_id)
    assert (settings.places, settings.start) == (12, None)


def test_a_refused_creche_setting_is_sent_again_with_the_next_edit(
    window: MainWindow, event_id: int, other: Store, person: Any
) -> None:
    page = creche_page(window)
    person.fill(page.form.inputs["end"], "09:00")
    person.fill(page.form.inputs["start"], "10:00")  # refused: the creche must end after it
    assert person.message(page.form, "start") == "⚠ The creche must end after it starts."
    creche.update_creche(other, event_id=event_id, values={"places": 12})

    person.fill(page.form.inputs["end"], "12:00")  # the start waiting is saved with it

    settings = creche.get_creche(window.store, event_id)
    assert (settings.start, settings.end, settings.places) == (
        dt.time(10, 0),
        dt.time(12, 0),
        12,
    )
    assert person.message(page.form, "start") == ""


# Feedback questions.


def test_a_question_field_someone_else_changed_is_kept_when_another_is_saved(
    window: MainWindow, event_id: int, other: Store, person: Any
) -> None:
    window.show_tab("feedback")
    window.feedback.show_section("form")
    page = window.feedback.page("form")
    editor = page.editor
    person.type(editor.inputs["text"], "How warm was the room?")
    person.choose(editor.inputs["kind"], "Single choice")
    person.type(editor.inputs["choices"], "Cold")
    person.qtbot.keyClick(editor.inputs["choices"], Qt.Key.Key_Return)
    person.qtbot.keyClicks(editor.inputs["choices"], "Warm")
    person.click(page.add_button)
    question_id = page.current_id
    assert question_id is not None
    person.choose_row(page.table, page.model.row_of(question_id))
    form.update_question(other, question_id=question_id, values={"choices": "Cold\nFine\nWarm"})
    assert person.shown(editor.inputs["choices"]) == "Cold\nWarm"  # not refreshed yet

    person.fill(editor.inputs["text"], "How warm was the hall?")

    [question] = [q for q in form.list_questions(window.store, event_id) if q.id == question_id]
    assert (question.text, list(question.choices)) == (
        "How warm was the hall?",
        ["Cold", "Fine", "Warm"],
    )
    assert no_dialogs(window)
    assert person.shown(editor.inputs["choices"]) == "Cold\nFine\nWarm"
