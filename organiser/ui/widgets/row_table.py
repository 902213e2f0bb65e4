"""A read-only table of plain rows, sized to its words, and a stored moment as local time:
what lists of a few rows (co-design's versions and comments, team members) share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from organiser.core.parsing import local_moment
from organiser.ui.table_model import Column, RowTableModel


def when(moment: dt.datetime) -> str:
    """A stored UTC moment as this computer's local time, dd/mm/yyyy hh:mm."""
    return f"{local_moment(moment):%d/%m/%Y %H:%M}"


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
