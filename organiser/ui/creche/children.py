"""The Children page: every child booked for the event at a glance, with the allergy and
dietary summary; Enter or a double-click opens the child's booking to edit."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.creche import allergies
from organiser.core.creche import service as creche
from organiser.core.creche.kinds import HOLDING
from organiser.core.creche.rows import ChildRow
from organiser.ui.creche.common import button, row_of, wrapped
from organiser.ui.creche.fields import collectors, yes_no
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel

# Collection passwords are never shown here: they are for the staff sheet only.
COLUMNS = (
    Column("Name", lambda r: r.full_name),
    Column("Age at the event", lambda r: r.age_text, warn=lambda r: r.age is None),
    Column("Age band", lambda r: r.band),
    Column("Allergies", lambda r: r.allergies, warn=lambda r: bool(r.allergies.strip())),
    Column("Dietary needs", lambda r: r.dietary),
    Column("Medical or additional needs", lambda r: r.medical, stretch=True),
    Column("Photos", lambda r: yes_no(r.photo_consent)),
    Column("Who collects", collectors, warn=lambda r: not r.collectors.strip(), stretch=True),
    Column("Parent or carer", lambda r: r.booking),
    Column(
        "Booking",
        lambda r: r.booking_status,
        warn=lambda r: r.booking_status not in HOLDING,
    ),
)
PRINTS = (
    ("register", "Save creche register as PDF…", "Sign-in and sign-out sheet for the day"),
    (
        "collection-sheet",
        "Save collection sheet as PDF…",
        "Who may collect each child, with collection passwords: for creche staff only",
    ),
    ("allergies", "Save allergy and medical card as PDF…", "For the creche staff"),
)


def band_words(rows: list[ChildRow]) -> str:
    """ "6 children in the creche: 1 under 2, 2 aged 2, 3 aged 3 and over"."""
    coming = [r for r in rows if r.booking_status in HOLDING]
    if not coming:
        return "No children are booked into the creche yet."
    youngest = sorted(coming, key=lambda r: r.age if r.age is not None else -1)
    bands = Counter(r.band for r in youngest)  # youngest band first
    parts = ", ".join(
        f"{count} {'aged ' if band[0].isdigit() else ''}{band.lower()}"
        for band, count in bands.items()
    )
    noun = "child" if len(coming) == 1 else "children"
    text = f"{len(coming)} {noun} in the creche: {parts}."
    others = len(rows) - len(coming)
    if others:
        text += f" {others} more on bookings that are waiting, cancelled or did not come."
    return text


class ChildrenPage(QWidget):
    """All the event's children; opens a child's booking to edit it."""

    SEES = Touched.BOOKINGS | Touched.CRECHE | Touched.DETAILS

    open_booking = Signal(int)
    print_requested = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.summary = wrapped(self, "children_summary", role="subheading")
        self.needs = wrapped(self, "allergy_summary")
        self.buttons = []
        for kind, text, tip in PRINTS:
            made = button(self, text, f"print_{kind}", tip)
            made.clicked.connect(lambda _checked=False, k=kind: self.print_requested.emit(k))
            self.buttons.append(made)
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("children_overview")
        self.table.setAccessibleName("Children booked for the event")
        self.table.setAccessibleDescription("Press Enter to open the child's booking and edit it")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # Column widths from a sample of rows: measuring 5,000 bookings would be slow.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.activated.connect(self._open)
        hint = QLabel("Press Enter or double-click a child to edit their booking.", self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.needs)
        layout.addLayout(row_of(*self.buttons))
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's children."""
        self.event_id = event_id
        self._load()

    def refresh(self, _changes: Changes) -> None:
        """Reload when bookings, children or the event's date changed."""
        self._load()

    def flush(self) -> None:
        """Nothing is typed here."""

    def _load(self) -> None:
        for made in self.buttons:
            made.setEnabled(self.event_id is not None)
        if self.event_id is None:
            self.model.set_rows([])
            self.summary.setText("Choose or create an event to see its children.")
            self.needs.setText("")
            return
        store = self.runner.store
        rows = creche.list_children(store, self.event_id)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for number, column in enumerate(COLUMNS):
            if column.stretch:
                header.resizeSection(number, min(header.sectionSize(number), 240))
        self.summary.setText(band_words(rows))
        line = allergies.summary_line(creche.allergy_summary(store, self.event_id))
        self.needs.setText(
            f"Allergies and diets: {line}." if line else "No allergies or dietary needs recorded."
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_booking.emit(self.model.row_at(index.row()).booking_id)
