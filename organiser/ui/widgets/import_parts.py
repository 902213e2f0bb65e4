"""Parts of an import dialog: the column choices over the preview (a line between them to drag),
and the preview beside how each column of the file was read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core.csvfiles import ENCODINGS, encoding_name
from organiser.core.import_plans import Reading
from organiser.ui.table_model import Column, RowTableModel

READING_COLUMNS = [
    Column("Column in the file", lambda r: r.column),
    Column("Read as", lambda r: r.meaning),
    Column("For example", lambda r: r.example_words()),
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


class RefusedPage(QWidget):
    """Each refused row and why, and a way to save them as a CSV to fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = QPlainTextEdit(self)
        self.errors.setReadOnly(True)
        self.errors.setAccessibleName("Refused rows")
        self.errors.setToolTip(
            "These rows cannot be imported as they are: fix them in the file (or change the "
            "column choices), or import the others and leave these out."
        )
        self.errors.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.save = QPushButton("&Save the refused rows to fix…", self)
        self.save.setAutoDefault(False)
        self.save.setToolTip(
            "A CSV file of the refused rows as they are in the file, each with why it was "
            "refused: fix them in a spreadsheet, then import that file."
        )
        self.label = QLabel("Fix them in the file, or import the others without them.", self)
        self.label.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.errors, 1)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.save)
        column.addLayout(row)


class PreviewPages(QTabWidget):
    """The rows as they will be stored; how each column was read; the refused rows and why
    (a page shown only when some are refused, and turned to when they first appear)."""

    def __init__(self, preview: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.readings_model = RowTableModel(READING_COLUMNS, self)
        self.readings = QTableView(self)
        self.readings.setModel(self.readings_model)
        self.readings.setAccessibleName("What each column of the file was read as")
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere
        header = self.readings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.refused = RefusedPage(self)
        self.addTab(preview, "&Preview")  # the title says how many, once planned
        self.addTab(self.readings, "How each &column was read")
        self.addTab(self.refused, "&Refused rows")
        self.setTabVisible(2, False)

    def show_readings(self, readings: Sequence[Reading]) -> None:
        self.readings_model.set_rows(list(readings))

    def show_refused(self, lines: Sequence[str], rows: int) -> None:
        """The refused rows in words; the page appears (and is turned to) when there are some."""
        was_shown = self.isTabVisible(2)
        self.refused.errors.setPlainText("\n".join(lines))
        self.setTabText(2, f"&Refused rows ({rows:,})")
        if not lines and self.currentIndex() == 2:
            self.setCurrentIndex(0)  # fixed: back to the rows as they will be stored
        self.setTabVisible(2, bool(lines))
        if lines and not was_shown:
            self.setCurrentIndex(2)


def fill_encodings(choices: QComboBox, label: QLabel, detected: str | None) -> None:
    """The encodings to choose from, the one found marked and chosen; hidden for a spreadsheet
    (it holds its own text)."""
    for widget in (choices, label):
        widget.setVisible(detected is not None)
    choices.setEnabled(detected is not None)
    if detected is None:
        return
    families = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
    found = families.get(detected, detected)
    for codec, name in ENCODINGS.items():
        choices.addItem(f"{name}, as found" if codec == found else name, codec)
    if found not in ENCODINGS:
        choices.insertItem(0, f"{encoding_name(detected)}, as found", detected)
    choices.setCurrentIndex(choices.findData(found if found in ENCODINGS else detected))
