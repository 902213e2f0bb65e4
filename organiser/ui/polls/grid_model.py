"""The answers grid: options best first down the side, people across, a ranking at the end."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from organiser.core.parsing import format_time
from organiser.core.polls.rules import FEATURE_LABELS, SYMBOLS, Answer
from organiser.core.polls.service import OptionLine, Person, PollGrid
from organiser.ui.table_model import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
RANKING = "Ranking"
NOT_ANSWERED = "not answered"
PLACE_WIDTH = 17  # characters a line in an option's heading, so the grid fits a small screen
# Light backgrounds under near-black text (each above 12:1): the words carry the meaning,
# the colour only helps the eye find the yeses and the noes.
BACKGROUNDS = {
    Answer.YES: QBrush(QColor("#c8efd4")),
    Answer.IF_NEED_BE: QBrush(QColor("#fbe7a1")),
    Answer.NO: QBrush(QColor("#f7c8c8")),
    None: QBrush(QColor("#ffffff")),
}
TEXT_BRUSH = QBrush(QColor("#1a1a1a"))
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def answer_text(answer: Answer | None) -> str:
    """'✓ yes', '~ if need be', '✗ no' or 'not answered'."""
    return f"{SYMBOLS[answer]} {answer.value}" if answer is not None else NOT_ANSWERED


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


def short_option(option: OptionLine) -> str:
    """'Wed 13 Jan, 10:00–12:00 Hall A': what a screen reader says for a row."""
    when = f"{option.date:%a} {option.date.day} {option.date:%b}, "
    when += f"{format_time(option.start)}–{format_time(option.end)}"
    return f"{when} {option.place}" if option.place else when


def needs_text(person: Person) -> str:
    """What a column heading's tooltip says about the person."""
    if person.former:
        return "Has left the working group: their answers are kept but cannot be changed."
    needs = [label for key, label in FEATURE_LABELS.items() if key in person.needs]
    return f"Needs {' and '.join(needs)}." if needs else "No access needs recorded."


def person_title(person: Person) -> str:
    """A column heading: the member's name, marked if they have left the group."""
    return f"{person.name} (former member)" if person.former else person.name


class PollGridModel(QAbstractTableModel):
    """Read-only: changes go through the service, then the whole grid is shown again."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: PollGrid | None = None
        self._options: list[OptionLine] = []
        self._people: list[Person] = []

    @property
    def grid(self) -> PollGrid | None:
        """What is shown (None: no poll)."""
        return self._grid

    def set_grid(self, grid: PollGrid | None, *, keep_order: bool = False) -> None:
        """Show a poll's grid, best option first; `keep_order` leaves the rows where they
        are (while someone types answers, so the row under the cursor never jumps away)."""
        old_ids = [o.id for o in self._options]
        same_shape = (
            grid is not None
            and self._grid is not None
            and sorted(old_ids) == sorted(o.id for o in grid.options)
            and [p.key for p in self._people] == [p.key for p in grid.people]
        )
        if keep_order and same_shape and grid is not None:
            by_id = {o.id: o for o in grid.options}
            self._grid = grid
            self._options = [by_id[i] for i in old_ids]
            if self._options:
                last = self.index(self.rowCount() - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            return
        self.beginResetModel()
        self._grid = grid
        self._options = sorted(grid.options, key=lambda o: o.rank) if grid else []
        self._people = list(grid.people) if grid else []
        self.endResetModel()

    def order_is_stale(self) -> bool:
        """True when the rows are no longer best first (answers changed while kept in place)."""
        return [o.rank for o in self._options] != sorted(o.rank for o in self._options)

    def option_at(self, row: int) -> OptionLine:
        """The option shown in a row."""
        return self._options[row]

    def person_at(self, column: int) -> Person | None:
        """The person whose answers a column shows (None for the ranking column)."""
        return self._people[column] if column < len(self._people) else None

    def row_of(self, option_id: int) -> int | None:
        """Where an option is shown."""
        for row, option in enumerate(self._options):
            if option.id == option_id:
                return row
        return None

    def column_of(self, key: str) -> int | None:
        """Where a person's column is ('ranking' for the last one)."""
        if key == RANKING.lower():
            return len(self._people)
        for column, person in enumerate(self._people):
            if person.key == key:
                return column
        return None

    def column_key(self, column: int) -> str:
        """A person's key, or 'ranking'."""
        person = self.person_at(column)
        return person.key if person else RANKING.lower()

    def answer_at(self, row: int, column: int) -> Answer | None:
        """The answer shown in a cell (None: not answered, or the ranking column)."""
        person = self.person_at(column)
        if self._grid is None or person is None:
            return None
        return self._grid.answers.get((self._options[row].id, person.key))

    def lacks_at(self, row: int, column: int) -> list[str]:
        """What the option's venue lacks for this person's access needs."""
        person = self.person_at(column)
        if self._grid is None or person is None:
            return []
        return self._grid.conflicts.get((self._options[row].id, person.key), [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._options)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._people) + 1

    def _cell_text(self, row: int, column: int) -> str:
        option = self._options[row]
        if self.person_at(column) is None:
            chosen = "✔ Chosen · " if option.chosen else ""
            return f"{chosen}{ordinal(option.rank)}: {option.explanation}"
        text = answer_text(self.answer_at(row, column))
        lacks = self.lacks_at(row, column)
        return f"{text}\n⚠ needs {' and '.join(lacks)}" if lacks else text

    def _spoken(self, row: int, column: int) -> str:
        option = self._options[row]
        person = self.person_at(column)
        if person is None:
            chosen = ", chosen" if option.chosen else ""
            return (
                f"{short_option(option)}{chosen}, ranked {ordinal(option.rank)}: "
                f"{option.explanation}"
            )
        answer = self.answer_at(row, column)
        words = answer.value if answer is not None else NOT_ANSWERED
        lacks = self.lacks_at(row, column)
        warning = f"; warning: needs {' and '.join(lacks)}" if lacks else ""
        return f"{person.name}, {short_option(option)}: {words}{warning}"

    def _tooltip(self, row: int, column: int) -> str:
        option = self._options[row]
        person = self.person_at(column)
        if person is None:
            return f"{option.text}\nRanked {ordinal(option.rank)}: {option.explanation}"
        lines = [f"{person_title(person)} — {option.text}"]
        lines.append(f"Answer: {answer_text(self.answer_at(row, column))}")
        lacks = self.lacks_at(row, column)
        if lacks:
            lines.append(f"⚠ needs {' and '.join(lacks)}: this venue does not say it has it")
        if person.former:
            lines.append("Kept from before they left the working group; it cannot be changed.")
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._grid is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.person_at(column) is None:
                return None
            return BACKGROUNDS[self.answer_at(row, column)]
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_BRUSH if self.person_at(column) is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == ID_ROLE:
            return self._options[row].id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            person = self.person_at(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return person_title(person) if person else RANKING
            if role == Qt.ItemDataRole.ToolTipRole and person is not None:
                return f"{person_title(person)}\n{needs_text(person)}"
            return None
        if not 0 <= section < len(self._options):
            return None
        option = self._options[section]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = ["✔ Chosen"] if option.chosen else []
            lines.append(f"{option.date:%a} {option.date.day} {option.date:%b %Y}")
            lines.append(f"{format_time(option.start)}–{format_time(option.end)}")
            if option.place:
                lines.append(textwrap.fill(option.place, PLACE_WIDTH))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return option.text + (" — chosen" if option.chosen else "")
        return None
