"""Saving an edit of the row an editor shows, so nobody's change is silently overwritten.

The editor sends only the fields the person changed, with the stored values they started
from and the row's version when it was shown (the service's base and expected version). If
someone else saved the row in between, the service merges field by field, or raises
EditConflict when both changed the same field: then both values are shown and the person
chooses, field by field, what to keep. The choice is saved like any edit (undoable where the
editor's edits are).

`VersionedEdits` works for any editor: it is given how to read the row's version, how to
save, how a save is undone, and the form (a `FieldForm`, or anything with the same few
methods, such as the meeting notes). `versioned_edits` builds one from a service's verbs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from organiser.core.changes import Changes
from organiser.core.db import Store
from organiser.core.errors import EditConflict, OrganiserError
from organiser.core.versions import merged_text
from organiser.ui.ops import Inverse, OpRunner
from organiser.ui.team.conflict_dialog import Choice, ConflictDialog
from organiser.ui.widgets.background_write import BackgroundWrite, Outcome

# No row is at version 0: an edit sent with it is always compared field by field.
UNKNOWN = 0

# (row id, changed values, the stored values they started from, the version shown) -> Changes
Update = Callable[[int, dict[str, Any], dict[str, Any], int], Changes]


class Form(Protocol):
    """What settling a clash needs of an editor's inputs (a FieldForm has all of it)."""

    @property
    def behind(self) -> Collection[str]:
        """The inputs kept as typed while the stored value moved on."""

    def changed(self, values: Mapping[str, Any]) -> dict[str, Any]: ...
    def base_of(self, keys: Iterable[str]) -> dict[str, Any]: ...
    def put(self, values: Mapping[str, Any]) -> None: ...
    def mark_saved(self, values: Mapping[str, Any]) -> None: ...
    def show_errors(self, errors: Mapping[str, str]) -> None: ...
    def keep_pending(self) -> None: ...
    def load(self, values: Mapping[str, Any], *, force: bool = False) -> None: ...
    def label_of(self, key: str) -> str: ...
    def describe(self, key: str, value: Any) -> str: ...
    def is_long_text(self, key: str) -> bool: ...


class VersionedEdits(QObject):
    """The version of the row shown, edits sent against it, and clashes settled."""

    def __init__(
        self,
        owner: QWidget,
        runner: OpRunner,
        form: Form,
        *,
        noun: str,
        current: Callable[[], int | None],  # the row the editor shows now
        read_version: Callable[[int], int],
        update: Update,
        inverse: Callable[[], Inverse] | None,  # None: not on the window's undo list
        action: str | None = None,  # the undo list's name for an edit
        merge: Callable[[Any, Any], Any] = merged_text,  # "Keep both" of two texts
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.runner = runner
        self.form = form
        self.noun = noun
        self.action = action or f"Edit {noun}"
        self._current = current
        self._read_version = read_version
        self._update = update
        self._inverse = inverse
        self._merge = merge
        self.version = UNKNOWN
        self.dialog: ConflictDialog | None = None

    def version_now(self, row_id: int) -> int:
        """The row's version in the database now (UNKNOWN if it cannot be read)."""
        try:
            return self._read_version(row_id)
        except OrganiserError:
            return UNKNOWN

    def shown(self, row_id: int) -> None:
        """A row was put in the editor from a list, as the list last read it."""
        version = self.version_now(row_id)
        # Others saved since the list was read: what it shows may be older than `version`.
        self.version = UNKNOWN if self.runner.unseen_changes() else version

    def refreshed(self, version: int) -> None:
        """The row was read again (at `version` or later) into the inputs not being typed in."""
        if not self.form.behind:
            self.version = version

    def clear(self) -> None:
        """No row is shown (a new one is being typed)."""
        self.version = UNKNOWN

    def abandon(self) -> None:
        """The window moves to another database: a clash still open here no longer applies,
        and nothing typed for this row may be saved into the other database."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.blockSignals(True)  # closing it is not a choice
            dialog.reject()
        self.form.load({}, force=True)

    def unsaved(self) -> str | None:
        """Why an edit is still waiting (a clash not yet settled), or None."""
        if self.dialog is None:
            return None
        return f"Your change to this {self.noun} is not saved: choose what to keep first."

    def save(self, row_id: int, values: Mapping[str, Any], errors: Mapping[str, str]) -> None:
        """Send what the person changed in the shown row."""
        form = self.form
        if self.dialog is not None:  # a clash is being settled: this waits for its choice
            form.keep_pending()
            return
        changed = form.changed({k: v for k, v in values.items() if k not in errors})
        if not changed:
            form.show_errors(errors)
            return
        refused = self.send(row_id, changed, form.base_of(changed), self.version)
        if refused is not None and row_id == self._current():
            form.show_errors({**errors, **refused})

    def send(
        self, row_id: int, values: dict[str, Any], base: dict[str, Any], version: int
    ) -> dict[str, str] | None:
        """Save; the refused fields' messages, or None when nothing was saved."""
        saved: list[Changes] = []
        update = self._update

        def edit(chosen: dict[str, Any]) -> Changes:
            changes = update(row_id, chosen, base, version)
            saved.append(changes)
            return changes

        try:
            if self._inverse is None:
                refused = self._call(edit, values)
            else:
                refused = self.runner.push_edit(
                    self.action, edit, self._inverse(), values, origin=self.owner
                )
        except EditConflict as conflict:
            self._ask(row_id, conflict, values, base)
            return None
        if not saved:
            return refused or None
        self._saved(row_id, {k: v for k, v in values.items() if k not in refused}, saved[-1])
        return refused

    def _saved(self, row_id: int, values: dict[str, Any], changes: Changes) -> None:
        if row_id == self._current():
            self.form.mark_saved(values)
            if changes.row_version is not None and not self.form.behind:
                self.version = changes.row_version

    def save_in_background(
        self,
        row_id: int,
        values: Mapping[str, Any],
        writer: BackgroundWrite,
        *,
        again: Callable[[], None],
    ) -> None:
        """As `save`, with the database write on `writer`'s thread: for edits with no undo
        entry (the undo list is the UI thread's). Its outcome is handled as `send`'s is, when
        it comes back: the saved line and version, a clash to choose from, or a refusal."""
        assert self._inverse is None, "an undoable edit is saved on the UI thread"
        if self.dialog is not None:  # a clash is being settled: this waits for its choice
            self.form.keep_pending()
            return
        changed = self.form.changed(values)
        if not changed:
            return
        base, version, update = self.form.base_of(changed), self.version, self._update
        writer.start(
            lambda: update(row_id, changed, base, version),
            lambda outcome: self._landed(row_id, changed, base, outcome, again),
        )

    def _landed(
        self,
        row_id: int,
        values: dict[str, Any],
        base: dict[str, Any],
        outcome: Outcome,
        again: Callable[[], None],
    ) -> None:
        if isinstance(outcome, EditConflict):
            # Someone else saved meanwhile: the editor saves again on this thread, so the
            # choice offered is between theirs and everything typed by now, not only what
            # this write carried.
            if row_id == self._current():
                again()
            else:
                self._ask(row_id, outcome, values, base)
        elif isinstance(outcome, OrganiserError):
            if row_id == self._current():
                self.form.show_errors({key: str(outcome) for key in values})
        elif isinstance(outcome, BaseException):
            if row_id == self._current():  # kept on screen, tried again, asked about on close
                problem = f"an unexpected problem ({type(outcome).__name__})"
                self.form.show_errors({key: f"Not saved: {problem}." for key in values})
            raise outcome  # a fault, reported as one raised on the UI thread would be
        else:
            self.runner.announce(outcome.started_by(self.owner))
            self._saved(row_id, values, outcome)

    def _call(
        self, edit: Callable[[dict[str, Any]], Changes], values: dict[str, Any]
    ) -> dict[str, str]:
        """Save without an undo entry; a refusal is every field's message."""
        try:
            self.runner.call(lambda: edit(values), quiet=True, origin=self.owner)
        except EditConflict:
            raise
        except OrganiserError as exc:
            return {key: str(exc) for key in values}
        return {}

    def _ask(
        self, row_id: int, conflict: EditConflict, values: dict[str, Any], base: dict[str, Any]
    ) -> None:
        form = self.form
        dialog = ConflictDialog(
            conflict,
            noun=self.noun,
            label_of=form.label_of,
            describe=form.describe,
            keeps_both=form.is_long_text,
            parent=self.owner.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.chosen.connect(lambda choices: self._settle(row_id, conflict, values, base, choices))
        dialog.rejected.connect(lambda: self._later(row_id, conflict))
        dialog.open()

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def _settle(
        self,
        row_id: int,
        conflict: EditConflict,
        values: dict[str, Any],
        base: dict[str, Any],
        choices: Mapping[str, Choice],
    ) -> None:
        """Save what was chosen, over the version that clashed (so it cannot clash again)."""
        again, against, theirs = dict(values), dict(base), {}
        for clash in conflict.clashes:
            against[clash.key] = clash.theirs
            choice = choices[clash.key]
            if choice is Choice.THEIRS:
                again.pop(clash.key, None)
                theirs[clash.key] = clash.theirs
            elif choice is Choice.BOTH:
                again[clash.key] = self._merge(clash.mine, clash.theirs)
            else:
                again[clash.key] = clash.mine
        form, shown = self.form, row_id == self._current()
        if shown:
            form.put(theirs)
            form.show_errors({})
        if not again:
            if shown and not form.behind:
                self.version = conflict.version
            return
        refused = self.send(row_id, again, against, conflict.version)
        if refused is not None and row_id == self._current():
            form.put({k: v for k, v in again.items() if k not in refused})
            form.show_errors(refused)

    def _later(self, row_id: int, conflict: EditConflict) -> None:
        """Decide later: what was typed stays on screen, unsaved, and is offered again."""
        if row_id != self._current():
            return
        form = self.form
        form.show_errors(
            {
                clash.key: "Not saved yet: someone else changed this too. You will be asked "
                "again which to keep."
                for clash in conflict.clashes
            }
        )
        form.keep_pending()


def versioned_edits(
    owner: QWidget,
    runner: OpRunner,
    form: Form,
    *,
    noun: str,
    action: str,
    current: Callable[[], int | None],
    version_of: Callable[[Store, int], int],
    update: Callable[..., Changes],
    key: str,
    inverse: Callable[[Store], Inverse],
) -> VersionedEdits:
    """Edits saved through a service verb called as `update(store, <key>=row, values=…,
    base=…, expected_version=…)`, its version read by `version_of(store, row)`, undone by
    `inverse(store)`: the wiring every single-row editor (details, flyer, creche settings,
    questions) shares."""

    def save(row_id: int, values: dict[str, Any], base: dict[str, Any], version: int) -> Changes:
        return update(
            runner.store, **{key: row_id}, values=values, base=base, expected_version=version
        )

    return VersionedEdits(
        owner,
        runner,
        form,
        noun=noun,
        action=action,
        current=current,
        read_version=lambda row_id: version_of(runner.store, row_id),
        update=save,
        inverse=lambda: inverse(runner.store),
    )
