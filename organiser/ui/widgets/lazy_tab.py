"""A tab of pages behind a tab bar: each page is built the first time it is opened and reloads
only while on show; a hidden page is marked stale and reloads when opened, so an edit costs one
page's reload. The Creche, Flyer and Feedback tabs are made of these."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.ui.ops import OpRunner

PageFactory = Callable[[OpRunner, QWidget], Any]


class PagedTab(QWidget):
    """Pages by key; each page has set_event, refresh, flush."""

    def __init__(
        self,
        runner: OpRunner,
        pages: Mapping[str, tuple[str, PageFactory]],
        *,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._pages = dict(pages)
        self._keys = tuple(pages)
        self._built: dict[str, Any] = {}
        self._stale: set[str] = set()
        self.bar = QTabBar(self)
        self.bar.setObjectName(f"{name.lower()}_pages")
        self.bar.setAccessibleName(f"{name} pages")
        self.bar.setExpanding(False)
        self.stack = QStackedWidget(self)
        for label, _factory in self._pages.values():
            self.bar.addTab(label)
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when first opened
        self.bar.currentChanged.connect(self._show_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

    def page(self, key: str) -> Any:
        """The page for a key, built (and shown the open event) on first use."""
        if key not in self._built:
            page = self._pages[key][1](self.runner, self)
            index = self._keys.index(key)
            placeholder = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._built[key] = page
            self.connect_page(key, page)
            page.set_event(self.event_id)
        return self._built[key]

    def connect_page(self, key: str, page: Any) -> None:
        """Wire a newly built page's signals to the tab's (overridden by tabs that need it)."""

    def current_key(self) -> str:
        """The page on show."""
        return self._keys[max(self.bar.currentIndex(), 0)]

    def show_section(self, key: str) -> None:
        """Open a page by its key."""
        if key in self._pages:
            self.bar.setCurrentIndex(self._keys.index(key))

    def _show_page(self, row: int) -> None:
        previous = self.stack.currentIndex()
        if previous >= 0 and self._keys[previous] in self._built and previous != row:
            self._built[self._keys[previous]].flush()
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
        if changes.event_id not in (None, self.event_id) or not changes.touched:
            return
        current = self.current_key()
        if self.isVisible() and current in self._built and current not in self._stale:
            self._built[current].refresh(changes)
            self._stale |= {key for key in self._built if key != current}
        else:
            self._stale |= set(self._built)

    def flush(self) -> None:
        """Save anything still being typed (switching page, event or tab, closing)."""
        for page in self._built.values():
            page.flush()

    def showEvent(self, event: QShowEvent) -> None:
        """Load the page on show if it missed changes while hidden."""
        super().showEvent(event)
        self._load_visible()
