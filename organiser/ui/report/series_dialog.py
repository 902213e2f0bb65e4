"""The series report: one PDF across the sessions of the open event's series, or across every
event in a date range — totals, trends, households who came back (counted, never named) and the
lessons carried from session to session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.coproduction import series
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.files import atomic_write
from organiser.core.parsing import format_date, parse_date
from organiser.documents import DOCUMENTS
from organiser.ui import printing

if TYPE_CHECKING:
    from organiser.ui.host import Host

KIND = "series-summary"
INTRO = (
    "One report across several sessions: totals and trends, households who came back "
    "(counted, never named) and the lessons carried from one session to the next."
)
DATE_HINT = "Day/month/year, for example 14/03/2027"


def _names(store: Store, ids: list[int]) -> str:
    """One line per event: its title and date."""
    found = [events.get_event(store, i) for i in ids]
    return "\n".join(f"• {e.title} ({format_date(e.date) or 'no date yet'})" for e in found)


class SeriesReportDialog(QDialog):
    """Choose the sessions — the open event's series, or a date range — and save the report."""

    def __init__(self, window: Host, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.window())
        self.main = window
        self.store = window.store
        self.event_id = event_id
        self.setObjectName("series_dialog")
        self.setWindowTitle("Series report")
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.series_ids = series.series_of(self.store, event_id)
        self.by_series = QRadioButton("The &series this event belongs to", self)
        self.by_series.setObjectName("series_choice")
        self.series_list = QLabel(self)
        self.series_list.setObjectName("series_sessions")
        self.series_list.setWordWrap(True)
        self.by_dates = QRadioButton("Every event &between two dates", self)
        self.by_dates.setObjectName("dates_choice")
        self.start = self._date_input("series_from", "From")
        self.end = self._date_input("series_to", "To")
        self.included = QLabel(self)
        self.included.setObjectName("series_included")
        self.included.setWordWrap(True)
        group = QButtonGroup(self)
        group.addButton(self.by_series)
        group.addButton(self.by_dates)
        self.by_series.setChecked(True)
        group.buttonToggled.connect(lambda _b, _on: self.update_choice())
        self.start.textChanged.connect(lambda _t: self.update_choice())
        self.end.textChanged.connect(lambda _t: self.update_choice())
        self.save_button = QPushButton("Save as &PDF…", self)
        self.save_button.setObjectName("save_series_pdf")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        close = QPushButton("Close", self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        dates = QGridLayout()
        dates.setContentsMargins(24, 0, 0, 0)
        for row, (text, field) in enumerate((("&From", self.start), ("&To", self.end))):
            label = QLabel(text, self)
            label.setBuddy(field)
            dates.addWidget(label, row, 0)
            dates.addWidget(field, row, 1)
        dates.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.by_series)
        self.series_list.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(self.series_list)
        layout.addWidget(self.by_dates)
        layout.addLayout(dates)
        layout.addSpacing(8)
        layout.addWidget(self.included)
        layout.addStretch()
        layout.addLayout(buttons)
        self._fill_defaults()
        self.update_choice()
        self.resize(640, self.sizeHint().height())

    def _date_input(self, name: str, label: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setAccessibleName(label)
        line.setAccessibleDescription(DATE_HINT)
        line.setPlaceholderText(DATE_HINT)
        line.setMaximumWidth(line.fontMetrics().horizontalAdvance("0" * 14) + 16)
        return line

    def _fill_defaults(self) -> None:
        count = len(self.series_ids)
        listed = _names(self.store, self.series_ids)
        if count == 1:
            self.series_list.setText(
                f"{listed}\nThis event is not part of a series yet, so the report covers it "
                "alone. File ▸ Duplicate as next session starts a series."
            )
        else:
            self.series_list.setText(f"{count} sessions:\n{listed}")
        dated = [d for i in self.series_ids if (d := events.get_event(self.store, i).date)]
        if dated:
            self.start.setText(format_date(min(dated)))
            self.end.setText(format_date(max(dated)))

    def chosen(self) -> list[int]:
        """The events the report covers (raises OrganiserError, in words, if it cannot tell)."""
        if self.by_series.isChecked():
            return self.series_ids
        start = parse_date(self.start.text(), field="from")
        end = parse_date(self.end.text(), field="to")
        if start is None or end is None:
            raise OrganiserError("Type both dates, the first and the last day of the range.")
        return series.events_between(self.store, start, end)

    def update_choice(self) -> None:
        """Say which events the report will cover, or why it cannot be made yet."""
        on_dates = self.by_dates.isChecked()
        self.start.setEnabled(on_dates)
        self.end.setEnabled(on_dates)
        try:
            ids = self.chosen()
        except OrganiserError as exc:
            self.included.setText(f"⚠ {exc}")
            self.save_button.setEnabled(False)
            return
        if not ids:
            self.included.setText("⚠ No events are dated in that range.")
            self.save_button.setEnabled(False)
            return
        if on_dates:
            count = len(ids)
            self.included.setText(
                f"The report covers {count} {'event' if count == 1 else 'events'}:\n"
                f"{_names(self.store, ids)}"
            )
        else:
            count = len(ids)
            sessions = "session" if count == 1 else f"{count} sessions"
            self.included.setText(f"The report covers the {sessions} listed above.")
        self.save_button.setEnabled(True)

    def save(self) -> Path | None:
        """Ask where, then write the report for the chosen sessions."""
        if self.by_series.isChecked():
            return printing.save_document(self.main, KIND)
        try:
            ids = self.chosen()
        except OrganiserError as exc:
            self.included.setText(f"⚠ {exc}")
            return None
        return self._save_range(ids)

    def _save_range(self, ids: list[int]) -> Path | None:
        document = DOCUMENTS[KIND]
        self.main.flush()
        start, end = parse_date(self.start.text()), parse_date(self.end.text())
        assert start is not None and end is not None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"Events {start:%Y-%m-%d} to {end:%Y-%m-%d} - {document.what}{document.suffix}"
        picked, _ = QFileDialog.getSaveFileName(
            self, f"Save {document.what}", str(Path(folder) / name), document.file_filter
        )
        if not picked:
            return None
        path = Path(picked)
        try:
            atomic_write(path, render_range(self.store, ids))
        except OrganiserError as exc:
            self.main.runner.show_error(str(exc))
            return None
        self.main.statusBar().showMessage(f"{document.what.capitalize()} saved to {path}")
        self.included.setText(f"Saved to {path}")
        return path


def render_range(store: Store, ids: list[int]) -> bytes:
    """The series report's PDF for any chosen events (ReportLab loads on the first save)."""
    from organiser.reports.series import render_series

    return render_series(series.series_sheet(store, ids))
