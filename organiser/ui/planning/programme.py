"""The programme (running order): items by time, with overlaps, gaps and the total length."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.creche import service as creche
from organiser.core.parsing import format_time
from organiser.core.planning import service as planning
from organiser.core.planning.kinds import NEW_ITEM_KIND, ItemKind
from organiser.core.planning.rows import ProgrammeRow
from organiser.core.planning.rules import ProgrammeCheck
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

FIELDS = (
    Field("start", "Starts", Kind.TIME, hint="For example 10:00"),
    Field("end", "Ends", Kind.TIME, hint="For example 10:30"),
    Field("title", "Title"),
    Field("kind", "Kind", Kind.CHOICE, tuple(k.value for k in ItemKind), blank=NEW_ITEM_KIND.value),
    Field("lead", "Led by"),
    Field("room", "Room"),
    Field(
        "alongside",
        "Runs alongside other items",
        Kind.CHECK,
        hint="Tick for something that runs all through, as a creche does: it is not an overlap",
    ),
    Field("notes", "Notes", Kind.TEXT),
)


def _notes(row: ProgrammeRow) -> str:
    parts = [f"⚠ {w}" for w in row.warnings]
    if row.alongside:
        parts.append("Runs alongside")
    return " · ".join(parts) or "OK"


COLUMNS = (
    Column("Time", lambda r: f"{format_time(r.start)}–{format_time(r.end)}"),
    Column("Title", lambda r: r.title, stretch=True),
    Column("Kind", lambda r: r.kind),
    Column("Led by", lambda r: r.lead),
    Column("Room", lambda r: r.room),
    Column("Checks", _notes, warn=lambda r: bool(r.warnings)),
)


def item_values(row: ProgrammeRow) -> dict[str, Any]:
    """A programme item as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}


class ProgrammePage(QWidget):
    """The running order and its checks; prints as a PDF."""

    SEES = Touched.PROGRAMME | Touched.DETAILS | Touched.CRECHE | Touched.BOOKINGS

    print_requested = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self._check = ProgrammeCheck()
        self.summary = QLabel(self)
        self.summary.setObjectName("programme_summary")
        self.summary.setWordWrap(True)
        self.print_button = QPushButton("Save programme as &PDF…", self)
        self.print_button.clicked.connect(self.print_requested)
        self.section = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.PROGRAMME),
            noun="programme item",
            title="Running order",
            columns=COLUMNS,
            fields=FIELDS,
            load_rows=self._load,
            row_values=item_values,
            parent=self,
        )
        self.section.rows_changed.connect(self._summarise)
        top = FlowLayout()  # the button under the summary when narrow
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.section, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's programme."""
        self.event_id = event_id
        self.section.set_parent(event_id)

    def flush(self) -> None:
        """Save what is typed now."""
        self.section.flush()

    def refresh(self, changes: Changes) -> None:
        """Reload when items or the event's times changed."""
        if changes.touched & (Touched.PROGRAMME | Touched.DETAILS):
            self.section.refresh()
        elif changes.touched & (Touched.CRECHE | Touched.BOOKINGS):
            self._summarise()

    def _load(self, event_id: int) -> list[ProgrammeRow]:
        rows, self._check = planning.programme(self.runner.store, event_id)
        return rows

    def _summarise(self) -> None:
        if self.event_id is None:
            self.summary.setText("")
            return
        check = self._check
        count = self.section.model.rowCount()
        if not count:
            self.summary.setText("No programme items yet: add the first with New programme item.")
            return
        head = f"{count} item{'s' if count != 1 else ''} · {check.total_text} in all"
        catering = creche.catering_note(self.runner.store, self.event_id)
        if catering:
            head += f"\n{catering}"
        if check.overall:
            lines = "\n".join(f"⚠ {w}" for w in check.overall)
            self.summary.setText(f"{head}\n{lines}")
        else:
            self.summary.setText(f"{head} · no overlaps or gaps")
