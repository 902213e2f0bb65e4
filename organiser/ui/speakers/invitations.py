"""The Invitations page: who is asked to the open event, where each stands, slots and checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.money import format_pence
from organiser.core.parsing import format_date, format_minutes, format_time, parse_time
from organiser.core.planning import service as planning
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers
from organiser.core.speakers.invitations import InvitationRow
from organiser.core.speakers.kinds import InvitationStatus
from organiser.core.speakers.rules import summary
from organiser.ui.ops import OpRunner
from organiser.ui.speakers.undo import confirm_days_inverse, invitation_inverse, slot_inverse
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Choice, Field, Kind, set_id_choices
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import Verbs

NO_SPEAKER: Choice = ("Choose a speaker…", None)
NO_SLOT: Choice = ("No slot yet", None)
STATUSES: tuple[Choice, ...] = tuple((s.value.capitalize(), s.value) for s in InvitationStatus)

FIELDS = (
    Field("speaker_id", "Speaker", Kind.CHOICE_ID, (NO_SPEAKER,)),
    Field("talk_title", "Talk title", hint="For example: Sleep when you have a baby"),
    Field("length_minutes", "Length (minutes)", Kind.NUMBER, hint="For example: 20"),
    Field("status", "Status", Kind.CHOICE_ID, STATUSES),
    Field("fee_pence", "Fee or expenses (£)", Kind.OPTIONAL_MONEY, hint="Goes into the budget"),
    Field("programme_item_id", "Slot", Kind.CHOICE_ID, (NO_SLOT,)),
    Field("brings", "What they bring", Kind.TEXT, hint="For example: leaflets, yoga mats"),
    Field("arrival", "Arrival time", Kind.TIME, hint="For example: 09:30"),
    Field("notes", "Notes", Kind.TEXT),
)


def _status(row: InvitationRow) -> str:
    since = f" since {format_date(row.status_since)}" if row.status_since else ""
    return f"{row.status.capitalize()}{since}"


def _checks(row: InvitationRow) -> str:
    return "⚠ " + "; ".join(row.warnings) if row.warnings else "No problems"


# Where it stands and its checks come second and third, so they are in view on a small screen.
COLUMNS = (
    Column("Speaker", lambda r: r.speaker),
    Column("Status", _status),
    Column("Checks", _checks, warn=lambda r: bool(r.warnings), stretch=True),
    Column("Talk", lambda r: r.talk_title, stretch=True),
    Column("Length", lambda r: format_minutes(r.length_minutes) if r.length_minutes else ""),
    Column("Slot", lambda r: r.slot or "No slot", stretch=True),
    Column("Fee", lambda r: format_pence(r.fee_pence), align_right=True),
    Column("Organisation", lambda r: r.organisation),
)


def invitation_values(row: InvitationRow) -> dict[str, Any]:
    """An invitation as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}


class InvitationsPage(QWidget):
    """The open event's invitations: a summary strip, the list with checks, and an editor."""

    SEES = (
        Touched.SPEAKERS
        | Touched.ORGANISATIONS
        | Touched.INVITATIONS
        | Touched.PROGRAMME
        | Touched.BUDGET
        | Touched.DETAILS
    )

    print_briefing_requested = Signal()
    print_schedule_requested = Signal()
    letter_requested = Signal(int, str)  # invitation id, "invitation" or "confirmation"

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("invitations_summary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "subheading")
        self.confirm_days = QSpinBox(self)
        self.confirm_days.setObjectName("confirm_days")
        self.confirm_days.setRange(0, 365)
        self.confirm_days.setKeyboardTracking(False)
        self.confirm_days.setAccessibleName("Speakers should confirm this many days before")
        days_label = QLabel("Speakers should &confirm", self)
        days_label.setBuddy(self.confirm_days)
        self.confirm_days.valueChanged.connect(self._days_changed)
        self.briefing_button = QPushButton("Save speaker briefings as PDF…", self)
        self.briefing_button.setObjectName("print_briefings")
        self.briefing_button.clicked.connect(self.print_briefing_requested)
        self.schedule_button = QPushButton("Save speaker schedule as PDF…", self)
        self.schedule_button.setObjectName("print_schedule")
        self.schedule_button.clicked.connect(self.print_schedule_requested)
        self.pane = RowSection(
            runner,
            noun="invitation",
            title="Invitations to this event",
            columns=COLUMNS,
            fields=FIELDS,
            verbs=Verbs(
                name="invitation",
                add=self._add,
                update=self._update,
                delete=lambda row_id: invitations.delete_invitation(
                    self._store(), invitation_id=row_id
                ),
                version=lambda row_id: invitations.invitation_version(self._store(), row_id),
                inverse=lambda: invitation_inverse(self._store),
            ),
            load_rows=self._load_rows,
            row_values=invitation_values,
            parent=self,
        )
        self._build_slot_maker()
        self._build_letters()
        self.pane.current_changed.connect(lambda _id: self._chosen())
        self.pane.rows_changed.connect(self._rows_changed)
        strip = FlowLayout()  # wraps onto a second line when narrow
        strip.addWidget(self.summary, 1)
        strip.addWidget(days_label)
        strip.addWidget(self.confirm_days)
        strip.addWidget(QLabel("days before", self))
        prints = FlowLayout()
        prints.addWidget(self.briefing_button)
        prints.addWidget(self.schedule_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(strip)
        layout.addLayout(prints)
        layout.addWidget(self.pane, 1)
        self._chosen()

    def _build_slot_maker(self) -> None:
        self.slot_start = QLineEdit(self)
        self.slot_start.setObjectName("slot_start")
        self.slot_start.setAccessibleName("Make a slot at")
        self.slot_start.setPlaceholderText("Start time, for example 10:30")
        label = QLabel("&Make a slot at", self)
        label.setBuddy(self.slot_start)
        self.slot_button = QPushButton("Make slot", self)
        self.slot_button.setObjectName("make_slot")
        self.slot_button.setToolTip("Adds the talk to the programme at this time and links it")
        self.slot_button.clicked.connect(self.make_slot)
        self.slot_start.returnPressed.connect(self.make_slot)
        self.slot_message = QLabel(self)
        self.slot_message.setObjectName("slot_message")
        self.slot_message.setProperty("role", "error")
        self.slot_message.setWordWrap(True)
        self.slot_message.hide()
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.slot_start, 1)
        row.addWidget(self.slot_button)
        self.pane.editor_layout.addLayout(row)
        self.pane.editor_layout.addWidget(self.slot_message)

    def _build_letters(self) -> None:
        self.invitation_letter = QPushButton("Invitation letter…", self)
        self.invitation_letter.setObjectName("invitation_letter")
        self.invitation_letter.clicked.connect(lambda: self._letter("invitation"))
        self.confirmation_letter = QPushButton("Confirmation letter…", self)
        self.confirmation_letter.setObjectName("confirmation_letter")
        self.confirmation_letter.clicked.connect(lambda: self._letter("confirmation"))
        row = FlowLayout()
        row.addWidget(self.invitation_letter)
        row.addWidget(self.confirmation_letter)
        self.pane.editor_layout.addLayout(row)

    def _store(self) -> Store:
        return self.runner.store

    # Loading.

    def set_event(self, event_id: int | None) -> None:
        """Show another event's invitations."""
        self.pane.flush()
        self.event_id = event_id
        self._load_speakers()
        self._load_slots()
        self._load_days()
        self.pane.set_parent(event_id)
        self.briefing_button.setEnabled(event_id is not None)
        self.schedule_button.setEnabled(event_id is not None)

    def refresh(self, changes: Changes) -> None:
        """Reload what the change touched."""
        if self.event_id is None or changes.event_id not in (None, self.event_id):
            return
        if changes.touched & (Touched.SPEAKERS | Touched.ORGANISATIONS):
            self._load_speakers()
        if changes.touched & Touched.PROGRAMME:
            self._load_slots()
        if changes.touched & Touched.INVITATIONS:
            self._load_days()
        self.pane.refresh()

    def flush(self) -> None:
        """Save an invitation still being typed."""
        self.pane.flush()

    def _load_rows(self, event_id: int) -> list[InvitationRow]:
        return invitations.list_invitations(self._store(), event_id, today=dt.date.today())

    def _load_speakers(self) -> None:
        rows = speakers.list_speakers(self._store(), include_archived=True)
        choices: list[Choice] = [
            (
                f"{r.name} — {r.organisation}" if r.organisation else r.name,
                r.id,
            )
            if not r.archived
            else (f"{r.name} (archived)", r.id)
            for r in rows
        ]
        set_id_choices(self.pane.form.inputs["speaker_id"], [NO_SPEAKER, *choices])

    def _load_slots(self) -> None:
        items = planning.list_programme(self._store(), self.event_id) if self.event_id else []
        slots: list[Choice] = [
            (f"{format_time(i.start)}–{format_time(i.end)} {i.title}", i.id) for i in items
        ]
        set_id_choices(self.pane.form.inputs["programme_item_id"], [NO_SLOT, *slots])

    def _load_days(self) -> None:
        self.confirm_days.blockSignals(True)
        self.confirm_days.setValue(invitations.confirm_days(self._store()))
        self.confirm_days.blockSignals(False)

    def _rows_changed(self) -> None:
        rows = [self.pane.model.row_at(n) for n in range(self.pane.model.rowCount())]
        if self.event_id is None:
            self.summary.setText("Choose or create an event to invite speakers to it.")
            return
        warnings = {r.id: list(r.warnings) for r in rows}
        statuses = {r.id: r.status for r in rows}
        text = summary(warnings, statuses)
        self.summary.setText(text if rows else f"{text}: add one with New invitation.")
        self.summary.setProperty("role", "warning" if any(warnings.values()) else "subheading")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self._chosen()

    def _chosen(self) -> None:
        chosen = self.pane.current_id is not None
        for widget in (self.invitation_letter, self.confirmation_letter, self.slot_button):
            widget.setEnabled(chosen)
        self.slot_start.setEnabled(chosen)
        self.slot_message.hide()

    # Verbs.

    def _add(self, event_id: int, values: dict[str, Any]) -> Changes:
        chosen = {k: v for k, v in values.items() if v is not None}
        return invitations.add_invitation(self._store(), event_id=event_id, values=chosen)

    def _update(
        self, invitation_id: int, values: dict[str, Any], base: dict[str, Any], version: int
    ) -> Changes:
        """An edit against the version shown: someone else's change is kept or a clash."""
        if values.get("speaker_id", 0) is None:
            raise ValidationError("Choose a speaker from the directory.", field="speaker_id")
        return invitations.update_invitation(
            self._store(),
            invitation_id=invitation_id,
            values=values,
            base=base,
            expected_version=version,
        )

    def make_slot(self) -> None:
        """Put the chosen talk in the programme at the time typed, linked to this invitation."""
        invitation_id = self.pane.current_id
        if invitation_id is None:
            return
        self.pane.flush()
        try:
            start = parse_time(self.slot_start.text(), field="start")
            if start is None:
                raise ValidationError("Type the time the talk starts, for example 10:30.")
        except ValidationError as exc:
            self.slot_message.setText(f"⚠ {exc}")
            self.slot_message.show()
            return
        store = self._store()
        changes = self.runner.push(
            "Make a slot",
            lambda: invitations.make_slot(store, invitation_id=invitation_id, start=start),
            slot_inverse(self._store, invitation_id, start),
        )
        if changes is not None:
            self.slot_start.clear()
            self.slot_message.hide()

    def _days_changed(self, days: int) -> None:
        store = self._store()
        self.runner.push(
            "Change when speakers should confirm",
            lambda: invitations.set_confirm_days(store, days=days),
            confirm_days_inverse(self._store),
        )

    def _letter(self, kind: str) -> None:
        if self.pane.current_id is not None:
            self.pane.flush()
            self.letter_requested.emit(self.pane.current_id, kind)
