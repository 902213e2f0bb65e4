"""One runner for service calls: errors shown in words, changes announced once."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from organiser.core.changes import Changes
from organiser.core.errors import EditConflict, OrganiserError, ValidationError

if TYPE_CHECKING:
    from organiser.core.db import Store

Call = Callable[[], Changes]
Inverse = Callable[[Changes], Call]


class OpRunner(QObject):
    """Runs service calls for the widgets and emits `changes_applied` after each change."""

    changes_applied = Signal(object)
    failed = Signal(str)

    store: Store  # set once the database is open (the window's frame is drawn before)

    def __init__(self, store: Store | None, parent: QWidget) -> None:
        super().__init__(parent)
        if store is not None:
            self.store = store
        self.undo_stack = QUndoStack(self)
        self._window = parent
        # Whether others saved something the window has not shown yet (set by live updates):
        # an editor then cannot trust the row it shows to be the newest.
        self.unseen_changes: Callable[[], bool] = lambda: False

    def call(self, fn: Call, *, quiet: bool = False, origin: object = None) -> Changes | None:
        """Run one changing call; on error show (or, if quiet, re-raise) a readable message.
        The change is announced saying who started it (`origin`, when given)."""
        try:
            changes = fn()
            if origin is not None:
                changes = changes.started_by(origin)
        except OrganiserError as exc:
            if quiet:
                raise
            self.show_error(str(exc))
            return None
        self.changes_applied.emit(changes)
        return changes

    def announce(self, changes: Changes) -> None:
        """Tell every view about changes made outside a call here (others' saves, a bring
        back, a purge), as if they had been made here."""
        self.changes_applied.emit(changes)

    def push(
        self,
        text: str,
        forward: Call,
        inverse: Inverse,
        *,
        quiet: bool = False,
        origin: object = None,
    ) -> Changes | None:
        """Run `forward` now and record it as a named undoable command (None on error)."""
        changes = self.call(forward, quiet=quiet, origin=origin)
        if changes is not None:
            self.record(text, changes, inverse)
        return changes

    def push_edit(
        self,
        text: str,
        edit: Callable[[dict[str, Any]], Changes],
        inverse: Inverse,
        values: dict[str, Any],
        *,
        origin: object = None,
    ) -> dict[str, str]:
        """Save an edit of several fields; a refused field is left out (with its message)
        and the rest saved, so one bad value never loses the good ones.

        A clash with someone else's edit of the same field (EditConflict) is raised for the
        editor to settle: it knows both values and asks which to keep.
        """
        refused: dict[str, str] = {}
        usable = dict(values)
        while usable:
            try:
                self.push(text, partial(edit, usable), inverse, quiet=True, origin=origin)
                break
            except ValidationError as exc:
                key = exc.field if exc.field in usable else next(iter(usable))
                refused[key] = str(exc)
                usable = {k: v for k, v in usable.items() if k != key}
            except EditConflict:
                raise
            except OrganiserError as exc:
                self.show_error(str(exc))
                break
        return refused

    def record(self, text: str, changes: Changes, inverse: Inverse) -> None:
        """Put a call that has already run on the undo stack (if it changed anything)."""
        if changes.touched:
            self.undo_stack.push(ServiceCommand(self, text, inverse(changes), inverse))

    def show_error(self, message: str) -> None:
        """Tell the person what went wrong, in their words."""
        self.failed.emit(message)
        QMessageBox.warning(self._window, "Organiser", message)


class ServiceCommand(QUndoCommand):
    """A service call already done; undo and redo each return Changes that say how to reverse."""

    def __init__(self, runner: OpRunner, text: str, reverse: Call, inverse: Inverse) -> None:
        super().__init__(text)
        self._runner = runner
        self._pending = reverse
        self._inverse = inverse
        self._done = True

    def _run(self, verb: str) -> None:
        what = f"{verb} {self.text().lower()}"
        try:
            changes = self._runner.call(self._pending, quiet=True)
        except EditConflict as exc:
            # Someone else changed the same field since: their change stays.
            QTimer.singleShot(0, self._runner.undo_stack.clear)
            names = ", ".join(c.key.replace("_", " ") for c in exc.clashes)
            self._runner.show_error(
                f"Cannot {what}: someone else has changed the {names} of this "
                f"{exc.what} since, so their change is kept. Change it by hand if needed."
            )
            return
        except OrganiserError as exc:
            # The data moved on (a row deleted elsewhere): this history cannot be trusted.
            QTimer.singleShot(0, self._runner.undo_stack.clear)
            self._runner.show_error(f"Cannot {what}: {exc}")
            return
        assert changes is not None
        self._pending = self._inverse(changes)

    def redo(self) -> None:
        """Redo the call (QUndoStack also calls this on push, when it has already run)."""
        if self._done:
            self._done = False
            return
        self._run("redo")

    def undo(self) -> None:
        """Reverse the last call."""
        self._run("undo")
