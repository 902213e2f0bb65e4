"""The Staff page: who looks after the children, their checks and hours, and whether there
are enough of them for the children booked."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.creche import service as creche
from organiser.core.creche.counts import ratio_check
from organiser.core.row_kinds import RowKind
from organiser.ui.creche.common import set_role, widen_list, wrapped
from organiser.ui.creche.fields import STAFF_COLUMNS, STAFF_FIELDS, values_of
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

SEES = Touched.CRECHE | Touched.BOOKINGS | Touched.PROGRAMME | Touched.DETAILS


class StaffPage(QWidget):
    """Creche staff with their qualification, first aid, DBS check and hours."""

    SEES = SEES

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.ratio = wrapped(self, "staff_ratio", role="subheading")
        self.section = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.STAFF),
            noun="staff member",
            title="Creche staff",
            columns=STAFF_COLUMNS,
            fields=STAFF_FIELDS,
            load_rows=lambda event_id: creche.list_staff(runner.store, event_id),
            row_values=values_of(STAFF_FIELDS),
            parent=self,
        )
        self.section.rows_changed.connect(self._show_ratio)
        widen_list(self.section, 560, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ratio)
        layout.addWidget(self.section, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's creche staff."""
        self.event_id = event_id
        self.section.set_parent(event_id)
        self._show_ratio()

    def refresh(self, _changes: Changes) -> None:
        """Reload when staff, children or the session's hours changed."""
        self.section.refresh()  # which says the ratio again

    def flush(self) -> None:
        """Save what is typed now."""
        self.section.flush()

    def _show_ratio(self) -> None:
        if self.event_id is None:
            self.ratio.setText("")
            return
        check = ratio_check(self.runner.store, self.event_id)
        self.ratio.setText(f"⚠ {check.summary()}" if check.short else check.summary())
        set_role(self.ratio, "warning" if check.short else "subheading")
