"""The Planning tab: a section list on the left and its page on the right.

Pages are built the first time they are opened and reload only when shown: the window
opens faster, and an edit refreshes the one page a person is looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from organiser.core.changes import Changes
from organiser.ui.meetings.actions import ActionsPage
from organiser.ui.meetings.meetings import MeetingsPage
from organiser.ui.ops import OpRunner
from organiser.ui.planning.budget import BudgetPage
from organiser.ui.planning.coproduction import CoproductionPage
from organiser.ui.planning.details import DetailsPage
from organiser.ui.planning.lessons import LessonsPage
from organiser.ui.planning.members import MembersPage
from organiser.ui.planning.overview import OverviewPage
from organiser.ui.planning.programme import ProgrammePage
from organiser.ui.polls.availability import AvailabilityPage


class Page(Protocol):
    """What every Planning page offers the tab."""

    def set_event(self, event_id: int | None) -> None: ...
    def refresh(self, changes: Changes) -> None: ...
    def flush(self) -> None: ...


PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "overview": ("Overview", OverviewPage),
    "details": ("Details", DetailsPage),
    "members": ("Working group", MembersPage),
    "meetings": ("Meetings", MeetingsPage),
    "actions": ("Actions", ActionsPage),
    "availability": ("Availability", AvailabilityPage),
    "programme": ("Programme", ProgrammePage),
    "budget": ("Budget", BudgetPage),
    "coproduction": ("Co-production", CoproductionPage),
    "lessons": ("Lessons and next steps", LessonsPage),
}
SECTIONS = tuple((key, label) for key, (label, _factory) in PAGES.items())
KEYS = tuple(PAGES)


def _two_lines(width: Callable[[str], int], label: str) -> int:
    """The narrowest width that shows a label on two lines, broken between words."""
    words = label.split()
    return min(
        max(width(" ".join(words[:n])), width(" ".join(words[n:]))) for n in range(1, len(words))
    )


class PlanningTab(QWidget):
    """Overview, details, group, meetings, actions, availability, programme, budget,
    co-production, and lessons with next steps."""

    print_programme = Signal()
    print_minutes = Signal(int)
    export_calendar = Signal(int)
    print_poll = Signal(int)
    open_tab = Signal(str)  # an overview line that belongs to another tab (e.g. "speakers")
    event_requested = Signal(int)  # open another event (the next session, once planned)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._built: dict[str, Any] = {}
        self._stale: set[str] = set()
        self.sections = QListWidget(self)
        self.sections.setObjectName("planning_sections")
        self.sections.setAccessibleName("Planning sections")
        self.sections.setSpacing(3)
        self.sections.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for _key, (label, _factory) in PAGES.items():
            self.sections.addItem(label)
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when first opened
        self._fit_sections()
        self.sections.currentRowChanged.connect(self._show_page)
        self.sections.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack, 1)

    def page(self, key: str) -> Any:
        """The page for a section, built (and shown the open event) on first use."""
        if key not in self._built:
            page = PAGES[key][1](self.runner, self)
            index = KEYS.index(key)
            placeholder = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._built[key] = page
            self._connect(key, page)
            page.set_event(self.event_id)
        return self._built[key]

    def _connect(self, key: str, page: Any) -> None:
        if key == "overview":
            page.go_to.connect(self.show_section)
        elif key == "programme":
            page.print_requested.connect(self.print_programme)
        elif key == "meetings":
            page.print_minutes_requested.connect(self.print_minutes)
            page.export_calendar_requested.connect(self.export_calendar)
            page.lesson_requested.connect(self.lesson_from_meeting)
        elif key == "availability":
            page.print_poll_requested.connect(self.print_poll)
        elif key == "lessons":
            page.event_requested.connect(self.event_requested)

    overview = property(lambda self: self.page("overview"))
    details = property(lambda self: self.page("details"))
    members = property(lambda self: self.page("members"))
    meetings = property(lambda self: self.page("meetings"))
    actions = property(lambda self: self.page("actions"))
    availability = property(lambda self: self.page("availability"))
    programme = property(lambda self: self.page("programme"))
    budget = property(lambda self: self.page("budget"))
    coproduction = property(lambda self: self.page("coproduction"))
    lessons = property(lambda self: self.page("lessons"))

    def _fit_sections(self) -> None:
        # As wide as the labels of one or two words; a longer one ("Lessons and next steps")
        # wraps onto a second line rather than take width from every page.
        metrics = self.sections.fontMetrics()
        widest = max(
            _two_lines(metrics.horizontalAdvance, label)
            if len(label.split()) > 2
            else metrics.horizontalAdvance(label)
            for _key, label in SECTIONS
        )
        self.sections.setFixedWidth(widest + 32)

    def changeEvent(self, event: QEvent) -> None:
        """Keep the section list as wide as its words when the text is zoomed."""
        if event.type() == QEvent.Type.FontChange:
            # After the event: the list itself may not have its new font yet.
            QTimer.singleShot(0, self._fit_sections)
        super().changeEvent(event)

    def current_key(self) -> str:
        """The section on show."""
        return KEYS[max(self.sections.currentRow(), 0)]

    def show_section(self, key: str) -> None:
        """Open a section by its key (overview, details, members, meetings, …)."""
        if key in PAGES:
            self.sections.setCurrentRow(KEYS.index(key))
        else:
            self.open_tab.emit(key)

    def lesson_from_meeting(self, meeting_id: int) -> None:
        """Open the lessons log with a new lesson raised at this meeting."""
        self.show_section("lessons")
        self.page("lessons").start_from_meeting(meeting_id)

    def _show_page(self, row: int) -> None:
        key = KEYS[row]
        if self.current_key() != key:
            return
        previous = self.stack.currentIndex()
        if previous >= 0 and KEYS[previous] in self._built and previous != row:
            self._built[KEYS[previous]].flush()
        page = self.page(key)
        if key in self._stale:
            self._stale.discard(key)
            page.set_event(self.event_id)
        self.stack.setCurrentIndex(row)

    def set_event(self, event_id: int | None) -> None:
        """Show another event: the page on show now (while the tab is on screen), the others
        when they are opened."""
        self.event_id = event_id
        current = self.current_key()
        if self.isVisible() or current not in self._built:
            self._stale = {key for key in self._built if key != current}
            self.page(current).set_event(event_id)
        else:
            self._stale = set(self._built)

    def refresh(self, changes: Changes) -> None:
        """The page on show reloads what the change touched; hidden ones (and all of them
        while another tab is on screen) reload when shown."""
        if not changes.touched:
            return
        current = self.current_key()
        if self.isVisible() and current in self._built and current not in self._stale:
            self._built[current].refresh(changes)
            self._stale |= {key for key in self._built if key != current}
        else:
            self._stale |= set(self._built)

    def showEvent(self, event: QShowEvent) -> None:
        """Load the page on show if it missed changes while the tab was hidden."""
        super().showEvent(event)
        current = self.current_key()
        if current in self._built and current in self._stale:
            self._stale.discard(current)
            self._built[current].set_event(self.event_id)

    def flush(self) -> None:
        """Save anything still being typed (before switching event, closing or quitting)."""
        for page in self._built.values():
            page.flush()
