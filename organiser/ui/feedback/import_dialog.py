"""The feedback import dialog: which question each column answers, a preview, problems in words.

The column choices come from the last import of the same online form, else from guesses. Nothing
is imported while any row has an error; the import is one undoable step.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
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
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.csvfiles import ENCODINGS
from organiser.core.errors import OrganiserError
from organiser.core.feedback import importing
from organiser.core.feedback.export import local_time
from organiser.core.feedback.form import Question, list_questions
from organiser.core.feedback.import_file import ResponseTable, read_table
from organiser.core.feedback.import_mapping import (
    RECEIVED,
    ColumnMap,
    guess_mapping,
    questions_for,
    suggest_mapping,
)
from organiser.core.feedback.importing import ImportPlan, PlannedResponse
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.table_model import Column, RowTableModel

PREVIEW_ROWS = 200
ERRORS_SHOWN = 200
DO_NOT_IMPORT = "Do not import"
WHEN_SENT = "When it was sent"
_SHORT = 70  # characters of a question shown in a list


def import_inverse(runner: OpRunner) -> Inverse:
    """Import ↔ remove the responses it added (kept, so redo brings the same ones back)."""
    store = runner.store

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            saved = changes.snapshot
            return lambda: importing.restore_imported(store, snapshot=saved)
        event_id, ids = changes.event_id, list(changes.previous["created_ids"])
        assert event_id is not None
        return lambda: importing.remove_imported(store, event_id=event_id, response_ids=ids)

    return inverse


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'s' if count != 1 else ''}"


def _short(text: str, most: int = _SHORT) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


class ImportDialog(QDialog):
    """Choose the question of each column, see the responses as they will be stored, import."""

    def __init__(
        self,
        runner: OpRunner,
        event_id: int,
        data: bytes,
        table: ResponseTable,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id = event_id
        self.data = data
        self.table = table
        self.plan: ImportPlan | None = None
        self.imported: Changes | None = None
        self.questions: list[Question] = list_questions(runner.store, event_id)
        self.setWindowTitle("Import feedback responses")
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.encoding = QComboBox(self)
        self.encoding.setAccessibleName("Text encoding")
        self.encoding_label = QLabel("Text &encoding (change it if letters look wrong):", self)
        self.encoding_label.setBuddy(self.encoding)
        self.combos: dict[str, QComboBox] = {}
        self.columns_box = QGroupBox("Which question each column of the file answers", self)
        self.grid = QGridLayout()
        inner = QWidget(self)
        inner.setLayout(self.grid)
        scroll = QScrollArea(self.columns_box)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(180)
        box_layout = QVBoxLayout(self.columns_box)
        box_layout.addWidget(scroll)
        self.model = RowTableModel([], self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setAccessibleName("Responses as they will be stored")
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(190)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.preview_label = QLabel("&Preview", self)
        self.preview_label.setBuddy(self.preview)
        self.errors = QPlainTextEdit(self)
        self.errors.setReadOnly(True)
        self.errors.setAccessibleName("Rows with an error")
        self.errors.setMaximumHeight(110)
        self.errors_label = QLabel("Rows with an e&rror", self)
        self.errors_label.setBuddy(self.errors)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAccessibleName("What is left out")
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
        encoding_row.addWidget(self.encoding_label)
        encoding_row.addWidget(self.encoding, 1)
        layout.addLayout(encoding_row)
        layout.addWidget(self.columns_box, 1)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 2)
        for widget in (self.errors_label, self.errors, self.details, self.summary):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._fill_encodings()
        mapping, self.remembered = suggest_mapping(runner.store, event_id, table.header)
        self._fill_columns(mapping)
        self.encoding.currentIndexChanged.connect(self._reread)
        self.resize(1000, 760)
        self.refresh()

    def _fill_encodings(self) -> None:
        detected = self.table.encoding
        is_csv = detected is not None
        self.encoding.setVisible(is_csv)
        self.encoding_label.setVisible(is_csv)
        if detected is None:
            return
        family = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
        found = family.get(detected, detected)
        for codec, name in ENCODINGS.items():
            self.encoding.addItem(f"{name}, as found" if codec == found else name, codec)
        if found not in ENCODINGS:
            self.encoding.insertItem(0, f"{detected}, as found", detected)
        index = self.encoding.findData(found if found in ENCODINGS else detected)
        self.encoding.setCurrentIndex(index)

    def _fill_columns(self, chosen: ColumnMap) -> None:
        """One list per column of the file, set to its question."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = {}
        parent = self.grid.parentWidget()
        for row, column in enumerate(self.table.header):
            combo = QComboBox(parent)
            combo.setAccessibleName(f"Question for the column {column}")
            combo.setToolTip(column)
            combo.addItem(DO_NOT_IMPORT, None)
            combo.addItem(WHEN_SENT, RECEIVED)
            for question in questions_for(column, self.questions):
                combo.addItem(_short(question.text), question.id)
            combo.setCurrentIndex(max(combo.findData(chosen.get(column)), 0))
            label = QLabel(_short(column), parent)
            label.setToolTip(column)
            label.setBuddy(combo)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            combo.currentIndexChanged.connect(self.refresh)
            self.combos[column] = combo
        self.grid.setColumnStretch(1, 1)
        chain = [self.encoding, *self.combos.values(), self.preview, self.errors]
        for first, second in itertools.pairwise([*chain, self.import_button]):
            QWidget.setTabOrder(first, second)  # the lists are made last; Tab goes down the page

    def mapping(self) -> ColumnMap:
        """The question chosen for each column (None: not imported)."""
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def _reread(self) -> None:
        """Read the file again in the encoding the person chose, keeping their column choices."""
        try:
            table = read_table(self.data, self.table.name, encoding=self.encoding.currentData())
        except OrganiserError as exc:
            self._show(None, str(exc))
            return
        previous, self.table = self.mapping(), table
        kept = {k: v for k, v in previous.items() if k in table.header}
        self._fill_columns({**guess_mapping(table.header, self.questions), **kept})
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
        for question in shown:
            columns.append(
                Column(
                    question.text,
                    lambda r, qid=question.id: r.answers.get(qid, "").replace("\n", "; "),
                    tooltip=lambda r, qid=question.id: r.answers.get(qid, ""),
                )
            )
        return columns

    def _show(self, plan: ImportPlan | None, summary: str) -> None:
        self.plan = plan
        how = (
            "The column choices from the last import of this form are filled in."
            if self.remembered
            else "The column choices are guesses from the headings: check them."
        )
        self.source.setText(
            f"{self.table.name}: {self.table.description}. This looks like a "
            f"{self.table.form} export. {how}"
            if self.table.form != "Online form"
            else f"{self.table.name}: {self.table.description}. {how}"
        )
        rows: tuple[PlannedResponse, ...] = plan.rows if plan else ()
        old = self.model
        self.model = RowTableModel(self._preview_columns(plan) if plan else [], self)
        self.model.set_rows(rows[:PREVIEW_ROWS])
        self.preview.setModel(self.model)
        old.deleteLater()
        self.preview.setColumnWidth(0, 60)
        self.preview.setColumnWidth(1, 150)
        self.preview_label.setText(
            f"&Preview: the first {PREVIEW_ROWS} of {_plural(len(rows), 'response')}, "
            "as they will be stored"
            if len(rows) > PREVIEW_ROWS
            else "&Preview: the responses as they will be stored"
        )
        errors = list(plan.errors) if plan else []
        lines = [e.words() for e in errors[:ERRORS_SHOWN]]
        if len(errors) > ERRORS_SHOWN:
            lines.append(f"… and {len(errors) - ERRORS_SHOWN} more.")
        self.errors.setPlainText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        self.errors_label.setVisible(bool(lines))
        details = plan.details() if plan else []
        self.details.setText("\n".join(details))
        self.details.setVisible(bool(details))
        self.summary.setText(summary if plan and plan.ok else f"⚠ {summary}")
        can_import = plan is not None and plan.ok and bool(plan.rows)
        self.import_button.setEnabled(can_import)
        self.import_button.setText(
            f"&Import {_plural(len(rows), 'response')}" if can_import else "&Import"
        )

    def do_import(self) -> None:
        """Import every planned response as one undoable step, then close."""
        plan = self.plan
        if plan is None or not plan.ok or not plan.rows:
            return
        store, event_id = self.runner.store, self.event_id
        try:
            self.imported = self.runner.push(
                f"Import {_plural(len(plan.rows), 'feedback response')}",
                lambda: importing.apply_import(store, event_id, plan),
                import_inverse(self.runner),
                quiet=True,
            )
        except OrganiserError as exc:
            self.refresh()
            self.summary.setText(f"⚠ {exc}")
            return
        self.accept()
