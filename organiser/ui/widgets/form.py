"""A form of labelled fields that asks to be saved as a person types (no Save button)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import ValidationError
from organiser.core.versions import same
from organiser.ui.widgets.field_messages import CHECKED, FieldMessage, problem
from organiser.ui.widgets.fields import (
    Field,
    Kind,
    display_text,
    make_input,
    make_label,
    read_all,
    read_value,
    show_value,
)
from organiser.ui.widgets.mnemonics import assign_letters

AUTOSAVE_MS = 700


def _typed_in(widget: QWidget) -> bool:
    """Inputs whose text a person may be in the middle of (a tick or a choice saves at once)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QPlainTextEdit))


class FieldForm(QWidget):
    """Inputs with a message under each; `save_requested` fires within a second of typing."""

    save_requested = Signal()
    entered = Signal()  # Enter pressed in a one-line input

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._loading = False
        self._lettered = False
        self._dirty = False
        self._errors: dict[str, str] = {}
        self._checked: dict[QObject, Field] = {}  # inputs checked as the person leaves them
        # Per input, the stored value last put in and what the input read back then: an edit
        # sends only what differs, with the stored value it started from (see RowSection).
        self.stored: dict[str, Any] = {}
        self.shown: dict[str, Any] = {}
        # Inputs kept as typed while the stored value moved on (someone else saved it).
        self.behind: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A label goes above its field when the two do not fit side by side (large text).
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in self.fields:
            widget = make_input(field, self)
            message = FieldMessage(field, self)
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(message)
            layout.addRow(make_label(field, widget, self), box)
            self.inputs[field.key] = widget
            self.messages[field.key] = message
            self._watch(field, widget)

    def _watch(self, field: Field, widget: QWidget) -> None:
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._typed)
            widget.editingFinished.connect(self.save_now)
            widget.returnPressed.connect(self.entered)
            if field.kind in CHECKED:
                self._checked[widget] = field
                widget.textEdited.connect(lambda _text, f=field: self._recheck(f))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._typed)
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(self._changed_now)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self._changed_now)
            line = widget.lineEdit()
            if line is not None:  # an editable box
                line.textEdited.connect(self._typed)
                line.editingFinished.connect(self.save_now)
                line.returnPressed.connect(lambda box=widget: self._entered_in(box))

    def _entered_in(self, box: QComboBox) -> None:
        """Enter in an editable box adds the row, unless it picks one of the box's suggestions
        (the box hears that Enter first, while the suggestions are still open)."""
        completer = box.completer()
        popup = completer.popup() if completer is not None else None
        if popup is None or not popup.isVisible():
            self.entered.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Give the labels their Alt+letters the first time the form is shown, when its page
        and window are built and their letters known."""
        if not self._lettered:
            self._lettered = True
            assign_letters(self)
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.save_now()
            field = self._checked.get(watched)
            # Said on leaving the field, not only when the row is added or saved.
            if field is not None and (text := problem(field, self.inputs[field.key])):
                self._tell(field.key, text)
        return super().eventFilter(watched, event)

    def _recheck(self, field: Field) -> None:
        """A message under a money, number or date goes as soon as the value reads."""
        if field.key in self._errors:
            self._tell(field.key, problem(field, self.inputs[field.key]))

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
        """Keep typed changes waiting (a new row, until it is added)."""
        self._dirty = True

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
        """Show each message under its input (in words, not only colour); clear the rest,
        but for a money, number or date that still cannot be read."""
        unread = {f.key: problem(f, self.inputs[f.key]) for f in self._checked.values()}
        kept = {key: unread[key] for key in self._errors if unread.get(key)}
        self._errors = {**kept, **errors}
        for key in self.messages:
            self._say(key, self._errors.get(key, ""))

    def problems(self) -> list[str]:
        """The messages shown under the inputs, top to bottom."""
        return [self._errors[f.key] for f in self.fields if self._errors.get(f.key)]

    def _tell(self, key: str, text: str) -> None:
        """Show or clear one input's message, leaving the others as they are."""
        if text:
            self._errors[key] = text
        else:
            self._errors.pop(key, None)
        self._say(key, text)

    def _say(self, key: str, text: str) -> None:
        label, widget = self.messages[key], self.inputs[key]
        label.setText(f"⚠ {text}" if text else "")
        label.setVisible(bool(text))
        if bool(widget.property("invalid")) != bool(text):
            widget.setProperty("invalid", bool(text))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        hint = next(f.hint for f in self.fields if f.key == key)
        widget.setAccessibleDescription(text or hint)

    def load(self, values: Mapping[str, Any], *, force: bool = False) -> None:
        """Show stored values; inputs being typed in or holding a refused value are kept."""
        self._loading = True
        try:
            for field in self.fields:
                key = field.key
                widget = self.inputs[key]
                # A focused input is kept while typing waits to be saved, or while it holds
                # something else than what was last put in it (focus alone keeps nothing).
                typing = (
                    widget.hasFocus() and _typed_in(widget) and (self._dirty or self._edited(field))
                )
                busy = typing or key in self._errors
                if key not in values:
                    continue
                if force or not busy:
                    show_value(field, widget, values[key])
                    self._remember(field, values[key])
                elif key in self.stored and not same(values[key], self.stored[key]):
                    self.behind.add(key)
        finally:
            self._loading = False
        if force:
            self._dirty = False
            self._timer.stop()
            self.show_errors({})

    def put(self, values: Mapping[str, Any]) -> None:
        """Show these stored values even where the person was typing (a clash settled)."""
        self._loading = True
        try:
            for field in self.fields:
                if field.key in values:
                    show_value(field, self.inputs[field.key], values[field.key])
                    self._remember(field, values[field.key])
        finally:
            self._loading = False

    def _edited(self, field: Field) -> bool:
        """True when the input holds something other than what was last put in it."""
        if field.key not in self.shown:
            return True
        try:
            return not same(read_value(field, self.inputs[field.key]), self.shown[field.key])
        except ValidationError:
            return True

    def _remember(self, field: Field, value: Any) -> None:
        self.stored[field.key] = value
        try:
            self.shown[field.key] = read_value(field, self.inputs[field.key])
        except ValidationError:
            self.shown[field.key] = value
        self.behind.discard(field.key)

    def changed(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The values that differ from what the inputs showed when last loaded or saved."""
        return {
            key: value
            for key, value in values.items()
            if key not in self.shown or not same(value, self.shown[key])
        }

    def base_of(self, keys: Iterable[str]) -> dict[str, Any]:
        """The stored values these inputs' edits started from."""
        return {key: self.stored[key] for key in keys if key in self.stored}

    def mark_saved(self, values: Mapping[str, Any]) -> None:
        """These values are stored now: later edits start from them."""
        for key, value in values.items():
            self.stored[key] = value
            self.shown[key] = value
            self.behind.discard(key)

    def describe(self, key: str, value: Any) -> str:
        """A value of one input as a person reads it (a tick, a choice's label, a date)."""
        field = next(f for f in self.fields if f.key == key)
        widget = self.inputs[key]
        if field.kind is Kind.CHECK:
            return "Ticked" if value else "Not ticked"
        if field.kind is Kind.CHOICE_ID and isinstance(widget, QComboBox):
            for number in range(widget.count()):
                if widget.itemData(number) == value:
                    return widget.itemText(number)
        return display_text(field, value)

    def label_of(self, key: str) -> str:
        """The words an input is labelled with."""
        return next((f.label for f in self.fields if f.key == key), key.replace("_", " "))

    def is_long_text(self, key: str) -> bool:
        """True for a box of several lines (where keeping both texts makes sense)."""
        return any(f.key == key and f.kind is Kind.TEXT for f in self.fields)


class SavedForm(FieldForm):
    """A FieldForm whose saved values are what its inputs hold after the save's refresh.

    Later edits start from what was just saved: inputs the save's refresh filled with the
    stored value (a colour or choices tidied) already do; those it left as typed (the cursor
    still in them) start now. So a tidied value is never sent again as a change of its own.
    """

    def mark_saved(self, values: Mapping[str, Any]) -> None:
        now, _errors = self.read()
        super().mark_saved(self.changed({k: now[k] for k in values if k in now}))
