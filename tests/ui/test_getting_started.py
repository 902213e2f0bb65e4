"""Getting started: on the first start a newcomer starts their first event (title, date and
time, venue, working group) as one undoable step, opens the example event, or imports a file;
Help ▸ Getting started… brings it back."""

from __future__ import annotations

from typing import Any

import pytest
from getting_started_steps import ENTER, dialog, titles
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from organiser.core.demo import DEMO_TITLE
from organiser.core.events import service as events
from organiser.core.planning import service as planning
from organiser.ui import getting_started
from organiser.ui.getting_started import GettingStartedDialog, offer_at_start
from organiser.ui.main_window import MainWindow

__all__ = ["dialog"]  # the fixture


def test_offered_on_the_first_start_only_and_from_the_help_menu(
    window: MainWindow, new_event: Any, find_action: Any, qtbot: Any
) -> None:
    first = offer_at_start(window)
    assert first is not None and first.isVisible()
    assert first.start.text() == "&Start your first event"
    assert first.focusWidget() is first.start
    first.reject()
    new_event("Coffee morning")
    assert offer_at_start(window) is None, "not again once there is an event"
    find_action(window, "&Help", "&Getting started…").trigger()
    again = next(d for d in window.findChildren(GettingStartedDialog) if d.isVisible())
    assert again.start.text() == "&Start a new event"
    person_closes = again.close_button
    qtbot.mouseClick(person_closes, Qt.MouseButton.LeftButton)
    assert not again.isVisible()
    assert window.event_id is not None, "closing leaves the window as it was"


def test_the_example_button_opens_the_example_event(
    window: MainWindow, dialog: GettingStartedDialog, person: Any
) -> None:
    person.click(dialog.example)
    assert not dialog.isVisible()
    assert window.event_id is not None
    assert events.get_event(window.store, window.event_id).title == DEMO_TITLE
    assert titles(window) == [DEMO_TITLE]


def test_an_import_starts_the_event_first_then_asks_for_the_file(
    window: MainWindow,
    dialog: GettingStartedDialog,
    person: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []
    from organiser.ui.creche import csv_actions

    monkeypatch.setattr(
        csv_actions, "import_bookings", lambda _p, _r, event_id: asked.append(event_id)
    )
    person.click(dialog.import_button)
    assert "no event is open" in dialog.import_words.text()
    person.click(dialog.bookings)
    form = dialog.form
    assert form.isVisible()
    assert form.create_button.text() == "&Create event, then choose the file…"
    assert "the event the bookings belong to" in form.intro.text()
    person.type(form.form.inputs["title"], "Pilates morning")
    person.click(form.create_button)
    assert asked == [window.event_id]
    assert window.tabs.currentWidget() is window.creche
    assert window.creche.current_key() == "bookings"


def test_an_import_goes_into_the_open_event(
    window: MainWindow, new_event: Any, person: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from organiser.ui.feedback import csv_actions

    asked: list[int] = []
    monkeypatch.setattr(
        csv_actions, "import_responses", lambda _p, _r, event_id: asked.append(event_id)
    )
    event_id = new_event("Coffee morning")
    dialog = getting_started.show_getting_started(window)
    qtbot.waitExposed(dialog)
    person.click(dialog.import_button)
    assert "into the open event, “Coffee morning”" in dialog.import_words.text()
    person.click(dialog.feedback)
    assert asked == [event_id]
    assert window.feedback.current_key() == "responses"
    assert titles(window) == ["Coffee morning"], "no new event is made"


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)


def test_keyboard_only_from_the_first_button_to_the_new_event(
    window: MainWindow, dialog: GettingStartedDialog, qtbot: Any
) -> None:
    assert dialog.start.hasFocus()
    press(qtbot, ENTER)
    form = dialog.form
    inputs = form.form.inputs
    assert inputs["title"].hasFocus()
    qtbot.keyClicks(inputs["title"], "Coffee morning")
    order = [
        inputs["date"],
        inputs["start_time"],
        inputs["end_time"],
        inputs["venue_name"],
        form.name,
        form.add_button,
        form.members,
        form.back,
        form.create_button,
    ]
    for expected in order:
        press(qtbot, Qt.Key.Key_Tab)
        assert expected.hasFocus(), f"Tab reaches {expected.objectName()}"
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert form.name.hasFocus(), "Alt+N: Add a name"
    qtbot.keyClicks(form.name, "Sam Okoro")
    press(qtbot, ENTER)
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert inputs["venue_name"].hasFocus()
    press(qtbot, ENTER)
    assert not dialog.isVisible()
    assert window.event_id is not None
    names = [m.name for m in planning.list_members(window.store, window.event_id)]
    assert names == ["Sam Okoro"]


def letters(page: Any) -> list[str]:
    """The Alt+letters a person sees on one page of the dialog."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if widget.isVisible() and (not isinstance(widget, QLabel) or widget.buddy() is not None):
            text = widget.text().replace("&&", "")
            assert "&" in text, f"{text!r} has no Alt+letter"
            found.append(text[text.index("&") + 1].lower())
    return found


def test_each_page_has_its_own_alt_letters_and_none_repeats(
    window: MainWindow, dialog: GettingStartedDialog, person: Any
) -> None:
    pages = [dialog.choices]
    person.click(dialog.import_button)
    pages.append(dialog.imports)
    person.click(dialog.bookings)
    pages.append(dialog.form)
    seen = {}
    for page in pages:
        dialog.pages.setCurrentWidget(page)
        found = letters(page)
        assert len(found) == len(set(found)), f"a letter repeats on {page}: {found}"
        seen[page] = found
    assert len(seen[dialog.form]) == 10  # five details, a name, add, working group, back, create


def test_at_double_text_size_it_stays_on_the_screen_and_no_button_is_cut(
    window: MainWindow, person: Any, qtbot: Any
) -> None:
    while window.zoom < 2.0:
        window.change_zoom(1)
    dialog = getting_started.show_getting_started(window)
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry()
    form = dialog.form
    for show in (
        dialog.show_choices,
        dialog.show_imports,
        lambda: dialog.show_form(then_import="feedback"),
        lambda: person.click(form.create_button),  # a message under the title takes room
    ):
        show()
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
        page = dialog.pages.currentWidget()
        assert page is not None
        for button in page.findChildren(QPushButton):
            if button.isVisible():
                assert button.width() >= button.sizeHint().width(), f"{button.text()} is cut"
    assert "Give the event a title" in person.message(form.form, "title")
    shown = form.create_button.visibleRegion().boundingRect().size()
    assert shown == form.create_button.size(), "Create stays in sight; the fields scroll"
