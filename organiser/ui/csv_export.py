"""Saving a list as a CSV file from a tab (bookings, feedback responses): ask where, write it
formula-safe through the core, and say how many rows went where."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.files import atomic_write
from organiser.core.import_plans import RowError, refused_csv
from organiser.core.tables import Table
from organiser.ui.ops import OpRunner


def documents_folder() -> Path:
    """Where file dialogs start."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def safe_name(title: str) -> str:
    """A file name from an event's title."""
    return "".join(c for c in title if c not in '<>:"/\\|?*').strip()[:80] or "event"


def save_csv(
    parent: QWidget,
    runner: OpRunner,
    event_id: int,
    *,
    what: str,  # "bookings", "feedback responses": in the file name and the dialog
    noun: tuple[str, str],  # ("booking", "bookings") for "3 bookings saved to …"
    write: Callable[[Store, int, Path], int],
) -> Path | None:
    """Flush typing, ask where to save, write; errors in words. The saved path, or None."""
    window = parent.window()
    flush = getattr(window, "flush", None)
    if callable(flush):
        flush()  # what is still being typed is part of the list
    try:
        title = events.get_event(runner.store, event_id).title
    except OrganiserError as exc:
        runner.show_error(str(exc))
        return None
    suggested = documents_folder() / f"{safe_name(title)} - {what}.csv"
    picked, _ = QFileDialog.getSaveFileName(
        parent, f"Save the {what}", str(suggested), "CSV files (*.csv)"
    )
    if not picked:
        return None
    path = Path(picked)
    if not path.suffix:
        path = path.with_suffix(".csv")
    try:
        count = write(runner.store, event_id, path)
    except OrganiserError as exc:
        runner.show_error(str(exc))
        return None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            f"{count} {noun[0] if count == 1 else noun[1]} saved to {path}"
        )
    return path


def save_refused(parent: QWidget, table: Table, errors: Sequence[RowError]) -> Path | None:
    """Ask where, then save an import's refused rows as they are in the file, each with why,
    as a CSV to fix in a spreadsheet and import again (may raise OrganiserError)."""
    suggested = documents_folder() / f"{Path(table.name or 'import').stem} - refused rows.csv"
    picked, _ = QFileDialog.getSaveFileName(
        parent, "Save the refused rows", str(suggested), "CSV files (*.csv)"
    )
    if not picked:
        return None
    path = Path(picked)
    if not path.suffix:
        path = path.with_suffix(".csv")
    atomic_write(path, refused_csv(table, errors))
    return path
