"""Choice answers driven from the keyboard: a rating or single choice is one Tab stop whose
number keys pick (1 = the first choice); a multiple choice is tick boxes the number keys tick."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QLabel,
    QRadioButton,
    QWidget,
)

from organiser.core.feedback.form import Question
from organiser.ui.widgets.flow import FlowLayout

DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def escape(text: str) -> str:
    """Text for a label or button, its ampersands shown rather than taken as shortcuts."""
    return text.replace("&", "&&")


def shown_as(choices: Sequence[str], labels: Sequence[str] | None) -> list[str]:
    """What each choice is shown as: on a translated paper's screen, its words there and the
    English it is stored as ("Tak · Yes"); labels that do not match one to one are ignored."""
    if not labels or len(labels) != len(choices):
        return list(choices)
    return [
        label if label.casefold() == choice.casefold() else f"{label} · {choice}"
        for label, choice in zip(labels, choices, strict=True)
    ]


def flow(parent: QWidget) -> FlowLayout:
    """The choices side by side, wrapping onto the next line where the page is narrow or the
    text large (never wider than the page)."""
    layout = FlowLayout(parent)
    layout.setContentsMargins(4, 2, 4, 2)
    layout.setSpacing(14)
    return layout


class ChoiceInput(QFrame):
    """A rating or single choice: one Tab stop, the number keys pick, 0 or Delete clears."""

    changed = Signal()

    def __init__(
        self,
        question: Question,
        parent: QWidget | None = None,
        labels: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"answer_{question.id}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(question.text)
        self.setStyleSheet(
            "QFrame { border: 2px solid transparent; border-radius: 3px; }"
            "QFrame:focus { border: 2px solid #1d4ed8; }"
        )
        self.group = QButtonGroup(self)
        layout = flow(self)
        for number, choice in enumerate(shown_as(question.choices, labels)):
            key = f"{number + 1} " if number < 9 else ""
            radio = QRadioButton(escape(f"{key}{choice}"), self)
            radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(radio, number)
            layout.addWidget(radio)
        self.group.idClicked.connect(lambda _n: self._changed())
        self._describe()

    def value(self) -> str:
        checked = self.group.checkedId()
        return self.question.choices[checked] if checked >= 0 else ""

    def set_value(self, value: str) -> bool:
        """Show a stored answer; False when it is not one of today's choices."""
        lowered = [c.casefold() for c in self.question.choices]
        found = lowered.index(value.casefold()) if value.casefold() in lowered else -1
        self._check(found)
        return found >= 0 or not value

    def _check(self, number: int) -> None:
        if number < 0:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.group.button(number).setChecked(True)
        self._describe()

    def _changed(self) -> None:
        self._describe()
        self.changed.emit()

    def _describe(self) -> None:
        value = self.value()
        keys = f"1 to {min(len(self.question.choices), 9)}"
        self.setAccessibleDescription(
            f"Answer: {value}" if value else f"No answer yet: press {keys} to choose"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        current = self.group.checkedId()
        count = len(self.question.choices)
        if key in DIGITS and DIGITS[key] <= count:
            wanted = DIGITS[key] - 1
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            wanted = -1
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down) and count:
            wanted = min(current + 1, count - 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up) and count:
            wanted = max(current - 1, 0)
        else:
            super().keyPressEvent(event)
            return
        if wanted != current:
            self._check(wanted)
            self.changed.emit()


class MultiInput(QWidget):
    """A multiple choice: tick boxes, each a Tab stop; the number keys tick them too."""

    changed = Signal()

    def __init__(
        self,
        question: Question,
        parent: QWidget | None = None,
        labels: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"answer_{question.id}")
        self.boxes: list[QCheckBox] = []
        layout = flow(self)
        for number, choice in enumerate(shown_as(question.choices, labels)):
            key = f"{number + 1} " if number < 9 else ""
            box = QCheckBox(escape(f"{key}{choice}"), self)
            box.setAccessibleName(f"{question.text}: {choice}")
            box.toggled.connect(lambda _on: self.changed.emit())
            box.installEventFilter(self)
            layout.addWidget(box)
            self.boxes.append(box)
        if not self.boxes:
            layout.addWidget(QLabel("(no choices on the form yet)", self))

    def value(self) -> list[str]:
        return [
            c for c, box in zip(self.question.choices, self.boxes, strict=True) if box.isChecked()
        ]

    def set_value(self, value: str) -> bool:
        picked = {v.casefold() for v in value.split("\n") if v}
        for choice, box in zip(self.question.choices, self.boxes, strict=True):
            box.blockSignals(True)
            box.setChecked(choice.casefold() in picked)
            box.blockSignals(False)
        return picked <= {c.casefold() for c in self.question.choices}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            number = DIGITS.get(Qt.Key(event.key()), 0)
            if 0 < number <= len(self.boxes):
                self.boxes[number - 1].toggle()
                return True
        return super().eventFilter(watched, event)
