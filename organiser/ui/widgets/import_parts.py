"""Parts of an import dialog: the column choices over the preview (a line between them to drag),
and the preview beside how each column of the file was read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from organiser.core.import_plans import Reading
from organiser.ui.table_model import Column, RowTableModel

READING_COLUMNS = [
    Column("Column in the file", lambda r: r.column),
    Column("Read as", lambda r: r.meaning),
    Column("For example", lambda r: ", ".join(f"“{e}”" for e in r.examples)),
]


class ChoicesOverPreview(QSplitter):
    """The column choices (scrolling) above the preview: the dialog fits a laptop's screen at
    any text size, and the line between them can be dragged."""

    def __init__(self, choices: QWidget, preview: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.choices = QScrollArea(self)
        self.choices.setWidget(choices)
        self.choices.setWidgetResizable(True)
        self.choices.setFrameShape(QFrame.Shape.NoFrame)
        self.choices.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices inside
        self.addWidget(self.choices)
        self.addWidget(preview)

    def share_height(self) -> None:
        """The column choices get what they need, up to two fifths; the preview the rest."""
        inner = self.choices.widget()
        total = max(self.height(), self.sizeHint().height())
        wanted = inner.sizeHint().height() + 4 if inner is not None else total // 2
        top = min(wanted, total * 2 // 5)
        self.setSizes([top, total - top])


class PreviewPages(QTabWidget):
    """The rows as they will be stored, and (on the next page) how each column was read."""

    def __init__(self, preview: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.readings_model = RowTableModel(READING_COLUMNS, self)
        self.readings = QTableView(self)
        self.readings.setModel(self.readings_model)
        self.readings.setAccessibleName("What each column of the file was read as")
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.readings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.addTab(preview, "&Preview")  # the title says how many, once planned
        self.addTab(self.readings, "How each &column was read")

    def show_readings(self, readings: Sequence[Reading]) -> None:
        self.readings_model.set_rows(list(readings))
