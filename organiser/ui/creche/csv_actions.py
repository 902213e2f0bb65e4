"""Import bookings from a CSV file and export the booking list as a formula-safe CSV file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from organiser.core.creche import export
from organiser.core.csvfiles import read_bytes, read_csv
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.ui.creche.import_dialog import ImportDialog
from organiser.ui.ops import OpRunner

CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def _safe_name(title: str) -> str:
    return "".join(c for c in title if c not in '<>:"/\\|?*').strip()[:80] or "event"


def import_bookings(parent: QWidget, runner: OpRunner, event_id: int) -> ImportDialog | None:
    """Ask for a CSV file, then open the dialog that maps its columns, previews and imports."""
    picked, _ = QFileDialog.getOpenFileName(
        parent, "Import bookings from a CSV file", str(_documents()), CSV_FILTER
    )
    if not picked:
        return None
    path = Path(picked)
    try:
        data = read_bytes(path)
        table = read_csv(data)
    except OrganiserError as exc:
        runner.show_error(f"Cannot import {path.name}. {exc}")
        return None
    dialog = ImportDialog(runner, event_id, path.name, data, table, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_bookings(parent: QWidget, runner: OpRunner, event_id: int) -> Path | None:
    """Ask where to save, then write the event's bookings as a formula-safe CSV file."""
    window = parent.window()
    flush = getattr(window, "flush", None)
    if callable(flush):
        flush()  # text still being typed is part of the list
    store = runner.store
    try:
        title = events.get_event(store, event_id).title
    except OrganiserError as exc:
        runner.show_error(str(exc))
        return None
    suggested = _documents() / f"{_safe_name(title)} - bookings.csv"
    picked, _ = QFileDialog.getSaveFileName(
        parent, "Save the booking list", str(suggested), "CSV files (*.csv)"
    )
    if not picked:
        return None
    path = Path(picked)
    if not path.suffix:
        path = path.with_suffix(".csv")
    try:
        count = export.export_bookings(store, event_id, path)
    except OrganiserError as exc:
        runner.show_error(str(exc))
        return None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            f"{count} booking{'s' if count != 1 else ''} saved to {path}"
        )
    return path
