"""New-row forms behave the same on every list page from the keyboard: Tab reaches "Add …",
Enter adds, and nothing is added by merely leaving a field or the form."""

from __future__ import annotations

from typing import Any

import pytest
from page_walk import every_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from organiser.ui import commands
from organiser.ui.main_window import MainWindow
from organiser.ui.widgets.fields import Kind
from organiser.ui.widgets.row_section import RowSection


@pytest.fixture
def budget(window: MainWindow, new_event: Any) -> Any:
    """The Budget page of a new event, on screen."""
    new_event("Pilates and wellbeing morning")
    window.planning.show_section("budget")
    return window.planning.budget


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def every_section(window: MainWindow) -> list[tuple[Any, str, RowSection]]:
    """Each list-and-form section of every page (tab, page key, section), opening them all."""
    found = []
    for shown in every_page(window):
        page = shown.show(window)
        found += [(shown.tab, shown.key, s) for s in page.findChildren(RowSection)]
    return found


def test_on_every_page_tab_walks_a_new_rows_fields_to_add_and_adds_nothing(
    window: MainWindow, qtbot: Any, person: Any
) -> None:
    commands.open_example(window)
    checked = []
    for tab, key, section in every_section(window):
        window.tabs.setCurrentWidget(tab)
        tab.show_section(key)
        if not (section.isVisible() and section.new_button.isEnabled()):
            continue  # no meeting or poll chosen to hold its rows
        rows = section.model.rowCount()
        person.click(section.new_button)
        first = section.form.fields[0]
        if first.kind is Kind.LINE:  # a name or title: enough for most rows to be added
            qtbot.keyClicks(section.form.inputs[first.key], "Typed from the keyboard")
        steps = 0
        while focused() is not section.add_button:
            now = focused()
            assert now is not None and section.form.isAncestorOf(now), (
                f"{section.noun}: Tab left the form at {now!r} before reaching Add"
            )
            qtbot.keyClick(now, Qt.Key.Key_Tab)
            steps += 1
            assert steps <= len(section.form.fields), f"{section.noun}: Add not reached"
        assert section.model.rowCount() == rows, f"{section.noun}: leaving a field added a row"
        checked.append(section.noun)
    assert len(checked) >= 10, checked


def test_leaving_the_form_of_a_new_row_adds_nothing_until_add(budget: Any, person: Any) -> None:
    section = budget.funds
    person.fill(section.form.inputs["name"], "Community wellbeing grant")
    person.fill(section.form.inputs["amount_pence"], "450")
    person.focus(section.table)  # the person moves on without pressing Add
    person.qtbot.wait(1000)  # past the autosave's delay
    assert section.model.rowCount() == 0
    assert section.add_button.isVisible()
    assert person.shown(section.form.inputs["name"]) == "Community wellbeing grant", "kept"

    person.click(section.add_button)
    assert person.column(section.table, "Funding source") == ["Community wellbeing grant"]
    assert person.column(section.table, "Amount") == ["£450.00"]


def test_enter_in_a_one_line_field_adds_the_row(budget: Any, person: Any) -> None:
    section = budget.costs
    person.type(section.form.inputs["item"], "Hall hire")
    person.type(section.form.inputs["estimated_pence"], "60")
    person.qtbot.keyClick(section.form.inputs["estimated_pence"], Qt.Key.Key_Return)
    assert person.column(section.table, "Item") == ["Hall hire"]
    assert person.column(section.table, "Estimated") == ["£60.00"]
    assert section.mode_label.text() == "Editing this cost"
    assert focused() is section.form.inputs["estimated_pence"], "the cursor stays put"


def test_space_on_add_adds_and_leaves_the_focus_on_new(budget: Any, person: Any) -> None:
    section = budget.costs
    person.type(section.form.inputs["item"], "Pastries")
    last = section.form.inputs[section.form.fields[-1].key]
    person.focus(last)
    person.qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert focused() is section.add_button
    person.qtbot.keyClick(section.add_button, Qt.Key.Key_Space)
    assert person.column(section.table, "Item") == ["Pastries"]
    assert focused() is section.new_button, "a second Space starts another cost"
    person.qtbot.keyClick(section.new_button, Qt.Key.Key_Space)
    assert section.mode_label.text() == "New cost"
    assert focused() is section.form.inputs[section.form.fields[0].key]


def test_choosing_another_row_adds_a_complete_new_row_first(budget: Any, person: Any) -> None:
    section = budget.costs
    person.type(section.form.inputs["item"], "Hall hire")
    person.qtbot.keyClick(section.form.inputs["item"], Qt.Key.Key_Return)
    person.click(section.new_button)
    person.type(section.form.inputs["item"], "Pastries")
    person.choose_row(section.table, 0)
    assert person.column(section.table, "Item") == ["Hall hire", "Pastries"]
    assert person.shown(section.form.inputs["item"]) == "Hall hire", "the row clicked is shown"
    assert section.current_row().item == "Hall hire"


def test_enter_on_a_suggested_organisation_takes_it_and_the_next_enter_adds(
    window: MainWindow, new_event: Any, add_member: Any, qtbot: Any, person: Any
) -> None:
    event_id = new_event("Coffee morning")
    add_member(event_id, name="Zoë Marsh", organisation="Family Centre")
    window.planning.show_section("members")
    section = window.planning.members.section
    person.click(section.new_button)
    person.type(section.form.inputs["name"], "Dev Okafor")
    box = section.form.inputs["organisation"]
    person.focus(box)
    qtbot.keyClicks(box.lineEdit(), "Fam")
    suggestions = box.completer().popup()
    qtbot.waitUntil(suggestions.isVisible, timeout=2000)
    qtbot.keyClick(suggestions, Qt.Key.Key_Down)
    qtbot.keyClick(suggestions, Qt.Key.Key_Return)
    assert [row.name for row in section.shown_rows()] == ["Zoë Marsh"], "not added yet"
    assert box.currentText() == "Family Centre"
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert [(row.name, row.organisation) for row in section.shown_rows()] == [
        ("Zoë Marsh", "Family Centre"),
        ("Dev Okafor", "Family Centre"),
    ]
