"""Next steps: "What if this is successful and we want to do more?" — the options, the evidence
for demand, the cost of one more session, and a button that plans the next one."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.coproduction import narrative
from organiser.core.coproduction.kinds import NextStep
from organiser.core.coproduction.next_steps import demand, session_cost
from organiser.core.money import format_pence
from organiser.ui.ops import Call, OpRunner

QUESTION = "What if this is successful and we want to do more?"
OPTIONS = tuple(NextStep)


def _list(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


class NextStepsPanel(QScrollArea):
    """The question, the chosen option, the evidence and the cost, in words."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.question = QLabel(QUESTION, self)
        self.question.setObjectName("next_steps_question")
        self.question.setProperty("role", "subheading")
        self.question.setWordWrap(True)
        self.options = QButtonGroup(self)
        box = QGroupBox("What we will do next", self)
        box.setObjectName("next_step_options")
        column = QVBoxLayout(box)
        for number, option in enumerate(OPTIONS):
            radio = QRadioButton(option.value, box)
            radio.setObjectName(f"next_{option.name.lower()}")
            self.options.addButton(radio, number)
            column.addWidget(radio)
        self.options.idClicked.connect(self._chosen)
        self.demand = self._text("demand_evidence", "Evidence for demand")
        self.cost = self._text("session_cost", "The cost of one more session")
        self.plan_button = QPushButton("Plan the &next session", self)
        self.plan_button.setObjectName("plan_next_session")
        self.plan_button.setToolTip(
            "Copies this event as the next session of the series, with its working group, "
            "programme, budget lines and lessons"
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self.question)
        top = QHBoxLayout()
        top.addWidget(box)
        top.addWidget(self.demand, 1)
        layout.addLayout(top)
        layout.addWidget(self.cost)
        layout.addWidget(self.plan_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        self.setWidget(body)

    def _text(self, name: str, title: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the evidence is read from the keyboard
        label.setAccessibleName(title)
        return label

    def set_event(self, event_id: int | None) -> None:
        """Show another event's next steps."""
        self.event_id = event_id
        self.plan_button.setEnabled(event_id is not None)
        for radio in self.options.buttons():
            radio.setEnabled(event_id is not None)
        self.show_choice()
        self.show_evidence()

    def chosen(self) -> str:
        """The option ticked."""
        radio = self.options.checkedButton()
        return radio.text() if radio is not None else ""

    def show_choice(self) -> None:
        """Tick the option stored (undecided ticks "Not decided yet")."""
        stored = narrative.next_step(self.runner.store, self.event_id) if self.event_id else ""
        wanted = OPTIONS.index(NextStep(stored)) if stored else OPTIONS.index(NextStep.NOT_YET)
        self.options.button(wanted).setChecked(True)

    def show_evidence(self) -> None:
        """The demand and the cost as the data stands now."""
        if self.event_id is None:
            self.demand.setText("")
            self.cost.setText("")
            return
        wanted = demand(self.runner.store, self.event_id)
        self.demand.setText(f"<b>Evidence for demand</b>{_list(wanted.lines())}")
        found = session_cost(self.runner.store, self.event_id)
        parts = [f"{category}: {format_pence(pence)}" for category, pence in found.by_category]
        by_category = _list(parts) if parts else "<p>No costs are in the budget yet.</p>"
        self.cost.setText(
            f"<b>The cost of one more session</b><p>{html.escape(found.words())}</p>{by_category}"
        )

    def demand_text(self) -> str:
        """The evidence without markup."""
        return "\n".join(demand(self.runner.store, self.event_id).lines()) if self.event_id else ""

    def _chosen(self, number: int) -> None:
        if self.event_id is None:
            return
        option, event_id, store = OPTIONS[number].value, self.event_id, self.runner.store

        def inverse(changes: Changes) -> Call:
            before = str(changes.previous.get("option", ""))
            return lambda: narrative.set_next_step(store, event_id=event_id, option=before)

        done = self.runner.push(
            "Choose the next step",
            lambda: narrative.set_next_step(store, event_id=event_id, option=option),
            inverse,
        )
        if done is None:
            self.show_choice()
