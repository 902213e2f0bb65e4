"""Start the window: check the platform, lock the database, open it safely, handle SIGTERM."""

from __future__ import annotations

import gc
import signal
import sys
import traceback
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from organiser.core import backup
from organiser.core.db import Store
from organiser.core.disk import disk_words, why_not_writable
from organiser.core.errors import CorruptDatabase, OrganiserError, StoreError
from organiser.core.instance import lock_path
from organiser.core.opening import open_store, refuse_foreign_file
from organiser.core.paths import make_private_dir, sqlite_path
from organiser.ui.creche.retention import ask_about_retention
from organiser.ui.getting_started import offer_at_start
from organiser.ui.main_window import MainWindow
from organiser.ui.platform_check import platform_problem
from organiser.ui.style import apply_style
from organiser.ui.team.notice import warn_about_shared_folder


def tell(text: str, *, title: str = "Organiser") -> None:
    """A problem on start: one line on stderr (for logs and scripts) and a dialog."""
    print(f"organiser: {text}", file=sys.stderr, flush=True)
    QMessageBox.warning(None, title, text)


def _open(url: str, *, read_only: str | None = None) -> Store | None:
    """Open the database. A damaged file (or an empty one where backups exist) is moved aside
    and the newest good backup offered; a file that is not a database, one from a newer
    Organiser, or one that cannot be read is refused in words and left exactly as it was."""
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


def say_warnings(window: MainWindow, warnings: list[str]) -> None:
    """What the person should know on opening (today's backup failed): in the status bar and
    a box that does not stop them working."""
    if not warnings:
        return
    text = "\n\n".join(warnings)
    print(f"organiser: warning: {' '.join(warnings)}", file=sys.stderr, flush=True)
    window.statusBar().showMessage(f"⚠ {warnings[0]}")
    box = QMessageBox(QMessageBox.Icon.Warning, "Organiser", text, parent=window)
    box.setObjectName("opening_warnings")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


def report_unexpected(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    """A bug, not the person's mistake: say so kindly; log where, never the message, which
    can hold personal data (names, notes) from the values involved."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    print(f"organiser: unexpected {kind.__name__}{where}", file=sys.stderr, flush=True)
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            "Organiser",
            f"Something went wrong inside Organiser ({kind.__name__}). Everything saved so far "
            "is safe. If it happens again, please tell whoever looks after Organiser what you "
            "were doing.",
        )


def _handle_sigterm(app: QApplication) -> QTimer:
    """Close cleanly on SIGTERM: a timer wakes Python so the handler runs while Qt idles."""
    # Closed from the event loop: a SIGTERM that lands before it runs still closes the window.
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    waker = QTimer(app)
    waker.start(200)
    waker.timeout.connect(lambda: None)
    return waker


def settle_memory() -> None:
    """Move everything loaded so far out of the garbage collector's sight.

    Qt, SQLAlchemy and the window are tens of thousands of long-lived objects; without this
    every collection walks all of them, which made loading a 10,000-row list 2-5× slower.
    """
    gc.collect()
    gc.freeze()
    gc.enable()


def run_gui(url: str, *, demo: bool, argv: list[str]) -> int:
    """Open the main window on `url` and run until it closes."""
    problem = platform_problem()
    if problem:
        print(f"organiser: {problem}", file=sys.stderr)
        return 1
    app = QApplication(argv)
    app.setApplicationName("Organiser")
    app.setOrganizationName("Organiser")
    apply_style(app)
    app.setWindowIcon(QIcon(str(files("organiser") / "resources" / "organiser.svg")))
    lock: QLockFile | None = None
    read_only: str | None = None
    path = sqlite_path(url)
    if path is not None:
        try:
            make_private_dir(path.parent)
        except OrganiserError as exc:
            tell(str(exc))
            return 1
        try:  # a picture or an unreadable file: said before anything is written beside it
            refuse_foreign_file(path)
        except StoreError as exc:
            tell(str(exc))
            return 1
        lock = QLockFile(str(lock_path(path)))
        if not lock.tryLock(200):
            if lock.error() == QLockFile.LockError.LockFailedError:
                tell(
                    f"{path.name} is already open in another Organiser window. "
                    "Switch to that window, or close it and try again."
                )
                return 1
            # No lock file could be written (a read-only folder or medium, a full disk): read
            # only, so a second window cannot change the file behind this one's back.
            lock = None
            read_only = why_not_writable(path) or (
                f"Organiser could not write its lock file beside {path.name}"
            )
    store = _open(url, read_only=read_only)
    if store is None:
        return 1
    window = MainWindow(store, QSettings())
    if demo:
        from organiser.ui.commands import open_example

        open_example(window)
    # Before the window shows: a logout's SIGTERM from then on closes it cleanly.
    waker = _handle_sigterm(app)
    window.show()
    QTimer.singleShot(0, lambda: say_warnings(window, store.warnings))
    QTimer.singleShot(0, lambda: warn_about_shared_folder(window))
    QTimer.singleShot(0, lambda: ask_about_retention(window))
    if not demo:  # the first start (no events yet): Getting started offers the ways in
        QTimer.singleShot(0, lambda: offer_at_start(window))
    settle_memory()
    sys.excepthook = report_unexpected
    app.aboutToQuit.connect(window.flush)
    code = app.exec()
    waker.stop()
    store.close()
    if lock is not None:
        lock.unlock()
    return code
