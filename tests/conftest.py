"""Fixtures for every test: a private data folder, a fresh store, and factories (Indico style)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.core.paths import DATA_DIR_ENV, DATABASE_ENV, database_url
from organiser.core.sections import Section

# A fixed "today" keeps dates and days-to-go reproducible.
TODAY = dt.date(2027, 2, 1)


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


@pytest.fixture
def store(db_path: Path, migrated_template: Path) -> Iterator[Store]:
    """A fresh, fully migrated SQLite database in a temporary file."""
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(migrated_template, db_path)
    opened = open_store(database_url(str(db_path)), daily_backup=False)
    yield opened
    opened.close()


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


def _row_factory(store: Store, section: Section, defaults: dict[str, Any]) -> Callable[..., int]:
    def _add(event_id: int, **values: Any) -> int:
        merged = {**defaults, **values}
        for key in ("start", "end"):
            if key in merged:
                merged[key] = _time(merged[key])
        created = add_row(store, section=section, parent_id=event_id, values=merged).created_id
        assert created is not None
        return created

    return _add


@pytest.fixture
def add_member(store: Store) -> Callable[..., int]:
    """Factory: `add_member(event_id, name=..., **values)` returns the member's id."""
    return _row_factory(store, Section.MEMBERS, {"name": "Zoë Marsh"})


@pytest.fixture
def add_item(store: Store) -> Callable[..., int]:
    """Factory: `add_item(event_id, title=..., start="10:00", end="10:30", **values)`."""
    return _row_factory(
        store, Section.PROGRAMME, {"title": "Welcome", "start": "10:00", "end": "10:30"}
    )


@pytest.fixture
def add_fund(store: Store) -> Callable[..., int]:
    """Factory: `add_fund(event_id, name=..., amount_pence=...)` returns the fund's id."""
    return _row_factory(
        store, Section.FUNDS, {"name": "Community wellbeing grant", "amount_pence": 45000}
    )


@pytest.fixture
def add_cost(store: Store) -> Callable[..., int]:
    """Factory: `add_cost(event_id, item=..., estimated_pence=..., **values)`."""
    return _row_factory(
        store, Section.COSTS, {"item": "Hall hire", "category": "Venue", "estimated_pence": 10000}
    )


@pytest.fixture
def add_booking(store: Store) -> Callable[..., int]:
    """Factory: `add_booking(event_id, name=..., adults=1, children=0, **values)`."""
    return _row_factory(store, Section.BOOKINGS, {"name": "Siobhán Kelly", "adults": 1})


@pytest.fixture
def add_child(store: Store) -> Callable[..., int]:
    """Factory: `add_child(booking_id, first_name=..., age_months=..., **values)`."""
    return _row_factory(
        store,
        Section.CHILDREN,
        {"first_name": "Niamh", "age_months": 30, "collectors": "Siobhán Kelly (mother)"},
    )


@pytest.fixture
def add_staff(store: Store) -> Callable[..., int]:
    """Factory: `add_staff(event_id, name=..., qualification=..., **values)`."""
    return _row_factory(
        store,
        Section.STAFF,
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
