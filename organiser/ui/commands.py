"""What the File, Event and Help menus' commands do: events made, copied, archived and
deleted (each undoable), the example event, backups and restoring one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox

from organiser.core import backup
from organiser.core.changes import Changes, Touched
from organiser.core.demo import DEMO_TITLE, add_demo_event
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.ui.host import WindowHost
from organiser.ui.undo import event_inverse


def _created(window: WindowHost, text: str, forward: Callable[[], Changes]) -> None:
    changes = window.runner.push(text, forward, event_inverse(window.store))
    if changes is not None and changes.created_id is not None:
        window.open_event(changes.created_id)


def new_event(window: WindowHost) -> None:
    """Ask for a title and create the event."""
    title, ok = QInputDialog.getText(window.window(), "New event", "Title of the new event:")
    if ok and title.strip():
        store = window.store
        _created(window, "New event", lambda: events.create_event(store, title=title))
        window.open_page("planning", "details")


def duplicate(window: WindowHost) -> None:
    """Copy the open event as the next session of its series."""
    if window.event_id is not None:
        event_id, store = window.event_id, window.store
        _created(
            window, "Duplicate event", lambda: events.duplicate_event(store, event_id=event_id)
        )


def toggle_archive(window: WindowHost) -> None:
    """Archive the open event, or bring an archived one back."""
    if window.event_id is None:
        return
    event_id, store = window.event_id, window.store
    archived = not events.get_event(store, event_id).archived
    window.runner.push(
        "Archive event" if archived else "Unarchive event",
        lambda: events.set_archived(store, event_id=event_id, archived=archived),
        event_inverse(store),
    )


def delete_event(window: WindowHost) -> None:
    """Delete the open event after asking; Ctrl+Z brings it back."""
    if window.event_id is None:
        return
    event_id, store = window.event_id, window.store
    title = events.get_event(store, event_id).title
    answer = QMessageBox.question(
        window.window(),
        "Delete event",
        f"Delete “{title}” with everything in it: working group, meetings and notes, "
        "actions, polls, speakers’ invitations, programme and budget?\n\n"
        "Edit ▸ Undo (Ctrl+Z) brings it back.",
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.flush()
        window.runner.push(
            "Delete event",
            lambda: events.delete_event(store, event_id=event_id),
            event_inverse(store),
        )


def open_example(window: WindowHost) -> None:
    """Help ▸ Open example event and `--demo`: open the example event, adding it only when
    there is none (an archived one was put away: a fresh one is added)."""
    store = window.store
    shown = events.list_events(store)  # not archived
    found = min((row.id for row in shown if row.title == DEMO_TITLE), default=None)
    if found is not None:
        window.open_event(found)
        return

    def forward() -> Changes:
        event_id = add_demo_event(store)
        return Changes(Touched.ALL, event_id=event_id, created_id=event_id)

    _created(window, "Open example event", forward)


def back_up(window: WindowHost) -> None:
    """Make a verified backup now."""
    path = window.store.path
    if path is None:
        window.runner.show_error("Backups here are for SQLite files; use pg_dump for a server.")
        return
    window.flush()
    try:
        made = backup.make_backup(path, reason="manual")
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return
    window.statusBar().showMessage(f"Backed up to {made}")


def restore(window: WindowHost) -> None:
    """Replace the database with a chosen backup (the current one is backed up first)."""
    path = window.store.path
    if path is None:
        window.runner.show_error("Restore here is for SQLite files; use pg_restore for a server.")
        return
    found = backup.list_backups(path)
    if not found:
        window.runner.show_error("There are no backups of this database yet.")
        return
    labels = [f"{b.made:%d/%m/%Y %H:%M:%S} ({b.reason})" for b in found]
    choice, ok = QInputDialog.getItem(
        window.window(),
        "Restore from backup",
        "Replace everything with the backup made on:",
        labels,
        0,
        False,
    )
    if not ok:
        return
    chosen = found[labels.index(choice)]
    window.flush()
    url = window.store.url
    window.store.close()
    restored = True
    try:
        kept = backup.restore_backup(chosen.path, path)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        restored, kept = False, None
    try:
        store = open_store(url, daily_backup=False, read_only_ok=True)
    except OrganiserError as exc:
        QMessageBox.warning(
            window.window(),
            "Organiser",
            f"{exc} Organiser will close now; open it again once this is put right.",
        )
        window.close()
        return
    window.swap_store(store)
    if restored:
        aside = f"; the file it replaced was kept as {kept.name}" if kept else ""
        window.statusBar().showMessage(f"Restored the backup of {choice}{aside}")
