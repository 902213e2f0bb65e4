"""The Creche tab: Bookings, Check-in, Children, Staff, Creche (settings and checks), Privacy.

Pages are built the first time they are opened and reload only while they are on show: a
hidden page is marked stale and reloads when opened, so an edit costs one page's reload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.ui.creche.bookings import BookingsPage
from organiser.ui.creche.checkin import CheckInPage
from organiser.ui.creche.children import ChildrenPage
from organiser.ui.creche.privacy import PrivacyPage
from organiser.ui.creche.settings import CrechePage
from organiser.ui.creche.staff import StaffPage
from organiser.ui.ops import OpRunner

PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "bookings": ("Bookings", BookingsPage),
    "checkin": ("Check-in", CheckInPage),
    "children": ("Children", ChildrenPage),
    "staff": ("Staff", StaffPage),
    "creche": ("Creche", CrechePage),
    "privacy": ("Privacy", PrivacyPage),
}
KEYS = tuple(PAGES)
SECTIONS = tuple((key, label) for key, (label, _factory) in PAGES.items())


class CrecheTab(QWidget):
    """Bookings and the creche of the open event, one page at a time."""

    print_requested = Signal(str)  # a document kind: "bookings", "register", …

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._built: dict[str, Any] = {}
        self._stale: set[str] = set()
        self.bar = QTabBar(self)
        self.bar.setObjectName("creche_pages")
        self.bar.setAccessibleName("Creche pages")
        self.bar.setExpanding(False)
        self.stack = QStackedWidget(self)
        for _key, (label, _factory) in PAGES.items():
            self.bar.addTab(label)
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when first opened
        self.bar.currentChanged.connect(self._show_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

    def page(self, key: str) -> Any:
        """The page for a key, built (and shown the open event) on first use."""
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

    def current_key(self) -> str:
        """The page on show."""
        return KEYS[max(self.bar.currentIndex(), 0)]

    def show_section(self, key: str) -> None:
        """Open a page by its key (bookings, checkin, children, staff, creche, privacy)."""
        if key in PAGES:
            self.bar.setCurrentIndex(KEYS.index(key))

    def open_booking(self, booking_id: int) -> None:
        """Open the Bookings page on one booking (and its children)."""
        self.show_section("bookings")
        self.bookings.choose_booking(booking_id)

    def _show_page(self, row: int) -> None:
        previous = self.stack.currentIndex()
        if previous >= 0 and KEYS[previous] in self._built and previous != row:
            self._built[KEYS[previous]].flush()
        self.stack.setCurrentIndex(row)
        self._load_visible()

    def _load_visible(self) -> None:
        if not self.isVisible():
            return
        key = self.current_key()
        if key not in self._built:
            self.page(key)
        elif key in self._stale:
            self._stale.discard(key)
            self._built[key].set_event(self.event_id)

    def set_event(self, event_id: int | None) -> None:
        """Show another event: the page on show now, the others when they are opened."""
        self.flush()
        self.event_id = event_id
        self._stale = set(self._built)
        self._load_visible()

    def refresh(self, changes: Changes) -> None:
        """The page on show reloads what the change touched; the others when shown."""
        if changes.event_id not in (None, self.event_id):
            return
        current = self.current_key()
        if not changes.touched:
            return
        if self.isVisible() and current in self._built and current not in self._stale:
            self._built[current].refresh(changes)
            self._stale |= {key for key in self._built if key != current}
        else:
            self._stale |= set(self._built)

    def flush(self) -> None:
        """Save anything still being typed (switching event, closing or quitting)."""
        for page in self._built.values():
            page.flush()

    def showEvent(self, event: QShowEvent) -> None:
        """Load the page on show if it missed changes while hidden."""
        super().showEvent(event)
        self._load_visible()
