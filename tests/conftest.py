"""Fixtures for every test: a private data folder, a fresh store, and factories (Indico style)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, make_url, text

import organiser.core.models  # noqa: F401  (every table on Base.metadata, for the reset below)
from organiser.core import protection
from organiser.core.base import Base
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events import service as events
from organiser.core.migrate import head_revision
from organiser.core.opening import open_store
from organiser.core.paths import DATA_DIR_ENV, DATABASE_ENV, database_url
from organiser.core.row_kinds import RowKind
from organiser.core.team.roles_install import uninstall
from tests.team_logins import team  # noqa: F401  (a fixture: logins for each team role)

# The offscreen screen is a 1366×768 laptop's (the most common budget size), not Qt's 800×800.
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('laptop-screen.json')}"
    )

# Times are stored in UTC and shown in local time: the tests expect this computer's zone to be
# UTC, whatever the machine says (a developer in a British summer, CI). The tests of local
# dates set a zone of their own (tests/core/test_local_dates.py).
os.environ["TZ"] = "UTC"
time.tzset()

# A fixed "today" keeps dates and days-to-go reproducible.
TODAY = dt.date(2027, 2, 1)


@pytest.fixture(autouse=True)
def nothing_unlocked() -> Iterator[None]:
    """No protected database's key carried from one test into the next (keys unlocked in a
    process are kept for it, as a command or the window keeps them)."""
    protection._UNLOCKED.clear()
    yield
    protection._UNLOCKED.clear()


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder and default database at this test's own temporary folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.setenv(DATABASE_ENV, str(folder / "organiser.sqlite"))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's store keeps its SQLite file."""
    return tmp_path / "store" / "organiser.sqlite"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to the newest schema once, copied by each test (fast)."""
    path = tmp_path_factory.mktemp("template") / "organiser.sqlite"
    open_store(database_url(str(path)), daily_backup=False).close()
    assert not Path(f"{path}-wal").exists()
    return path


# The service tests (tests/core) run on SQLite and, when this names a server, on PostgreSQL too:
# postgresql+psycopg://postgres@127.0.0.1:5432/test (.ci/run sets it).
POSTGRES_URL_ENV = "ORGANISER_TEST_POSTGRES_URL"
BOTH_BACKENDS = Path(__file__).parent / "core"


def pytest_report_header() -> str:
    """Say at the top of the run whether the service tests run on PostgreSQL too."""
    if os.environ.get(POSTGRES_URL_ENV):
        return "service tests (tests/core) on: SQLite and PostgreSQL"
    return f"service tests (tests/core) on: SQLite only ({POSTGRES_URL_ENV} is not set)"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each service test that uses a store once per backend (sqlite_only ones on SQLite).

    Without a server named, the PostgreSQL run is left out (the header says so) rather than
    reported as hundreds of skips.
    """
    in_core = BOTH_BACKENDS in metafunc.definition.path.parents
    if "store" not in metafunc.fixturenames or not in_core:
        return
    backends = ["sqlite"]
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    if os.environ.get(POSTGRES_URL_ENV) and not sqlite_only:
        backends.append("postgres")
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """'sqlite' or 'postgres': where this test's store lives (SQLite outside tests/core)."""
    return str(getattr(request, "param", "sqlite"))


class PostgresSchema:
    """This run's own schema on the test server, migrated once and emptied before each test."""

    def __init__(self, server_url: str) -> None:
        self.name = f"organiser_test_{os.getpid()}_{secrets.token_hex(4)}"
        self._server: Engine = create_engine(server_url)
        with self._server.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{self.name}"'))
        # Not waiting for each commit to reach the disk saves a fifth: a test needs no crash safety.
        options = {"options": f"-csearch_path={self.name} -csynchronous_commit=off"}
        self.url = make_url(server_url).update_query_dict(options)
        self._engine: Engine = create_engine(self.url)
        self._reset = ""

    def migrate(self) -> None:
        """Create the schema's tables with the app's own migrations; prepare the reset."""
        open_store(self.url.render_as_string(hide_password=False), daily_backup=False).close()
        tables = Base.metadata.sorted_tables
        with self._engine.connect() as connection:
            found = set(inspect(connection).get_table_names())
            sequences = connection.execute(
                text("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
            ).scalars()
            restarts = [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
        assert found == {t.name for t in tables} | {"alembic_version"}, "the reset must empty all"
        # Deleting rows (children first) and restarting the id sequences takes about 12 ms;
        # TRUNCATE of every table about 100 ms, a database copied from a template about 50 ms.
        deletes = [f'DELETE FROM "{t.name}"' for t in reversed(tables)]
        version = f"UPDATE alembic_version SET version_num = '{head_revision()}'"
        self._reset = "; ".join([*deletes, *restarts, version])

    def empty(self) -> str:
        """Empty every table and restart ids; return the URL a store opens."""
        with self._engine.begin() as connection:
            connection.exec_driver_sql(self._reset)
        return self.url.render_as_string(hide_password=False)

    def drop(self) -> None:
        """Remove the schema and everything in it, and its team roles (they are the server's)."""
        with self._engine.begin() as connection:
            uninstall(connection)
        self._engine.dispose()
        with self._server.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{self.name}" CASCADE'))
        self._server.dispose()


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[PostgresSchema]:
    """A migrated schema of this run's own on $ORGANISER_TEST_POSTGRES_URL, dropped at the end."""
    server_url = os.environ.get(POSTGRES_URL_ENV)
    if not server_url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set")
    schema = PostgresSchema(server_url)
    try:
        schema.migrate()
        yield schema
    finally:
        schema.drop()


@pytest.fixture
def postgres_url(postgres_schema: PostgresSchema) -> str:
    """The URL of this run's PostgreSQL schema, emptied for this test."""
    return postgres_schema.empty()


@pytest.fixture
def store_url(backend: str, request: pytest.FixtureRequest, db_path: Path) -> str:
    """The URL of an empty, fully migrated database for this test alone."""
    if backend == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(request.getfixturevalue("migrated_template"), db_path)
    return database_url(str(db_path))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh, fully migrated database: a temporary SQLite file or an emptied PostgreSQL schema."""
    opened = open_store(store_url, daily_backup=False)
    yield opened
    opened.close()


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """Someone else's window (or a colleague) on the same database as `store`."""
    with closing(open_store(store.url, daily_backup=False)) as second:
        yield second


@pytest.fixture
def file_hash() -> Callable[[Path], str]:
    """`file_hash(path)`: the SHA-256 of a file's bytes, to prove it was left untouched."""

    def _hash(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    return _hash


def _time(value: dt.time | str) -> dt.time:
    return dt.time.fromisoformat(value) if isinstance(value, str) else value


@pytest.fixture
def create_event(store: Store) -> Callable[..., int]:
    """Factory: `create_event(title=..., **details)` returns the new event's id."""

    def _create(title: str = "Pilates and wellbeing morning", **details: Any) -> int:
        event_id = events.create_event(store, title=title).created_id
        assert event_id is not None
        for key in ("start_time", "end_time"):
            if key in details and details[key] is not None:
                details[key] = _time(details[key])
        if details:
            events.update_event(store, event_id=event_id, values=details)
        return event_id

    return _create


def _row_factory(store: Store, section: RowKind, defaults: dict[str, Any]) -> Callable[..., int]:
    def _add(event_id: int, **values: Any) -> int:
        merged = {**defaults, **values}
        for key in ("start", "end"):
            if key in merged:
                merged[key] = _time(merged[key])
        created = add_row(store, kind=section, parent_id=event_id, values=merged).created_id
        assert created is not None
        return created

    return _add


@pytest.fixture
def add_member(store: Store) -> Callable[..., int]:
    """Factory: `add_member(event_id, name=..., **values)` returns the member's id."""
    return _row_factory(store, RowKind.MEMBERS, {"name": "Zoë Marsh"})


@pytest.fixture
def add_item(store: Store) -> Callable[..., int]:
    """Factory: `add_item(event_id, title=..., start="10:00", end="10:30", **values)`."""
    return _row_factory(
        store, RowKind.PROGRAMME, {"title": "Welcome", "start": "10:00", "end": "10:30"}
    )


@pytest.fixture
def add_fund(store: Store) -> Callable[..., int]:
    """Factory: `add_fund(event_id, name=..., amount_pence=...)` returns the fund's id."""
    return _row_factory(
        store, RowKind.FUNDS, {"name": "Community wellbeing grant", "amount_pence": 45000}
    )


@pytest.fixture
def add_cost(store: Store) -> Callable[..., int]:
    """Factory: `add_cost(event_id, item=..., estimated_pence=..., **values)`."""
    return _row_factory(
        store, RowKind.COSTS, {"item": "Hall hire", "category": "Venue", "estimated_pence": 10000}
    )


@pytest.fixture
def add_booking(store: Store) -> Callable[..., int]:
    """Factory: `add_booking(event_id, name=..., adults=1, children=0, **values)`."""
    return _row_factory(store, RowKind.BOOKINGS, {"name": "Siobhán Kelly", "adults": 1})


@pytest.fixture
def add_child(store: Store) -> Callable[..., int]:
    """Factory: `add_child(booking_id, first_name=..., age_months=..., **values)`."""
    return _row_factory(
        store,
        RowKind.CHILDREN,
        {"first_name": "Niamh", "age_months": 30, "collectors": "Siobhán Kelly (mother)"},
    )


@pytest.fixture
def add_staff(store: Store) -> Callable[..., int]:
    """Factory: `add_staff(event_id, name=..., qualification=..., **values)`."""
    return _row_factory(
        store,
        RowKind.STAFF,
        {
            "name": "Bronwen Evans",
            "qualification": "Level 3",
            "dbs_date": dt.date(2026, 1, 5),
            "first_aid_expiry": dt.date(2028, 1, 5),
        },
    )


@pytest.fixture
def demo_event(store: Store) -> int:
    """The example event, dated three weeks after TODAY; returns its id."""
    return add_demo_event(store, today=TODAY)


@pytest.fixture
def type_text() -> Callable[[Any, str], None]:
    """Type any text into a widget, one key event per character.

    qtbot.keyClicks aborts the whole process on non-ASCII characters (QUALITY.md), so accents,
    emoji and Arabic are sent as QKeyEvents carrying the character itself.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def _type(widget: Any, text: str) -> None:
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)

    return _type
