"""Start the window: check the platform, lock the database, open it safely, handle SIGTERM."""

from __future__ import annotations

import gc
import signal
import sys
import traceback
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from organiser.core import backup
from organiser.core.db import Store
from organiser.core.errors import CorruptDatabase, StoreError
from organiser.core.instance import lock_path
from organiser.core.opening import move_aside, open_store
from organiser.core.paths import make_private_dir, sqlite_path
from organiser.ui.creche.retention import ask_about_retention
from organiser.ui.main_window import MainWindow
from organiser.ui.platform_check import platform_problem
from organiser.ui.style import apply_style
from organiser.ui.team.notice import warn_about_shared_folder


def tell(text: str, *, title: str = "Organiser") -> None:
    """A problem on start: one line on stderr (for logs and scripts) and a dialog."""
    print(f"organiser: {text}", file=sys.stderr, flush=True)
    QMessageBox.warning(None, title, text)


def _open(url: str) -> Store | None:
    """Open the database; a damaged file is moved aside and the newest good backup offered."""
    try:
        return open_store(url)
    except CorruptDatabase as exc:
        path, problem = Path(exc.path), str(exc)
    except StoreError as exc:
        tell(str(exc))
        return None
    good = backup.newest_good_backup(path)
    aside = move_aside(path)
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
            backup.restore_backup(good.path, path)
    else:
        QMessageBox.warning(None, "Database damaged", f"{text}\n\nThere is no backup to restore.")
    try:
        return open_store(url)
    except StoreError as again:
        tell(str(again))
        return None


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
    signal.signal(signal.SIGTERM, lambda *_: app.closeAllWindows())
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
    path = sqlite_path(url)
    if path is not None:
        make_private_dir(path.parent)
        lock = QLockFile(str(lock_path(path)))
        if not lock.tryLock(200):
            tell(
                f"{path.name} is already open in another Organiser window. "
                "Switch to that window, or close it and try again."
            )
            return 1
    store = _open(url)
    if store is None:
        return 1
    window = MainWindow(store, QSettings())
    if demo:
        from organiser.ui.actions import open_example

        open_example(window)
    window.show()
    QTimer.singleShot(0, lambda: warn_about_shared_folder(window))
    QTimer.singleShot(0, lambda: ask_about_retention(window))
    settle_memory()
    sys.excepthook = report_unexpected
    waker = _handle_sigterm(app)
    app.aboutToQuit.connect(window.flush)
    code = app.exec()
    waker.stop()
    store.close()
    if lock is not None:
        lock.unlock()
    return code
