"""Versions and sign-off: the flyer's saved versions, each member's sign-off, comments, and two
versions compared side by side, with the lived-experience members' say shown first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.flyer import codesign
from organiser.core.flyer import versions as flyer_versions
from organiser.core.flyer.versions import VersionRow
from organiser.core.planning.kinds import Role
from organiser.core.planning.rows import MemberRow
from organiser.core.planning.service import list_members
from organiser.ui.creche.common import button, set_role, tell, wrapped
from organiser.ui.flyer.codesign_comments import CommentsPanel
from organiser.ui.flyer.codesign_common import (
    select_row,
    version_inverse,
)
from organiser.ui.flyer.codesign_compare import ComparePanel
from organiser.ui.flyer.codesign_save import SaveVersionDialog
from organiser.ui.flyer.codesign_signoff import SignOffPanel
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.row_table import fit_columns, row_table, when

SEES = Touched.FLYER | Touched.MEMBERS | Touched.EVENTS

COLUMNS = (
    Column("Version", lambda r: str(r.number), align_right=True),
    Column("Note", lambda r: r.note or "(no note)"),
    Column("Saved by", lambda r: r.saved_by or "(not said)"),
    Column("When", lambda r: when(r.saved_at)),
    Column("Open comments", lambda r: str(r.open_comments), align_right=True),
    Column("Sign-off", lambda r: r.status.words(), warn=lambda r: not r.status.everyone),
)


class CoDesignPage(QWidget):
    """Save versions, sign them off member by member, comment, and compare two."""

    SEES = SEES

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.members: list[MemberRow] = []
        self.save_dialog: SaveVersionDialog | None = None
        self._saver: int | None = None
        self._known: set[int] | None = None  # the versions shown, to spot a new one
        # Made in the order they are shown, so Tab moves down the page.
        self.lived = wrapped(self, "lived_experience")
        self.heading = wrapped(self, "versions_heading", role="subheading")
        self.heading.setText("Saved versions, &newest first:")
        self.save_button = button(
            self,
            "&Save version…",
            "save_version",
            "Keep the flyer as it is now, for the working group to comment on and sign off",
        )
        self.save_button.clicked.connect(self.ask_to_save)
        self.table, self.model = row_table(
            self, "versions_table", "Saved versions of the flyer", COLUMNS
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())
        self.heading.setBuddy(self.table)
        self.sign_off = SignOffPanel(runner, self)
        self.comments = CommentsPanel(runner, self)
        self.compare = ComparePanel(runner, self)
        self.details = QTabWidget(self)
        self.details.setObjectName("codesign_details")
        self.details.addTab(self.sign_off, "Sign-off")
        self.details.addTab(self.comments, "Comments")
        self.details.addTab(self.compare, "Compare two versions")
        self._build()
        self.set_event(None)

    def _build(self) -> None:
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.save_button)
        top_layout.addLayout(heading_row)
        top_layout.addWidget(self.table, 1)
        # Room for the heading and two versions at any text size.
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 600])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lived)
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's flyer versions (or the same event's afresh, keeping the
        version chosen)."""
        if event_id != self.event_id:
            self.event_id = event_id
            self._known = None
            self.compare.set_event(event_id)
            self.table.selectionModel().clearCurrentIndex()
        self.setEnabled(event_id is not None)
        self._load()

    def refresh(self, _changes: Changes) -> None:
        """Reload when versions, sign-offs, comments or the working group changed."""
        self._load()

    def flush(self) -> None:
        """Nothing here saves as it is typed: a comment is kept when it is added."""

    def current_version(self) -> VersionRow | None:
        """The version chosen in the list."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        version: VersionRow = self.model.row_at(index.row())
        return version

    def choose_version(self, number: int) -> None:
        """Choose a version by its number, as a click on it would."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).number == number:
                self.table.selectRow(row)

    def _load(self) -> None:
        if self.event_id is None:
            self.members = []
            versions: list[VersionRow] = []
        else:
            store = self.runner.store
            self.members = list_members(store, self.event_id)
            versions = flyer_versions.list_versions(store, self.event_id)
        chosen = self.current_version()
        keep = chosen.id if chosen is not None else None
        # A version just saved (or brought back by redo) is the one people want to look at.
        ids = {v.id for v in versions}
        fresh = ids - self._known if self._known is not None else set()
        self._known = ids if self.event_id is not None else None
        if fresh:
            keep = max(fresh)
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(versions)
        select_row(self.table, self.model, keep)
        self.table.selectionModel().blockSignals(False)
        fit_columns(self.table, widest=self.fontMetrics().averageCharWidth() * 24)
        self._show_lived(versions)
        self.comments.set_members(self.members)
        self.compare.show_versions(versions)
        self._show_chosen()

    def _show_chosen(self) -> None:
        version = self.current_version()
        self.sign_off.show_version(version)
        self.comments.show_version(version)
        if version is None:
            self.details.setTabText(0, "Sign-off")
            self.details.setTabText(1, "Comments")
        else:
            open_ = version.open_comments
            self.details.setTabText(0, f"Sign-off of version {version.number}")
            self.details.setTabText(1, f"Comments on version {version.number} ({open_} open)")

    def _show_lived(self, versions: list[VersionRow]) -> None:
        if self.event_id is None:
            self.lived.setText("Choose or create an event to work on its flyer.")
            set_role(self.lived, "")
            return
        lived = [m for m in self.members if m.role == Role.LIVED_EXPERIENCE.value]
        if not lived:
            self.lived.setText(
                "⚠ No parent or carer with lived experience is in the working group yet. Add "
                "them in Planning ▸ Working group, so the flyer is designed with them."
            )
            set_role(self.lived, "warning")
            return
        latest = versions[0] if versions else None
        decisions = (
            {d.id: d for d in codesign.member_decisions(self.runner.store, latest.id)}
            if latest is not None
            else {}
        )
        parts, gap = [], False
        for member in lived:
            decision = decisions.get(member.id)
            if latest is None:
                parts.append(f"{member.name} — no version saved yet to sign off")
            elif decision is not None and decision.approved:
                parts.append(f"{member.name} — has approved the latest version ({latest.number})")
            elif decision is not None and decision.decision is not None:
                parts.append(
                    f"{member.name} — asked for changes to the latest version ({latest.number})"
                )
            else:
                parts.append(
                    f"{member.name} — has not approved the latest version ({latest.number})"
                )
            gap = gap or latest is None or decision is None or not decision.approved
        noun = "Parent or carer" if len(lived) == 1 else "Parents and carers"
        text = f"{noun} with lived experience in the group: " + "; ".join(parts)
        self.lived.setText(f"⚠ {text}" if gap else f"✓ {text}")
        set_role(self.lived, "warning" if gap else "subheading")

    def ask_to_save(self) -> None:
        """Open the Save version dialog (a note and who saves it)."""
        if self.event_id is None:
            return
        versions = flyer_versions.list_versions(self.runner.store, self.event_id)
        number = (versions[0].number if versions else 0) + 1
        if self.save_dialog is not None:
            self.save_dialog.deleteLater()
        self.save_dialog = SaveVersionDialog(number, self.members, self._saver, self)
        self.save_dialog.accepted.connect(self._save)
        self.save_dialog.open()

    def _save(self) -> None:
        dialog, event_id = self.save_dialog, self.event_id
        if dialog is None or event_id is None:
            return
        self._saver = dialog.member_id()
        self.save_version(dialog.note.text(), self._saver)

    def save_version(self, note: str, member_id: int | None) -> int | None:
        """Save the draft as the next version (Ctrl+Z deletes it again); its id, or None."""
        event_id = self.event_id
        if event_id is None:
            return None
        store = self.runner.store
        changes = self.runner.call(
            lambda: flyer_versions.save_version(
                store, event_id=event_id, note=note, member_id=member_id
            )
        )
        if changes is None or changes.created_id is None:
            return None
        number = flyer_versions.version_number(store, changes.created_id)
        self.runner.record(f"Save flyer version {number}", changes, version_inverse(self.runner))
        tell(self, f"Version {number} saved: ask the working group to comment and sign it off.")
        return changes.created_id
