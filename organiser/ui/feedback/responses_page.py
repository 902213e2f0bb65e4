"""The Responses page: every response in a table; the chosen one's answers, edited in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.feedback import form, responses
from organiser.core.feedback.form import Question
from organiser.core.feedback.kinds import Kind, Standard
from organiser.core.feedback.responses import ResponseRow
from organiser.ui.creche.common import button, row_of, tell, wrapped
from organiser.ui.feedback.answers import AnswerForm
from organiser.ui.feedback.undo import response_inverse
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.row_table import when

SHORT = 70


@dataclass(frozen=True)
class Shown:
    """A response as its table row shows it."""

    id: int
    number: int
    received: str
    source: str
    overall: str
    regular: str
    said: str
    linked: bool


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHORT else flat[: SHORT - 1].rstrip() + "…"


COLUMNS = (
    Column("No.", lambda r: str(r.number), align_right=True),
    Column("Received", lambda r: r.received),
    Column("Overall", lambda r: r.overall or "—"),
    Column("Regular sessions", lambda r: r.regular or "—"),
    Column("What they wrote", lambda r: r.said, stretch=True),
    Column("Source", lambda r: r.source + (" (linked to a booking)" if r.linked else "")),
)


def shown_rows(questions: list[Question], rows: list[ResponseRow]) -> list[Shown]:
    """The table's rows: the overall rating, demand, and the first words written."""
    by_key = {q.standard: q.id for q in questions if q.standard}
    private = {Standard.FIRST_NAME.value, Standard.CONTACT.value}
    texts = [q.id for q in questions if q.kind == Kind.TEXT.value and q.standard not in private]
    return [
        Shown(
            row.id,
            number,
            when(row.received_at),
            row.source,
            row.answers.get(by_key.get(Standard.FFT.value, -1), ""),
            row.answers.get(by_key.get(Standard.REGULAR.value, -1), ""),
            _short(" · ".join(row.answers[q] for q in texts if row.answers.get(q))),
            row.booking_id is not None,
        )
        for number, row in enumerate(rows, start=1)
    ]


class ResponsesPage(QWidget):
    """What each person said; an answer changed saves at once, Ctrl+Z puts it back."""

    # Invitations too: the speakers' organisations are the services question's choices.
    SEES = Touched.FEEDBACK | Touched.BOOKINGS | Touched.INVITATIONS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.current_id: int | None = None
        self.rows: dict[int, ResponseRow] = {}
        self.questions: list[Question] = []
        self.import_button = button(self, "I&mport…", "import_responses")
        self.import_button.setToolTip("Responses from an online form's CSV or Excel export")
        self.import_button.clicked.connect(self._import)
        self.export_button = button(self, "E&xport CSV…", "export_responses")
        self.export_button.clicked.connect(self._export)
        self.count = wrapped(self, "responses_count", role="subheading")
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("responses_table")
        self.table.setAccessibleName("Responses")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.heading = wrapped(self, "response_heading", role="subheading")
        self.answers = AnswerForm(self)
        self.answers.setObjectName("response_answers")
        self.answers.answer_changed.connect(self._answer_changed)
        self.delete_button = button(self, "&Delete response", "delete_response")
        self.delete_button.clicked.connect(self.delete_current)
        self._build()

    def _build(self) -> None:
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.answers)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(detail)
        self.scroll_area.setMinimumWidth(320)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.scroll_area, 1)
        right_layout.addLayout(row_of(self.delete_button))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 580])
        layout = QVBoxLayout(self)
        layout.addLayout(row_of(self.import_button, self.export_button, self.count))
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's responses."""
        if event_id != self.event_id:
            self.flush()
            self.current_id = None
        self.event_id = event_id
        for widget in (self.import_button, self.export_button):
            widget.setEnabled(event_id is not None)
        self.reload()

    def refresh(self, _changes: Changes) -> None:
        """Reload after responses or the form changed."""
        self.reload()

    def flush(self) -> None:
        """Save an answer still being typed."""
        self.answers.commit()

    def reload(self) -> None:
        """Responses as stored; the chosen one stays chosen."""
        store = self.runner.store
        found: list[ResponseRow] = []
        questions: list[Question] = []
        if self.event_id is not None:
            found = responses.list_responses(store, self.event_id)
            questions = form.list_questions(store, self.event_id, archived=True)
        self.rows = {r.id: r for r in found}
        shape = [(q.id, q.kind, q.text, q.choices, q.archived) for q in questions]
        if shape != [(q.id, q.kind, q.text, q.choices, q.archived) for q in self.questions]:
            self.questions = questions
            self.answers.set_questions([q for q in questions if not q.archived or self._used(q)])
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(shown_rows(questions, found))
        self.table.selectionModel().blockSignals(False)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(4, min(header.sectionSize(4), 320))
        self.count.setText(f"{len(found)} response{'s' if len(found) != 1 else ''}")
        position = self.model.row_of(self.current_id) if self.current_id is not None else None
        if position is None:
            self.current_id = None
        else:
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(position, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.selectionModel().blockSignals(False)
        self._show_current(force=False)

    def _used(self, question: Question) -> bool:
        return any(question.id in row.answers for row in self.rows.values())

    def choose(self, response_id: int) -> None:
        """Choose a response as a click on it would."""
        position = self.model.row_of(response_id)
        if position is not None:
            self.table.selectRow(position)

    def _row_chosen(self, current: Any, _previous: Any) -> None:
        self.answers.commit()
        if current.isValid():
            self.current_id = self.model.row_at(current.row()).id
            self._show_current(force=True)

    def _show_current(self, *, force: bool) -> None:
        row = self.rows.get(self.current_id) if self.current_id is not None else None
        self.answers.setVisible(row is not None)
        self.delete_button.setEnabled(row is not None)
        if row is None:
            self.heading.setText("Choose a response to see and change all its answers.")
            return
        position = self.model.row_of(row.id)
        number = (position or 0) + 1
        linked = ", linked to a booking" if row.booking_id is not None else ""
        self.heading.setText(
            f"Response {number} of {len(self.rows)}: {row.source.lower()}, "
            f"received {when(row.received_at)}{linked}"
        )
        self.answers.set_values(row.answers, force=force)
        if force:
            self.answers.show_errors({})

    def _answer_changed(self, question_id: int) -> None:
        row = self.rows.get(self.current_id) if self.current_id is not None else None
        if row is None:
            return
        value = self.answers.value(question_id)
        text = value if isinstance(value, str) else "\n".join(value)
        if text.strip() == row.answers.get(question_id, ""):
            return
        store, response_id = self.runner.store, row.id
        try:
            self.runner.push(
                "Edit feedback response",
                lambda: responses.update_response(
                    store, response_id=response_id, answers={question_id: value}
                ),
                response_inverse(store),
                quiet=True,
            )
        except ValidationError as exc:
            question = next(q for q in self.questions if q.id == question_id)
            self.answers.show_errors({question_id: str(exc).removeprefix(question.text).strip()})
            return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        self.answers.show_errors({})

    def delete_current(self) -> None:
        """Delete the chosen response with its answers (Ctrl+Z brings it back)."""
        if self.current_id is None:
            return
        store, response_id = self.runner.store, self.current_id
        done = self.runner.push(
            "Delete feedback response",
            lambda: responses.delete_response(store, response_id=response_id),
            response_inverse(store),
        )
        if done is not None:
            tell(self, "Response deleted. Ctrl+Z brings it back.")

    def _import(self) -> None:
        if self.event_id is not None:
            self.flush()
            from organiser.ui.feedback import csv_actions

            csv_actions.import_responses(self.window(), self.runner, self.event_id)

    def _export(self) -> None:
        if self.event_id is not None:
            self.flush()
            from organiser.ui.feedback import csv_actions

            csv_actions.export_responses(self.window(), self.runner, self.event_id)
