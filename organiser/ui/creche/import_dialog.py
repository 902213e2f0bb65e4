"""The booking import dialog: which column holds what, a preview, and problems in words.

Nothing is imported while any row has an error; the import is one undoable step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.creche import importing
from organiser.core.creche.import_columns import TARGETS, guess_mapping
from organiser.core.creche.importing import ImportPlan, PlannedBooking
from organiser.core.csvfiles import ENCODINGS, CsvTable, read_csv
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.parsing import format_date
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import Column, RowTableModel

PREVIEW_ROWS = 200
ERRORS_SHOWN = 200
NOT_IN_FILE = "(not in the file)"


def import_inverse(store: Store) -> Inverse:
    """Import ↔ remove the bookings it added (kept, so redo brings the same ones back)."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            saved = changes.snapshot
            return lambda: importing.restore_imported(store, snapshot=saved)
        event_id, ids = changes.event_id, list(changes.previous["created_ids"])
        assert event_id is not None
        return lambda: importing.remove_imported(store, event_id=event_id, booking_ids=ids)

    return inverse


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


class ImportDialog(QDialog):
    """Map the file's columns, see the bookings as they will be stored, then import them all."""

    def __init__(
        self,
        runner: OpRunner,
        event_id: int,
        file_name: str,
        data: bytes,
        table: CsvTable,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id = event_id
        self.data = data
        self.table = table
        self.plan: ImportPlan | None = None
        self.imported: Changes | None = None
        self._error_rows: set[int] = set()
        self.setWindowTitle("Import bookings")
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.file_name = file_name
        self.encoding = QComboBox(self)
        self.encoding.setAccessibleName("Text encoding")
        encoding_label = QLabel("Text &encoding (change it if letters look wrong):", self)
        encoding_label.setBuddy(self.encoding)
        self.combos: dict[str, QComboBox] = {}
        columns = QGroupBox("Which column holds each detail", self)
        grid = QGridLayout(columns)
        for number, target in enumerate(TARGETS):
            combo = QComboBox(columns)
            combo.setAccessibleName(target.label)
            label = QLabel(target.label, columns)
            label.setBuddy(combo)
            row, pair = divmod(number, 2)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(combo, row, pair * 2 + 1)
            self.combos[target.key] = combo
        self.model = RowTableModel(self._columns(), self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setAccessibleName("Bookings as they will be stored")
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.preview_label = QLabel("&Preview", self)
        self.preview_label.setBuddy(self.preview)
        self.errors = QPlainTextEdit(self)
        self.errors.setReadOnly(True)
        self.errors.setAccessibleName("Rows with an error")
        self.errors.setMaximumHeight(110)
        self.errors_label = QLabel("Rows with an e&rror", self)
        self.errors_label.setBuddy(self.errors)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the import will do")
        self.import_button = QPushButton("&Import", self)
        self.import_button.clicked.connect(self.do_import)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(encoding_label)
        encoding_row.addWidget(self.encoding, 1)
        layout.addLayout(encoding_row)
        layout.addWidget(columns)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        for widget in (self.errors_label, self.errors, self.summary):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._fill_encodings()
        self._fill_columns(guess_mapping(table.header))
        self.encoding.currentIndexChanged.connect(self._reread)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.refresh)
        self.resize(960, 720)
        self.refresh()

    def _columns(self) -> list[Column]:
        def flagged(b: PlannedBooking) -> bool:
            return bool(self._error_rows.intersection(b.rows))

        return [
            Column("Row", lambda b: ("⚠ " if flagged(b) else "") + b.row_words, warn=flagged),
            Column("Name", lambda b: b.name),
            Column("Contact", lambda b: b.contact),
            Column("Adults", lambda b: str(b.adults), align_right=True),
            Column("Children", lambda b: str(b.children), align_right=True),
            Column("Status", lambda b: b.status),
            Column("Access needs", lambda b: b.access_needs),
            Column("How they heard", lambda b: b.heard_from),
            Column(
                "Future contact",
                lambda b: (
                    f"Yes, {format_date(b.contact_consent_date)}" if b.contact_consent else "No"
                ),
            ),
            Column("Notes", lambda b: b.notes.replace("\n", " ")),
            Column("Reference", lambda b: b.source_ref),
        ]

    def _fill_encodings(self) -> None:
        detected = self.table.encoding
        family = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
        found = family.get(detected, detected)
        for codec, name in ENCODINGS.items():
            if codec == found:
                self.encoding.addItem(f"{name}, as found", detected)
            else:
                self.encoding.addItem(name, codec)
        if found not in ENCODINGS:
            self.encoding.insertItem(0, f"{detected}, as found", detected)
        self.encoding.setCurrentIndex(self.encoding.findData(detected))

    def _fill_columns(self, chosen: dict[str, str | None]) -> None:
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_IN_FILE, None)
            for column in self.table.header:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(combo.findData(chosen.get(key)), 0))
            combo.blockSignals(False)

    def mapping(self) -> dict[str, str | None]:
        """The column chosen for each detail (None: not in the file)."""
        return {key: combo.currentData() for key, combo in self.combos.items()}

    def _reread(self) -> None:
        """Read the file again in the encoding the person chose, keeping their column choices."""
        try:
            table = read_csv(self.data, encoding=self.encoding.currentData())
        except OrganiserError as exc:
            self._show(None, str(exc))
            return
        previous, self.table = self.mapping(), table
        kept = {k: v for k, v in previous.items() if v in table.header}
        self._fill_columns({**guess_mapping(table.header), **kept})
        self.refresh()

    def refresh(self) -> None:
        """Plan the import again with the current choices and show what it would do."""
        try:
            plan = importing.plan_for_event(
                self.runner.store, self.event_id, self.table, self.mapping()
            )
        except OrganiserError as exc:
            self._show(None, str(exc))
            return
        self._show(plan, plan.summary())

    def _show(self, plan: ImportPlan | None, summary: str) -> None:
        self.plan = plan
        self.source.setText(f"{self.file_name}: {self.table.describe()}.")
        errors = list(plan.errors) if plan else []
        self._error_rows = {e.row for e in errors}
        bookings = plan.bookings if plan else ()
        self.model.set_rows(bookings[:PREVIEW_ROWS])
        self.preview_label.setText(
            f"&Preview: the first {PREVIEW_ROWS} of {_plural(len(bookings), 'booking')}, "
            "as they will be stored"
            if len(bookings) > PREVIEW_ROWS
            else "&Preview: the bookings as they will be stored"
        )
        lines = [e.words() for e in errors[:ERRORS_SHOWN]]
        if len(errors) > ERRORS_SHOWN:
            lines.append(f"… and {len(errors) - ERRORS_SHOWN} more.")
        self.errors.setPlainText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        self.errors_label.setVisible(bool(lines))
        self.summary.setText(summary if plan and plan.ok else f"⚠ {summary}")
        can_import = plan is not None and plan.ok and bool(plan.bookings)
        self.import_button.setEnabled(can_import)
        self.import_button.setText(
            f"&Import {_plural(len(bookings), 'booking')}" if can_import else "&Import"
        )

    def do_import(self) -> None:
        """Import every planned booking as one undoable step, then close."""
        plan = self.plan
        if plan is None or not plan.ok or not plan.bookings:
            return
        store, event_id = self.runner.store, self.event_id
        try:
            self.imported = self.runner.push(
                f"Import {_plural(len(plan.bookings), 'booking')}",
                lambda: importing.apply_import(store, event_id, plan),
                import_inverse(store),
                quiet=True,
            )
        except OrganiserError as exc:
            self.refresh()
            self.summary.setText(f"⚠ {exc}")
            return
        self.accept()
