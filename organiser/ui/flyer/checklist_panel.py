"""The accessibility checklist beside the preview: a symbol and words per item, not colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from organiser.core.flyer.checklist import ADVICE, FAIL, PASS, CheckItem

SYMBOLS = {PASS: "✓", ADVICE: "!", FAIL: "✗"}
STATE_WORDS = {PASS: "Passes", ADVICE: "Advice", FAIL: "Change this"}
ROLES = {PASS: "", ADVICE: "warning", FAIL: "error"}


def item_text(item: CheckItem) -> str:
    """ "✗ Change this: Body text contrast is only 4.5:1 …"."""
    return f"{SYMBOLS[item.state]} {STATE_WORDS[item.state]}: {item.text}"


def summary_text(items: Sequence[CheckItem]) -> str:
    """How the flyer stands, in one line."""
    fails = sum(1 for i in items if i.state == FAIL)
    advice = sum(1 for i in items if i.state == ADVICE)
    if not fails and not advice:
        return "Everything passes."
    parts = []
    if fails:
        parts.append(f"{fails} to change")
    if advice:
        parts.append(f"{advice} piece{'s' if advice > 1 else ''} of advice")
    return " and ".join(parts) + "."


class ChecklistPanel(QWidget):
    """One line per checklist item, rewritten with every preview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Accessibility checklist", self)
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        self.summary = QLabel("", self)
        self.summary.setObjectName("checklist_summary")
        self.summary.setWordWrap(True)
        self.lines: dict[str, QLabel] = {}
        self._inner = QWidget(self)
        self._rows = QVBoxLayout(self._inner)
        self._rows.setContentsMargins(0, 0, 4, 0)
        self._rows.setSpacing(8)
        self._rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: Tab reaches each line, scrolled into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)

    def set_items(self, items: Sequence[CheckItem]) -> None:
        """Show these items (in the checklist's order)."""
        self.summary.setText(summary_text(items))
        wanted = [item.key for item in items]
        for key in list(self.lines):
            if key not in wanted:
                self.lines.pop(key).deleteLater()
        for index, item in enumerate(items):
            line = self.lines.get(item.key)
            if line is None:
                line = QLabel(self._inner)
                line.setObjectName(f"check_{item.key}")
                line.setWordWrap(True)
                line.setTextFormat(Qt.TextFormat.PlainText)
                # Tab reaches every line, so a keyboard or screen-reader user can read them all.
                line.setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByMouse
                    | Qt.TextInteractionFlag.TextSelectableByKeyboard
                )
                line.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                self.lines[item.key] = line
            self._rows.insertWidget(index, line)
            text = item_text(item)
            if line.text() != text:
                line.setText(text)
                line.setAccessibleName(text)
            role = ROLES[item.state]
            if line.property("role") != role:
                line.setProperty("role", role)
                line.style().unpolish(line)
                line.style().polish(line)

    def texts(self) -> dict[str, str]:
        """What each line says, by item key."""
        return {key: line.text() for key, line in self.lines.items()}
