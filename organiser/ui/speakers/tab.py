"""The Speakers tab: Invitations for the open event, and the Directory of all speakers.

Each part reloads only while it is on show; a hidden part is marked stale and reloads when
opened, so the window opens fast with 10,000 speakers in the directory.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.ui.ops import OpRunner
from organiser.ui.speakers.directory import DirectoryPage
from organiser.ui.speakers.invitations import InvitationsPage


class SpeakersTab(QWidget):
    """Two parts: Invitations (this event) and Directory (shared by every event)."""

    print_briefing_requested = Signal()
    print_schedule_requested = Signal()
    letter_requested = Signal(int, str)  # invitation id, "invitation" or "confirmation"

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.invitations = InvitationsPage(runner, self)
        self.directory = DirectoryPage(runner, self)
        self.invitations.print_briefing_requested.connect(self.print_briefing_requested)
        self.invitations.print_schedule_requested.connect(self.print_schedule_requested)
        self.invitations.letter_requested.connect(self.letter_requested)
        self.parts = QTabWidget(self)
        self.parts.setObjectName("speakers_parts")
        self.parts.addTab(self.invitations, "&Invitations")
        self.parts.addTab(self.directory, "&Directory")
        self.parts.currentChanged.connect(lambda _index: self._part_changed())
        self._stale: set[QWidget] = {self.invitations, self.directory}
        self._store = runner.store
        layout = QVBoxLayout(self)
        layout.addWidget(self.parts)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's invitations (the directory is the same for every event)."""
        self.event_id = event_id
        self.directory.set_event(event_id)
        self._stale.add(self.invitations)
        if self.runner.store is not self._store:  # another database (after a restore)
            self._store = self.runner.store
            self._stale.add(self.directory)
        self._load_visible()

    def refresh(self, changes: Changes) -> None:
        """The part on show reloads what the change touched; the other reloads when opened."""
        self._stale.update({self.invitations, self.directory})
        if self._visible_part() is self.directory:
            self._stale.discard(self.directory)
            self.directory.refresh(changes)
        elif self._visible_part() is self.invitations:
            self._stale.discard(self.invitations)
            self.invitations.refresh(changes)

    def flush(self) -> None:
        """Save anything still being typed."""
        self.invitations.flush()
        self.directory.flush()

    def _visible_part(self) -> QWidget | None:
        if not self.isVisible():
            return None
        return self.parts.currentWidget()

    def _part_changed(self) -> None:
        self.flush()
        self._load_visible()

    def _load_visible(self) -> None:
        part = self._visible_part()
        if part is None or part not in self._stale:
            return
        self._stale.discard(part)
        if part is self.invitations:
            self.invitations.set_event(self.event_id)
        else:
            self.directory.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Load the part on show if it missed changes while hidden."""
        super().showEvent(event)
        self._load_visible()
