"""The Availability page: who can come when and where, and choosing the option that suits."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.polls import service as polls
from organiser.core.polls.rules import Answer, next_answer
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.polls.grid import CLEAR, CLICK, CYCLE, AnswerGrid
from organiser.ui.polls.grid_model import PollGridModel, ordinal, short_option
from organiser.ui.polls.options import COLUMNS, FIELDS, option_values
from organiser.ui.polls.poll_bar import PollBar
from organiser.ui.polls.undo import answer_inverse, choice_inverse, closed_inverse
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

SETUP = "Set-&up: title, dates and places"
RELOAD_ON = Touched.POLLS | Touched.MEMBERS | Touched.MEETINGS | Touched.DETAILS
CLOSED = "Closed — reopen to change answers."
KEY_HINT = (
    "&Keys: Y yes · I if need be · N no · Space next answer · Delete clears · arrows move. "
    "Or click a cell. Best option first."
)


class AvailabilityPage(QWidget):
    """Polls of the open event: options, everyone's answers, the ranking, and the choice."""

    SEES = RELOAD_ON

    print_poll_requested = Signal(int)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.poll_id: int | None = None
        self.bar = PollBar(runner, self)
        self.bar.poll_shown.connect(self._show_poll)
        self.bar.created.connect(lambda _poll_id: self.add_first_option())
        self.state = QLabel(self)
        self.state.setObjectName("poll_state")
        self.state.setWordWrap(True)
        self.reopen_button = QPushButton("&Reopen poll", self)
        self.reopen_button.clicked.connect(self.reopen)
        self.empty = QLabel(self)
        self.empty.setObjectName("poll_empty")
        self.empty.setWordWrap(True)
        self.first_option_button = QPushButton("Add the first &option", self)
        self.first_option_button.clicked.connect(self.add_first_option)
        self.hint = QLabel(KEY_HINT, self)
        self.hint.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("poll_summary")
        self.summary.setWordWrap(True)
        self.model = PollGridModel(self)
        self.grid = AnswerGrid(self)
        self.grid.setModel(self.model)
        self.grid.answer_keyed.connect(self._answer)
        self.grid.left.connect(self._sort_again)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.hint.setBuddy(self.grid)
        self.message = QLabel(self)
        self.message.setObjectName("poll_message")
        self.message.setWordWrap(True)
        self.choose_button = QPushButton("&Choose this option", self)
        self.choose_button.clicked.connect(self.choose_selected)
        self.selected = QLabel(self)
        self.selected.setWordWrap(True)
        self.print_button = QPushButton("Print paper &grid…", self)
        self.print_button.clicked.connect(self._print)
        self.options = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.POLL_OPTIONS),
            noun="option",
            title="Options to choose from",
            columns=COLUMNS,
            fields=FIELDS,
            load_rows=lambda poll_id: polls.list_options(runner.store, poll_id),
            row_values=option_values,
            parent=self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("poll_tabs")
        self.tabs.setDocumentMode(True)
        self._build()
        self.set_event(None)

    def _build(self) -> None:
        state_row = QHBoxLayout()
        state_row.addWidget(self.state, 1)
        state_row.addWidget(self.reopen_button)
        actions = FlowLayout()  # wraps onto a second line when narrow
        actions.addWidget(self.choose_button)
        actions.addWidget(self.selected, 1)
        actions.addWidget(self.print_button)
        answers = QWidget(self)
        column = QVBoxLayout(answers)
        column.addWidget(self.summary)
        column.addWidget(self.hint)
        column.addWidget(self.empty)
        column.addWidget(self.first_option_button, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.grid, 1)
        column.addWidget(self.message)
        column.addStretch()  # takes the room only while the grid is hidden
        column.addLayout(actions)
        setup = QWidget(self)
        setup_column = QVBoxLayout(setup)
        setup_column.addWidget(self.bar.form)
        setup_column.addWidget(self.options, 1)
        self.tabs.addTab(answers, "Ans&wers")
        self.tabs.addTab(setup, SETUP)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(state_row)
        layout.addWidget(self.tabs, 1)

    def add_first_option(self) -> None:
        """Open the set-up with an empty option ready to type (after New poll, or asked)."""
        self.tabs.setCurrentIndex(1)
        self.options.start_new()
        self.options.focus_first_field()

    def set_event(self, event_id: int | None) -> None:
        """Show another event's polls (saving what was typed first)."""
        self.flush()
        self.event_id = event_id
        self.setEnabled(event_id is not None)
        self.bar.set_event(event_id)

    def refresh(self, changes: Changes) -> None:
        """Reload when polls, members, meetings or the event's details changed."""
        if not changes.touched & RELOAD_ON:
            return
        if changes.event_id is not None and changes.event_id != self.event_id:
            return
        self.message.clear()  # it spoke of the last action; this change may have undone it
        self.bar.reload()
        if changes.touched & Touched.POLLS:
            self.options.refresh()

    def flush(self) -> None:
        """Save whatever is still being typed (poll title, a half-filled option)."""
        self.bar.form.save_now()
        self.options.flush()

    def _show_poll(self, poll_id: int | None) -> None:
        if poll_id != self.poll_id:
            self.poll_id = poll_id
            self.message.clear()
            self.options.set_parent(poll_id)
        self._load_grid()

    def _load_grid(self) -> None:
        grid = polls.poll_grid(self.runner.store, self.poll_id) if self.poll_id else None
        where = self._current_place()
        self.model.set_grid(grid, keep_order=self.grid.hasFocus())
        self.grid.fit_columns()
        self._restore_place(where)
        self._show_state()

    def _current_place(self) -> tuple[int, str] | None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return None
        return self.model.option_at(index.row()).id, self.model.column_key(index.column())

    def _restore_place(self, where: tuple[int, str] | None) -> None:
        if where is None:
            self._show_selected()
            return
        row, column = self.model.row_of(where[0]), self.model.column_of(where[1])
        if row is None or column is None:
            self._show_selected()
            return
        self.grid.selectionModel().setCurrentIndex(
            self.model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _sort_again(self) -> None:
        if self.model.order_is_stale():
            self._load_grid()

    def _show_state(self) -> None:
        grid = self.model.grid
        poll = grid.poll if grid else None
        has_options = bool(grid and grid.options)
        has_people = bool(grid and grid.people)
        self.empty.setText(self._empty_text())
        self.empty.setVisible(bool(self.empty.text()))
        self.first_option_button.setVisible(poll is not None and not has_options)
        for widget in (self.hint, self.grid, self.choose_button, self.selected):
            widget.setVisible(has_options and has_people)
        self.print_button.setEnabled(has_options)
        self.options.setEnabled(poll is not None)
        self.reopen_button.setVisible(bool(poll and poll.closed))
        parts = []
        if poll is not None and poll.closed:
            parts.append(f"⚠ {CLOSED}")
        if poll is not None and poll.chosen:
            parts.append(f"✔ Chosen: {poll.chosen}.")
        self.state.setText(" ".join(parts))
        self.state.setProperty("role", "warning" if poll and poll.closed else "")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self.state.setVisible(bool(parts))
        self.summary.setText(self._summary_text())
        self._show_selected()

    def _empty_text(self) -> str:
        grid = self.model.grid
        if self.event_id is None:
            return "Choose or create an event in the Events list."
        if grid is None:
            return (
                "No polls yet. A poll asks the working group which dates and places they can "
                "make. Press New poll to start one."
            )
        if not grid.options:
            return (
                "This poll has no options yet: the dates, times and places people choose "
                "from. Press Add the first option, type the date, times and place, tick what "
                "the venue offers, then press Add option. (They are kept under Set-up.)"
            )
        if not grid.people:
            return (
                "No one is in the working group yet: add members on the Working group page, "
                "and a column for each appears here."
            )
        return ""

    def _summary_text(self) -> str:
        grid = self.model.grid
        if grid is None or not grid.options or not grid.people:
            return ""
        best = min(grid.options, key=lambda o: o.rank)
        if grid.answers:
            lines = [f"Best so far: {best.text} — {best.explanation}."]
        else:
            lines = ["No answers yet."]
        waiting = grid.unanswered()
        if waiting:
            lines.append(f"Not answered yet: {', '.join(waiting)}.")
        else:
            lines.append("✓ Everyone has answered.")
        return "\n".join(lines)

    def _show_selected(self) -> None:
        index = self.grid.currentIndex()
        grid = self.model.grid
        option = self.model.option_at(index.row()) if index.isValid() else None
        self.choose_button.setEnabled(
            option is not None and grid is not None and not grid.poll.closed
        )
        if option is None:
            open_poll = grid is not None and grid.options and not grid.poll.closed
            self.selected.setText("Pick a row to choose it." if open_poll else "")
            return
        self.selected.setText(f"{short_option(option)} (ranked {ordinal(option.rank)})")
        self.choose_button.setAccessibleDescription(self.selected.text())

    def _answer(self, index: QModelIndex, what: str) -> None:
        grid = self.model.grid
        if grid is None or not index.isValid():
            return
        person = self.model.person_at(index.column())
        if person is None:
            if what != CLICK:  # a click on the ranking only picks the row
                self.message.setText("Move to a person’s column to give their answer.")
            return
        if person.former or person.member_id is None:
            self.message.setText(
                f"{person.name} has left the working group: their answers are kept as they "
                "were and cannot be changed."
            )
            return
        if grid.poll.closed:
            self.message.setText(f"⚠ {CLOSED}")
            return
        current = self.model.answer_at(index.row(), index.column())
        wanted: Answer | None
        if what in (CYCLE, CLICK):
            wanted = next_answer(current)
        elif what == CLEAR:
            wanted = None
        else:
            wanted = Answer(what)
        option = self.model.option_at(index.row())
        store, member_id = self.runner.store, person.member_id
        self.message.clear()
        self.runner.push(
            f"Set {person.name}’s answer",
            lambda: polls.set_answer(
                store, option_id=option.id, member_id=member_id, answer=wanted
            ),
            answer_inverse(store),
        )

    def choose_selected(self) -> None:
        """Make the selected option the event's (or meeting's) date, time and place."""
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        option = self.model.option_at(index.row())
        store, option_id = self.runner.store, option.id
        done = self.runner.push(
            "Choose poll option",
            lambda: polls.choose_option(store, option_id=option_id),
            choice_inverse(store, option_id),
        )
        if done is not None:
            target = "meeting’s" if Touched.MEETINGS in done.touched else "event’s"
            self.message.setText(
                f"✔ Chosen: {option.text}. The {target} date, time and place are set from "
                "it and the poll is closed. Ctrl+Z undoes this."
            )

    def reopen(self) -> None:
        """Take answers again (the chosen option stays marked until another is chosen)."""
        if self.poll_id is None:
            return
        store, poll_id = self.runner.store, self.poll_id
        if self.runner.push(
            "Reopen poll",
            lambda: polls.set_closed(store, poll_id=poll_id, closed=False),
            closed_inverse(store),
        ):
            self.message.setText("The poll is open again: answers can be changed.")

    def _print(self) -> None:
        if self.poll_id is not None:
            self.print_poll_requested.emit(self.poll_id)
