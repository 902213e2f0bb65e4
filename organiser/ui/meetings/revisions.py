"""Earlier versions of a meeting's notes: read one, and bring it back if it is the one wanted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import OrganiserError
from organiser.core.meetings import service as meetings
from organiser.core.meetings.rows import RevisionRow
from organiser.core.parsing import local_moment
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel


def _saved(row: RevisionRow) -> str:
    return f"{local_moment(row.saved_at):%d/%m/%Y %H:%M:%S}"


COLUMNS = (
    Column("Saved", _saved),
    Column("Size", lambda r: f"{r.characters:,} characters", align_right=True),
    Column("Begins with", lambda r: r.preview or "(empty)", stretch=True),
)


class RevisionsDialog(QDialog):
    """A list of earlier versions, the chosen one shown read-only, and 'Restore this version'."""

    restored = Signal(int)  # the meeting whose notes were brought back

    def __init__(self, runner: OpRunner, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions of the notes")
        self.setObjectName("revisions_dialog")
        self.runner = runner
        self.meeting_id = meeting_id
        self.intro = QLabel(
            "A version of the notes is kept every few minutes while they are typed. "
            "Choose one to read it. Bringing one back keeps the notes as they are now "
            "as a version too.",
            self,
        )
        self.intro.setWordWrap(True)
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("revisions_table")
        self.table.setAccessibleName("Earlier versions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the preview and the buttons
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())
        self.preview = QTextEdit(self)
        self.preview.setObjectName("revision_text")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The chosen version's notes")
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.restore_button = QPushButton("&Restore this version", self)
        self.restore_button.setObjectName("restore_revision")
        self.restore_button.clicked.connect(self.restore_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self.reload()

    def reload(self) -> None:
        """List the versions again, newest first, and show the newest."""
        rows = meetings.list_revisions(self.runner.store, self.meeting_id)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if rows:
            self.choose(0)
        else:
            self.preview.setPlainText("No earlier versions yet.")
        self.restore_button.setEnabled(bool(rows))

    def choose(self, row: int) -> None:
        """Choose the version shown at `row`."""
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def chosen(self) -> RevisionRow | None:
        """The version chosen in the list."""
        index = self.table.currentIndex()
        row: Any = self.model.row_at(index.row()) if index.isValid() else None
        return row

    def _show_chosen(self) -> None:
        row = self.chosen()
        if row is not None:
            self.preview.setMarkdown(meetings.revision_text(self.runner.store, row.id))

    def restore_chosen(self) -> None:
        """Bring back the chosen version; the notes as they are now are kept as a version."""
        row = self.chosen()
        if row is None:
            return
        store = self.runner.store
        try:
            changes = self.runner.call(
                lambda: meetings.restore_revision(store, revision_id=row.id), quiet=True
            )
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        assert changes is not None
        self.restored.emit(self.meeting_id)
        self.accept()
