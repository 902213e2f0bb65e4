"""Moving the window between this computer's database and a team database on a server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url
from organiser.ui.host import WindowHost
from organiser.ui.team.address import describe
from organiser.ui.team.connect_dialog import ConnectDialog
from organiser.ui.team.notice import clear_notice, warn_about_shared_folder


def connect_to_team(window: WindowHost) -> ConnectDialog | None:
    """File ▸ Connect to team database…: ask where it is, then continue there."""
    if not _ready_to_leave(window):
        return None
    dialog = ConnectDialog(window.settings, window.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.connected.connect(lambda store: continue_on(window, store))
    dialog.open()
    return dialog


def use_this_computer(window: WindowHost) -> None:
    """File ▸ Use this computer's database: back to the SQLite file the window started on."""
    if window.store.path is not None or not _ready_to_leave(window):
        return
    url = window.home_url or default_database_url()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        store = open_store(url)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return
    finally:
        QApplication.restoreOverrideCursor()
    continue_on(window, store)


def continue_on(window: WindowHost, store: Store) -> None:
    """Close the database in use and show everything from `store` instead."""
    window.flush()
    old = window.store
    window.swap_store(store)
    if old is not store:
        old.close()
    clear_notice(window)
    window.statusBar().showMessage(f"Now working on the {_where(store)}")
    warn_about_shared_folder(window)


def _where(store: Store) -> str:
    return "database on this computer" if store.path is not None else describe(store.url)


def _ready_to_leave(window: WindowHost) -> bool:
    """Save what is typed; ask before leaving a half-typed new row behind."""
    window.flush()
    problems = window.unsaved_work()
    if not problems:
        return True
    answer = QMessageBox.question(
        window.window(),
        "Not saved",
        "\n".join(problems) + "\n\nSwitch database anyway? Choose No to go back and finish it.",
    )
    return answer == QMessageBox.StandardButton.Yes
