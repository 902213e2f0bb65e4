"""Alt+letter mnemonics: one letter, one thing, on every page of the window and in every menu;
a letter on a label moves to its field; no unnamed scroll area takes a Tab stop."""

from __future__ import annotations

from typing import Any

import pytest
from mnemonic_scan import check, letter_of, menu_clashes
from page_walk import every_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton, QTabWidget, QWidget

from organiser.ui.main_window import MainWindow
from organiser.ui.widgets.mnemonics import FIRST, assign_letters, wants_letter

ALT = Qt.KeyboardModifier.AltModifier


def check_sub_tabs(window: QWidget, page: QWidget, where: str) -> list[str]:
    """Each sub-tab of a page in turn, checked as it is shown."""
    problems: list[str] = []
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        for number in range(tabs.count()):
            if tabs.isTabVisible(number):
                tabs.setCurrentIndex(number)
                inner = f"{where} ▸ {tabs.tabText(number).replace('&', '')}"
                problems += check(window, inner)
        tabs.setCurrentIndex(0)
    return problems


@pytest.mark.usefixtures("demo_event")
def test_every_page_and_sub_tab_has_one_thing_per_letter(window: MainWindow) -> None:
    problems: list[str] = []
    for shown in every_page(window):
        page = shown.show(window)
        problems += check(window, shown.where)
        problems += check_sub_tabs(window, page, shown.where)
    assert not problems, "\n".join(problems)


def test_every_menu_has_one_entry_per_letter(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert [t for t in titles if not letter_of(t)] == [], "every menu has a letter"
    problems: list[str] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        problems += menu_clashes(menu, action.text().replace("&", ""))
    assert not problems, "\n".join(problems)


@pytest.mark.usefixtures("demo_event")
def test_alt_and_the_letter_of_ends_moves_to_ends_and_alt_e_opens_edit(
    window: MainWindow, person: Any, qtbot: Any
) -> None:
    window.planning.show_section("details")
    form = window.planning.details.form
    ends = form.inputs["end_time"]
    label = next(w for w in form.findChildren(QLabel) if w.buddy() is ends)
    letter = letter_of(label.text())
    assert letter is not None and letter != "e", f"{label.text()!r} takes the Edit menu's E"
    person.focus(form.inputs["title"])
    qtbot.keyClick(form.inputs["title"], getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
    assert ends.hasFocus()
    qtbot.keyClick(ends, Qt.Key.Key_E, ALT)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup.title() == "&Edit"
    popup.close()


@pytest.mark.usefixtures("demo_event")
def test_a_new_row_starts_with_alt_n_and_two_lists_on_a_page_share_no_letter(
    window: MainWindow,
) -> None:
    window.planning.show_section("budget")
    page = window.planning.budget
    buttons = [
        *(s.new_button for s in (page.costs, page.funds)),
        *(s.add_button for s in (page.costs, page.funds)),
    ]
    texts = [b.text() for b in buttons]
    assert "&New funding source" in texts[:2], texts
    letters = [letter_of(t) for t in texts]
    assert None not in letters and len(set(letters)) == 4, texts


def test_a_letter_set_by_hand_on_a_button_waiting_for_one_is_kept_and_not_given_again(
    qtbot: Any,
) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    set_by_hand = QPushButton("&Go", box)
    wants_letter(set_by_hand, FIRST)
    waiting = QPushButton("Gather", box)
    wants_letter(waiting, FIRST)
    assign_letters(box)
    assert set_by_hand.text() == "&Go"
    assert letter_of(waiting.text()) not in (None, "g"), waiting.text()
