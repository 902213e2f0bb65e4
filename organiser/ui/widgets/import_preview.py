"""The shared shape of an import dialog: which column holds what, a preview, problems in words.

A subclass supplies the column choices, reading the file and planning the import; this base lays
out the source line, the text encoding, the preview beside what each column was read as, the
refused rows (which can be saved as a CSV to fix), what else to know, the summary and the
buttons. The plan is an organiser.core.import_plans.Plan. Import takes every row when none is
refused; "Import …, leave out refused" takes the good ones. Either is one undoable step.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
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

from organiser.core.changes import Changes
from organiser.core.errors import OrganiserError
from organiser.core.files import atomic_write
from organiser.core.import_plans import Reading, refused_csv
from organiser.ui.csv_export import documents_folder
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import Column, RowTableModel

PREVIEW_ROWS = 200
ERRORS_SHOWN = 200
READING_COLUMNS = [
    Column("Column in the file", lambda r: r.column),
    Column("Read as", lambda r: r.meaning),
    Column("For example", lambda r: ", ".join(f"“{e}”" for e in r.examples)),
]


class ImportPreviewDialog(QDialog):
    """Map the file's columns, see the rows as they will be stored, then import them all.

    `plan` is the subclass's import plan: it has `ok`, `errors` (each with `words()`) and
    `summary()`; `planned(plan)` gives the rows it would store.
    """

    title = "Import"
    noun = "row"  # what the preview and the Import button count
    step_noun = "row"  # what the undoable step counts
    preview_name = "Rows as they will be stored"
    count_format = "{}"
    mapping_stretch = 0
    preview_stretch = 1

    def __init__(
        self,
        runner: OpRunner,
        event_id: int,
        data: bytes,
        table: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id = event_id
        self.data = data
        self.table = table
        self.plan: Any = None
        self.imported: Changes | None = None
        self.setWindowTitle(self.title)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.encoding = QComboBox(self)
        self.encoding.setAccessibleName("Text encoding")
        self.encoding_label = QLabel("Text &encoding (change it if letters look wrong):", self)
        self.encoding_label.setBuddy(self.encoding)
        mapping_area = self._make_mapping_area()
        self.model = RowTableModel(self._first_columns(), self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setAccessibleName(self.preview_name)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings_model = RowTableModel(READING_COLUMNS, self)
        self.readings = QTableView(self)
        self.readings.setModel(self.readings_model)
        self.readings.setAccessibleName("What each column of the file was read as")
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.readings.horizontalHeader().setStretchLastSection(True)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.preview, "&Preview")  # the title says how many, once planned
        self.pages.addTab(self.readings, "How each &column was read")
        self.errors = QPlainTextEdit(self)
        self.errors.setReadOnly(True)
        self.errors.setAccessibleName("Rows with an error")
        self.errors.setMaximumHeight(110)
        self.errors_label = QLabel("Rows with an e&rror", self)
        self.errors_label.setBuddy(self.errors)
        self.save_refused = QPushButton("&Save the refused rows to fix…", self)
        self.save_refused.setToolTip(
            "A CSV file of the refused rows as they are in the file, each with why it was "
            "refused: fix them in a spreadsheet, then import that file."
        )
        self.save_refused.clicked.connect(self.save_refused_rows)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("What else to know about this file")
        extra = self._make_extra_widgets()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the import will do")
        self.import_button = QPushButton("&Import", self)
        self.import_button.clicked.connect(self.do_import)
        self.import_good = QPushButton("Import the &others", self)
        self.import_good.setToolTip("Import the rows that can be imported; leave out the refused")
        self.import_good.clicked.connect(self.do_import_good)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_good)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding_label)
        encoding_row.addWidget(self.encoding, 1)
        layout.addLayout(encoding_row)
        # The column choices scroll, and the line between them and the preview can be dragged,
        # so the dialog fits a laptop's screen at any text size.
        scroll = QScrollArea(self)
        scroll.setWidget(mapping_area)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(scroll)
        self.split.addWidget(self.pages)
        self.split.setStretchFactor(0, self.mapping_stretch)
        self.split.setStretchFactor(1, self.preview_stretch)
        layout.addWidget(self.split, 1)
        errors_row = QHBoxLayout()
        errors_row.addWidget(self.errors_label, 1)
        errors_row.addWidget(self.save_refused)
        layout.addLayout(errors_row)
        for widget in (self.errors, self.notes, *extra, self.summary):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def _start(self, mapping: dict[str, Any], width: int, height: int) -> None:
        """Fill the lists, follow the encoding, size the dialog and show the first plan."""
        self._fill_encodings()
        self._fill_columns(mapping)
        self.encoding.currentIndexChanged.connect(self._reread)
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.95
        self.resize(min(width, room.width()), min(height, room.height()))
        self.refresh()
        self._share_height()

    def _share_height(self) -> None:
        """The column choices get what they need, up to two fifths; the preview the rest."""
        scroll = self.split.widget(0)
        inner = scroll.widget() if isinstance(scroll, QScrollArea) else None
        total = max(self.split.height(), self.split.sizeHint().height())
        wanted = inner.sizeHint().height() + 4 if inner is not None else total // 2
        top = min(wanted, total * 2 // 5)
        self.split.setSizes([top, total - top])

    # What a subclass supplies.

    def _make_mapping_area(self) -> QWidget:
        """The box of column choices, made before the preview (so Tab reaches it first)."""
        raise NotImplementedError

    def _make_extra_widgets(self) -> Sequence[QWidget]:
        """Widgets shown between the rows with an error and the summary."""
        return ()

    def _first_columns(self) -> list[Any]:
        """The preview's columns before the first plan."""
        return []

    def _fill_encodings(self) -> None:
        raise NotImplementedError

    def _fill_columns(self, chosen: dict[str, Any]) -> None:
        raise NotImplementedError

    def mapping(self) -> dict[str, Any]:
        """The current column choices."""
        raise NotImplementedError

    def _read(self, encoding: str | None) -> Any:
        """The file read again in `encoding`."""
        raise NotImplementedError

    def _remap(self, previous: dict[str, Any], table: Any) -> dict[str, Any]:
        """The column choices for a table read again, keeping the person's where they still fit."""
        raise NotImplementedError

    def _make_plan(self) -> Any:
        """The import planned with the current choices (may raise OrganiserError)."""
        raise NotImplementedError

    def planned(self, plan: Any) -> Sequence[Any]:
        """The rows `plan` would store."""
        raise NotImplementedError

    def _source_text(self) -> str:
        raise NotImplementedError

    def _show_rows(self, plan: Any, rows: Sequence[Any]) -> None:
        """Show `rows` (the first of the plan's) in the preview."""
        self.model.set_rows(rows)

    def _show_details(self, plan: Any) -> None:
        """Update the extra widgets for `plan` (None: it could not be planned)."""

    def _apply(self, plan: Any, leave_out_refused: bool) -> Call:
        """The call that stores `plan` (without its refused rows when `leave_out_refused`)."""
        raise NotImplementedError

    def _inverse(self) -> Inverse:
        raise NotImplementedError

    # The shared behaviour.

    def _plural(self, count: int, word: str) -> str:
        return f"{self.count_format.format(count)} {word}{'s' if count != 1 else ''}"

    def _reread(self) -> None:
        """Read the file again in the encoding the person chose, keeping their column choices."""
        try:
            table = self._read(self.encoding.currentData())
        except OrganiserError as exc:
            self._show(None, str(exc))
            return
        previous, self.table = self.mapping(), table
        self._fill_columns(self._remap(previous, table))
        self.refresh()

    def refresh(self) -> None:
        """Plan the import again with the current choices and show what it would do."""
        try:
            plan = self._make_plan()
        except OrganiserError as exc:
            self._show(None, str(exc))
            return
        self._show(plan, plan.summary())

    def _show(self, plan: Any, summary: str) -> None:
        self.plan = plan
        self.source.setText(self._source_text())
        rows = self.planned(plan) if plan else ()
        self._show_rows(plan, rows[:PREVIEW_ROWS])
        self.pages.setTabText(
            0,
            f"&Preview: the first {PREVIEW_ROWS} of {self._plural(len(rows), self.noun)}, "
            "as they will be stored"
            if len(rows) > PREVIEW_ROWS
            else f"&Preview: the {self.noun}s as they will be stored",
        )
        errors = list(plan.errors) if plan else []
        lines = [e.words() for e in errors[:ERRORS_SHOWN]]
        if len(errors) > ERRORS_SHOWN:
            lines.append(f"… and {len(errors) - ERRORS_SHOWN} more.")
        self.errors.setPlainText("\n".join(lines))
        for widget in (self.errors, self.errors_label, self.save_refused):
            widget.setVisible(bool(lines))
        readings: Sequence[Reading] = plan.readings() if plan else ()
        self.readings_model.set_rows(list(readings))
        notes = list(plan.notes()) if plan else []
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self._show_details(plan)
        self.summary.setText(summary if plan and plan.ok else f"⚠ {summary}")
        can_import = plan is not None and plan.ok and bool(rows)
        self.import_button.setEnabled(can_import)
        self.import_button.setText(
            f"&Import {self._plural(len(rows), self.noun)}" if can_import else "&Import"
        )
        good = plan.good_count() if plan is not None and not plan.problems and errors else 0
        self.import_good.setVisible(bool(good))
        self.import_good.setText(
            f"Import the &other {self._plural(good, self.noun)}, leave out the refused"
        )

    def do_import(self) -> None:
        """Import every planned row as one undoable step, then close."""
        plan = self.plan
        if plan is None or not plan.ok or not self.planned(plan):
            return
        self._store(plan, len(self.planned(plan)), leave_out_refused=False)

    def do_import_good(self) -> None:
        """Import the rows that can be, leaving out the refused ones, as one undoable step."""
        plan = self.plan
        if plan is None or plan.problems or not plan.good_count():
            return
        self._store(plan, plan.good_count(), leave_out_refused=True)

    def _store(self, plan: Any, count: int, *, leave_out_refused: bool) -> None:
        try:
            self.imported = self.runner.push(
                f"Import {self._plural(count, self.step_noun)}",
                self._apply(plan, leave_out_refused),
                self._inverse(),
                quiet=True,
            )
        except OrganiserError as exc:
            self.refresh()
            self.summary.setText(f"⚠ {exc}")
            return
        self.accept()

    def save_refused_rows(self) -> Path | None:
        """Save the refused rows, as they are in the file with why, to a CSV file to fix."""
        plan = self.plan
        if plan is None or not plan.errors:
            return None
        name = Path(getattr(self.table, "name", "") or "import").stem
        suggested = documents_folder() / f"{name} - refused rows.csv"
        picked, _ = QFileDialog.getSaveFileName(
            self, "Save the refused rows", str(suggested), "CSV files (*.csv)"
        )
        if not picked:
            return None
        path = Path(picked)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            atomic_write(path, refused_csv(self.table, plan.errors))
        except OrganiserError as exc:
            self.summary.setText(f"⚠ {exc}")
            return None
        rows = len({e.row for e in plan.errors})
        self.summary.setText(
            f"{self._plural(rows, 'refused row')} saved to {path}: fix them there, then import "
            "that file."
        )
        return path
