"""The Availability page, used like a person: polls, options, answers by key and mouse, choosing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

from organiser.core.changes import Changes, Touched
from organiser.core.crud import add_row, delete_row
from organiser.core.events import service as events
from organiser.core.polls import service as polls
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.polls.availability import AvailabilityPage
from organiser.ui.polls.grid_model import PollGridModel

SOON = dt.date.today() + dt.timedelta(days=30)
LATER = SOON + dt.timedelta(days=2)
HALL = "Harbourside Hall"
LIBRARY = "Old Library"


def typed(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def short(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


@pytest.fixture
def members(window: MainWindow, new_event: Any, add_member: Callable[..., int]) -> dict[str, int]:
    """A new event whose working group has three members; Zoë uses a wheelchair."""
    event_id = new_event("Pilates and wellbeing morning")
    return {
        "Zoë Marsh": add_member(event_id, name="Zoë Marsh", access_needs="Uses a wheelchair"),
        "Siobhán Kelly": add_member(event_id, name="Siobhán Kelly"),
        "Dev Okafor": add_member(event_id, name="Dev Okafor"),
    }


@pytest.fixture
def page(window: MainWindow, members: dict[str, int], qtbot: Any) -> AvailabilityPage:
    """The page for the window's open event, in its own window, hearing every change."""
    shown = AvailabilityPage(window.runner)
    qtbot.addWidget(shown)
    window.runner.changes_applied.connect(shown.refresh)
    shown.set_event(window.event_id)
    shown.resize(1100, 760)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def new_poll(page: AvailabilityPage, dialogs: Any, person: Any, title: str = "When?") -> int:
    dialogs.text = (title, True)
    person.click(page.bar.new_button)
    assert page.poll_id is not None
    return page.poll_id


def add_option(
    person: Any, page: AvailabilityPage, day: dt.date, place: str, **ticks: bool
) -> None:
    section = page.options
    page.tabs.setCurrentIndex(1)
    if section.current_id is not None:
        person.click(section.new_button)
    form = section.form
    person.type(form.inputs["date"], typed(day))
    person.type(form.inputs["start"], "10:00")
    person.type(form.inputs["end"], "12:00")
    person.type(form.inputs["place"], place)
    for key in ticks:
        box = form.inputs[key]
        assert isinstance(box, QCheckBox)
        person.tick(box)
    person.click(section.add_button)


@pytest.fixture
def two_options(page: AvailabilityPage, dialogs: Any, person: Any) -> AvailabilityPage:
    """A poll with a step-free hall (first) and a library up a flight of stairs."""
    new_poll(page, dialogs, person)
    add_option(person, page, SOON, HALL, step_free=True)
    add_option(person, page, LATER, LIBRARY)
    page.tabs.setCurrentIndex(0)
    return page


def headings(model: Any) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def cell(page: AvailabilityPage, place: str, name: str, role: int = 0) -> str:
    model = page.model
    rows = [r for r in range(model.rowCount()) if place in model.option_at(r).place]
    assert len(rows) == 1, f"{place} is not one row of the grid"
    column = headings(model).index(name)
    value = model.index(rows[0], column).data(role or Qt.ItemDataRole.DisplayRole)
    assert isinstance(value, str)
    return value


def go_to(person: Any, page: AvailabilityPage, place: str, name: str) -> None:
    """Click nowhere: move the cursor into the grid and with arrow keys to a cell."""
    grid = page.grid
    person.focus(grid)
    model = page.model
    target_row = next(r for r in range(model.rowCount()) if model.option_at(r).place == place)
    target_column = headings(model).index(name)
    key = person.qtbot.keyClick
    while grid.currentIndex().row() != target_row:
        down = grid.currentIndex().row() < target_row
        key(grid, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
    while grid.currentIndex().column() != target_column:
        right = grid.currentIndex().column() < target_column
        key(grid, Qt.Key.Key_Right if right else Qt.Key.Key_Left)


def press(person: Any, page: AvailabilityPage, key: Qt.Key) -> None:
    person.qtbot.keyClick(page.grid, key)


def test_a_new_poll_says_it_has_no_options_and_how_to_add_one(
    page: AvailabilityPage, dialogs: Any, person: Any
) -> None:
    assert page.empty.text().startswith("No polls yet")
    new_poll(page, dialogs, person, "When and where shall we meet?")
    assert page.bar.chooser.currentText() == "When and where shall we meet? (for the event)"
    assert "no options yet" in page.empty.text()
    assert "Add the first option" in page.empty.text() and "Add option" in page.empty.text()
    assert page.grid.isHidden()
    # The options are opened with the cursor in the date, ready to type.
    assert page.tabs.currentIndex() == 1
    assert page.options.form.inputs["date"].hasFocus()

    page.tabs.setCurrentIndex(0)
    person.click(page.first_option_button)
    assert page.tabs.currentIndex() == 1
    assert page.options.form.inputs["date"].hasFocus()


def test_two_options_then_answers_by_key_read_back_in_cells_and_ranking(
    two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    assert page.model.rowCount() == 2
    assert headings(page.model) == ["Zoë Marsh", "Siobhán Kelly", "Dev Okafor", "Ranking"]
    assert cell(page, HALL, "Siobhán Kelly") == "not answered"
    assert page.summary.text().endswith("Not answered yet: Zoë Marsh, Siobhán Kelly, Dev Okafor.")

    go_to(person, page, LIBRARY, "Zoë Marsh")
    press(person, page, Qt.Key.Key_Y)
    assert cell(page, LIBRARY, "Zoë Marsh").startswith("✓ yes")
    person.qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    press(person, page, Qt.Key.Key_I)
    assert cell(page, LIBRARY, "Siobhán Kelly") == "~ if need be"
    person.qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    press(person, page, Qt.Key.Key_N)
    assert cell(page, LIBRARY, "Dev Okafor") == "✗ no"
    assert cell(page, LIBRARY, "Ranking").endswith(
        "1 yes, 1 if need be, 1 no (Dev Okafor); access problem: Zoë Marsh needs step-free access"
    )
    # Space cycles: no → not answered → yes → if need be; Delete clears.
    press(person, page, Qt.Key.Key_Space)
    assert cell(page, LIBRARY, "Dev Okafor") == "not answered"
    press(person, page, Qt.Key.Key_Space)
    assert cell(page, LIBRARY, "Dev Okafor") == "✓ yes"
    press(person, page, Qt.Key.Key_Space)
    assert cell(page, LIBRARY, "Dev Okafor") == "~ if need be"
    press(person, page, Qt.Key.Key_Delete)
    assert cell(page, LIBRARY, "Dev Okafor") == "not answered"

    go_to(person, page, HALL, "Zoë Marsh")
    for _ in range(3):
        press(person, page, Qt.Key.Key_Y)
        person.qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    assert cell(page, HALL, "Ranking") == "1st: 3 yes; step-free access"
    assert cell(page, LIBRARY, "Ranking").startswith("2nd: 1 yes, 1 if need be, 1 not answered")
    assert page.summary.text() == (
        f"Best so far: {SOON:%a} {SOON.day} {SOON:%b %Y}, 10:00–12:00, {HALL} — 3 yes; "
        "step-free access.\nNot answered yet: Dev Okafor."
    )
    grid = polls.poll_grid(page.runner.store, page.poll_id or 0)
    assert sorted(a.value for a in grid.answers.values()) == [
        "if need be",
        "yes",
        "yes",
        "yes",
        "yes",
    ]


def test_rows_keep_their_place_while_answering_and_sort_best_first_on_leaving(
    two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    assert [page.model.option_at(r).place for r in range(2)] == [HALL, LIBRARY]
    go_to(person, page, HALL, "Zoë Marsh")
    press(person, page, Qt.Key.Key_N)
    person.qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    press(person, page, Qt.Key.Key_Y)
    # The library is now better, but the row under the cursor did not jump away.
    assert [page.model.option_at(r).place for r in range(2)] == [HALL, LIBRARY]
    assert cell(page, LIBRARY, "Ranking").startswith("1st")
    assert page.grid.currentIndex().row() == 1

    person.focus(page.print_button)
    assert [page.model.option_at(r).place for r in range(2)] == [LIBRARY, HALL]
    current = page.grid.currentIndex()
    assert page.model.option_at(current.row()).place == LIBRARY, "the cursor follows its cell"


def test_a_click_cycles_an_answer(two_options: AvailabilityPage, person: Any) -> None:
    page = two_options
    index = page.model.index(0, headings(page.model).index("Dev Okafor"))
    rect = page.grid.visualRect(index)
    for expected in ("✓ yes", "~ if need be", "✗ no", "not answered"):
        person.qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert cell(page, HALL, "Dev Okafor") == expected


def test_a_wheelchair_user_is_warned_about_a_venue_without_step_free_access(
    two_options: AvailabilityPage,
) -> None:
    page = two_options
    assert cell(page, LIBRARY, "Zoë Marsh") == "not answered\n⚠ needs step-free access"
    assert "⚠ needs step-free access" in cell(
        page, LIBRARY, "Zoë Marsh", Qt.ItemDataRole.ToolTipRole
    )
    assert "⚠" not in cell(page, HALL, "Zoë Marsh")
    assert "⚠" not in cell(page, LIBRARY, "Siobhán Kelly")
    assert "Zoë Marsh needs step-free access" in cell(page, LIBRARY, "Ranking")


def test_each_cell_tells_a_screen_reader_who_when_where_and_the_answer(
    two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    go_to(person, page, HALL, "Zoë Marsh")
    press(person, page, Qt.Key.Key_Y)
    spoken = Qt.ItemDataRole.AccessibleTextRole
    assert (
        cell(page, HALL, "Zoë Marsh", spoken)
        == f"Zoë Marsh, {short(SOON)}, 10:00–12:00 {HALL}: yes"
    )
    assert cell(page, LIBRARY, "Zoë Marsh", spoken) == (
        f"Zoë Marsh, {short(LATER)}, 10:00–12:00 {LIBRARY}: not answered; "
        "warning: needs step-free access"
    )
    assert page.grid.accessibleName() == "Availability answers"


def test_answers_differ_in_words_as_well_as_colour(
    two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    go_to(person, page, HALL, "Zoë Marsh")
    for key in (Qt.Key.Key_Y, Qt.Key.Key_Right, Qt.Key.Key_I, Qt.Key.Key_Right, Qt.Key.Key_N):
        person.qtbot.keyClick(page.grid, key)
    row = page.model.row_of(page.model.option_at(0).id)
    assert row == 0
    texts = [page.model.index(0, c).data() for c in range(4)]
    colours = [
        page.model.index(0, c).data(Qt.ItemDataRole.BackgroundRole).color().name() for c in range(3)
    ]
    assert texts[:3] == ["✓ yes", "~ if need be", "✗ no"]
    assert len(set(colours)) == 3
    assert page.model.index(1, 2).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#ffffff"


def test_undo_and_redo_an_answer(
    window: MainWindow, two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    go_to(person, page, HALL, "Siobhán Kelly")
    press(person, page, Qt.Key.Key_Y)
    press(person, page, Qt.Key.Key_N)
    assert window.runner.undo_stack.undoText() == "Set Siobhán Kelly’s answer"
    window.runner.undo_stack.undo()
    assert cell(page, HALL, "Siobhán Kelly") == "✓ yes"
    window.runner.undo_stack.undo()
    assert cell(page, HALL, "Siobhán Kelly") == "not answered"
    window.runner.undo_stack.redo()
    window.runner.undo_stack.redo()
    assert cell(page, HALL, "Siobhán Kelly") == "✗ no"


def test_choose_an_option_sets_the_event_undo_puts_it_back_and_reopen(
    window: MainWindow, two_options: AvailabilityPage, person: Any, find_action: Any
) -> None:
    page = two_options
    event_id = window.event_id
    assert event_id is not None
    go_to(person, page, LIBRARY, "Ranking")
    assert page.selected.text() == f"{short(LATER)}, 10:00–12:00 {LIBRARY} (ranked 2nd)"
    person.click(page.choose_button)

    details = events.get_event(window.store, event_id)
    assert (details.date, details.start_time, details.end_time) == (
        LATER,
        dt.time(10),
        dt.time(12),
    )
    assert (details.venue_name, details.step_free) == (LIBRARY, False)
    assert page.state.text().startswith("⚠ Closed — reopen to change answers.")
    assert f"✔ Chosen: {LATER:%a} {LATER.day}" in page.state.text()
    assert cell(page, LIBRARY, "Ranking").startswith("✔ Chosen")
    library_row = next(r for r in range(2) if page.model.option_at(r).place == LIBRARY)
    assert page.model.headerData(library_row, Qt.Orientation.Vertical).startswith("✔ Chosen\n")
    assert "Chosen" not in page.model.headerData(1 - library_row, Qt.Orientation.Vertical)
    assert not page.choose_button.isEnabled()
    assert page.bar.chooser.currentText().endswith("— closed")

    # A closed poll takes no answers; it says why in words.
    go_to(person, page, HALL, "Dev Okafor")
    press(person, page, Qt.Key.Key_Y)
    assert cell(page, HALL, "Dev Okafor") == "not answered"
    assert page.message.text() == "⚠ Closed — reopen to change answers."

    find_action(window, "&Edit", "&Undo").trigger()
    details = events.get_event(window.store, event_id)
    assert (details.date, details.venue_name) == (None, "")
    assert page.state.isHidden() and page.choose_button.isEnabled()
    window.runner.undo_stack.redo()
    assert events.get_event(window.store, event_id).venue_name == LIBRARY
    window.runner.undo_stack.undo()
    window.runner.undo_stack.redo()
    assert events.get_event(window.store, event_id).date == LATER

    person.click(page.reopen_button)
    assert not page.model.grid.poll.closed  # type: ignore[union-attr]
    assert page.reopen_button.isHidden()
    assert "✔ Chosen" in page.state.text(), "the choice stays marked until another is chosen"
    go_to(person, page, HALL, "Dev Okafor")
    press(person, page, Qt.Key.Key_Y)
    assert cell(page, HALL, "Dev Okafor") == "✓ yes"
    window.runner.undo_stack.undo()
    window.runner.undo_stack.undo()
    assert page.model.grid.poll.closed  # type: ignore[union-attr]
    assert page.reopen_button.isVisible()


def test_a_poll_for_a_meeting_sets_the_meeting_not_the_event(
    window: MainWindow, page: AvailabilityPage, dialogs: Any, person: Any
) -> None:
    event_id = window.event_id
    assert event_id is not None
    add_row(
        window.store,
        kind=RowKind.MEETINGS,
        parent_id=event_id,
        values={"title": "Second planning meeting"},
    )
    page.refresh(Changes(Touched.MEETINGS, event_id=event_id))
    dialogs.item = ("Meeting: Second planning meeting", True)
    new_poll(page, dialogs, person, "Next meeting")
    assert page.bar.chooser.currentText() == ("Next meeting (for meeting Second planning meeting)")
    page.tabs.setCurrentIndex(1)
    assert person.shown(page.bar.target_input) == "Meeting: Second planning meeting"
    person.choose(page.bar.target_input, "The event itself")
    assert polls.list_polls(window.store, event_id)[0].meeting_id is None
    person.choose(page.bar.target_input, "Meeting: Second planning meeting")
    assert polls.list_polls(window.store, event_id)[0].meeting_id is not None
    add_option(person, page, SOON, "Seafront café")
    page.tabs.setCurrentIndex(0)
    go_to(person, page, "Seafront café", "Ranking")
    person.click(page.choose_button)
    assert "meeting’s date, time and place" in page.message.text()
    assert events.get_event(window.store, event_id).date is None


def test_rename_and_delete_a_poll_and_undo_brings_it_back(
    window: MainWindow, two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    page.tabs.setCurrentIndex(1)
    person.fill(page.bar.title_input, "Which morning suits?")
    assert page.bar.chooser.currentText() == "Which morning suits? (for the event)"
    assert polls.list_polls(window.store, window.event_id or 0)[0].title == "Which morning suits?"

    person.fill(page.bar.title_input, "")
    assert "cannot be empty" in person.message(page.bar.form, "title")
    assert polls.list_polls(window.store, window.event_id or 0)[0].title == "Which morning suits?"

    person.click(page.bar.delete_button)
    assert page.bar.chooser.currentText() == "No polls yet"
    assert page.empty.text().startswith("No polls yet")
    window.runner.undo_stack.undo()
    assert page.bar.chooser.currentText() == "Which morning suits? (for the event)"
    assert page.model.rowCount() == 2


def test_switching_between_polls_shows_each_ones_options(
    page: AvailabilityPage, dialogs: Any, person: Any
) -> None:
    new_poll(page, dialogs, person, "First")
    add_option(person, page, SOON, HALL)
    new_poll(page, dialogs, person, "Second")
    assert page.options.model.rowCount() == 0
    chooser = page.bar.chooser
    person.choose(chooser, "First (for the event)")
    chooser.activated.emit(chooser.currentIndex())
    assert page.options.model.rowCount() == 1
    assert page.model.option_at(0).place == HALL


def test_an_option_in_the_past_is_refused_beside_the_date(
    page: AvailabilityPage, dialogs: Any, person: Any
) -> None:
    new_poll(page, dialogs, person)
    add_option(person, page, dt.date.today() - dt.timedelta(days=1), HALL)
    assert "has passed; offer dates still to come" in person.message(page.options.form, "date")
    assert page.options.model.rowCount() == 0


def test_a_former_member_keeps_their_answers_in_a_read_only_column(
    window: MainWindow, two_options: AvailabilityPage, members: dict[str, int], person: Any
) -> None:
    page = two_options
    go_to(person, page, HALL, "Dev Okafor")
    press(person, page, Qt.Key.Key_N)
    window.runner.call(
        lambda: delete_row(window.store, kind=RowKind.MEMBERS, row_id=members["Dev Okafor"])
    )
    assert headings(page.model)[-2:] == ["Dev Okafor (former member)", "Ranking"]
    assert cell(page, HALL, "Dev Okafor (former member)") == "✗ no"
    go_to(person, page, HALL, "Dev Okafor (former member)")
    press(person, page, Qt.Key.Key_Y)
    assert cell(page, HALL, "Dev Okafor (former member)") == "✗ no"
    assert "has left the working group" in page.message.text()
    assert "Dev Okafor" not in page.summary.text().split("Not answered yet:")[-1]


def test_print_asks_for_the_paper_grid_of_the_poll_shown(
    two_options: AvailabilityPage, person: Any, qtbot: Any
) -> None:
    page = two_options
    with qtbot.waitSignal(page.print_poll_requested) as asked:
        person.click(page.print_button)
    assert asked.args == [page.poll_id]


def test_every_input_is_labelled_and_reachable_by_keyboard(
    two_options: AvailabilityPage, person: Any
) -> None:
    page = two_options
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    for widget in (page.bar.chooser, page.bar.title_input, page.bar.target_input, page.grid):
        assert widget in buddies, f"{widget.objectName()} has no label"
        assert widget.accessibleName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not page.grid.tabKeyNavigation(), "Tab must leave the grid"
    for button in page.findChildren(QPushButton):
        assert button.text(), "every button says what it does"

    go_to(person, page, HALL, "Ranking")
    reached = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        person.qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    for widget in (page.choose_button, page.print_button, page.bar.chooser, page.grid):
        assert widget in reached, f"Tab never reaches {widget.objectName() or widget.text()}"


def test_the_grid_model_passes_the_model_tester(
    window: MainWindow, two_options: AvailabilityPage, person: Any, qtmodeltester: Any
) -> None:
    page = two_options
    go_to(person, page, LIBRARY, "Zoë Marsh")
    press(person, page, Qt.Key.Key_Y)
    qtmodeltester.check(page.model)
    model = PollGridModel()
    model.set_grid(polls.poll_grid(window.store, page.poll_id or 0))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    model.set_grid(None)
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (0, 0)
    QApplication.processEvents()
