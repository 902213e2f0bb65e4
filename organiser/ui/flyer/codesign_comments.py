"""Comments on one version: who said what and when, open or resolved, and a comment added from
a working-group member (each undoable)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core.flyer import versions as flyer_versions
from organiser.core.flyer.versions import CommentRow, VersionRow
from organiser.core.planning.rows import MemberRow
from organiser.ui.creche.common import button, row_of, tell, wrapped
from organiser.ui.flyer.codesign_common import (
    comment_inverse,
    fill_members,
    member_chooser,
    select_row,
)
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.fit import ReflowSplitter
from organiser.ui.widgets.row_table import fit_columns, row_table, when

COLUMNS = (
    Column("From", lambda r: r.author or "(nobody named)"),
    Column("When", lambda r: when(r.at)),
    Column("Status", lambda r: "Resolved" if r.resolved else "Open", warn=lambda r: not r.resolved),
    Column("Comment", lambda r: r.text),
)


class CommentsPanel(QWidget):
    """The comments on the chosen version, and a box to add one."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.version: VersionRow | None = None
        self.summary = wrapped(self, "comments_summary", role="subheading")
        self.table, self.model = row_table(
            self, "comments_table", "Comments on this version", COLUMNS
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_buttons())
        self.summary.setBuddy(self.table)
        self.resolve_button = button(
            self, "Mark &resolved", "resolve_comment", "The comment has been dealt with"
        )
        self.resolve_button.clicked.connect(lambda: self.set_resolved(True))
        self.reopen_button = button(self, "&Open again", "reopen_comment", "It still needs doing")
        self.reopen_button.clicked.connect(lambda: self.set_resolved(False))
        self.author = member_chooser(self, "comment_author", "Comment from")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("comment_text")
        self.text.setAccessibleName("New comment")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("What should stay, go or change?")
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.add_button = button(self, "A&dd comment", "add_comment")
        self.add_button.clicked.connect(self.add)
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        author_label = QLabel("Fro&m:", self)
        author_label.setBuddy(self.author)
        text_label = QLabel("&Comment:", self)
        text_label.setBuddy(self.text)
        form.addRow(author_label, self.author)
        form.addRow(text_label, self.text)
        adding = QVBoxLayout()
        heading = QLabel("Add a comment on this version", self)
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        adding.addWidget(heading)
        adding.addLayout(form)
        adding.addLayout(row_of(self.add_button))
        adding.addStretch()
        side = QWidget(self)
        side.setLayout(adding)
        side.setMaximumWidth(420)
        listed = QWidget(self)
        listing = QVBoxLayout(listed)
        listing.setContentsMargins(0, 0, 0, 0)
        listing.addWidget(self.summary)
        listing.addWidget(self.table, 1)
        listing.addLayout(row_of(self.resolve_button, self.reopen_button))
        split = ReflowSplitter(self)  # the new comment under the list when narrow
        split.addWidget(listed)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def set_members(self, members: Sequence[MemberRow]) -> None:
        """Who may comment: the event's working group."""
        fill_members(self.author, members, None)

    def show_version(self, version: VersionRow | None) -> None:
        """Show this version's comments (None: no version chosen)."""
        keep = self.current_comment()
        self.version = version
        rows = (
            [] if version is None else flyer_versions.list_comments(self.runner.store, version.id)
        )
        self.model.set_rows(rows)
        fit_columns(self.table)
        if version is None:
            self.summary.setText("Comments: save a version of the flyer to comment on it.")
        else:
            still = sum(not c.resolved for c in rows)
            self.summary.setText(
                f"Comments on version {version.number}: {len(rows)} in all, {still} open"
            )
        self.text.setEnabled(version is not None)
        self.add_button.setEnabled(version is not None)
        self.author.setEnabled(version is not None and self.author.count() > 0)
        select_row(self.table, self.model, keep.id if keep is not None else None)
        self._show_buttons()

    def current_comment(self) -> CommentRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        comment: CommentRow = self.model.row_at(index.row())
        return comment

    def choose_comment(self, comment_id: int) -> None:
        """Choose a comment in the list, as a click on it would."""
        position = self.model.row_of(comment_id)
        if position is not None:
            self.table.selectRow(position)

    def _show_buttons(self) -> None:
        comment = self.current_comment()
        self.resolve_button.setEnabled(comment is not None and not comment.resolved)
        self.reopen_button.setEnabled(comment is not None and comment.resolved)

    def add(self) -> None:
        """Add the comment typed, from the member chosen."""
        version = self.version
        if version is None:
            return
        text = self.text.toPlainText()
        member_id = self.author.currentData()
        store = self.runner.store
        done = self.runner.push(
            f"Add a comment on flyer version {version.number}",
            lambda: flyer_versions.add_comment(
                store, version_id=version.id, member_id=member_id, text=text
            ),
            comment_inverse(self.runner),
        )
        if done is not None:
            self.text.clear()
            tell(self, f"Comment added to version {version.number}.")
            if done.created_id is not None:
                self.choose_comment(done.created_id)

    def set_resolved(self, resolved: bool) -> None:
        """Mark the chosen comment resolved, or open it again."""
        comment = self.current_comment()
        if comment is None:
            return
        store = self.runner.store
        done = self.runner.push(
            "Mark a flyer comment resolved" if resolved else "Open a flyer comment again",
            lambda: flyer_versions.resolve_comment(store, comment_id=comment.id, resolved=resolved),
            comment_inverse(self.runner),
        )
        if done is not None:
            tell(self, "Comment marked resolved." if resolved else "Comment open again.")
