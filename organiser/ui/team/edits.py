"""Saving an edit of the row an editor shows, so nobody's change is silently overwritten.

The editor sends only the fields the person changed, with the stored values they started
from and the row's version when it was shown (`crud.update_row`'s base and expected
version). If someone else saved the row in between, the service merges field by field, or
raises EditConflict when both changed the same field: then both values are shown and the
person chooses, field by field, what to keep. The choice is saved like any edit (undoable).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from organiser.core import crud
from organiser.core.changes import Changes
from organiser.core.errors import EditConflict, OrganiserError
from organiser.core.versions import merged_text
from organiser.ui.team.conflict_dialog import Choice, ConflictDialog
from organiser.ui.undo import row_inverse

if TYPE_CHECKING:
    from organiser.ui.widgets.row_section import RowSection

# No row is at version 0: an edit sent with it is always compared field by field.
UNKNOWN = 0


class RowEdits(QObject):
    """The version of the row shown, edits sent against it, and clashes settled."""

    def __init__(self, owner: RowSection) -> None:
        super().__init__(owner)
        self.owner = owner
        self.version = UNKNOWN
        self.dialog: ConflictDialog | None = None

    def version_now(self, row_id: int) -> int:
        """The row's version in the database now (UNKNOWN if it cannot be read)."""
        store, section = self.owner.runner.store, self.owner.section
        try:
            return crud.current_version(store, section=section, row_id=row_id)
        except OrganiserError:
            return UNKNOWN

    def shown(self, row_id: int) -> None:
        """A row was put in the editor from the list, as the list last read it."""
        version = self.version_now(row_id)
        # Others saved since the list was read: what it shows may be older than `version`.
        self.version = UNKNOWN if self.owner.runner.unseen_changes() else version

    def refreshed(self, version: int) -> None:
        """The row was read again (at `version` or later) into the inputs not being typed in."""
        if not self.owner.form.behind:
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
        self.owner.form.load({}, force=True)

    def unsaved(self) -> str | None:
        """Why an edit is still waiting (a clash not yet settled), or None."""
        if self.dialog is None:
            return None
        return f"Your change to this {self.owner.noun} is not saved: choose what to keep first."

    def save(self, row_id: int, values: Mapping[str, Any], errors: Mapping[str, str]) -> None:
        """Send what the person changed in the shown row."""
        form = self.owner.form
        if self.dialog is not None:  # a clash is being settled: this waits for its choice
            form.keep_pending()
            return
        changed = form.changed({k: v for k, v in values.items() if k not in errors})
        if not changed:
            form.show_errors(errors)
            return
        refused = self._send(row_id, changed, form.base_of(changed), self.version)
        if refused is not None and row_id == self.owner.current_id:
            form.show_errors({**errors, **refused})

    def _send(
        self, row_id: int, values: dict[str, Any], base: dict[str, Any], version: int
    ) -> dict[str, str] | None:
        """Save; the refused fields' messages, or None when nothing was saved."""
        owner = self.owner
        store, section = owner.runner.store, owner.section
        saved: list[Changes] = []

        def edit(chosen: dict[str, Any]) -> Changes:
            changes = crud.update_row(
                store,
                section=section,
                row_id=row_id,
                values=chosen,
                base=base,
                expected_version=version,
            )
            saved.append(changes)
            return changes

        try:
            refused = owner.runner.push_edit(
                f"Edit {owner.noun}", edit, row_inverse(store, section), values
            )
        except EditConflict as conflict:
            self._ask(row_id, conflict, values, base)
            return None
        if not saved:
            return refused or None
        if row_id == owner.current_id:
            owner.form.mark_saved({k: v for k, v in values.items() if k not in refused})
            version_saved = saved[-1].row_version
            if version_saved is not None and not owner.form.behind:
                self.version = version_saved
        return refused

    def _ask(
        self, row_id: int, conflict: EditConflict, values: dict[str, Any], base: dict[str, Any]
    ) -> None:
        form = self.owner.form
        dialog = ConflictDialog(
            conflict,
            noun=self.owner.noun,
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
                again[clash.key] = merged_text(clash.mine, clash.theirs)
            else:
                again[clash.key] = clash.mine
        form = self.owner.form
        if row_id == self.owner.current_id:
            form.put(theirs)
            form.show_errors({})
        if not again:
            if row_id == self.owner.current_id and not form.behind:
                self.version = conflict.version
            return
        refused = self._send(row_id, again, against, conflict.version)
        if refused is not None and row_id == self.owner.current_id:
            form.put({k: v for k, v in again.items() if k not in refused})
            form.show_errors(refused)

    def _later(self, row_id: int, conflict: EditConflict) -> None:
        """Decide later: what was typed stays on screen, unsaved, and is offered again."""
        if row_id != self.owner.current_id:
            return
        form = self.owner.form
        form.show_errors(
            {
                clash.key: "Not saved yet: someone else changed this too. You will be asked "
                "again which to keep."
                for clash in conflict.clashes
            }
        )
        form.keep_pending()
