"""The event switcher: a searchable list of events with New, Duplicate, Archive and Delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.parsing import format_date, local_moment
from organiser.ui.read_only import keeps_working
from organiser.ui.table_model import ID_ROLE, Column, Index, RowTableModel

if TYPE_CHECKING:
    from organiser.core.events.service import EventRow
    from organiser.core.team.holds import Hold


def held_text(hold: Hold, *, today: dt.date | None = None) -> str:
    """Who took the event offline, since when (local time): "offline with Zoë since 14:05"."""
    if hold.since is None:
        return f"offline with {hold.who}"
    local = local_moment(hold.since)
    when = f"{local:%H:%M}"
    if local.date() != (today or dt.date.today()):
        when = f"{format_date(local.date())} {when}"
    return f"offline with {hold.who} since {when}"


def _describe(row: EventRow, hold: Hold | None = None) -> str:
    when = format_date(row.date) or "no date yet"
    archived = " · archived" if row.archived else ""
    held = f" ({held_text(hold)})" if hold is not None else ""
    return f"{row.title}{held}\n{when} · {row.status}{archived}"


class EventListModel(RowTableModel):
    """The events, each with who has it offline (said to screen readers as well)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__([Column("Event", self._text)], parent)
        self.holds: Mapping[int, Hold] = {}

    def _text(self, row: EventRow) -> str:
        return _describe(row, self.holds.get(row.id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and index.isValid():
            hold = self.holds.get(self.row_at(index.row()).id)
            if hold is None:
                return None
            return f"This event is {held_text(hold)}: they are working on it away from here."
        return super().data(index, role)


class EventsPanel(QWidget):
    """Lists events; choosing one emits `chosen(id)`."""

    chosen = Signal(int)
    show_archived_changed = Signal(bool)

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setObjectName("event_search")
        self.search.setPlaceholderText("Search events")
        keeps_working(self.search)
        self.search.setAccessibleName("Search events")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        label = QLabel("F&ind an event", self)
        label.setBuddy(self.search)
        self.list = QListView(self)
        self.list.setObjectName("event_list")
        self.list.setAccessibleName("Events")
        self.list.setModel(self.proxy)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.show_archived = QCheckBox("Show archived events", self)
        self.show_archived.toggled.connect(self.show_archived_changed)
        buttons = QGridLayout()
        for number, action in enumerate(actions):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            buttons.addWidget(button, number, 0)  # one column keeps the panel narrow
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_archived)
        layout.addLayout(buttons)
        self._selecting = False

    def set_events(
        self, rows: list[EventRow], current: int | None, holds: Mapping[int, Hold] | None = None
    ) -> None:
        """Show these events (and who has any offline), and highlight the open one."""
        self._selecting = True
        self.model.holds = dict(holds or {})
        self.model.set_rows(rows)
        self._selecting = False
        self.select(current)

    def select(self, event_id: int | None) -> None:
        """Highlight an event without announcing it."""
        if event_id is None:
            return
        position = self.model.row_of(event_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        self._selecting = True
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._selecting = False

    def _current_changed(self, current: object, _previous: object) -> None:
        if self._selecting or not getattr(current, "isValid", lambda: False)():
            return
        event_id = current.data(ID_ROLE)  # type: ignore[attr-defined]
        if event_id is not None:
            self.chosen.emit(int(event_id))
