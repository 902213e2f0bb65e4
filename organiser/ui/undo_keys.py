"""Ctrl+Z and Ctrl+Shift+Z undo and redo the window's changes whenever the field being typed
in has nothing of its own to undo: a text input otherwise keeps those keys for itself, so
after "Delete cost" they did nothing in the empty field left behind."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def own_history(widget: QObject, *, redo: bool) -> bool | None:
    """Whether a text input can undo (or redo) typing of its own; None for other widgets."""
    if isinstance(widget, QComboBox):
        line = widget.lineEdit()
        return None if line is None else own_history(line, redo=redo)
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class WindowUndoKeys(QObject):
    """Lets the Edit menu's Undo and Redo keys through from an input with nothing to undo."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._keys = ((undo, False), (redo, True))

    def follow(self, old: QWidget | None, new: QWidget | None) -> None:
        """Watch only the input that has the focus (not every event of the application)."""
        if old is not None:
            with contextlib.suppress(RuntimeError):  # the old input may be gone already
                old.removeEventFilter(self)
        if new is None or new.window() is not self._window:
            return
        if own_history(new, redo=False) is not None:  # a text input: it may want the keys
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before a key press, Qt asks the focused input whether it wants the key for itself.
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        for action, redo in self._keys:
            if pressed in action.shortcuts():
                # Not asked, the input cannot claim the key: the menu's action gets it.
                return own_history(watched, redo=redo) is False
        return False


def undo_from_any_field(window: QWidget, undo: QAction, redo: QAction) -> None:
    """Install the keys once for the window (they follow the focus wherever it goes)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keys = WindowUndoKeys(window, undo, redo)
    app.focusChanged.connect(keys.follow)
    keys.follow(None, app.focusWidget())
