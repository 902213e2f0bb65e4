"""A searchable list of rows with an editor beside it, saving through injected service verbs.

Like `organiser.ui.widgets.row_section.RowSection`, but not tied to `organiser.core.crud`
sections, and with a filter proxy so a directory of 10,000 speakers can be searched.

An edit sends only the fields the person changed, so someone else's change to another field
is kept. Verbs that can also read a row's version and save against it (`version`,
`update_from`) turn someone else's change to the same field into a choice between both values
(organiser.ui.team.edits) instead of an overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
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
from organiser.ui.ops import Inverse, OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.team.edits import UNKNOWN, Update, VersionedEdits
from organiser.ui.widgets.fields import Field
from organiser.ui.widgets.form import FieldForm


@dataclass(frozen=True)
class Verbs:
    """The service calls behind a pane: add, edit, delete, and how each is undone."""

    add: Callable[[dict[str, Any]], Changes]
    update: Callable[[int, dict[str, Any]], Changes]
    delete: Callable[[int], Changes]
    inverse: Inverse
    version: Callable[[int], int] | None = None  # a row's version now
    update_from: Update | None = None  # update(row, values, base, version), may clash


class RowFilter(QSortFilterProxyModel):
    """Keeps the rows whose words contain what was typed (case and accents as typed)."""

    def __init__(self, haystack: Callable[[Any], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._haystack = haystack
        self._needle = ""

    def set_text(self, text: str) -> None:
        """Show only rows containing `text` (all rows when blank)."""
        needle = text.casefold().strip()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return self._needle in self._haystack(model.row_at(source_row))


class RecordPane(QWidget):
    """Table on the left, editor on the right; edits save as they are typed."""

    rows_changed = Signal()
    current_changed = Signal(object)  # the chosen row's id, or None while a new row is typed

    def __init__(
        self,
        runner: OpRunner,
        *,
        name: str,
        noun: str,
        title: str,
        columns: Sequence[Column],
        fields: Sequence[Field],
        verbs: Verbs,
        load_rows: Callable[[], Sequence[Any]],
        row_values: Callable[[Any], Mapping[str, Any]],
        haystack: Callable[[Any], str] = lambda _row: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.noun = noun
        self.verbs = verbs
        self.enabled = True  # False while there is nothing to add to (no event open)
        self._load_rows = load_rows
        self._row_values = row_values
        self.current_id: int | None = None
        self._leaving = False
        self.model = RowTableModel(columns, self)
        self.proxy = RowFilter(haystack, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}_table")
        self.table.setAccessibleName(f"{noun.capitalize()} list")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Widths come from a sample of rows: ResizeToContents would measure all 10,000 rows.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._stretch = [n for n, column in enumerate(columns) if column.stretch]
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.title = QLabel(title, self)
        self.title.setProperty("role", "subheading")
        self.new_button = QPushButton(f"&New {noun}", self)
        self.new_button.setObjectName(f"new_{name}")
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(f"Delete {noun}", self)
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
            read_version=self._version,
            update=self._update_from,
            inverse=lambda: self.verbs.inverse,
        )
        self.mode_label = QLabel(self)
        self.mode_label.setProperty("role", "subheading")
        self.add_button = QPushButton(f"&Add {noun}", self)
        self.add_button.setObjectName(f"add_{name}")
        self.add_button.clicked.connect(self.add_now)
        self.list_layout = QVBoxLayout()  # above the table: pages add search boxes here
        self.buttons = QHBoxLayout()
        self.editor_layout = QVBoxLayout()  # under the form: pages add their extras here
        self._build()

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.title)
        left_layout.addLayout(self.list_layout)
        self.buttons.addWidget(self.new_button)
        self.buttons.addWidget(self.delete_button)
        left_layout.addLayout(self.buttons)
        left_layout.addWidget(self.table, 1)
        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.addWidget(self.mode_label)
        column.addWidget(self.form)
        column.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addLayout(self.editor_layout)
        column.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        scroll.setMinimumWidth(320)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # Three fifths for the list, two for the editor; the splitter scales these to fit.
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # Rows.

    def refresh(self) -> None:
        """Reload the rows and keep the chosen one chosen."""
        keep = self.current_id
        # Read before the rows: what the editor then shows is at least as new as this version.
        version = self.edits.version_now(keep) if keep is not None else None
        rows = self._load_rows()
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

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for number in range(self.model.columnCount()):
            widest = 360 if number in self._stretch else 240
            header.resizeSection(number, min(header.sectionSize(number), widest))

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
        else:
            selection.clear()
        selection.blockSignals(False)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.form.save_now()
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
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
        self.table.clearSelection()
        self.mode_label.setText(f"New {self.noun}")
        self.add_button.show()
        self.add_button.setEnabled(self.enabled)
        self.form.load({f.key: None for f in self.form.fields}, force=True)
        self.edits.clear()
        self.delete_button.setEnabled(False)

    def focus_first_field(self) -> None:
        """Put the cursor in the first input."""
        self.form.inputs[self.form.fields[0].key].setFocus()

    # Saving.

    def flush(self) -> None:
        """Save what is typed now, a half-filled new row included (switching, closing)."""
        self._leaving = True
        try:
            self.form.save_now()
        finally:
            self._leaving = False

    def add_now(self) -> None:
        """Add the typed row (the Add button)."""
        self._save(explicit=True)

    def save(self) -> None:
        """Save what was typed: an edit to the chosen row, or a new row once it is complete."""
        self._save(explicit=False)

    def _save(self, *, explicit: bool) -> None:
        if not self.enabled:
            return
        new_row = self.current_id is None and not (explicit or self._leaving)
        if new_row and self.form.contains_focus():
            # Moving between the fields of a new row: add it when the person leaves the form.
            self.form.keep_pending()
            return
        values, errors = self.form.read()
        if self.current_id is None:
            self._add(values, errors, explicit=explicit)
        else:
            self._update(values, errors)

    def _add(self, values: dict[str, Any], errors: dict[str, str], *, explicit: bool) -> None:
        if errors:
            self.form.show_errors(errors)
            return
        add = self.verbs.add
        try:
            changes = self.runner.call(lambda: add(values), quiet=True)
        except ValidationError as exc:
            self.form.show_errors({exc.field or "": str(exc)} if explicit else {})
            return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        assert changes is not None
        self.runner.record(f"Add {self.noun}", changes, self.verbs.inverse)
        self.form.mark_saved(values)
        self.form.show_errors({})
        self._set_current(changes.created_id)
        self.refresh()
        self.mode_label.setText(f"Editing this {self.noun}")
        self.add_button.hide()

    def _update(self, values: dict[str, Any], errors: dict[str, str]) -> None:
        assert self.current_id is not None
        self.edits.save(self.current_id, values, errors)

    def _version(self, row_id: int) -> int:
        return self.verbs.version(row_id) if self.verbs.version is not None else UNKNOWN

    def _update_from(
        self, row_id: int, values: dict[str, Any], base: dict[str, Any], version: int
    ) -> Changes:
        if self.verbs.update_from is not None:
            return self.verbs.update_from(row_id, values, base, version)
        return self.verbs.update(row_id, values)

    def delete_current(self) -> None:
        """Delete the chosen row (Ctrl+Z brings it back)."""
        if self.current_id is None:
            return
        row_id, delete = self.current_id, self.verbs.delete
        self.runner.push(f"Delete {self.noun}", lambda: delete(row_id), self.verbs.inverse)
