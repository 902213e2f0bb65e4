"""The Creche tab: Bookings, Check-in, Children, Staff, Settings and checks, Privacy.

Each page, and the module that makes it, loads the first time it is opened; it reloads only
while on show (LazyTab).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import LazyTab, later

PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "bookings": ("Bookings", later("organiser.ui.creche.bookings", "BookingsPage")),
    "checkin": ("Check-in", later("organiser.ui.creche.checkin", "CheckInPage")),
    "children": ("Children", later("organiser.ui.creche.children", "ChildrenPage")),
    "staff": ("Staff", later("organiser.ui.creche.staff", "StaffPage")),
    # Keyed "creche" (links, help and menus use the key); titled by what it holds.
    "creche": ("Settings and checks", later("organiser.ui.creche.settings", "CrechePage")),
    "privacy": ("Privacy", later("organiser.ui.creche.privacy", "PrivacyPage")),
}
KEYS = tuple(PAGES)
SECTIONS = tuple((key, label) for key, (label, _factory) in PAGES.items())


class CrecheTab(LazyTab):
    """Bookings and the creche of the open event, one page at a time."""

    print_requested = Signal(str)  # a document kind: "bookings", "register", …

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, PAGES, name="Creche", parent=parent)

    def connect_page(self, key: str, page: Any) -> None:
        if hasattr(page, "print_requested"):
            page.print_requested.connect(self.print_requested)
        if key == "children":
            page.open_booking.connect(self.open_booking)
        elif key == "creche":
            page.go_to.connect(self.show_section)

    bookings = property(lambda self: self.page("bookings"))
    checkin = property(lambda self: self.page("checkin"))
    children = property(lambda self: self.page("children"))
    staff = property(lambda self: self.page("staff"))
    creche = property(lambda self: self.page("creche"))
    privacy = property(lambda self: self.page("privacy"))

    def open_booking(self, booking_id: int) -> None:
        """Open the Bookings page on one booking (and its children)."""
        self.show_section("bookings")
        self.bookings.choose_booking(booking_id)
