"""Someone else changed the same field: both values side by side, and a choice for each."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import EditConflict

SHOWN_CHARACTERS = 1500  # a 1 MB note is summed up here; the choice keeps all of it
COLUMNS = ("As it was", "Theirs now", "Yours")


class Choice(enum.Enum):
    """What to keep of one field both people changed."""

    MINE = "Keep mine"
    THEIRS = "Take theirs"
    BOTH = "Keep both"


class ConflictDialog(QDialog):
    """Lists each clashing field; `chosen({key: Choice})` fires when the person saves."""

    chosen = Signal(dict)

    def __init__(
        self,
        conflict: EditConflict,
        *,
        noun: str,
        label_of: Callable[[str], str],
        describe: Callable[[str, Any], str],
        keeps_both: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(f"Someone else changed this {noun}")
        self.conflict = conflict
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[Choice, QRadioButton]] = {}
        self._first: QRadioButton | None = None
        labels = [label_of(c.key).lower() for c in conflict.clashes]
        names = " and ".join([", ".join(labels[:-1]), labels[-1]] if labels[1:] else labels)
        intro = QLabel(
            f"While you were editing this {noun}, someone else saved a different {names}. "
            "Both are shown below: choose what to keep for each. Nothing is saved until you "
            "press Save these choices.",
            self,
        )
        intro.setWordWrap(True)
        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        for column, title in enumerate(COLUMNS, start=1):
            heading = QLabel(title, grid_widget)
            heading.setProperty("role", "subheading")
            grid.addWidget(heading, 0, column)
        for number, clash in enumerate(conflict.clashes):
            label = label_of(clash.key)
            row = 1 + number * 2
            name = QLabel(label, grid_widget)
            name.setProperty("role", "subheading")
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, (title, value) in enumerate(
                zip(COLUMNS, (clash.base, clash.theirs, clash.mine), strict=True), start=1
            ):
                grid.addWidget(
                    _value(grid_widget, f"{label}, {title.lower()}", describe(clash.key, value)),
                    row,
                    column,
                    Qt.AlignmentFlag.AlignTop,
                )
            both = clash.is_text and keeps_both(clash.key)
            grid.addWidget(self._choices(grid_widget, clash.key, label, both), row + 1, 1, 1, 3)
        grid.setRowStretch(1 + 2 * len(conflict.clashes), 1)  # spare room below, not between
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(
            "&Save these choices", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        later = box.addButton("Decide &later", QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip("Keep what you typed on screen, unsaved, and ask again")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(box)
        self.resize(720, min(170 + 90 * len(conflict.clashes), 640))

    def _choices(self, parent: QWidget, key: str, label: str, both: bool) -> QWidget:
        holder = QWidget(parent)  # its own parent: arrow keys move within one field's choices
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 8)
        group = QButtonGroup(holder)
        offered = [Choice.MINE, Choice.THEIRS, *([Choice.BOTH] if both else [])]
        # The safe choice loses nobody's words: both texts, else the value already saved.
        safe = Choice.BOTH if both else Choice.THEIRS
        self.buttons[key] = {}
        for choice in offered:
            button = QRadioButton(choice.value, holder)
            button.setObjectName(f"{key}_{choice.name.lower()}")
            button.setAccessibleName(f"{label}: {choice.value.lower()}")
            group.addButton(button)
            row.addWidget(button)
            self.buttons[key][choice] = button
            if choice is safe:
                button.setChecked(True)
                self._first = self._first or button
        row.addStretch()
        self.groups[key] = group
        return holder

    def choice(self, key: str) -> Choice:
        """What is chosen for one field now."""
        return next(c for c, b in self.buttons[key].items() if b.isChecked())

    def choose(self, key: str, choice: Choice) -> None:
        """Pick a choice for one field (as a click on it would)."""
        self.buttons[key][choice].setChecked(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first is not None:
            self._first.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Save: announce each field's choice."""
        super().accept()
        self.chosen.emit({c.key: self.choice(c.key) for c in self.conflict.clashes})


def _value(parent: QWidget, name: str, text: str) -> QLabel:
    shown = text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + " …"
    label = QLabel(shown or "(empty)", parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a person's text, never read as markup
    label.setWordWrap(True)
    label.setMinimumWidth(140)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(f"{name}: {shown or 'empty'}")
    return label
