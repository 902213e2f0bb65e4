"""The working group: add people with accents, see duplicates flagged in words."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from organiser.core.planning import service as planning
from organiser.ui.main_window import MainWindow

COMPOSED = "Zoë Łucja Nowak"
DECOMPOSED = "Zoe\u0308 Łucja Nowak"


@pytest.fixture
def members(window: MainWindow, new_event: Any) -> Any:
    """The Working group page of a new event, on screen."""
    new_event("Coffee morning")
    window.planning.show_section("members")
    page = window.planning.members
    assert page.isVisible()
    return page


def add_member(person: Any, page: Any, name: str, role: str) -> None:
    section = page.section
    if section.current_id is not None:
        person.click(section.new_button)
    assert section.mode_label.text() == "New member"
    person.choose(section.form.inputs["role"], role)
    person.type(section.form.inputs["name"], name)
    person.click(section.add_button)


def test_add_a_member_with_accents(window: MainWindow, members: Any, person: Any) -> None:
    assert members.summary.text().startswith("0 members")
    add_member(person, members, COMPOSED, "Parent or carer with lived experience")

    table = members.section.table
    assert person.column(table, "Name") == [COMPOSED]
    assert person.column(table, "Role") == ["Parent or carer with lived experience"]
    assert members.summary.text() == "1 member · 1 with lived experience"
    assert members.section.mode_label.text() == "Editing this member"
    assert window.event_id is not None
    stored = planning.list_members(window.store, window.event_id)
    assert [m.name for m in stored] == [COMPOSED]


def test_the_same_name_typed_another_way_is_flagged(
    window: MainWindow, members: Any, person: Any
) -> None:
    add_member(person, members, COMPOSED, "Parent or carer with lived experience")
    add_member(person, members, DECOMPOSED, "Professional")

    names = person.column(members.section.table, "Name")
    assert len(names) == 2
    assert all(name.endswith("— same name as another member") for name in names)
    assert "2 share a name" in members.summary.text()
    overview = window.planning.overview.plain_text()
    assert "Two members share a name: check for a duplicate" in overview


def test_a_different_name_is_not_flagged(members: Any, person: Any) -> None:
    add_member(person, members, COMPOSED, "Professional")
    add_member(person, members, "Zoë Nowak", "Volunteer")
    names = person.column(members.section.table, "Name")
    assert names == [COMPOSED, "Zoë Nowak"]
    assert "share a name" not in members.summary.text()
    assert members.summary.text() == "2 members · no one with lived experience yet"


def test_a_member_without_a_name_is_refused_with_a_message(members: Any, person: Any) -> None:
    person.choose(members.section.form.inputs["role"], "Volunteer")
    person.click(members.section.add_button)
    assert "name cannot be empty" in person.message(members.section.form, "name")
    assert members.section.model.rowCount() == 0


def test_a_bad_email_is_refused_next_to_the_field(
    window: MainWindow, members: Any, person: Any
) -> None:
    add_member(person, members, "Dev Okafor", "Volunteer")
    form = members.section.form
    person.fill(form.inputs["email"], "dev at example")
    assert "does not look like an email address" in person.message(form, "email")
    person.fill(form.inputs["email"], "dev@example.org")
    assert person.message(form, "email") == ""
    assert person.column(members.section.table, "Contact") == ["dev@example.org"]


def test_choosing_a_row_shows_it_in_the_editor(members: Any, person: Any) -> None:
    add_member(person, members, "Siobhán Kelly", "Professional")
    add_member(person, members, "Dev Okafor", "Volunteer")
    person.choose_row(members.section.table, 0)
    assert person.shown(members.section.form.inputs["name"]) == "Siobhán Kelly"
    assert person.shown(members.section.form.inputs["role"]) == "Professional"
    assert members.section.delete_button.isEnabled()


def test_an_organisation_typed_once_is_offered_again(members: Any, person: Any) -> None:
    add_member(person, members, "Łucja Nowak", "Professional")
    organisation = members.section.form.inputs["organisation"]
    person.fill(organisation.lineEdit(), "Family Engagement Team")
    assert person.column(members.section.table, "Organisation") == ["Family Engagement Team"]
    person.click(members.section.new_button)
    assert organisation.findText("Family Engagement Team") >= 0


def test_tab_leaves_the_list_for_its_buttons_and_the_editor(
    window: MainWindow, members: Any, person: Any, qtbot: Any
) -> None:
    add_member(person, members, "Dev Okafor", "Volunteer")
    add_member(person, members, "Siobhán Kelly", "Professional")
    section = members.section
    person.focus(section.table)
    reached = []
    for _press in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    # Tab walks on to the buttons and the first input, not from cell to cell of the table.
    assert reached[:3] == [section.new_button, section.delete_button, section.form.inputs["name"]]


def test_closing_with_a_half_typed_member_that_cannot_be_saved_asks_first(
    window: MainWindow, members: Any, person: Any, dialogs: Any, store: Any
) -> None:
    form = members.section.form
    person.type(form.inputs["name"], "Zoë Marsh")
    person.type(form.inputs["access_needs"], "Step-free rooms, please")
    person.type(form.inputs["email"], "zoe@")
    window.close()
    assert window.isVisible(), "No keeps the window open"
    assert "The new member is not saved" in dialogs.questions[-1]
    assert "does not look like an email address" in dialogs.questions[-1]
    assert form.inputs["name"].text() == "Zoë Marsh"
    person.type(form.inputs["email"], "zoe@example.org")
    window.close()
    assert not window.isVisible()
    assert [m.name for m in planning.list_members(store, window.event_id)] == ["Zoë Marsh"]
