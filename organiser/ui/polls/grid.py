"""The answers grid as a person uses it: arrow keys move, Y / I / N / Space / Delete answer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from organiser.core.polls.rules import KEYS

Index = QModelIndex | QPersistentModelIndex
CYCLE = "cycle"
CLEAR = "clear"
CLICK = "click"  # cycles an answer; on the ranking it only picks the row
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
# Widths in average characters, so they grow with the text size (View ▸ zoom).
PERSON_CHARS = 15  # a person's answers; longer warnings wrap
RANKING_CHARS = 26
FRAME = QColor("#1d4ed8")
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)


class FramedSelection(QStyledItemDelegate):
    """The selected cell keeps its answer's colour and gets a thick frame instead of a fill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the cell as if unselected, then frame it if it is selected."""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(FRAME, 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class AnswerGrid(QTableView):
    """Emits `answer_keyed(index, what)`: an answer's value, 'cycle', 'clear' or 'click'."""

    answer_keyed = Signal(QModelIndex, str)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("poll_grid")
        self.setAccessibleName("Availability answers")
        self.setAccessibleDescription(
            "Rows are dates and places, best first; columns are people. Press Y for yes, "
            "I for if need be, N for no, Space to change, Delete to clear."
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the grid (arrow keys move inside it), so nothing after it is cut off.
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setItemDelegate(FramedSelection(self))
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # A click on an option's heading picks that row (for "Choose this option").
        self.verticalHeader().sectionClicked.connect(self._row_heading_clicked)
        self.clicked.connect(lambda index: self.answer_keyed.emit(index, CLICK))

    def fit_columns(self) -> None:
        """People's columns as wide as their answers (up to a limit, then wrapped); the
        ranking takes the rest of the width, never less than it needs to stay readable."""
        model = self.model()
        header = self.horizontalHeader()
        widest = self.fontMetrics().averageCharWidth() * PERSON_CHARS
        for column in range(max(model.columnCount() - 1, 0)):
            self.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), widest))
        self._fit_last()

    def _fit_last(self) -> None:
        model = self.model()
        last = model.columnCount() - 1 if model is not None else -1
        if last < 0:
            return
        header = self.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(last))
        narrowest = self.fontMetrics().averageCharWidth() * RANKING_CHARS
        header.resizeSection(last, max(self.viewport().width() - others, narrowest))
        # Wrapped text needs taller rows when a column narrows (a few rows: cheap).
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the ranking filling the width as the window (or the scroll bar) changes."""
        super().resizeEvent(event)
        self._fit_last()

    def changeEvent(self, event: QEvent) -> None:
        """Measure the columns again when the text is zoomed."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

    def _row_heading_clicked(self, row: int) -> None:
        model = self.model()
        if model is not None and model.columnCount() > 0:
            self.setCurrentIndex(model.index(row, model.columnCount() - 1))
            self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Answer keys act on the current cell; every other key does what a table does."""
        index = self.currentIndex()
        if index.isValid() and event.modifiers() in _PLAIN:
            text = event.text().lower()
            if text in KEYS:
                self.answer_keyed.emit(index, KEYS[text].value)
                return
            if event.key() == Qt.Key.Key_Space:
                self.answer_keyed.emit(index, CYCLE)
                return
            if event.key() in _CLEAR_KEYS:
                self.answer_keyed.emit(index, CLEAR)
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Say that the person left the grid (the rows may sort again)."""
        super().focusOutEvent(event)
        self.left.emit()
