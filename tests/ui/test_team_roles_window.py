"""The window by team role: each sees the pages their role may read, a banner says why the
rest is missing, and what they may not change is locked; File ▸ Team members… gives roles
and shows the record of printed lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from sqlalchemy import text

from organiser.core.opening import open_store
from organiser.core.team import members
from organiser.core.team.roles import TeamRole
from organiser.ui.main_window import MainWindow
from organiser.ui.team.members_dialog import TeamMembersDialog
from tests.team_logins import Logins, login_url
from tests.ui.shown import shown_window

Opened = Callable[[TeamRole], Any]


@pytest.fixture
def as_role(
    qtbot: Any, qapp: QApplication, tmp_path: Path, team: tuple[str, Logins]
) -> Iterator[Opened]:
    """Open the window as one role's login (closed after the test)."""
    url, logins = team
    with ExitStack() as stack:

        def opened(role: TeamRole) -> MainWindow:
            store = open_store(login_url(url, logins[role]), daily_backup=False)
            stack.callback(store.close)
            settings = tmp_path / f"{role.value}.ini"
            return stack.enter_context(shown_window(qtbot, qapp, store, settings))

        yield opened


def banner(window: MainWindow) -> str:
    label = window.findChild(QLabel, "read_only_banner")
    assert label is not None and label.isVisible()
    return label.text()


def test_a_viewer_has_no_creche_tab_and_is_told_why(as_role: Opened) -> None:
    window = as_role(TeamRole.VIEWER)
    names = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    shown = [n for n, _ in enumerate(names) if window.tabs.isTabVisible(n)]
    assert [names[n] for n in shown] == ["Planning", "Speakers", "Flyer", "Feedback"]
    assert "viewer" in banner(window) and "no Creche tab" in banner(window)
    window.show_tab("creche")
    assert window.tabs.currentWidget() is not window.creche
    assert "for the creche lead and organisers" in window.statusBar().currentMessage()
    window.planning.show_section("details")
    title = window.planning.details.form.inputs["title"]
    assert isinstance(title, QLineEdit) and title.isReadOnly()
    window.show_tab("speakers")
    window.step_to("tab", 1)  # Ctrl+PgDown passes the missing tab by
    assert window.tabs.currentWidget() is window.flyer


def test_a_volunteer_sees_bookings_and_check_in_only_and_can_check_in(
    as_role: Opened, team: tuple[str, Logins]
) -> None:
    window = as_role(TeamRole.VOLUNTEER)
    window.show_tab("creche")
    assert window.tabs.currentWidget() is window.creche
    bar = window.creche.bar
    shown = [bar.tabText(n) for n in range(bar.count()) if bar.isTabVisible(n)]  # type: ignore[union-attr]
    assert shown == ["Bookings", "Check-in"]
    assert "volunteer" in banner(window) and "creche lead and organisers" in banner(window)
    window.creche.show_section("children")  # a link to it goes nowhere
    assert window.creche.current_key() != "children"
    window.creche.show_section("bookings")
    model = window.creche.bookings.bookings.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    assert rows and all(r.name for r in rows) and {r.contact for r in rows} == {""}
    page = window.creche.bookings
    assert not page.import_button.isEnabled()
    assert not page.export_button.isEnabled()  # the CSV has contacts: it says so, not a click
    assert "for organisers and creche leads" in page.export_button.toolTip()
    assert page.print_button.isEnabled()  # the booking list prints without contacts
    window.creche.show_section("checkin")
    checkin = window.creche.checkin
    checkin._select(0)
    arriving = checkin.current_booking()
    assert arriving is not None and checkin.arrived_button.isEnabled()
    checkin.arrived_button.click()
    assert "did not allow" not in window.statusBar().currentMessage()
    owner = open_store(team[0], daily_backup=False)
    try:
        with owner.begin() as s:
            status = s.execute(
                text("SELECT status FROM booking WHERE id = :id"), {"id": arriving.id}
            ).scalar()
    finally:
        owner.close()
    assert status == "Attended"
    undo = window.findChild(QAction, "undo_action")
    assert undo is not None and undo.isEnabled(), "Ctrl+Z undoes a check-in, as the page says"
    undo.trigger()
    assert checkin.current_booking() is not None
    assert checkin.current_booking().status != "Attended"
    window.planning.show_section("details")
    title = window.planning.details.form.inputs["title"]
    assert isinstance(title, QLineEdit) and title.isReadOnly()


def test_a_creche_lead_changes_the_creche_and_reads_the_rest(as_role: Opened) -> None:
    window = as_role(TeamRole.CRECHE_LEAD)
    assert "creche lead" in banner(window)
    window.show_tab("creche")
    window.creche.show_section("bookings")
    assert window.creche.bookings.import_button.isEnabled()  # locked for the other roles
    window.planning.show_section("details")
    title = window.planning.details.form.inputs["title"]
    assert isinstance(title, QLineEdit) and title.isReadOnly()


def test_an_organiser_gives_a_role_in_team_members(
    as_role: Opened, team: tuple[str, Logins], person: Any, qtbot: Any
) -> None:
    url, logins = team
    window = as_role(TeamRole.ORGANISER)
    assert window.findChild(QLabel, "read_only_banner") is None
    dialog = TeamMembersDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert f"{logins[TeamRole.ORGANISER]}, an organiser" in dialog.about.text()
    assert logins[TeamRole.VIEWER] in person.column(dialog.team, "Login")
    person.type(dialog.login, logins[TeamRole.VIEWER])
    dialog.role.setCurrentIndex(1)  # creche lead
    person.click(dialog.give)
    assert not dialog.problem.isVisible(), dialog.problem.text()
    roles = dict(
        zip(person.column(dialog.team, "Login"), person.column(dialog.team, "Role"), strict=True)
    )
    assert roles[logins[TeamRole.VIEWER]] == "Creche lead"
    assert "is now a creche lead" in window.statusBar().currentMessage()
    person.type(dialog.login, "new_person_without_a_password")
    person.click(dialog.give)
    assert dialog.problem.isVisible() and "at least 8 characters" in dialog.problem.text()
    dialog.close()
    owner = open_store(url, daily_backup=False)
    try:
        assert members.TeamMember(logins[TeamRole.VIEWER], TeamRole.CRECHE_LEAD) in members.team(
            owner
        )
    finally:
        owner.close()


def test_a_volunteer_is_told_team_members_are_for_organisers(as_role: Opened) -> None:
    window = as_role(TeamRole.VOLUNTEER)
    dialog = TeamMembersDialog(window)
    assert "a volunteer" in dialog.about.text() and "Only organisers" in dialog.about.text()
    assert not dialog.pages.isTabVisible(1)
    assert not dialog.give.isEnabled()
    dialog.close()


def test_printing_a_register_on_this_computer_is_in_the_record(
    window: MainWindow, demo_event: int, dialogs: Any, tmp_path: Path
) -> None:
    from organiser.ui import printing

    window.reload_events()
    window.open_event(demo_event)
    dialogs.save_path = str(tmp_path / "register.pdf")
    assert printing.save_document(window, "register") is not None
    dialog = TeamMembersDialog(window)
    assert "team database" in dialog.about.text()
    assert not dialog.pages.isTabVisible(0)
    rows = [
        [dialog.record_model.index(r, c).data() for c in range(5)]
        for r in range(dialog.record_model.rowCount())
    ]
    assert len(rows) == 1 and rows[0][2:4] == ["Creche register", "saved"]
    dialog.close()


@pytest.mark.parametrize("role", [TeamRole.CRECHE_LEAD, TeamRole.VOLUNTEER, TeamRole.VIEWER])
def test_every_page_a_role_can_see_opens_without_a_refusal(
    as_role: Opened, role: TeamRole, qapp: QApplication, dialogs: Any
) -> None:
    window = as_role(role)
    assert window.event_id is not None
    opened = []
    for key in ("planning", "speakers", "creche", "flyer", "feedback"):
        tab = window.tab_of(key)
        if not window.tabs.isTabVisible(window.tabs.indexOf(tab)):
            continue
        window.show_tab(key)
        for page in tab.keys:
            if page in tab.hidden:
                continue
            tab.show_section(page)
            qapp.processEvents()
            opened.append(f"{key}/{page}")
    assert len(opened) > 15
    assert dialogs.warnings == []
    assert "did not allow" not in window.statusBar().currentMessage()
