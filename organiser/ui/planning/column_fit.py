"""Fit a table's columns to the width it has: short columns as wide as their words (up to a
limit), the long ones sharing what is left, so nothing hides behind a sideways scroll bar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

SMALLEST_SHARE = 110  # a shared column narrower than this is of no use to read


class ShareWidth(QObject):
    """Keeps a table's columns fitted as its rows change and its width changes."""

    def __init__(
        self,
        table: QTableView,
        shared: Sequence[int],
        *,
        limits: Mapping[int, int] | None = None,  # the most a short column may take
        wrap_rows: bool = False,  # rows as tall as their wrapped words (else one line each)
    ) -> None:
        super().__init__(table)
        self.table = table
        self.shared = list(shared)
        self.limits = dict(limits or {})
        self.wrap_rows = wrap_rows
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        """Fit the columns (and the rows, when they wrap) to the table as it is now."""
        header = self.table.horizontalHeader()
        count = self.table.model().columnCount()
        fixed = [c for c in range(count) if c not in self.shared]
        for column in fixed:
            self.table.resizeColumnToContents(column)
            if column in self.limits:
                header.resizeSection(column, min(header.sectionSize(column), self.limits[column]))
        room = self.table.viewport().width() - sum(header.sectionSize(c) for c in fixed)
        share = max(room // max(len(self.shared), 1), SMALLEST_SHARE)
        for column in self.shared:
            header.resizeSection(column, share)
        if self.wrap_rows:
            self.table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again when the table is resized (the window, a splitter, the text size)."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)
