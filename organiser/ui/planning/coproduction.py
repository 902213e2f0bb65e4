"""The Co-production page: the ledger of the event's eight aspects against the ladder, the
profile it makes (grouped doing to / for / with, with the gaps in words), and what the people
with lived experience received."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.coproduction import ledger
from organiser.core.coproduction import rows as coproduction
from organiser.core.coproduction.ledger import LedgerRow
from organiser.core.coproduction.rows import ReceivedRow
from organiser.core.money import format_pence
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.planning.column_fit import ShareWidth
from organiser.ui.planning.ledger_editor import NOT_DECIDED, AspectEditor
from organiser.ui.planning.profile_view import ProfileView
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.fields import Choice, Field, Kind, set_id_choices
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

NOBODY: Choice = ("Not named", None)
NO_LINE: Choice = ("Not in the budget", None)
RECEIVED_FIELDS = (
    Field("member_id", "Who received it", Kind.CHOICE_ID, (NOBODY,)),
    Field("what", "What they received", hint="For example: travel expenses for meetings"),
    Field("amount_pence", "Amount (£)", Kind.OPTIONAL_MONEY, hint="Blank if it was not money"),
    Field("cost_line_id", "Paid from the budget line", Kind.CHOICE_ID, (NO_LINE,)),
    Field("note", "Note", Kind.TEXT),
)
RECEIVED_COLUMNS = (
    Column("Who", lambda r: r.member or "Not named"),
    Column("What they received", lambda r: r.what, stretch=True),
    Column("Amount", lambda r: format_pence(r.amount_pence, blank="—"), align_right=True),
    Column("Budget line", lambda r: r.cost_line or "Not in the budget"),
    Column("Note", lambda r: r.note, stretch=True),
)
# What can change a suggestion, a name or a reason shown in the ledger.
LEDGER_SEES = (
    Touched.LEDGER
    | Touched.MEMBERS
    | Touched.FLYER
    | Touched.POLLS
    | Touched.MEETINGS
    | Touched.FEEDBACK
    | Touched.EVENTS
)


def received_values(row: ReceivedRow) -> dict[str, Any]:
    """A thing received as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in RECEIVED_FIELDS}


@dataclass(frozen=True)
class AspectLine:
    """A ledger row with the position the table gives it."""

    id: int
    entry: LedgerRow


def _rung(line: AspectLine) -> str:
    entry = line.entry
    return f"{entry.rung} · {entry.group.lower()}" if entry.rung else NOT_DECIDED


def _suggested(line: AspectLine) -> str:
    found = line.entry.suggestion
    return f"{found.rung} — {found.reason}" if found else ""


LEDGER_COLUMNS = (
    Column("Aspect", lambda r: r.entry.aspect),
    Column("Rung reached", _rung, warn=lambda r: not r.entry.rung),
    Column("Who was involved", lambda r: ", ".join(n for _i, n in r.entry.members)),
    Column("Held back by", lambda r: ", ".join(r.entry.held_back)),
    Column("Suggested", _suggested),
    Column("Note", lambda r: r.entry.note),
)
# Suggestion and note share the width left; the names and reasons are cut short (in full when
# pointed at, and in the editor below) so all eight aspects fit on a small screen.
SHARED = (4, 5)
LIMITS = {2: 170, 3: 120}


class LedgerModel(RowTableModel):
    """The eight aspects; updated in place so the chosen one stays chosen."""

    def update_rows(self, rows: Sequence[AspectLine]) -> None:
        """Show new values for the same aspects (a reset when the number changes)."""
        if len(rows) != self.rowCount() or not rows:
            self.set_rows(rows)
            return
        self._rows = list(rows)
        self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))


class CoproductionPage(QWidget):
    """Ledger, profile and what people received, each on a tab of its own."""

    SEES = LEDGER_SEES | Touched.BUDGET

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.chosen = 0
        self.summary = QLabel(self)
        self.summary.setObjectName("ledger_summary")
        self.summary.setWordWrap(True)
        self.model = LedgerModel(LEDGER_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("ledger_table")
        self.table.setAccessibleName("Co-production ledger")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.fit = ShareWidth(self.table, SHARED, limits=LIMITS)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.editor = AspectEditor(runner, self)
        self.profile = ProfileView(self)
        self.received = QLabel(self)
        self.received.setObjectName("received_summary")
        self.received.setWordWrap(True)
        self.received_list = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.RECEIVED),
            noun="thing received",
            title="What people with lived experience received",
            columns=RECEIVED_COLUMNS,
            fields=RECEIVED_FIELDS,
            load_rows=lambda event_id: coproduction.list_received(runner.store, event_id),
            row_values=received_values,
            editor_below=True,
            parent=self,
        )
        self.received_list.rows_changed.connect(self._count_received)
        self.received_fit = ShareWidth(
            self.received_list.table, (1, 4), limits={0: 180, 3: 240}, wrap_rows=True
        )
        self.received_list.rows_changed.connect(self.received_fit.fit)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("coproduction_tabs")
        self._build()

    def _build(self) -> None:
        editor = QScrollArea(self)
        editor.setWidgetResizable(True)
        editor.setWidget(self.editor)
        editor.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: the inputs inside take the focus and scroll into view.
        editor.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ledger_tab = QSplitter(Qt.Orientation.Vertical, self)
        ledger_tab.addWidget(self.table)
        ledger_tab.addWidget(editor)
        ledger_tab.setChildrenCollapsible(False)
        ledger_tab.setStretchFactor(0, 1)
        ledger_tab.setStretchFactor(1, 1)
        received_tab = QWidget(self)
        received_layout = QVBoxLayout(received_tab)
        received_layout.addWidget(self.received)
        received_layout.addWidget(self.received_list, 1)
        self.tabs.addTab(ledger_tab, "&Ledger")
        self.tabs.addTab(self.profile, "&Profile")
        self.tabs.addTab(received_tab, "What people re&ceived")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    # The page's interface, shared with the other Planning pages.

    def set_event(self, event_id: int | None) -> None:
        """Show another event's ledger, with its first aspect chosen."""
        self.flush()
        if event_id != self.event_id:
            self.chosen = 0
        self.event_id = event_id
        self.editor.event_id = event_id
        self._load_choices()
        self._load_ledger()
        self.received_list.set_parent(event_id)

    def refresh(self, changes: Changes) -> None:
        """Reload what the change touched: the ledger, people, budget lines or things received."""
        if self.event_id is None or changes.event_id not in (None, self.event_id):
            return
        if changes.touched & (Touched.MEMBERS | Touched.BUDGET):
            self._load_choices()
        if changes.touched & LEDGER_SEES:
            self._load_ledger()
        if changes.touched & (Touched.LEDGER | Touched.MEMBERS | Touched.BUDGET):
            self.received_list.refresh()

    def flush(self) -> None:
        """Save a note or a thing received still being typed."""
        self.editor.flush()
        self.received_list.flush()

    # Loading.

    def _load_choices(self) -> None:
        store, event_id = self.runner.store, self.event_id
        members = planning.list_members(store, event_id) if event_id is not None else []
        self.editor.set_members(members)
        people: list[Choice] = [(m.name, m.id) for m in members]
        set_id_choices(self.received_list.form.inputs["member_id"], [NOBODY, *people])
        costs = planning.list_costs(store, event_id) if event_id is not None else []
        lines: list[Choice] = [(f"{c.item} ({c.category})", c.id) for c in costs]
        set_id_choices(self.received_list.form.inputs["cost_line_id"], [NO_LINE, *lines])

    def _load_ledger(self) -> None:
        if self.event_id is None:
            self.model.set_rows([])
            self.editor.show_row(None)
            self.profile.show_profile(None)
            self.summary.setText("")
            return
        found = ledger.list_ledger(self.runner.store, self.event_id)
        self.model.update_rows([AspectLine(n, row) for n, row in enumerate(found)])
        self.fit.fit()
        self._select(self.chosen)
        self.editor.show_row(found[self.chosen])
        shape = ledger.profile_of(found)
        self.profile.show_profile(shape)
        self.summary.setText(summary_text(shape))

    def _select(self, position: int) -> None:
        index = self.model.index(position, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)

    def _row_chosen(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        self.chosen = current.row()
        self.editor.show_row(self.model.row_at(self.chosen).entry)

    def choose(self, aspect: str) -> None:
        """Choose an aspect, as a click on its row would."""
        for position in range(self.model.rowCount()):
            if self.model.row_at(position).entry.aspect == aspect:
                self.table.selectRow(position)
                return
        raise KeyError(aspect)

    def _count_received(self) -> None:
        rows = [
            self.received_list.model.row_at(n) for n in range(self.received_list.model.rowCount())
        ]
        self.received.setText(coproduction.received_words(rows) if self.event_id else "")


def summary_text(shape: ledger.Profile) -> str:
    """'7 of 8 aspects decided: 3 doing for, 4 doing with. Not decided yet: Evaluation.'"""
    decided = len(shape.rows) - len(shape.undecided)
    if not decided:
        return "No aspect decided yet: choose one in the list and the rung it reached."
    counts = [
        f"{len(aspects)} {group.lower()}" for group, aspects in shape.groups.items() if aspects
    ]
    text = f"{decided} of {len(shape.rows)} aspects decided: {', '.join(counts)}."
    if len(shape.undecided) > 3:
        text += f" {len(shape.undecided)} not decided yet."
    elif shape.undecided:
        text += f" Not decided yet: {', '.join(shape.undecided)}."
    return text
