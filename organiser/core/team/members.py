"""Who is in the team, and with which role (File ▸ Team members…): each person logs in to
the team database as their own PostgreSQL login, a member of one role's group."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from organiser.core.db import Store
from organiser.core.errors import StoreError, ValidationError
from organiser.core.team import roles
from organiser.core.team.roles import ORDER, TeamRole, q

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.@-]{0,62}$")


@dataclass(frozen=True)
class TeamMember:
    login: str
    role: TeamRole


@dataclass(frozen=True)
class TeamState:
    """What the Team members window shows about the database."""

    team: bool  # a server database (SQLite has no roles)
    installed: bool  # the team roles are set up in it
    can_set_up: bool  # this login may create roles (the owner should)
    role: TeamRole | None  # this person's
    login: str


def state(store: Store) -> TeamState:
    """Whether this database has team roles, and who is asking."""
    if store.engine.dialect.name != "postgresql":
        return TeamState(False, False, False, None, "")
    with store.engine.connect() as connection:
        where = roles.names(connection)
        login = str(connection.execute(text("SELECT current_user")).scalar())
        return TeamState(
            True,
            roles.installed(connection, where),
            roles.can_install(connection),
            roles.role_of(connection, where),
            login,
        )


def set_up(store: Store) -> None:
    """Put the team roles into a database that has none (its owner, with the right to create
    roles, does this once; every migration after keeps them)."""
    from organiser.core.migrate import refresh_roles

    with _changing(store) as connection:
        if not refresh_roles(connection):
            raise StoreError(
                "Team roles could not be set up: only the login that owns the database's "
                "tables can, when it may create roles (a server administrator can give it the "
                "right: ALTER ROLE … CREATEROLE)."
            )


def team(store: Store) -> list[TeamMember]:
    """Every login in one of the roles, by name (the stronger role where in two)."""
    with store.engine.connect() as connection:
        where = roles.names(connection)
        found: dict[str, TeamRole] = {}
        for role in reversed(ORDER):
            logins = connection.execute(
                text(
                    "SELECT m.rolname FROM pg_auth_members a "
                    "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                    "WHERE g.rolname = :group AND m.rolcanlogin"
                ),
                {"group": where.group(role)},
            ).scalars()
            for login in logins:
                found[str(login)] = role
    return [TeamMember(login, role) for login, role in sorted(found.items())]


def check_login(login: str) -> str:
    """A login name as PostgreSQL keeps it, or a readable refusal."""
    login = login.strip()
    if not _LOGIN.match(login):
        raise ValidationError(
            "A login is up to 63 small letters, digits and _ . @ -, starting with a letter: "
            "for example sam_patel.",
            field="login",
        )
    return login


def give_role(store: Store, login: str, role: TeamRole, *, password: str = "") -> bool:
    """Put `login` in `role` (and out of any other). A login that does not exist yet is
    created with `password`. True when it was created."""
    login = check_login(login)
    with _changing(store) as connection:
        where = roles.names(connection)
        exists = connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :name"), {"name": login}
        ).one_or_none()
        if exists is not None and not exists[0]:
            raise ValidationError(f"{login} is a group, not a person's login.", field="login")
        created = exists is None
        if created:
            if len(password) < 8:
                raise ValidationError(
                    f"{login} is a new login: give it a password of at least 8 characters.",
                    field="password",
                )
            hashed = _scrambled(connection, login, password)  # never the password itself
            scram = hashed.replace(":", "\\:")  # not a bind parameter to text()
            connection.execute(text(f"CREATE ROLE {q(login)} LOGIN PASSWORD '{scram}'"))
        for other in TeamRole:
            if other is not role and _is_member(connection, login, where.group(other)):
                connection.execute(text(f"REVOKE {q(where.group(other))} FROM {q(login)}"))
        connection.execute(text(f"GRANT {q(where.group(role))} TO {q(login)}"))
    return created


def take_out(store: Store, login: str) -> None:
    """Take `login` out of every role: it can no longer read this database's tables (the
    login itself stays, for other databases on the server)."""
    with _changing(store) as connection:
        where = roles.names(connection)
        for role in TeamRole:
            if _is_member(connection, login, where.group(role)):
                connection.execute(text(f"REVOKE {q(where.group(role))} FROM {q(login)}"))


def _scrambled(connection: Connection, login: str, password: str) -> str:
    """The password as the server keeps it (SCRAM), made here: a statement the server logs
    (a refused one is) never holds the password itself."""
    raw = connection.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        raise StoreError("Creating a login needs the psycopg driver (postgresql+psycopg://).")
    hashed = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return str(hashed.decode("ascii"))


def _is_member(connection: Connection, login: str, group: str) -> bool:
    return bool(
        connection.execute(
            text(
                "SELECT count(*) FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = :g AND m.rolname = :m"
            ),
            {"g": group, "m": login},
        ).scalar()
    )


@contextmanager
def _changing(store: Store) -> Iterator[Connection]:
    """One transaction on the server; its refusals said in words."""
    try:
        with store.engine.begin() as connection:
            yield connection
    except DBAPIError as exc:
        raise _refused(exc) from exc


def _refused(exc: DBAPIError) -> StoreError:
    if getattr(exc.orig, "sqlstate", None) == "42501":
        return StoreError(
            "The team database did not allow this: only the database's owner creates new "
            "logins and makes organisers; an organiser can give the other roles."
        )
    line = (str(exc.orig).splitlines() or ["unknown problem"])[0]
    return StoreError(f"The team database did not take this: {line}")
