"""The Themes and quotes page: themes with their counts beside the free-text answers they tag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.feedback import responses, themes
from organiser.ui.creche.common import button, row_of, set_role, tell, wrapped
from organiser.ui.feedback.quotes import AnswersPanel, Said
from organiser.ui.feedback.undo import star_inverse, tag_inverse, theme_inverse
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel

COLUMNS = (
    Column("Theme", lambda t: t.name, stretch=True),
    Column("Answers", lambda t: str(t.answers), align_right=True),
)


class ThemesPage(QWidget):
    """Themes on the left; the written answers, their themes and stars on the right."""

    SEES = Touched.FEEDBACK

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.heading = QLabel("Themes", self)
        self.heading.setProperty("role", "subheading")
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("themes_table")
        self.table.setAccessibleName("Themes with how many answers carry each")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._theme_chosen)
        self.new_theme = QLineEdit(self)
        self.new_theme.setObjectName("new_theme")
        self.new_theme.setAccessibleName("New theme")
        self.new_theme.setPlaceholderText("For example: Exercise")
        self.new_theme.returnPressed.connect(self.add_theme)
        self.new_label = QLabel("&New theme:", self)
        self.new_label.setBuddy(self.new_theme)
        self.add_button = button(self, "&Add theme", "add_theme")
        self.add_button.clicked.connect(self.add_theme)
        self.delete_button = button(self, "Delete theme", "delete_theme")
        self.delete_button.clicked.connect(self.delete_theme)
        self.message = wrapped(self, "theme_message")
        self.answers = AnswersPanel(self)
        self.answers.tag_clicked.connect(self.tag)
        self.answers.star_clicked.connect(self.star)
        self._build()

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.new_label)
        left_layout.addWidget(self.new_theme)
        left_layout.addLayout(row_of(self.add_button, self.delete_button))
        left_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.answers)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's themes and answers."""
        if event_id != self.event_id:
            self.message.setText("")
            self.answers.current_id = None
        self.event_id = event_id
        for widget in (self.add_button, self.new_theme):
            widget.setEnabled(event_id is not None)
        self.reload()

    def refresh(self, _changes: Changes) -> None:
        """Reload after answers, themes, tags or stars changed."""
        self.reload()

    def flush(self) -> None:
        """Nothing here waits to be saved: a tag or a star saves at once."""

    def reload(self) -> None:
        """Themes with their counts, and every written answer."""
        if self.event_id is None:
            self.model.set_rows([])
            self.answers.set_data([], [])
            self.delete_button.setEnabled(False)
            return
        store, event_id = self.runner.store, self.event_id
        chosen = self._chosen_theme()
        found = themes.list_themes(store, event_id)
        tags = themes.themes_of(store, event_id)
        names = {t.id: t.name for t in found}
        said = []
        for quote in themes.quotes(store, event_id, for_print=False):
            ids = tags.get(quote.answer_id, set())
            theme_names = tuple(names[t] for t in sorted(ids, key=lambda t: names[t]))
            said.append(Said(quote.answer_id, quote, theme_names, frozenset(ids)))
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(found)
        position = self.model.row_of(chosen) if chosen is not None else None
        if position is not None:
            self.table.selectRow(position)
        self.table.selectionModel().blockSignals(False)
        self.table.resizeColumnToContents(1)
        self.delete_button.setEnabled(position is not None)
        self.answers.set_data(said, found)

    def _chosen_theme(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _theme_chosen(self, current: Any, _previous: Any) -> None:
        self.delete_button.setEnabled(current.isValid())
        if current.isValid():
            self.answers.show_theme(self.model.row_at(current.row()).id)

    def add_theme(self) -> None:
        """A theme of the event's own (Ctrl+Z deletes it)."""
        if self.event_id is None:
            return
        store, event_id, name = self.runner.store, self.event_id, self.new_theme.text()
        try:
            done = self.runner.push(
                "Add theme",
                lambda: themes.add_theme(store, event_id=event_id, name=name),
                theme_inverse(store),
                quiet=True,
            )
        except ValidationError as exc:
            self.message.setText(f"⚠ {exc}")
            set_role(self.message, "error")
            return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        if done is not None:
            self.new_theme.clear()
            self._say(f"Theme “{' '.join(name.split())}” added.")

    def delete_theme(self) -> None:
        """Delete the chosen theme and its tags (Ctrl+Z brings both back)."""
        theme_id = self._chosen_theme()
        position = self.model.row_of(theme_id) if theme_id is not None else None
        if theme_id is None or position is None:
            return
        theme = self.model.row_at(position)
        store = self.runner.store
        done = self.runner.push(
            "Delete theme",
            lambda: themes.delete_theme(store, theme_id=theme_id),
            theme_inverse(store),
        )
        if done is not None:
            plural = "s" if theme.answers != 1 else ""
            on = f", which was on {theme.answers} answer{plural}" if theme.answers else ""
            self._say(f"Theme “{theme.name}” deleted{on}. Ctrl+Z brings it back.")

    def _say(self, text: str) -> None:
        set_role(self.message, "")
        self.message.setText(text)
        tell(self, text)

    def tag(self, answer_id: int, theme_id: int, on: bool) -> None:
        """Tag the chosen answer with a theme, or take the tag off (Ctrl+Z reverses it)."""
        store = self.runner.store
        self.runner.push(
            "Tag answer" if on else "Untag answer",
            lambda: themes.tag(store, answer_id=answer_id, theme_id=theme_id, on=on),
            tag_inverse(store, answer_id, theme_id),
        )

    def star(self, answer_id: int, starred: bool) -> None:
        """Star an answer for the quote bank, or take the star away (Ctrl+Z reverses it)."""
        store = self.runner.store
        self.runner.push(
            "Star quote" if starred else "Unstar quote",
            lambda: responses.set_starred(store, answer_id=answer_id, starred=starred),
            star_inverse(store),
        )
