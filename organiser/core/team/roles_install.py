"""Putting the team roles' privileges, views and row policies into a PostgreSQL database (and
taking them out). Run after every migration, so the views follow the tables' columns."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

from organiser.core.team.roles import (
    ADDS_ONLY,
    INSERTS,
    RECORD,
    RULES_VERSION,
    UNREAD,
    WRITES,
    Names,
    TeamRole,
    can_install,
    columns_of,
    installed,
    names,
    q,
    shown,
    table_owner,
)

_OTHERS = (TeamRole.CRECHE_LEAD, TeamRole.VOLUNTEER, TeamRole.VIEWER)


def _run(connection: Connection, statements: list[str]) -> None:
    for statement in statements:
        connection.execute(text(statement))


def install(connection: Connection) -> Names:
    """Create the group roles (once), then grant each what it may read and change, afresh."""
    where = names(connection)
    groups = {role: where.group(role) for role in TeamRole}
    for group in groups.values():
        found = connection.execute(
            text("SELECT count(*) FROM pg_roles WHERE rolname = :name"), {"name": group}
        ).scalar()
        if not found:
            connection.execute(text(f"CREATE ROLE {q(group)} NOLOGIN"))
    schema = q(where.schema)
    everyone = ", ".join(q(g) for g in groups.values())
    organisers = q(groups[TeamRole.ORGANISER])
    statements = [
        # Nobody but the owner makes objects beside the tables (one named like a table could
        # stand in for it on someone's search path).
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {schema} TO {everyone}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {everyone}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {organisers}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {organisers}",
        # Organisers say who is in the team (File ▸ Team members…).
        *(f"GRANT {q(groups[r])} TO {organisers} WITH ADMIN OPTION" for r in _OTHERS),
    ]
    tables = columns_of(connection, where.schema)
    for role in _OTHERS:
        statements += _role_views(where, role, tables)
    statements += _record_policies(where, everyone, organisers)
    statements.append(f"COMMENT ON SCHEMA {q(where.views(TeamRole.VIEWER))} IS '{_MARK}'")
    _run(connection, statements)
    _grant_sequences(connection, where)
    return where


_MARK = f"organiser team roles {RULES_VERSION}"


def _version(mark: object) -> int:
    """The rules' number a database's roles were put in with (0: none, or not known)."""
    words = str(mark or "").split()
    return int(words[-1]) if mark and words[-1].isdigit() else 0


def _as_owner(connection: Connection, where: Names) -> bool:
    """Act as the tables' owner for the rest of this transaction (a superuser steps into it,
    so what is made is the owner's); False when this login cannot."""
    owner = table_owner(connection, where)
    if owner is None:
        return False
    me, superuser = connection.execute(
        text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
    ).one()
    if me != owner:
        if not superuser:
            return False
        connection.execute(text(f"SET LOCAL ROLE {q(owner)}"))
    return installed(connection, where) or can_install(connection)


def refresh(connection: Connection, *, always: bool = False) -> bool:
    """Put the roles in afresh, as the tables' owner: `always` (after a migration, which took
    the views away), else only where they are missing or of older rules. One at a time (two
    windows opening at once would trip over each other's grants); never on a server that is
    read-only. False when not done."""
    where = names(connection)
    busy = "SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery()"
    if connection.execute(text(busy)).scalar():
        return False

    def current() -> bool:
        mark = connection.execute(
            text("SELECT obj_description(to_regnamespace(:s), 'pg_namespace')"),
            {"s": where.views(TeamRole.VIEWER)},
        ).scalar()
        return not always and _version(mark) >= RULES_VERSION

    if current() or not _as_owner(connection, where):
        return False
    connection.execute(
        text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"{where.prefix} roles"}
    )
    if current():  # done by another while this one waited
        return False
    install(connection)
    return True


def _role_views(
    where: Names, role: TeamRole, tables: Mapping[str, list[tuple[str, str]]]
) -> list[str]:
    """A role's schema of views, and its privileges table by table."""
    group, views, schema = q(where.group(role)), q(where.views(role)), q(where.schema)
    statements = [
        f"DROP SCHEMA IF EXISTS {views} CASCADE",
        f"CREATE SCHEMA {views}",
        f"GRANT USAGE ON SCHEMA {views} TO {group}",
    ]
    writes = WRITES[role]
    for table, columns in tables.items():
        if table == RECORD or table in UNREAD[role]:
            continue  # its row policies say who reads it; or not for this role at all
        target = f"{schema}.{q(table)}"
        select = shown(where, role, table, columns)
        if select is not None:
            target = f"{views}.{q(table)}"
            statements.append(
                f"CREATE VIEW {target} WITH (security_barrier) AS SELECT {select} "
                f"FROM {schema}.{q(table)}"
            )
        statements.append(f"GRANT SELECT ON {target} TO {group}")
        if table in INSERTS.get(role, ()):
            statements.append(f"GRANT INSERT ON {target} TO {group}")
        if table in writes:
            only = writes[table]
            if table in ADDS_ONLY:
                statements.append(f"GRANT INSERT ON {target} TO {group}")
            elif only is None:
                statements.append(f"GRANT INSERT, UPDATE, DELETE ON {target} TO {group}")
            else:
                statements.append(
                    f"GRANT UPDATE ({', '.join(q(c) for c in only)}) ON {target} TO {group}"
                )
    return statements


def _record_policies(where: Names, everyone: str, organisers: str) -> list[str]:
    """Everyone adds to the accountability record, as themselves; only organisers read it."""
    table = f"{q(where.schema)}.{q(RECORD)}"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS adds ON {table}",
        f"DROP POLICY IF EXISTS reads ON {table}",
        # As themselves, and now (UTC, as the app writes it): no line backdated or in
        # another's name.
        f"CREATE POLICY adds ON {table} FOR INSERT WITH CHECK (who = current_user AND "
        "at BETWEEN (now() AT TIME ZONE 'UTC') - interval '5 minutes' "
        "AND (now() AT TIME ZONE 'UTC') + interval '5 minutes')",
        f"CREATE POLICY reads ON {table} FOR SELECT "
        f"USING (pg_has_role(current_user, {_literal(where.group(TeamRole.ORGANISER))}, 'MEMBER'))",
        f"GRANT SELECT, INSERT ON {table} TO {everyone}",
        # Nobody but the owner changes or empties it (TRUNCATE passes row policies by).
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {organisers}",
    ]


def _grant_sequences(connection: Connection, where: Names) -> None:
    """The id sequence of every table a role may add rows to."""
    adds: dict[str, list[str]] = {RECORD: [where.group(r) for r in TeamRole]}
    for role in _OTHERS:
        for table, only in WRITES[role].items():
            if only is None or table in INSERTS.get(role, ()):
                adds.setdefault(table, []).append(where.group(role))
    for table, groups in adds.items():
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"),
            {"table": f"{q(where.schema)}.{q(table)}"},
        ).scalar()
        if sequence:
            who = ", ".join(q(g) for g in groups)
            connection.execute(text(f"GRANT USAGE, SELECT ON SEQUENCE {sequence} TO {who}"))


def drop_views(connection: Connection) -> None:
    """Remove the roles' views (before a migration changes the tables under them)."""
    where = names(connection)
    if installed(connection, where):
        _run(connection, [f"DROP SCHEMA IF EXISTS {q(where.views(r))} CASCADE" for r in _OTHERS])


def uninstall(connection: Connection) -> None:
    """Take the team roles out of this database: its views, privileges and group roles."""
    where = names(connection)
    if not installed(connection, where):
        return
    statements = [f"DROP SCHEMA IF EXISTS {q(where.views(r))} CASCADE" for r in _OTHERS]
    for role in TeamRole:
        group = q(where.group(role))
        statements += [f"DROP OWNED BY {group}", f"DROP ROLE {group}"]
    _run(connection, statements)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
