"""The working group: members with roles, organisations, needs and consent."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.parsing import format_date
from organiser.core.planning import service as planning
from organiser.core.planning.kinds import Role
from organiser.core.planning.rows import MemberRow
from organiser.core.row_kinds import RowKind
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Field, Kind, set_choices
from organiser.ui.widgets.row_section import RowSection
from organiser.ui.widgets.row_verbs import crud_verbs

FIELDS = (
    Field("name", "Name"),
    Field("role", "Role", Kind.CHOICE, tuple(r.value for r in Role)),
    Field("organisation", "Organisation", Kind.COMBO_TEXT, hint="Type or choose from the list"),
    Field("email", "Email"),
    Field("phone", "Phone"),
    Field("access_needs", "Access needs", Kind.TEXT, hint="For example: step-free rooms"),
    Field(
        "availability_notes",
        "Availability",
        Kind.TEXT,
        hint="For example: school run until 9:30; brings baby to meetings",
    ),
    Field("consent_to_keep", "Agrees that we keep their contact details", Kind.CHECK),
)


def _name(row: MemberRow) -> str:
    return f"{row.name} — same name as another member" if row.duplicate else row.name


def _contact(row: MemberRow) -> str:
    return " · ".join(part for part in (row.email, row.phone) if part)


def _needs(row: MemberRow) -> str:
    return " · ".join(part for part in (row.access_needs, row.availability_notes) if part)


def _consent(row: MemberRow) -> str:
    if not row.consent_to_keep:
        return "No"
    return f"Yes, {format_date(row.consent_date)}" if row.consent_date else "Yes"


COLUMNS = (
    Column("Name", _name, warn=lambda r: r.duplicate),
    Column("Role", lambda r: r.role),
    Column("Organisation", lambda r: r.organisation),
    Column("Contact", _contact),
    Column("Needs and availability", _needs, stretch=True),
    Column("Consent to keep details", _consent),
)


def member_values(row: MemberRow) -> dict[str, Any]:
    """A member as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}


class MembersPage(QWidget):
    """Who is in the working group, and what they need to take part."""

    SEES = Touched.MEMBERS | Touched.ORGANISATIONS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.section = RowSection(
            runner,
            verbs=crud_verbs(runner, RowKind.MEMBERS),
            noun="member",
            title="Members",
            columns=COLUMNS,
            fields=FIELDS,
            load_rows=lambda event_id: planning.list_members(runner.store, event_id),
            row_values=member_values,
            parent=self,
        )
        self.section.rows_changed.connect(self._summarise)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.section, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's working group."""
        self._refresh_organisations()
        self.section.set_parent(event_id)

    def flush(self) -> None:
        """Save what is typed now."""
        self.section.flush()

    def refresh(self, changes: Changes) -> None:
        """Reload when members or organisations changed."""
        if Touched.ORGANISATIONS in changes.touched:
            self._refresh_organisations()
        if changes.touched & (Touched.MEMBERS | Touched.ORGANISATIONS):
            self.section.refresh()

    def _refresh_organisations(self) -> None:
        set_choices(
            self.section.form.inputs["organisation"],
            ["", *planning.list_organisations(self.runner.store)],
        )

    def _summarise(self) -> None:
        rows = [self.section.model.row_at(i) for i in range(self.section.model.rowCount())]
        lived = sum(r.role == Role.LIVED_EXPERIENCE.value for r in rows)
        parts = [f"{len(rows)} member{'s' if len(rows) != 1 else ''}"]
        parts.append(
            f"{lived} with lived experience" if lived else "no one with lived experience yet"
        )
        duplicates = sum(r.duplicate for r in rows)
        if duplicates:
            parts.append(f"⚠ {duplicates} share a name: check for duplicates")
        self.summary.setText(" · ".join(parts))
