"""The notes' text box: Markdown pasted as formatted text, the window's undo keys kept for the
notes' own history, and the whole of a long note in before anything reads, moves or changes it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import QTextEdit

MARKDOWN = "text/markdown"
# What a person does in the text box; mouse events reach it through its viewport.
INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.Drop,
    }
)


def _whole_first(method: Callable[..., Any]) -> Callable[..., Any]:
    """`method`, called once the whole note is in the text box."""

    @functools.wraps(method)
    def run(self: NotesText, *args: Any) -> Any:
        self.before_change()
        return method(self, *args)

    return run


def _is_redo(event: QKeyEvent) -> bool:
    # The window's Redo also answers Ctrl+Shift+Z, whatever the platform's own Redo keys are.
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    return event.matches(QKeySequence.StandardKey.Redo) or (
        event.key() == Qt.Key.Key_Z and event.modifiers() == ctrl_shift
    )


class NotesText(QTextEdit):
    """The typing area: keeps its own undo, and pastes Markdown or plain text, never web styling."""

    before_change: Callable[[], None] = staticmethod(lambda: None)  # the loader's finish

    # Calls from code read, move or change the whole note, as a person's keys do.
    append = _whole_first(QTextEdit.append)
    clear = _whole_first(QTextEdit.clear)
    cut = _whole_first(QTextEdit.cut)
    insertHtml = _whole_first(QTextEdit.insertHtml)
    insertPlainText = _whole_first(QTextEdit.insertPlainText)
    moveCursor = _whole_first(QTextEdit.moveCursor)
    paste = _whole_first(QTextEdit.paste)
    redo = _whole_first(QTextEdit.redo)
    selectAll = _whole_first(QTextEdit.selectAll)
    setTextCursor = _whole_first(QTextEdit.setTextCursor)
    toHtml = _whole_first(QTextEdit.toHtml)
    toMarkdown = _whole_first(QTextEdit.toMarkdown)
    toPlainText = _whole_first(QTextEdit.toPlainText)
    undo = _whole_first(QTextEdit.undo)

    def viewportEvent(self, event: QEvent) -> bool:
        """A click or drop in the text comes after the whole note is in."""
        if event.type() in INPUT:
            self.before_change()
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        """Keys come after the whole note is in. Undo and redo while typing here are the
        editor's, never the window's Edit ▸ Undo."""
        if event.type() in INPUT:
            self.before_change()
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(QKeySequence.StandardKey.Undo) or _is_redo(event))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Redo with Ctrl+Shift+Z as well as the platform's own keys."""
        if _is_redo(event):
            self.redo()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste Markdown (what copying notes gives) with its formatting; anything else, such
        as a web page's colours and fonts, as plain text."""
        if source.hasFormat(MARKDOWN):
            text = bytes(source.data(MARKDOWN).data()).decode("utf-8", errors="replace")
            self.textCursor().insertFragment(QTextDocumentFragment.fromMarkdown(text))
        elif source.hasText():
            self.textCursor().insertText(source.text())
        self.ensureCursorVisible()
