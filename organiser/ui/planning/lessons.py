"""The Lessons and next steps page: the lessons log (addable at any stage, from a meeting's
notes too), and what to do next if the event works — with a button that plans the next session
and carries the lessons into it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.coproduction import rows as coproduction
from organiser.core.coproduction.kinds import LessonTag
from organiser.core.coproduction.rows import LessonRow, meeting_label
from organiser.core.events import service as events
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.ui.creche.common import tell, widen_list
from organiser.ui.ops import OpRunner
from organiser.ui.planning.column_fit import ShareWidth
from organiser.ui.planning.next_steps import NextStepsPanel
from organiser.ui.table_model import Column
from organiser.ui.undo import event_inverse
from organiser.ui.widgets.fields import Choice, Field, Kind, set_id_choices
from organiser.ui.widgets.form import FieldForm
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

NO_MEETING: Choice = ("Not from a meeting", None)
FIELDS = (
    Field("happened", "What happened", Kind.TEXT, hint="For example: the talks ran over"),
    Field("learned", "What we learned", Kind.TEXT, hint="For example: parents value time to talk"),
    Field(
        "differently",
        "What we would do differently",
        Kind.TEXT,
        hint="For example: ten minutes for each speaker",
    ),
    Field("tag", "Tag", Kind.CHOICE, tuple(t.value for t in LessonTag)),
    Field("meeting_id", "Raised at the meeting", Kind.CHOICE_ID, (NO_MEETING,)),
)
COLUMNS = (
    Column("Happened", lambda r: r.happened),
    Column("Learned", lambda r: r.learned),
    Column("Next time", lambda r: r.differently),
    Column("Tag", lambda r: r.tag),
    Column("From", lambda r: r.origin, tooltip=lambda r: r.carried_from or r.meeting),
)
SHARED = (0, 1, 2)  # the words share the width; rows grow to show them whole
# What the next steps are worked out from: feedback, bookings, the budget and attendance.
EVIDENCE = Touched.FEEDBACK | Touched.BOOKINGS | Touched.BUDGET | Touched.DETAILS


def wrap_labels(form: FieldForm) -> None:
    """Labels above their boxes: the long questions would leave the boxes narrow beside them."""
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)


def lesson_values(row: LessonRow) -> dict[str, Any]:
    """A lesson as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}


def carried_words(rows: list[LessonRow]) -> str:
    """'3 lessons, 2 carried from session 1.' (or how to start)."""
    if not rows:
        return "No lessons yet: add one at any stage, or from a meeting's notes."
    text = f"{len(rows)} lesson{'s' if len(rows) != 1 else ''}"
    carried = [r for r in rows if r.carried_from]
    if carried:
        sessions = sorted({r.carried_session for r in carried if r.carried_session is not None})
        names = " and ".join(f"session {n}" for n in sessions)
        text += f", {len(carried)} carried from {names}"
    return text + "."


class LessonsPage(QWidget):
    """The lessons log and the next steps, each on a tab."""

    SEES = Touched.LESSONS | Touched.MEETINGS | Touched.EVENTS | Touched.REPORT | EVIDENCE

    event_requested = Signal(int)  # open this event (the next session, once planned)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("lessons_summary")
        self.summary.setWordWrap(True)
        self.lessons = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.LESSONS),
            noun="lesson",
            title="Lessons log",
            columns=COLUMNS,
            fields=FIELDS,
            load_rows=lambda event_id: coproduction.list_lessons(runner.store, event_id),
            row_values=lesson_values,
            parent=self,
        )
        self.lessons.rows_changed.connect(self._summarise)
        self.fit = ShareWidth(self.lessons.table, SHARED, limits={4: 150}, wrap_rows=True)
        self.lessons.rows_changed.connect(self.fit.fit)
        wrap_labels(self.lessons.form)
        widen_list(self.lessons, 640, 300)
        self.next_steps = NextStepsPanel(runner, self)
        self.next_steps.plan_button.clicked.connect(self.plan_next_session)
        log = QWidget(self)
        log_layout = QVBoxLayout(log)
        log_layout.addWidget(self.summary)
        log_layout.addWidget(self.lessons, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("lessons_tabs")
        self.tabs.addTab(log, "&Lessons")
        self.tabs.addTab(self.next_steps, "Ne&xt steps")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # The page's interface, shared with the other Planning pages.

    def set_event(self, event_id: int | None) -> None:
        """Show another event's lessons and next steps."""
        self.flush()
        self.event_id = event_id
        self._load_choices()
        self.lessons.set_parent(event_id)
        self.next_steps.set_event(event_id)

    def refresh(self, changes: Changes) -> None:
        """Reload lessons, meeting names, the chosen next step or the evidence as touched."""
        if self.event_id is None or changes.event_id not in (None, self.event_id):
            return
        if Touched.MEETINGS in changes.touched:
            self._load_choices()
        if changes.touched & (Touched.LESSONS | Touched.MEETINGS | Touched.EVENTS):
            self.lessons.refresh()
        if Touched.REPORT in changes.touched:
            self.next_steps.show_choice()
        if changes.touched & EVIDENCE:
            self.next_steps.show_evidence()

    def flush(self) -> None:
        """Save a lesson still being typed."""
        self.lessons.flush()

    # Lessons.

    def _load_choices(self) -> None:
        found = meetings.list_meetings(self.runner.store, self.event_id) if self.event_id else []
        held: list[Choice] = [(meeting_label(m.title, m.date), m.id) for m in found]
        set_id_choices(self.lessons.form.inputs["meeting_id"], [NO_MEETING, *held])

    def _summarise(self) -> None:
        rows = [self.lessons.model.row_at(n) for n in range(self.lessons.model.rowCount())]
        self.summary.setText(carried_words(rows) if self.event_id is not None else "")

    def start_from_meeting(self, meeting_id: int) -> None:
        """Begin a new lesson raised at a meeting, with the cursor in its first box."""
        self.tabs.setCurrentIndex(0)
        self.lessons.start_new()
        combo = self.lessons.form.inputs["meeting_id"]
        assert isinstance(combo, QComboBox)
        for number in range(combo.count()):
            if combo.itemData(number) == meeting_id:
                combo.setCurrentIndex(number)
        self.lessons.mode_label.setText(f"New lesson from {combo.currentText()}")
        self.lessons.focus_first_field()

    # Next steps.

    def plan_next_session(self) -> None:
        """Copy this event as the next session, lessons included, and open it (Ctrl+Z undoes)."""
        if self.event_id is None:
            return
        self.flush()
        event_id, store = self.event_id, self.runner.store
        carried = len(coproduction.list_lessons(store, event_id))
        changes = self.runner.push(
            "Plan the next session",
            lambda: events.duplicate_event(store, event_id=event_id),
            event_inverse(store),
        )
        if changes is None or changes.created_id is None:
            return
        self.event_requested.emit(changes.created_id)
        title = events.get_event(store, changes.created_id).title
        lessons = f"{carried} lesson{'s' if carried != 1 else ''}" if carried else "No lessons"
        said = (
            f"“{title}” is planned: {lessons} carried forward from the last session. "
            "Edit ▸ Undo removes the new event."
        )
        self.tabs.setCurrentIndex(0)
        self.summary.setText(f"{self.summary.text()} {said}".strip())
        tell(self, said)
