"""The Bookings page: places taken, a freed place to give, the bookings, and the chosen
booking's children, each with an editor that saves as it is typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.creche import bookings as places
from organiser.core.creche import privacy
from organiser.core.creche import service as creche
from organiser.core.creche.bookings import Offer
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.rows import BookingRow, ChildRow
from organiser.core.errors import OrganiserError
from organiser.core.row_kinds import RowKind
from organiser.core.team import record
from organiser.ui.creche import csv_actions
from organiser.ui.creche.common import (
    button,
    row_of,
    safe_name,
    set_role,
    tell,
    widen_list,
    wrapped,
)
from organiser.ui.creche.fields import (
    BOOKING_COLUMNS,
    BOOKING_FIELDS,
    CHILD_COLUMNS,
    CHILD_FIELDS,
    values_of,
)
from organiser.ui.creche.undo import set_status
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

SEES = Touched.BOOKINGS | Touched.CRECHE | Touched.DETAILS | Touched.EVENTS


class BookingsPage(QWidget):
    """Who is coming, who is waiting, and their children."""

    SEES = SEES | Touched.PROGRAMME

    print_requested = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.offer: Offer | None = None
        # Made in the order they are shown, so Tab moves down the page.
        self.import_button = button(self, "Import…", "import_bookings")
        self.import_button.clicked.connect(self._import)
        self.export_button = button(self, "Export CSV…", "export_bookings")
        self.export_button.clicked.connect(self._export)
        self.print_button = button(self, "Save booking list as PDF…", "print_bookings")
        self.print_button.clicked.connect(lambda: self.print_requested.emit("bookings"))
        self.person_button = button(
            self,
            "Export this person's data…",
            "export_person",
            "Everything held about the chosen household, as a text file (a subject access request)",
        )
        self.person_button.clicked.connect(self.export_person)
        self.places = wrapped(self, "places_line", role="subheading")
        self.offer_text = wrapped(self, "offer_text", role="warning")
        self.give_button = button(self, "Give the place", "give_place")
        self.give_button.clicked.connect(self.give_place)
        self.offer_box = QFrame(self)
        self.offer_box.setFrameShape(QFrame.Shape.StyledPanel)
        offer_layout = QHBoxLayout(self.offer_box)
        offer_layout.setContentsMargins(6, 4, 6, 4)
        offer_layout.addWidget(self.offer_text, 1)
        offer_layout.addWidget(self.give_button)
        self.bookings = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.BOOKINGS),
            noun="booking",
            title="Bookings",
            columns=BOOKING_COLUMNS,
            fields=BOOKING_FIELDS,
            load_rows=lambda event_id: creche.list_bookings(runner.store, event_id),
            row_values=values_of(BOOKING_FIELDS),
            parent=self,
        )
        self.children_section = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.CHILDREN),
            noun="child",
            title="Children",
            columns=CHILD_COLUMNS,
            fields=CHILD_FIELDS,
            load_rows=self._load_children,
            row_values=values_of(CHILD_FIELDS),
            parent=self,
        )
        self.children_section.title.hide()  # the heading above says whose children they are
        self.children_heading = wrapped(self, "children_heading", role="subheading")
        self.child_age = wrapped(self, "child_age")
        self.bookings.current_changed.connect(self._booking_chosen)
        self.bookings.rows_changed.connect(self._bookings_shown)
        self.children_section.rows_changed.connect(self._children_shown)
        self.children_section.current_changed.connect(lambda _id: self._children_shown())
        self._build()
        self._booking_chosen(None)

    def _build(self) -> None:
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.children_heading)
        lower_layout.addWidget(self.child_age)
        lower_layout.addWidget(self.children_section, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.bookings)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        widen_list(self.bookings, 560, 480)
        widen_list(self.children_section, 560, 480)
        layout = QVBoxLayout(self)
        layout.addLayout(
            row_of(
                self.import_button,
                self.export_button,
                self.print_button,
                self.person_button,
            )
        )
        layout.addWidget(self.places)
        layout.addWidget(self.offer_box)
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's bookings."""
        self.event_id = event_id
        for widget in (self.import_button, self.export_button, self.print_button):
            widget.setEnabled(event_id is not None)
        self._for_role(self.export_button, "bookings-csv")
        self.bookings.set_parent(event_id)
        self._booking_chosen(self.bookings.current_id)  # the kept booking's children afresh
        self._show_places()

    def refresh(self, changes: Changes) -> None:
        """Reload what the change touched (places, queue, children's ages)."""
        if changes.touched & (SEES | Touched.PROGRAMME):
            with self.runner.store.one_transaction():  # one read of the page, not six
                self.bookings.refresh()
                self.children_section.refresh()
                self._show_places()

    def flush(self) -> None:
        """Save what is typed now."""
        self.bookings.flush()
        self.children_section.flush()

    def choose_booking(self, booking_id: int) -> None:
        """Open one booking (and its children) as a click on it would."""
        self.bookings.choose(booking_id)

    def _load_children(self, booking_id: int) -> list[ChildRow]:
        if self.event_id is None:
            return []
        return creche.list_children(self.runner.store, self.event_id, booking_id=booking_id)

    def _show_places(self) -> None:
        if self.event_id is None:
            self.places.setText("Choose or create an event to take bookings for it.")
            self.offer = None
            self.offer_box.hide()
            return
        store = self.runner.store
        waiting = len(places.waiting_list(store, self.event_id))
        text = places.places(store, self.event_id).words()
        if waiting:
            text += f"; {waiting} household{'s' if waiting != 1 else ''} on the waiting list"
        self.places.setText(text)
        self.offer = places.next_offer(store, self.event_id)
        self.offer_box.setVisible(self.offer is not None)
        if self.offer is not None:
            self.offer_text.setText(f"⚠ {self.offer.words()}")
            self.give_button.setText(f"Give the place to {self.offer.name.replace('&', '&&')}")

    def give_place(self) -> None:
        """Book the household the freed place is offered to (Ctrl+Z puts them back)."""
        offer = self.offer
        if offer is None:
            return
        self.flush()
        done = set_status(
            self.runner, f"Give a place to {offer.name}", offer.booking_id, BookingStatus.BOOKED
        )
        if done is not None:
            tell(self, f"{offer.name} has the place; tell them it is booked.")

    def _booking_chosen(self, booking_id: int | None) -> None:
        self.children_section.set_parent(booking_id)
        # Children belong to a booking: nothing can be typed for them until one is chosen.
        self.children_section.setEnabled(booking_id is not None)
        self.person_button.setEnabled(booking_id is not None)
        self._for_role(self.person_button, "person")
        self._children_shown()

    def _for_role(self, button: QPushButton, what: str) -> None:
        """Off, saying why, where the person's team role may not make it."""
        why = record.why_not(self.runner.store, what)
        if why is not None:
            button.setEnabled(False)
        button.setToolTip(why or "")

    def _bookings_shown(self) -> None:
        self._children_shown()

    def _chosen_booking(self) -> BookingRow | None:
        position = self.bookings.model.row_of(self.bookings.current_id or -1)
        return None if position is None else self.bookings.model.row_at(position)

    def _children_shown(self) -> None:
        booking = self._chosen_booking()
        if booking is None:
            self.children_heading.setText("Children: choose a booking above to add its children")
            self.child_age.setText("")
            self.child_age.hide()
            return
        entered = self.children_section.model.rowCount()
        self.children_heading.setText(
            f"Children of {booking.name}: {booking.children} booked into the creche, "
            f"{entered} entered"
        )
        position = self.children_section.model.row_of(self.children_section.current_id or -1)
        if position is None:
            self.child_age.setText(
                "Age and age band are worked out at the event date once a child is added."
            )
            set_role(self.child_age, "")
        else:
            child = self.children_section.model.row_at(position)
            self.child_age.setText(
                f"{child.full_name} is {child.age_text} at the event: age band {child.band}."
            )
            set_role(self.child_age, "warning" if child.age is None else "")
        self.child_age.show()

    def _import(self) -> None:
        if self.event_id is not None:
            self.flush()
            csv_actions.import_bookings(self.window(), self.runner, self.event_id)

    def _export(self) -> None:
        if self.event_id is not None:
            self.flush()
            csv_actions.export_bookings(self.window(), self.runner, self.event_id)

    def export_person(self) -> None:
        """Save everything held about the chosen household as a readable text file."""
        booking = self._chosen_booking()
        if booking is None:
            return
        self.flush()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{safe_name(booking.name)} - personal data.txt")
        picked, _ = QFileDialog.getSaveFileName(
            self, "Save this person's data", suggested, "Text file (*.txt)"
        )
        if not picked:
            return
        try:
            privacy.export_person(self.runner.store, booking.id, Path(picked))
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        tell(self, f"The data held about {booking.name} is saved to {picked}")
