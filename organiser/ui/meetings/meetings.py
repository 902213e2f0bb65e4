"""The Meetings page: the list of meetings, and for the chosen one its notes, agenda,
who came and what was decided."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core import crud
from organiser.core.changes import Changes, Touched
from organiser.core.errors import NotFound
from organiser.core.meetings import service as meetings
from organiser.core.meetings.rows import DecisionRow, MeetingDetails, MeetingRow
from organiser.core.parsing import format_date, format_time, long_date
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.ui.meetings.attendees import AttendeesList
from organiser.ui.meetings.notes import NotesEditor
from organiser.ui.ops import Call, OpRunner
from organiser.ui.table_model import Column
from organiser.ui.undo import row_inverse
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.fit import ReflowSplitter
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.form import FieldForm
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

FIELDS = (
    Field("title", "Title", hint="For example: Planning the flyer"),
    Field("date", "Date", Kind.DATE, hint="Day/month/year, for example 14/03/2027"),
    Field("start", "Starts", Kind.TIME, hint="For example 10:00"),
    Field("end", "Ends", Kind.TIME, hint="For example 11:00"),
    Field("place", "Place", hint="A room, an address, or “online”"),
)
AGENDA = Field("agenda", "Agenda", Kind.TEXT, hint="One item a line")
DECISION_FIELDS = (Field("text", "Decision", Kind.TEXT, hint="What the meeting agreed"),)


def _times(row: MeetingRow | MeetingDetails) -> str:
    if row.start and row.end:
        return f"{format_time(row.start)}–{format_time(row.end)}"
    return format_time(row.start)


COLUMNS = (
    Column("Date", lambda r: format_date(r.date) or "To be set"),
    Column("Time", _times),
    Column("Title", lambda r: r.title, stretch=True),
    Column("Place", lambda r: r.place, stretch=True),
)
DECISION_COLUMNS = (Column("Decision", lambda r: r.text, stretch=True),)


def meeting_values(row: MeetingRow) -> dict[str, Any]:
    """A meeting as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}


def decision_values(row: DecisionRow) -> dict[str, Any]:
    """A decision as the editor's fields."""
    return {"text": row.text}


def describe(details: MeetingDetails) -> str:
    """'Final check — Monday 8 February 2027, 10:00–11:00' (the place is in the list above)."""
    when = ", ".join(part for part in (long_date(details.date), _times(details)) if part)
    return f"{details.title} — {when}"


class MeetingsPage(QWidget):
    """Meetings of the working group; the chosen meeting's notes are typed here, offline."""

    SEES = Touched.MEETINGS | Touched.NOTES | Touched.MEMBERS

    print_minutes_requested = Signal(int)
    export_calendar_requested = Signal(int)
    lesson_requested = Signal(int)  # a new lesson raised at this meeting

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.meeting_id: int | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("meetings_summary")
        self.summary.setWordWrap(True)
        self.meetings = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.MEETINGS),
            noun="meeting",
            title="Meetings",
            columns=COLUMNS,
            fields=FIELDS,
            load_rows=lambda event_id: meetings.list_meetings(runner.store, event_id),
            row_values=meeting_values,
            parent=self,
        )
        self.meetings.current_changed.connect(self._show_meeting)
        self.meetings.rows_changed.connect(self._summarise)
        self.heading = QLabel(self)
        self.heading.setObjectName("meeting_heading")
        self.heading.setProperty("role", "subheading")
        self.heading.setWordWrap(True)
        self.print_button = QPushButton("Save &minutes as PDF…", self)
        self.print_button.setObjectName("print_minutes")
        self.print_button.clicked.connect(lambda: self._request(self.print_minutes_requested))
        self.calendar_button = QPushButton("Add to &calendar (.ics)…", self)
        self.calendar_button.setObjectName("export_calendar")
        self.calendar_button.clicked.connect(lambda: self._request(self.export_calendar_requested))
        self.lesson_button = QPushButton("Add a &lesson from these notes", self)
        self.lesson_button.setObjectName("lesson_from_notes")
        self.lesson_button.setToolTip("Opens Lessons and next steps with a new lesson from here")
        self.lesson_button.clicked.connect(lambda: self._request(self.lesson_requested))
        self.notes = NotesEditor(runner, self)
        self.agenda = FieldForm((AGENDA,), self)
        self.agenda.save_requested.connect(self._save_agenda)
        self.open_actions_button = QPushButton("Add open actions to the agenda", self)
        self.open_actions_button.setObjectName("add_open_actions")
        self.open_actions_button.setToolTip(
            "Adds the action items still open from other meetings, so this one checks on them"
        )
        self.open_actions_button.clicked.connect(self.add_open_actions)
        self.agenda_note = QLabel(self)
        self.agenda_note.setObjectName("agenda_note")
        self.agenda_note.setWordWrap(True)
        self.attendees = AttendeesList(runner, self)
        self.attendees.counted.connect(self._count_attendees)
        self.decisions = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.DECISIONS),
            noun="decision",
            title="Decisions",
            columns=DECISION_COLUMNS,
            fields=DECISION_FIELDS,
            load_rows=lambda meeting_id: meetings.get_meeting(runner.store, meeting_id).decisions,
            row_values=decision_values,
            parent=self,
        )
        self.decisions.rows_changed.connect(self._count_decisions)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meeting_tabs")
        self.empty = QLabel(
            "Choose a meeting in the list above, or add one with New meeting, "
            "to type its notes and agenda, tick who came and record decisions.",
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chosen = QStackedWidget(self)
        self._build()
        self._show_meeting(None)

    def _build(self) -> None:
        agenda_panel = QWidget(self)
        agenda_layout = QVBoxLayout(agenda_panel)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_input = self.agenda.inputs["agenda"]
        # The agenda grows with its panel instead of the form's usual four lines.
        agenda_input.setMinimumHeight(agenda_input.fontMetrics().lineSpacing() * 4)
        agenda_input.setMaximumHeight(16777215)
        agenda_input.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        agenda_layout.addWidget(self.agenda, 1)
        agenda_layout.addWidget(self.open_actions_button)
        agenda_layout.addWidget(self.lesson_button)
        agenda_layout.addWidget(self.agenda_note)
        form_layout = self.agenda.layout()
        assert isinstance(form_layout, QFormLayout)
        form_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        notes_split = ReflowSplitter(self)  # the agenda under the notes when narrow
        notes_split.addWidget(self.notes)
        notes_split.addWidget(agenda_panel)
        notes_split.setStretchFactor(0, 3)
        notes_split.setStretchFactor(1, 1)
        self.tabs.addTab(notes_split, "Notes and agenda")
        self.tabs.addTab(self.attendees, "Who came")
        self.tabs.addTab(self.decisions, "Decisions")
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        top = FlowLayout()  # the buttons under the heading when narrow
        top.addWidget(self.heading, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.calendar_button)
        details_layout.addLayout(top)
        details_layout.addWidget(self.tabs, 1)
        self.chosen.addWidget(self.empty)
        self.chosen.addWidget(details)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.meetings)
        split.addWidget(self.chosen)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([230, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    # The page's interface, shared with the other Planning pages.

    def set_event(self, event_id: int | None) -> None:
        """Show an event's meetings with the next one (or the latest) chosen; reloading the
        same event keeps the meeting that was chosen."""
        self.flush()
        kept = self.meeting_id if event_id == self.event_id else None
        self.event_id = event_id
        self._load_members()
        self.meetings.set_parent(event_id)
        if kept is None or self.meetings.model.row_of(kept) is None:
            self._show_meeting(None)
            kept = self._default_meeting()
            if kept is not None:
                self.meetings.choose(kept)
        else:  # still chosen in the list (no click comes): show it afresh
            self._show_meeting(kept)

    def refresh(self, changes: Changes) -> None:
        """Reload what the change touched: meetings, notes or members."""
        if self.event_id is None or changes.event_id not in (None, self.event_id):
            return
        if Touched.MEMBERS in changes:
            self._load_members()
        if Touched.MEETINGS in changes:
            self.meetings.refresh()
            self._reload_details()
        if Touched.NOTES in changes and changes.origin is not self.notes:  # not its own save
            self.notes.reload_if_changed()

    def flush(self) -> None:
        """Save everything still being typed: meeting details, agenda, notes, a decision."""
        self.meetings.flush()
        self.agenda.save_now()
        self.notes.save_now()
        self.decisions.flush()

    def show_meeting(self, meeting_id: int) -> None:
        """Choose a meeting, as a click on it in the list would."""
        self.meetings.choose(meeting_id)

    # Loading.

    def _default_meeting(self) -> int | None:
        if self.event_id is None:
            return None
        coming = meetings.next_meeting(self.runner.store, self.event_id, today=dt.date.today())
        if coming is not None:
            return coming.id
        rows = meetings.list_meetings(self.runner.store, self.event_id)
        dated = [m for m in rows if m.date is not None]
        return (dated or rows)[-1].id if rows else None

    def _load_members(self) -> None:
        members = planning.list_members(self.runner.store, self.event_id) if self.event_id else []
        self.attendees.set_members(members)
        self._reload_details()

    def _show_meeting(self, meeting_id: int | None) -> None:
        self.agenda.save_now()  # into the meeting it was typed for
        self.notes.save_now()
        self.meeting_id = meeting_id
        details = self._details()
        self.chosen.setCurrentIndex(0 if details is None else 1)
        for button in (
            self.print_button,
            self.calendar_button,
            self.lesson_button,
            self.open_actions_button,
        ):
            button.setEnabled(details is not None)
        self.agenda_note.setText("")
        if details is None:
            self.meeting_id = None
            self.notes.set_meeting(None, "", None)
            self.attendees.show_attendees(None, ())
            self.agenda.load({"agenda": ""}, force=True)
            self.decisions.set_parent(None)
            return
        self.notes.set_meeting(details.id, details.notes, details.notes_saved_at)
        self.agenda.load({"agenda": details.agenda}, force=True)
        self.decisions.set_parent(details.id)
        self._show_details(details)

    def _details(self) -> MeetingDetails | None:
        if self.meeting_id is None:
            return None
        try:
            return meetings.get_meeting(self.runner.store, self.meeting_id)
        except NotFound:
            return None

    def _reload_details(self) -> None:
        details = self._details()
        if details is None:
            return
        self.agenda.load({"agenda": details.agenda})
        self.decisions.refresh()
        self._show_details(details)

    def _show_details(self, details: MeetingDetails) -> None:
        self.heading.setText(describe(details))
        self.attendees.show_attendees(details.id, details.attendee_ids)

    def _summarise(self) -> None:
        count = self.meetings.model.rowCount()
        if self.event_id is None:
            self.summary.setText("")
            return
        if not count:
            self.summary.setText("No meetings yet: add the first with New meeting.")
            return
        parts = [f"{count} meeting{'s' if count != 1 else ''}"]
        coming = meetings.next_meeting(self.runner.store, self.event_id, today=dt.date.today())
        if coming is not None and coming.date is not None:
            at = f" at {format_time(coming.start)}" if coming.start else ""
            parts.append(f"next: {coming.title}, {long_date(coming.date)}{at}")
        else:
            parts.append("none planned yet")
        self.summary.setText(" · ".join(parts))

    def _count_attendees(self, ticked: int, members: int) -> None:
        self.tabs.setTabText(1, f"Who came ({ticked} of {members})" if members else "Who came")

    def _count_decisions(self) -> None:
        count = self.decisions.model.rowCount()
        self.tabs.setTabText(2, f"Decisions ({count})" if count else "Decisions")

    # Changes.

    def _request(self, signal: Any) -> None:
        if self.meeting_id is not None:
            self.flush()
            signal.emit(self.meeting_id)

    def _save_agenda(self) -> None:
        meeting_id, store = self.meeting_id, self.runner.store
        if meeting_id is None:
            return
        values, errors = self.agenda.read()
        refused = self.runner.push_edit(
            "Edit agenda",
            lambda chosen: crud.update_row(
                store, kind=RowKind.MEETINGS, row_id=meeting_id, values=chosen
            ),
            row_inverse(store, RowKind.MEETINGS),
            values,
        )
        self.agenda.show_errors({**errors, **refused})

    def add_open_actions(self) -> None:
        """Append the actions still open from other meetings to this meeting's agenda."""
        meeting_id, store = self.meeting_id, self.runner.store
        if meeting_id is None:
            return
        self.agenda.save_now()

        def inverse(changes: Changes) -> Call:
            before = dict(changes.previous)
            return lambda: crud.update_row(
                store, kind=RowKind.MEETINGS, row_id=meeting_id, values=before
            )

        changes = self.runner.push(
            "Add open actions to the agenda",
            lambda: meetings.add_open_actions_to_agenda(
                store, meeting_id=meeting_id, today=dt.date.today()
            ),
            inverse,
        )
        if changes is None:
            return
        if changes.touched:
            self.agenda_note.setText("Added at the end of the agenda. Edit ▸ Undo takes it out.")
        else:
            self.agenda_note.setText("No actions are open from other meetings.")
