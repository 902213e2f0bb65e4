"""The README's team-database recipe works as written, on a real PostgreSQL server.

The SQL block of "A team database (PostgreSQL)" is run as it stands, with the role, its password
and the database renamed to throwaway ones; then the section's own `organiser … check` line, and
`organiser demo` / `organiser events`, run as that role, proving the role the recipe makes can
create every table through the migrations. The backup lines (pg_dump, pg_restore) run too where
those programs are installed. The role and database are dropped at the end.

The test server trusts local connections, so the password is set and passed (in the URL and as
PGPASSWORD, as the README says) but not checked here: a wrong one would pass too.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, make_url, text

from tests.team_logins import drop_team_roles

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## A team database (PostgreSQL)"
SERVER_ENV = "ORGANISER_TEST_POSTGRES_URL"

pytestmark = pytest.mark.skipif(
    not os.environ.get(SERVER_ENV),
    reason=f"needs a PostgreSQL server: set {SERVER_ENV} (.ci/run does)",
)


def recipe() -> str:
    """The README's team-database section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(SECTION)
    end = readme.find("\n## ", start + len(SECTION))
    return readme[start : end if end != -1 else len(readme)]


def blocks(section: str, language: str) -> list[str]:
    """The fenced code blocks of one language, indentation (inside a list item) removed."""
    found = re.findall(rf"^([ ]*)```{language}\n(.*?)^\1```", section, re.MULTILINE | re.DOTALL)
    return [textwrap.dedent(indent + body) for indent, body in found]


@dataclass(frozen=True)
class Team:
    """The throwaway role and database the recipe made, and how to reach them."""

    role: str
    password: str
    database: str
    url: URL  # postgresql+psycopg://role:password@host:port/database

    def env(self) -> dict[str, str]:
        """Environment for PostgreSQL's own tools, connecting as the role."""
        return {
            **os.environ,
            "PGHOST": self.url.host or "127.0.0.1",
            "PGPORT": str(self.url.port or 5432),
            "PGUSER": self.role,
            "PGPASSWORD": self.password,
        }


# What the README names, replaced by throwaway names in every line the test runs.
README_ROLE, README_DATABASE = "organiser_team", "organiser"


def renamed(line: str, team: Team) -> str:
    """A README shell line naming the throwaway role and database instead of the README's.

    The command (the first word) and file names such as `organiser.dump` stay as they are.
    """
    command, _, rest = line.partition(" ")
    rest = re.sub(rf"\b{README_ROLE}\b", team.role, rest)
    rest = re.sub(rf"(?<![\w.]){README_DATABASE}(?![\w.])", team.database, rest)
    return f"{command} {rest}"


@pytest.fixture(scope="module")
def team() -> Iterator[Team]:
    """Run the recipe's SQL on the test server with throwaway names; drop it all after."""
    sql = blocks(recipe(), "sql")[0]  # the second gives someone a role (below)
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    role_statement, database_statement = statements
    role_match = re.fullmatch(
        r"CREATE ROLE (\w+) LOGIN CREATEROLE PASSWORD '([^']*)'", role_statement
    )
    database_match = re.fullmatch(r"CREATE DATABASE (\w+) OWNER (\w+)", database_statement)
    assert role_match and database_match, statements
    assert role_match[1] == database_match[2] == README_ROLE
    assert database_match[1] == README_DATABASE
    suffix = secrets.token_hex(4)
    role, database = f"organiser_team_{suffix}", f"organiser_readme_{suffix}"
    password = secrets.token_urlsafe(16)
    server_url = make_url(os.environ[SERVER_ENV])
    server = create_engine(server_url, isolation_level="AUTOCOMMIT")
    made = Team(
        role,
        password,
        database,
        server_url.set(username=role, password=password, database=database, query={}),
    )
    try:
        with server.connect() as connection:
            for statement in statements:
                statement = statement.replace(f"'{role_match[2]}'", f"'{password}'")
                connection.execute(text(renamed(statement, made)))
        yield made
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            # The team roles' groups and the logins given them are the server's, not the
            # database's: named after it, they go with it.
            drop_team_roles(connection, database)
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        server.dispose()


def organiser(argv: list[str], team: Team) -> subprocess.CompletedProcess[str]:
    """`organiser ARGV…` as its own process (as `python -m organiser`)."""
    assert argv[0] == "organiser", argv
    return subprocess.run(
        [sys.executable, "-m", "organiser", *argv[1:]],
        cwd=ROOT,
        env={**team.env(), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def connect_line(team: Team) -> list[str]:
    """The README's `organiser --database … check` line, aimed at the test server."""
    (line,) = [
        line.strip()
        for block in blocks(recipe(), "sh")
        for line in block.splitlines()
        if line.startswith("organiser --database")
    ]
    argv = shlex.split(line)
    assert argv[1] == "--database" and argv[3:] == ["check"], argv
    readme_url = make_url(argv[2])
    assert (readme_url.username, readme_url.database) == (README_ROLE, README_DATABASE)
    assert readme_url.password is None  # the README keeps the password out of the address
    # The README's host is "server"; here the test server, with the throwaway names and still no
    # password in the address: it comes from PGPASSWORD, as the README says.
    argv[2] = team.url.set(password=None).render_as_string(hide_password=False)
    return argv


def test_the_recipe_role_creates_the_tables_and_organiser_uses_them(team: Team) -> None:
    argv = connect_line(team)
    checked = organiser(argv, team)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("ok: postgresql+psycopg://"), checked.stdout
    assert team.password not in checked.stdout + checked.stderr

    # The same address with the password in it works for every command, too.
    address = team.url.render_as_string(hide_password=False)
    demo = organiser(["organiser", "demo", "--database", address], team)
    assert demo.returncode == 0, demo.stderr
    event_id = int(demo.stdout.strip())
    listed = organiser(["organiser", "events", "--database", address], team)
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == [str(event_id)]

    # The migrations ran as the recipe's role: every table is its own.
    engine = create_engine(team.url)
    try:
        with engine.connect() as connection:
            owners = dict(
                connection.execute(
                    text("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'")
                ).all()
            )
    finally:
        engine.dispose()
    assert {"event", "member", "booking", "alembic_version"} <= owners.keys()
    assert set(owners.values()) == {team.role}


@pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="pg_dump and pg_restore are not installed here",
)
def test_the_recipe_backup_and_restore_lines_bring_the_events_back(
    team: Team, tmp_path: Path
) -> None:
    (backup,) = [b for b in blocks(recipe(), "sh") if "pg_dump" in b]
    dump_line, restore_line = (renamed(line, team) for line in backup.strip().splitlines())
    assert dump_line.startswith("pg_dump ") and restore_line.startswith("pg_restore "), backup
    address = team.url.render_as_string(hide_password=False)
    kept = organiser(["organiser", "demo", "--database", address], team)
    assert kept.returncode == 0, kept.stderr

    def shell(line: str) -> None:
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=tmp_path,
            env=team.env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{line}\n{done.stderr}"

    shell(dump_line)
    later = organiser(["organiser", "demo", "--database", address], team)  # after the dump
    assert later.returncode == 0, later.stderr
    shell(restore_line)

    listed = organiser(["organiser", "events", "--database", address], team)
    assert listed.returncode == 0, listed.stderr
    ids = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    assert kept.stdout.strip() in ids
    assert later.stdout.strip() not in ids  # the event added after the dump is gone again


def test_the_recipe_gives_a_volunteer_a_login_that_reads_no_childs_details(team: Team) -> None:
    address = team.url.render_as_string(hide_password=False)
    made = organiser(["organiser", "demo", "--database", address], team)
    assert made.returncode == 0, made.stderr
    giving = blocks(recipe(), "sql")[1]
    login = f"{team.database}_sam"
    owner = create_engine(team.url)
    try:
        with owner.begin() as connection:
            for statement in (s.strip() for s in giving.split(";") if s.strip()):
                statement = statement.replace("sam_patel", login)
                statement = re.sub(
                    rf"\b{README_DATABASE}_(\w+s)\b", rf"{team.database}_\1", statement
                )
                connection.execute(text(statement))
    finally:
        owner.dispose()
    volunteer = create_engine(team.url.set(username=login, password=None))
    try:
        with volunteer.connect() as connection:
            with pytest.raises(Exception, match="permission denied"):
                connection.execute(text("SELECT allergies FROM public.child")).all()
            connection.rollback()
            connection.execute(text(f'SET search_path TO "{team.database}_volunteer", public'))
            allergies = connection.execute(text("SELECT allergies FROM child")).scalars().all()
    finally:
        volunteer.dispose()
    assert allergies and set(allergies) == {""}
    checked = organiser(
        [
            "organiser",
            "--database",
            team.url.set(username=login, password=None).render_as_string(hide_password=False),
            "events",
        ],
        team,
    )
    assert checked.returncode == 0, checked.stderr
