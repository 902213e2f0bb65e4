"""Fixtures for driving the real window like a person: no modal dialog ever blocks a test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from organiser.core.db import Store
from organiser.ui.main_window import MainWindow
from tests.ui.shown import shown_window


@dataclass
class Dialogs:
    """What the patched dialogs answer, and what they were asked."""

    text: tuple[str, bool] = ("", False)
    item: tuple[str, bool] = ("", False)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.No
    save_path: str = ""
    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    abouts: list[str] = field(default_factory=list)
    save_suggestions: list[str] = field(default_factory=list)
    warnings_expected: bool = False


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: QApplication) -> Iterator[None]:
    """Leave the clipboard empty: Qt deletes what it holds after Python has shut down, and
    deleting a QMimeData made in Python then crashes the process at exit."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    """Replace every modal dialog the app opens; a warning nobody expected fails the test."""
    found = Dialogs()

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        found.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        found.questions.append(text)
        return found.answer

    def about(_parent: Any, _title: str, text: str) -> None:
        found.abouts.append(text)

    def get_text(*_args: Any, **_kwargs: Any) -> tuple[str, bool]:
        return found.text

    def get_item(*_args: Any, **_kwargs: Any) -> tuple[str, bool]:
        return found.item

    def get_save_file_name(_parent: Any, _caption: str, suggested: str, *_args: Any) -> Any:
        found.save_suggestions.append(suggested)
        return found.save_path, "PDF (*.pdf)"

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(about))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    yield found
    if not found.warnings_expected:
        assert found.warnings == [], "the app showed a warning the test did not expect"


@pytest.fixture
def window(qtbot: Any, qapp: QApplication, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on a fresh database with its own settings file, shown and active."""
    with shown_window(qtbot, qapp, store, tmp_path / "s.ini") as shown:
        shown.activateWindow()
        qtbot.waitUntil(shown.isActiveWindow)
        yield shown


class Person:
    """Uses the window with keyboard and mouse, and reads back what the screen shows."""

    def __init__(self, qtbot: Any, type_text: Callable[[Any, str], None]) -> None:
        self.qtbot = qtbot
        self._type_text = type_text

    def focus(self, widget: QWidget) -> None:
        """Put the cursor in a widget (as a click or Tab would)."""
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        self.qtbot.waitUntil(widget.hasFocus, timeout=2000)

    def type(self, widget: QWidget, text: str, *, replace: bool = True) -> None:
        """Type into a field, replacing what is there; non-ASCII goes through key events."""
        self.focus(widget)
        if replace:
            self.qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.qtbot.keyClick(widget, Qt.Key.Key_Delete)
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:
            self._type_text(widget, text)

    def tab(self, widget: QWidget) -> None:
        """Press Tab to leave a field."""
        self.qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert not widget.hasFocus()

    def fill(self, widget: QWidget, text: str) -> None:
        """Type into a field and press Tab, as a person moving through a form."""
        self.type(widget, text)
        self.tab(widget)

    def click(self, button: QWidget) -> None:
        """Click a button with the mouse."""
        assert button.isVisible() and button.isEnabled(), "cannot click a hidden or dim button"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def tick(self, box: QCheckBox) -> None:
        """Tick or untick a checkbox with the space bar."""
        self.focus(box)
        self.qtbot.keyClick(box, Qt.Key.Key_Space)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Pick an entry of a list with the arrow keys."""
        target = combo.findText(text)
        assert target >= 0, f"{text!r} is not offered"
        self.focus(combo)
        while combo.currentIndex() != target:
            key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
            self.qtbot.keyClick(combo, key)

    def choose_row(self, view: QAbstractItemView, row: int) -> None:
        """Click a row of a table or list."""
        index = view.model().index(row, 0)
        view.scrollTo(index)
        rect = view.visualRect(index)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    @staticmethod
    def column(view: QAbstractItemView, title: str) -> list[str]:
        """The text shown in one column of a table, top to bottom."""
        model = view.model()
        headings = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        number = headings.index(title)
        return [model.index(r, number).data() for r in range(model.rowCount())]

    @staticmethod
    def items(view: QAbstractItemView) -> list[str]:
        """The text of every row of a one-column list."""
        model = view.model()
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    @staticmethod
    def message(form: Any, key: str) -> str:
        """The message shown under a field ('' when none is visible)."""
        label = form.messages[key]
        return label.text() if label.isVisible() else ""

    @staticmethod
    def shown(widget: QWidget) -> str:
        """The text an input shows."""
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()


@pytest.fixture
def person(qtbot: Any, type_text: Callable[[Any, str], None]) -> Person:
    """Someone at the keyboard."""
    return Person(qtbot, type_text)


def menu_action(window: MainWindow, menu: str, text: str) -> QAction:
    """A menu entry found by its menu's and its own text (ampersands included)."""
    for top in window.menuBar().actions():
        if top.text() == menu:
            for action in top.menu().actions():
                if action.text().startswith(text):
                    return action
    raise AssertionError(f"no {menu} ▸ {text} entry")


@pytest.fixture
def find_action() -> Callable[[MainWindow, str, str], QAction]:
    """`find_action(window, '&Edit', '&Undo')`: a menu entry."""
    return menu_action


@pytest.fixture
def new_event(window: MainWindow, dialogs: Dialogs, find_action: Any) -> Callable[[str], int]:
    """Create an event through File ▸ New event; returns its id."""

    def _new(title: str) -> int:
        dialogs.text = (title, True)
        find_action(window, "&File", "&New event").trigger()
        assert window.event_id is not None
        return window.event_id

    return _new
