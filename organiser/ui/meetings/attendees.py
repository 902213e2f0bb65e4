"""Who came to a meeting: the working group as a list of ticks, saved (and undoable) at once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from organiser.core.changes import Changes
from organiser.core.meetings import service as meetings
from organiser.core.planning.rows import MemberRow
from organiser.ui.ops import Call, OpRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AttendeesList(QWidget):
    """Tick who came; each tick is saved straight away and Ctrl+Z takes it back."""

    counted = Signal(int, int)  # ticked, members

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.meeting_id: int | None = None
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("attendees_list")
        self.list.setAccessibleName("Who came")
        self.list.setAccessibleDescription("Space ticks or unticks the chosen person")
        self.list.itemChanged.connect(self._ticked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)

    def set_members(self, members: Sequence[MemberRow]) -> None:
        """Offer the working group (ticks are kept for people still in it)."""
        ticked = set(self.ticked_ids())
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for member in members:
            item = QListWidgetItem(f"{member.name} — {member.role}", self.list)
            item.setData(ID_ROLE, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if member.id in ticked else Qt.CheckState.Unchecked
            )
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))
        self.hint.setText(
            "Tick who came. Each tick is saved at once; Edit ▸ Undo takes it back."
            if members
            else "Add people to the working group first (Planning ▸ Working group)."
        )
        self._count()

    def show_attendees(self, meeting_id: int | None, attendee_ids: Sequence[int]) -> None:
        """Tick the people recorded for a meeting."""
        self.meeting_id = meeting_id
        wanted = set(attendee_ids)
        self.list.blockSignals(True)
        for number in range(self.list.count()):
            item = self.list.item(number)
            on = item.data(ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._count()

    def ticked_ids(self) -> list[int]:
        """The members ticked."""
        return [
            int(self.list.item(n).data(ID_ROLE))
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def ticked_names(self) -> list[str]:
        """What the ticked rows say."""
        return [
            self.list.item(n).text()
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> None:
        self.counted.emit(len(self.ticked_ids()), self.list.count())

    def _ticked(self, _item: QListWidgetItem) -> None:
        if self.meeting_id is None:
            return
        meeting_id, store, wanted = self.meeting_id, self.runner.store, self.ticked_ids()

        def inverse(changes: Changes) -> Call:
            before = list(changes.previous["attendees"])
            return lambda: meetings.set_attendees(store, meeting_id=meeting_id, member_ids=before)

        done = self.runner.push(
            "Change who came",
            lambda: meetings.set_attendees(store, meeting_id=meeting_id, member_ids=wanted),
            inverse,
        )
        if done is None:  # refused: show what is stored
            details = meetings.get_meeting(store, meeting_id)
            self.show_attendees(meeting_id, details.attendee_ids)
        self._count()
