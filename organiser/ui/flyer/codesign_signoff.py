"""Sign-off of one version: where it stands in words, every member's decision, and Approve,
Ask for changes… and Take back for the member chosen (each undoable)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core.flyer import codesign
from organiser.core.flyer import versions as flyer_versions
from organiser.core.flyer.codesign import MemberDecision
from organiser.core.flyer.kinds import Decision
from organiser.core.flyer.versions import VersionRow
from organiser.ui.creche.common import button, set_role, tell, wrapped
from organiser.ui.flyer.codesign_common import (
    select_row,
    sign_off_inverse,
)
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.row_table import fit_columns, row_table, when

COLUMNS = (
    Column("Member", lambda r: r.name),
    Column("Role", lambda r: r.role),
    Column("When", lambda r: when(r.at) if r.at else ""),
    Column("Decision", lambda r: r.words(), warn=lambda r: not r.approved),
)


class SignOffPanel(QWidget):
    """Each working-group member approves a version or asks for changes."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.version: VersionRow | None = None
        self.status = wrapped(self, "sign_off_status", role="subheading")
        self.heading = wrapped(self, "sign_off_heading")
        self.heading.setText("Each member's decision (choose a member, then answer for them):")
        self.table, self.model = row_table(
            self, "sign_off_table", "Each member's decision on this version", COLUMNS
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_member())
        self.heading.setBuddy(self.table)
        self.chosen = wrapped(self, "sign_off_member", role="subheading")
        self.approve_button = button(
            self, "&Approve", "approve_version", "The chosen member is happy for this to print"
        )
        self.approve_button.clicked.connect(self.approve)
        self.changes_button = button(
            self, "Ask for &changes…", "ask_for_changes", "Say what should change first"
        )
        self.changes_button.clicked.connect(self.ask_for_changes)
        self.take_back_button = button(
            self, "&Take back", "take_back_sign_off", "Remove the chosen member's answer"
        )
        self.take_back_button.clicked.connect(self.take_back)
        self._build()

    def _build(self) -> None:
        actions = QVBoxLayout()
        actions.addWidget(self.chosen)
        for widget in (self.approve_button, self.changes_button, self.take_back_button):
            actions.addWidget(widget)
        actions.addStretch()
        side = QWidget(self)
        side.setLayout(actions)  # as wide as its buttons' words, at any text size
        lower = QHBoxLayout()
        lower.addWidget(self.table, 1)
        lower.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.heading)
        layout.addLayout(lower, 1)

    def show_version(self, version: VersionRow | None) -> None:
        """Show where this version's sign-off stands (None: no version chosen)."""
        keep = self.current_member()
        self.version = version
        if version is None:
            self.status.setText(
                "Save a version of the flyer to ask the working group to sign it off."
            )
            self.model.set_rows([])
        else:
            self.status.setText(f"Version {version.number}: {version.status.words()}")
            self.model.set_rows(codesign.member_decisions(self.runner.store, version.id))
        set_role(
            self.status,
            "subheading" if version is None or version.status.everyone else "warning",
        )
        fit_columns(self.table)
        select_row(self.table, self.model, keep.id if keep is not None else None)
        self._show_member()

    def choose_member(self, member_id: int) -> None:
        """Choose a member in the list, as a click on them would."""
        position = self.model.row_of(member_id)
        if position is not None:
            self.table.selectRow(position)

    def current_member(self) -> MemberDecision | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        member: MemberDecision = self.model.row_at(index.row())
        return member

    def _show_member(self) -> None:
        member = self.current_member()
        usable = member is not None and self.version is not None
        if member is None or self.version is None:
            self.chosen.setText("Choose a member in the list.")
        else:
            self.chosen.setText(f"{member.name} on version {self.version.number}: {member.words()}")
        self.approve_button.setEnabled(usable and member is not None and not member.approved)
        self.changes_button.setEnabled(usable)
        self.take_back_button.setEnabled(
            usable and member is not None and member.decision is not None
        )

    def approve(self) -> None:
        """The chosen member approves the version."""
        self._decide(Decision.APPROVED.value, "", "Approve flyer version {n} for {name}")

    def ask_for_changes(self) -> None:
        """The chosen member asks for changes, saying what (a note)."""
        member, version = self.current_member(), self.version
        if member is None or version is None:
            return
        note, ok = QInputDialog.getText(
            self,
            "Ask for changes",
            f"What would {member.name} like changed before approving version {version.number}?",
            QLineEdit.EchoMode.Normal,
            member.note,
        )
        if ok:
            self._decide(
                Decision.CHANGES.value,
                note.strip(),
                "Ask for changes to flyer version {n} for {name}",
            )

    def take_back(self) -> None:
        """Remove the chosen member's answer (they have not decided after all)."""
        self._decide(None, "", "Take back {name}'s sign-off on flyer version {n}")

    def _decide(self, decision: str | None, note: str, text: str) -> None:
        member, version = self.current_member(), self.version
        if member is None or version is None:
            return
        store = self.runner.store
        done = self.runner.push(
            text.format(n=version.number, name=member.name),
            lambda: flyer_versions.sign_off(
                store, version_id=version.id, member_id=member.id, decision=decision, note=note
            ),
            sign_off_inverse(self.runner, version.id, member.id),
        )
        if done is not None:
            tell(self, f"{member.name}: {_said(decision, note)} on version {version.number}.")


def _said(decision: str | None, note: str) -> str:
    if decision is None:
        return "answer taken back"
    return f"{decision.lower()}: {note}" if note else decision.lower()
