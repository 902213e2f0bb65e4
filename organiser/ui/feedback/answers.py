"""One filled-in form on screen: every question as a labelled input, driven from the keyboard.

Choices are picked with the number keys (organiser.ui.feedback.choices); free text is a line or a
small box. Enter moves to the next question and Ctrl+Enter asks to save the form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from organiser.core.feedback.form import Question
from organiser.core.feedback.kinds import Kind, Standard
from organiser.ui.creche.common import set_role
from organiser.ui.feedback.choices import ChoiceInput, MultiInput, escape

Value = str | list[str]
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
AUTOSAVE_MS = 700
# Free-text questions answered in a sentence or two get a small box; the rest a line.
BOXED = {Standard.ENJOYED.value, Standard.BETTER.value, ""}


class AnswerForm(QWidget):
    """Every question of a form; `answer_changed` fires when a choice is made or typing pauses."""

    answer_changed = Signal(int)  # a question id
    submit_requested = Signal()  # Ctrl+Enter
    end_reached = Signal()  # Enter on the last question

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questions: list[Question] = []
        self.inputs: dict[int, QWidget] = {}
        self.labels: dict[int, QLabel] = {}
        self.messages: dict[int, QLabel] = {}
        self._loading = False
        self._dirty: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.commit)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_questions(
        self,
        questions: Sequence[Question],
        shown: Mapping[int, tuple[str, tuple[str, ...]]] | None = None,
    ) -> None:
        """Build the inputs for these questions (what is shown is kept where it still fits);
        `shown` gives a question's wording and choices as a translated paper has them."""
        kept = self.values() if self.questions else {}
        while (item := self._layout.takeAt(0)) is not None:
            if (gone := item.widget()) is not None:
                gone.setParent(None)
                gone.deleteLater()
        self.inputs, self.labels, self.messages = {}, {}, {}
        self._dirty.clear()
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            text, labels = (shown or {}).get(question.id, ("", ()))
            widget = self._make_input(question, labels)
            words = f"{text.strip()} · {question.text}" if text.strip() else question.text
            label = QLabel(escape(f"{number}. {words}"), self)
            label.setWordWrap(True)
            label.setProperty("role", "subheading")
            label.setBuddy(
                widget.boxes[0] if isinstance(widget, MultiInput) and widget.boxes else widget
            )
            message = QLabel(self)
            message.setObjectName(f"message_{question.id}")
            message.setWordWrap(True)
            message.hide()
            for part in (label, message, widget):
                self._layout.addWidget(part)
            self._layout.addSpacing(6)
            self.inputs[question.id] = widget
            self.labels[question.id] = label
            self.messages[question.id] = message
        self._layout.addStretch()
        self.set_values({qid: v if isinstance(v, str) else "\n".join(v) for qid, v in kept.items()})

    def _make_input(self, question: Question, labels: Sequence[str] = ()) -> QWidget:
        widget: QWidget
        if question.kind == Kind.MULTIPLE.value:
            multi = MultiInput(question, self, labels)
            multi.changed.connect(lambda qid=question.id: self._chosen(qid))
            for each in multi.boxes:
                each.installEventFilter(self)
            return multi
        if question.kind == Kind.TEXT.value:
            if question.standard in BOXED:
                box = QPlainTextEdit(self)
                box.setTabChangesFocus(True)
                box.setFixedHeight(box.fontMetrics().lineSpacing() * 2 + 14)
                box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                box.setPlaceholderText("Shift+Enter starts a new line")
                box.textChanged.connect(lambda qid=question.id: self._typed(qid))
                widget = box
            else:
                line = QLineEdit(self)
                line.textEdited.connect(lambda _t, qid=question.id: self._typed(qid))
                widget = line
            widget.setObjectName(f"answer_{question.id}")
            widget.setAccessibleName(question.text)
        else:
            choice = ChoiceInput(question, self, labels)
            choice.changed.connect(lambda qid=question.id: self._chosen(qid))
            widget = choice
        widget.installEventFilter(self)
        return widget

    def value(self, question_id: int) -> Value:
        widget = self.inputs[question_id]
        if isinstance(widget, (ChoiceInput, MultiInput)):
            return widget.value()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def values(self) -> dict[int, Value]:
        """Every answer as shown, by question id ('' or [] when not answered)."""
        return {qid: self.value(qid) for qid in self.inputs}

    def has_typing(self) -> bool:
        """True when anything is answered."""
        return bool(as_answers(self.values()))

    def set_values(self, stored: Mapping[int, str], *, force: bool = False) -> None:
        """Show stored answers (choices one per line); a text being typed in is kept."""
        self._loading = True
        try:
            for qid, widget in self.inputs.items():
                value = stored.get(qid, "")
                if not force and (qid in self._dirty or (widget.hasFocus() and _typed_in(widget))):
                    continue
                if isinstance(widget, (ChoiceInput, MultiInput)):
                    fits = widget.set_value(value)
                    old = "" if fits else f"Answered “{value}”, which is no longer a choice."
                    self._show(qid, old, role="warning")
                elif isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != value:
                        widget.setPlainText(value)
                elif isinstance(widget, QLineEdit) and widget.text() != value:
                    widget.setText(value)
        finally:
            self._loading = False
        if force:
            self._dirty.clear()
            self._timer.stop()

    def clear(self) -> None:
        """An empty form."""
        self.set_values({}, force=True)
        self.show_errors({})

    def show_errors(self, errors: Mapping[int, str]) -> None:
        """Each message beside its question, in words; the others cleared."""
        for qid in self.messages:
            self._show(qid, errors.get(qid, ""), role="error")

    def _show(self, qid: int, text: str, *, role: str) -> None:
        label = self.messages[qid]
        label.setText(f"⚠ {text}" if text else "")
        set_role(label, role)
        label.setVisible(bool(text))
        self.inputs[qid].setAccessibleDescription(text)

    def focus_first(self) -> None:
        """The cursor to the first question."""
        self._focus_from(0)

    def _focus_from(self, index: int) -> None:
        """The cursor to the first question from `index` that takes answers; past the last one,
        say the end is reached."""
        for question in self.questions[index:]:
            widget = self.inputs[question.id]
            if isinstance(widget, MultiInput):
                if not widget.boxes:
                    continue  # a multiple choice with no choices yet: nothing to answer
                widget = widget.boxes[0]
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            scroll = self.parentWidget()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parentWidget()
            if scroll is not None:
                scroll.ensureWidgetVisible(self.labels[question.id], 0, 40)
                scroll.ensureWidgetVisible(widget, 0, 40)
            return
        self.end_reached.emit()

    def _index_of(self, watched: QObject) -> int:
        for index, question in enumerate(self.questions):
            widget = self.inputs[question.id]
            if watched is widget or (isinstance(widget, MultiInput) and watched in widget.boxes):
                return index
        return -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self.commit()
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in ENTER
        ):
            return self._enter(watched, event.modifiers())
        return super().eventFilter(watched, event)

    def _enter(self, watched: QObject, modifiers: Qt.KeyboardModifier) -> bool:
        """Ctrl+Enter asks to save; Enter moves on (Shift+Enter is a new line in a box)."""
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            self.submit_requested.emit()
            return True
        if modifiers & Qt.KeyboardModifier.ShiftModifier and isinstance(watched, QPlainTextEdit):
            return False
        self.commit()
        self._focus_from(self._index_of(watched) + 1)
        return True

    def _typed(self, qid: int) -> None:
        if not self._loading:
            self._dirty.add(qid)
            self._timer.start()

    def _chosen(self, qid: int) -> None:
        if not self._loading:
            self.answer_changed.emit(qid)

    def commit(self) -> None:
        """Announce the text answers typed since the last time (focus left, Enter, a pause)."""
        self._timer.stop()
        dirty, self._dirty = sorted(self._dirty), set()
        for qid in dirty:
            if qid in self.inputs:
                self.answer_changed.emit(qid)


def _typed_in(widget: QWidget) -> bool:
    return isinstance(widget, (QLineEdit, QPlainTextEdit))


def as_answers(values: Mapping[int, Value]) -> dict[int, str | list[str]]:
    """What the service takes: every answer given (blank ones left out)."""
    return {qid: v for qid, v in values.items() if (v.strip() if isinstance(v, str) else v)}
