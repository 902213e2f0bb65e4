"""One part of the report's narrative: its title, where its words come from, and the words in
the meeting notes' Markdown editor, saved within a second of typing, on leaving it and on closing.

Every save goes through the runner onto the window's undo list; saves during one spell of typing
in a section merge into one step, so Undo takes back the spell, not a word.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core.coproduction import narrative
from organiser.core.coproduction.narrative import NarrativeSection
from organiser.core.errors import OrganiserError
from organiser.ui.meetings.notes_text import NotesText
from organiser.ui.ops import OpRunner
from organiser.ui.report.formats import FORMATS, Format, shown_keys
from organiser.ui.report.undo import save_section, section_inverse

SAVE_AFTER_PAUSE_MS = 700
SAVE_AT_LEAST_EVERY_MS = 800
FROM_DATA = "Written from the event’s data"
EDITED = "Edited — your words are kept"
USE_DATA = "Use the words from the data again"


def normalise(markdown: str) -> str:
    """Markdown as the editor gives it back (Qt rewraps and respaces it on the first pass)."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return document.toMarkdown().strip()


class SectionEditor(QFrame):
    """A titled section of the narrative, editable as Markdown and saved as it is typed."""

    entered = Signal(object)  # this editor, when the cursor comes into its text
    saved = Signal(str)  # what to say about the last save, in words

    def __init__(self, runner: OpRunner, key: str, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.key = key
        self.event_id: int | None = None
        self.edited = False
        self._loading = False
        self._prefill = ""
        self._shown = ""
        self._spell = 0
        self.setObjectName(f"section_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = NotesText(self)
        self.text.setObjectName(f"report_{key}")
        self.text.setAccessibleName(title)
        self.text.setAccessibleDescription(
            "Saved as you type. "
            + ", ".join(f"{shown_keys(keys)} {name.lower()}" for _k, _l, name, keys, _f in FORMATS)
            + "."
        )
        self.text.setTabChangesFocus(True)
        self.text.setAutoFormatting(QTextEdit.AutoFormattingFlag.AutoBulletList)
        # The text grows with its words, so the window has one scroll bar, not seven.
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.text.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self.text.textChanged.connect(self._typed)
        self.text.installEventFilter(self)
        self.heading = QLabel(f"&{title}", self)
        self.heading.setObjectName(f"heading_{key}")
        self.heading.setProperty("role", "subheading")
        self.heading.setBuddy(self.text)
        self.state = QLabel(self)
        self.state.setObjectName(f"state_{key}")
        self.state.setAccessibleName(f"{title}: where the words come from")
        self.reset_button = QPushButton(USE_DATA, self)
        self.reset_button.setObjectName(f"use_data_{key}")
        self.reset_button.setAccessibleName(f"{title}: {USE_DATA.lower()}")
        self.reset_button.setToolTip("Put back the sentences written from the event’s data")
        self.reset_button.clicked.connect(self.use_data_words)
        for _key, _label, name, keys, apply in FORMATS:
            action = QAction(name, self.text)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, run=apply: self.apply(run))
            self.text.addAction(action)
        self._pause = self._timer(SAVE_AFTER_PAUSE_MS)
        self._limit = self._timer(SAVE_AT_LEAST_EVERY_MS)
        foot = QHBoxLayout()
        foot.addWidget(self.state, 1)
        foot.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(foot)
        self._fit()

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.save_now)
        return timer

    def _fit(self) -> None:
        lines = self.text.fontMetrics().lineSpacing()
        words = self.text.document().size().height()
        frame = 2 * self.text.frameWidth()
        self.text.setFixedHeight(int(max(words, lines * 3)) + frame + lines // 2)

    def changeEvent(self, event: QEvent) -> None:
        """Fit the text again when the window's text is zoomed."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    @property
    def title(self) -> str:
        """The section's title as it prints."""
        return narrative.TITLES[self.key]

    def apply(self, run: Format) -> None:
        """Format the chosen words (bold, a list) and carry on typing."""
        run(self.text)
        self.text.setFocus()

    def markdown(self) -> str:
        """The words as Markdown, as they would be kept now."""
        return self.text.document().toMarkdown().strip()

    def show_section(self, event_id: int, section: NarrativeSection) -> None:
        """Show a section's words and where they come from; words being typed stay."""
        if event_id != self.event_id:
            self.save_now()
            self.text.document().setModified(False)
        self.event_id = event_id
        self._prefill = normalise(section.prefill)
        self.edited = section.edited
        self._show_state()
        document = self.text.document()
        if document.isModified():
            return  # the person is typing: their words win, and save in a moment
        if normalise(section.text) != self.markdown():
            self._loading = True
            try:
                document.setMarkdown(section.text)
                document.clearUndoRedoStacks()
                document.setModified(False)
                self.text.moveCursor(QTextCursor.MoveOperation.Start)
            finally:
                self._loading = False
            self._spell += 1
        self._shown = self.markdown()

    def _show_state(self) -> None:
        self.state.setText(EDITED if self.edited else FROM_DATA)
        self.reset_button.setEnabled(self.edited)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save when the cursor leaves the text; note when it comes in."""
        if watched is self.text:
            if event.type() == QEvent.Type.FocusOut:
                self.save_now()
                self._spell += 1
            elif event.type() == QEvent.Type.FocusIn:
                self.entered.emit(self)
        return super().eventFilter(watched, event)

    def _typed(self) -> None:
        if self._loading or self.event_id is None:
            return
        if not self.edited:  # the words are the person's now, and saved in a moment
            self.state.setText(EDITED)
            self.reset_button.setEnabled(True)
        self._pause.start()
        if not self._limit.isActive():
            self._limit.start()

    def save_now(self) -> None:
        """Keep the words now if they changed since they were shown or last saved."""
        self._pause.stop()
        self._limit.stop()
        document = self.text.document()
        if self.event_id is None or not document.isModified():
            return
        document.setModified(False)
        text = self.markdown()
        if text == self._shown:
            self._show_state()  # typed and taken back: as it was
            return
        # Words typed back to exactly the data's are the data's again (and follow it).
        kept = "" if text == self._prefill else text
        try:
            save_section(
                self.runner,
                event_id=self.event_id,
                section=self.key,
                text=kept,
                spell=(self.event_id, self.key, self._spell),
                origin=self,
            )
        except OrganiserError as exc:
            document.setModified(True)
            self.saved.emit(f"⚠ {self.title} not saved: {exc}")
            return
        self._shown = text
        self.edited = bool(kept)
        self._show_state()
        self.saved.emit(f"Saved {dt.datetime.now():%H:%M:%S}")

    def use_data_words(self) -> None:
        """After asking, put back the words written from the data (Undo brings yours back)."""
        if self.event_id is None:
            return
        answer = QMessageBox.question(
            self,
            USE_DATA,
            f"Replace your words in “{self.title}” with the sentences written from the "
            "event’s data?\n\nUndo (Ctrl+Z) brings your words back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.save_now()
        store, event_id, key = self.runner.store, self.event_id, self.key
        self.runner.push(
            USE_DATA,
            lambda: narrative.set_text(store, event_id=event_id, section=key, text=""),
            section_inverse(store, event_id, key),
        )
