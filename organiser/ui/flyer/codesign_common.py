"""What the co-design panels share: times in words, a member chooser, and the undo of saving a
version, signing off and commenting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.flyer import codesign
from organiser.core.flyer import versions as flyer_versions
from organiser.core.planning.rows import MemberRow
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.undo import record_inverse


def when(moment: dt.datetime) -> str:
    """A stored UTC moment as this computer's local time, dd/mm/yyyy hh:mm."""
    return f"{moment.replace(tzinfo=dt.UTC).astimezone():%d/%m/%Y %H:%M}"


def row_table(
    parent: QWidget, name: str, accessible: str, columns: Sequence[Column]
) -> tuple[QTableView, RowTableModel]:
    """A read-only table of rows, one chosen at a time; its last column takes the spare width
    and wraps, so long words (a sign-off, a comment) never hide behind a scroll bar."""
    model = RowTableModel(columns, parent)
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Arrows move between rows; Tab leaves the table for the buttons beside it.
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    # Few rows (versions, members, comments): each row as tall as its wrapped words.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table, model


def fit_columns(table: QTableView, *, widest: int = 300) -> None:
    """Size the columns to their words (none wider than `widest`); the last takes the rest."""
    header = table.horizontalHeader()
    last = header.count() - 1
    for number in range(last):
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(number)
        header.resizeSection(number, min(header.sectionSize(number), widest))
    header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)


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
