"""Import responses from an online form's export (CSV or Excel) and export them as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from organiser.core.csvfiles import read_bytes
from organiser.core.errors import OrganiserError
from organiser.core.feedback import export
from organiser.core.feedback.import_shapes import read_responses
from organiser.ui.csv_export import documents_folder, save_csv
from organiser.ui.feedback.import_dialog import ImportDialog
from organiser.ui.ops import OpRunner

OPEN_FILTER = (
    "Form exports (*.csv *.xlsx *.txt *.tsv);;CSV files (*.csv *.txt *.tsv);;"
    "Excel workbooks (*.xlsx);;All files (*)"
)


def import_responses(parent: QWidget, runner: OpRunner, event_id: int) -> ImportDialog | None:
    """Ask for a CSV or .xlsx file, then open the dialog that maps its columns and imports."""
    picked, _ = QFileDialog.getOpenFileName(
        parent,
        "Import feedback responses from an online form",
        str(documents_folder()),
        OPEN_FILTER,
    )
    if not picked:
        return None
    path = Path(picked)
    try:
        data = read_bytes(path)
        table = read_responses(data, path.name)
        dialog = ImportDialog(runner, event_id, data, table, parent)
    except OrganiserError as exc:
        runner.show_error(f"Cannot import {path.name}. {exc}")
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_responses(parent: QWidget, runner: OpRunner, event_id: int) -> Path | None:
    """Ask where to save, then write the event's responses as a formula-safe CSV file."""
    return save_csv(
        parent,
        runner,
        event_id,
        what="feedback responses",
        noun=("response", "responses"),
        write=export.export_responses,
    )
