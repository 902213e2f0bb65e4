"""The Summary report window: the report's six narrative sections, prefilled from the event's data
and edited before printing, then saved as a PDF or a Word document.

One window serves whichever event is open: it follows the event switcher, and refreshes the
words written from the data when the data changes (words being typed are never replaced).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.coproduction import narrative
from organiser.core.events import service as events
from organiser.documents import DOCUMENTS
from organiser.ui import printing
from organiser.ui.report.formats import FormatBar
from organiser.ui.report.section_editor import SectionEditor
from organiser.ui.report.series_dialog import SeriesReportDialog

if TYPE_CHECKING:
    from organiser.ui.host import Host

WHAT_IT_COVERS = (
    "The report tells the event as a case study: at a glance, background, how the working group "
    "shared the work, the programme, outcomes and quotes, the budget, learning and next steps. "
    "Figures and tables come from the event’s data; the words below are yours to change before "
    "printing, and are saved as you type. Quotes appear only where the person agreed to share "
    "them."
)


def _button(parent: QWidget, text: str, name: str, tip: str) -> QPushButton:
    made = QPushButton(text, parent)
    made.setObjectName(name)
    made.setToolTip(tip)
    made.setAutoDefault(False)
    return made


class SummaryReportDialog(QDialog):
    """Edit the report's narrative for the open event, then save the report."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.window())
        self.main = window
        self.runner = window.runner
        self.event_id: int | None = None
        self._stale = False
        self.series_dialog: SeriesReportDialog | None = None
        self.setObjectName("summary_dialog")
        self.setWindowTitle("Summary report")
        self.setModal(False)
        self.intro = QLabel(self)
        self.intro.setObjectName("summary_intro")
        self.intro.setWordWrap(True)
        self.format_bar = FormatBar(self)
        host = QWidget(self)
        column = QVBoxLayout(host)
        self.sections: dict[str, SectionEditor] = {}
        for key, title in narrative.SECTIONS:
            editor = SectionEditor(self.runner, key, title, host)
            editor.entered.connect(self.format_bar.follow)
            editor.saved.connect(self.status_text)
            column.addWidget(editor)
            self.sections[key] = editor
        column.addStretch()
        self.pane = QScrollArea(self)
        self.pane.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab goes through the sections' words, scrolled into view.
        self.pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pane.setWidget(host)
        self.status = QLabel(self)
        self.status.setObjectName("summary_status")
        self.status.setAccessibleName("Saved")
        self.pdf_button = _button(
            self, "Save as &PDF…", "save_summary_pdf", "The whole report, ready to print or send"
        )
        self.pdf_button.clicked.connect(lambda: self.save("summary"))
        self.word_button = _button(
            self,
            "Save as Wor&d document…",
            "save_summary_docx",
            "The report as a .docx file to paste into your own reports",
        )
        self.word_button.clicked.connect(lambda: self.save("summary-docx"))
        self.series_button = _button(
            self,
            "&Series report…",
            "series_report",
            "One report across the sessions of a series or a date range",
        )
        self.series_button.clicked.connect(self.open_series)
        self.undo_button = _button(self, "&Undo", "summary_undo", "")
        self.undo_button.clicked.connect(self.undo)
        stack = self.runner.undo_stack
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_button.setToolTip(f"Undo {text}"))
        self.undo_button.setEnabled(stack.canUndo())
        undo = QAction("Undo", self)
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(self.undo)
        self.addAction(undo)
        close = _button(self, "Close", "summary_close", "Your words are kept")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for made in (self.pdf_button, self.word_button, self.series_button, self.undo_button):
            buttons.addWidget(made)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.format_bar)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        window.runner.changes_applied.connect(self.refresh)
        self.resize(900, 700)  # fits a 1366 × 768 laptop screen

    def set_event(self, event_id: int | None) -> None:
        """Show another event's sections (what was typed for the last one is saved first)."""
        self.flush()
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        """Every section as it is kept now, and where its words come from."""
        self._stale = False
        event_id = self.event_id
        if event_id is None or not events.event_exists(self.runner.store, event_id):
            self.setWindowTitle("Summary report")
            self.intro.setText("Choose or create an event to write its summary report.")
            self.pane.setEnabled(False)
            self._enable(False)
            return
        title = events.get_event(self.runner.store, event_id).title
        self.setWindowTitle(f"Summary report — {title}")
        self.intro.setText(WHAT_IT_COVERS)
        self.pane.setEnabled(True)
        self._enable(True)
        for section in narrative.narrative(self.runner.store, event_id):
            self.sections[section.key].show_section(event_id, section)

    def _enable(self, on: bool) -> None:
        self.pdf_button.setEnabled(on)
        self.word_button.setEnabled(on)
        self.series_button.setEnabled(on)

    def refresh(self, changes: Changes) -> None:
        """Follow the data: the words written from it change with it."""
        if not changes.touched or changes.event_id not in (None, self.event_id):
            return
        if any(changes.origin is editor for editor in self.sections.values()):
            return  # a section's own save: its editor already shows it
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def flush(self) -> None:
        """Save whatever is still being typed."""
        for editor in self.sections.values():
            editor.save_now()

    def status_text(self, text: str) -> None:
        """Say what happened, in words."""
        self.status.setText(text)

    def undo(self) -> None:
        """Undo the last change (saving what is being typed first, so it can be undone too)."""
        self.flush()
        self.runner.undo_stack.undo()

    def save(self, kind: str) -> None:
        """Save the report as the person's chosen file."""
        if self.event_id is None:
            return
        path = printing.save_document(self.main, kind)
        if path is not None:
            self.status_text(f"Saved the {DOCUMENTS[kind].what} to {path}")

    def open_series(self) -> SeriesReportDialog | None:
        """Choose sessions or dates for a report across several events."""
        self.flush()
        if self.event_id is None:
            return None
        if self.series_dialog is not None:
            self.series_dialog.deleteLater()
        self.series_dialog = SeriesReportDialog(self.main, self.event_id, self)
        self.series_dialog.open()
        self.series_dialog.activateWindow()
        return self.series_dialog

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while the window was closed."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        """Keep the words when the window closes or hides."""
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keep the words, then close."""
        self.flush()
        super().closeEvent(event)
