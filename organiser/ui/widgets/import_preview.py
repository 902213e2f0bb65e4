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

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.errors import OrganiserError
from organiser.core.import_plans import Reading, refused_rows
from organiser.ui.csv_export import save_refused
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import RowTableModel
from organiser.ui.widgets.import_parts import ChoicesOverPreview, PreviewPages, fill_encodings

PREVIEW_ROWS = 200
ERRORS_SHOWN = 200


class ImportPreviewDialog(QDialog):
    """Map the file's columns, see the rows as they will be stored, then import them all.

    `plan` is the subclass's import plan: it has `ok`, `errors` (each with `words()`) and
    `summary()`; `planned(plan)` gives the rows it would store.
    """

    title = "Import"
    noun = "row"  # what the preview and the Import button count
    step_noun = "row"  # what the undoable step counts
    preview_name = "Rows as they will be stored"
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
        self.preview.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere
        self.pages = PreviewPages(self.preview, self)
        self.readings = self.pages.readings
        self.errors, self.save_refused = self.pages.refused.errors, self.pages.refused.save
        self.save_refused.clicked.connect(self.save_refused_rows)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("What else to know about this file")
        extra = self._make_extra_widgets()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the import will do")
        self.import_button = QPushButton("&Import", self)
        self.import_button.setDefault(True)  # Enter in a column's choice imports, nothing else
        self.import_button.clicked.connect(self.do_import)
        self.import_good = QPushButton("Import the &others", self)
        self.import_good.setAutoDefault(False)
        self.import_good.setToolTip("Import the rows that can be imported; leave out the refused")
        self.import_good.clicked.connect(self.do_import_good)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_good)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        self.body = body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding_label)
        encoding_row.addWidget(self.encoding, 1)
        layout.addLayout(encoding_row)
        self.split = ChoicesOverPreview(mapping_area, self.pages, self)
        self.split.setStretchFactor(0, self.mapping_stretch)
        self.split.setStretchFactor(1, self.preview_stretch)
        layout.addWidget(self.split, 1)
        for widget in (self.notes, *extra, self.summary):
            layout.addWidget(widget)
        # Room for a few rows of the preview even at 200% text on a laptop's screen.
        self.split.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        outer = QVBoxLayout(self)
        outer.addWidget(body, 1)
        outer.addLayout(buttons)

    def _start(self, mapping: dict[str, Any], width: int, height: int) -> None:
        """Fill the lists, follow the encoding, size the dialog and show the first plan."""
        self._fill_encodings()
        self._fill_columns(mapping)
        self.encoding.currentIndexChanged.connect(self._reread)
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.95
        # Wider with larger text, as far as the screen allows.
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 40
        text = self.fontMetrics().averageCharWidth() * 100
        wanted = max(width, self.body.sizeHint().width() + margins, text)
        self.resize(min(wanted, room.width()), min(height, room.height()))
        self.refresh()
        self.split.share_height()

    # What a subclass supplies.

    def _make_mapping_area(self) -> QWidget:
        """The box of column choices, made before the preview (so Tab reaches it first)."""
        raise NotImplementedError

    def _make_extra_widgets(self) -> Sequence[QWidget]:
        """Widgets shown between the notes and the summary."""
        return ()

    def _first_columns(self) -> list[Any]:
        """The preview's columns before the first plan."""
        return []

    def _fill_encodings(self) -> None:
        fill_encodings(self.encoding, self.encoding_label, self.table.encoding)

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
        return f"{count:,} {word}{'s' if count != 1 else ''}"

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
        shown = (
            f"{PREVIEW_ROWS} of {len(rows):,}"
            if len(rows) > PREVIEW_ROWS
            else self._plural(len(rows), self.noun)
        )
        self.pages.setTabText(0, f"&Preview ({shown})")
        errors = list(plan.errors) if plan else []
        lines = [e.words() for e in errors[:ERRORS_SHOWN]]
        if len(errors) > ERRORS_SHOWN:
            lines.append(f"… and {len(errors) - ERRORS_SHOWN:,} more (Save keeps them all).")
        self.pages.show_refused(lines, len(refused_rows(errors)))
        readings: Sequence[Reading] = plan.readings() if plan else ()
        self.pages.show_readings(readings)
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
            f"Import the {good:,} &other {self.noun}"
            f"{'s' if good != 1 else ''}, leave out the refused rows"
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
        try:
            path = save_refused(self, self.table, plan.errors)
        except OrganiserError as exc:
            self.summary.setText(f"⚠ {exc}")
            return None
        if path is not None:
            rows = len(refused_rows(plan.errors))
            self.summary.setText(
                f"{self._plural(rows, 'refused row')} saved to {path}: fix them there, then "
                "import that file."
            )
        return path
