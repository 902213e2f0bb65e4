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
        self.sections.currentRowChanged.connect(self._show_page)
        self.event_id: int | None = None
        self._stale: set[str] = set()
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

    def _current_key(self) -> str:
        return SECTIONS[max(self.sections.currentRow(), 0)][0]

    def _show_page(self, row: int) -> None:
        key = SECTIONS[row][0]
        if key in self._stale:
            self._stale.discard(key)
            self.pages[key].set_event(self.event_id)
        self.stack.setCurrentIndex(row)

    def set_event(self, event_id: int | None) -> None:
        """Show another event: the visible page now, the others when they are opened."""
        self.event_id = event_id
        current = self._current_key()
        self._stale = {key for key in self.pages if key != current}
        self.pages[current].set_event(event_id)

    def refresh(self, changes: Changes) -> None:
        """The visible page reloads what the change touched; hidden ones reload when shown."""
        current = self._current_key()
        if current not in self._stale:
            self.pages[current].refresh(changes)
        if changes.touched:
            self._stale |= {key for key in self.pages if key != current}

    def flush(self) -> None:
        """Save anything still being typed (before switching event, closing or quitting)."""
        self.details.form.save_now()
        for section in (
            self.members.section,
            self.programme.section,
            self.budget.funds,
            self.budget.costs,
        ):
            section.flush()
