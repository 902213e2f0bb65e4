"""A window left open overnight: at the new day its dates move on (days to go, actions due
today now overdue, the Privacy page's retention words) and a file gets its daily backup, as on
opening."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from organiser.core import backup
from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError
from organiser.core.parsing import format_date
from organiser.core.team import feed_reader

if TYPE_CHECKING:
    from organiser.ui.host import Host

EVERY_MS = 60_000  # a new day is noticed within a minute


class NewDay(QObject):
    """Looks at the date once a minute; on a new one, every view is refreshed as of it."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.window())
        self.window = window
        self.day = dt.date.today()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.look)
        self.timer.start(EVERY_MS)

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> bool:
        """True when the day has changed since the last look (and the window moved on)."""
        today = dt.date.today()
        if today == self.day:
            return False
        window = self.window
        try:  # a laptop waking before its Wi-Fi: the views would each fail to refresh
            feed_reader.latest_change(window.store)
        except OrganiserError:
            return False  # tried again in a minute
        self.day = today
        window.runner.announce(Changes(Touched.ALL, event_id=window.event_id))
        words = f"It is {format_date(today)}: dates and due dates are as of today."
        window.statusBar().showMessage(f"{words} {self._daily_backup()}".strip())
        return True

    def _daily_backup(self) -> str:
        """Today's backup of a file, if none was made today (as opening it would)."""
        store = self.window.store
        path = store.path
        if path is None or store.read_only is not None or not backup.daily_backup_due(path):
            return ""
        self.window.flush()  # what is typed and waiting to be saved goes in the backup too
        try:
            backup.make_backup(path, reason="daily")
            backup.rotate(path)
        except OrganiserError as exc:
            return f"Today's backup could not be made. {exc}"
        return "Today's backup was made."
