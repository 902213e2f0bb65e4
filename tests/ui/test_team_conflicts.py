"""Two people edit the same member: different fields both stay; the same field asks which."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.core.versions import merged_text
from organiser.ui.main_window import MainWindow
from organiser.ui.team.conflict_dialog import Choice, ConflictDialog

THEIRS = "01632 960 999"
MINE = "01632 960 222"


@pytest.fixture
def section(window: MainWindow, new_event: Any, person: Any) -> Any:
    """The Working group page with Zoë Marsh added and chosen in the list."""
    new_event("Coffee morning")
    window.planning.show_section("members")
    section = window.planning.members.section
    person.type(section.form.inputs["name"], "Zoë Marsh")
    person.click(section.add_button)
    person.choose_row(section.table, 0)
    assert section.current_id is not None
    return section


def stored(window: MainWindow) -> Any:
    assert window.event_id is not None
    [member] = planning.list_members(window.store, window.event_id)
    return member


def they_save(other: Store, section: Any, **values: Any) -> None:
    crud.update_row(other, kind=RowKind.MEMBERS, row_id=section.current_id, values=values)


def open_dialogs(window: MainWindow) -> list[ConflictDialog]:
    return [d for d in window.findChildren(ConflictDialog) if d.isVisible()]


def clash_dialog(window: MainWindow, qtbot: Any) -> ConflictDialog:
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=2000)
    return open_dialogs(window)[0]


def test_a_change_to_another_field_is_kept_without_asking(
    window: MainWindow, section: Any, other: Store, person: Any
) -> None:
    they_save(other, section, phone=THEIRS)
    person.fill(section.form.inputs["email"], "zoe@example.org")

    assert open_dialogs(window) == []
    member = stored(window)
    assert (member.email, member.phone) == ("zoe@example.org", THEIRS)
    # Saving refreshed the editor: their phone number is on screen now, not the old blank.
    assert person.shown(section.form.inputs["phone"]) == THEIRS


def test_the_same_field_changed_by_both_shows_both_values(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_save(other, section, phone=THEIRS)
    person.fill(section.form.inputs["phone"], MINE)

    dialog = clash_dialog(window, qtbot)
    assert dialog.windowTitle() == "Someone else changed this member"
    names = [label.accessibleName() for label in dialog.findChildren(QLabel)]
    assert "Phone, as it was: empty" in names
    assert f"Phone, theirs now: {THEIRS}" in names
    assert f"Phone, yours: {MINE}" in names
    # A phone number is one line: keeping both is offered only for longer texts.
    assert set(dialog.buttons["phone"]) == {Choice.MINE, Choice.THEIRS}
    assert dialog.buttons["phone"][Choice.MINE].accessibleName() == "Phone: keep mine"
    assert stored(window).phone == THEIRS, "nothing is saved before the choice"
    person.click(dialog.save_button)


def test_keep_mine_saves_mine_and_undo_brings_theirs_back(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_save(other, section, phone=THEIRS)
    person.fill(section.form.inputs["phone"], MINE)
    dialog = clash_dialog(window, qtbot)
    person.click(dialog.buttons["phone"][Choice.MINE])
    person.click(dialog.save_button)

    assert stored(window).phone == MINE
    assert person.shown(section.form.inputs["phone"]) == MINE
    assert window.runner.undo_stack.undoText() == "Edit member"
    window.runner.undo_stack.undo()
    assert stored(window).phone == THEIRS


def test_take_theirs_keeps_theirs_and_shows_it(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_save(other, section, phone=THEIRS)
    person.fill(section.form.inputs["phone"], MINE)
    dialog = clash_dialog(window, qtbot)
    person.click(dialog.buttons["phone"][Choice.THEIRS])
    person.click(dialog.save_button)

    assert stored(window).phone == THEIRS
    assert person.shown(section.form.inputs["phone"]) == THEIRS
    assert person.message(section.form, "phone") == ""
    # Later edits start from their value: no second clash.
    person.fill(section.form.inputs["phone"], "01632 960 333")
    assert open_dialogs(window) == []
    assert stored(window).phone == "01632 960 333"


def test_keep_both_texts_saves_mine_then_theirs(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_save(other, section, access_needs="Hearing loop")
    person.fill(section.form.inputs["access_needs"], "Step-free room")
    dialog = clash_dialog(window, qtbot)
    assert dialog.choice("access_needs") is Choice.BOTH, "the safe choice loses no words"
    person.click(dialog.save_button)

    both = merged_text("Step-free room", "Hearing loop")
    assert stored(window).access_needs == both
    assert person.shown(section.form.inputs["access_needs"]) == both


def test_the_choice_is_made_with_the_keyboard_from_the_safe_default(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_save(other, section, phone=THEIRS, email="marsh@example.org")
    person.fill(section.form.inputs["email"], "zoe@example.org")
    dialog = clash_dialog(window, qtbot)
    take_theirs = dialog.buttons["email"][Choice.THEIRS]
    qtbot.waitUntil(take_theirs.hasFocus, timeout=2000)
    assert take_theirs.isChecked()
    qtbot.keyClick(take_theirs, Qt.Key.Key_Left)  # arrows move within the field's choices
    assert dialog.buttons["email"][Choice.MINE].isChecked()
    qtbot.keyClick(dialog.buttons["email"][Choice.MINE], Qt.Key.Key_Return)

    assert not dialog.isVisible()
    member = stored(window)
    assert (member.email, member.phone) == ("zoe@example.org", THEIRS)


def test_decide_later_keeps_the_typing_and_asks_again(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    they_save(other, section, phone=THEIRS)
    person.fill(section.form.inputs["phone"], MINE)
    clash_dialog(window, qtbot).reject()

    assert person.shown(section.form.inputs["phone"]) == MINE
    assert "someone else changed this too" in person.message(section.form, "phone")
    assert stored(window).phone == THEIRS
    # Leaving the editor (switching tab, closing) tries again: the question comes back.
    window.flush()
    dialog = clash_dialog(window, qtbot)
    assert window.unsaved_work() == [
        "Your change to this member is not saved: choose what to keep first."
    ]
    person.click(dialog.buttons["phone"][Choice.MINE])
    person.click(dialog.save_button)
    assert stored(window).phone == MINE
    assert window.unsaved_work() == []


def test_a_row_chosen_before_their_change_was_seen_is_still_compared(
    window: MainWindow, section: Any, other: Store, person: Any, qtbot: Any
) -> None:
    person.click(section.new_button)
    member_id = stored(window).id
    crud.update_row(other, kind=RowKind.MEMBERS, row_id=member_id, values={"phone": THEIRS})
    # No look for others' changes yet: the list still shows the old, blank phone number.
    person.choose_row(section.table, 0)
    assert person.shown(section.form.inputs["phone"]) == ""
    person.fill(section.form.inputs["phone"], MINE)

    dialog = clash_dialog(window, qtbot)
    assert stored(window).phone == THEIRS
    person.click(dialog.buttons["phone"][Choice.MINE])
    person.click(dialog.save_button)
    assert stored(window).phone == MINE


def test_moving_to_another_database_drops_an_unsettled_clash(
    window: MainWindow,
    section: Any,
    other: Store,
    person: Any,
    qtbot: Any,
    migrated_template: Path,
    tmp_path: Path,
) -> None:
    they_save(other, section, phone=THEIRS)
    person.fill(section.form.inputs["phone"], MINE)
    clash_dialog(window, qtbot)
    elsewhere = tmp_path / "elsewhere.sqlite"
    shutil.copyfile(migrated_template, elsewhere)
    first, event_id = window.store, window.event_id
    assert event_id is not None

    window.swap_store(open_store(database_url(str(elsewhere)), daily_backup=False))
    try:
        assert open_dialogs(window) == []
        window.flush()
        assert open_dialogs(window) == [], "nothing typed there is saved here"
        assert window.unsaved_work() == []
        assert planning.list_members(first, event_id)[0].phone == THEIRS
    finally:
        window.store.close()
