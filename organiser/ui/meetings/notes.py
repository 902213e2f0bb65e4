"""The meeting notes editor: type fast, format from the keyboard, saved as Markdown within a second.

Notes are saved after a short pause in typing and at least every 0.8 s while typing goes on:
those saves write on a worker thread, so typing never waits for the database (a 1 MB note's
write is longer than a frame). Leaving the editor, switching meeting, closing and the earlier
versions save on the UI thread, after any write under way, so nothing is saved out of order.
They are not on the window's undo list: the editor has its own Ctrl+Z, and the earlier
versions kept every few minutes bring back anything older.

Each save says which notes it started from and the meeting's version then: notes someone else
saved in between are never overwritten. Both are shown and the person chooses (keeping both is
offered first); what they typed stays on screen until they do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QHideEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import NotFound
from organiser.core.meetings import service as meetings
from organiser.core.parsing import local_moment
from organiser.ui.meetings import formatting
from organiser.ui.meetings.notes_clash import NOTES, notes_edits
from organiser.ui.meetings.notes_loading import NotesLoader
from organiser.ui.meetings.notes_text import NotesText
from organiser.ui.meetings.revisions import RevisionsDialog
from organiser.ui.meetings.unsaved import may_close
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.background_write import BackgroundWrite
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.versioned_edits import UNKNOWN

SAVE_AFTER_PAUSE_MS = 700
SAVE_AT_LEAST_EVERY_MS = 800
# Focus lost without leaving the notes: another window came to the front (or a late activation
# arrived), or a menu opened over them. Notes left for later are not asked about then; the
# cursor is still in them when the window comes back.
STAYING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
# Ctrl+0 is the window's "actual size"; Ctrl+Alt+0 is what word processors use for normal text.
NORMAL_TEXT_KEYS = "Ctrl+Alt+0"


class NotesEditor(QWidget):
    """A meeting's notes with a small toolbar, autosave and a 'Saved hh:mm:ss' line."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.meeting_id: int | None = None
        self.revisions_dialog: RevisionsDialog | None = None
        self.saved_text = ""  # the notes as stored when last loaded or saved
        self._loading = False
        self.waiting = False  # "Decide later" chosen: asked again on leaving, not while typing
        self.failed: str | None = None  # why the last save did not go through
        self.text = NotesText(self)
        self.text.setObjectName("notes_text")
        self.loader = NotesLoader(self.text)
        self.text.before_change = self.loader.finish
        self.text.setAccessibleName("Meeting notes")
        self.text.setAccessibleDescription(
            "Saved as you type. Ctrl+1, 2 or 3 for headings, Ctrl+B bold, "
            "Ctrl+Shift+8 bullets, Ctrl+Shift+7 numbers."
        )
        self.text.setPlaceholderText(
            "Type the notes of the meeting here. They are saved as you type."
        )
        self.text.setTabChangesFocus(True)
        self.text.setAutoFormatting(QTextEdit.AutoFormattingFlag.AutoBulletList)
        self.text.textChanged.connect(self._typed)
        self.text.installEventFilter(self)
        self.text.cursorPositionChanged.connect(self._show_format)
        self.text.currentCharFormatChanged.connect(lambda _f: self._show_format())
        self._pause = self._timer(SAVE_AFTER_PAUSE_MS)
        self._limit = self._timer(SAVE_AT_LEAST_EVERY_MS)
        self.status = QLabel(self)
        self.status.setObjectName("notes_saved")
        self.status.setAccessibleName("Notes saved")
        self.versions_button = QPushButton("Ea&rlier versions…", self)
        self.versions_button.setObjectName("notes_versions")
        self.versions_button.setToolTip("See and bring back notes as they were earlier")
        self.versions_button.clicked.connect(self.open_revisions)
        self.format_actions: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        self.edits = notes_edits(self, self, runner, lambda: self.meeting_id)
        self.writer = BackgroundWrite(self)
        self.writer.landed.connect(self._written)
        self._build()
        self.set_meeting(None, "", None)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self._autosave)
        return timer

    def _build(self) -> None:
        bar = FlowLayout()  # the format buttons wrap onto a second line when narrow
        tools: list[tuple[str, str, str, str, Callable[[], None]]] = [
            ("h1", "H1", "Heading 1", "Ctrl+1", lambda: formatting.set_heading(self.text, 1)),
            ("h2", "H2", "Heading 2", "Ctrl+2", lambda: formatting.set_heading(self.text, 2)),
            ("h3", "H3", "Heading 3", "Ctrl+3", lambda: formatting.set_heading(self.text, 3)),
            (
                "normal",
                "Normal",
                "Normal text",
                NORMAL_TEXT_KEYS,
                lambda: formatting.set_heading(self.text, 0),
            ),
            ("bold", "Bold", "Bold", "Ctrl+B", lambda: formatting.toggle_bold(self.text)),
            (
                "bullets",
                "• List",
                "Bullet list",
                "Ctrl+Shift+8",
                lambda: formatting.toggle_list(self.text, formatting.BULLETS),
            ),
            (
                "numbers",
                "1. List",
                "Numbered list",
                "Ctrl+Shift+7",
                lambda: formatting.toggle_list(self.text, formatting.NUMBERS),
            ),
        ]
        for key, label, name, keys, apply in tools:
            action = QAction(label, self.text)
            action.setObjectName(f"notes_{key}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setCheckable(True)
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{name} ({shown})")
            action.triggered.connect(lambda _checked=False, run=apply: self._format(run))
            self.text.addAction(action)
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"notes_{key}_button")
            button.setAccessibleName(name)
            button.setAccessibleDescription(f"Shortcut {shown}")
            if key == "bold":
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            bar.addWidget(button)
            self.format_actions[key] = action
            self.buttons[key] = button
        self.status.setWordWrap(True)  # a long "Saved …" line wraps rather than widen the page
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.versions_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        layout.addLayout(footer)

    def _format(self, apply: Callable[[], None]) -> None:
        self.loader.finish()
        if self.meeting_id is not None:
            apply()
            self.text.setFocus()
        self._show_format()

    def _show_format(self) -> None:
        level = formatting.heading_level(self.text)
        style = formatting.list_style(self.text)
        states = {
            "h1": level == 1,
            "h2": level == 2,
            "h3": level == 3,
            "normal": level == 0 and style is None,
            "bold": level == 0 and formatting.is_bold(self.text),
            "bullets": style == formatting.BULLETS,
            "numbers": style == formatting.NUMBERS,
        }
        for key, on in states.items():
            self.format_actions[key].setChecked(on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save when the cursor leaves the notes."""
        if watched is self.text and event.type() == QEvent.Type.FocusOut:
            staying = isinstance(event, QFocusEvent) and event.reason() in STAYING
            if not (self.waiting and staying):
                self.save_now()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Save when the notes go out of sight (another page, tab or the window closing)."""
        self.save_now()
        super().hideEvent(event)

    def _typed(self) -> None:
        if self._loading or self.meeting_id is None:
            return
        self._pause.start()
        if not self._limit.isActive():
            self._limit.start()

    def markdown(self) -> str:
        """The notes as Markdown, as they would be stored now (only what changed is written
        again: see `notes_markdown`)."""
        self.loader.finish()
        return self.loader.mirror.markdown()

    def set_meeting(self, meeting_id: int | None, notes: str, saved_at: dt.datetime | None) -> None:
        """Show another meeting's notes (saving what was typed in the last one first; typing
        that cannot be saved goes to a file or is discarded as the person chooses)."""
        self.save_now()
        if meeting_id != self.meeting_id and self.not_saved() is not None:
            may_close(self.window(), [self], can_wait=False)
        self.meeting_id = meeting_id
        version = UNKNOWN
        if meeting_id is not None:
            # The notes and their version read together: the next save compares with these.
            with contextlib.suppress(NotFound):
                notes, version = meetings.notes_state(self.runner.store, meeting_id)
        self._show_text(notes)
        self.edits.version = version
        self.setEnabled(meeting_id is not None)
        if saved_at is None:
            self.status.setText("No notes yet" if meeting_id is not None else "")
        else:
            local = local_moment(saved_at)
            self.status.setText(f"Last saved {local:%H:%M} on {local:%d/%m/%Y}")

    def _show_text(self, notes: str) -> None:
        self._loading = True
        try:
            self.loader.load(notes)  # a long note's beginning at once, the rest moments later
        finally:
            self._loading = False
        self.saved_text = notes
        self.waiting = False
        self.failed = None
        self._show_format()

    def _autosave(self) -> None:
        """Save while typing goes on, the write on the worker thread."""
        if self.waiting or self.writer.busy:  # a write under way: this one follows it
            return
        text = self._typed_text()
        if text is not None and self.meeting_id is not None:
            self.edits.save_in_background(
                self.meeting_id, {NOTES: text}, self.writer, again=self._save_again
            )

    def _save_again(self) -> None:
        """A background write met someone else's notes: save everything typed by now here,
        so the question that follows offers all of it."""
        self.text.document().setModified(True)
        self.waiting = False
        self.save_now()

    def _written(self) -> None:
        """A background write came back: what was typed meanwhile is saved next (after a
        refusal, the next key tries again, as it does after one on the UI thread)."""
        if self.text.document().isModified() and not self.waiting and self.failed is None:
            self._pause.start()

    def save_now(self) -> None:
        """Store the notes now if they changed since the last save (after any write under
        way, on this thread)."""
        self.writer.finish()
        text = self._typed_text()
        if text is not None and self.meeting_id is not None:
            self.edits.save(self.meeting_id, {NOTES: text}, {})

    def _typed_text(self) -> str | None:
        """The notes to save, if they changed since the last save (marked as saved now)."""
        self._pause.stop()
        self._limit.stop()
        document = self.text.document()
        if self.meeting_id is None or not document.isModified():
            return None
        if self.edits.dialog is not None:
            return None  # someone else's notes are being chosen from: the choice saves
        self.waiting = False
        text = self.markdown()
        document.setModified(False)
        return text if text != self.saved_text else None

    def not_saved(self) -> str | None:
        """Why typed notes are not saved (the last save failed and they still differ)."""
        if self.failed is None or self.meeting_id is None:
            return None
        return self.failed if self.markdown() != self.saved_text else None

    def reload_if_changed(self) -> None:
        """Show the stored notes if they changed elsewhere (an earlier version brought back)."""
        self.writer.finish()  # its outcome first: the notes it saved are not someone else's
        if self.edits.dialog is not None or self.meeting_id is None:
            return
        if self.text.document().isModified():
            return  # typing waits to be saved: its save compares it with what is stored now
        try:
            details = meetings.get_meeting(self.runner.store, self.meeting_id)
        except NotFound:
            return
        if details.notes != self.saved_text:
            self.set_meeting(details.id, details.notes, details.notes_saved_at)

    def show_stored(self, notes: str) -> None:
        """Show the notes as stored now (a clash settled), unless they are on screen already."""
        if self.markdown() != notes:
            self._show_text(notes)
        self.drop_typing()
        self.saved_text = notes
        self.waiting = False

    def drop_typing(self) -> None:
        """Forget that anything typed waits to be saved (it is saved, or must not be)."""
        self._pause.stop()
        self._limit.stop()
        self.text.document().setModified(False)

    def open_revisions(self) -> RevisionsDialog | None:
        """Show the earlier versions of these notes (saving the current text first)."""
        if self.meeting_id is None:
            return None
        self.save_now()
        dialog = RevisionsDialog(self.runner, self.meeting_id, self)
        dialog.restored.connect(self.reload_if_changed)
        dialog.finished.connect(self._revisions_closed)
        self.revisions_dialog = dialog
        dialog.open()
        return dialog

    def _revisions_closed(self) -> None:
        if self.revisions_dialog is not None:
            self.revisions_dialog.deleteLater()
            self.revisions_dialog = None
        self.text.setFocus()

    # The notes as the one field of a form, as VersionedEdits settles a clash on them.

    @property
    def behind(self) -> frozenset[str]:
        """Nothing: the notes are never refreshed under the typing."""
        return frozenset()

    def changed(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in values.items() if v != self.saved_text}

    def base_of(self, keys: Iterable[str]) -> dict[str, Any]:
        return {key: self.saved_text for key in keys}

    def put(self, values: Mapping[str, Any]) -> None:
        if NOTES in values:
            self.show_stored(values[NOTES])

    def mark_saved(self, values: Mapping[str, Any]) -> None:
        if NOTES in values:
            self.saved_text = values[NOTES]
            self.waiting = False
            self.failed = None
            self.status.setText(f"Saved {dt.datetime.now():%H:%M:%S}")

    def show_errors(self, errors: Mapping[str, str]) -> None:
        status = self.status
        if errors.get(NOTES):
            self.failed = errors[NOTES].removeprefix("Not saved yet: ")
            status.setText(f"⚠ Not saved: {self.failed}")
            self.text.document().setModified(True)  # tried again on the next save
        elif status.text().startswith("⚠"):
            status.setText("")

    def keep_pending(self) -> None:
        """Decide later: the typing stays unsaved, and is offered again on leaving the notes."""
        self.text.document().setModified(True)
        self.waiting = True

    def load(self, values: Mapping[str, Any], *, force: bool = False) -> None:
        if NOTES in values:
            self.show_stored(values[NOTES])
        if force:
            self.drop_typing()

    def label_of(self, _key: str) -> str:
        return "Version of the notes"

    def describe(self, _key: str, value: Any) -> str:
        return value or ""

    def is_long_text(self, _key: str) -> bool:
        return True
