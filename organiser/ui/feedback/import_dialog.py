"""The feedback import dialog: which question each column answers, a preview, problems in words.

The column choices come from the last import of the same online form, else from guesses. Answers
not among a choice question's choices (a new event's services question has none yet) can be
added as choices in one click, itself an undoable step. Nothing is imported while any row has an
error, unless the person leaves the refused rows out; the import is one undoable step.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QWidget,
)

from organiser.core.errors import OrganiserError
from organiser.core.feedback import importing
from organiser.core.feedback.export import local_time
from organiser.core.feedback.form import Question, list_questions
from organiser.core.feedback.import_columns import RECEIVED, ColumnMap, questions_for
from organiser.core.feedback.import_file import OTHER, form_of
from organiser.core.feedback.import_mapping import guess_mapping, suggest_mapping
from organiser.core.feedback.import_shapes import column_label, grid_columns, read_responses
from organiser.core.feedback.import_undo import undo_choices, undo_import
from organiser.core.feedback.importing import ImportPlan, PlannedResponse
from organiser.core.tables import Table
from organiser.core.words import plural
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.import_preview import ImportPreviewDialog

DO_NOT_IMPORT = "Do not import"
WHEN_SENT = "When it was sent"
ADD_CHOICES = "Add the file's &answers as choices"
_SHORT = 70  # characters of a question shown in a list


def import_inverse(runner: OpRunner) -> Inverse:
    """Import ↔ remove the responses it added and put back the ones it updated."""
    return partial(undo_import, runner.store)


def choices_inverse(runner: OpRunner) -> Inverse:
    """Choices added from a file ↔ taken off again (exactly those; others' edits stay)."""
    return partial(undo_choices, runner.store)


def _answer(question_id: int, row: PlannedResponse) -> str:
    return row.answers.get(question_id, "")


def _answer_line(question_id: int, row: PlannedResponse) -> str:
    return _answer(question_id, row).replace("\n", "; ")


def _short(text: str, most: int = _SHORT) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


class ImportDialog(ImportPreviewDialog):
    """Choose the question of each column, see the responses as they will be stored, import."""

    title = "Import feedback responses"
    noun = "response"
    step_noun = "feedback response"
    preview_name = "Responses as they will be stored"
    mapping_stretch = 1
    preview_stretch = 2

    def __init__(
        self,
        runner: OpRunner,
        event_id: int,
        data: bytes,
        table: Table,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, event_id, data, table, parent)
        self.questions: list[Question] = list_questions(runner.store, event_id)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(190)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        mapping, self.remembered = suggest_mapping(runner.store, event_id, table.header)
        self._start(mapping, 1000, 760)

    def _make_mapping_area(self) -> QWidget:
        self.combos: dict[str, QComboBox] = {}
        self.columns_box = QGroupBox("Which question each column of the file answers", self)
        # The dialog scrolls the box (and Tab scrolls each column's choice into view).
        self.grid = QGridLayout(self.columns_box)
        return self.columns_box

    def _make_extra_widgets(self) -> Sequence[QWidget]:
        self.add_choices = QPushButton(ADD_CHOICES, self)
        self.add_choices.setAutoDefault(False)
        self.add_choices.setToolTip(
            "Add the answers found in the file to the questions' choices on the form (undo "
            "takes them off again), then import the rows."
        )
        self.add_choices.clicked.connect(self.add_file_choices)
        self.choices_row = QWidget(self)
        row = QHBoxLayout(self.choices_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_choices)
        row.addStretch()
        self.choices_row.setVisible(False)
        return (self.choices_row,)

    def _fill_columns(self, chosen: ColumnMap) -> None:
        """One list per column of the file, set to its question."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = {}
        parent = self.grid.parentWidget()
        grids = grid_columns(self.table.header)
        for row, column in enumerate(self.table.header):
            combo = QComboBox(parent)
            combo.setAccessibleName(f"Question for the column {column}")
            combo.setToolTip(column)
            combo.addItem(DO_NOT_IMPORT, None)
            combo.addItem(WHEN_SENT, RECEIVED)
            for question in questions_for(column, self.questions):
                combo.addItem(_short(question.text), question.id)
            combo.setCurrentIndex(max(combo.findData(chosen.get(column)), 0))
            # a column named "Q&A session" is shown as it is, not as an Alt+A key
            label = QLabel(_short(column_label(column, grids)).replace("&", "&&"), parent)
            label.setToolTip(column_label(column, grids))
            label.setBuddy(combo)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            combo.currentIndexChanged.connect(self.refresh)
            self.combos[column] = combo
        self.grid.setColumnStretch(1, 1)
        chain = [
            self.encoding,
            *self.combos.values(),
            self.pages.tabBar(),
            self.preview,
            self.readings,
            self.errors,
            self.save_refused,
            self.add_choices,
            self.import_good,
        ]
        for first, second in itertools.pairwise([*chain, self.import_button]):
            QWidget.setTabOrder(first, second)  # the lists are made last; Tab goes down the page

    def mapping(self) -> ColumnMap:
        """The question chosen for each column (None: not imported)."""
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def _read(self, encoding: str | None) -> Table:
        return read_responses(self.data, self.table.name, encoding=encoding)

    def _remap(self, previous: ColumnMap, table: Table) -> ColumnMap:
        kept = {k: v for k, v in previous.items() if k in table.header}
        return {**guess_mapping(table.header, self.questions), **kept}

    def _make_plan(self) -> ImportPlan:
        return importing.plan_for_event(
            self.runner.store, self.event_id, self.table, self.mapping()
        )

    def planned(self, plan: ImportPlan) -> Sequence[PlannedResponse]:
        return plan.rows

    def _source_text(self) -> str:
        how = (
            "The column choices from the last import of this form are filled in."
            if self.remembered
            else "The column choices are guesses from the headings: check them."
        )
        return (
            f"{self.table.name}: {self.table.description}. This looks like a "
            f"{form_of(self.table)} export. {how}"
            if form_of(self.table) != OTHER
            else f"{self.table.name}: {self.table.description}. {how}"
        )

    def _preview_columns(self, plan: ImportPlan) -> list[Column]:
        by_id = {q.id: q for q in self.questions}
        shown = [
            by_id[int(target)]
            for target in plan.mapping.values()
            if target not in (None, RECEIVED) and int(target) in by_id
        ]
        columns = [
            Column("Row", lambda r: str(r.row), align_right=True),
            Column("Received", lambda r: local_time(r.received_at) if r.received_at else ""),
        ]
        if plan.updates:
            columns.append(
                Column(
                    "New or edited",
                    lambda r: "Edited: replaces the one imported" if r.updates else "New",
                )
            )
        for question in shown:
            columns.append(
                Column(
                    question.text,
                    partial(_answer_line, question.id),
                    tooltip=partial(_answer, question.id),
                )
            )
        return columns

    def _show_rows(self, plan: ImportPlan | None, rows: Sequence[PlannedResponse]) -> None:
        old = self.model
        self.model = RowTableModel(self._preview_columns(plan) if plan else [], self)
        self.model.set_rows(rows)
        self.preview.setModel(self.model)
        old.deleteLater()
        self.preview.setColumnWidth(0, 60)
        self.preview.setColumnWidth(1, 150)

    def _show_details(self, plan: ImportPlan | None) -> None:
        additions = plan.choices_to_add if plan else {}
        count = sum(len(v) for v in additions.values())
        self.choices_row.setVisible(bool(count))
        self.add_choices.setText(f"{ADD_CHOICES} ({count:,})" if count else ADD_CHOICES)

    def add_file_choices(self) -> None:
        """Add the file's answers to the questions' choices (one undoable step), then plan
        again: the rows they refused can now be imported."""
        plan = self.plan
        if plan is None or not plan.choices_to_add:
            return
        store, event_id, additions = self.runner.store, self.event_id, dict(plan.choices_to_add)
        count = sum(len(v) for v in additions.values())
        try:
            self.runner.push(
                f"Add {plural(count, 'choice')} from {self.table.name or 'the file'}",
                lambda: importing.add_choices(store, event_id=event_id, additions=additions),
                choices_inverse(self.runner),
                quiet=True,
            )
        except OrganiserError as exc:
            self.summary.setText(f"⚠ {exc}")
            return
        self.questions = list_questions(store, event_id)
        self.refresh()

    def _apply(self, plan: ImportPlan, leave_out_refused: bool = False) -> Call:
        store, event_id = self.runner.store, self.event_id
        return lambda: importing.apply_import(
            store, event_id, plan, leave_out_refused=leave_out_refused
        )

    def _inverse(self) -> Inverse:
        return import_inverse(self.runner)
