"""The menu bar and its shortcuts (what the commands do is in organiser.ui.commands).

The menus are part of the first frame, before the database is open: each command's module is
imported when the command is first chosen, and a command chosen while the window is still
filling runs once it is filled.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from organiser.ui.help.pages import GLOSSARY
from organiser.ui.host import WindowHost
from organiser.ui.keyboard import MOVES, ShortcutsDialog
from organiser.ui.undo_keys import undo_from_any_field


@dataclass
class MenuActions:
    """The actions other widgets reuse (the event switcher's buttons)."""

    new: QAction
    duplicate: QAction
    archive: QAction
    delete: QAction
    export: QAction
    print_any: QAction
    preview: QAction
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
        needs_event = (self.duplicate, self.archive, self.delete, self.export, self.summary)
        for action in (*needs_event, self.print_any, self.preview):
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


ZOOMS: tuple[tuple[str, int, object], ...] = (
    ("Zoom &in", 1, ["Ctrl+=", "Ctrl++"]),
    ("Zoom &out", -1, "Ctrl+-"),
    ("&Actual size", 0, "Ctrl+0"),
)


def _later(window: WindowHost, command: str, *args: object) -> Callable[[], object]:
    """`organiser.ui.<command>(window, *args)`, its module imported when first chosen."""
    module, name = command.rsplit(".", 1)

    def run() -> object:
        return getattr(importlib.import_module(f"organiser.ui.{module}"), name)(window, *args)

    return run


def _action(
    window: WindowHost,
    text: str,
    slot: Callable[[], object],
    shortcut: object = None,
    *,
    at_once: bool = False,
) -> QAction:
    """A menu command. One chosen while the window is still opening its database runs once it
    is open, unless it needs no database (`at_once`: quitting, text size, the key list)."""
    action = QAction(text, window.window())
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])  # type: ignore[arg-type]
    if at_once:
        action.triggered.connect(lambda: slot())
    else:  # by the time it runs, the command may be off (a read-only database, no event)
        action.triggered.connect(
            lambda: window.when_filled(lambda: slot() if action.isEnabled() else None)
        )
    return action


def build(window: WindowHost) -> MenuActions:
    """Create the menu bar; return the actions the event switcher shows as buttons."""
    std = QKeySequence.StandardKey
    found = MenuActions(
        new=_action(window, "&New event", _later(window, "commands.new_event"), std.New),
        duplicate=_action(
            window,
            "&Duplicate as next session",
            _later(window, "commands.duplicate"),
            "Ctrl+D",
        ),
        archive=_action(window, "&Archive event", _later(window, "commands.toggle_archive")),
        delete=_action(window, "D&elete event…", _later(window, "commands.delete_event")),
        export=_action(
            window, "Save programme a&s PDF…", _later(window, "printing.export_programme")
        ),
        print_any=_action(
            window, "&Print…", _later(window, "print_chooser.choose_and_print"), std.Print
        ),
        preview=_action(
            window,
            "Print pre&view…",
            _later(window, "print_chooser.choose_and_print", True),
            "Ctrl+Shift+P",
        ),
        summary=_action(
            window, "Su&mmary report…", lambda: window.show_summary_report(), "Ctrl+Shift+R"
        ),
        use_local=_action(
            window,
            "&Use this computer’s database",
            _later(window, "team.switching.use_this_computer"),
        ),
        copy=_action(
            window,
            "Cop&y events to team database…",
            _later(window, "offline.flows.copy_events"),
        ),
        take=_action(window, "Ta&ke event offline…", _later(window, "offline.flows.take_offline")),
        bring=_action(window, "Brin&g event back…", _later(window, "offline.flows.bring_back")),
        release=_action(window, "Clear &offline mark…", _later(window, "offline.flows.release")),
    )
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addActions([found.new, found.duplicate, found.archive, found.delete])
    file_menu.addSeparator()
    file_menu.addActions([found.print_any, found.preview])
    file_menu.addAction(found.export)
    file_menu.addAction(
        _action(
            window,
            "Save action &list as PDF…",
            _later(window, "printing.save_document", "actions"),
        )
    )
    file_menu.addAction(
        _action(
            window,
            "Add event to &calendar (.ics)…",
            _later(window, "printing.save_document", "ics"),
        )
    )
    file_menu.addAction(_action(window, "Save &flyer as PDF…", lambda: window.flyer_output("pdf")))
    file_menu.addAction(_action(window, "Pr&int flyer…", lambda: window.flyer_output("print")))
    file_menu.addAction(found.summary)
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "&Back up now", _later(window, "commands.back_up")))
    file_menu.addAction(
        _action(window, "&Restore from backup…", _later(window, "commands.restore"))
    )
    file_menu.addAction(
        _action(window, "Pass&word protection…", _later(window, "protect_dialog.open_protection"))
    )
    file_menu.addSeparator()
    file_menu.addAction(
        _action(
            window,
            "Connect to &team database…",
            _later(window, "team.switching.connect_to_team"),
        )
    )
    file_menu.addAction(found.use_local)
    file_menu.addAction(  # no letter left in its words: reached with the arrow keys
        _action(window, "Team members…", _later(window, "team.members_dialog.open_team_members"))
    )
    file_menu.addActions([found.copy, found.take, found.bring, found.release])
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "&Quit", window.close, std.Quit, at_once=True))
    edit_menu = window.menuBar().addMenu("&Edit")
    undo = window.runner.undo_stack.createUndoAction(window.window(), "&Undo")
    undo.setObjectName("undo_action")  # a team role keeps it for what it may change
    undo.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo = window.runner.undo_stack.createRedoAction(window.window(), "&Redo")
    redo.setObjectName("redo_action")
    # Once each: a key given twice to one action is ambiguous to Qt and does nothing.
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(std.Redo)]
    redo.setShortcuts([k for n, k in enumerate(redo_keys) if k not in redo_keys[:n]])
    edit_menu.addActions([undo, redo])
    undo_from_any_field(window.window(), undo, redo)
    view_menu = window.menuBar().addMenu("&View")
    for words, step, key in ZOOMS:
        view_menu.addAction(
            _action(window, words, partial(window.change_zoom, step), key, at_once=True)
        )
    view_menu.addSeparator()
    for words, keys, kind, step in MOVES:
        view_menu.addAction(_action(window, words, partial(window.step_to, kind, step), keys))
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(
        _action(window, "&Help for this page", _later(window, "help.window.open_for"), "F1")
    )
    help_menu.addAction(
        _action(window, "Gl&ossary", _later(window, "help.window.open_for", GLOSSARY))
    )
    help_menu.addAction(
        _action(window, "&Getting started…", _later(window, "getting_started.show_getting_started"))
    )
    help_menu.addAction(
        _action(window, "Open &example event", _later(window, "commands.open_example"))
    )
    help_menu.addAction(
        _action(
            window,
            "&Keyboard shortcuts",
            lambda: ShortcutsDialog(window.menuBar(), window.window()).open(),
            at_once=True,
        )
    )
    help_menu.addAction(
        _action(
            window,
            "&About Organiser",
            lambda: QMessageBox.about(window.window(), "About Organiser", window.about_text()),
        )
    )
    return found
