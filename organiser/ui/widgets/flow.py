"""A row of buttons that wraps onto the next line when the window is narrow or the text large,
instead of making the page (and so the window) wider."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Widgets left to right, wrapping like words; a widget given a stretch takes the rest of
    its line. Stretches between widgets (addStretch) are ignored: the row is always pushed to
    the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of the items that take the rest of their line
        self._known: tuple[int, int] | None = None  # (width, height) last worked out
        self.setContentsMargins(0, 0, 0, 0)

    # QBoxLayout's words, so a row can change from one to the other in one line.
    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # type: ignore[override]
        self.insertWidget(len(self._items), widget, stretch)

    def insertWidget(self, index: int, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        if stretch:
            self._stretch.add(id(item))
        self._items.insert(max(0, min(index, len(self._items))), item)
        self.invalidate()

    def addStretch(self, _stretch: int = 0) -> None:
        """Nothing to do: a flowing row is always pushed to the left."""

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Asked many times over per layout pass: worked out once per width until it changes.
        if self._known is None or self._known[0] != width:
            self._known = (width, self._arrange(QRect(0, 0, width, 0), move=False))
        return self._known[1]

    def invalidate(self) -> None:
        self._known = None
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As narrow as its widest widget (the rest wrap)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        # isEmpty() is true of a hidden widget's item: a hidden button leaves no gap.
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        gap = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the widgets line by line; the height the lines need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = max(self._gap(), 0)
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            if not line:
                continue
            widths = self._widths(line, area.width(), gap)
            heights = [_height(i, w) for i, w in zip(line, widths, strict=True)]
            if move:
                x = area.x()
                for item, width, height in zip(line, widths, heights, strict=True):
                    widget = item.widget()
                    grow = widget is None or (
                        widget.sizePolicy().verticalPolicy() != QSizePolicy.Policy.Fixed
                    )
                    tall = max(heights) if grow and not item.hasHeightForWidth() else height
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, tall)))
                    x += width + gap
            y += max(heights) + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0

    def _widths(self, line: list[QLayoutItem], room: int, gap: int) -> list[int]:
        """Each widget's width on its line: as wide as it likes (no wider than the line), the
        one given a stretch taking what is left."""
        widths = [min(i.sizeHint().width(), room) for i in line]
        spare = room - sum(widths) - gap * (len(line) - 1)
        stretchy = [n for n, i in enumerate(line) if id(i) in self._stretch]
        if stretchy and spare > 0:
            widths[stretchy[0]] += spare
        return widths


def _height(item: QLayoutItem, width: int) -> int:
    """How tall an item is at a width (a wrapping label grows taller as it narrows)."""
    if item.hasHeightForWidth():
        return max(item.heightForWidth(width), item.minimumSize().height())
    return item.sizeHint().height()
