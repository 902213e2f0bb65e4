"""Enter responses: paper forms typed in one per screen, from the keyboard, counted as you go."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.creche import service as creche
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.feedback import form, languages, responses
from organiser.core.feedback.form import Question
from organiser.core.feedback.kinds import Standard
from organiser.ui.creche.common import button, row_of, set_role, tell, wrapped
from organiser.ui.feedback.answers import AnswerForm, as_answers
from organiser.ui.feedback.undo import response_inverse
from organiser.ui.ops import OpRunner

SEES = Touched.FEEDBACK | Touched.BOOKINGS | Touched.INVITATIONS | Touched.EVENTS
HELP = (
    "Type in one paper form at a time. Number keys pick an answer (1 is the first choice), "
    "Enter moves to the next question, Ctrl+Enter saves the form and starts the next one."
)
NOT_LINKED = "Not linked"
ENGLISH = "English"


class EntryPage(QWidget):
    """One empty form after another; each saved form can be undone (Ctrl+Z)."""

    SEES = SEES

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.questions: list[Question] = []
        self.shown: dict[int, Any] = {}  # each question's words on a translated paper
        self.entered: set[int] = set()  # responses saved on this page since it opened
        self.existing: set[int] = set()
        self.heading = wrapped(self, "entry_help")
        self.heading.setText(HELP)
        self.count = wrapped(self, "entry_count", role="subheading")
        self.paper = QComboBox(self)
        self.paper.setObjectName("entry_language")
        self.paper.setAccessibleName("Language of the paper form")
        self.paper.currentIndexChanged.connect(self._paper_chosen)
        self.paper_label = QLabel("&Paper form in:", self)
        self.paper_label.setBuddy(self.paper)
        self.shown_language = ""  # the paper's language, "" for English
        self.message = wrapped(self, "entry_message", role="error")
        self.message.hide()
        self.answers = AnswerForm(self)
        self.answers.setObjectName("entry_answers")
        self.answers.submit_requested.connect(self.save_form)
        self.answers.end_reached.connect(self._to_save_button)
        self.answers.answer_changed.connect(self._answered)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = QWidget(self.scroll_area)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.answers)
        self.scroll_area.setWidget(inner)
        self.booking = QComboBox(self)
        self.booking.setObjectName("link_booking")
        self.booking.setAccessibleName("Link to booking")
        self.booking.setMinimumContentsLength(24)
        self.booking.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.booking_label = QLabel("&Link to booking:", self)
        self.booking_label.setBuddy(self.booking)
        self.booking_note = wrapped(self, "link_note")
        self.save_button = button(self, "&Save form and start the next (Ctrl+Enter)", "save_form")
        self.save_button.clicked.connect(self.save_form)
        self.save_button.setAutoDefault(
            True
        )  # Enter on it saves, as Enter on the last question leads here
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_form)
        self.clear_button = button(self, "Clear this form", "clear_form")
        self.clear_button.clicked.connect(self.start_next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        papers = row_of(self.paper_label, self.paper)
        papers.addStretch(1)
        layout.addLayout(papers)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        links = row_of(self.booking_label, self.booking)
        links.addWidget(self.booking_note, 1)
        layout.addLayout(links)
        layout.addLayout(row_of(self.save_button, self.clear_button))

    def set_event(self, event_id: int | None) -> None:
        """Start an empty form for another event (the same event keeps what is typed)."""
        same = event_id == self.event_id
        self.event_id = event_id
        if not same:
            self.entered.clear()
            self.questions = []
        self._load(clear=not same)

    def _to_save_button(self) -> None:
        self.save_button.setFocus()

    def refresh(self, _changes: Changes) -> None:
        """A changed form is rebuilt (answers given so far kept); counts and bookings reloaded."""
        self._load(clear=False)

    def flush(self) -> None:
        """Nothing to save until the form is complete: what is typed stays on screen."""

    def unsaved(self) -> str | None:
        """Say so when a paper form is half typed in."""
        if self.event_id is not None and self.answers.has_typing():
            return "A feedback form is half typed in (Feedback ▸ Enter responses)."
        return None

    def _load(self, *, clear: bool) -> None:
        enabled = self.event_id is not None
        for widget in (self.save_button, self.clear_button, self.answers):
            widget.setEnabled(enabled)
        if self.event_id is None:
            self.answers.set_questions([])
            self.count.setText("Choose or create an event to enter its feedback.")
            self.booking.clear()
            return
        store = self.runner.store
        questions = form.list_questions(store, self.event_id)
        versions = languages.list_form_languages(store, self.event_id)
        shown = self._papers(versions, questions)
        if _shape(questions) != _shape(self.questions) or shown != self.shown:
            self.questions, self.shown = questions, shown
            self.answers.set_questions(questions, shown)
        if clear:
            self.answers.clear()
        self.existing = {r.id for r in responses.list_responses(store, self.event_id)}
        self._show_count()
        self._load_bookings()

    def _papers(
        self, versions: list[languages.FormLanguage], questions: list[Question]
    ) -> dict[int, Any]:
        """Offer the form's language versions; the chosen one's words, by question."""
        names = [ENGLISH, *(v.language for v in versions)]
        if [self.paper.itemText(i) for i in range(self.paper.count())] != names:
            self.paper.blockSignals(True)
            self.paper.clear()
            self.paper.addItems(names)
            self.paper.setCurrentIndex(max(self.paper.findText(self.shown_language), 0))
            self.paper.blockSignals(False)
            if self.shown_language and self.shown_language not in names:
                self._say(
                    f"The {self.shown_language} version of the form was removed: the questions "
                    "show in English now (the answers keep their places)."
                )
        self.paper_label.setVisible(len(names) > 1)
        self.paper.setVisible(len(names) > 1)
        self.shown_language = self.paper.currentText() if self.paper.currentIndex() > 0 else ""
        chosen = next((v for v in versions if v.language == self.shown_language), None)
        if chosen is None:
            return {}
        return {q.id: chosen.question(q.id, q.choices) for q in questions}

    def _paper_chosen(self, _index: int) -> None:
        """Type in papers in another language: its words shown beside the English."""
        self.shown_language = self.paper.currentText() if self.paper.currentIndex() > 0 else ""
        self._load(clear=False)
        self.answers.focus_first()

    def _show_count(self) -> None:
        # Undo takes a form out of the count and redo puts it back (it keeps its id).
        entered, total = len(self.entered & self.existing), len(self.existing)
        self.count.setText(
            f"Forms entered this session: {entered} · "
            f"{total} response{'s' if total != 1 else ''} in all"
        )

    def _load_bookings(self) -> None:
        assert self.event_id is not None
        current = self.booking.currentData()
        self.booking.blockSignals(True)
        self.booking.clear()
        self.booking.addItem(NOT_LINKED, None)
        for row in creche.list_bookings(self.runner.store, self.event_id):
            if not row.anonymised:
                self.booking.addItem(row.name, row.id)
        found = self.booking.findData(current) if current is not None else 0
        self.booking.setCurrentIndex(max(found, 0))
        self.booking.blockSignals(False)
        self._update_link()

    def _consent_question(self) -> int | None:
        for question in self.questions:
            if question.standard == Standard.CONTACT_CONSENT.value:
                return question.id
        return None

    def _contact_agreed(self) -> bool:
        qid = self._consent_question()
        return qid is not None and self.answers.value(qid) == "Yes"

    def _answered(self, question_id: int) -> None:
        if question_id == self._consent_question():
            self._update_link()

    def _update_link(self) -> None:
        agreed = self._contact_agreed()
        self.booking.setEnabled(agreed and self.booking.count() > 1)
        if not agreed:
            self.booking.setCurrentIndex(0)
            note = "Only when they agreed to be contacted (answer Yes to that question)."
        elif self.booking.count() <= 1:
            note = "There are no bookings to link to."
        else:
            note = "Optional: whose booking this form belongs to."
        self.booking_note.setText(note)

    def save_form(self) -> None:
        """Save the form on screen and start an empty one (Ctrl+Z deletes it again)."""
        if self.event_id is None:
            return
        event_id, store = self.event_id, self.runner.store
        answers = as_answers(self.answers.values())
        booking_id = self.booking.currentData() if self._contact_agreed() else None
        source = f"Paper form ({self.shown_language})" if self.shown_language else "Paper form"
        try:
            changes = self.runner.push(
                "Enter a feedback form",
                lambda: responses.add_response(
                    store,
                    event_id=event_id,
                    answers=answers,
                    booking_id=booking_id,
                    source=source,
                ),
                response_inverse(store),
                quiet=True,
            )
        except ValidationError as exc:
            self._refused(exc)
            return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        assert changes is not None and changes.created_id is not None
        self.entered.add(changes.created_id)
        self.existing.add(changes.created_id)
        self._show_count()
        tell(self, f"Form {len(self.entered & self.existing)} saved. Ctrl+Z takes it out again.")
        self.start_next()

    def _refused(self, exc: ValidationError) -> None:
        field = exc.field or ""
        qid = int(field) if field.isdigit() else None
        if qid in self.answers.inputs:
            question = next(q for q in self.questions if q.id == qid)
            text = str(exc).removeprefix(question.text).strip()
            self.answers.show_errors({qid: text})
            self._say(f"Not saved: question {self.questions.index(question) + 1} needs a look.")
            self.answers.inputs[qid].setFocus()
        else:
            self.answers.show_errors({})
            self._say(f"Not saved: {exc}")

    def _say(self, text: str) -> None:
        self.message.setText(f"⚠ {text}" if text else "")
        set_role(self.message, "error")
        self.message.setVisible(bool(text))

    def start_next(self) -> None:
        """An empty form, the cursor on its first question."""
        self.answers.clear()
        self.booking.setCurrentIndex(0)
        self._update_link()
        self._say("")
        self.scroll_area.verticalScrollBar().setValue(0)
        self.answers.focus_first()


def _shape(questions: list[Question]) -> list[tuple[object, ...]]:
    """What the inputs are built from (not how many answers each has had)."""
    return [(q.id, q.kind, q.text, q.choices, q.standard) for q in questions]
