"""The free-text answers: filtered by question and theme, tagged with themes, and starred for
the quote bank, each with what its writer agreed to in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.feedback.kinds import QuoteConsent
from organiser.core.feedback.themes import Quote, ThemeCount
from organiser.ui.creche.common import row_of, set_role, wrapped
from organiser.ui.read_only import keeps_working
from organiser.ui.table_model import Column, RowTableModel

ALL = "All"
ANONYMOUS = "A parent at the session"


def consent_words(quote: Quote) -> str:
    """What the writer agreed to, as the quote bank says it."""
    if quote.consent == QuoteConsent.ANONYMOUS.value:
        return "Agreed to be quoted anonymously"
    if quote.consent == QuoteConsent.FIRST_NAME.value:
        if quote.attribution == ANONYMOUS:
            return "Agreed with first name, but gave none: quoted anonymously"
        return f"Agreed with first name: {quote.attribution}"
    if quote.consent == QuoteConsent.NO.value:
        return "Did not agree — never printed"
    return "Did not say — never printed"


@dataclass(frozen=True)
class Said:
    """A free-text answer as the list shows it."""

    id: int  # the answer's id
    quote: Quote
    themes: tuple[str, ...]
    theme_ids: frozenset[int]


COLUMNS = (
    Column("Star", lambda r: "★ Starred" if r.quote.starred else ""),
    Column("Answer", lambda r: " ".join(r.quote.text.split()), stretch=True),
    Column(
        "May we quote it?", lambda r: consent_words(r.quote), warn=lambda r: not r.quote.printable
    ),
    Column("Themes", lambda r: ", ".join(r.themes) or "—"),
    Column("Question", lambda r: r.quote.question),
)


class AnswersPanel(QWidget):
    """The answers list, and for the chosen answer its themes and its star."""

    tag_clicked = Signal(int, int, bool)  # answer id, theme id, on
    star_clicked = Signal(int, bool)  # answer id, starred

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.everything: list[Said] = []
        self.themes: list[ThemeCount] = []
        self.current_id: int | None = None
        self.question_filter = QComboBox(self)
        self.question_filter.setObjectName("question_filter")
        self.question_filter.setAccessibleName("Show answers to")
        self.theme_filter = QComboBox(self)
        keeps_working(self.question_filter, self.theme_filter)
        self.theme_filter.setObjectName("theme_filter")
        self.theme_filter.setAccessibleName("Show answers with the theme")
        self.starred_only = QCheckBox("Quote bank only (starred)", self)
        self.starred_only.setObjectName("starred_only")
        for combo in (self.question_filter, self.theme_filter):
            combo.currentIndexChanged.connect(lambda _n: self._filter())
        self.starred_only.toggled.connect(lambda _on: self._filter())
        question_label = QLabel("&Question:", self)
        question_label.setBuddy(self.question_filter)
        theme_label = QLabel("&Theme:", self)
        theme_label.setBuddy(self.theme_filter)
        self.shown = wrapped(self, "answers_shown")
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("answers_table")
        self.table.setAccessibleName("Free-text answers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.text = wrapped(self, "answer_text", role="subheading")
        self.consent = wrapped(self, "answer_consent")
        self.star = QCheckBox("★ &Star for reports (the quote bank)", self)
        self.star.setObjectName("star_answer")
        self.star.clicked.connect(self._star_clicked)
        self.star_note = wrapped(self, "star_note")
        self.tags_heading = QLabel("Themes of this answer:", self)
        self.tags_host = QWidget(self)
        self.tags = QGridLayout(self.tags_host)
        self.tags.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[int, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = row_of(question_label, self.question_filter, theme_label, self.theme_filter)
        filters.insertWidget(4, self.starred_only)
        layout.addLayout(filters)
        layout.addWidget(self.shown)
        layout.addWidget(self.table, 1)
        for widget in (self.text, self.consent, self.star, self.star_note, self.tags_heading):
            layout.addWidget(widget)
        layout.addWidget(self.tags_host)

    def set_data(self, said: Sequence[Said], themes: Sequence[ThemeCount]) -> None:
        """Show these answers and themes, keeping filters and the chosen answer."""
        self.everything = list(said)
        if [(t.id, t.name) for t in themes] != [(t.id, t.name) for t in self.themes]:
            self._make_boxes(themes)
        self.themes = list(themes)
        questions = list(dict.fromkeys(s.quote.question for s in self.everything))
        _refill(self.question_filter, [(f"{ALL} questions", None), *((q, q) for q in questions)])
        _refill(self.theme_filter, [(f"{ALL} themes", None), *((t.name, t.id) for t in themes)])
        self._filter()

    def _make_boxes(self, themes: Sequence[ThemeCount]) -> None:
        for box in self.boxes.values():
            self.tags.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for number, theme in enumerate(sorted(themes, key=lambda t: t.id)):
            box = QCheckBox(theme.name.replace("&", "&&"), self.tags_host)
            box.setObjectName(f"tag_{theme.id}")
            box.setAccessibleName(f"Theme: {theme.name}")
            box.clicked.connect(lambda on, theme_id=theme.id: self._tag_clicked(theme_id, on))
            self.tags.addWidget(box, number // 4, number % 4)
            self.boxes[theme.id] = box

    def show_theme(self, theme_id: int) -> None:
        """Show only the answers with one theme."""
        self.theme_filter.setCurrentIndex(max(self.theme_filter.findData(theme_id), 0))

    def _filter(self) -> None:
        question = self.question_filter.currentData()
        theme = self.theme_filter.currentData()
        rows = [
            s
            for s in self.everything
            if (question is None or s.quote.question == question)
            and (theme is None or theme in s.theme_ids)
            and (s.quote.starred or not self.starred_only.isChecked())
        ]
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 320))
        self.shown.setText(f"Showing {len(rows)} of {len(self.everything)} written answers")
        position = self.model.row_of(self.current_id) if self.current_id is not None else None
        if position is None:
            self.current_id = None
        else:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(position, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def choose(self, answer_id: int) -> None:
        """Choose an answer as a click on it would."""
        position = self.model.row_of(answer_id)
        if position is not None:
            self.table.selectRow(position)

    def current(self) -> Said | None:
        """The chosen answer."""
        position = self.model.row_of(self.current_id) if self.current_id is not None else None
        return None if position is None else self.model.row_at(position)

    def _row_chosen(self, current: Any, _previous: Any) -> None:
        if current.isValid():
            self.current_id = self.model.row_at(current.row()).id
            self._show_current()

    def _show_current(self) -> None:
        said = self.current()
        for widget in (self.star, self.tags_heading, self.tags_host, self.consent, self.star_note):
            widget.setVisible(said is not None)
        if said is None:
            self.text.setText("Choose an answer to tag it with themes or star it for reports.")
            return
        quote = said.quote
        self.text.setText(f"“{quote.text}”")
        self.consent.setText(f"May we quote it? {consent_words(quote)}")
        self.star.setChecked(quote.starred)
        for theme_id, box in self.boxes.items():
            box.setChecked(theme_id in said.theme_ids)
        if quote.starred and not quote.printable:
            note = "Starred, but it will not print: the person did not agree to be quoted."
            set_role(self.star_note, "warning")
        elif quote.starred:
            note = (
                f"In the quote bank: the feedback summary prints it, signed “{quote.attribution}”."
            )
            set_role(self.star_note, "")
        elif not quote.printable:
            note = "It can be starred to remember it, but it will never print."
            set_role(self.star_note, "")
        else:
            note = "Star it to print it in the feedback summary."
            set_role(self.star_note, "")
        self.star_note.setText(note)

    def _star_clicked(self, on: bool) -> None:
        if self.current_id is not None:
            self.star_clicked.emit(self.current_id, on)

    def _tag_clicked(self, theme_id: int, on: bool) -> None:
        if self.current_id is not None:
            self.tag_clicked.emit(self.current_id, theme_id, on)


def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace a filter's entries, keeping the one chosen if it is still offered."""
    if [(combo.itemText(n), combo.itemData(n)) for n in range(combo.count())] == items:
        return
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    found = next((n for n, (_t, d) in enumerate(items) if d == current and d is not None), 0)
    combo.setCurrentIndex(found)
    combo.blockSignals(False)
