"""Getting started's guided form: an event's title, date and times, venue and working group,
checked as they are typed and said under each field (organiser.ui.start_event makes it)."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.events.rules import check_details, detail_warnings
from organiser.ui.host import WindowHost
from organiser.ui.planning.details import FIELDS as DETAIL_FIELDS
from organiser.ui.start_event import MEMBERS, NewEvent, make_event, split_names
from organiser.ui.widgets.form import FieldForm

KEYS = ("title", "date", "start_time", "end_time", "venue_name")
FIELDS = tuple(field for key in KEYS for field in DETAIL_FIELDS if field.key == key)


class GuidePage(QWidget):
    """A page of Getting started: words and fields that scroll when the screen is short,
    and a row of buttons under them that always shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QWidget(self)
        self.column = QVBoxLayout(self.body)
        self.buttons = QHBoxLayout()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.buttons)

    def wanted_height(self, width: int) -> int:
        """The height that shows everything at this width without scrolling."""
        body = self.body.heightForWidth(width)
        if body < 0:
            body = self.body.sizeHint().height()
        layout = self.layout()
        assert layout is not None
        slack = self.fontMetrics().height()  # a line to spare, so no scroll bar steals width
        return body + layout.spacing() + self.buttons.sizeHint().height() + slack


class FirstEventForm(GuidePage):
    """Title, date and times, venue and who is in the working group; Enter creates."""

    created = Signal(int)
    back_requested = Signal()
    messages_changed = Signal()  # the form may want more room

    def __init__(self, window: WindowHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = window
        self._past_kept: dt.date | None = None  # a past date the person chose to keep
        self.heading = QLabel(self)
        self.heading.setObjectName("first_event_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = FieldForm(FIELDS, self)
        self.form.save_requested.connect(self._recheck)  # nothing is saved before Create
        self.name = QLineEdit(self)
        self.name.setObjectName("member_name")
        self.name.setAccessibleName("Add a name to the working group")
        self.name.setPlaceholderText("A name, then Enter")
        self.name.installEventFilter(self)
        self.add_button = QPushButton("&Add to the working group", self)
        self.add_button.setObjectName("add_member")
        self.add_button.clicked.connect(self.add_name)
        self.members = QPlainTextEdit(self)
        self.members.setObjectName(MEMBERS)
        self.members.setAccessibleName("Working group")
        self.members.setAccessibleDescription("One name a line")
        self.members.setPlaceholderText("One name a line, for example\nAmira Hassan\nTom Reeve")
        self.members.setTabChangesFocus(True)
        self.members.setFixedHeight(self.members.fontMetrics().lineSpacing() * 4 + 12)
        self.members.textChanged.connect(self._recheck_members)
        self.members_message = QLabel(self)
        self.members_message.setObjectName(f"{MEMBERS}_message")
        self.members_message.setWordWrap(True)
        self.members_message.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.members_message.setProperty("role", "error")
        self.members_message.hide()
        self.later = QLabel(
            "You can change all of this later, on Planning ▸ Details and Working group.", self
        )
        self.later.setWordWrap(True)
        self.back = QPushButton("&Back", self)
        self.back.setObjectName("back")
        self.back.clicked.connect(self.back_requested)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("create_event")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_event)
        self._lay_out()
        self.set_mode(first=True, then_import="")

    def _lay_out(self) -> None:
        rows = self.form.layout()
        assert isinstance(rows, QFormLayout)
        adding = QHBoxLayout()
        adding.setContentsMargins(0, 0, 0, 0)
        adding.addWidget(self.name, 1)
        adding.addWidget(self.add_button)
        name_label = QLabel("Add a &name", self.form)
        name_label.setBuddy(self.name)
        rows.addRow(name_label, adding)
        group = QVBoxLayout()
        group.setSpacing(2)
        group.addWidget(self.members)
        group.addWidget(self.members_message)
        group_label = QLabel("&Working group", self.form)
        group_label.setBuddy(self.members)
        rows.addRow(group_label, group)
        self.buttons.addWidget(self.back)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.create_button)
        for widget in (self.heading, self.intro, self.form, self.later):
            self.column.addWidget(widget)
        self.column.addStretch(1)
        order = [
            *(self.form.inputs[key] for key in KEYS),
            self.name,
            self.add_button,
            self.members,
            self.back,
            self.create_button,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def set_mode(self, *, first: bool, then_import: str) -> None:
        """Word the form for a first event or another, and for an import that follows."""
        what = "your first event" if first else "a new event"
        self.heading.setText(f"<b style='font-size: large'>Start {what}</b>")
        if then_import:
            self.intro.setText(
                f"First, the event the {then_import} belong to. Only the title is needed; "
                "then Organiser asks which file to import."
            )
            self.create_button.setText("&Create event, then choose the file…")
        else:
            self.intro.setText(
                "Only the title is needed. Add the date, times, venue and the people in the "
                "working group now or later."
            )
            self.create_button.setText("&Create event")

    def start(self) -> None:
        """Put the cursor in the title."""
        self.form.inputs["title"].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in "Add a name" adds the name; elsewhere it creates the event.
        if (
            watched is self.name
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_name()
            return True
        return super().eventFilter(watched, event)

    def add_name(self) -> None:
        """Put the typed name on a line of its own at the end of the working group."""
        name = " ".join(self.name.text().split())
        if not name:
            return
        text = self.members.toPlainText().rstrip("\n")
        self.members.setPlainText(f"{text}\n{name}" if text.strip() else name)
        self.name.clear()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check(self, *, submitting: bool) -> tuple[NewEvent | None, dict[str, str]]:
        values, errors = self.form.read()
        title = str(values.pop("title", "") or "")
        details = {key: value for key, value in values.items() if value not in (None, "")}
        if not title.strip():
            errors["title"] = "Give the event a title: it is all Organiser needs to start."
        try:
            check_details(details, {})
        except ValidationError as exc:
            errors.setdefault(exc.field or "title", str(exc))
        date = details.get("date")
        if "date" not in errors and date is not None and date != self._past_kept:
            for warning in detail_warnings(date, today=dt.date.today()):
                button = self.create_button.text().replace("&", "")
                again = f" Check it, or press {button} again to keep it." if submitting else ""
                errors["date"] = warning + again
                if submitting:
                    self._past_kept = date
        try:
            members = split_names(self.members.toPlainText())
        except ValidationError as exc:
            errors[MEMBERS] = str(exc)
            members = ()
        if errors:
            return None, errors
        return NewEvent(title.strip(), details, members), errors

    def _show(self, errors: dict[str, str]) -> None:
        self.form.show_errors({k: v for k, v in errors.items() if k != MEMBERS})
        text = errors.get(MEMBERS, "")
        self.members_message.setText(f"⚠ {text}" if text else "")
        self.members_message.setVisible(bool(text))
        self.members.setProperty("invalid", bool(text))
        self.members.style().unpolish(self.members)
        self.members.style().polish(self.members)
        self.messages_changed.emit()

    def clear_messages(self) -> None:
        """Start the form afresh (what was typed stays; a value that cannot be read is
        still said)."""
        self._show({})

    def _recheck(self) -> None:
        """As a field is left or typing pauses: say what cannot be read; a missing title is
        said only again once it was said on Create, and cleared as soon as it is given."""
        _plan, errors = self._check(submitting=False)
        if not self.form.messages["title"].isVisible():
            errors.pop("title", None)
        if not self.members_message.isVisible():
            errors.pop(MEMBERS, None)
        self._show(errors)

    def _recheck_members(self) -> None:
        if self.members_message.isVisible():
            self._recheck()

    def create_event(self) -> int | None:
        """Check the form; make the event, or say under each field what needs changing."""
        plan, errors = self._check(submitting=True)
        if plan is None:
            self._show(errors)
            self._focus_first(errors)
            return None
        self._show({})
        try:
            event_id = make_event(self.host, plan)
        except ValidationError as exc:
            field = exc.field if exc.field in (*KEYS, MEMBERS) else "title"
            self._show({field: str(exc)})
            self._focus_first({field: ""})
            return None
        except OrganiserError as exc:
            self.host.runner.show_error(str(exc))
            return None
        self.created.emit(event_id)
        return event_id

    def _focus_first(self, errors: dict[str, str]) -> None:
        for key in (*KEYS, MEMBERS):
            if key in errors:
                widget = self.members if key == MEMBERS else self.form.inputs[key]
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
