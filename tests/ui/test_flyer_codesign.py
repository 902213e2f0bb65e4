"""The flyer's Versions and sign-off page driven like a person: save versions, comment, sign
off member by member, ask for changes, take back, compare two versions; each undone and redone."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableView

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.flyer import service as flyers
from organiser.core.flyer import versions
from organiser.core.planning.kinds import Role
from organiser.ui.flyer.codesign import CoDesignPage
from organiser.ui.flyer.codesign_compare import render_version
from organiser.ui.main_window import MainWindow
from organiser.ui.widgets.lazy_tab import Follow

LIVED = Role.LIVED_EXPERIENCE.value


@pytest.fixture
def open_page(qtbot: Any, window: MainWindow) -> Callable[[int | None], CoDesignPage]:
    """`open_page(event_id)`: the page on its own, run by the window's runner and following its
    changes as a tab's page does, shown."""

    def _open(event_id: int | None) -> CoDesignPage:
        page = CoDesignPage(window.runner)
        qtbot.addWidget(page)
        follow = Follow(page, window.runner)
        page.resize(1100, 700)
        page.show()
        qtbot.waitExposed(page)
        follow.show_event(event_id)
        return page

    return _open


@pytest.fixture
def group_event(create_event: Callable[..., int], add_member: Callable[..., int]) -> int:
    """A fresh event with a working group of four, one of them a parent."""
    event_id = create_event("Coffee and a chat")
    add_member(event_id, name="Zoë Marsh", role=LIVED)
    add_member(event_id, name="Siobhán Kelly", role=Role.PROFESSIONAL.value)
    add_member(event_id, name="Łucja Nowak", role=Role.PROFESSIONAL.value)
    add_member(event_id, name="Dev Okafor", role=Role.VOLUNTEER.value)
    return event_id


def decision_of(page: CoDesignPage, name: str, person: Any) -> str:
    names = person.column(page.sign_off.table, "Member")
    return str(person.column(page.sign_off.table, "Decision")[names.index(name)])


def choose_member(page: CoDesignPage, name: str, person: Any) -> None:
    person.choose_row(page.sign_off.table, person.column(page.sign_off.table, "Member").index(name))
    assert page.sign_off.current_member() is not None
    assert page.sign_off.current_member().name == name  # type: ignore[union-attr]


def test_demo_shows_versions_sign_off_and_the_parents_say(
    open_page: Any, demo_event: int, person: Any
) -> None:
    page = open_page(demo_event)
    assert person.column(page.table, "Version") == ["2", "1"]
    assert person.column(page.table, "Note") == [
        "Shorter lines; babies welcome",
        "First draft from the event details",
    ]
    assert person.column(page.table, "Saved by") == ["Łucja Nowak", "Łucja Nowak"]
    assert person.column(page.table, "Sign-off")[0] == "approved by 3 of 4 — waiting for Zoë Marsh"
    assert person.column(page.table, "Open comments") == ["1", "1"]
    when = person.column(page.table, "When")[0]
    assert len(when) == 16 and when[2] == when[5] == "/" and when[13] == ":"
    assert page.lived.text() == (
        "⚠ Parent or carer with lived experience in the group: Zoë Marsh — has not approved "
        "the latest version (2)"
    )
    assert page.sign_off.status.text() == "Version 2: approved by 3 of 4 — waiting for Zoë Marsh"
    assert decision_of(page, "Zoë Marsh", person) == "Not yet"
    assert decision_of(page, "Dev Okafor", person) == "Approved"
    assert person.column(page.sign_off.table, "Role")[0] == LIVED
    assert page.details.tabText(1) == "Comments on version 2 (1 open)"
    person.choose_row(page.table, 1)
    assert page.current_version().number == 1
    assert decision_of(page, "Zoë Marsh", person) == "Changes asked for: Babies"
    assert person.column(page.comments.table, "From") == ["Zoë Marsh"]
    assert "babies are welcome" in person.column(page.comments.table, "Comment")[0]


def test_signing_off_until_everyone_then_undo_and_redo(
    open_page: Any, demo_event: int, person: Any, window: MainWindow
) -> None:
    page = open_page(demo_event)
    choose_member(page, "Zoë Marsh", person)
    assert page.sign_off.chosen.text() == "Zoë Marsh on version 2: Not yet"
    assert not page.sign_off.take_back_button.isEnabled()
    person.click(page.sign_off.approve_button)
    assert page.sign_off.status.text() == "Version 2: approved by everyone (4 of 4)"
    assert person.column(page.table, "Sign-off")[0] == "approved by everyone (4 of 4)"
    assert decision_of(page, "Zoë Marsh", person) == "Approved"
    assert page.lived.text().startswith("✓ ")
    assert "Zoë Marsh — has approved the latest version (2)" in page.lived.text()
    stack = window.runner.undo_stack
    assert stack.undoText() == "Approve flyer version 2 for Zoë Marsh"
    stack.undo()
    assert page.sign_off.status.text() == "Version 2: approved by 3 of 4 — waiting for Zoë Marsh"
    assert decision_of(page, "Zoë Marsh", person) == "Not yet"
    assert page.lived.text().startswith("⚠ ")
    stack.redo()
    assert page.sign_off.status.text() == "Version 2: approved by everyone (4 of 4)"


def test_ask_for_changes_with_a_note_and_take_back(
    open_page: Any, demo_event: int, person: Any, window: MainWindow, dialogs: Any
) -> None:
    page = open_page(demo_event)
    dev = next(r for r in map(page.sign_off.model.row_at, range(4)) if r.name == "Dev Okafor")
    page.sign_off.choose_member(dev.id)
    assert page.sign_off.chosen.text() == "Dev Okafor on version 2: Approved"
    dialogs.text = ("Bigger type for the time, please", True)
    person.click(page.sign_off.changes_button)
    assert decision_of(page, "Dev Okafor", person) == (
        "Changes asked for: Bigger type for the time, please"
    )
    assert page.sign_off.status.text() == (
        "Version 2: approved by 2 of 4 — changes asked for by Dev Okafor — waiting for Zoë Marsh"
    )
    person.click(page.sign_off.take_back_button)
    assert decision_of(page, "Dev Okafor", person) == "Not yet"
    assert (
        window.runner.undo_stack.undoText() == "Take back Dev Okafor's sign-off on flyer version 2"
    )
    window.runner.undo_stack.undo()
    assert decision_of(page, "Dev Okafor", person).startswith("Changes asked for: Bigger type")
    window.runner.undo_stack.undo()
    assert decision_of(page, "Dev Okafor", person) == "Approved"
    # Cancelling the note changes nothing.
    dialogs.text = ("", False)
    person.click(page.sign_off.changes_button)
    assert decision_of(page, "Dev Okafor", person) == "Approved"


def test_sign_off_by_keyboard(open_page: Any, demo_event: int, qtbot: Any, person: Any) -> None:
    page = open_page(demo_event)
    table = page.sign_off.table
    person.focus(table)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert page.sign_off.current_member().name == "Zoë Marsh"
    person.focus(page.sign_off.approve_button)
    qtbot.keyClick(page.sign_off.approve_button, Qt.Key.Key_Space)
    assert page.sign_off.status.text() == "Version 2: approved by everyone (4 of 4)"


def test_save_versions_in_a_fresh_event_with_undo_and_redo(
    open_page: Any, group_event: int, person: Any, window: MainWindow, store: Store
) -> None:
    page = open_page(group_event)
    assert page.model.rowCount() == 0
    assert page.sign_off.status.text().startswith("Save a version of the flyer")
    assert page.lived.text() == (
        "⚠ Parent or carer with lived experience in the group: Zoë Marsh — no version saved "
        "yet to sign off"
    )
    person.click(page.save_button)
    dialog = page.save_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Save flyer version 1"
    person.type(dialog.note, "First go at the wording")
    person.choose(dialog.saved_by, f"Zoë Marsh ({LIVED})")
    person.click(dialog.save)
    assert person.column(page.table, "Version") == ["1"]
    assert person.column(page.table, "Saved by") == ["Zoë Marsh"]
    assert person.column(page.table, "Note") == ["First go at the wording"]
    assert window.runner.undo_stack.undoText() == "Save flyer version 1"
    flyers.update_flyer(store, event_id=group_event, values={"title": "Coffee, cake and a chat"})
    person.click(page.save_button)
    dialog = page.save_dialog
    assert dialog.windowTitle() == "Save flyer version 2"
    assert dialog.saved_by.currentText().startswith("Zoë Marsh")  # who saved last time
    person.type(dialog.note, "Cake")
    person.click(dialog.save)
    assert person.column(page.table, "Version") == ["2", "1"]
    assert page.current_version().number == 2
    saved_id = page.current_version().id
    stack = window.runner.undo_stack
    assert stack.undoText() == "Save flyer version 2"
    stack.undo()
    assert person.column(page.table, "Version") == ["1"]
    stack.redo()
    assert person.column(page.table, "Version") == ["2", "1"]
    assert page.current_version().id == saved_id
    assert person.column(page.table, "Note")[0] == "Cake"
    # Everyone signs off the new version, one by one.
    expected = [
        "approved by 1 of 4 — waiting for Siobhán Kelly, Łucja Nowak, Dev Okafor",
        "approved by 2 of 4 — waiting for Łucja Nowak, Dev Okafor",
        "approved by 3 of 4 — waiting for Dev Okafor",
        "approved by everyone (4 of 4)",
    ]
    for name, words in zip(
        ("Zoë Marsh", "Siobhán Kelly", "Łucja Nowak", "Dev Okafor"), expected, strict=True
    ):
        choose_member(page, name, person)
        person.click(page.sign_off.approve_button)
        assert page.sign_off.status.text() == f"Version 2: {words}"
    assert page.lived.text() == (
        "✓ Parent or carer with lived experience in the group: Zoë Marsh — has approved the "
        "latest version (2)"
    )
    # Undoing the save takes the sign-offs with it; redo brings them all back.
    for _ in range(4):
        stack.undo()
    stack.undo()
    assert person.column(page.table, "Version") == ["1"]
    for _ in range(5):
        stack.redo()
    assert page.sign_off.status.text() == "Version 2: approved by everyone (4 of 4)"


def test_comment_resolve_and_open_again(
    open_page: Any, demo_event: int, person: Any, window: MainWindow
) -> None:
    page = open_page(demo_event)
    page.details.setCurrentWidget(page.comments)
    comments = page.comments
    assert comments.summary.text() == "Comments on version 2: 1 in all, 1 open"
    person.choose(comments.author, f"Zoë Marsh ({LIVED})")
    person.type(comments.text, "Zoë would like the time in bigger type 👍")
    person.click(comments.add_button)
    assert person.column(comments.table, "From") == ["Dev Okafor", "Zoë Marsh"]
    assert (
        person.column(comments.table, "Comment")[1] == "Zoë would like the time in bigger type 👍"
    )
    assert person.column(comments.table, "Status") == ["Open", "Open"]
    assert comments.text.toPlainText() == ""
    assert person.column(page.table, "Open comments")[0] == "2"
    assert page.details.tabText(1) == "Comments on version 2 (2 open)"
    stack = window.runner.undo_stack
    assert stack.undoText() == "Add a comment on flyer version 2"
    added_when = person.column(comments.table, "When")[1]
    assert comments.current_comment().author == "Zoë Marsh"
    person.click(comments.resolve_button)
    assert person.column(comments.table, "Status") == ["Open", "Resolved"]
    assert not comments.resolve_button.isEnabled()
    assert person.column(page.table, "Open comments")[0] == "1"
    person.click(comments.reopen_button)
    assert person.column(comments.table, "Status") == ["Open", "Open"]
    stack.undo()
    assert person.column(comments.table, "Status") == ["Open", "Resolved"]
    stack.undo()
    assert person.column(comments.table, "Status") == ["Open", "Open"]
    stack.undo()
    assert person.column(comments.table, "From") == ["Dev Okafor"]
    stack.redo()
    assert person.column(comments.table, "From") == ["Dev Okafor", "Zoë Marsh"]
    assert person.column(comments.table, "When")[1] == added_when


def test_an_empty_comment_is_refused_in_words(
    open_page: Any, demo_event: int, person: Any, dialogs: Any
) -> None:
    page = open_page(demo_event)
    page.details.setCurrentWidget(page.comments)
    dialogs.warnings_expected = True
    person.click(page.comments.add_button)
    assert dialogs.warnings == ["Write the comment first."]
    assert page.comments.model.rowCount() == 1


def _renderer_works() -> bool:
    try:
        from organiser.reports.flyer import render_flyer  # noqa: F401
    except ImportError:
        return False
    return True


def test_compare_two_versions(
    open_page: Any, demo_event: int, person: Any, qtbot: Any, store: Store
) -> None:
    page = open_page(demo_event)
    page.details.setCurrentWidget(page.compare)
    compare = page.compare
    assert compare.first.currentText() == "Version 1 — First draft from the event details"
    assert compare.second.currentText() == "Version 2 — Shorter lines; babies welcome"
    assert compare.changed == [("expect", "What to expect")]
    text = compare.changes.toPlainText()
    assert "What to expect — changed" in text
    assert "In version 2:\nGentle Pilates for every body, mats provided" in text
    assert "Babies are welcome in the session too" in text
    # Highlighted in bold as well as in words ("changed"), not by colour alone.
    assert "font-weight:700" in compare.changes.toHtml()
    if _renderer_works():
        for pane in (compare.left, compare.right):
            qtbot.waitUntil(lambda p=pane: p.document.status() == QPdfDocument.Status.Ready)
            assert pane.document.pageCount() == 1
            assert pane.view.isVisible()
    else:
        assert compare.left.message.text().startswith("Preview not available")
    assert compare.left.title.text().startswith("Version 1, saved ")
    # The same version twice says so; a new version becomes the newest compared.
    person.choose(compare.second, "Version 1 — First draft from the event details")
    assert compare.changed == []
    assert "choose two different versions" in compare.changes.toPlainText()
    flyers.update_flyer(store, event_id=demo_event, values={"title": "Move and breathe"})
    page.save_version("New title", None)
    assert compare.first.currentText().startswith("Version 1")  # the person's choice stays
    compare.choose(2, 3)
    assert compare.changed == [("title", "Title")]
    assert "In version 3:\nMove and breathe" in compare.changes.toPlainText()


def test_compare_says_when_there_is_nothing_to_compare(
    open_page: Any, group_event: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(group_event)
    page.details.setCurrentWidget(page.compare)
    assert page.compare.changes.toPlainText() == "Save two versions of the flyer to compare them."
    assert not page.compare.first.isEnabled()
    # Before the flyer printer exists, the previews say so instead of failing.
    monkeypatch.setitem(sys.modules, "organiser.reports.flyer", None)
    page.save_version("", None)
    assert render_version(page.runner.store, group_event, 1).startswith("Preview not available")
    assert page.compare.left.message.text().startswith("Preview not available")
    assert not page.compare.left.view.isVisible()


def test_no_parent_in_the_group_is_a_warning(
    open_page: Any, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event("Staff briefing")
    add_member(event_id, name="Dev Okafor", role=Role.VOLUNTEER.value)
    page = open_page(event_id)
    assert page.lived.text().startswith(
        "⚠ No parent or carer with lived experience is in the working group yet."
    )
    assert page.lived.property("role") == "warning"


def test_no_event_leaves_the_page_quiet(open_page: Any) -> None:
    page = open_page(None)
    assert not page.isEnabled()
    assert page.lived.text() == "Choose or create an event to work on its flyer."
    page.refresh(Changes(Touched.FLYER))
    page.flush()


def test_every_control_is_labelled(open_page: Any, demo_event: int) -> None:
    page = open_page(demo_event)
    for kind in (QComboBox, QLineEdit, QPlainTextEdit, QTableView, QPdfView):
        for widget in page.findChildren(kind):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue
            assert widget.accessibleName(), f"{widget.objectName()} has no accessible name"
    for label in page.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, f"{label.text()} has no buddy"


def test_a_hidden_page_catches_up_when_shown(
    open_page: Any, demo_event: int, window: MainWindow, store: Store, qtbot: Any
) -> None:
    page = open_page(demo_event)
    page.choose_version(1)
    assert page.current_version().number == 1
    zoe = page.sign_off.model.row_at(0)
    assert zoe.name == "Zoë Marsh"
    page.hide()
    window.runner.call(
        lambda: versions.sign_off(
            store, version_id=page.current_version().id, member_id=zoe.id, decision="Approved"
        )
    )
    assert page.sign_off.status.text().startswith("Version 1: approved by 0 of 4")
    page.show()
    qtbot.waitExposed(page)
    assert page.sign_off.status.text().startswith("Version 1: approved by 1 of 4")
    assert page.current_version().number == 1
