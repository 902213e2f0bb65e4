"""Pages that fit the window instead of growing it: a scrolling frame for every page, and a
splitter that puts the form under the list when the window is narrow (or the text large)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QScrollArea,
    QSplitter,
    QWidget,
)


class PageScroll(QScrollArea):
    """A page's frame: it scrolls when the page is taller (or, rarely, wider) than the window,
    so no page ever makes the window grow past the screen. The page fills it otherwise."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{page.objectName() or 'page'}_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        # Not a Tab stop of its own: the fields inside take the focus and scroll into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field reached by a mnemonic, F6 or a click scrolls into view, as Tab does."""
        page = self.widget()
        if new is not None and page is not None and page.isAncestorOf(new) and self.isVisible():
            self.ensureWidgetVisible(new, 8, 8)


class ReflowSplitter(QSplitter):
    """Side by side when there is room for both parts, one above the other when there is not.

    Its narrowest width is that of its widest part, so a narrow window (or 200% text) puts the
    form under the list instead of pushing the window wider than the screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)

    def side_by_side_width(self) -> int:
        """The width the parts need to sit next to each other comfortably."""
        parts = [self.widget(n) for n in range(self.count())]
        widths = [_needs(p) for p in parts if p is not None]
        return sum(widths) + self.handleWidth() * max(len(widths) - 1, 0)

    def minimumSizeHint(self) -> QSize:
        parts = [p for n in range(self.count()) if (p := self.widget(n)) is not None]
        if not parts:
            return super().minimumSizeHint()
        hints = [p.minimumSizeHint() for p in parts]
        width = max(h.width() for h in hints)
        if self.orientation() == Qt.Orientation.Horizontal:
            return QSize(width, max(h.height() for h in hints))
        handles = self.handleWidth() * (len(hints) - 1)
        return QSize(width, sum(h.height() for h in hints) + handles)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            Qt.Orientation.Horizontal
            if event.size().width() >= self.side_by_side_width()
            else Qt.Orientation.Vertical
        )
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()  # the narrowest height changes with the arrangement
        super().resizeEvent(event)


def _needs(part: QWidget) -> int:
    """The width a part needs to show comfortably (a scrolling editor's is that of what it
    holds at its preferred size, plus room for its vertical scroll bar): below the sum of
    these, the parts go one above the other rather than squeeze the fields."""
    if isinstance(part, QScrollArea) and (inside := part.widget()) is not None:
        bar = part.style().pixelMetric(part.style().PixelMetric.PM_ScrollBarExtent)
        return max(inside.sizeHint().width() + bar + 4, part.minimumSizeHint().width())
    return max(part.minimumSizeHint().width(), min(part.sizeHint().width(), 480))


class PairGrid(QWidget):
    """Labels with their fields, two pairs to a row when there is room, one when there is not
    (a narrow window or 200% text), so the pairs never push a dialog wider than the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[tuple[QWidget, QWidget]] = []
        self.grid = QGridLayout(self)
        self._across = 0

    def add_pair(self, label: QWidget, field: QWidget) -> None:
        self.pairs.append((label, field))
        self._lay_out(2)

    def _pair_width(self) -> int:
        spacing = max(self.grid.horizontalSpacing(), 0)
        labels = max((p[0].sizeHint().width() for p in self.pairs), default=0)
        fields = max((p[1].minimumSizeHint().width() for p in self.pairs), default=0)
        return labels + fields + 2 * spacing

    def _lay_out(self, across: int) -> None:
        self._across = across
        for label, field in self.pairs:
            self.grid.removeWidget(label)
            self.grid.removeWidget(field)
        for number, (label, field) in enumerate(self.pairs):
            row, pair = divmod(number, across)
            self.grid.addWidget(label, row, pair * 2)
            self.grid.addWidget(field, row, pair * 2 + 1)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column % 2 and column < across * 2 else 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        margins = self.grid.contentsMargins()
        height = super().minimumSizeHint().height()
        return QSize(self._pair_width() + margins.left() + margins.right(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        margins = self.grid.contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        across = 2 if room >= 2 * self._pair_width() + self.grid.horizontalSpacing() else 1
        if across != self._across:
            self._lay_out(across)
        super().resizeEvent(event)
