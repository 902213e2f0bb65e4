"""Check-in on the day: find a name, press A (arrived), N (no-show) or B (back to booked)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.creche import service as creche
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.rows import BookingRow
from organiser.core.parsing import sort_key
from organiser.core.words import plural
from organiser.ui.creche.common import button, row_of, tell, wrapped
from organiser.ui.creche.fields import removed
from organiser.ui.creche.undo import set_status
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.row_verbs import RowFilter

ON_THE_DAY = (BookingStatus.BOOKED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW)
SHOWN = {
    BookingStatus.BOOKED: "Not yet",
    BookingStatus.ATTENDED: "Arrived",
    BookingStatus.NO_SHOW: "No-show",
}
KEYS = {
    Qt.Key.Key_A: BookingStatus.ATTENDED,
    Qt.Key.Key_N: BookingStatus.NO_SHOW,
    Qt.Key.Key_B: BookingStatus.BOOKED,
}
MARKS = {  # the undo command's name, and what the status bar says
    BookingStatus.ATTENDED: ("Mark {} arrived", "arrived"),
    BookingStatus.NO_SHOW: ("Mark {} as a no-show", "marked as a no-show"),
    BookingStatus.BOOKED: ("Mark {} back to booked", "back to booked"),
}
COLUMNS = (
    Column("Name", lambda r: r.name, tooltip=removed, stretch=True),
    Column("Adults", lambda r: str(r.adults), align_right=True),
    Column("Children", lambda r: str(r.children), align_right=True),
    Column("Checked in", lambda r: SHOWN.get(r.status, r.status)),
    Column("Access needs", lambda r: r.access_needs, stretch=True),
)


def count_words(counts: dict[str, int]) -> str:
    """ "9 of 16 households arrived — 11 adults, 4 children; 2 no-shows"."""
    arrived = counts.get(BookingStatus.ATTENDED, 0)
    no_shows = counts.get(BookingStatus.NO_SHOW, 0)
    households = arrived + no_shows + counts.get(BookingStatus.BOOKED, 0)
    adults = counts.get(f"{BookingStatus.ATTENDED} adults", 0)
    children = counts.get(f"{BookingStatus.ATTENDED} children", 0)
    text = (
        f"{arrived} of {plural(households, 'household', 'households')} arrived — "
        f"{plural(adults, 'adult', 'adults')}, {plural(children, 'child', 'children')}; "
        f"{plural(no_shows, 'no-show', 'no-shows')}"
    )
    return text


class CheckInTable(QTableView):
    """A table where A, N and B mark the chosen household."""

    mark = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = KEYS.get(Qt.Key(event.key()))
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        if status is not None and plain:
            self.mark.emit(status.value)
            event.accept()
            return
        super().keyPressEvent(event)


class CheckInPage(QWidget):
    """The households booked for the day, a count at the top, and one key per mark."""

    SEES = Touched.BOOKINGS | Touched.EVENTS

    print_requested = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.count = wrapped(self, "checkin_count", role="subheading")
        self.find_name = QLineEdit(self)
        self.find_name.setObjectName("checkin_find")
        self.find_name.setAccessibleName("Find a name")
        self.find_name.setPlaceholderText("Type part of a name, then press Enter")
        self.find_name.setClearButtonEnabled(True)
        find_label = QLabel("Find a &name", self)
        find_label.setBuddy(self.find_name)
        self.model = RowTableModel(COLUMNS, self)
        self.filter = RowFilter(lambda r: f"{sort_key(r.name)} {r.name.casefold()}", self)
        self.filter.setSourceModel(self.model)
        self.table = CheckInTable(self)
        self.table.setObjectName("checkin_table")
        self.table.setAccessibleName("Households booked for the day")
        self.table.setAccessibleDescription(
            "A: arrived. N: no-show. B: back to booked. The next household is chosen after each."
        )
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # Column widths from a sample of rows: measuring 5,000 bookings would be slow.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.mark.connect(self.mark)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.find_name.textChanged.connect(self._filter)
        self.find_name.returnPressed.connect(self._go_to_table)
        self.arrived_button = button(self, "Arrived (A)", "mark_arrived")
        self.arrived_button.clicked.connect(lambda: self.mark(BookingStatus.ATTENDED.value))
        self.no_show_button = button(self, "No-show (N)", "mark_no_show")
        self.no_show_button.clicked.connect(lambda: self.mark(BookingStatus.NO_SHOW.value))
        self.booked_button = button(self, "Back to booked (B)", "mark_booked")
        self.booked_button.clicked.connect(lambda: self.mark(BookingStatus.BOOKED.value))
        self.print_button = button(self, "Save check-in sheet as PDF…", "print_checkin")
        self.print_button.clicked.connect(lambda: self.print_requested.emit("bookings"))
        help_text = QLabel(
            "Choose a household and press A when they arrive, N for a no-show, B to undo a "
            "mark. Ctrl+Z undoes the last mark too.",
            self,
        )
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        find = row_of(find_label)
        find.addWidget(self.find_name, 1)
        layout.addLayout(find)
        layout.addLayout(
            row_of(self.arrived_button, self.no_show_button, self.booked_button, self.print_button)
        )
        layout.addWidget(help_text)
        layout.addWidget(self.table, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's households."""
        self.event_id = event_id
        self.find_name.clear()
        self._load()

    def refresh(self, _changes: Changes) -> None:
        """Reload when bookings changed."""
        self._load()

    def flush(self) -> None:
        """Nothing is typed here that needs saving."""

    def _load(self) -> None:
        keep = self.current_booking()
        rows: list[BookingRow] = []
        if self.event_id is not None:
            every = creche.list_bookings(self.runner.store, self.event_id)
            rows = sorted(
                (r for r in every if r.status in ON_THE_DAY), key=lambda r: sort_key(r.name)
            )
            counts = creche.check_in_counts(self.runner.store, self.event_id)
            self.count.setText(count_words(counts))
        else:
            self.count.setText("Choose or create an event to check people in.")
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if keep is not None:
            position = self.model.row_of(keep.id)
            if position is not None:
                self._select(self.filter.mapFromSource(self.model.index(position, 0)).row())
        self._enable()

    def _enable(self) -> None:
        chosen = self.current_booking() is not None
        for widget in (self.arrived_button, self.no_show_button, self.booked_button):
            widget.setEnabled(chosen)
        self.print_button.setEnabled(self.event_id is not None)

    def _filter(self, text: str) -> None:
        self.filter.set_text(text)
        if self.filter.rowCount() and self.current_booking() is None:
            self._select(0)
        self._enable()

    def _go_to_table(self) -> None:
        if self.filter.rowCount():
            if self.current_booking() is None:
                self._select(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select(self, row: int) -> None:
        if not 0 <= row < self.filter.rowCount():
            return
        self.table.selectionModel().setCurrentIndex(
            self.filter.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._enable()

    def current_booking(self) -> BookingRow | None:
        """The household chosen in the table."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        source = self.filter.mapToSource(index)
        return self.model.row_at(source.row()) if source.isValid() else None

    def mark(self, status: str) -> None:
        """Mark the chosen household, then choose the next one."""
        booking = self.current_booking()
        if booking is None:
            return
        row = self.table.selectionModel().currentIndex().row()
        command, told = MARKS[BookingStatus(status)]
        if set_status(self.runner, command.format(booking.name), booking.id, status) is None:
            return
        tell(self, f"{booking.name}: {told}.")
        self._select(min(row + 1, self.filter.rowCount() - 1))
