"""A form of labelled fields that asks to be saved as a person types (no Save button)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.ui.widgets.fields import Field, make_input, make_label, read_all, show_value

AUTOSAVE_MS = 700


def _typed_in(widget: QWidget) -> bool:
    """Inputs whose text a person may be in the middle of (a tick or a choice saves at once)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QPlainTextEdit))


class FieldForm(QWidget):
    """Inputs with a message under each; `save_requested` fires within a second of typing."""

    save_requested = Signal()

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._loading = False
        self._dirty = False
        self._errors: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self.fields:
            widget = make_input(field, self)
            message = QLabel(self)
            message.setObjectName(f"{field.key}_message")
            message.setWordWrap(True)
            message.setProperty("role", "error")
            message.hide()
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(message)
            layout.addRow(make_label(field, widget, self), box)
            self.inputs[field.key] = widget
            self.messages[field.key] = message
            self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._typed)
            widget.editingFinished.connect(self.save_now)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._typed)
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(self._changed_now)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self._changed_now)
            if widget.isEditable():
                widget.lineEdit().textEdited.connect(self._typed)
                widget.lineEdit().editingFinished.connect(self.save_now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.save_now()
        return super().eventFilter(watched, event)

    def _typed(self) -> None:
        if not self._loading:
            self._dirty = True
            self._timer.start()

    def _changed_now(self) -> None:
        if not self._loading:
            self._dirty = True
            self.save_now()

    @property
    def dirty(self) -> bool:
        """True while typed changes wait to be saved."""
        return self._dirty

    def has_typing(self) -> bool:
        """True when any text was typed or box ticked (a list's first choice does not count)."""
        for widget in self.inputs.values():
            if isinstance(widget, QCheckBox) and widget.isChecked():
                return True
            if isinstance(widget, QLineEdit) and widget.text().strip():
                return True
            if isinstance(widget, QPlainTextEdit) and widget.toPlainText().strip():
                return True
            if (
                isinstance(widget, QComboBox)
                and widget.isEditable()
                and widget.currentText().strip()
            ):
                return True
        return False

    def keep_pending(self) -> None:
        """Keep typed changes waiting (a new row is added once the person leaves the form)."""
        self._dirty = True

    def contains_focus(self) -> bool:
        """True while the keyboard focus is in one of this form's inputs."""
        focused = QApplication.focusWidget()
        return focused is not None and self.isAncestorOf(focused)

    def save_now(self) -> None:
        """Ask for a save at once (focus left a field, Enter, a tick, a choice, closing)."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.save_requested.emit()

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Readable values and a message for each input that cannot be read."""
        return read_all(self.fields, self.inputs)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each message under its input (in words, not only colour); clear the rest."""
        self._errors = dict(errors)
        for key, label in self.messages.items():
            text = errors.get(key, "")
            label.setText(f"⚠ {text}" if text else "")
            label.setVisible(bool(text))
            widget = self.inputs[key]
            if bool(widget.property("invalid")) != bool(text):
                widget.setProperty("invalid", bool(text))
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            widget.setAccessibleDescription(text)

    def load(self, values: Mapping[str, Any], *, force: bool = False) -> None:
        """Show stored values; inputs being typed in or holding a refused value are kept."""
        self._loading = True
        try:
            for field in self.fields:
                widget = self.inputs[field.key]
                busy = (widget.hasFocus() and _typed_in(widget)) or field.key in self._errors
                if field.key in values and (force or not busy):
                    show_value(field, widget, values[field.key])
        finally:
            self._loading = False
        if force:
            self._dirty = False
            self._timer.stop()
            self.show_errors({})
