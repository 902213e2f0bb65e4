"""What the co-design panels share: choosing a row, a member chooser, and the undo of saving
a version, signing off and commenting (their tables and times: organiser.ui.widgets.row_table)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QTableView,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.flyer import codesign
from organiser.core.flyer import versions as flyer_versions
from organiser.core.planning.rows import MemberRow
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import RowTableModel
from organiser.ui.undo import record_inverse


def select_row(table: QTableView, model: RowTableModel, row_id: int | None) -> None:
    """Make the row with this id the current one, without announcing it (None: the first)."""
    position = model.row_of(row_id) if row_id is not None else None
    if position is None and model.rowCount():
        position = 0
    if position is None:
        return
    table.selectionModel().setCurrentIndex(
        model.index(position, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def member_chooser(parent: QWidget, name: str, accessible: str) -> QComboBox:
    """A list of the working group's members (each item's data is the member's id)."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    # Long names and roles are cut short in the box (the open list shows them whole).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def fill_members(combo: QComboBox, members: Sequence[MemberRow], keep: int | None) -> None:
    """Offer these members, keeping the one chosen before when they are still there."""
    chosen = combo.currentData() if keep is None else keep
    combo.blockSignals(True)
    combo.clear()
    for member in members:
        label = f"{member.name} ({member.role})" if member.role else member.name
        combo.addItem(label, member.id)
    found = combo.findData(chosen)
    combo.setCurrentIndex(found if found >= 0 else 0 if members else -1)
    combo.blockSignals(False)
    combo.setEnabled(bool(members))


def version_inverse(runner: OpRunner) -> Inverse:
    """Saving a version is undone by deleting it, and redone by restoring it with its id."""
    store = runner.store

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            saved = changes.snapshot
            return lambda: flyer_versions.restore_version(store, saved=saved)
        version_id = changes.created_id
        assert version_id is not None
        return lambda: flyer_versions.delete_version(store, version_id=version_id)

    return inverse


def sign_off_inverse(runner: OpRunner, version_id: int, member_id: int) -> Inverse:
    """A decision is undone by putting back the one before (or none)."""
    store = runner.store

    def inverse(changes: Changes) -> Call:
        before = dict(changes.previous)
        return lambda: flyer_versions.sign_off(
            store,
            version_id=version_id,
            member_id=member_id,
            decision=before.get("decision"),
            note=before.get("note") or "",
        )

    return inverse


def comment_inverse(runner: OpRunner) -> Inverse:
    """Add ↔ delete ↔ restore; resolving is undone by setting it back."""
    store = runner.store
    return record_inverse(
        restore=lambda saved: codesign.restore_comment(store, saved=saved),
        delete=lambda comment_id: flyer_versions.delete_comment(store, comment_id=comment_id),
        update=lambda comment_id, previous: flyer_versions.resolve_comment(
            store, comment_id=comment_id, resolved=bool(previous["resolved"])
        ),
    )
