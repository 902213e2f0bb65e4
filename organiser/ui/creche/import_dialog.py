"""The booking import dialog: which column holds what, a preview, and problems in words.

Reads CSV and Excel (.xlsx) exports. The import is one undoable step.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QGroupBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.core.creche import importing
from organiser.core.creche.import_columns import TARGETS, guess_mapping
from organiser.core.creche.importing import ImportPlan, PlannedBooking
from organiser.core.db import Store
from organiser.core.import_plans import refused_rows
from organiser.core.parsing import format_date
from organiser.core.tables import Table, read_table
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.fit import PairGrid
from organiser.ui.widgets.import_preview import ImportPreviewDialog

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


class ImportDialog(ImportPreviewDialog):
    """Map the file's columns, see the bookings as they will be stored, then import them all."""

    title = "Import bookings"
    noun = "booking"
    step_noun = "booking"
    preview_name = "Bookings as they will be stored"

    def __init__(
        self,
        runner: OpRunner,
        event_id: int,
        file_name: str,
        data: bytes,
        table: Table,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, event_id, data, table, parent)
        self.file_name = file_name
        self._error_rows: frozenset[int] = frozenset()
        self._chosen: set[str] = set()  # the details whose column the person chose
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self._start(guess_mapping(table), 1040, 720)

    def _make_mapping_area(self) -> QWidget:
        self.combos: dict[str, QComboBox] = {}
        columns = QGroupBox("Which column holds each detail", self)
        pairs = PairGrid(columns)
        QVBoxLayout(columns).addWidget(pairs)
        for target in TARGETS:
            combo = QComboBox(pairs)
            combo.setAccessibleName(target.label)
            # a long question as a column's name does not make the dialog wider than the screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            label = QLabel(target.label, pairs)
            label.setBuddy(combo)
            pairs.add_pair(label, combo)
            # _fill_columns blocks signals, so this hears only the person's choices
            combo.currentIndexChanged.connect(lambda _i, key=target.key: self._choose(key))
            self.combos[target.key] = combo
        return columns

    def _first_columns(self) -> list[Column]:
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

    def _choose(self, key: str) -> None:
        self._chosen.add(key)
        self.refresh()

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

    def _read(self, encoding: str | None) -> Table:
        return read_table(self.data, self.file_name, encoding=encoding)

    def _remap(self, previous: dict[str, str | None], table: Table) -> dict[str, str | None]:
        """The person's choices kept ("not in the file" too) where their column is still
        there; the other details guessed again from the file as now read."""
        kept = {
            k: v
            for k, v in previous.items()
            if k in self._chosen and (v is None or v in table.header)
        }
        taken = {v for v in kept.values() if v is not None}
        guessed = {k: (v if v not in taken else None) for k, v in guess_mapping(table).items()}
        return {**guessed, **kept}

    def _make_plan(self) -> ImportPlan:
        return importing.plan_for_event(
            self.runner.store, self.event_id, self.table, self.mapping()
        )

    def planned(self, plan: ImportPlan) -> Sequence[PlannedBooking]:
        return plan.bookings

    def _source_text(self) -> str:
        return f"{self.file_name}: {self.table.description}."

    def _show_rows(self, plan: ImportPlan | None, rows: Sequence[PlannedBooking]) -> None:
        self._error_rows = refused_rows(plan.errors) if plan else frozenset()
        self.model.set_rows(rows)

    def _apply(self, plan: ImportPlan, leave_out_refused: bool = False) -> Call:
        store, event_id = self.runner.store, self.event_id
        return lambda: importing.apply_import(
            store, event_id, plan, leave_out_refused=leave_out_refused
        )

    def _inverse(self) -> Inverse:
        return import_inverse(self.runner.store)
