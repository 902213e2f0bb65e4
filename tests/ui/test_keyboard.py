"""One way round the window from the keyboard, whatever has the focus: Ctrl+PgDown/PgUp between
the main tabs, Ctrl+Tab between a tab's pages, F6 between the event list, the page list and the
page; Help ▸ Keyboard shortcuts lists every key."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from organiser.ui.keyboard import ShortcutsDialog
from organiser.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "something has the focus"
    qtbot.keyClick(focus, key, modifiers)


def inside(area: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is area or area.isAncestorOf(focus))


@pytest.fixture
def typing_a_title(window: MainWindow, new_event: Any, person: Any) -> None:
    """A new event, with the cursor in its title on the Details page."""
    new_event("Coffee morning")
    window.planning.show_section("details")
    person.focus(window.planning.details.form.inputs["title"])


@pytest.mark.usefixtures("typing_a_title")
def test_ctrl_page_down_and_up_go_between_the_main_tabs_from_a_field(
    window: MainWindow, qtbot: Any
) -> None:
    press(qtbot, Qt.Key.Key_PageDown)
    assert window.tabs.currentWidget() is window.speakers
    assert inside(window.speakers), "the focus goes with the tab"
    for _ in range(4):
        press(qtbot, Qt.Key.Key_PageDown)
    assert window.tabs.currentWidget() is window.planning  # round from Feedback
    press(qtbot, Qt.Key.Key_PageUp)
    assert window.tabs.currentWidget() is window.feedback


def test_ctrl_tab_goes_between_a_tabs_own_pages(
    window: MainWindow, new_event: Any, qtbot: Any, person: Any
) -> None:
    new_event("Coffee morning")
    window.planning.show_section("members")
    person.focus(window.planning.members.section.form.inputs["name"])
    press(qtbot, Qt.Key.Key_Tab)
    assert window.planning.current_key() == "meetings"
    assert inside(window.planning.meetings)
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert window.planning.current_key() == "members"
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("privacy")
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # to Flyer, then back
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    assert window.creche.current_key() == "bookings"  # round from the last page


@pytest.mark.usefixtures("typing_a_title")
def test_f6_goes_between_the_event_list_the_page_list_and_the_page(
    window: MainWindow, qtbot: Any
) -> None:
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier)
    assert inside(window.panel)
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier)
    assert QApplication.focusWidget() is window.planning.bar
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier)
    assert inside(window.planning.details)
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert QApplication.focusWidget() is window.planning.bar


def test_the_shortcuts_are_listed_with_every_menus_own(
    window: MainWindow, find_action: Any
) -> None:
    find_action(window, "&Help", "&Keyboard shortcuts").trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.text()
    for words in ("Next tab", "Ctrl+PgDown", "Next part of the window", "F6", "Print", "Ctrl+P"):
        assert words in text
    assert "Undo" in text and "Ctrl+Z" in text


def test_new_puts_the_cursor_in_the_first_field(
    window: MainWindow, new_event: Any, person: Any
) -> None:
    new_event("Coffee morning")
    window.planning.show_section("members")
    section = window.planning.members.section
    person.click(section.new_button)
    assert QApplication.focusWidget() is section.form.inputs["name"]
    window.planning.show_section("budget")
    costs = window.planning.budget.costs
    person.click(costs.new_button)
    assert QApplication.focusWidget() is costs.form.inputs[costs.form.fields[0].key]
