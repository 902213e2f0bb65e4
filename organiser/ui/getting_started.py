"""Getting started: on the first start (no events yet) and from Help ▸ Getting started…, a
newcomer starts their first event, opens the example event, or imports a file of bookings or
feedback (into the open event, or into one they start first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core.events import service as events
from organiser.ui.first_event import FirstEventForm, GuidePage
from organiser.ui.host import WindowHost
from organiser.ui.widgets.mnemonics import mark_scope

# What a file can hold: the words for it, and where its import lives.
IMPORTS = {
    "bookings": ("bookings", "creche", "bookings"),
    "feedback": ("feedback responses", "feedback", "responses"),
}


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b style='font-size: large'>{text}</b>", parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _words(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # an event's title is shown as typed
    label.setWordWrap(True)
    return label


class GettingStartedDialog(QDialog):
    """Three ways in, each a button with a line of plain words under it; Close (or Esc)
    leaves an empty window."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.host = window
        self.setObjectName("getting_started")
        self.setWindowTitle("Getting started")
        self.then_import = ""  # the kind of file to import once the event is made
        self.pages = QStackedWidget(self)
        self.choices = GuidePage(self)
        self.form = FirstEventForm(window, self)
        self.form.back_requested.connect(self.show_choices)
        self.form.created.connect(self._created)
        self.form.messages_changed.connect(lambda: self._fit(self.form))
        self.imports = GuidePage(self)
        for page in (self._fill_choices(), self.form, self._fill_imports()):
            mark_scope(page)  # never on screen together: each page's Alt+letters its own
            self.pages.addWidget(page)
        QVBoxLayout(self).addWidget(self.pages)
        self.show_choices()

    def _choice(self, page: GuidePage, text: str, words: str, name: str) -> QPushButton:
        button = QPushButton(text, page.body)
        button.setObjectName(name)
        button.setAccessibleDescription(words)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        page.column.addSpacing(6)
        page.column.addLayout(row)
        page.column.addWidget(_words(words, page.body))
        return button

    def _fill_choices(self) -> GuidePage:
        page, column = self.choices, self.choices.column
        column.addWidget(_heading("Welcome to Organiser", page.body))
        column.addWidget(
            _words(
                "Organiser helps a working group plan an event together, run the day, and "
                "write up what happened. What you type is saved as you go; a new entry in a list "
                "is added when you press its Add button or Enter.",
                page.body,
            )
        )
        first = not events.list_events(self.host.store, include_archived=True)
        self.start = self._choice(
            page,
            "&Start your first event" if first else "&Start a new event",
            "Give it a title, a date and time, a venue and who is in the working group. "
            "You can change any of it later.",
            "start_event",
        )
        self.start.clicked.connect(lambda: self.show_form(then_import=""))
        self.example = self._choice(
            page,
            "Open the &example event",
            "A parent-led Pilates and wellbeing morning, already filled in: look around "
            "and try things out.",
            "open_example",
        )
        self.example.clicked.connect(self.open_example)
        self.import_button = self._choice(
            page,
            "&Import bookings or feedback from a file",
            "Creche bookings, or feedback responses from an online form (CSV or Excel). "
            "They go into an event.",
            "import_file",
        )
        self.import_button.clicked.connect(self.show_imports)
        column.addStretch(1)
        column.addWidget(_words("Help ▸ Getting started… brings this back at any time.", page.body))
        self.close_button = QPushButton("&Close", page)
        self.close_button.setObjectName("close")
        self.close_button.setAccessibleDescription("Start with an empty window")
        self.close_button.clicked.connect(self.reject)
        page.buttons.addStretch(1)
        page.buttons.addWidget(self.close_button)
        return page

    def _fill_imports(self) -> GuidePage:
        page, column = self.imports, self.imports.column
        column.addWidget(_heading("Import from a file", page.body))
        self.import_words = _words("", page.body)
        self.import_words.setObjectName("import_words")
        column.addWidget(self.import_words)
        column.addWidget(_words("What does the file hold?", page.body))
        self.bookings = self._choice(
            page,
            "Boo&kings for the creche",
            "Parents and the children they are booking in, from a CSV file.",
            "import_bookings",
        )
        self.bookings.clicked.connect(lambda: self.choose_import("bookings"))
        self.feedback = self._choice(
            page,
            "&Feedback responses",
            "Answers exported from an online form, as a CSV or Excel file.",
            "import_feedback",
        )
        self.feedback.clicked.connect(lambda: self.choose_import("feedback"))
        column.addStretch(1)
        self.import_back = QPushButton("&Back", page)
        self.import_back.setObjectName("back")
        self.import_back.clicked.connect(self.show_choices)
        page.buttons.addWidget(self.import_back)
        page.buttons.addStretch(1)
        return page

    def _fit(self, page: GuidePage) -> None:
        """Big enough for the page shown, never bigger than the screen (pages scroll)."""
        screen = self.host.window().screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.9
        width = min(max(self.fontMetrics().averageCharWidth() * 80, self.width()), room.width())
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        height = page.wanted_height(inner) + margins.top() + margins.bottom()
        self.resize(width, min(max(height, self.height()), room.height()))

    def _show_page(self, page: GuidePage, focus: QWidget) -> None:
        self.pages.setCurrentIndex([self.choices, self.form, self.imports].index(page))
        self._fit(page)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_choices(self) -> None:
        """The three ways in."""
        self._show_page(self.choices, self.start)

    def show_form(self, *, then_import: str) -> None:
        """The guided form, worded for a first event and for an import that follows."""
        self.then_import = then_import
        first = not events.list_events(self.host.store, include_archived=True)
        words = IMPORTS[then_import][0] if then_import else ""
        self.form.set_mode(first=first, then_import=words)
        self.form.clear_messages()
        self._show_page(self.form, self.form.form.inputs["title"])

    def show_imports(self) -> None:
        """Which kind of file; it goes into the open event, or one started first."""
        event_id = self.host.event_id
        if event_id is not None:
            title = events.get_event(self.host.store, event_id).title
            text = (
                f"Bookings and feedback responses go into an event: these go into the open "
                f"event, “{title}”. To use another event, choose it in the event list first."
            )
        else:
            text = (
                "Bookings and feedback responses go into an event, and no event is open "
                "yet. Once you have chosen, start the event they belong to (a title is "
                "enough); then Organiser asks for the file."
            )
        self.import_words.setText(text)
        self._show_page(self.imports, self.bookings)

    def choose_import(self, kind: str) -> None:
        """Import into the open event now, or start the event first."""
        if self.host.event_id is None:
            self.show_form(then_import=kind)
        else:
            self.accept()
            import_into(self.host, kind, self.host.event_id)

    def open_example(self) -> None:
        """Open the example event (added only when there is none) and close."""
        from organiser.ui.commands import open_example

        self.accept()
        open_example(self.host)

    def _created(self, event_id: int) -> None:
        self.accept()
        if self.then_import:
            import_into(self.host, self.then_import, event_id)


def import_into(window: WindowHost, kind: str, event_id: int) -> None:
    """Show the page the import belongs to, then ask for the file there."""
    _words, tab, page = IMPORTS[kind]
    window.open_page(tab, page)
    if kind == "bookings":
        from organiser.ui.creche import csv_actions

        csv_actions.import_bookings(window.window(), window.runner, event_id)
    else:
        from organiser.ui.feedback import csv_actions as feedback_csv

        feedback_csv.import_responses(window.window(), window.runner, event_id)


def show_getting_started(window: WindowHost) -> GettingStartedDialog:
    """Help ▸ Getting started…: open the dialog over the window (it does not block)."""
    dialog = GettingStartedDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def offer_at_start(window: WindowHost) -> GettingStartedDialog | None:
    """On the first start (no events at all, and a database that can be written)."""
    store = window.store
    if store.read_only is not None or events.list_events(store, include_archived=True):
        return None
    return show_getting_started(window)
