"""The overview page: each line a link to the page that deals with it."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.events import service as events
from organiser.core.planning.overview import OverviewLine, overview
from organiser.ui.ops import OpRunner


def _html(lines: list[OverviewLine], title: str) -> str:
    def link(line: OverviewLine) -> str:
        return f'<a href="{line.page}">{html.escape(line.text)}</a>'

    facts = [line for line in lines if not line.attention]
    todo = [line for line in lines if line.attention]
    parts = [f"<h2>{html.escape(title)}</h2>", "<ul>"]
    parts += [f"<li>{link(line)}</li>" for line in facts]
    parts.append("</ul><h3>Still to do</h3>")
    if todo:
        parts.append("<ul>" + "".join(f"<li>⚠ {link(line)}</li>" for line in todo) + "</ul>")
    else:
        parts.append("<p>✓ Nothing outstanding in planning.</p>")
    return "".join(parts)


class OverviewPage(QWidget):
    """Days to go, status, group, programme, budget and what still needs doing."""

    SEES = Touched.ALL

    go_to = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.text = QLabel(self)
        self.text.setObjectName("overview_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text.linkActivated.connect(self.go_to)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch()

    def set_event(self, event_id: int | None) -> None:
        """Show another event."""
        self.event_id = event_id
        self._show()

    def refresh(self, changes: Changes) -> None:
        """Everything on the overview may change with any edit of this event."""
        if changes.touched:
            self._show()

    def flush(self) -> None:
        """Nothing is typed here."""

    def plain_text(self) -> str:
        """What the overview says about the event now, without markup."""
        return "\n".join(line.text for line in self._lines())

    def _lines(self) -> list[OverviewLine]:
        if self.event_id is None or not events.event_exists(self.runner.store, self.event_id):
            return []
        return overview(self.runner.store, self.event_id, today=dt.date.today())

    def _show(self) -> None:
        lines = self._lines()
        if not lines:
            self.text.setText("Choose or create an event in the Events list.")
            return
        assert self.event_id is not None
        title = events.get_event(self.runner.store, self.event_id).title
        self.text.setText(_html(lines, title))
        self.text.setAccessibleDescription("\n".join(line.text for line in lines))
