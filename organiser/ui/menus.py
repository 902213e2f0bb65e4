"""The menu bar and its shortcuts (what the commands do is in organiser.ui.commands)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from organiser.ui import printing
from organiser.ui.commands import (
    back_up,
    delete_event,
    duplicate,
    new_event,
    open_example,
    restore,
    toggle_archive,
)
from organiser.ui.host import WindowHost
from organiser.ui.keyboard import MOVES, ShortcutsDialog
from organiser.ui.offline import flows
from organiser.ui.print_chooser import choose_and_print
from organiser.ui.team import switching
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


def _action(window: WindowHost, text: str, slot: object, shortcut: object = None) -> QAction:
    action = QAction(text, window.window())
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])  # type: ignore[arg-type]
    action.triggered.connect(slot)  # type: ignore[arg-type]
    return action


def build(window: WindowHost) -> MenuActions:
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
            window, "Save programme a&s PDF…", lambda: printing.export_programme(window)
        ),
        print_any=_action(window, "&Print…", lambda: choose_and_print(window), std.Print),
        preview=_action(
            window,
            "Print pre&view…",
            lambda: choose_and_print(window, preview=True),
            "Ctrl+Shift+P",
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
    file_menu.addActions([found.print_any, found.preview])
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
    undo = window.runner.undo_stack.createUndoAction(window.window(), "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo = window.runner.undo_stack.createRedoAction(window.window(), "&Redo")
    # Once each: a key given twice to one action is ambiguous to Qt and does nothing.
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(std.Redo)]
    redo.setShortcuts([k for n, k in enumerate(redo_keys) if k not in redo_keys[:n]])
    edit_menu.addActions([undo, redo])
    undo_from_any_field(window.window(), undo, redo)
    view_menu = window.menuBar().addMenu("&View")
    view_menu.addAction(
        _action(window, "Zoom &in", lambda: window.change_zoom(1), ["Ctrl+=", "Ctrl++"])
    )
    view_menu.addAction(_action(window, "Zoom &out", lambda: window.change_zoom(-1), "Ctrl+-"))
    view_menu.addAction(_action(window, "&Actual size", lambda: window.change_zoom(0), "Ctrl+0"))
    view_menu.addSeparator()
    for words, keys, kind, step in MOVES:
        view_menu.addAction(
            _action(
                window, words, lambda _checked=False, k=kind, s=step: window.step_to(k, s), keys
            )
        )
    from organiser.ui.getting_started import show_getting_started
    from organiser.ui.help import window as help_window
    from organiser.ui.help.pages import GLOSSARY

    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(
        _action(window, "&Help for this page", lambda: help_window.open_for(window), "F1")
    )
    help_menu.addAction(
        _action(window, "Gl&ossary", lambda: help_window.open_for(window, GLOSSARY))
    )
    help_menu.addAction(_action(window, "&Getting started…", lambda: show_getting_started(window)))
    help_menu.addAction(_action(window, "Open &example event", lambda: open_example(window)))
    help_menu.addAction(
        _action(
            window,
            "&Keyboard shortcuts",
            lambda: ShortcutsDialog(window.menuBar(), window.window()).open(),
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
