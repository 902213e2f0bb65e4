"""Event details: what, when, where and for how many; saved as they are typed.

Only what the person changed is sent, with the details as the page showed them and the
event's version then: someone else's change to another detail is kept, and a change to the
same detail asks which to keep (organiser.ui.widgets.versioned_edits).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.events import service as events
from organiser.core.events.kinds import VENUE_FEATURES, Status
from organiser.core.events.rules import detail_warnings
from organiser.ui.ops import OpRunner
from organiser.ui.undo import event_inverse
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.form import FieldForm
from organiser.ui.widgets.versioned_edits import versioned_edits

FIELDS = (
    Field("title", "Title"),
    Field("purpose", "Purpose", Kind.TEXT, hint="Why are we holding this event?"),
    Field("audience", "Who it is for", Kind.TEXT),
    Field("date", "Date", Kind.DATE, hint="Day/month/year, for example 14/03/2027"),
    Field("start_time", "Starts", Kind.TIME, hint="For example 09:45"),
    Field("end_time", "Ends", Kind.TIME, hint="For example 12:15"),
    Field("venue_name", "Venue"),
    Field("venue_address", "Venue address", Kind.TEXT),
    *(Field(key, label, Kind.CHECK) for key, label in VENUE_FEATURES.items()),
    Field("capacity", "Capacity (places)", Kind.NUMBER, hint="A whole number, for example 20"),
    Field("attendance", "Attendance (people who came)", Kind.NUMBER, hint="After the event"),
    Field("status", "Status", Kind.CHOICE, tuple(s.value for s in Status)),
    Field("booking_contact", "Booking contact", hint="Who people call or email to book"),
)


class DetailsPage(QWidget):
    """The event's details form; invalid values stay with a message beside them."""

    SEES = Touched.DETAILS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.notice = QLabel(self)
        self.notice.setObjectName("details_notice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "warning")
        self.form = FieldForm(FIELDS, self)
        self.form.save_requested.connect(self.save)
        self.edits = versioned_edits(
            self,
            runner,
            self.form,
            noun="event",
            action="Edit event details",
            current=lambda: self.event_id,
            version_of=events.event_version,
            update=events.update_event,
            key="event_id",
            inverse=event_inverse,
        )
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the last input onwards
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(scroll)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's details (saving what was typed first)."""
        self.form.save_now()
        self.event_id = event_id
        self._load(force=True)

    def refresh(self, changes: Changes) -> None:
        """Reload when this event's details changed (tidied as stored, or by undo)."""
        if Touched.DETAILS in changes.touched and changes.event_id == self.event_id:
            self._load(force=False)

    def _load(self, *, force: bool) -> None:
        self.setEnabled(self.event_id is not None)
        if self.event_id is None:
            self.notice.setText("")
            self.edits.clear()
            return
        # Read before the details: what the form then shows is at least as new as this version.
        version = self.edits.version_now(self.event_id)
        details = events.get_event(self.runner.store, self.event_id)
        self.form.load({f.key: getattr(details, f.key) for f in FIELDS}, force=force)
        self.edits.refreshed(version)
        self._warn(details.date)

    def _warn(self, date: dt.date | None) -> None:
        warnings = detail_warnings(date, today=dt.date.today())
        self.notice.setText("\n".join(f"ⓘ {w}" for w in warnings))
        self.notice.setVisible(bool(warnings))

    def flush(self) -> None:
        """Save what is typed now."""
        self.form.save_now()

    def save(self) -> None:
        """Save what was changed; refused values keep their text and a message."""
        if self.event_id is None:
            return
        values, errors = self.form.read()
        self.edits.save(self.event_id, values, errors)
        if "date" not in errors:
            self._warn(values.get("date"))
