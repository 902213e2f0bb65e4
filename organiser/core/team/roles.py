"""Team roles on a PostgreSQL team database: who may read and change what, enforced by the
database itself, so a person connecting with psql sees no more than the window shows.

Four group roles per database (and schema) hold the privileges; each person logs in as their
own PostgreSQL role, a member of one group. An organiser reads and changes everything. The
other groups read the tables through security-barrier views in a schema of their own, named
like the tables and first on their search path: a view shows every row with the columns the
role must not read blanked (an empty text, no date), so counts and ratios still add up while
a child's name or allergy, or a parent's telephone, is not there to read. They have no
privilege at all on the tables themselves. Writing is granted table by table (a creche lead
the creche's tables, a volunteer a booking's status for check-in at the door).

SQLite has none of this: a laptop's file is one person's, protected by its password.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection, text


class TeamRole(Enum):
    """A team member's role; the value is its key in the group role's name."""

    ORGANISER = "organiser"
    CRECHE_LEAD = "creche_lead"
    VOLUNTEER = "volunteer"
    VIEWER = "viewer"

    @property
    def words(self) -> str:
        """The role as a person says it: "creche lead"."""
        return self.value.replace("_", " ")

    @property
    def may(self) -> str:
        """What the role is for, in a few words."""
        return _MAY[self]


_MAY = {
    TeamRole.ORGANISER: "everything, and who is in the team",
    TeamRole.CRECHE_LEAD: "the creche, children and bookings; reads the plans",
    TeamRole.VOLUNTEER: "bookings without contact details, and check-in; no children's details",
    TeamRole.VIEWER: "plans and reports, without personal data; changes nothing",
}
# Strongest first: a person in two groups is treated as the stronger.
ORDER = (TeamRole.ORGANISER, TeamRole.CRECHE_LEAD, TeamRole.VOLUNTEER, TeamRole.VIEWER)

CRECHE_TABLES = ("booking", "booking_status_change", "child", "creche", "creche_staff")
_CHILD = (
    "first_name",
    "last_name",
    "date_of_birth",
    "allergies",
    "dietary",
    "medical",
    "collectors",
    "collection_password",
    "notes",
)
# Adults' contact details, and their access needs and notes (health is special category data).
_CONTACTS = {
    "member": ("email", "phone", "access_needs", "availability_notes"),
    "speaker": ("email", "phone", "access_needs", "notes"),
}
_STAFF = ("name", "first_aid_expiry", "dbs_date", "notes")
# Columns each role must not read, by table (an organiser reads everything).
HIDDEN: dict[TeamRole, dict[str, tuple[str, ...]]] = {
    TeamRole.CRECHE_LEAD: dict(_CONTACTS),
    TeamRole.VOLUNTEER: {
        **_CONTACTS,
        "poll_answer": ("note",),  # why someone cannot come: often their health or family
        "booking": ("contact", "notes"),
        "child": _CHILD,
        "creche_staff": _STAFF,
    },
    TeamRole.VIEWER: {
        **_CONTACTS,
        "poll_answer": ("note",),
        "booking": ("name", "contact", "access_needs", "heard_from", "notes", "source_ref"),
        "child": _CHILD,
        "creche_staff": _STAFF,
    },
}
# Columns blanked only on some rows: the answers to the feedback form's contact details and
# first name are personal data; the other answers are what reports are made of.
HIDDEN_WHERE = {
    ("feedback_answer", "value"): (
        "question_id IN (SELECT id FROM {schema}.feedback_question "
        "WHERE standard IN ('contact', 'first_name'))"
    ),
}
# Tables a role does not read at all: the offline copies' own bookkeeping holds whole rows as
# they were taken (on a laptop; a team database keeps it empty, but nothing says it must).
UNREAD: dict[TeamRole, tuple[str, ...]] = {
    TeamRole.CRECHE_LEAD: (),
    TeamRole.VOLUNTEER: ("offline_copy", "offline_row"),
    TeamRole.VIEWER: ("offline_copy", "offline_row"),
}
# Where a role's view works out a value in place of what it hides: a child's age in months
# at the event instead of the date of birth, so the ratios and age checks still hold.
DERIVED = {
    ("child", "age_months"): (
        "date_of_birth",
        # As organiser.core.creche.ages.months_between counts: whole months, down.
        "COALESCE((SELECT ((EXTRACT(YEAR FROM e.date) - EXTRACT(YEAR FROM child.date_of_birth))"
        " * 12 + EXTRACT(MONTH FROM e.date) - EXTRACT(MONTH FROM child.date_of_birth)"
        " - CASE WHEN EXTRACT(DAY FROM e.date) < EXTRACT(DAY FROM child.date_of_birth)"
        " THEN 1 ELSE 0 END)::int "
        "FROM {schema}.booking b JOIN {schema}.event e ON e.id = b.event_id "
        "WHERE b.id = child.booking_id), child.age_months)",
    ),
}
# The change feed is how windows hear each other's changes: every role that writes adds to
# it; only an organiser removes old entries (feed.prune).
ADDS_ONLY = ("change_feed",)
# What each role may change: a whole table (None), or only these columns of it.
WRITES: dict[TeamRole, dict[str, tuple[str, ...] | None]] = {
    TeamRole.CRECHE_LEAD: {
        **{t: None for t in (*CRECHE_TABLES, *ADDS_ONLY, "offline_copy", "offline_row")},
        "offline_return": ("returned_at", "row_version"),  # and adds its own (INSERTS)
        # Taking an event offline marks it on the team database with who has it.
        "event": ("taken_offline_by", "taken_offline_at", "row_version"),
    },
    TeamRole.VOLUNTEER: {
        "booking": ("status", "waiting_since", "row_version"),
        "booking_status_change": None,
        "change_feed": None,
    },
    TeamRole.VIEWER: {},
}
# Tables a role adds rows to though it may change only some columns of them.
INSERTS: dict[TeamRole, tuple[str, ...]] = {TeamRole.CRECHE_LEAD: ("offline_return",)}
RECORD = "export_record"
# Raised whenever these rules or how roles_install puts them in change: a database whose
# roles are of a lower number gets them afresh when its owner opens it (never a higher one,
# so an older copy of Organiser does not put back weaker rules).
RULES_VERSION = 2
# Who may take an event offline (it marks the team's event), and what stays behind for each.
TAKES_OFFLINE = (TeamRole.ORGANISER, TeamRole.CRECHE_LEAD)
LEFT_BEHIND = {
    TeamRole.CRECHE_LEAD: (
        "Members' and speakers' contact details, and the feedback form's contact answers, "
        "stayed on the team database: a creche lead may not read them, so the copy has them "
        "blank (bringing it back leaves the team's as they are)."
    ),
}


def writes(role: TeamRole | None, key: str) -> bool:
    """Whether `role` may write one difference of a bring back, by its key: "table:…" for a
    row added or removed, "table:id:column" for a field."""
    if role is None or role is TeamRole.ORGANISER:
        return True
    table, _, rest = key.partition(":")
    if table not in WRITES[role]:
        return False
    only = WRITES[role][table]
    return only is None or (":" in rest and rest.rsplit(":", 1)[1] in only)


# What each role brings back from an offline copy, in words.
BRINGS_BACK = {
    TeamRole.CRECHE_LEAD: "changes to the creche",
    TeamRole.VOLUNTEER: "check-ins at the door",
    TeamRole.VIEWER: "no changes",
}


def may_take_offline(role: TeamRole | None) -> str | None:
    """Why `role` may not take an event offline; None when it may."""
    if role is None or role in TAKES_OFFLINE:
        return None
    return (
        "Taking an event offline is for organisers and creche leads: you are connected to the "
        f"team database as a {role.words}. You can read the event here while connected."
    )  # the accountability record: everyone adds, organisers read


@dataclass(frozen=True)
class Names:
    """The group roles and view schemas of one database and schema."""

    schema: str  # where the tables are
    prefix: str  # the group roles' and view schemas' names start with this

    def group(self, role: TeamRole) -> str:
        """The group role whose members have `role`: organiser_volunteers."""
        return _fit(self.prefix, {r: f"_{r.value}s" for r in TeamRole})[role]

    def views(self, role: TeamRole) -> str:
        """The schema of the views a role reads through: organiser_volunteer."""
        return _fit(self.prefix, {r: f"_{r.value}" for r in TeamRole})[role]


def _fit(prefix: str, endings: dict[TeamRole, str]) -> dict[TeamRole, str]:
    """The names `prefix` + each ending, as PostgreSQL keeps them (63 bytes, whole letters).

    Earlier versions cut a longer name at 50 letters, added a hash and left the rest to the
    server: the names made so stay while they still differ. Where letters of two bytes left
    them alike (the hash and the ending cut away), each is cut at 50 bytes instead.
    """
    made = {role: _clip(_shortened(prefix + ending), 63) for role, ending in endings.items()}
    if len(set(made.values())) == len(made):
        return made
    return {role: _shortened(prefix + ending, letters=False) for role, ending in endings.items()}


def _shortened(name: str, *, letters: bool = True) -> str:
    """A name over 63 bytes cut to 50 letters (or, not `letters`, 50 bytes) and a hash."""
    if len(name.encode()) <= 63:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    return f"{name[:50] if letters else _clip(name, 50)}_{digest}"


def _clip(name: str, size: int) -> str:
    """At most `size` bytes of whole letters (as the server cuts a name)."""
    return name.encode()[:size].decode(errors="ignore")


def names(connection: Connection) -> Names:
    """The names for the database and schema `connection` works in."""
    # The tables' schema: where alembic_version is (a role's views come first on its search
    # path, and hold none); before the first migration, the first schema on the path.
    database, schema = connection.execute(
        text(
            "SELECT current_database(), coalesce((SELECT n.nspname FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.oid = to_regclass('alembic_version')), current_schema())"
        )
    ).one()
    if schema is None:
        raise RuntimeError("no schema")
    prefix = database if schema == "public" else f"{database}_{schema}"
    return Names(schema=str(schema), prefix=_shortened(str(prefix)))


def q(name: str) -> str:
    """A name quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def installed(connection: Connection, where: Names | None = None) -> bool:
    """Whether this database has its team roles."""
    where = where or names(connection)
    found = connection.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = :name"),
        {"name": where.group(TeamRole.ORGANISER)},
    ).scalar()
    return bool(found)


def can_install(connection: Connection) -> bool:
    """Whether the connected role may create roles (the database's owner should)."""
    row = connection.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    return bool(row)


def table_owner(connection: Connection, where: Names) -> str | None:
    """The login that owns the tables (only it grants on them, and puts the roles in)."""
    owner = connection.execute(
        text(
            "SELECT tableowner FROM pg_tables "
            "WHERE schemaname = :schema AND tablename = 'alembic_version'"
        ),
        {"schema": where.schema},
    ).scalar()
    return None if owner is None else str(owner)


def role_of(connection: Connection, where: Names | None = None) -> TeamRole | None:
    """The connected person's role; None where the database has no team roles (then everyone
    who can connect reads everything, as before roles). The tables' owner is an organiser."""
    where = where or names(connection)
    if not installed(connection, where):
        return None
    owner = connection.execute(
        text(
            "SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables "
            "WHERE schemaname = :schema AND tablename = 'event'"
        ),
        {"schema": where.schema},
    ).scalar()
    if owner:
        return TeamRole.ORGANISER
    for role in ORDER:
        member = connection.execute(
            text("SELECT pg_has_role(current_user, :group, 'MEMBER')"),
            {"group": where.group(role)},
        ).scalar()
        if member:
            return role
    return TeamRole.VIEWER  # can connect, in no group: reads what a viewer reads, at most


def search_path(where: Names, role: TeamRole | None) -> str | None:
    """The search path that puts a role's views before the tables; None for an organiser."""
    if role is None or role is TeamRole.ORGANISER:
        return None
    return f"{q(where.views(role))}, {q(where.schema)}"


def columns_of(connection: Connection, schema: str) -> Mapping[str, list[tuple[str, str]]]:
    """Each table's columns in order, with their exact types."""
    rows = connection.execute(
        text(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relkind = 'r' AND a.attnum > 0 "
            "AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
        ),
        {"schema": schema},
    ).all()
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        tables.setdefault(table, []).append((column, kind))
    return tables


def blank(column: str, kind: str) -> str:
    """What a hidden column reads as: empty text, false, or nothing."""
    if kind.startswith(("character", "text")):
        return f"CAST('' AS {kind})"
    if kind == "boolean":
        return "false"
    return f"CAST(NULL AS {kind})"


def shown(where: Names, role: TeamRole, table: str, columns: list[tuple[str, str]]) -> str | None:
    """The select list of a role's view of `table`; None where the role reads the table as it
    is."""
    hidden = HIDDEN[role].get(table, ())
    conditions = {c: w for (t, c), w in HIDDEN_WHERE.items() if t == table}
    derived = {
        c: sql for (t, c), (source, sql) in DERIVED.items() if t == table and source in hidden
    }
    if not hidden and not conditions:
        return None
    parts = []
    for column, kind in columns:
        if column in hidden:
            parts.append(f"{blank(column, kind)} AS {q(column)}")
        elif column in derived:
            parts.append(f"{derived[column].format(schema=q(where.schema))} AS {q(column)}")
        elif column in conditions:
            condition = conditions[column].format(schema=q(where.schema))
            parts.append(
                f"CASE WHEN {condition} THEN {blank(column, kind)} ELSE {q(column)} END "
                f"AS {q(column)}"
            )
        else:
            parts.append(q(column))
    return ", ".join(parts)
