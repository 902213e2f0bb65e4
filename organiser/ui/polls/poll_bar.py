"""Which poll is shown; new, rename, delete; and what the poll decides (the event or a meeting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from organiser.core import crud
from organiser.core.meetings import service as meetings
from organiser.core.meetings.rows import MeetingRow
from organiser.core.polls import service as polls
from organiser.core.polls.service import PollRow
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.read_only import keeps_working
from organiser.ui.undo import row_inverse
from organiser.ui.widgets.fields import Field, Kind, set_id_choices
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.form import FieldForm

THE_EVENT = "The event itself"
FIELDS = (
    Field("title", "Title of the poll", hint="For example: When and where shall we hold it?"),
    Field("meeting_id", "For", Kind.CHOICE_ID, ((THE_EVENT, None),)),
)


def meeting_label(meeting: MeetingRow) -> str:
    """'Meeting: Second planning meeting (Wed 13 Jan 2027)'."""
    when = f" ({meeting.date:%a} {meeting.date.day} {meeting.date:%b %Y})" if meeting.date else ""
    return f"Meeting: {meeting.title}{when}"


def poll_label(poll: PollRow, targets: dict[int | None, str]) -> str:
    """How a poll is listed: its title, what it decides, and whether it is closed."""
    target = targets.get(poll.meeting_id, THE_EVENT)
    target = "the event" if target == THE_EVENT else target.replace("Meeting: ", "meeting ")
    closed = " — closed" if poll.closed else ""
    return f"{poll.title} (for {target}){closed}"


class PollBar(QWidget):
    """Lists the event's polls; `poll_shown` says which one to show (None: no poll).
    Its `form` edits the shown poll's title and what it decides."""

    poll_shown = Signal(object)
    created = Signal(int)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.poll_id: int | None = None
        self.polls: list[PollRow] = []
        self._known: set[int] | None = None  # None until the event's polls are first listed
        self._form_poll: int | None = None
        self._targets: list[tuple[str, int | None]] = [(THE_EVENT, None)]
        self.chooser = QComboBox(self)
        keeps_working(self.chooser)
        self.chooser.setObjectName("poll_chooser")
        self.chooser.setAccessibleName("Poll shown")
        self.chooser.setMinimumContentsLength(20)
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.activated.connect(self._chosen)
        label = QLabel("&Poll shown:", self)
        label.setBuddy(self.chooser)
        self.new_button = QPushButton("New po&ll…", self)
        self.new_button.clicked.connect(self.new_poll)
        self.delete_button = QPushButton("Delete poll", self)
        self.delete_button.clicked.connect(self.delete_poll)
        # The title and what the poll decides: placed by the page on its set-up tab.
        self.form = FieldForm(FIELDS, self)
        self.form.save_requested.connect(self.save)
        row = FlowLayout()  # wraps onto a second line when narrow
        row.addWidget(label)
        row.addWidget(self.chooser, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        self.setLayout(row)

    @property
    def title_input(self) -> QLineEdit:
        """Where the poll's title is typed (renaming saves as it is typed)."""
        widget = self.form.inputs["title"]
        assert isinstance(widget, QLineEdit)
        return widget

    @property
    def target_input(self) -> QComboBox:
        """The event itself, or one of its meetings."""
        widget = self.form.inputs["meeting_id"]
        assert isinstance(widget, QComboBox)
        return widget

    def current(self) -> PollRow | None:
        """The poll shown."""
        return next((p for p in self.polls if p.id == self.poll_id), None)

    def set_event(self, event_id: int | None) -> None:
        """List another event's polls and show the newest."""
        self.form.save_now()
        self.event_id = event_id
        self._known = None
        self.poll_id = None
        self.reload()

    def reload(self) -> None:
        """Reload polls and meetings; a poll that has just appeared (new, or back by undo)
        is shown, and a deleted one gives way to the newest."""
        store = self.runner.store
        self.polls = polls.list_polls(store, self.event_id) if self.event_id is not None else []
        meeting_rows = (
            meetings.list_meetings(store, self.event_id) if self.event_id is not None else []
        )
        self._targets = [(THE_EVENT, None), *((meeting_label(m), m.id) for m in meeting_rows)]
        ids = {p.id for p in self.polls}
        appeared = ids - self._known if self._known is not None else set()
        self._known = ids
        if appeared:
            self.poll_id = max(appeared)
        elif self.poll_id not in ids:
            self.poll_id = self.polls[0].id if self.polls else None
        self._fill()
        self.poll_shown.emit(self.poll_id)

    def _fill(self) -> None:
        by_meeting = {mid: label for label, mid in self._targets}
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for poll in self.polls:
            self.chooser.addItem(poll_label(poll, by_meeting), poll.id)
        if not self.polls:
            self.chooser.addItem("No polls yet", None)
        self.chooser.setCurrentIndex(max(self.chooser.findData(self.poll_id), 0))
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(self.polls))
        set_id_choices(self.target_input, self._targets)
        shown = self.current()
        self.delete_button.setEnabled(shown is not None)
        self.new_button.setEnabled(self.event_id is not None)
        self.form.setVisible(shown is not None)
        if shown is not None:
            self.form.load(
                {"title": shown.title, "meeting_id": shown.meeting_id},
                force=shown.id != self._form_poll,
            )
            self._form_poll = shown.id
            # A closed poll has put its choice into the event or meeting: keep that link.
            self.target_input.setEnabled(not shown.closed)

    def _chosen(self, position: int) -> None:
        self.form.save_now()
        self.poll_id = self.chooser.itemData(position)
        self._fill()
        self.poll_shown.emit(self.poll_id)

    def new_poll(self) -> None:
        """Ask for a title (and, if the event has meetings, what it decides); add the poll."""
        if self.event_id is None:
            return
        self.form.save_now()
        title, ok = QInputDialog.getText(
            self, "New poll", "Poll title:", QLineEdit.EchoMode.Normal, "When and where?"
        )
        if not ok:
            return
        meeting_id: int | None = None
        if len(self._targets) > 1:
            labels = [label for label, _id in self._targets]
            choice, ok = QInputDialog.getItem(
                self, "New poll", "Which date and place does this poll decide?", labels, 0, False
            )
            if not ok:
                return
            meeting_id = self._targets[labels.index(choice)][1] if choice in labels else None
        store, event_id = self.runner.store, self.event_id
        values: dict[str, Any] = {"title": title.strip(), "meeting_id": meeting_id}
        done = self.runner.push(
            "New poll",
            lambda: crud.add_row(store, kind=RowKind.POLLS, parent_id=event_id, values=values),
            row_inverse(store, RowKind.POLLS),
        )
        if done is not None and done.created_id is not None:
            self.created.emit(done.created_id)

    def delete_poll(self) -> None:
        """Delete the poll shown, its options and answers (Ctrl+Z brings them back)."""
        if self.poll_id is None:
            return
        store, poll_id = self.runner.store, self.poll_id
        self.runner.push(
            "Delete poll",
            lambda: crud.delete_row(store, kind=RowKind.POLLS, row_id=poll_id),
            row_inverse(store, RowKind.POLLS),
        )

    def save(self) -> None:
        """Save a new title or a new target as they are typed or chosen."""
        poll = self.current()
        if poll is None:
            return
        values, errors = self.form.read()
        wanted: dict[str, Any] = {}
        if "title" not in errors and values["title"] != poll.title:
            wanted["title"] = values["title"]
        if values["meeting_id"] != poll.meeting_id and not poll.closed:
            wanted["meeting_id"] = values["meeting_id"]
        store, poll_id = self.runner.store, poll.id
        refused = self.runner.push_edit(
            "Edit poll",
            lambda chosen: crud.update_row(
                store, kind=RowKind.POLLS, row_id=poll_id, values=chosen
            ),
            row_inverse(store, RowKind.POLLS),
            wanted,
        )
        self.form.show_errors({**errors, **refused})
