"""Labelled inputs built from a short description, read and written as plain values."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from organiser.core.errors import ValidationError
from organiser.core.money import parse_pence
from organiser.core.parsing import (
    format_date,
    format_time,
    parse_date,
    parse_time,
    parse_whole_number,
)
from organiser.ui.widgets.mnemonics import LAST, wants_letter


class Kind(enum.Enum):
    """How a field is typed in and read back."""

    LINE = "line"
    TEXT = "text"
    CHOICE = "choice"
    CHECK = "check"
    DATE = "date"
    TIME = "time"
    MONEY = "money"
    OPTIONAL_MONEY = "optional money"
    NUMBER = "number"
    COMBO_TEXT = "editable choice"
    CHOICE_ID = "choice of a row"  # choices are (label, value) pairs; the value is stored


Choice = tuple[str, Any]


@dataclass(frozen=True)
class Field:
    """One input: the value's key, its label, how it is typed, and a hint."""

    key: str
    label: str
    kind: Kind = Kind.LINE
    choices: Sequence[str] | Sequence[Choice] = ()
    hint: str = ""
    minimum: int = 1  # the smallest whole number a NUMBER field takes
    # What a NUMBER field left empty means (None: not set), or the choice a new row starts on.
    blank: Any = None


def make_input(field: Field, parent: QWidget) -> QWidget:
    """The widget for a field, with an accessible name and a placeholder hint."""
    widget: QWidget
    if field.kind is Kind.TEXT:
        text = QPlainTextEdit(parent)
        text.setTabChangesFocus(True)
        text.setPlaceholderText(field.hint)
        text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
        # Fixed, not expanding: a form with room to spare leaves it below, not around, the box.
        text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        widget = text
    elif field.kind is Kind.CHOICE_ID:
        combo = QComboBox(parent)
        # Names of rows can be long: show the start rather than widen the whole form.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        _add_id_choices(combo, field.choices)  # type: ignore[arg-type]
        widget = combo
    elif field.kind in (Kind.CHOICE, Kind.COMBO_TEXT):
        combo = QComboBox(parent)
        combo.addItems(list(field.choices))  # type: ignore[arg-type]
        if field.kind is Kind.COMBO_TEXT:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer, line = combo.completer(), combo.lineEdit()
            assert completer is not None and line is not None  # an editable box has both
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            line.setPlaceholderText(field.hint)
        widget = combo
    elif field.kind is Kind.CHECK:
        widget = QCheckBox(field.label, parent)
    else:
        line = QLineEdit(parent)
        line.setPlaceholderText(field.hint)
        widget = line
    widget.setObjectName(field.key)
    widget.setAccessibleName(field.label)
    if field.hint:
        widget.setAccessibleDescription(field.hint)
        if isinstance(widget, QCheckBox):  # a tick box has no placeholder to show it
            widget.setToolTip(field.hint)
    return widget


def make_label(field: Field, buddy: QWidget, parent: QWidget) -> QLabel:
    """A label that names the input and moves focus to it (Alt+letter, one its page leaves
    free, given when the form is first shown; a tick box carries its own)."""
    label = QLabel("" if field.kind is Kind.CHECK else field.label, parent)
    label.setBuddy(buddy)
    if isinstance(buddy, QCheckBox):
        wants_letter(buddy, LAST)
    else:
        wants_letter(label)
    return label


def set_choices(widget: QWidget, choices: Sequence[str]) -> None:
    """Refresh an editable list's suggestions, keeping what is typed."""
    if isinstance(widget, QComboBox):
        current = widget.currentText()
        widget.blockSignals(True)
        widget.clear()
        widget.addItems(list(choices))
        widget.setCurrentText(current)
        widget.blockSignals(False)


def _add_id_choices(combo: QComboBox, choices: Sequence[Choice]) -> None:
    for label, value in choices:
        combo.addItem(label, value)


def _index_of(combo: QComboBox, value: Any) -> int:
    # findData cannot find None (an empty QVariant): compare the stored values directly.
    for number in range(combo.count()):
        if combo.itemData(number) == value:
            return number
    return -1


def set_id_choices(widget: QWidget, choices: Sequence[Choice]) -> None:
    """Replace a row choice's (label, value) pairs, keeping the chosen value if still offered."""
    if isinstance(widget, QComboBox):
        current = widget.currentData()
        widget.blockSignals(True)
        widget.clear()
        _add_id_choices(widget, choices)
        widget.setCurrentIndex(max(_index_of(widget, current), 0))
        widget.blockSignals(False)


def show_value(field: Field, widget: QWidget, value: Any) -> None:
    """Put a stored value into its input."""
    if field.kind is Kind.CHOICE_ID and isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(_index_of(widget, value), 0))
        return
    text = display_text(field, value)
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        if field.kind is Kind.COMBO_TEXT:
            widget.setCurrentText(text)
        else:
            if value is None and field.blank is not None:
                text = display_text(field, field.blank)
            widget.setCurrentIndex(max(widget.findText(text), 0))
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif isinstance(widget, QLineEdit) and widget.text() != text:
        widget.setText(text)
        widget.setCursorPosition(0)


def display_text(field: Field, value: Any) -> str:
    """A stored value as the text its input shows."""
    if value is None:
        return ""
    if field.kind is Kind.DATE:
        return format_date(value)
    if field.kind is Kind.TIME:
        return format_time(value)
    if field.kind in (Kind.MONEY, Kind.OPTIONAL_MONEY):
        return f"{value // 100}.{value % 100:02d}"
    return str(value)


def raw_text(widget: QWidget) -> str:
    """What a person typed or chose."""
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return ""


def read_value(field: Field, widget: QWidget) -> Any:
    """The typed value as the service wants it; ValidationError says what is wrong."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if field.kind is Kind.CHOICE_ID and isinstance(widget, QComboBox):
        return widget.currentData()
    return read_text(field, raw_text(widget))


def read_text(field: Field, text: str) -> Any:
    """Typed text as the value a field of its kind stores; ValidationError says what is wrong."""
    key = field.key
    if field.kind is Kind.DATE:
        return parse_date(text, field=key)
    if field.kind is Kind.TIME:
        return parse_time(text, field=key)
    if field.kind is Kind.MONEY:
        return parse_pence(text or "0", field=key)
    if field.kind is Kind.OPTIONAL_MONEY:
        return parse_pence(text, field=key, allow_blank=True)
    if field.kind is Kind.NUMBER:
        number = parse_whole_number(text, field=key, what=field.label, minimum=field.minimum)
        return field.blank if number is None else number
    if field.kind in (Kind.LINE, Kind.COMBO_TEXT):
        return text.strip()
    return text


def read_all(
    fields: Sequence[Field], widgets: dict[str, QWidget]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Every readable value, and a message for each input that cannot be read."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        try:
            values[field.key] = read_value(field, widgets[field.key])
        except ValidationError as exc:
            errors[field.key] = str(exc)
    return values, errors
