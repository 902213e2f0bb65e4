"""The Planning tab: a section list on the left and its page on the right (a LazyTab)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import LazyTab, later

PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "overview": ("Overview", later("organiser.ui.planning.overview", "OverviewPage")),
    "details": ("Details", later("organiser.ui.planning.details", "DetailsPage")),
    "members": ("Working group", later("organiser.ui.planning.members", "MembersPage")),
    "meetings": ("Meetings", later("organiser.ui.meetings.meetings", "MeetingsPage")),
    "actions": ("Actions", later("organiser.ui.meetings.actions", "ActionsPage")),
    "availability": ("Availability", later("organiser.ui.polls.availability", "AvailabilityPage")),
    "programme": ("Programme", later("organiser.ui.planning.programme", "ProgrammePage")),
    "budget": ("Budget", later("organiser.ui.planning.budget", "BudgetPage")),
    "coproduction": (
        "Co-production",
        later("organiser.ui.planning.coproduction", "CoproductionPage"),
    ),
    "lessons": ("Lessons and next steps", later("organiser.ui.planning.lessons", "LessonsPage")),
}
SECTIONS = tuple((key, label) for key, (label, _factory) in PAGES.items())
KEYS = tuple(PAGES)


class PlanningTab(LazyTab):
    """Overview, details, group, meetings, actions, availability, programme, budget,
    co-production, and lessons with next steps."""

    print_programme = Signal()
    print_minutes = Signal(int)
    export_calendar = Signal(int)
    print_poll = Signal(int)
    open_tab = Signal(str)  # an overview line that belongs to another tab (e.g. "speakers")
    event_requested = Signal(int)  # open another event (the next session, once planned)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, PAGES, name="Planning", selector="list", parent=parent)

    def connect_page(self, key: str, page: Any) -> None:
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

    def outside_key(self, key: str) -> None:
        self.open_tab.emit(key)

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

    def lesson_from_meeting(self, meeting_id: int) -> None:
        """Open the lessons log with a new lesson raised at this meeting."""
        self.show_section("lessons")
        self.page("lessons").start_from_meeting(meeting_id)
