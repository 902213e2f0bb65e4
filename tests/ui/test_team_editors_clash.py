"""Two people change the same field of a flyer draft, creche settings or feedback question:
the editor shows both values and saves the one chosen; another field they changed stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from organiser.core.creche import service as creche
from organiser.core.db import Store
from organiser.core.feedback import form
from organiser.core.flyer import service as flyers
from organiser.ui.main_window import MainWindow
from organiser.ui.team.conflict_dialog import Choice, ConflictDialog


@pytest.fixture
def event_id(window: MainWindow, new_event: Any) -> int:
    """An open event, in a window that does not look for others' changes by itself."""
    window.live.stop()
    return new_event("Coffee morning")


def open_dialogs(window: MainWindow) -> list[ConflictDialog]:
    return [d for d in window.findChildren(ConflictDialog) if d.isVisible()]


def clash_dialog(window: MainWindow, qtbot: Any) -> ConflictDialog:
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=2000)
    return open_dialogs(window)[0]


def names(dialog: ConflictDialog) -> list[str]:
    return [label.accessibleName() for label in dialog.findChildren(QLabel)]


def choose(person: Any, dialog: ConflictDialog, key: str, choice: Choice) -> None:
    person.click(dialog.buttons[key][choice])
    person.click(dialog.save_button)


# Flyer draft: they change the title and strapline, this window the title.


def flyer_clash(window: MainWindow, event_id: int, other: Store, person: Any, qtbot: Any) -> Any:
    window.show_tab("flyer")
    editor = window.flyer.draft.editor
    flyers.update_flyer(
        other, event_id=event_id, values={"title": "Their title", "strapline": "Their line"}
    )
    person.fill(editor.form.inputs["title"], "My title")
    dialog = clash_dialog(window, qtbot)
    assert dialog.windowTitle() == "Someone else changed this flyer draft"
    assert "Title, theirs now: Their title" in names(dialog)
    assert "Title, yours: My title" in names(dialog)
    assert flyers.get_flyer(window.store, event_id).values["title"] == "Their title"
    return editor


@pytest.mark.parametrize(
    ("choice", "kept"), [(Choice.MINE, "My title"), (Choice.THEIRS, "Their title")]
)
def test_flyer_same_field_asks_and_saves_the_choice(
    window: MainWindow,
    event_id: int,
    other: Store,
    person: Any,
    qtbot: Any,
    choice: Choice,
    kept: str,
) -> None:
    editor = flyer_clash(window, event_id, other, person, qtbot)
    choose(person, open_dialogs(window)[0], "title", choice)

    values = flyers.get_flyer(window.store, event_id).values
    assert (values["title"], values["strapline"]) == (kept, "Their line")
    assert person.shown(editor.form.inputs["title"]) == kept
    assert open_dialogs(window) == []


def test_flyer_undo_of_the_choice_keeps_their_other_change(
    window: MainWindow, event_id: int, other: Store, person: Any, qtbot: Any
) -> None:
    flyer_clash(window, event_id, other, person, qtbot)
    choose(person, open_dialogs(window)[0], "title", Choice.MINE)
    assert window.runner.undo_stack.undoText() == "Edit flyer"
    window.runner.undo_stack.undo()
    values = flyers.get_flyer(window.store, event_id).values
    assert (values["title"], values["strapline"]) == ("Their title", "Their line")


# Creche settings: they change places and the start, this window the places.


def creche_clash(window: MainWindow, event_id: int, other: Store, person: Any, qtbot: Any) -> Any:
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("creche")
    page = window.creche.page("creche")
    creche.update_creche(other, event_id=event_id, values={"places": 12, "max_age_years": 4})
    person.fill(page.form.inputs["places"], "8")
    dialog = clash_dialog(window, qtbot)
    said = names(dialog)
    assert any(n.startswith("Creche places, theirs now") and "12" in n for n in said), said
    assert any(n.startswith("Creche places, yours") and "8" in n for n in said), said
    assert creche.get_creche(window.store, event_id).places == 12
    return page


@pytest.mark.parametrize(("choice", "kept"), [(Choice.MINE, 8), (Choice.THEIRS, 12)])
def test_creche_same_setting_asks_and_saves_the_choice(
    window: MainWindow,
    event_id: int,
    other: Store,
    person: Any,
    qtbot: Any,
    choice: Choice,
    kept: int,
) -> None:
    page = creche_clash(window, event_id, other, person, qtbot)
    choose(person, open_dialogs(window)[0], "places", choice)

    settings = creche.get_creche(window.store, event_id)
    assert (settings.places, settings.max_age_years) == (kept, 4)
    assert person.shown(page.form.inputs["places"]) == str(kept)
    assert open_dialogs(window) == []
    if choice is Choice.MINE:
        assert window.runner.undo_stack.undoText() == "Edit creche settings"


# Feedback question: they change its wording and choices, this window its choices.


@pytest.fixture
def question(window: MainWindow, event_id: int, person: Any) -> Callable[[], Any]:
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

    def stored() -> Any:
        return next(q for q in form.list_questions(window.store, event_id) if q.id == question_id)

    page.stored = stored
    return page


def question_clash(window: MainWindow, page: Any, other: Store, person: Any, qtbot: Any) -> None:
    form.update_question(
        other,
        question_id=page.current_id,
        values={"text": "How warm was the hall?", "choices": "Cold\nFine\nWarm"},
    )
    person.fill(page.editor.inputs["text"], "How cold was the room?")
    dialog = clash_dialog(window, qtbot)
    assert dialog.windowTitle() == "Someone else changed this question"
    assert "Question, theirs now: How warm was the hall?" in names(dialog)
    assert "Question, yours: How cold was the room?" in names(dialog)
    assert page.stored().text == "How warm was the hall?"


@pytest.mark.parametrize(
    ("choice", "kept"),
    [(Choice.MINE, "How cold was the room?"), (Choice.THEIRS, "How warm was the hall?")],
)
def test_question_same_field_asks_and_saves_the_choice(
    window: MainWindow,
    question: Any,
    other: Store,
    person: Any,
    qtbot: Any,
    choice: Choice,
    kept: str,
) -> None:
    page = question
    question_clash(window, page, other, person, qtbot)
    choose(person, open_dialogs(window)[0], "text", choice)

    stored = page.stored()
    assert (stored.text, stored.choices) == (kept, ("Cold", "Fine", "Warm"))
    assert person.shown(page.editor.inputs["text"]) == kept
    if choice is Choice.MINE:  # a save refreshes the editor: their choices are shown too
        assert person.shown(page.editor.inputs["choices"]) == "Cold\nFine\nWarm"
    assert open_dialogs(window) == []
