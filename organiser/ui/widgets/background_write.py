"""One database write at a time on a worker thread, its outcome handled back on the UI thread.

For saves too big to fit between two keys (a 1 MB meeting note is a read, an update and a
commit of a megabyte): the typing goes on while the write runs, and the outcome (the Changes,
or the error raised) is handed to the UI thread as any save's would be. `finish()` waits for a
write under way and handles it at once: every save made on the UI thread calls it first, so
writes never overtake one another.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from organiser.core.changes import Changes

Outcome = Changes | BaseException
Work = Callable[[], Changes]
Handle = Callable[[Outcome], None]


class BackgroundWrite(QObject):
    """Runs `start`ed writes one at a time off the UI thread (see the module's words)."""

    _arrived = Signal(int, object)  # the write's number, its Outcome
    landed = Signal()  # a write's outcome was handled: the next may start

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._outcome: list[Outcome] = []
        self._number = 0
        self._handle: Handle | None = None
        self._arrived.connect(self._landed, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Whether a write is under way (or done and not yet handled)."""
        return self._thread is not None

    def start(self, work: Work, handle: Handle) -> None:
        """Run `work` on the worker thread; `handle` gets its outcome on the UI thread."""
        self.finish()
        self._number += 1
        kept: list[Outcome] = []
        number, arrived, self._outcome = self._number, self._arrived, kept

        def run() -> None:
            outcome: Outcome
            try:
                outcome = work()
            except BaseException as exc:  # handed over: raised or shown on the UI thread
                outcome = exc
            kept.append(outcome)
            with contextlib.suppress(RuntimeError):  # the editor went away: nobody waits
                arrived.emit(number, outcome)

        # Not a daemon: a write under way when the app quits is finished, not cut off.
        self._thread = threading.Thread(target=run, name="organiser-write")
        self._handle = handle
        self._thread.start()

    def finish(self) -> None:
        """Wait for the write under way, if any, and handle its outcome now. A fault in it is
        reported as any fault is (sys.excepthook), never raised into the caller, which may be
        closing the window or switching meeting."""
        thread = self._thread
        if thread is not None:
            thread.join()
            try:
                self._landed(self._number, self._outcome[0])
            except Exception:
                sys.excepthook(*sys.exc_info())

    def _landed(self, number: int, outcome: Outcome) -> None:
        if self._thread is None or number != self._number:
            return  # handled already by finish()
        handle, self._handle, self._thread = self._handle, None, None
        try:
            if handle is not None:
                handle(outcome)
        finally:
            self.landed.emit()
