"""One aspect of the co-production ledger: the rung it reached, who was involved, what held it
back and a note. Each change is saved at once; Edit ▸ Undo takes it back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.coproduction import ledger
from organiser.core.coproduction.kinds import RUNGS, Group, HeldBack, group_of
from organiser.core.coproduction.ledger import LedgerRow
from organiser.core.planning.kinds import Role
from organiser.core.planning.rows import MemberRow
from organiser.ui.ops import Call, Inverse, OpRunner
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.fit import ReflowSplitter
from organiser.ui.widgets.form import FieldForm

NOT_DECIDED = "Not decided yet"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE = Field(
    "note",
    "Note",
    Kind.TEXT,
    hint="Why this rung: what went well, or what got in the way",
)
SHORT_ROLES = {Role.LIVED_EXPERIENCE.value: "lived experience", Role.OTHER.value: ""}
# What each group means, said to a person rather than as a diagram.
MEANING = {
    Group.DOING_TO: "Doing to: decided for people, without them.",
    Group.DOING_FOR: "Doing for: people were told or asked, but others decided.",
    Group.DOING_WITH: "Doing with: people with lived experience shared the decisions.",
}


def member_label(member: MemberRow) -> str:
    """'Zoë Marsh — lived experience': the role in a word or two, so the list stays narrow."""
    role = SHORT_ROLES.get(member.role, member.role.lower())
    return f"{member.name} — {role}" if role else member.name


def suggestion_text(row: LedgerRow) -> str:
    """'Suggested: Co-design — Zoë Marsh approved the latest version of the flyer.'"""
    if row.suggestion is None:
        return ""
    return f"Suggested: {row.suggestion.rung} — {row.suggestion.reason}."


class AspectEditor(QWidget):
    """The chosen aspect's rung, people, reasons and note."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.row: LedgerRow | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("aspect_heading")
        self.heading.setProperty("role", "subheading")
        self.rung = QComboBox(self)
        self.rung.setObjectName("rung")
        self.rung.setAccessibleName("Rung reached")
        self.rung.addItems([NOT_DECIDED, *(r.value for r in RUNGS)])
        self.rung.activated.connect(self._rung_chosen)
        self.meaning = self._wrapped("rung_meaning")
        self.suggestion = self._wrapped("suggestion")
        self.use_button = QPushButton("&Use the suggestion", self)
        self.use_button.setObjectName("use_suggestion")
        self.use_button.clicked.connect(self.use_suggestion)
        self.members = QListWidget(self)
        self.members.setObjectName("involved")
        self.members.setAccessibleName("Who was involved")
        self.members.setAccessibleDescription("Space ticks or unticks the chosen person")
        self.members.itemChanged.connect(self._ticked)
        self.held: dict[str, QCheckBox] = {}
        for reason in HeldBack:
            box = QCheckBox(reason.value, self)
            box.setObjectName(f"held_{reason.name.lower()}")
            box.setAccessibleName(f"Held back by {reason.value.lower()}")
            box.clicked.connect(self._held_changed)
            self.held[reason.value] = box
        self.note = FieldForm((NOTE,), self)
        self.note.save_requested.connect(self._save_note)
        self._build()
        self.show_row(None)

    def _wrapped(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _build(self) -> None:
        rung_label = QLabel("&Rung reached", self)
        rung_label.setBuddy(self.rung)
        left = QVBoxLayout()
        left.addWidget(rung_label)
        left.addWidget(self.rung)
        left.addWidget(self.meaning)
        left.addWidget(self.suggestion)
        left.addWidget(self.use_button, alignment=Qt.AlignmentFlag.AlignLeft)
        left.addStretch()
        who_label = QLabel("&Who was involved", self)
        who_label.setBuddy(self.members)
        middle = QVBoxLayout()
        middle.addWidget(who_label)
        middle.addWidget(self.members, 1)
        held_label = QLabel("What held it back", self)
        reasons = QGridLayout()
        for number, box in enumerate(self.held.values()):
            reasons.addWidget(box, number // 3, number % 3)
        right = QVBoxLayout()
        right.addWidget(held_label)
        right.addLayout(reasons)
        right.addWidget(self.note)
        right.addStretch()
        # Three columns where there is room, one under another where there is not.
        columns = ReflowSplitter(self)
        for part, stretch in ((left, 3), (middle, 3), (right, 4)):
            holder = QWidget(columns)
            part.setContentsMargins(0, 0, 0, 0)
            holder.setLayout(part)
            columns.addWidget(holder)
            columns.setStretchFactor(columns.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(columns, 1)

    # Showing.

    def set_members(self, members: Sequence[MemberRow]) -> None:
        """Offer the event's working group to tick."""
        ticked = {i for i, _n in self.row.members} if self.row else set()
        self.members.blockSignals(True)
        self.members.clear()
        for member in members:
            item = QListWidgetItem(member_label(member), self.members)
            item.setData(ID_ROLE, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if member.id in ticked else Qt.CheckState.Unchecked
            )
        self.members.blockSignals(False)
        if self.members.count() and self.members.currentRow() < 0:
            self.members.setCurrentRow(0)

    def show_row(self, row: LedgerRow | None) -> None:
        """Show an aspect as stored (a note being typed is kept)."""
        if row is None or self.row is None or row.aspect != self.row.aspect:
            self.note.save_now()  # into the aspect it was typed for
            force = True
        else:
            force = False
        self.row = row
        enabled = row is not None
        for widget in (self.rung, self.members, self.note, *self.held.values()):
            widget.setEnabled(enabled)
        if row is None:
            self.heading.setText("Choose an aspect in the list above.")
            self.meaning.setText("")
            self.suggestion.setText("")
            self.use_button.hide()
            self.note.load({"note": ""}, force=True)
            return
        self.heading.setText(row.aspect)
        self.rung.setCurrentIndex(max(self.rung.findText(row.rung or NOT_DECIDED), 0))
        self.meaning.setText(MEANING[group_of(row.rung)] if row.rung else "")
        self.suggestion.setText(suggestion_text(row) or "Nothing in the data suggests a rung.")
        self.use_button.setVisible(row.suggestion is not None)
        self.use_button.setEnabled(row.suggestion is not None and row.suggestion.rung != row.rung)
        ticked = {i for i, _n in row.members}
        self.members.blockSignals(True)
        for number in range(self.members.count()):
            item = self.members.item(number)
            on = item.data(ID_ROLE) in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.members.blockSignals(False)
        for reason, box in self.held.items():
            box.setChecked(reason in row.held_back)
        self.note.load({"note": row.note}, force=force)

    def ticked_ids(self) -> list[int]:
        """The members ticked as involved."""
        return [
            int(self.members.item(n).data(ID_ROLE))
            for n in range(self.members.count())
            if self.members.item(n).checkState() == Qt.CheckState.Checked
        ]

    def flush(self) -> None:
        """Save a note still being typed."""
        self.note.save_now()

    # Saving.

    def _inverse(self, event_id: int, aspect: str) -> Inverse:
        store = self.runner.store

        def inverse(changes: Changes) -> Call:
            before = dict(changes.previous)
            return lambda: ledger.set_entry(store, event_id=event_id, aspect=aspect, values=before)

        return inverse

    def _save(self, text: str, values: Mapping[str, Any]) -> None:
        if self.event_id is None or self.row is None:
            return
        event_id, aspect, store = self.event_id, self.row.aspect, self.runner.store
        done = self.runner.push(
            f"{text} ({aspect.lower()})",
            lambda: ledger.set_entry(store, event_id=event_id, aspect=aspect, values=values),
            self._inverse(event_id, aspect),
        )
        if done is None:  # refused: show what is stored
            stored = {r.aspect: r for r in ledger.list_ledger(store, event_id)}
            self.show_row(stored.get(aspect))

    def _rung_chosen(self, index: int) -> None:
        chosen = self.rung.itemText(index)
        self._save("Set the rung", {"rung": "" if chosen == NOT_DECIDED else chosen})

    def use_suggestion(self) -> None:
        """Take the rung the data suggests."""
        if self.row is not None and self.row.suggestion is not None:
            self._save("Use the suggested rung", {"rung": self.row.suggestion.rung})

    def _ticked(self, _item: QListWidgetItem) -> None:
        self._save("Change who was involved", {"member_ids": self.ticked_ids()})

    def _held_changed(self) -> None:
        held = [reason for reason, box in self.held.items() if box.isChecked()]
        self._save("Change what held it back", {"held_back": held})

    def _save_note(self) -> None:
        if self.event_id is None or self.row is None:
            return
        event_id, aspect, store = self.event_id, self.row.aspect, self.runner.store
        values, errors = self.note.read()
        refused = self.runner.push_edit(
            f"Edit the note ({aspect.lower()})",
            lambda chosen: ledger.set_entry(store, event_id=event_id, aspect=aspect, values=chosen),
            self._inverse(event_id, aspect),
            values,
        )
        self.note.show_errors({**errors, **refused})
