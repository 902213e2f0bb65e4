"""Every page of the window, for the tests that visit them all (fit, Alt letters, help, …)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QApplication

from organiser.ui.main_window import MainWindow
from organiser.ui.widgets.lazy_tab import LazyTab


@dataclass(frozen=True)
class PageOf:
    """One page of one main tab."""

    tab_name: str  # the tab as a key: "planning"
    tab: LazyTab
    key: str  # the page's key: "budget"

    @property
    def where(self) -> str:
        """The page as a person would name it: "Planning ▸ Budget"."""
        return f"{self.tab_name.capitalize()} ▸ {self.tab.title(self.key)}"

    @property
    def help_key(self) -> str:
        return f"{self.tab_name}/{self.key}"

    def show(self, window: MainWindow) -> Any:
        """Bring the page on screen (building it the first time) and let it settle."""
        window.tabs.setCurrentWidget(self.tab)
        self.tab.show_section(self.key)
        for _ in range(4):  # some layouts settle over a few passes
            QApplication.processEvents()
        return self.tab.page(self.key)


def every_page(window: MainWindow) -> list[PageOf]:
    """Each page of each main tab, in the window's order (at least 25 of them)."""
    found = []
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        assert isinstance(tab, LazyTab)
        name = window.tabs.tabText(index).replace("&", "").lower()
        found += [PageOf(name, tab, key) for key in tab.keys]
    assert len(found) >= 25, "every tab's pages are listed"
    return found
