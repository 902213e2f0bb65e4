"""Menus, shortcuts and what each command does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox

from organiser.core import backup
from organiser.core.changes import Changes, Touched
from organiser.core.demo import add_demo_event
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.ui import printing
from organiser.ui.offline import flows
from organiser.ui.team import switching
from organiser.ui.undo import event_inverse

if TYPE_CHECKING:
    from organiser.ui.main_window import MainWindow


@dataclass
class MenuActions:
    """The actions other widgets reuse (the event switcher's buttons)."""

    new: QAction
    duplicate: QAction
    archive: QAction
    delete: QAction
    export: QAction
    summary: QAction
    use_local: QAction
    copy: QAction
    take: QAction
    bring: QAction
    release: QAction
    is_local: bool = True
    is_open: bool = False

    @property
    def event_actions(self) -> list[QAction]:
        """The switcher's buttons."""
        return [self.new, self.duplicate, self.archive, self.delete]

    def event_open(self, is_open: bool) -> None:
        """Enable what needs an open event."""
        for action in (self.duplicate, self.archive, self.delete, self.export, self.summary):
            action.setEnabled(is_open)
        self.is_open = is_open
        self._offline_entries()

    def store_open(self, *, is_local: bool) -> None:
        """Offer the way back to this computer's database while on a team database."""
        self.use_local.setEnabled(not is_local)
        self.is_local = is_local
        self.copy.setText(
            "Cop&y events to team database…" if is_local else "Cop&y events to this computer…"
        )
        self._offline_entries()

    def _offline_entries(self) -> None:
        """Taking offline starts on the team database; bringing back, on this computer."""
        self.take.setEnabled(self.is_open and not self.is_local)
        self.release.setEnabled(self.is_open and not self.is_local)
        self.bring.setEnabled(self.is_open and self.is_local)


def _action(window: MainWindow, text: str, slot: object, shortcut: object = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])  # type: ignore[arg-type]
    action.triggered.connect(slot)  # type: ignore[arg-type]
    return action


def build(window: MainWindow) -> MenuActions:
    """Create the menu bar; return the actions the event switcher shows as buttons."""
    std = QKeySequence.StandardKey
    found = MenuActions(
        new=_action(window, "&New event", lambda: new_event(window), std.New),
        duplicate=_action(
            window, "&Duplicate as next session", lambda: duplicate(window), "Ctrl+D"
        ),
        archive=_action(window, "&Archive event", lambda: toggle_archive(window)),
        delete=_action(window, "D&elete event…", lambda: delete_event(window)),
        export=_action(
            window, "Save &programme as PDF…", lambda: printing.export_programme(window), std.Print
        ),
        summary=_action(
            window, "Su&mmary report…", lambda: window.show_summary_report(), "Ctrl+Shift+R"
        ),
        use_local=_action(
            window, "&Use this computer’s database", lambda: switching.use_this_computer(window)
        ),
        copy=_action(window, "Cop&y events to team database…", lambda: flows.copy_events(window)),
        take=_action(window, "Ta&ke event offline…", lambda: flows.take_offline(window)),
        bring=_action(window, "Brin&g event back…", lambda: flows.bring_back(window)),
        release=_action(window, "Clear &offline mark…", lambda: flows.release(window)),
    )
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addActions([found.new, found.duplicate, found.archive, found.delete])
    file_menu.addSeparator()
    file_menu.addAction(found.export)
    file_menu.addAction(
        _action(
            window, "Save action &list as PDF…", lambda: printing.save_document(window, "actions")
        )
    )
    file_menu.addAction(
        _action(
            window, "Add event to &calendar (.ics)…", lambda: printing.save_document(window, "ics")
        )
    )
    file_menu.addAction(_action(window, "Save &flyer as PDF…", lambda: window.flyer_output("pdf")))
    file_menu.addAction(_action(window, "Pr&int flyer…", lambda: window.flyer_output("print")))
    file_menu.addAction(found.summary)
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "&Back up now", lambda: back_up(window)))
    file_menu.addAction(_action(window, "&Restore from backup…", lambda: restore(window)))
    file_menu.addSeparator()
    file_menu.addAction(
        _action(window, "Connect to &team database…", lambda: switching.connect_to_team(window))
    )
    file_menu.addAction(found.use_local)
    file_menu.addActions([found.copy, found.take, found.bring, found.release])
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "&Quit", window.close, std.Quit))
    edit_menu = window.menuBar().addMenu("&Edit")
    undo = window.runner.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo = window.runner.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(std.Redo)])
    edit_menu.addActions([undo, redo])
    view_menu = window.menuBar().addMenu("&View")
    view_menu.addAction(
        _action(window, "Zoom &in", lambda: window.change_zoom(1), ["Ctrl+=", "Ctrl++"])
    )
    view_menu.addAction(_action(window, "Zoom &out", lambda: window.change_zoom(-1), "Ctrl+-"))
    view_menu.addAction(_action(window, "&Actual size", lambda: window.change_zoom(0), "Ctrl+0"))
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(_action(window, "Open &example event", lambda: open_example(window)))
    help_menu.addAction(
        _action(
            window,
            "&About Organiser",
            lambda: QMessageBox.about(window, "About Organiser", window.about_text()),
        )
    )
    return found


def _created(window: MainWindow, text: str, forward: object) -> None:
    changes = window.runner.push(text, forward, event_inverse(window.store))  # type: ignore[arg-type]
    if changes is not None and changes.created_id is not None:
        window.open_event(changes.created_id)


def new_event(window: MainWindow) -> None:
    """Ask for a title and create the event."""
    title, ok = QInputDialog.getText(window, "New event", "Title of the new event:")
    if ok and title.strip():
        store = window.store
        _created(window, "New event", lambda: events.create_event(store, title=title))
        window.planning.show_section("details")


def duplicate(window: MainWindow) -> None:
    """Copy the open event as the next session of its series."""
    if window.event_id is not None:
        event_id, store = window.event_id, window.store
        _created(
            window, "Duplicate event", lambda: events.duplicate_event(store, event_id=event_id)
        )


def toggle_archive(window: MainWindow) -> None:
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


def delete_event(window: MainWindow) -> None:
    """Delete the open event after asking; Ctrl+Z brings it back."""
    if window.event_id is None:
        return
    event_id, store = window.event_id, window.store
    title = events.get_event(store, event_id).title
    answer = QMessageBox.question(
        window,
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


def open_example(window: MainWindow) -> None:
    """Add the example event and open it."""
    store = window.store

    def forward() -> Changes:
        event_id = add_demo_event(store)
        return Changes(Touched.ALL, event_id=event_id, created_id=event_id)

    _created(window, "Open example event", forward)


def back_up(window: MainWindow) -> None:
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


def restore(window: MainWindow) -> None:
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
        window,
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
            window,
            "Organiser",
            f"{exc} Organiser will close now; open it again once this is put right.",
        )
        window.close()
        return
    window.swap_store(store)
    if restored:
        aside = f"; the file it replaced was kept as {kept.name}" if kept else ""
        window.statusBar().showMessage(f"Restored the backup of {choice}{aside}")
