"""The notes' text box: Markdown pasted as formatted text, and the window's undo keys kept
for the notes' own history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import QTextEdit

MARKDOWN = "text/markdown"


def _is_redo(event: QKeyEvent) -> bool:
    # The window's Redo also answers Ctrl+Shift+Z, whatever the platform's own Redo keys are.
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    return event.matches(QKeySequence.StandardKey.Redo) or (
        event.key() == Qt.Key.Key_Z and event.modifiers() == ctrl_shift
    )


class NotesText(QTextEdit):
    """The typing area: keeps its own undo, and pastes Markdown or plain text, never web styling."""

    def event(self, event: QEvent) -> bool:
        """Undo and redo while typing here are the editor's, never the window's Edit ▸ Undo."""
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
