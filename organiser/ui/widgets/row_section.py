"""A list of rows with an editor beside it: the one list-and-form section every list page is
made of (members, programme, bookings, the speakers directory, invitations, …).

It is given its verbs (`Verbs`: add, edit, delete, a row's version, undo) and how to list a
parent's rows, and optionally what a search box looks through. An edit sends only the fields
the person changed, against the version shown, so someone else's change is kept or becomes a
choice between both values (organiser.ui.widgets.versioned_edits), never an overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes
from organiser.core.errors import OrganiserError, ValidationError
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.fields import Field
from organiser.ui.widgets.fit import ReflowSplitter
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.form import FieldForm
from organiser.ui.widgets.mnemonics import FIRST, LAST, wants_letter
from organiser.ui.widgets.row_verbs import RowFilter, Verbs
from organiser.ui.widgets.versioned_edits import VersionedEdits

# The parent of rows that belong to no event (the speakers directory): always open.
EVERY_EVENT = 0


class RowSection(QWidget):
    """Table on the left, editor on the right; edits save as they are typed."""

    rows_changed = Signal()
    current_changed = Signal(object)  # the chosen row's id, or None while a new row is typed

    def __init__(
        self,
        runner: OpRunner,
        *,
        noun: str,
        title: str,
        columns: Sequence[Column],
        fields: Sequence[Field],
        verbs: Verbs,
        load_rows: Callable[[int], Sequence[Any]],  # rows of one parent (event, meeting, poll)
        row_values: Callable[[Any], Mapping[str, Any]],
        haystack: Callable[[Any], str] | None = None,  # what a search looks through
        editor_below: bool = False,  # for wide tables: the editor under the table, not beside
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.verbs = verbs
        self.noun = noun
        self._load_rows = load_rows
        self._row_values = row_values
        self.parent_id: int | None = None
        self.current_id: int | None = None
        self._leaving = False
        name = verbs.name
        self.model = RowTableModel(columns, self)
        self.proxy = RowFilter(haystack, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}_table")
        self.table.setAccessibleName(f"{noun.capitalize()} list")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Arrows move between rows; Tab must leave the table for the editor, not walk its cells.
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Widths come from a sample of rows each time the rows change: ResizeToContents
        # would measure all of 10,000 rows on every layout.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.title = QLabel(title, self)
        self.title.setProperty("role", "subheading")
        self.title.setWordWrap(True)
        # Their letters ("&New …" where free) are given when first shown (widgets.mnemonics).
        self.new_button = QPushButton(f"New {noun}", self)
        wants_letter(self.new_button, FIRST)
        self.new_button.setObjectName(f"new_{name}")
        self.new_button.clicked.connect(self._new_row)
        self.delete_button = QPushButton(f"Delete {noun}", self)
        wants_letter(self.delete_button, LAST)
        self.delete_button.setObjectName(f"delete_{name}")
        self.delete_button.clicked.connect(self.delete_current)
        self.form = FieldForm(fields, self)
        self.form.setObjectName(f"{name}_form")
        self.form.save_requested.connect(self.save)
        self.edits = VersionedEdits(
            self,
            runner,
            self.form,
            noun=noun,
            current=lambda: self.current_id,
            read_version=verbs.version,
            update=verbs.update,
            inverse=verbs.inverse,
        )
        self.mode_label = QLabel(self)
        self.mode_label.setProperty("role", "subheading")
        self.add_button = QPushButton(f"Add {noun}", self)
        wants_letter(self.add_button, FIRST)
        self.add_button.setObjectName(f"add_{name}")
        self.add_button.clicked.connect(self.add_now)
        self.list_layout = QVBoxLayout()  # above the table: pages add search boxes here
        self.buttons = FlowLayout()  # New, Delete, and the page's own (add_button_beside)
        self.editor_layout = QVBoxLayout()  # under the form: pages add their extras here
        self._build(editor_below)
        # Tab from the last field reaches Add; Enter in a one-line field adds as well.
        QWidget.setTabOrder(self.form.inputs[self.form.fields[-1].key], self.add_button)
        self.form.entered.connect(self._entered)
        self.start_new()

    def _build(self, editor_below: bool) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # The heading sits above its buttons so the list fits a 1366-pixel screen.
        left_layout.addWidget(self.title)
        left_layout.addLayout(self.list_layout)
        self.buttons.addWidget(self.new_button)
        self.buttons.addWidget(self.delete_button)
        left_layout.addLayout(self.buttons)
        left_layout.addWidget(self.table, 1)
        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.mode_label)
        editor_layout.addWidget(self.form)
        editor_layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        editor_layout.addLayout(self.editor_layout)
        editor_layout.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        scroll.setMinimumWidth(300)
        # A narrow window (or zoomed text) must never cut off the editor's right-hand side.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Not a Tab stop of its own: the inputs inside take the focus and scroll into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Side by side where there is room, else (and on pages that ask) the form under the list.
        self.splitter = (
            QSplitter(Qt.Orientation.Vertical, self) if editor_below else ReflowSplitter(self)
        )
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def add_button_beside(self, button: QPushButton) -> None:
        """Put one of the page's own buttons after New and Delete."""
        self.buttons.addWidget(button)

    def flush(self) -> None:
        """Save what is typed now, a half-filled new row included (switching, closing)."""
        self._leaving = True
        try:
            self.form.save_now()
        finally:
            self._leaving = False

    def set_parent(self, parent_id: int | None) -> None:
        """Show the rows of another event (or meeting, or poll), or of the same one again,
        keeping its chosen row chosen."""
        self.flush()
        if parent_id != self.parent_id:
            self._set_current(None)
        self.parent_id = parent_id
        self.new_button.setEnabled(parent_id is not None)
        self.refresh()
        if self.current_id is None:
            self.start_new()

    def refresh(self) -> None:
        """Reload the rows and keep the chosen one chosen."""
        keep = self.current_id
        # Read before the rows: what the editor then shows is at least as new as this version.
        version = self.edits.version_now(keep) if keep is not None else None
        rows = self._load_rows(self.parent_id) if self.parent_id is not None else []
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows)
        selection.blockSignals(False)
        self._fit_columns()
        position = self.model.row_of(keep) if keep is not None else None
        if position is None:
            if keep is not None:
                self.start_new()
        else:
            self._select(position)
            self.form.load(self._row_values(self.model.row_at(position)))
            if version is not None:
                self.edits.refreshed(version)
        self.delete_button.setEnabled(self.current_id is not None)
        self.rows_changed.emit()

    def _show_added(self, changes: Changes) -> None:
        """Choose the row just added: the list the change reloaded has it already (else, on a
        page that did not hear the change, read it again), at the version the add returned."""
        position = self.model.row_of(changes.created_id) if changes.created_id else None
        if position is None or changes.row_version is None:
            self.refresh()
            return
        self._select(position)
        self.form.load(self._row_values(self.model.row_at(position)))
        self.edits.refreshed(changes.row_version)
        self.delete_button.setEnabled(True)
        self.rows_changed.emit()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for number in range(self.model.columnCount()):
            header.resizeSection(number, min(header.sectionSize(number), 360))

    def current_row(self) -> Any:
        """The plain row chosen (None while a new row is typed)."""
        if self.current_id is None:
            return None
        position = self.model.row_of(self.current_id)
        return self.model.row_at(position) if position is not None else None

    def shown_rows(self) -> list[Any]:
        """The rows the filter lets through, top to bottom."""
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(n, 0)).row())
            for n in range(self.proxy.rowCount())
        ]

    def _select(self, position: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:  # the row is hidden by the search
            selection.clear()
        selection.blockSignals(False)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current)
        chosen = self.model.row_at(source.row()) if current.isValid() else None
        # Before another row fills the editor: an edit is saved, a complete new row added.
        self.flush()
        position = self.model.row_of(chosen.id) if chosen is not None else None
        if position is None:
            return
        self._select(position)  # adding a new row may have chosen that one
        row = self.model.row_at(position)
        self.mode_label.setText(f"Editing this {self.noun}")
        self.add_button.hide()
        self.form.load(self._row_values(row), force=True)
        self.edits.shown(row.id)
        self.delete_button.setEnabled(True)
        self._set_current(row.id)

    def _set_current(self, row_id: int | None) -> None:
        changed = row_id != self.current_id
        self.current_id = row_id
        if changed:
            self.current_changed.emit(row_id)

    def choose(self, row_id: int) -> None:
        """Choose a row by its id, as a click on it would."""
        position = self.model.row_of(row_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def start_new(self) -> None:
        """Clear the editor for a new row."""
        self.flush()
        self._set_current(None)
        # The current row too, not only the highlight: else a click on it would not choose it.
        self.table.selectionModel().clear()
        self.mode_label.setText(f"New {self.noun}")
        self.add_button.show()
        self.add_button.setEnabled(self.parent_id is not None)
        self.form.load({f.key: None for f in self.form.fields}, force=True)
        self.edits.clear()
        self.delete_button.setEnabled(False)

    def _new_row(self) -> None:
        """New …: an empty editor with the cursor in its first field, ready to type."""
        self.start_new()
        self.focus_first_field()

    def unsaved_new_row(self) -> str | None:
        """Try once more to add a half-typed new row; say why it cannot be (None: nothing lost)."""
        if self.current_id is not None or self.parent_id is None or not self.form.has_typing():
            return None
        self._save(explicit=True)
        if self.current_id is not None:
            return None
        reasons = self.form.problems()
        return f"The new {self.noun} is not saved: {reasons[0] if reasons else 'it is incomplete'}"

    def focus_first_field(self) -> None:
        """Put the cursor in the first input."""
        self.form.inputs[self.form.fields[0].key].setFocus()

    def add_now(self) -> None:
        """Add the typed row (the Add button, or Enter)."""
        self._save(explicit=True)

    def _entered(self) -> None:
        if self.current_id is None:
            self.add_now()

    def save(self) -> None:
        """Save what was typed: an edit to the chosen row, or a new row once it is complete."""
        self._save(explicit=False)

    def _save(self, *, explicit: bool) -> None:
        if self.parent_id is None:
            return
        if self.current_id is None and not (explicit or self._leaving):
            # A new row is added by Add or Enter, never by merely leaving a field or the form;
            # switching away or closing still adds a complete one (flush, unsaved_new_row).
            self.form.keep_pending()
            return
        values, errors = self.form.read()
        if self.current_id is None:
            self._add(values, errors, explicit=explicit)
        else:
            self.edits.save(self.current_id, values, errors)

    def _add(self, values: dict[str, Any], errors: dict[str, str], *, explicit: bool) -> None:
        parent_id, add = self.parent_id, self.verbs.add
        assert parent_id is not None
        if errors:
            self.form.show_errors(errors)
            return
        try:
            changes = self.runner.call(lambda: add(parent_id, values), quiet=True, origin=self)
        except ValidationError as exc:
            self.form.show_errors({exc.field or "": str(exc)} if explicit else {})
            return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        assert changes is not None
        self.runner.record(f"Add {self.noun}", changes, self.verbs.inverse())
        self.form.mark_saved(values)
        self.form.show_errors({})
        self._set_current(changes.created_id)
        self._show_added(changes)
        self.mode_label.setText(f"Editing this {self.noun}")
        if self.add_button.hasFocus():  # pressed from the keyboard: Space next starts another
            self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.add_button.hide()

    def delete_current(self) -> None:
        """Delete the chosen row (Ctrl+Z brings it back)."""
        if self.current_id is None:
            return
        row_id, delete = self.current_id, self.verbs.delete
        self.runner.push(f"Delete {self.noun}", lambda: delete(row_id), self.verbs.inverse())
