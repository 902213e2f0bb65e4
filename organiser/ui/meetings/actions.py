"""The Actions page: every action item of the event, open ones first, overdue ones said in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from organiser.core import crud
from organiser.core.changes import Changes, Touched
from organiser.core.meetings import service as meetings
from organiser.core.meetings.rows import ActionRow
from organiser.core.parsing import format_date
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.read_only import keeps_working
from organiser.ui.table_model import Column
from organiser.ui.undo import row_inverse
from organiser.ui.widgets.fields import Choice, Field, Kind, set_id_choices
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

NO_OWNER: Choice = ("No one yet", None)
NO_MEETING: Choice = ("Not raised at a meeting", None)
EVERYONE: Choice = ("Everyone", None)

FIELDS = (
    Field("text", "Action", Kind.TEXT, hint="What needs doing, for example: book the hall"),
    Field("owner_id", "Owner", Kind.CHOICE_ID, (NO_OWNER,)),
    Field("due", "Due", Kind.DATE, hint="Day/month/year, for example 14/03/2027"),
    Field("meeting_id", "Raised at meeting", Kind.CHOICE_ID, (NO_MEETING,)),
)


def _standing(row: ActionRow) -> str:
    return f"⚠ {row.standing}" if row.overdue else row.standing


# Where it stands comes second, so it is in view on a small screen.
COLUMNS = (
    Column("Action", lambda r: r.text, stretch=True),
    Column("Where it stands", _standing, warn=lambda r: r.overdue),
    Column("Owner", lambda r: r.owner or "No one yet"),
    Column("Due", lambda r: format_date(r.due) or "No date"),
    Column("Raised at", lambda r: r.meeting),
)


def action_values(row: ActionRow) -> dict[str, Any]:
    """An action item as the editor's fields."""
    return {
        "text": row.text,
        "owner_id": row.owner_id,
        "due": row.due,
        "meeting_id": row.meeting_id,
    }


class ActionsPage(QWidget):
    """Who does what by when; tick an action done with its button or the space bar."""

    SEES = Touched.ACTIONS | Touched.MEMBERS | Touched.MEETINGS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("actions_summary")
        self.summary.setWordWrap(True)
        self.owner_filter = QComboBox(self)
        keeps_working(self.owner_filter)
        self.owner_filter.setObjectName("owner_filter")
        self.owner_filter.setAccessibleName("Show the actions of")
        set_id_choices(self.owner_filter, [EVERYONE])
        self.owner_filter.currentIndexChanged.connect(lambda _i: self._filter_changed())
        filter_label = QLabel("Show the actions &of", self)
        filter_label.setBuddy(self.owner_filter)
        self.section = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.ACTIONS),
            noun="action",
            title="Action items",
            columns=COLUMNS,
            fields=FIELDS,
            load_rows=self._load_rows,
            row_values=action_values,
            editor_below=True,
            parent=self,
        )
        self.done_button = QPushButton("Mark done", self)
        self.done_button.setObjectName("toggle_done")
        self.done_button.setToolTip("Or press Space on the chosen action")
        self.done_button.clicked.connect(self.toggle_done)
        self.section.current_changed.connect(self._chosen)
        self.section.rows_changed.connect(self._rows_changed)
        self.section.table.installEventFilter(self)
        top = FlowLayout()  # wraps onto a second line when narrow
        top.addWidget(self.summary, 1)
        top.addWidget(filter_label)
        top.addWidget(self.owner_filter)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.section, 1)
        self._show_button()

    # The page's interface, shared with the other Planning pages.

    def set_event(self, event_id: int | None) -> None:
        """Show another event's action items, everyone's; reloading the same event keeps
        the filter and the chosen action."""
        self.section.flush()
        same = event_id == self.event_id
        kept = self.section.current_id if same else None
        self.event_id = event_id
        self._load_choices()
        if not same:
            self.owner_filter.blockSignals(True)
            self.owner_filter.setCurrentIndex(0)
            self.owner_filter.blockSignals(False)
        self.section.set_parent(event_id)
        if kept is not None:
            self.section.choose(kept)

    def refresh(self, changes: Changes) -> None:
        """Reload when actions, members (owners) or meetings (where raised) changed."""
        if self.event_id is None or changes.event_id not in (None, self.event_id):
            return
        if changes.touched & (Touched.MEMBERS | Touched.MEETINGS):
            self._load_choices()
        if changes.touched & (Touched.ACTIONS | Touched.MEMBERS | Touched.MEETINGS):
            self.section.refresh()

    def flush(self) -> None:
        """Save an action still being typed."""
        self.section.flush()

    # Filter and choices.

    def owner_id(self) -> int | None:
        """The owner whose actions are shown (None for everyone)."""
        value = self.owner_filter.currentData()
        return int(value) if value is not None else None

    def _load_rows(self, event_id: int) -> list[ActionRow]:
        return meetings.list_actions(
            self.runner.store, event_id, today=dt.date.today(), owner_id=self.owner_id()
        )

    def _load_choices(self) -> None:
        store, event_id = self.runner.store, self.event_id
        members = planning.list_members(store, event_id) if event_id is not None else []
        owners: list[Choice] = [(m.name, m.id) for m in members]
        set_id_choices(self.owner_filter, [EVERYONE, *owners])
        set_id_choices(self.section.form.inputs["owner_id"], [NO_OWNER, *owners])
        found = meetings.list_meetings(store, event_id) if event_id is not None else []
        held: list[Choice] = [
            (f"{m.title} ({format_date(m.date)})" if m.date else m.title, m.id) for m in found
        ]
        set_id_choices(self.section.form.inputs["meeting_id"], [NO_MEETING, *held])

    def _filter_changed(self) -> None:
        self.section.flush()
        self.section.refresh()
        if self.section.current_id is None:
            self._chosen(None)

    # Done and open.

    def current_row(self) -> ActionRow | None:
        """The action chosen in the list."""
        if self.section.current_id is None:
            return None
        position = self.section.model.row_of(self.section.current_id)
        row: ActionRow | None = (
            self.section.model.row_at(position) if position is not None else None
        )
        return row

    def toggle_done(self) -> None:
        """Mark the chosen action done (recording when), or open again; Ctrl+Z undoes."""
        row = self.current_row()
        if row is None:
            return
        self.section.flush()
        done, store, row_id = not row.done, self.runner.store, row.id
        self.runner.push(
            "Mark action done" if done else "Mark action open",
            lambda: crud.update_row(
                store, kind=RowKind.ACTIONS, row_id=row_id, values={"done": done}
            ),
            row_inverse(store, RowKind.ACTIONS),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space on the chosen row marks it done or open."""
        if (
            watched is self.section.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.toggle_done()
            return True
        return super().eventFilter(watched, event)

    def _chosen(self, row_id: int | None) -> None:
        owner = self.owner_id()
        if row_id is None and owner is not None:
            # A new action starts with the person whose actions are shown, so it stays in view.
            combo = self.section.form.inputs["owner_id"]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(combo.findData(owner), 0))
        self._show_button()

    def _rows_changed(self) -> None:
        self._show_button()
        rows = [self.section.model.row_at(n) for n in range(self.section.model.rowCount())]
        if self.event_id is None:
            self.summary.setText("")
            return
        who = "" if self.owner_id() is None else f" for {self.owner_filter.currentText()}"
        if not rows:
            self.summary.setText(f"No action items{who} yet: add one with New action.")
            return
        still_open = sum(not r.done for r in rows)
        overdue = sum(r.overdue for r in rows)
        parts = [f"{len(rows)} action{'s' if len(rows) != 1 else ''}{who}", f"{still_open} open"]
        if overdue:
            parts.append(f"⚠ {overdue} overdue")
        self.summary.setText(" · ".join(parts))

    def _show_button(self) -> None:
        row = self.current_row()
        self.done_button.setEnabled(row is not None)
        self.done_button.setText("Mark open" if row is not None and row.done else "Mark done")
