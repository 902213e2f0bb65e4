"""The service calls behind a list-and-form section, and a search filter over its rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QWidget

from organiser.core import crud
from organiser.core.changes import Changes
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import Inverse, OpRunner
from organiser.ui.table_model import RowTableModel
from organiser.ui.undo import row_inverse
from organiser.ui.widgets.versioned_edits import Update


@dataclass(frozen=True)
class Verbs:
    """What a section's rows are called (`members` names `members_table`) and the service
    calls behind it: add to a parent (event, meeting, poll), edit against the version shown,
    delete, read a row's version, and how each is undone (read when it is needed, so it
    follows the window to another database)."""

    name: str
    add: Callable[[int, dict[str, Any]], Changes]  # (parent id, values)
    update: Update  # (row id, changed values, the values they started from, version shown)
    delete: Callable[[int], Changes]
    version: Callable[[int], int]
    inverse: Callable[[], Inverse]


def crud_verbs(runner: OpRunner, kind: RowKind) -> Verbs:
    """The verbs of rows of one kind (members, programme items, funds, bookings, …)."""

    def update(row_id: int, values: dict[str, Any], base: dict[str, Any], version: int) -> Changes:
        return crud.update_row(
            runner.store,
            kind=kind,
            row_id=row_id,
            values=values,
            base=base,
            expected_version=version,
        )

    return Verbs(
        name=kind.name.lower(),
        add=lambda parent_id, values: crud.add_row(
            runner.store, kind=kind, parent_id=parent_id, values=values
        ),
        update=update,
        delete=lambda row_id: crud.delete_row(runner.store, kind=kind, row_id=row_id),
        version=lambda row_id: crud.current_version(runner.store, kind=kind, row_id=row_id),
        inverse=lambda: row_inverse(runner.store, kind),
    )


class RowFilter(QSortFilterProxyModel):
    """Keeps the rows whose words contain what was typed (case and accents as typed)."""

    def __init__(self, haystack: Callable[[Any], str] | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._haystack = haystack
        self._needle = ""

    def set_text(self, text: str) -> None:
        """Show only rows containing `text` (all rows when blank)."""
        needle = text.casefold().strip()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle or self._haystack is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return self._needle in self._haystack(model.row_at(source_row))
