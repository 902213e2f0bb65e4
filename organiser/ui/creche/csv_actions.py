"""Import bookings from a CSV or Excel file and export the booking list as a formula-safe CSV
file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from organiser.core.creche import export
from organiser.core.csvfiles import read_bytes
from organiser.core.errors import OrganiserError
from organiser.core.tables import read_table
from organiser.ui.creche.import_dialog import ImportDialog
from organiser.ui.csv_export import documents_folder, save_csv
from organiser.ui.ops import OpRunner

IMPORT_FILTER = (
    "Booking exports (*.csv *.xlsx *.txt *.tsv);;CSV files (*.csv *.txt *.tsv);;"
    "Excel workbooks (*.xlsx);;All files (*)"
)


def import_bookings(parent: QWidget, runner: OpRunner, event_id: int) -> ImportDialog | None:
    """Ask for a CSV or Excel file, then open the dialog that maps its columns, previews and
    imports."""
    picked, _ = QFileDialog.getOpenFileName(
        parent,
        "Import bookings from a CSV or Excel file",
        str(documents_folder()),
        IMPORT_FILTER,
    )
    if not picked:
        return None
    path = Path(picked)
    try:
        data = read_bytes(path)
        table = read_table(data, path.name)
    except OrganiserError as exc:
        runner.show_error(f"Cannot import {path.name}. {exc}")
        return None
    dialog = ImportDialog(runner, event_id, path.name, data, table, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_bookings(parent: QWidget, runner: OpRunner, event_id: int) -> Path | None:
    """Ask where to save, then write the event's bookings as a formula-safe CSV file."""
    return save_csv(
        parent,
        runner,
        event_id,
        what="bookings",
        noun=("booking", "bookings"),
        write=export.export_bookings,
    )
