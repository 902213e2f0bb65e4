"""One generic read-only table model over cached plain rows (frozen dataclasses)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from organiser.ui.help.glossary import tip_for

ID_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_COLOUR = QColor("#9a3412")

WARNING_BRUSH = QBrush(WARNING_COLOUR)
Index = QModelIndex | QPersistentModelIndex
# data() runs for every visible cell and role: answer the roles we use, and nothing else, fast.
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole})
_ROLES = _TEXT_ROLES | {
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
    ID_ROLE,
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    """A column: its heading, the text it shows, and whether a row needs attention."""

    title: str
    text: Callable[[Any], str]
    warn: Callable[[Any], bool] | None = None
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False
    stretch: bool = False


class RowTableModel(QAbstractTableModel):
    """Shows a list of rows; replaced whole when the data it shows has changed."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def columns(self) -> list[Column]:
        """The columns shown."""
        return list(self._columns)

    def row_at(self, row: int) -> Any:
        """The plain row shown at `row`."""
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        """Where the row with this id is shown."""
        for number, item in enumerate(self._rows):
            if item.id == row_id:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in _TEXT_ROLES:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return WARNING_BRUSH if column.warn and column.warn(row) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.align_right else None
        return row.id

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return tip_for(self._columns[section].title) or None  # a specialist word explained
        return None
