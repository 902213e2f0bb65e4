"""File ▸ Copy events…, Take event offline… and Bring event back…: what each menu entry does.

Each flow has a thin part that asks where the team database is (the Connect dialog, whose
password is never kept) and a part given both stores, which the tests drive directly.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url
from organiser.core.team import offline
from organiser.core.team.roles import LEFT_BEHIND
from organiser.ui.offline.bring_back_dialog import BringBackDialog
from organiser.ui.offline.copy_dialog import CopyDialog
from organiser.ui.team.connect_dialog import ConnectDialog

if TYPE_CHECKING:
    from organiser.ui.host import TeamHost


def tell(window: TeamHost, title: str, text: str) -> QMessageBox:
    """Say how it went, in a message that does not hold up the window (and the status bar)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=window.window())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    window.statusBar().showMessage(text.split("\n")[0], 15000)
    return box


def _with_team(window: TeamHost, then: Callable[[Store], object]) -> ConnectDialog:
    """Ask for the team database (the window stays where it is), then run `then` on it."""
    dialog = ConnectDialog(window.settings, window.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def connected(team: Store) -> None:
        try:
            then(team)
        finally:
            team.close()

    dialog.connected.connect(connected)
    dialog.open()
    return dialog


def this_computer(window: TeamHost) -> Store:
    """The database on this computer (the one the window started on, else the usual one)."""
    return open_store(window.home_url or default_database_url())


def copy_events(window: TeamHost) -> None:
    """Copy events from the database in use to the other kind: team ↔ this computer."""
    window.flush()
    if window.store.path is not None:
        _with_team(window, lambda team: copy_between(window, window.store, team))
        return
    try:
        local = this_computer(window)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return
    try:
        copy_between(window, window.store, local)
    finally:
        local.close()


def copy_between(window: TeamHost, source: Store, target: Store) -> CopyDialog:
    """The choice of events, then the copy (modal: both stores stay open until it closes)."""
    dialog = CopyDialog(source, target, window.window())
    if dialog.exec() == CopyDialog.DialogCode.Accepted:
        tell(window, "Events copied", dialog.result_words)
    return dialog


def take_offline(window: TeamHost) -> None:
    """Copy the open event from the team database to this computer, marked as taken by you."""
    if window.event_id is None or window.store.path is not None:
        return
    window.flush()
    default = str(window.settings.value("team/name", "")) or getpass.getuser()
    who, ok = QInputDialog.getText(
        window.window(),
        "Take event offline",
        "Your name, so the team can see who has this event offline:",
        text=default,
    )
    if not ok or not who.strip():
        return
    window.settings.setValue("team/name", who.strip())
    try:
        local = this_computer(window)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return
    try:
        take_into(window, local, who.strip())
    finally:
        local.close()


def take_into(window: TeamHost, local: Store, who: str) -> Changes | None:
    """Take the open event into `local`; the team sees who has it."""
    event_id = window.event_id
    assert event_id is not None
    try:
        changes = _take(window, local, event_id, who, also=False)
    except offline.AlreadyHeld as held:
        answer = QMessageBox.question(
            window.window(),
            "Take event offline",
            f"{held} Take it offline as well? Each of you then brings your own copy back, "
            "and clashes between them are shown to whoever brings theirs back second.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            changes = _take(window, local, event_id, who, also=True)
        except OrganiserError as exc:
            window.runner.show_error(str(exc))
            return None
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return None
    window.runner.announce(Changes(Touched.EVENTS, event_id=event_id))
    left = LEFT_BEHIND.get(window.store.role) if window.store.role is not None else None
    tell(
        window,
        "Event taken offline",
        "A copy of this event is now in the database on this computer, marked on the team "
        f"database as offline with {who}. Others can still see and edit it.\n\n"
        + (f"{left}\n\n" if left else "")
        + "To work on it without a network: File ▸ Use this computer’s database. "
        "Back in reach of the server: File ▸ Bring event back….",
    )
    return changes


def _take(window: TeamHost, local: Store, event_id: int, who: str, *, also: bool) -> Changes:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return offline.take_offline(window.store, local, event_id=event_id, who=who, also=also)
    finally:
        QApplication.restoreOverrideCursor()


def release(window: TeamHost) -> Changes | None:
    """Clear the open event's offline mark (a lost laptop, a copy that will not come back)."""
    event_id = window.event_id
    if event_id is None:
        return None
    who, _since = offline.held_by(window.store, event_id)
    if not who:
        tell(window, "Offline mark", "Nobody has this event offline.")
        return None
    names = [name.strip() for name in who.split(",") if name.strip()]
    chosen: str | None = None
    if len(names) > 1:
        everyone = "Everyone listed"
        picked, ok = QInputDialog.getItem(
            window.window(),
            "Clear offline mark",
            f"The team sees this event as offline with {who}. Whose mark should go?",
            [*names, everyone],
            0,
            False,
        )
        if not ok:
            return None
        chosen = None if picked == everyone else picked
    answer = QMessageBox.question(
        window.window(),
        "Clear offline mark",
        f"The team sees this event as offline with {chosen or who}. Clear that mark? Do this "
        "when the copy will not come back (a lost laptop, a copy deleted). A copy still out "
        "can be brought back all the same.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    store = window.store  # not undoable: whoever has the copy can take the event again
    return window.runner.call(lambda: offline.release_hold(store, event_id=event_id, who=chosen))


def bring_back(window: TeamHost) -> None:
    """Bring the open offline copy back to its team database, after showing what changes."""
    if window.event_id is None or window.store.path is None:
        return
    window.flush()
    event_id = window.event_id
    copies = {copy.event_id: copy for copy in offline.offline_events(window.store)}
    if event_id not in copies:
        window.runner.show_error(
            "This event was not taken offline from a team database, so there is nothing to "
            "bring back. To share it, use File ▸ Copy events to team database…."
        )
        return
    _with_team(window, lambda team: bring_back_from(window, team))


def bring_back_from(window: TeamHost, team: Store) -> BringBackDialog | None:
    """The dry run, the decisions, then bringing the open event back to `team`."""
    event_id = window.event_id
    assert event_id is not None
    try:
        dialog = BringBackDialog(window.store, team, event_id, window.window())
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return None
    if dialog.exec() == BringBackDialog.DialogCode.Accepted and dialog.applied is not None:
        window.runner.undo_stack.clear()  # the offline copy is gone: its history with it
        window.runner.announce(Changes(Touched.ALL, event_id=event_id))
        tell(
            window,
            "Event brought back",
            f"“{dialog.applied.title}” is back on {team.display_name}: "
            f"{dialog.applied.summary()}. The copy on this computer was removed; a backup "
            "of this computer's database was made first.",
        )
    return dialog
