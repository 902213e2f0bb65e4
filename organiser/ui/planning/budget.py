"""The budget: funding sources and cost lines, with totals in words as well as colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.creche import service as creche
from organiser.core.money import format_pence
from organiser.core.planning import service as planning
from organiser.core.planning.kinds import CostCategory
from organiser.core.planning.rows import CostRow, FundRow
from organiser.core.planning.rules import BudgetSummary
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

FUND_FIELDS = (
    Field("name", "Funding source"),
    Field("amount_pence", "Amount (£)", Kind.MONEY, hint="For example 450.00"),
    Field("conditions", "Conditions", Kind.TEXT, hint="For example: spend by 31 March"),
)
FUND_COLUMNS = (
    Column("Funding source", lambda r: r.name),
    Column("Amount", lambda r: format_pence(r.amount_pence), align_right=True),
    Column("Conditions", lambda r: r.conditions, stretch=True),
)
COST_FIELDS = (
    Field("item", "Item"),
    Field("category", "Category", Kind.CHOICE, tuple(c.value for c in CostCategory)),
    Field("estimated_pence", "Estimated (£)", Kind.MONEY, hint="For example 120.00"),
    Field("actual_pence", "Actual (£)", Kind.OPTIONAL_MONEY, hint="Blank until known"),
    Field("supplier", "Supplier"),
    Field("paid", "Paid", Kind.CHECK),
)
COST_COLUMNS = (
    Column("Item", lambda r: r.item),
    Column("Category", lambda r: r.category),
    Column("Estimated", lambda r: format_pence(r.estimated_pence), align_right=True),
    Column("Actual", lambda r: format_pence(r.actual_pence, blank="not yet"), align_right=True),
    Column("Supplier", lambda r: r.supplier, stretch=True),
    Column("Paid", lambda r: "Paid" if r.paid else "Not paid", warn=lambda r: not r.paid),
)


def fund_values(row: FundRow) -> dict[str, Any]:
    """A funding source as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FUND_FIELDS}


def cost_values(row: CostRow) -> dict[str, Any]:
    """A cost line as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in COST_FIELDS}


def describe(summary: BudgetSummary) -> list[str]:
    """The totals as sentences (over budget said in words, not only in red)."""
    lines = [f"Funds: {format_pence(summary.funds)}"]
    if summary.over_estimated:
        lines.append(
            f"Estimated costs: {format_pence(summary.estimated)} — over budget by "
            f"{format_pence(-summary.left_estimated)}"
        )
    else:
        lines.append(
            f"Estimated costs: {format_pence(summary.estimated)} — "
            f"{format_pence(summary.left_estimated)} left"
        )
    if summary.over_actual:
        lines.append(
            f"Actual spending: {format_pence(summary.actual)} — over budget by "
            f"{format_pence(-summary.left_actual)}"
        )
    else:
        lines.append(
            f"Actual spending so far: {format_pence(summary.actual)} — "
            f"{format_pence(summary.left_actual)} left"
        )
    if summary.unpaid:
        lines.append(f"Still to pay: {format_pence(summary.unpaid)}")
    if summary.per_attendee is not None:
        lines.append(
            f"Cost per attendee: {format_pence(summary.per_attendee)} "
            f"({summary.attendance} attended)"
        )
    else:
        lines.append(
            "Cost per attendee: shown once attendance is known (entered in Details, or people "
            "checked in on the Creche tab)"
        )
    return lines


class BudgetPage(QWidget):
    """Funds and costs side by side with the totals on top."""

    SEES = Touched.BUDGET | Touched.DETAILS | Touched.CRECHE | Touched.BOOKINGS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.totals = QLabel(self)
        self.totals.setObjectName("budget_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.funds = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.FUNDS),
            noun="funding source",
            title="Funding sources",
            columns=FUND_COLUMNS,
            fields=FUND_FIELDS,
            load_rows=lambda event_id: planning.list_funds(runner.store, event_id),
            row_values=fund_values,
            parent=self,
        )
        self.costs = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.COSTS),
            noun="cost",
            title="Costs",
            columns=COST_COLUMNS,
            fields=COST_FIELDS,
            load_rows=lambda event_id: planning.list_costs(runner.store, event_id),
            row_values=cost_values,
            parent=self,
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.funds)
        splitter.addWidget(self.costs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        QVBoxLayout(box).addWidget(self.totals)
        layout.addWidget(box)
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's budget."""
        self.event_id = event_id
        self.funds.set_parent(event_id)
        self.costs.set_parent(event_id)
        self._show_totals()

    def flush(self) -> None:
        """Save what is typed now."""
        self.funds.flush()
        self.costs.flush()

    def refresh(self, changes: Changes) -> None:
        """Reload when the budget (or attendance, in details) changed."""
        if Touched.BUDGET in changes.touched:
            self.funds.refresh()
            self.costs.refresh()
        if changes.touched & (Touched.BUDGET | Touched.DETAILS | Touched.CRECHE | Touched.BOOKINGS):
            self._show_totals()

    def _show_totals(self) -> None:
        if self.event_id is None:
            self.totals.setText("")
            return
        summary = planning.budget(self.runner.store, self.event_id)
        over = summary.over_estimated or summary.over_actual
        self.totals.setProperty("role", "warning" if over else "")
        self.totals.style().unpolish(self.totals)
        self.totals.style().polish(self.totals)
        lines = describe(summary)
        catering = creche.catering_note(self.runner.store, self.event_id)
        if catering:
            lines.append(catering)
        self.totals.setText("\n".join((["⚠ Over budget."] if over else []) + lines))
