"""Bold and lists from the keyboard, as in meeting notes, and a bar of buttons for them that
formats the section the cursor is in (or was in last)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QToolButton, QWidget

from organiser.ui.meetings import formatting

Format = Callable[[QTextEdit], None]
# The notes' shortcuts that make sense inside a titled part of a report.
FORMATS: tuple[tuple[str, str, str, str, Format], ...] = (
    ("bold", "Bold", "Bold", "Ctrl+B", formatting.toggle_bold),
    (
        "bullets",
        "• List",
        "Bullet list",
        "Ctrl+Shift+8",
        lambda edit: formatting.toggle_list(edit, formatting.BULLETS),
    ),
    (
        "numbers",
        "1. List",
        "Numbered list",
        "Ctrl+Shift+7",
        lambda edit: formatting.toggle_list(edit, formatting.NUMBERS),
    ),
)


def shown_keys(keys: str) -> str:
    """A shortcut as this platform writes it."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class Formattable(Protocol):
    """A section editor, as far as the bar needs one."""

    def apply(self, run: Format) -> None:
        """Format the chosen words."""


class FormatBar(QWidget):
    """Bold and lists for the section the cursor is in (or was in last)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.target: Formattable | None = None
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        hint = QLabel("Format the words:", self)
        layout.addWidget(hint)
        for key, label, name, keys, apply in FORMATS:
            button = QToolButton(self)
            button.setText(label)
            button.setObjectName(f"report_{key}_button")
            button.setAccessibleName(name)
            button.setAccessibleDescription(f"Shortcut {shown_keys(keys)}")
            button.setToolTip(f"{name} ({shown_keys(keys)})")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, run=apply: self._apply(run))
            if key == "bold":
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            layout.addWidget(button)
            self.buttons[key] = button
        layout.addStretch()
        self.setEnabled(False)

    def follow(self, editor: Formattable) -> None:
        """Format this section from now on."""
        self.target = editor
        self.setEnabled(True)

    def _apply(self, run: Format) -> None:
        if self.target is not None:
            self.target.apply(run)
