"""Import responses from an online form's export (CSV or Excel) and export them as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from organiser.core.csvfiles import read_bytes
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.feedback import export
from organiser.core.feedback.import_file import read_table
from organiser.ui.feedback.import_dialog import ImportDialog
from organiser.ui.ops import OpRunner

OPEN_FILTER = (
    "Form exports (*.csv *.xlsx *.txt *.tsv);;CSV files (*.csv *.txt *.tsv);;"
    "Excel workbooks (*.xlsx);;All files (*)"
)


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def _safe_name(title: str) -> str:
    return "".join(c for c in title if c not in '<>:"/\\|?*').strip()[:80] or "event"


def import_responses(parent: QWidget, runner: OpRunner, event_id: int) -> ImportDialog | None:
    """Ask for a CSV or .xlsx file, then open the dialog that maps its columns and imports."""
    picked, _ = QFileDialog.getOpenFileName(
        parent, "Import feedback responses from an online form", str(_documents()), OPEN_FILTER
    )
    if not picked:
        return None
    path = Path(picked)
    try:
        data = read_bytes(path)
        table = read_table(data, path.name)
        dialog = ImportDialog(runner, event_id, data, table, parent)
    except OrganiserError as exc:
        runner.show_error(f"Cannot import {path.name}. {exc}")
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_responses(parent: QWidget, runner: OpRunner, event_id: int) -> Path | None:
    """Ask where to save, then write the event's responses as a formula-safe CSV file."""
    window = parent.window()
    flush = getattr(window, "flush", None)
    if callable(flush):
        flush()  # an answer still being typed is part of the list
    store = runner.store
    try:
        title = events.get_event(store, event_id).title
    except OrganiserError as exc:
        runner.show_error(str(exc))
        return None
    suggested = _documents() / f"{_safe_name(title)} - feedback responses.csv"
    picked, _ = QFileDialog.getSaveFileName(
        parent, "Save the feedback responses", str(suggested), "CSV files (*.csv)"
    )
    if not picked:
        return None
    path = Path(picked)
    if not path.suffix:
        path = path.with_suffix(".csv")
    try:
        count = export.export_responses(store, event_id, path)
    except OrganiserError as exc:
        runner.show_error(str(exc))
        return None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            f"{count} response{'s' if count != 1 else ''} saved to {path}"
        )
    return path
