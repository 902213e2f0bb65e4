"""Others' changes appear without restarting: the change feed is read every few seconds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTime, QTimer

from organiser.core.changes import Changes
from organiser.core.errors import OrganiserError
from organiser.core.team import feed_reader

if TYPE_CHECKING:
    from organiser.ui.host import Host

TEAM_EVERY_MS = 3000  # a server: people expect to see each other's work quickly
FILE_EVERY_MS = 5000  # a file: only another window on this computer can change it


class LiveUpdates(QObject):
    """Reads what other windows and people saved, and refreshes only the views it touched."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.window())
        self.window = window
        self.position = 0
        self._unreachable = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll_now)
        window.runner.unseen_changes = self.unseen_changes
        self.restart()

    def restart(self) -> None:
        """Start listening on the window's database (on opening, or after switching)."""
        store = self.window.store
        self.position = feed_reader.latest_change(store)
        self.timer.start(FILE_EVERY_MS if store.path is not None else TEAM_EVERY_MS)

    def stop(self) -> None:
        """No more polling (the window is closing)."""
        self.timer.stop()

    def unseen_changes(self) -> bool:
        """True when someone else saved something the window does not show yet."""
        try:
            return bool(feed_reader.changes_since(self.window.store, self.position)[1])
        except OrganiserError:
            return True

    def poll_now(self) -> bool:
        """Bring in what others saved since the last look; True if anything came."""
        window = self.window
        try:
            newest, touched, events = feed_reader.changes_since(window.store, self.position)
        except OrganiserError:
            if not self._unreachable:
                window.statusBar().showMessage(
                    "Cannot reach the database to look for others’ changes; trying again."
                )
            self._unreachable = True
            return False
        self._unreachable = False
        self.position = newest
        if not touched:
            return False
        window.runner.announce(Changes(touched, event_id=_event_for(window.event_id, events)))
        stamp = QTime.currentTime().toString("HH:mm")
        window.statusBar().showMessage(f"Updated with changes made elsewhere {stamp}")
        return True


def _event_for(open_event: int | None, events: set[int] | None) -> int | None:
    """The open event when the changes may concern it, else one event they did concern."""
    if events is None or (open_event is not None and open_event in events):
        return open_event
    return min(events) if events else None
