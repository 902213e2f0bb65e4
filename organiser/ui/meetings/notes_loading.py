"""Showing long notes at once: the first screenful now, the whole note moments later.

Parsing 1 MB of Markdown into the text box took over 400 ms (most of it laying out text as it
arrived). The notes are parsed piece by piece (see `notes_chunks`) into a document of their own,
which nothing lays out until it is shown. A note longer than `HEAD_CHARS` shows its beginning
straight away while the rest is built between events, a few milliseconds at a time; then the
whole document takes its place, where the reader was. Anything that would change or move in the
text (a key, a click, a paste, a format button, a call on the text box) first finishes the
building at once, so nothing is ever typed into the beginning alone.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit

from organiser.ui.meetings.notes_chunks import split_markdown
from organiser.ui.meetings.notes_markdown import MarkdownMirror

HEAD_CHARS = 16_000  # more than a screenful, even with 200 % text on a large screen
SLICE_S = 0.006  # building the rest holds up the next key about this long (one chunk more at most)


def new_document(like: QTextDocument, parent: QObject) -> QTextDocument:
    """An empty document with the text box's font (Markdown's paragraph spacing follows it)."""
    document = QTextDocument(parent)
    document.setDefaultFont(like.defaultFont())
    document.setUndoRedoEnabled(False)
    return document


def append_chunk(document: QTextDocument, chunk: str) -> tuple[int, str, int]:
    """Add `chunk`, parsed alone, after the document's last paragraph: where it starts, the
    chunk and its length in the document."""
    if document.isEmpty():
        document.setMarkdown(chunk)
        return 0, chunk, document.characterCount()
    parsed = QTextDocument()
    parsed.setDefaultFont(document.defaultFont())
    parsed.setUndoRedoEnabled(False)
    parsed.setMarkdown(chunk)
    first = parsed.firstBlock()
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    # A fragment added at the start of a paragraph leaves that paragraph's format alone.
    look = QTextBlockFormat(first.blockFormat())
    cursor.insertBlock(look, first.charFormat())
    start = cursor.position()
    cursor.insertFragment(QTextDocumentFragment(parsed))
    return start, chunk, parsed.characterCount()


class NotesLoader(QObject):
    """Puts notes into a text box and keeps their Markdown (`mirror`) as they are edited."""

    def __init__(self, text: QTextEdit) -> None:
        super().__init__(text)
        self.text = text
        self.mirror = MarkdownMirror(text.document(), [(0, "", 1)])
        self._chunks: list[str] = []
        self._building: QTextDocument | None = None
        self._pieces: list[tuple[int, str, int]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_some)

    @property
    def loading(self) -> bool:
        """True while only the beginning of the note is shown."""
        return self._building is not None

    def load(self, notes: str) -> None:
        """Show `notes`, the beginning at once when they are long."""
        self._stop()
        self._chunks = split_markdown(notes)
        whole = new_document(self.text.document(), self)
        self._pieces = []
        if len(notes) <= HEAD_CHARS or len(self._chunks) == 1:
            self._pieces = [append_chunk(whole, chunk) for chunk in self._chunks]
            self._chunks = []
            self._put(whole, self._pieces)
            return
        head, pieces, shown = new_document(whole, self), [], 0
        while shown < len(self._chunks) and head.characterCount() < HEAD_CHARS:
            pieces.append(append_chunk(head, self._chunks[shown]))
            shown += 1
        self._put(head, pieces)
        head.contentsChange.connect(self._head_changed)
        self._building = whole
        self._timer.start()

    def _stop(self) -> None:
        self._timer.stop()
        if self._building is not None:
            self._building.deleteLater()
            self._building = None

    def _build_some(self) -> None:
        if self._building is None:
            return
        deadline = time.perf_counter() + SLICE_S
        while len(self._pieces) < len(self._chunks):
            chunk = self._chunks[len(self._pieces)]
            self._pieces.append(append_chunk(self._building, chunk))
            if time.perf_counter() > deadline:
                break
        if len(self._pieces) < len(self._chunks):
            self._timer.start()
        else:
            self._show_whole()

    def finish(self) -> None:
        """Have the whole note in the text box now."""
        if self._building is None:
            return
        self._timer.stop()
        for chunk in self._chunks[len(self._pieces) :]:
            self._pieces.append(append_chunk(self._building, chunk))
        self._show_whole()

    def _show_whole(self) -> None:
        whole, self._building = self._building, None
        assert whole is not None
        bar = self.text.verticalScrollBar()
        scrolled, cursor = bar.value(), self.text.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        waiting = self.text.document().isModified()  # a save to try again stays due
        whole.setDefaultFont(self.text.document().defaultFont())  # zoomed while it was built
        self._put(whole, self._pieces)
        whole.setModified(waiting)
        moved = QTextCursor(whole)
        moved.setPosition(anchor)
        moved.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(moved)
        bar.setValue(scrolled)
        self._chunks = []

    def _head_changed(self, _position: int, _removed: int, _added: int) -> None:
        """Changed by a route that did not finish the loading first: the rest goes on after
        what is shown, here and now, rather than replace the change."""
        head = self.text.document()
        if self._building is None or self.mirror.quiet:
            return
        self._stop()
        head.contentsChange.disconnect(self._head_changed)
        undo = head.isUndoRedoEnabled()
        head.setUndoRedoEnabled(False)
        self.mirror.quiet = True
        try:
            for chunk in self._chunks[len(self.mirror.pieces) :]:
                self.mirror.add(*append_chunk(head, chunk))
        finally:
            self.mirror.quiet = False
            head.setUndoRedoEnabled(undo)
        self._chunks = []

    def _put(self, document: QTextDocument, pieces: list[tuple[int, str, int]]) -> None:
        old = self.text.document()
        # The text box deletes the document it made itself; the loader's are deleted here.
        owned = old is not document and old.parent() is self
        self.mirror.quiet = True  # a document being replaced: its changes are nobody's typing
        self.text.setDocument(document)
        document.setUndoRedoEnabled(True)
        document.clearUndoRedoStacks()
        document.setModified(False)
        self.mirror = MarkdownMirror(document, pieces)
        if owned:
            old.deleteLater()
