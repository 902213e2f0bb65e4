"""Import bookings from a CSV file and export the booking list (being written)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from organiser.ui.ops import OpRunner


def import_bookings(parent: QWidget, runner: OpRunner, event_id: int) -> None:
    """Ask for a CSV file, map its columns, preview, and import all rows or none."""
    raise NotImplementedError


def export_bookings(parent: QWidget, runner: OpRunner, event_id: int) -> None:
    """Ask where to save, then write the event's bookings as a formula-safe CSV file."""
    raise NotImplementedError
