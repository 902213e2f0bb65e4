"""The Form page: the questions in order, the event's own added, edited, moved and removed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.feedback import form
from organiser.core.feedback.form import Question
from organiser.core.feedback.kinds import Kind
from organiser.ui.creche.common import button, row_of, tell, wrapped
from organiser.ui.feedback.undo import move, move_inverse, question_inverse
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.fields import Field
from organiser.ui.widgets.fields import Kind as Input
from organiser.ui.widgets.form import SavedForm
from organiser.ui.widgets.versioned_edits import versioned_edits

if TYPE_CHECKING:
    from organiser.ui.feedback.phones_dialog import CollectDialog

FIELDS = (
    Field("text", "Question", Input.TEXT, hint="As it is printed on the form"),
    Field("kind", "Answer", Input.CHOICE, tuple(k.value for k in Kind)),
    Field(
        "choices",
        "Choices",
        Input.TEXT,
        hint="One per line, for example: Yes, Maybe, No (not needed for free text)",
    ),
)


def _answers(n: int) -> str:
    return f"{n} answer{'s' if n != 1 else ''}"


COLUMNS = (
    Column("No.", lambda q: "—" if q.archived else str(q.position), align_right=True),
    Column("Question", lambda q: q.text + (" (taken off the form)" if q.archived else "")),
    Column("Answer", lambda q: q.kind),
    Column("Answers", lambda q: str(q.answers), align_right=True),
    Column("Choices", lambda q: " / ".join(q.choices) or "—", stretch=True),
)


class FormPage(QWidget):
    """The event's feedback form, as the paper form prints it."""

    SEES = Touched.FEEDBACK | Touched.INVITATIONS

    print_requested = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.current_id: int | None = None
        # Collecting on phones, by event (its window loads the server when first opened).
        self.collecting: dict[int, CollectDialog] = {}
        self.phones: CollectDialog | None = None  # the one opened or raised last
        self.print_button = button(self, "Print paper form…", "print_feedback_form")
        self.print_button.clicked.connect(lambda: self.print_requested.emit("feedback-form"))
        self.phones_button = button(self, "Collect on &phones…", "collect_on_phones")
        self.phones_button.setToolTip(
            "People answer on their own phones: a QR code takes them to this form, served from "
            "this computer on the local network while the window is open"
        )
        self.phones_button.clicked.connect(self.collect_on_phones)
        self.intro = wrapped(self, "form_intro")
        self.intro.setText(
            "The questions on this event's form, in order. A question that already has answers "
            "is taken off the form but its answers are kept."
        )
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("questions_table")
        self.table.setAccessibleName("Questions on the form")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.new_button = button(self, "&New question", "new_question")
        self.new_button.clicked.connect(self.start_new)
        self.up_button = button(self, "Move &up", "move_up")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = button(self, "Move &down", "move_down")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = button(self, "&Remove from form", "remove_question")
        self.remove_button.clicked.connect(self.remove_or_restore)
        self.show_removed = QCheckBox("Show questions taken off the form", self)
        self.show_removed.setObjectName("show_removed")
        self.show_removed.toggled.connect(lambda _on: self.reload())
        self.status = wrapped(self, "form_status")
        self.mode = wrapped(self, "question_mode", role="subheading")
        self.editor = SavedForm(FIELDS, self)
        self.editor.save_requested.connect(self.save)
        self.edits = versioned_edits(
            self,
            runner,
            self.editor,
            noun="question",
            action="Edit question",
            current=lambda: self.current_id,
            version_of=form.question_version,
            update=form.update_question,
            key="question_id",
            inverse=question_inverse,
        )
        self.add_button = button(self, "&Add question", "add_question")
        self.add_button.clicked.connect(self.add_now)
        self._build()
        self.start_new()

    def collect_on_phones(self) -> None:
        """Serve the form to phones in the room while its dialog is open."""
        if self.event_id is None:
            return
        from organiser.ui.feedback.phones_dialog import CollectDialog

        dialog = self.collecting.get(self.event_id)
        if dialog is None or not dialog.isVisible():  # one window (and server) per event
            dialog = CollectDialog(self.runner, self.event_id, self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            event_id = self.event_id
            dialog.finished.connect(lambda _result: self.collecting.pop(event_id, None))
            dialog.fit()
            self.collecting[event_id] = dialog
            dialog.show()
        self.phones = dialog
        dialog.raise_()
        dialog.activateWindow()  # Escape and its buttons answer the keyboard at once

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(
            row_of(self.new_button, self.up_button, self.down_button, self.remove_button)
        )
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.show_removed)
        left_layout.addWidget(self.status)
        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.mode)
        editor_layout.addWidget(self.editor)
        editor_layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        editor_layout.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        scroll.setMinimumWidth(300)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(row_of(self.print_button, self.phones_button))
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's form."""
        if event_id != self.event_id:
            self.flush()
            self.current_id = None
            self.status.setText("")
        self.event_id = event_id
        self.print_button.setEnabled(event_id is not None)
        self.phones_button.setEnabled(event_id is not None)
        self.reload()

    def refresh(self, _changes: Changes) -> None:
        """Reload the questions (their answer counts change as responses come in)."""
        self.reload()

    def flush(self) -> None:
        """Save the question being typed."""
        self.editor.save_now()

    def reload(self) -> None:
        """The questions as stored, the chosen one kept chosen."""
        rows: list[Question] = []
        archived = self.show_removed.isChecked()
        keep = self.current_id
        # Read before the questions: what the editor then shows is at least as new as this.
        version = self.edits.version_now(keep) if keep is not None else None
        if self.event_id is not None:
            rows = form.list_questions(self.runner.store, self.event_id, archived=archived)
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 250))
        header.resizeSection(4, min(header.sectionSize(4), 240))
        self.table.resizeRowsToContents()
        position = self.model.row_of(keep) if keep is not None else None
        if position is None:
            if keep is not None:
                self.start_new()
        else:
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(position, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.selectionModel().blockSignals(False)
            self._show_question(self.model.row_at(position), force=False)
            if version is not None:
                self.edits.refreshed(version)
        self.add_button.setEnabled(self.event_id is not None)
        self._enable()

    def current(self) -> Question | None:
        """The chosen question."""
        position = self.model.row_of(self.current_id) if self.current_id is not None else None
        return None if position is None else self.model.row_at(position)

    def _enable(self) -> None:
        question = self.current()
        chosen = question is not None and not question.archived
        for widget in (self.up_button, self.down_button):
            widget.setEnabled(chosen)
        self.remove_button.setEnabled(question is not None)
        restoring = question is not None and question.archived
        self.remove_button.setText("Put &back on the form" if restoring else "&Remove from form")

    def choose(self, question_id: int) -> None:
        """Choose a question as a click on it would."""
        position = self.model.row_of(question_id)
        if position is not None:
            self.table.selectRow(position)

    def _row_chosen(self, current: Any, _previous: Any) -> None:
        self.editor.save_now()
        if not current.isValid():
            return
        question = self.model.row_at(current.row())
        self.current_id = question.id
        self._show_question(question, force=True)
        self.edits.shown(question.id)
        self._enable()

    def _show_question(self, question: Question, *, force: bool) -> None:
        self.mode.setText(f"Question {question.position}: {_answers(question.answers)} so far")
        self.add_button.hide()
        values = {
            "text": question.text,
            "kind": question.kind,
            "choices": "\n".join(question.choices),
        }
        self.editor.load(values, force=force)

    def start_new(self) -> None:
        """An empty editor for a question of the event's own."""
        self.editor.save_now()
        self.current_id = None
        self.table.clearSelection()
        self.mode.setText("New question (added at the end of the form)")
        self.add_button.show()
        self.editor.load({"text": "", "kind": Kind.RATING.value, "choices": ""}, force=True)
        self.edits.clear()
        self._enable()

    def add_now(self) -> None:
        """Add the question typed in the editor (Ctrl+Z takes it off again)."""
        if self.event_id is None:
            return
        event_id, store = self.event_id, self.runner.store
        values, errors = self.editor.read()
        if errors:
            self.editor.show_errors(errors)
            return
        try:
            changes = self.runner.push(
                "Add question",
                lambda: form.add_question(store, event_id=event_id, values=values),
                question_inverse(store),
                quiet=True,
            )
        except ValidationError as exc:
            self.editor.show_errors({exc.field or "text": str(exc)})
            return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        assert changes is not None
        self.editor.show_errors({})
        self.current_id = changes.created_id
        self.reload()
        tell(self, "Question added at the end of the form.")

    def save(self) -> None:
        """Save what the person changed in the chosen question since it was shown (so a field
        someone else saved meanwhile is kept, and the same field changed by both asks which
        to keep); a new one waits for Add question."""
        question = self.current()
        if question is None:
            return
        values, errors = self.editor.read()
        self.edits.save(question.id, values, errors)

    def move_current(self, step: int) -> None:
        """Move the chosen question up (-1) or down (+1)."""
        question = self.current()
        if question is None or question.archived:
            return
        self.flush()
        store = self.runner.store
        self.runner.push(
            "Move question", move(store, question.id, step), move_inverse(store, question.id)
        )

    def remove_or_restore(self) -> None:
        """Take the chosen question off the form (its answers kept), or put a removed one back."""
        question = self.current()
        if question is None:
            return
        self.flush()
        store, question_id = self.runner.store, question.id
        if question.archived:
            done = self.runner.push(
                "Put question back",
                lambda: form.update_question(
                    store, question_id=question_id, values={"archived": False}
                ),
                question_inverse(store),
            )
            said = f"“{question.text}” is back on the form."
        else:
            done = self.runner.push(
                "Remove question",
                lambda: form.remove_question(store, question_id=question_id),
                question_inverse(store),
            )
            kept = f" {_kept(question.answers)}" if question.answers else ""
            said = f"“{question.text}” is off the form.{kept} Ctrl+Z puts it back."
        if done is not None:
            self.status.setText(said)
            tell(self, said)


def _kept(answers: int) -> str:
    return "Its answer is kept." if answers == 1 else f"Its {answers} answers are kept."
