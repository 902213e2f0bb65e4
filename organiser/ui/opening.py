"""The second step of starting: once the window's first frame is on screen, lock and open the
database safely and fill the window; what can wait (warnings, questions, tidying memory) waits
until the last event is on screen."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from organiser.core.disk import disk_words, why_not_writable
from organiser.core.errors import CorruptDatabase, OrganiserError, StoreError
from organiser.core.instance import lock_path
from organiser.core.integrity import refuse_foreign_file
from organiser.core.paths import make_private_dir, sqlite_path

if TYPE_CHECKING:
    from organiser.core.db import Store
    from organiser.ui.main_window import MainWindow


def tell(text: str, *, title: str = "Organiser") -> None:
    """A problem on start: one line on stderr (for logs and scripts) and a dialog."""
    print(f"organiser: {text}", file=sys.stderr, flush=True)
    QMessageBox.warning(None, title, text)


def open_database(url: str, *, read_only: str | None = None) -> Store | None:
    """Open the database. A damaged file (or an empty one where backups exist) is moved aside
    and the newest good backup offered; a file that is not a database, one from a newer
    Organiser, or one that cannot be read is refused in words and left exactly as it was."""
    from organiser.core import backup, protection
    from organiser.core.opening import open_store

    database = sqlite_path(url)
    if database is not None and protection.is_protected(database):
        from organiser.ui.password_dialog import unlock_for_window

        why = unlock_for_window(database)
        if why is not None:  # cancelled ("") or cannot be opened at all
            if why:
                tell(why)
            return None
    try:
        return open_store(url, read_only_ok=True, force_read_only=read_only)
    except CorruptDatabase as exc:
        path, problem = Path(exc.path), str(exc)
    except StoreError as exc:
        tell(str(exc))
        return None
    good = backup.newest_good_backup(path)
    try:
        aside = backup.move_aside(path)
    except OSError as exc:
        tell(
            f"{problem} Organiser cannot move it aside ({disk_words(path, exc)}), so nothing "
            "was changed. Copy the folder to your computer, or restore a backup there."
        )
        return None
    text = f"{problem} It was moved aside to {aside.name}."
    print(f"organiser: {text}", file=sys.stderr, flush=True)
    if good is not None:
        answer = QMessageBox.question(
            None,
            "Database damaged",
            f"{text}\n\nRestore the backup made on {good.made:%d/%m/%Y at %H:%M}?\n"
            "(No starts an empty database; the damaged file is kept.)",
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                backup.restore_backup(good.path, path)
            except OrganiserError as failed:
                tell(f"{failed} The damaged file is kept as {aside.name}.")
                return None
    else:
        QMessageBox.warning(None, "Database damaged", f"{text}\n\nThere is no backup to restore.")
    try:
        return open_store(url, read_only_ok=True, force_read_only=read_only)
    except StoreError as again:
        tell(str(again))
        return None


def say_warnings(window: QWidget, warnings: list[str]) -> None:
    """What the person should know on opening (today's backup failed): in the status bar and
    a box that does not stop them working."""
    if not warnings:
        return
    text = "\n\n".join(warnings)
    print(f"organiser: warning: {' '.join(warnings)}", file=sys.stderr, flush=True)
    assert isinstance(window, QMainWindow)
    window.statusBar().showMessage(f"⚠ {warnings[0]}")
    box = QMessageBox(QMessageBox.Icon.Warning, "Organiser", text, parent=window)
    box.setObjectName("opening_warnings")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


def settle_memory() -> None:
    """Move everything loaded so far out of the garbage collector's sight.

    Qt, SQLAlchemy and the window are tens of thousands of long-lived objects; without this
    every collection walks all of them, which made loading a 10,000-row list 2-5× slower.
    """
    gc.collect()
    gc.freeze()
    gc.enable()


def _lock(path: Path) -> tuple[QLockFile | None, str | None] | None:
    """Lock a database file against a second window: (lock, None), or (None, why) when no lock
    file can be written (read only from then on), or None when another window has it."""
    lock = QLockFile(str(lock_path(path)))
    if lock.tryLock(200):
        return lock, None
    if lock.error() == QLockFile.LockError.LockFailedError:
        tell(
            f"{path.name} is already open in another Organiser window. "
            "Switch to that window, or close it and try again."
        )
        return None
    # No lock file could be written (a read-only folder or medium, a full disk): read only, so a
    # second window cannot change the file behind this one's back.
    return None, why_not_writable(
        path
    ) or f"Organiser could not write its lock file beside {path.name}"


class AfterNextFrame(QObject):
    """Run `then` once a widget of `window` has next been drawn: what waits for the screen to
    be up to date. A second at most, so it runs where nothing is drawn (a minimised window)."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window, self.then, self.done = window, then, False
        app = QApplication.instance()
        assert app is not None
        self.app = app
        app.installEventFilter(self)
        QTimer.singleShot(1000, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A widget of the window painted: once that frame is out, run."""
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.run)
        return False

    def run(self) -> None:
        """Run `then`, once."""
        if self.done:
            return
        self.done = True
        self.app.removeEventFilter(self)
        self.then()


class Opening(QObject):
    """Starting, around the window's first frame: the file checked and locked before it, the
    database opened and the window filled once it is on screen (or why not said, and quit
    with 1)."""

    settled = Signal()  # the event is on screen and what the person should know is said

    def __init__(self, app: QApplication, window: MainWindow, url: str, *, demo: bool) -> None:
        super().__init__(window)
        self.setObjectName("opening")
        self.app, self.window, self.url, self.demo = app, window, url, demo
        self.store: Store | None = None
        self.lock: QLockFile | None = None
        self.read_only: str | None = None
        self.code = 0
        self._started = False

    def start(self) -> None:
        """Open the database once the window's first frame is on screen."""
        AfterNextFrame(self.window, self._start)

    def check_the_file(self) -> bool:
        """Before the window shows: its folder private, not a picture or a document, and not
        open in another window (a lock file beside it, or read only where none can be
        written). Cheap, and said without a window flashing up first; False when refused."""
        path = sqlite_path(self.url)
        if path is None:
            return True
        try:
            make_private_dir(path.parent)
        except OrganiserError as exc:
            tell(str(exc))
            return False
        try:  # a picture or an unreadable file: said before anything is written beside it
            refuse_foreign_file(path)
        except StoreError as exc:
            tell(str(exc))
            return False
        locked = _lock(path)
        if locked is None:
            return False
        self.lock, self.read_only = locked
        return True

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        if not self.window.isVisible():  # closed (Ctrl+Q, SIGTERM) before it was filled
            return
        self.store = open_database(self.url, read_only=self.read_only)
        if self.store is None:
            self.code = 1
            self.app.exit(1)
            return
        self._fill(self.store)

    def _fill(self, store: Store) -> None:
        if self.demo:  # the example event first, then what was chosen from the menus meanwhile
            from organiser.ui.commands import open_example

            self.window.fill(store, first=lambda: open_example(self.window))
        else:
            self.window.fill(store)
        AfterNextFrame(self.window, self._afterwards)

    def _afterwards(self) -> None:
        """Once the event is on screen: what the person should know, and a tidy memory."""
        from organiser.ui.creche.retention import ask_about_retention
        from organiser.ui.getting_started import offer_at_start
        from organiser.ui.team.notice import warn_about_shared_folder

        window, store = self.window, self.store
        assert store is not None
        # After the frame is out, not before it: the collection takes tens of milliseconds.
        QTimer.singleShot(0, settle_memory)
        QTimer.singleShot(0, lambda: say_warnings(window, store.warnings))
        QTimer.singleShot(0, lambda: warn_about_shared_folder(window))
        QTimer.singleShot(0, lambda: ask_about_retention(window))
        if not self.demo:  # the first start (no events yet): Getting started offers the ways in
            QTimer.singleShot(0, lambda: offer_at_start(window))
        QTimer.singleShot(0, self.settled.emit)

    def close(self) -> None:
        """After the window has closed: let go of the database and its lock."""
        if self.store is not None:
            self.store.close()
        if self.lock is not None:
            self.lock.unlock()
