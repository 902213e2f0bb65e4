"""The Planning tab: a section list on the left and its page on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from organiser.core.changes import Changes
from organiser.ui.ops import OpRunner
from organiser.ui.planning.budget import BudgetPage
from organiser.ui.planning.details import DetailsPage
from organiser.ui.planning.members import MembersPage
from organiser.ui.planning.overview import OverviewPage
from organiser.ui.planning.programme import ProgrammePage

SECTIONS = (
    ("overview", "Overview"),
    ("details", "Details"),
    ("members", "Working group"),
    ("programme", "Programme"),
    ("budget", "Budget"),
)


class PlanningTab(QWidget):
    """Overview, details, working group, programme and budget of the open event."""

    print_programme = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = OverviewPage(runner, self)
        self.details = DetailsPage(runner, self)
        self.members = MembersPage(runner, self)
        self.programme = ProgrammePage(runner, self)
        self.budget = BudgetPage(runner, self)
        self.pages = {
            "overview": self.overview,
            "details": self.details,
            "members": self.members,
            "programme": self.programme,
            "budget": self.budget,
        }
        self.sections = QListWidget(self)
        self.sections.setObjectName("planning_sections")
        self.sections.setAccessibleName("Planning sections")
        self.stack = QStackedWidget(self)
        for key, label in SECTIONS:
            self.sections.addItem(label)
            self.stack.addWidget(self.pages[key])
        self.sections.setSpacing(3)
        self._fit_sections()
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)
        self.overview.go_to.connect(self.show_section)
        self.programme.print_requested.connect(self.print_programme)
        layout = QHBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack, 1)

    def _fit_sections(self) -> None:
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 24)

    def changeEvent(self, event: QEvent) -> None:
        """Keep the section list as wide as its words when the text is zoomed."""
        if event.type() == QEvent.Type.FontChange:
            self._fit_sections()
        super().changeEvent(event)

    def show_section(self, key: str) -> None:
        """Open a section by its key (overview, details, members, programme, budget)."""
        keys = [k for k, _ in SECTIONS]
        if key in keys:
            self.sections.setCurrentRow(keys.index(key))

    def set_event(self, event_id: int | None) -> None:
        """Show another event on every page."""
        for page in self.pages.values():
            page.set_event(event_id)

    def refresh(self, changes: Changes) -> None:
        """Let each page reload only what the change touched."""
        for page in self.pages.values():
            page.refresh(changes)

    def flush(self) -> None:
        """Save anything still being typed (before switching event, closing or quitting)."""
        self.details.form.save_now()
        for section in (self.members.section, self.programme.section):
            section.form.save_now()
        self.budget.funds.form.save_now()
        self.budget.costs.form.save_now()
