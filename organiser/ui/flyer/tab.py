"""The Flyer tab: Draft (editor, live preview, checklist, output) and Versions and sign-off.

Pages are built the first time they are opened and reload only while on show, as on the Creche
tab; the co-design page (and what it imports) loads when it is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.ui.flyer.draft import DraftPage
from organiser.ui.ops import OpRunner


def _codesign_page(runner: OpRunner, parent: QWidget) -> Any:
    from organiser.ui.flyer.codesign import CoDesignPage

    return CoDesignPage(runner, parent)


PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "draft": ("Draft", DraftPage),
    "versions": ("Versions and sign-off", _codesign_page),
}
KEYS = tuple(PAGES)
SECTIONS = tuple((key, label) for key, (label, _factory) in PAGES.items())


class FlyerTab(QWidget):
    """The open event's flyer, one page at a time."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._built: dict[str, Any] = {}
        self._stale: set[str] = set()
        self.bar = QTabBar(self)
        self.bar.setObjectName("flyer_pages")
        self.bar.setAccessibleName("Flyer pages")
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
            page.set_event(self.event_id)
        return self._built[key]

    draft = property(lambda self: self.page("draft"))
    versions = property(lambda self: self.page("versions"))

    def current_key(self) -> str:
        """The page on show."""
        return KEYS[max(self.bar.currentIndex(), 0)]

    def show_section(self, key: str) -> None:
        """Open a page by its key (draft, versions)."""
        if key in PAGES:
            self.bar.setCurrentIndex(KEYS.index(key))

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
        """Show another event: the page on show now, the other when it is opened."""
        self.flush()
        self.event_id = event_id
        self._stale = set(self._built)
        self._load_visible()

    def refresh(self, changes: Changes) -> None:
        """The page on show reloads what the change touched; the other when shown."""
        if changes.event_id not in (None, self.event_id) or not changes.touched:
            return
        current = self.current_key()
        if self.isVisible() and current in self._built and current not in self._stale:
            self._built[current].refresh(changes)
            self._stale |= {key for key in self._built if key != current}
        else:
            self._stale |= set(self._built)

    def flush(self) -> None:
        """Save anything still being typed (switching event, page or tab, closing)."""
        for page in self._built.values():
            page.flush()

    def showEvent(self, event: QShowEvent) -> None:
        """Load the page on show if it missed changes while hidden."""
        super().showEvent(event)
        self._load_visible()
