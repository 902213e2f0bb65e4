"""The one lazy tab every tab is made of, and how each of its pages follows changes.

A tab holds pages behind a selector (a tab bar along the top, or a list down the side). A page
is built the first time it is opened. From then on it follows changes itself (`Follow`): it
declares once what it shows (`SEES`, its Touched flags) and reloads what a change touched while
it is on screen. While hidden it only notes what it missed, and reloads that once when shown
(the whole page, if the open event changed meanwhile). So an edit costs the one page a person is
looking at, and nothing keeps a table of who needs what.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Any, ClassVar, Literal, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QBoxLayout, QListWidget, QStackedWidget, QTabBar, QWidget

from organiser.core.changes import Changes, Touched
from organiser.ui.help.tips import watch as explain_words
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.fit import PageScroll
from organiser.ui.widgets.mnemonics import mark_scope

PageFactory = Callable[[OpRunner, QWidget], Any]


def later(module: str, name: str) -> PageFactory:
    """A page made by `module`'s class `name`, imported when the page is first opened: the
    window shows its tabs without importing any page (nor the data layer behind it)."""

    def build(runner: OpRunner, parent: QWidget) -> Any:
        return getattr(importlib.import_module(module), name)(runner, parent)

    build.__qualname__ = f"{module}.{name}"
    return build


# Shared by every event: a page showing them hears another event's change to them too.
SHARED = Touched.ORGANISATIONS | Touched.SPEAKERS


class Page(Protocol):
    """What every page offers its tab."""

    SEES: ClassVar[Touched]  # what it shows: a change touching none of it passes it by

    def set_event(self, event_id: int | None) -> None: ...
    def refresh(self, changes: Changes) -> None: ...
    def flush(self) -> None: ...


class Follow(QObject):
    """One page's subscription to changes: reloaded while on screen, caught up when shown."""

    def __init__(self, page: QWidget, runner: OpRunner) -> None:
        super().__init__(page)
        self.page = page
        self.sees: Touched = page.SEES  # type: ignore[attr-defined]
        # A page of things shared by every event (the speakers directory) hears them all.
        self.any_event: bool = getattr(page, "ANY_EVENT", False)
        self.event_id: int | None = None
        self.missed = Touched.NONE  # what changed while the page was hidden
        self.new_event = False  # the open event changed while it was hidden
        runner.changes_applied.connect(self._heard)
        page.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """Whether the page has something to catch up on when it is shown."""
        return self.new_event or bool(self.missed)

    def show_event(self, event_id: int | None) -> None:
        """Show another event (or the same afresh): now if on screen, else when shown."""
        self.event_id = event_id
        self.missed = Touched.NONE
        self.new_event = not self.page.isVisible()
        if not self.new_event:
            self.page.set_event(event_id)  # type: ignore[attr-defined]

    def _heard(self, changes: Changes) -> None:
        touched = changes.touched & self.sees
        elsewhere = changes.event_id not in (None, self.event_id)
        if not touched or (elsewhere and not self.any_event and not touched & SHARED):
            return
        if self.page.isVisible():
            self.page.refresh(changes)  # type: ignore[attr-defined]
        elif not self.new_event:
            self.missed |= touched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch a page up as it comes on screen: the whole page for another event, else what
        it missed, as one change (so its chosen row, version or poll stays chosen)."""
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            missed, self.missed = self.missed, Touched.NONE
            if self.new_event:
                self.new_event = False
                self.page.set_event(self.event_id)  # type: ignore[attr-defined]
            else:
                self.page.refresh(Changes(missed, event_id=self.event_id))  # type: ignore[attr-defined]
        return False


class LazyTab(QWidget):
    """Pages by key behind a tab bar ("bar") or a list down the side ("list")."""

    def __init__(
        self,
        runner: OpRunner,
        pages: Mapping[str, tuple[str, PageFactory]],
        *,
        name: str,
        selector: Literal["bar", "list"] = "bar",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._pages = dict(pages)
        self._keys = tuple(pages)
        self._built: dict[str, Any] = {}
        self.hidden: frozenset[str] = frozenset()  # pages this person's team role may not read
        # No page before the database is open: the window's first frame shows the tabs only.
        self._started = hasattr(runner, "store")
        self._follows: dict[str, Follow] = {}
        self.stack = QStackedWidget(self)
        for _label, _factory in self._pages.values():
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when first opened
        self.bar: QTabBar | QListWidget
        if selector == "list":
            self.bar = self._section_list(name)
            self.bar.currentRowChanged.connect(self._show_page)
            direction = QBoxLayout.Direction.LeftToRight
        else:
            self.bar = QTabBar(self)
            self.bar.setObjectName(f"{name.lower()}_pages")
            self.bar.setAccessibleName(f"{name} pages")
            self.bar.setExpanding(False)
            for label, _factory in self._pages.values():
                self.bar.addTab(label)
            self.bar.currentChanged.connect(self._show_page)
            direction = QBoxLayout.Direction.TopToBottom
        explain_words(self.bar)
        layout = QBoxLayout(direction, self)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

    def _section_list(self, name: str) -> QListWidget:
        sections = QListWidget(self)
        sections.setObjectName(f"{name.lower()}_sections")
        sections.setAccessibleName(f"{name} sections")
        sections.setSpacing(3)
        sections.setWordWrap(True)
        for label, _factory in self._pages.values():
            sections.addItem(label.replace("&", ""))
        sections.setCurrentRow(0)
        self._fit_sections(sections)
        return sections

    def _fit_sections(self, sections: QListWidget) -> None:
        # As wide as the labels of one or two words; a longer one ("Lessons and next steps")
        # wraps onto a second line rather than take width from every page.
        width = sections.fontMetrics().horizontalAdvance
        widest = max(
            _two_lines(width, label) if len(label.split()) > 2 else width(label)
            for label, _factory in self._pages.values()
        )
        sections.setFixedWidth(widest + 32)

    def changeEvent(self, event: QEvent) -> None:
        """Keep a section list as wide as its words when the text is zoomed."""
        if event.type() == QEvent.Type.FontChange and isinstance(self.bar, QListWidget):
            # After the event: the list itself may not have its new font yet.
            bar = self.bar
            QTimer.singleShot(0, lambda: self._fit_sections(bar))
        super().changeEvent(event)

    def page(self, key: str) -> Any:
        """The page for a key, built (and shown the open event) on first use."""
        if key not in self._built:
            page = self._pages[key][1](self.runner, self)
            mark_scope(page)  # Alt+letters: never on screen with the tab's other pages
            index = self._keys.index(key)
            placeholder = self.stack.widget(index)
            assert placeholder is not None
            current = self.stack.currentIndex()
            # In a scrolling frame: a page taller or wider than the window scrolls, never
            # making the window grow past the screen.
            self.stack.insertWidget(index, PageScroll(page, self.stack))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._built[key] = page
            self._follows[key] = Follow(page, self.runner)
            explain_words(page)  # the glossary's tooltips on the words it shows
            self.connect_page(key, page)
            self._follows[key].event_id = self.event_id
            page.set_event(self.event_id)
        return self._built[key]

    def connect_page(self, key: str, page: Any) -> None:
        """Wire a newly built page's signals to the tab's (overridden by tabs that need it)."""

    def current_key(self) -> str:
        """The page on show."""
        index = self.bar.currentRow() if isinstance(self.bar, QListWidget) else None
        if index is None:
            assert isinstance(self.bar, QTabBar)
            index = self.bar.currentIndex()
        return self._keys[max(index, 0)]

    @property
    def keys(self) -> tuple[str, ...]:
        """Its pages' keys, in the order they are shown."""
        return self._keys

    def title(self, key: str) -> str:
        """A page's title as it reads on screen (without its Alt letter's "&")."""
        return self._pages[key][0].replace("&", "")

    def shown_page(self) -> Any:
        """The page on show (None until it is built): inside its scrolling frame."""
        return self._built.get(self.current_key())

    def hide_pages(self, keys: Collection[str]) -> None:
        """Show only the pages not in `keys` (a team role that may not read them); the page on
        show moves to the first one left."""
        self.hidden = frozenset(keys)
        for index, key in enumerate(self._keys):
            if isinstance(self.bar, QListWidget):
                item = self.bar.item(index)
                assert item is not None
                item.setHidden(key in self.hidden)
            else:
                self.bar.setTabVisible(index, key not in self.hidden)
        if self.current_key() in self.hidden:
            self.show_section(next(k for k in self._keys if k not in self.hidden))

    def show_section(self, key: str) -> None:
        """Open a page by its key (not one hidden from this person's role)."""
        if key not in self._pages:
            self.outside_key(key)
        elif key in self.hidden:
            return
        elif isinstance(self.bar, QListWidget):
            self.bar.setCurrentRow(self._keys.index(key))
        else:
            self.bar.setCurrentIndex(self._keys.index(key))

    def step_page(self, step: int) -> None:
        """Open the next (1) or previous (-1) page, round from the last to the first."""
        shown = [k for k in self._keys if k not in self.hidden]
        index = shown.index(self.current_key()) if self.current_key() in shown else 0
        self.show_section(shown[(index + step) % len(shown)])

    def outside_key(self, key: str) -> None:
        """A key that is not one of this tab's pages (the Planning tab hands it to the window)."""

    def _show_page(self, row: int) -> None:
        previous = self.stack.currentIndex()
        if previous >= 0 and self._keys[previous] in self._built and previous != row:
            self._built[self._keys[previous]].flush()
        self.stack.setCurrentIndex(row)
        self._build_visible()

    def start(self) -> None:
        """The database is open: build the page on show (and the others when opened)."""
        self._started = True
        self._build_visible()

    def _build_visible(self) -> None:
        if self._started and self.isVisible() and self.current_key() not in self._built:
            self.page(self.current_key())

    def set_event(self, event_id: int | None) -> None:
        """Show another event: the page on show now, the others when they are opened."""
        self.flush()
        self.event_id = event_id
        for follow in self._follows.values():
            follow.show_event(event_id)
        self._build_visible()

    def flush(self) -> None:
        """Save anything still being typed (switching page, event or tab, closing)."""
        for page in self._built.values():
            page.flush()

    def showEvent(self, event: QShowEvent) -> None:
        """Build the page on show the first time the tab is opened."""
        super().showEvent(event)
        self._build_visible()


def _two_lines(width: Callable[[str], int], label: str) -> int:
    """The narrowest width that shows a label on two lines, broken between words."""
    words = label.split()
    return min(
        max(width(" ".join(words[:n])), width(" ".join(words[n:]))) for n in range(1, len(words))
    )
