"""Logins for each team role on this run's PostgreSQL schema, with the example event (its
hidden columns all filled), shared by the role tests of the services and of the window."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, create_engine, make_url, text

from organiser.core.demo import add_demo_event
from organiser.core.opening import open_store
from organiser.core.team import roles
from organiser.core.team.roles import HIDDEN, TeamRole

Logins = dict[TeamRole, str]


@pytest.fixture
def team(postgres_url: str) -> Iterator[tuple[str, Logins]]:
    """The example event on the team database, and one login per role."""
    store = open_store(postgres_url, daily_backup=False)
    add_demo_event(store)
    tag = secrets.token_hex(3)
    logins = {role: f"organiser_test_{role.value}_{tag}" for role in TeamRole}
    with store.engine.begin() as connection:
        where = roles.names(connection)
        fill_every_hidden_column(connection)
        for role, login in logins.items():
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
            connection.execute(text(f'GRANT "{where.group(role)}" TO "{login}"'))
    store.close()
    try:
        yield postgres_url, logins
    finally:
        engine = create_engine(postgres_url)
        with engine.begin() as connection:
            for login in logins.values():
                connection.execute(text(f'DROP OWNED BY "{login}"'))
                connection.execute(text(f'DROP ROLE "{login}"'))
        engine.dispose()


def fill_every_hidden_column(connection: Connection) -> None:
    """Where the example leaves a hidden column empty, something to find (so each test of a
    blank can fail)."""
    kinds = roles.columns_of(connection, roles.names(connection).schema)
    hidden = {(t, c) for masks in HIDDEN.values() for t, cs in masks.items() for c in cs}
    for table, column in sorted(hidden):
        kind = dict(kinds[table])[column]
        value = "'2020-01-02'" if kind == "date" else "'kept from you'"
        connection.execute(
            text(
                f'UPDATE {table} SET "{column}" = {value} WHERE "{column}" IS NULL '
                f"""OR CAST("{column}" AS text) = ''"""
            )
        )


def login_url(url: str, login: str) -> str:
    """The same database, connecting as `login` (the window's way: it finds its views)."""
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def as_login(url: str, login: str, *, views: bool = False) -> Engine:
    """An engine connecting as `login`, as psql would: the tables' schema on its search path
    (and, with `views`, the role's views first, as the window does)."""
    parsed = make_url(url)
    schema = parsed.query["options"].split("search_path=")[1].split()[0]
    path = schema
    if views:
        probe = create_engine(url)
        with probe.connect() as connection:
            where = roles.names(connection)
        probe.dispose()
        path = f"{where.views(role_named(login))},{schema}"
    return create_engine(
        parsed.set(username=login).update_query_dict({"options": f"-csearch_path={path}"})
    )


def role_named(login: str) -> TeamRole:
    return next(role for role in TeamRole if f"_{role.value}_" in login)


def drop_team_roles(connection: Connection, database: str) -> None:
    """Drop the team roles named after a database just dropped: they are the server's."""
    left = connection.execute(
        text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :made)"),
        {"made": f"{database}_"},
    ).scalars()
    for name in list(left):
        connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
