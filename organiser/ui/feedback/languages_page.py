"""The Languages page: the paper feedback form in another language, its own words and each
question typed under the English, and a member who reads the language checking it.

A box left empty shows its English in grey and prints in English (the export says which).
Choices are typed one per line in the English order: a tick on the translated paper is entered
as the English choice in that place, so every version's answers are counted together.
Edits save as they are typed and are on Edit ▸ Undo; adding and removing a version too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError
from organiser.core.events.service import get_event
from organiser.core.feedback import languages
from organiser.core.feedback.form import Question, list_questions
from organiser.core.feedback.printing import ENGLISH
from organiser.core.planning.service import list_members
from organiser.ui import printing
from organiser.ui.ops import Call, OpRunner
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.form import SavedForm
from organiser.ui.widgets.language_version import (
    ask_language,
    checked_words,
    english_rows,
    fill_members,
)
from organiser.ui.widgets.versioned_edits import VersionedEdits, versioned_edits

LONG = {"intro", "quote_hint", "contact_hint", "sign_in_intro"}


def fields_for(questions: list[Question]) -> tuple[Field, ...]:
    """The form's own words, then each question's wording and (where it has them) choices,
    then the sign-in sheet's words and the phone form's."""
    own = tuple(
        Field(key, label, Kind.TEXT if key in LONG else Kind.LINE)
        for key, label in languages.FORM_WORDS
    )
    asked: list[Field] = []
    for number, question in enumerate(questions, start=1):
        asked.append(Field(languages.text_key(question.id), f"Question {number}", Kind.LINE))
        if question.choices and languages.has_translated_choices(question.kind, question.standard):
            asked.append(
                Field(
                    languages.choices_key(question.id),
                    f"Question {number}: choices, one per line in this order",
                    Kind.TEXT,
                )
            )
    door = tuple(
        Field(key, label, Kind.TEXT if key in LONG else Kind.LINE)
        for key, label in languages.SIGN_IN_WORDS
    )
    phone = tuple(Field(key, label, Kind.LINE) for key, label in languages.PHONE_WORDS)
    return own + tuple(asked) + door + phone


def _inverse(store: Any) -> Any:
    """Undo (and redo) of adding, removing and editing a version: a removal's snapshot comes
    back whole, an added version goes, an edit's old words come back (the check it took back
    stays taken back)."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            saved = changes.snapshot
            return lambda: languages.restore_form_language(store, snapshot=saved)
        language_id = changes.row_id
        assert language_id is not None
        if changes.created_id is not None:
            return lambda: languages.remove_form_language(store, language_id=language_id)
        words = {k: v for k, v in changes.previous.items() if k not in ("checked_by", "checked_at")}
        return lambda: languages.update_form_language(store, language_id=language_id, values=words)

    return inverse


class LanguagesPage(QWidget):
    """The feedback form's language versions, one at a time."""

    SEES = Touched.FEEDBACK | Touched.MEMBERS | Touched.EVENTS | Touched.INVITATIONS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.shown: languages.FormLanguage | None = None
        self.questions: list[Question] = []
        self.english_when = ""  # the date and place as the English form prints them
        self.choice = QComboBox(self)
        self.choice.setObjectName("form_language_choice")
        self.choice.setAccessibleName("Language version of the form")
        self.choice.currentIndexChanged.connect(self._chosen)
        self.add_button = QPushButton("&Add a language…", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Re&move this language…", self)
        self.remove_button.clicked.connect(self.remove)
        self.export_button = QPushButton("Save as &PDF…", self)
        self.export_button.setToolTip("The paper form in this language, to print")
        self.export_button.clicked.connect(self.save_pdf)
        self.sign_in_button = QPushButton("Save sign-in sheet…", self)
        self.sign_in_button.setToolTip(
            "A sheet for the door in this language beside the English: first names and how "
            "many came"
        )
        self.sign_in_button.clicked.connect(self.save_sign_in)
        self.empty = QLabel(
            "No language versions yet. Add one to print the paper form in a language the "
            "community reads: each question is typed under its English, and a member who reads "
            "the language checks it. Answers from every version are counted together.",
            self,
        )
        self.empty.setObjectName("form_languages_empty")
        self.empty.setWordWrap(True)
        self.checker = QComboBox(self)
        self.checker.setObjectName("form_language_checker")
        self.checker.setAccessibleName("Member who checked the translation")
        self.check_button = QPushButton("Mark as &checked", self)
        self.check_button.clicked.connect(self.mark_checked)
        self.check_state = QLabel(self)
        self.check_state.setObjectName("form_language_checked")
        self.check_state.setWordWrap(True)
        self.editor = QWidget(self)
        self.column = QVBoxLayout(self.editor)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.empty)
        self.form: SavedForm | None = None
        self.english_labels: dict[str, QLabel] = {}
        self._make_form([])
        assert self.form is not None
        self.edits: VersionedEdits = versioned_edits(
            self,
            runner,
            self.form,
            noun="language version",
            action="Edit feedback form translation",
            current=lambda: self.shown.id if self.shown else None,
            version_of=languages.form_language_version,
            update=languages.update_form_language,
            key="language_id",
            inverse=_inverse,
        )
        self._build()

    def _make_form(self, questions: list[Question]) -> None:
        if self.form is not None:
            self.form.save_now()
            self.column.removeWidget(self.form)
            self.form.hide()  # at once: it is deleted once control returns to the event loop
            self.form.setParent(None)
            self.form.deleteLater()
        self.questions = questions
        self.form = SavedForm(fields_for(questions), self.editor)
        self.form.setObjectName("form_language_words")
        self.form.save_requested.connect(self.save)
        rows = self.form.layout()
        assert isinstance(rows, QFormLayout)
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.english_labels = english_rows(self.form.inputs)
        self.column.insertWidget(self.column.indexOf(self.empty) + 1, self.form)
        if hasattr(self, "edits"):  # the questions changed: edits save from the new boxes
            self.edits.form = self.form

    def _build(self) -> None:
        chosen = QLabel("&Language:", self)
        chosen.setBuddy(self.choice)
        bar = FlowLayout()  # wraps onto a second line at large text sizes
        for widget in (chosen, self.choice, self.add_button, self.remove_button):
            bar.addWidget(widget)
        bar.addWidget(self.export_button)
        bar.addWidget(self.sign_in_button)
        checked_row = QHBoxLayout()
        checker_label = QLabel("Chec&ked by:", self)
        checker_label.setBuddy(self.checker)
        checked_row.addWidget(checker_label)
        checked_row.addWidget(self.checker, 1)
        checked_row.addWidget(self.check_button)
        self.column.addWidget(self.check_state)
        self.column.addLayout(checked_row)
        self.column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    # Loading.

    def set_event(self, event_id: int | None) -> None:
        """Show another event's language versions (saving what was typed first)."""
        self.flush()
        self.event_id = event_id
        self.shown = None
        self._load(force=True)

    def refresh(self, changes: Changes) -> None:
        if changes.event_id not in (None, self.event_id):
            return
        self._load(force=False)

    def flush(self) -> None:
        """Save what is typed now."""
        if self.form is not None:
            self.form.save_now()

    def _load(self, *, force: bool) -> None:
        found: list[languages.FormLanguage] = []
        questions: list[Question] = []
        if self.event_id is not None:
            try:
                found = languages.list_form_languages(self.runner.store, self.event_id)
                questions = list_questions(self.runner.store, self.event_id)
                event = get_event(self.runner.store, self.event_id)
                self.english_when = languages.english_when(event.date, event.venue_name)
                members = list_members(self.runner.store, self.event_id)
            except OrganiserError:
                return  # the event went away; the window is moving to another
            fill_members(self.checker, members)
        if _shape(questions) != _shape(self.questions):
            self._make_form(questions)
            force = True
        wanted = self.shown.language if self.shown else None
        self.choice.blockSignals(True)
        self.choice.clear()
        for version in found:
            self.choice.addItem(version.language, version.language)
        index = self.choice.findData(wanted) if wanted else 0
        self.choice.setCurrentIndex(max(index, 0) if found else -1)
        self.choice.blockSignals(False)
        has = bool(found)
        assert self.form is not None
        for widget in (self.form, self.check_state):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        controls = (self.remove_button, self.export_button, self.sign_in_button, self.checker)
        for control in (*controls, self.check_button):
            control.setEnabled(has)
        self.add_button.setEnabled(self.event_id is not None)
        self._show(found[max(index, 0)] if has else None, force=force)

    def _chosen(self, _index: int) -> None:
        self.flush()
        language = self.choice.currentData()
        if self.event_id is None or language is None:
            return
        found = languages.get_form_language(self.runner.store, self.event_id, language)
        self._show(found, force=True)

    def _english(self) -> dict[str, str]:
        english = {**ENGLISH, "when_text": self.english_when}
        for question in self.questions:
            english[languages.text_key(question.id)] = question.text
            english[languages.choices_key(question.id)] = "\n".join(question.choices)
        return english

    def _show(self, version: languages.FormLanguage | None, *, force: bool) -> None:
        if version is None:
            self.shown = None
            self.edits.clear()
            return
        if self.shown is None or self.shown.id != version.id:
            force = True
        self.shown = version
        assert self.form is not None
        english = self._english()
        changed = {
            languages.choices_key(q.id)
            for q in self.questions
            if version.choices_changed(q.id, q.choices)
        }
        for key, label in self.english_labels.items():
            text = english.get(key, "")
            label.setText(f"English: {text}" if text else "English: (empty)")
            if key in changed:  # a tick must never land on another choice
                label.setText(
                    f"{label.text()}\n⚠ The English choices have changed since these were "
                    "typed: they print in English until typed again in this order."
                )
            widget = self.form.inputs[key]
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setPlaceholderText(text)
        version_now = self.edits.version_now(version.id)
        self.form.load(version.values, force=force)
        self.edits.refreshed(version_now)
        self.check_state.setText(
            checked_words(version.language, version.checked_by, version.checked_at)
        )

    # Changes.

    def save(self) -> None:
        if self.shown is None or self.form is None:
            return
        values, errors = self.form.read()
        self.edits.save(self.shown.id, values, errors)

    def add(self) -> None:
        """Add a language version (chosen from the common ones, or typed)."""
        if self.event_id is None:
            return
        name = ask_language(self, {self.choice.itemData(i) for i in range(self.choice.count())})
        if name is None:
            return
        self.flush()
        store, event_id = self.runner.store, self.event_id
        changes = self.runner.push(
            f"Add {name.strip()} version of the feedback form",
            lambda: languages.add_form_language(store, event_id=event_id, language=name),
            _inverse(store),
        )
        if changes is not None:
            found = languages.list_form_languages(store, event_id)
            self.shown = next((v for v in found if v.id == changes.created_id), None)
            self._load(force=True)

    def remove(self) -> None:
        """Remove the shown version, after asking (Edit ▸ Undo brings it back)."""
        if self.event_id is None or self.shown is None:
            return
        language, language_id = self.shown.language, self.shown.id
        answer = QMessageBox.question(
            self,
            "Remove a language version",
            f"Remove the {language} version of the feedback form and its words?\n\n"
            "Edit ▸ Undo (Ctrl+Z) brings it back. Answers already entered stay.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.flush()
        store = self.runner.store
        self.runner.push(
            f"Remove {language} version of the feedback form",
            lambda: languages.remove_form_language(store, language_id=language_id),
            _inverse(store),
        )
        self.shown = None
        self._load(force=True)

    def mark_checked(self) -> None:
        """Record that the chosen member, who reads the language, checked this version."""
        if self.shown is None or self.checker.currentData() is None:
            return
        self.flush()
        store, language_id, member = self.runner.store, self.shown.id, self.checker.currentData()
        self.runner.call(
            lambda: languages.check_form_language(store, language_id=language_id, member_id=member)
        )

    def save_pdf(self) -> None:
        """The paper form in the shown language, saved where the person chooses."""
        self._save("feedback-form", "Feedback form")

    def save_sign_in(self) -> None:
        """The sign-in sheet in the shown language beside the English."""
        self._save("sign-in", "Sign-in sheet")

    def _save(self, kind: str, what: str) -> None:
        if self.shown is None:
            return
        self.flush()
        printing.save_document(
            self.window(),  # type: ignore[arg-type]
            kind,
            name=f"{what} - {self.shown.language}",
            options={"language": self.shown.language},
        )


def _shape(questions: list[Question]) -> list[tuple[object, ...]]:
    """What the boxes are built from (not how many answers each question has had)."""
    return [(q.id, q.kind, q.text, q.choices) for q in questions]
