"""The flyer draft's editor: its words, template, theme and image, saved as they are typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.flyer import service as flyers
from organiser.core.flyer.contrast import parse_colour
from organiser.core.flyer.kinds import TEMPLATE_NAMES, TEXT_FIELDS, Alignment, Placement
from organiser.ui.flyer.image import choose_image_file
from organiser.ui.ops import Call, OpRunner
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.form import SavedForm
from organiser.ui.widgets.versioned_edits import versioned_edits

MULTI_LINE = {"expect", "hear_from"}
HINTS = {
    "expect": "One thing per line",
    "hear_from": "One speaker or organisation per line",
    "cost_text": "For example Free, or £3 a family (left empty, no cost is printed)",
    "booking_link": "A web address (https://…) or a phone number",
}
COLOURS = {
    "text_colour": "Text colour",
    "background_colour": "Background colour",
    "accent_colour": "Heading colour",
}
COLOUR_HINT = "A colour code such as #1A1A1A, or pick one with Choose…"
FIELDS = (
    *(
        Field(key, label, Kind.TEXT if key in MULTI_LINE else Kind.LINE, hint=HINTS.get(key, ""))
        for key, label in TEXT_FIELDS
    ),
    Field(
        "template",
        "Template",
        Kind.CHOICE_ID,
        tuple((name, template.value) for template, name in TEMPLATE_NAMES.items()),
    ),
    *(Field(key, label, hint=COLOUR_HINT) for key, label in COLOURS.items()),
    Field("body_size", "Body text size (pt)", Kind.NUMBER, hint="14 is recommended"),
    Field("heading_size", "Title size (pt)", Kind.NUMBER, hint="For example 36"),
    Field("alignment", "Body alignment", Kind.CHOICE, tuple(a.value for a in Alignment)),
    Field("image_placement", "Image placement", Kind.CHOICE, tuple(p.value for p in Placement)),
)
KEYS = tuple(f.key for f in FIELDS)


def flyer_inverse(store: Any) -> Callable[[Changes], Call]:
    """Undo of a draft edit (typing, an image, filling again): put the old values back, but
    never over a field someone else has changed since (their change is kept)."""

    def inverse(changes: Changes) -> Call:
        event_id, previous = changes.event_id, dict(changes.previous)
        assert event_id is not None
        version, left = changes.row_version, dict(changes.current)
        if version is not None and left:
            return lambda: flyers.update_flyer(
                store, event_id=event_id, values=previous, base=left, expected_version=version
            )
        return lambda: flyers.update_flyer(store, event_id=event_id, values=previous)

    return inverse


class FlyerEditor(QWidget):
    """Every field of the draft; `edited` fires on each keystroke (for the live preview)."""

    edited = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.form = SavedForm(FIELDS, self)
        self.form.save_requested.connect(self.save)
        self.edits = versioned_edits(
            self,
            runner,
            self.form,
            noun="flyer draft",
            action="Edit flyer",
            current=lambda: self.event_id,
            version_of=flyers.flyer_version,
            update=flyers.update_flyer,
            key="event_id",
            inverse=flyer_inverse,
        )
        self.swatches: dict[str, QLabel] = {}
        self.colour_buttons: dict[str, QPushButton] = {}
        for key, label in COLOURS.items():
            self._colour_row(key, label)
        rows = self.form.layout()
        assert isinstance(rows, QFormLayout)
        # Labels above their inputs: the editor shares the width with the preview and checklist.
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        words = QLabel("Words", self)
        look = QLabel("Look", self)
        for heading in (words, look):
            heading.setProperty("role", "subheading")
        rows.insertRow(len(TEXT_FIELDS), look)
        rows.insertRow(0, words)
        self.image_label = QLabel("No image", self)
        self.image_label.setObjectName("image_name")
        self.image_label.setWordWrap(True)
        self.choose_image = QPushButton("&Choose image…", self)
        self.choose_image.clicked.connect(self.pick_image)
        self.remove_image = QPushButton("Re&move image", self)
        self.remove_image.clicked.connect(self.drop_image)
        image_box = QWidget(self)
        image_column = QVBoxLayout(image_box)
        image_column.setContentsMargins(0, 0, 0, 0)
        image_column.addWidget(self.image_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_image)
        buttons.addWidget(self.remove_image)
        buttons.addStretch(1)
        image_column.addLayout(buttons)
        image_heading = QLabel("Image", self)
        image_heading.setBuddy(self.choose_image)
        rows.addRow(image_heading, image_box)
        self.refill = QPushButton("Fi&ll again from the event…", self)
        self.refill.setToolTip(
            "Write the words again from the event's details, programme and speakers"
        )
        self.refill.clicked.connect(self.fill_from_event)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.refill, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        for widget in self.form.inputs.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self.edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.edited)

    def _colour_row(self, key: str, label: str) -> None:
        """A hex field with a sample of the colour and a picker (the hex stays visible)."""
        line = self.form.inputs[key]
        box = line.parentWidget()
        assert box is not None
        column = box.layout()
        assert isinstance(column, QVBoxLayout)
        column.removeWidget(line)
        swatch = QLabel(box)
        swatch.setObjectName(f"{key}_swatch")
        swatch.setFixedSize(28, 28)
        swatch.setAccessibleName(f"{label} sample")
        button = QPushButton("Choose…", box)
        button.setObjectName(f"{key}_choose")
        button.setAccessibleName(f"Choose the {label.lower()}")
        button.clicked.connect(lambda: self.pick_colour(key))
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(swatch)
        row.addWidget(line, 1)
        row.addWidget(button)
        column.insertLayout(0, row)
        QWidget.setTabOrder(line, button)  # the picker comes right after its field
        self.swatches[key] = swatch
        self.colour_buttons[key] = button
        assert isinstance(line, QLineEdit)
        line.textChanged.connect(lambda text: self._paint_swatch(key, text))

    def _paint_swatch(self, key: str, text: str) -> None:
        swatch = self.swatches[key]
        try:
            colour = parse_colour(text)
        except ValidationError:
            swatch.setStyleSheet("border: 1px dashed #555555;")
            swatch.setToolTip("Not a colour yet")
            return
        swatch.setStyleSheet(f"background: {colour}; border: 1px solid #555555;")
        swatch.setToolTip(colour)

    def pick_colour(self, key: str) -> None:
        """Choose a colour in the system's colour dialog; its hex goes into the field."""
        line = self.form.inputs[key]
        assert isinstance(line, QLineEdit)
        chosen = QColorDialog.getColor(QColor(line.text().strip()), self, f"Choose {COLOURS[key]}")
        if chosen.isValid():
            line.setText(chosen.name(QColor.NameFormat.HexRgb).upper())
            self.form.keep_pending()
            self.form.save_now()

    def set_event(self, event_id: int | None) -> None:
        """Show another event's draft (saving what was typed first)."""
        self.form.save_now()
        self.event_id = event_id
        self._load(force=True)

    def refresh(self, changes: Changes) -> None:
        """Reload when the draft changed (undo, an image, filling again)."""
        if Touched.FLYER in changes.touched and changes.event_id == self.event_id:
            self._load(force=False)

    def _load(self, *, force: bool) -> None:
        self.setEnabled(self.event_id is not None)
        if self.event_id is None:
            self.edits.clear()
            return
        # Read before the draft: what the form then shows is at least as new as this version.
        version = self.edits.version_now(self.event_id)
        draft = flyers.get_flyer(self.runner.store, self.event_id)
        self.form.load(draft.values, force=force)
        self.edits.refreshed(version)
        if draft.image_size is not None:
            width, height = draft.image_size
            self.image_label.setText(f"{draft.image_name} ({width} × {height} pixels)")
        else:
            self.image_label.setText("No image")
        self.remove_image.setEnabled(draft.image_size is not None)
        self.edited.emit()

    def flush(self) -> None:
        """Save what is typed now."""
        self.form.save_now()

    def typed_values(self) -> dict[str, Any]:
        """What the form holds now, less what could not print (for the preview)."""
        values, errors = self.form.read()
        usable = {k: v for k, v in values.items() if k not in errors}
        while usable:
            try:
                return flyers.check_values(usable, {})
            except ValidationError as exc:
                usable.pop(exc.field if exc.field in usable else next(iter(usable)))
        return {}

    def save(self) -> None:
        """Save what the person changed since the draft was shown (so a field someone else
        saved meanwhile is kept, and the same field changed by both asks which to keep);
        refused values keep their text and a message."""
        if self.event_id is None:
            return
        values, errors = self.form.read()
        self.edits.save(self.event_id, values, errors)

    def pick_image(self) -> None:
        """Choose a PNG or JPEG; a missing, unreadable, huge or corrupt file is explained."""
        if self.event_id is None:
            return
        picked = choose_image_file(self)
        if picked is None:
            return
        try:
            name, data = picked.read()
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        store, event_id = self.runner.store, self.event_id
        self.flush()
        self.runner.push(
            "Choose flyer image",
            lambda: flyers.set_image(store, event_id=event_id, data=data, name=name),
            flyer_inverse(store),
        )

    def drop_image(self) -> None:
        """Take the image off the draft (Edit ▸ Undo puts it back)."""
        if self.event_id is None:
            return
        store, event_id = self.runner.store, self.event_id
        values = {"image_id": None, "image_placement": Placement.NONE.value}
        self.runner.push(
            "Remove flyer image",
            lambda: flyers.update_flyer(store, event_id=event_id, values=values),
            flyer_inverse(store),
        )

    def fill_from_event(self) -> None:
        """Write the words again from the event, after asking (undoable)."""
        if self.event_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Fill again from the event",
            "Write the flyer's words again from the event's details, programme and speakers? "
            "Words changed by hand are replaced.\n\nEdit ▸ Undo (Ctrl+Z) brings them back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.flush()
        store, event_id = self.runner.store, self.event_id
        changes = self.runner.push(
            "Fill flyer from the event",
            lambda: flyers.refill_from_event(store, event_id=event_id),
            flyer_inverse(store),
        )
        if changes is not None:
            self._load(force=True)
