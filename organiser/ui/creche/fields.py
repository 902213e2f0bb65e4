"""What the creche's lists show and their editors ask for: bookings, children and staff."""

from __future__ import annotations

from typing import Any

from organiser.core.creche.kinds import HOLDING, BookingStatus, Qualification
from organiser.core.creche.rows import BookingRow, ChildRow, StaffRow
from organiser.core.parsing import format_date, format_time
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Field, Kind

BOOKING_FIELDS = (
    Field("name", "Parent or carer"),
    Field("contact", "Contact", hint="Email or phone (optional)"),
    Field("adults", "Adults coming", Kind.NUMBER, hint="1 if left blank", blank=1),
    Field(
        "children",
        "Children for the creche",
        Kind.NUMBER,
        hint="0 if left blank",
        minimum=0,
        blank=0,
    ),
    Field("access_needs", "Access needs", Kind.TEXT, hint="For example: step-free entrance"),
    Field("heard_from", "How they heard", hint="For example: health visitor, a friend"),
    Field(
        "contact_consent",
        "Agrees to future contact",
        Kind.CHECK,
        hint="Agrees to hear about future sessions; today's date is kept with the agreement",
    ),
    Field("status", "Status", Kind.CHOICE, tuple(s.value for s in BookingStatus)),
    Field("notes", "Notes", Kind.TEXT),
)

CHILD_FIELDS = (
    Field("first_name", "First name"),
    Field("last_name", "Last name", hint="If needed"),
    Field("date_of_birth", "Date of birth", Kind.DATE, hint="dd/mm/yyyy"),
    Field(
        "age_months",
        "Or age in months",
        Kind.NUMBER,
        hint="When the date of birth is not given",
        minimum=0,
    ),
    Field("allergies", "Allergies", hint="For example: peanuts, egg"),
    Field("dietary", "Dietary needs", hint="For example: vegetarian, halal"),
    Field("medical", "Medical or additional needs", Kind.TEXT),
    Field("photo_consent", "Photos allowed", Kind.CHECK, hint="A parent agreed to photos"),
    Field(
        "collectors",
        "Who may collect",
        Kind.TEXT,
        hint="One name and relationship a line, for example: Ruth Hartley (grandmother)",
    ),
    Field("collection_password", "Collection password", hint="Asked of anyone collecting"),
    Field("notes", "Notes", Kind.TEXT),
)

STAFF_FIELDS = (
    Field("name", "Name"),
    Field("role", "Role", hint="For example: creche lead"),
    Field("qualification", "Qualification", Kind.CHOICE, tuple(q.value for q in Qualification)),
    Field("first_aid_expiry", "Paediatric first aid until", Kind.DATE, hint="Day/month/year"),
    Field("dbs_date", "DBS check date", Kind.DATE, hint="Day/month/year"),
    Field("on_from", "On from", Kind.TIME, hint="Blank: the whole session"),
    Field("on_until", "On until", Kind.TIME, hint="Blank: the whole session"),
    Field("notes", "Notes", Kind.TEXT),
)


def values_of(fields: tuple[Field, ...]) -> Any:
    """A row as an editor's values."""
    return lambda row: {f.key: getattr(row, f.key) for f in fields}


def removed(row: BookingRow) -> str:
    """The tooltip of a name whose personal data was removed."""
    return "Personal data removed; counts and attendance kept" if row.anonymised else row.name


def _details(row: BookingRow) -> str:
    if not row.children:
        return "None needed"
    return f"{row.registered} of {row.children} entered"


def _missing(row: BookingRow) -> bool:
    return row.status in HOLDING and row.registered < row.children and not row.anonymised


def _consent(row: BookingRow) -> str:
    if not row.contact_consent:
        return "No"
    when = format_date(row.contact_consent_date)
    return f"Yes, {when}" if when else "Yes"


def status(row: BookingRow) -> str:
    """The status, with the place in the queue for a household on the waiting list."""
    return f"{row.status}, number {row.position}" if row.position else row.status


BOOKING_COLUMNS = (
    Column("Name", lambda r: r.name, tooltip=removed, stretch=True),
    Column("Status", status, warn=lambda r: r.position is not None),
    Column("Adults", lambda r: str(r.adults), align_right=True),
    Column("Children", lambda r: str(r.children), align_right=True),
    Column("Children's details", _details, warn=_missing),
    Column("Future contact", _consent),
)


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def collectors(row: ChildRow) -> str:
    """Who may collect, on one line."""
    names = [line.strip() for line in row.collectors.splitlines() if line.strip()]
    return "; ".join(names) if names else "⚠ Nobody named"


CHILD_COLUMNS = (
    Column("Name", lambda r: r.full_name, stretch=True),
    Column("Age at the event", lambda r: r.age_text, warn=lambda r: r.age is None),
    Column("Age band", lambda r: r.band),
    Column("Allergies", lambda r: r.allergies, warn=lambda r: bool(r.allergies.strip())),
    Column("Medical", lambda r: r.medical, stretch=True),
    Column("Photos", lambda r: yes_no(r.photo_consent)),
    Column("Who collects", collectors, warn=lambda r: not r.collectors.strip(), stretch=True),
)


def _checked(value: Any, what: str) -> str:
    return f"{what} {format_date(value)}" if value else "⚠ Not recorded"


def hours(row: StaffRow) -> str:
    if row.on_from is None and row.on_until is None:
        return "The whole session"
    start = format_time(row.on_from) or "the start"
    end = format_time(row.on_until) or "the end"
    return f"{start}–{end}"


STAFF_COLUMNS = (
    Column("Name", lambda r: r.name, stretch=True),
    Column("Role", lambda r: r.role),
    Column(
        "Qualification",
        lambda r: r.qualification.split(" (")[0],  # "Level 6"; the full name in the tooltip
        tooltip=lambda r: r.qualification,
    ),
    Column(
        "First aid",
        lambda r: _checked(r.first_aid_expiry, "Until"),
        warn=lambda r: r.first_aid_expiry is None,
    ),
    Column("DBS check", lambda r: _checked(r.dbs_date, "On"), warn=lambda r: r.dbs_date is None),
    Column("Hours", hours),
)
