"""Bring an event back to the team database: every difference shown first, clashes decided.

What will change is listed before anything is written (a dry run). A field both sides
changed is a clash: the person keeps the offline value, the team's, or (for text) both.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.team import offline
from organiser.core.team.offline import BringBackPlan, Difference
from organiser.ui.table_model import Column, RowTableModel

KINDS = {
    "add": "Added",
    "edit": "Changed",
    "delete": "Removed",
    "clash": "Both changed",
    "note": "Not brought back",
}
CHOICES = (
    ("", "Choose…"),
    ("offline", "Keep the offline version"),
    ("team", "Keep the team database's"),
    ("both", "Keep both texts"),
)
KEEP = 6  # the column where a clash is decided


def _short(text: str, skip: int = 0) -> str:
    """One line of at most 120 characters; `skip` leaves out a beginning all sides share."""
    flat = " ".join(text.split())
    if skip > 30:  # long texts that differ near the end: show where they differ
        flat = "…" + flat[skip - 10 :]
    return flat if len(flat) <= 120 else f"{flat[:117]}…"


def _shared_start(texts: list[str]) -> int:
    """How many characters the non-empty texts (as one line each) begin with in common."""
    return _common_length([" ".join(t.split()) for t in texts if t])


def _value(pick: Callable[[Difference], str]) -> Callable[[Difference], str]:
    """A value column's text: one line, from where the three values part."""

    def text(d: Difference) -> str:
        return _short(pick(d), _shared_start([d.base, d.offline, d.team]))

    return text


COLUMNS = (
    Column("What", lambda d: KINDS.get(d.kind, d.kind)),
    Column("Where", lambda d: d.where),
    Column("Field", lambda d: d.label or d.field),
    Column("When taken offline", _value(lambda d: d.base), tooltip=lambda d: d.base),
    Column("Offline", _value(lambda d: d.offline), tooltip=lambda d: d.offline),
    Column("Team database", _value(lambda d: d.team), tooltip=lambda d: d.team),
    Column("Keep", lambda d: "" if d.kind == "clash" else "—"),
)


def _common_length(texts: list[str]) -> int:
    """How many characters two or more texts begin with in common (0 for fewer)."""
    if len(texts) < 2:
        return 0
    shared = 0
    for letters in zip(*texts, strict=False):
        if len(set(letters)) > 1:
            break
        shared += 1
    return shared


class BringBackDialog(QDialog):
    """The dry run of bringing one event back, and the button that applies it."""

    def __init__(
        self, local: Store, team: Store, event_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.local = local
        self.team = team
        self.event_id = event_id
        self.applied: BringBackPlan | None = None
        self.choices: dict[str, QComboBox] = {}
        self.plan = offline.plan_bring_back(local, team, event_id=event_id)
        self.setWindowTitle(f"Bring back “{self.plan.title}”")
        intro = QLabel(
            f"What bringing “{self.plan.title}” back to {team.display_name} will do. "
            "Nothing has been written yet. Where both sides changed the same thing, "
            "choose which to keep; nothing else from either side is lost.",
            self,
        )
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "subheading")
        self.model = RowTableModel(COLUMNS, self)
        self.model.set_rows(self.plan.differences)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Differences between the offline copy and the team database")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        for row, difference in enumerate(self.plan.differences):
            if difference.kind == "clash":
                self.table.setIndexWidget(self.model.index(row, KEEP), self._chooser(difference))
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS)):
            stretch = column in (3, 4, 5)  # the values share what room there is
            mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_whole(current.row())
        )
        self.whole = {
            heading: self._whole_text(heading)
            for heading in ("When taken offline", "Offline", "Team database")
        }
        whole_row = QHBoxLayout()
        for view in self.whole.values():
            whole_row.addWidget(view)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(
            "&Bring back", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=2)
        layout.addLayout(whole_row, stretch=1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)
        if self.plan.differences:
            first_clash = next(
                (n for n, d in enumerate(self.plan.differences) if d.kind == "clash"), 0
            )
            self.table.setCurrentIndex(self.model.index(first_clash, 0))
        self._update()

    def _whole_text(self, heading: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setAccessibleName(f"{heading}, in full")
        view.setPlaceholderText(f"{heading}: choose a line above to read it in full")
        return view

    def _show_whole(self, row: int) -> None:
        """The chosen line's values in full, side by side (notes can be long)."""
        if not 0 <= row < len(self.plan.differences):
            return
        difference = self.plan.differences[row]
        texts = (difference.base, difference.offline, difference.team)
        shared = _common_length([t for t in texts if t])  # where they part
        for view, text in zip(self.whole.values(), texts, strict=True):
            view.setPlainText(text)
            cursor = view.textCursor()
            cursor.setPosition(min(shared, len(text)))
            view.setTextCursor(cursor)  # the texts shown from where they differ
            view.ensureCursorVisible()

    def _chooser(self, difference: Difference) -> QComboBox:
        box = QComboBox(self.table)
        box.setAccessibleName(f"Keep which {difference.label or 'version'} of {difference.where}")
        for value, words in CHOICES:
            if value == "both" and not difference.is_text:
                continue
            box.addItem(words, value)
        box.currentIndexChanged.connect(lambda _index: self._update())
        self.choices[difference.key] = box
        return box

    def chosen(self) -> dict[str, str]:
        """The decisions made so far: clash key → offline, team or both."""
        return {key: box.currentData() for key, box in self.choices.items() if box.currentData()}

    def choose(self, key: str, value: str) -> None:
        """Decide one clash (as picking it in its list would)."""
        box = self.choices[key]
        box.setCurrentIndex(box.findData(value))

    def _update(self) -> None:
        undecided = len(self.choices) - len(self.chosen())
        words = self.plan.summary()
        if not self.plan.differences:
            words = "Nothing changed on either side since the event was taken offline."
        self.summary.setText(words)
        self.apply_button.setEnabled(undecided == 0)
        self.message.setText(
            f"{undecided} clash{'es' if undecided != 1 else ''} still to decide."
            if undecided
            else "Ready: the team database will be updated in one step, and the offline "
            "copy on this computer removed (a backup of it is kept)."
        )

    def apply(self) -> None:
        """Bring the event back with the decisions made."""
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            self.applied = offline.bring_back(
                self.local, self.team, event_id=self.event_id, choices=self.chosen()
            )
        except OrganiserError as exc:
            self.message.setText(f"Nothing was brought back: {exc}")
            return
        finally:
            self.unsetCursor()
        self.accept()
