"""The Feedback tab: Form, Enter responses, Responses, Figures, Themes and quotes.

Pages are built the first time they are opened and reload only while on show, as on the Creche
tab; the Figures page (and ReportLab, which draws its charts) loads when it is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.ui.feedback.entry import EntryPage
from organiser.ui.feedback.form_page import FormPage
from organiser.ui.feedback.responses_page import ResponsesPage
from organiser.ui.feedback.themes_page import ThemesPage
from organiser.ui.ops import OpRunner


def _figures_page(runner: OpRunner, parent: QWidget) -> Any:
    from organiser.ui.feedback.figures_page import FiguresPage

    return FiguresPage(runner, parent)


PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "form": ("Form", FormPage),
    "entry": ("Enter responses", EntryPage),
    "responses": ("Responses", ResponsesPage),
    "figures": ("Figures", _figures_page),
    "themes": ("Themes and quotes", ThemesPage),
}
KEYS = tuple(PAGES)
SECTIONS = tuple((key, label) for key, (label, _factory) in PAGES.items())


class FeedbackTab(QWidget):
    """What people said about the open event, one page at a time."""

    print_requested = Signal(str)  # a document kind: "feedback-form", "feedback-summary"
    summary_requested = Signal()  # the Figures page's "Summary report…"

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._built: dict[str, Any] = {}
        self._stale: set[str] = set()
        self.bar = QTabBar(self)
        self.bar.setObjectName("feedback_pages")
        self.bar.setAccessibleName("Feedback pages")
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
            if hasattr(page, "print_requested"):
                page.print_requested.connect(self.print_requested)
            if hasattr(page, "summary_requested"):
                page.summary_requested.connect(self.summary_requested)
            page.set_event(self.event_id)
        return self._built[key]

    form = property(lambda self: self.page("form"))
    entry = property(lambda self: self.page("entry"))
    responses = property(lambda self: self.page("responses"))
    figures = property(lambda self: self.page("figures"))
    themes = property(lambda self: self.page("themes"))

    def current_key(self) -> str:
        """The page on show."""
        return KEYS[max(self.bar.currentIndex(), 0)]

    def show_section(self, key: str) -> None:
        """Open a page by its key (form, entry, responses, figures, themes)."""
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

    def unsaved(self) -> str | None:
        """Why closing now would lose something (a paper form half typed in), or None."""
        entry = self._built.get("entry")
        return entry.unsaved() if entry is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        """Load the page on show if it missed changes while hidden."""
        super().showEvent(event)
        self._load_visible()
