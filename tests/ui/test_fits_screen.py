"""The window fits a 1366×768 laptop at 100% and at 200% text: it opens within the screen,
never grows itself as pages are shown or text is zoomed, and no page cuts off a label or a
button; pages reflow (the form under the list, buttons onto a second line) instead."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from page_walk import every_page
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QWidget,
)

from organiser.ui.main_window import MainWindow
from organiser.ui.widgets.fit import PageScroll, ReflowSplitter
from organiser.ui.window_place import first_place, within

pytestmark = pytest.mark.usefixtures("demo_event")


def free_area() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def zoom_to(window: MainWindow, factor: float) -> None:
    window.change_zoom(0)
    while window.zoom < factor:
        window.change_zoom(1)


def every_screen(window: MainWindow) -> Iterator[str]:
    """Show each page of each tab, and each tab inside a page, in turn; yield its name."""
    for shown in every_page(window):
        page = shown.show(window)
        yield shown.where
        for inner in page.findChildren(QTabWidget):
            if not inner.isVisible():
                continue
            for number in range(1, inner.count()):
                inner.setCurrentIndex(number)
                QApplication.processEvents()
                yield f"{shown.where} ▸ {inner.tabText(number).replace('&', '')}"
            inner.setCurrentIndex(0)


def _inside_a_view(widget: QWidget) -> bool:
    """Part of a table, list or text box (their own scrolling takes care of them)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_off(window: MainWindow) -> list[str]:
    """Labels and buttons on screen whose words do not fit the room they were given."""
    found = []
    page = window.tabs.currentWidget()
    assert page is not None
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or _inside_a_view(widget):
            continue
        text = ""
        if isinstance(widget, QPushButton | QToolButton) and widget.text():
            text = widget.text()
            short = widget.width() < widget.minimumSizeHint().width() - 1
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            text = widget.text()  # (a label that wraps grows taller instead)
            short = widget.width() < widget.minimumSizeHint().width() - 1
        else:
            continue
        if short:
            found.append(f"{type(widget).__name__} {text[:40]!r} ({widget.width()} px)")
    return found


def sideways(window: MainWindow) -> list[str]:
    """Pages on screen that need scrolling sideways."""
    return [
        scroll.widget().objectName() or "a page"
        for scroll in window.findChildren(PageScroll)
        if scroll.isVisible() and scroll.horizontalScrollBar().maximum() > 0
    ]


@pytest.mark.parametrize("factor", [1.0, 2.0])
def test_every_page_fits_a_laptop_screen_without_cutting_words(
    window: MainWindow, factor: float
) -> None:
    free = free_area()
    assert (free.width(), free.height()) == (1366, 768), "tests run on a laptop's screen"
    assert free.contains(window.geometry()), "the window opens within the screen"
    zoom_to(window, factor)
    size = window.size()
    problems = []
    for name in every_screen(window):
        assert window.size() == size, f"the window grew on {name} at {factor:.0%}"
        problems += [f"{name}: {problem}" for problem in cut_off(window)]
        if factor == 1.0:
            problems += [f"{name}: scrolls sideways" for _ in sideways(window)]
    assert problems == [], "\n".join(problems)


def test_at_200_percent_on_a_large_screen_no_page_scrolls_sideways(window: MainWindow) -> None:
    zoom_to(window, 2.0)
    window.resize(1920, 1080 - 32)
    problems = []
    for name in every_screen(window):
        problems += [f"{name}: scrolls sideways" for _ in sideways(window)]
    assert problems == [], "\n".join(problems)


def test_zooming_in_and_back_never_grows_the_window(window: MainWindow) -> None:
    size = window.size()
    for _step in range(8):
        window.change_zoom(1)
        for _name in every_screen(window):
            pass
        assert free_area().contains(window.geometry())
    assert window.size() == size
    window.change_zoom(0)
    assert window.size() == size


def test_a_narrow_window_puts_the_form_under_the_list(window: MainWindow) -> None:
    window.planning.show_section("budget")
    splitter = window.planning.budget.findChild(ReflowSplitter)
    assert splitter is not None
    window.resize(1366, 700)
    QApplication.processEvents()
    side_by_side = splitter.orientation()
    window.resize(760, 700)
    QApplication.processEvents()
    assert (side_by_side.name, splitter.orientation().name) == ("Horizontal", "Vertical")
    window.resize(1366, 700)
    QApplication.processEvents()
    assert splitter.orientation().name == "Horizontal"


def test_a_window_remembered_on_a_bigger_screen_opens_within_this_one() -> None:
    laptop = QRect(0, 0, 1366, 728)  # a taskbar takes the bottom 40 pixels
    assert laptop.contains(within(QRect(300, 200, 1920, 1080), laptop))
    assert within(QRect(100, 100, 800, 600), laptop) == QRect(100, 100, 800, 600)
    first = first_place(laptop)
    assert laptop.contains(first) and first.width() == 1280 and first.height() <= 728 - 32


def test_the_window_remembers_its_place_per_screen(
    qtbot: Any, window: MainWindow, store: Any, tmp_path: Any
) -> None:
    window.setGeometry(QRect(40, 60, 1000, 600))
    window.close()
    again = MainWindow(store, window.settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1000, 600)
    keys = again.settings.allKeys()
    assert any(key.startswith("window/geometry/laptop-1366x768") for key in keys)


def test_a_place_kept_by_an_earlier_version_is_used_within_the_screen(
    qtbot: Any, window: MainWindow, store: Any
) -> None:
    window.setGeometry(QRect(0, 40, 2400, 1400))
    window.settings.setValue("window/geometry", window.saveGeometry())
    again = MainWindow(store, window.settings)
    qtbot.addWidget(again)
    assert free_area().contains(again.geometry())
    assert again.width() > 1280, "the saved place, shrunk to the screen (not a first start)"
