"""What a money, number, date or time field says when its text cannot be read, and the
message under each input (organiser.ui.widgets.form shows it as the person leaves the field)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from organiser.core.errors import ValidationError
from organiser.ui.widgets.fields import Field, Kind, read_text, read_value

# Kinds whose typed text must read as a value: each is checked as the person leaves it.
CHECKED = frozenset({Kind.DATE, Kind.TIME, Kind.MONEY, Kind.OPTIONAL_MONEY, Kind.NUMBER})
# Wrong text whose messages are as long as a field of these kinds usually says.
WRONG_SAMPLES = ("soon", "31/02/2027")


def _longest_message(field: Field) -> str:
    """The longest thing a field's own check says (room is kept under the field for it)."""
    said = [""]
    for text in WRONG_SAMPLES if field.kind in CHECKED else ():
        try:
            read_text(field, text)
        except ValidationError as exc:
            said.append(f"⚠ {exc}")
    return max(said, key=len)


def problem(field: Field, widget: QWidget) -> str:
    """What is wrong with a money, number, date or time as typed ('' when it reads)."""
    if field.kind not in CHECKED:
        return ""
    try:
        read_value(field, widget)
    except ValidationError as exc:
        return str(exc)
    return ""


class FieldMessage(QLabel):
    """The message under an input. It keeps room while hidden (a line, or for a money,
    number, date or time the lines its own check's message takes at this width), so a
    message that appears does not move the fields below it."""

    def __init__(self, field: Field, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field.key}_message")
        self.setWordWrap(True)
        self.setProperty("role", "error")
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._room = _longest_message(field)
        self.hide()

    def _line(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self._line())

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(self._line())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        area = QRect(0, 0, max(width, 1), 1 << 20)
        room = self.fontMetrics().boundingRect(area, Qt.TextFlag.TextWordWrap, self._room)
        own = super().heightForWidth(width) if self.text() else 0
        return max(own, room.height(), self._line().height())
