"""File ▸ Connect to team database… and back: the password is asked, used, and never kept."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from sqlalchemy import create_engine, make_url, text

from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.ui.main_window import MainWindow
from organiser.ui.team.connect_dialog import ConnectDialog
from organiser.ui.team.live import TEAM_EVERY_MS
from organiser.ui.team.notice import NOTICE, warn_about_shared_folder
from tests.team_logins import drop_team_roles

POSTGRES_URL_ENV = "ORGANISER_TEST_POSTGRES_URL"
PASSWORD = "Sëcret-Łucja-42!"  # trust authentication accepts any password


@dataclass(frozen=True)
class TeamDatabase:
    host: str
    port: int
    name: str
    user: str


@pytest.fixture
def team_database() -> Iterator[TeamDatabase]:
    """A throwaway database of this test's own on the test server, dropped afterwards."""
    server_url = os.environ.get(POSTGRES_URL_ENV)
    if not server_url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set")
    url = make_url(server_url)
    name = f"organiser_ui_{os.getpid()}_{secrets.token_hex(4)}"
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield TeamDatabase(url.host or "127.0.0.1", url.port or 5432, name, url.username or "")
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            drop_team_roles(connection, name)
        server.dispose()


def open_dialog(window: MainWindow, find_action: Any, qtbot: Any) -> ConnectDialog:
    find_action(window, "&File", "Connect to &team database…").trigger()
    shown = [d for d in window.findChildren(ConnectDialog) if d.isVisible()]
    assert len(shown) == 1
    qtbot.waitUntil(shown[0].isActiveWindow)
    return shown[0]


def fill(person: Any, dialog: ConnectDialog, team: TeamDatabase, *, password: str) -> None:
    person.type(dialog.host, team.host)
    person.type(dialog.port.lineEdit(), str(team.port))
    person.type(dialog.database, team.name)
    person.type(dialog.user, team.user)
    person.type(dialog.password, password)


def everything_kept_or_shown(window: MainWindow, settings_file: Path) -> str:
    """Every text the window keeps or shows: settings (names, values, the file), title, status."""
    settings = window.settings
    settings.sync()
    kept = [f"{key}={settings.value(key)}" for key in settings.allKeys()]
    return "\n".join(
        [
            *kept,
            settings_file.read_text(encoding="utf-8"),
            window.windowTitle(),
            window.statusBar().currentMessage(),
            window.about_text(),
        ]
    )


def test_connect_works_on_the_team_database_then_goes_back(
    window: MainWindow,
    new_event: Any,
    find_action: Any,
    person: Any,
    qtbot: Any,
    team_database: TeamDatabase,
    tmp_path: Path,
) -> None:
    new_event("Coffee morning on this laptop")
    local_path = window.store.path
    use_local = find_action(window, "&File", "&Use this computer’s database")
    assert not use_local.isEnabled(), "already on this computer's database"

    dialog = open_dialog(window, find_action, qtbot)
    assert dialog.port.value() == 5432
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    fill(person, dialog, team_database, password=PASSWORD)
    person.click(dialog.connect_button)
    team_store = window.store
    try:
        assert not dialog.isVisible()
        assert team_store.path is None
        where = f"team database “{team_database.name}” on {team_database.host}:"
        assert where in window.windowTitle()
        assert window.statusBar().currentMessage().startswith(f"Now working on the {where}")
        assert window.event_id is None, "a new team database has no events yet"
        assert window.live.timer.interval() == TEAM_EVERY_MS
        assert use_local.isEnabled()
        new_event("Team coffee morning")
        assert [e.title for e in events.list_events(team_store)] == ["Team coffee morning"]
        kept_or_shown = everything_kept_or_shown(window, tmp_path / "s.ini")
        assert PASSWORD not in kept_or_shown and "Sëcret" not in kept_or_shown

        use_local.trigger()
        assert window.store.path == local_path
        titles = [e.title for e in events.list_events(window.store)]
        assert titles == ["Coffee morning on this laptop"]
        assert window.windowTitle().startswith("Coffee morning on this laptop — Organiser")
        assert not use_local.isEnabled()
    finally:
        team_store.close()
        window.store.close()


def test_the_server_details_are_remembered_but_the_password_is_asked_again(
    window: MainWindow, find_action: Any, person: Any, qtbot: Any, team_database: TeamDatabase
) -> None:
    dialog = open_dialog(window, find_action, qtbot)
    fill(person, dialog, team_database, password=PASSWORD)
    person.click(dialog.connect_button)
    team_store = window.store
    try:
        again = open_dialog(window, find_action, qtbot)
        assert again.host.text() == team_database.host
        assert again.port.value() == team_database.port
        assert again.database.text() == team_database.name
        assert again.user.text() == team_database.user
        assert again.password.text() == ""
        assert again.password.hasFocus(), "the one thing left to type"
        again.reject()
    finally:
        team_store.close()


def test_a_wrong_database_is_said_in_the_dialog_without_the_password(
    window: MainWindow, find_action: Any, person: Any, qtbot: Any, team_database: TeamDatabase
) -> None:
    local = window.store
    dialog = open_dialog(window, find_action, qtbot)
    # The password doubles as the database name, so the driver's message would show it.
    missing = f"no_such_{secrets.token_hex(3)}"
    fill(person, dialog, team_database, password=missing)
    person.type(dialog.database, missing)
    person.click(dialog.connect_button)

    assert dialog.isVisible(), "the dialog stays open to correct the details"
    message = dialog.message.text()
    assert "does not exist" in message
    assert missing not in message and "•••" in message
    assert window.store is local


def test_a_wrong_port_keeps_the_dialog_open_with_the_reason(
    window: MainWindow, find_action: Any, person: Any, qtbot: Any
) -> None:
    local = window.store
    dialog = open_dialog(window, find_action, qtbot)
    fill(person, dialog, TeamDatabase("127.0.0.1", 1, "organiser", "zoe"), password=PASSWORD)
    person.click(dialog.connect_button)

    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "Connection refused" in dialog.message.text()
    assert PASSWORD not in dialog.message.text()
    assert window.store is local
    assert window.settings.value("team/host") is None, "only details that worked are kept"
    dialog.reject()


def test_missing_details_are_named_before_trying(
    window: MainWindow, find_action: Any, qtbot: Any, person: Any
) -> None:
    dialog = open_dialog(window, find_action, qtbot)
    person.type(dialog.host, "db.example.org")
    person.click(dialog.connect_button)
    assert dialog.message.text() == "⚠ Fill in the database and your user name."
    dialog.reject()


def test_a_database_in_a_synced_folder_is_warned_about_without_blocking(
    qtbot: Any, migrated_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "Dropbox" / "Organiser" / "organiser.sqlite"
    path.parent.mkdir(parents=True)
    shutil.copyfile(migrated_template, path)
    store = open_store(database_url(str(path)), daily_backup=False)
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        window.show()
        box = warn_about_shared_folder(window)
        assert box is not None and box.isVisible()
        assert not box.isModal(), "the window stays usable while the warning is shown"
        assert "a folder that Dropbox copies to the internet" in box.text()
        assert "File ▸ Connect to team database…" in box.text()
        assert window.statusBar().currentMessage() == box.text()
        notice = window.statusBar().findChild(QLabel, NOTICE)
        assert notice is not None and notice.isVisible()
        assert notice.accessibleDescription() == box.text()
        box.close()
    finally:
        window.close()
        store.close()


def test_a_database_on_this_computer_gets_no_warning(window: MainWindow) -> None:
    assert warn_about_shared_folder(window) is None
    assert window.statusBar().findChild(QLabel, NOTICE) is None
