"""Schema versions: migrate empty and old databases, refuse newer, damaged and foreign ones."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import organiser.core.models  # noqa: F401  (every table on Base.metadata)
from organiser.core import migrate
from organiser.core.backup import list_backups, move_aside
from organiser.core.base import Base
from organiser.core.db import make_engine
from organiser.core.errors import CorruptDatabase, ForeignFile, NewerDatabase
from organiser.core.events.service import create_event, get_event, list_events
from organiser.core.integrity import stored_revision
from organiser.core.opening import check_sqlite_file, open_store
from organiser.core.paths import database_url

HashOf = Callable[[Path], str]


def _url(path: Path) -> str:
    return database_url(str(path))


def _sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def _upgrade_to(path: Path, revision: str) -> None:
    engine = make_engine(_url(path))
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_empty_file_is_migrated_to_head_and_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    store = open_store(_url(path))
    try:
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()
    assert list_backups(path) == []  # nothing worth backing up yet


def test_zero_byte_file_counts_as_new(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    store = open_store(_url(path))
    store.close()
    assert stored_revision(path) == (migrate.head_revision(), True)


def test_reopening_at_head_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite"
    store = open_store(_url(path))
    create_event(store, title="Pilates morning")
    store.close()
    again = open_store(_url(path))
    try:
        assert [row.title for row in list_events(again)] == ["Pilates morning"]
    finally:
        again.close()


def _make_newer(path: Path) -> None:
    open_store(_url(path), daily_backup=False).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()
    assert not _sidecars(path)


def test_newer_database_is_refused_and_left_byte_for_byte(
    tmp_path: Path, file_hash: HashOf
) -> None:
    path = tmp_path / "newer.sqlite"
    _make_newer(path)
    before = file_hash(path)
    mtime = path.stat().st_mtime_ns
    with pytest.raises(NewerDatabase, match="newer version of Organiser") as caught:
        open_store(_url(path))
    assert "update Organiser" in str(caught.value)
    assert file_hash(path) == before
    assert path.stat().st_mtime_ns == mtime
    assert not _sidecars(path)
    assert not (tmp_path / "backups").exists()


_FLAGS = {"step_free", "accessible_toilet", "parking", "baby_change", "creche_room", "archived"}


def test_older_database_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _upgrade_to(path, "0003")
    # The event as revision 0003 stored it: every column it had then, and no others.
    with closing(sqlite3.connect(path)) as connection, connection:
        info = list(connection.execute("PRAGMA table_info(event)"))[1:]
        columns = [r[1] for r in info if r[3]]  # the NOT NULL ones
        given = {"title": "Kept through the upgrade", "created_at": "2026-01-01 09:00:00"}
        values = [given.get(c, 0 if c in _FLAGS else "") for c in columns]
        marks = ", ".join("?" * len(columns))
        cursor = connection.execute(
            f"INSERT INTO event ({', '.join(columns)}) VALUES ({marks})", values
        )
        event_id = cursor.lastrowid
    assert event_id is not None
    assert stored_revision(path)[0] == "0003"

    store = open_store(_url(path))
    try:
        assert get_event(store, event_id).title == "Kept through the upgrade"
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
    finally:
        store.close()

    [made] = list_backups(path)
    assert made.reason == "pre-migration"
    assert stored_revision(made.path) == ("0003", True)
    with closing(sqlite3.connect(made.path)) as connection:
        titles = connection.execute("SELECT title FROM event").fetchall()
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert titles == [("Kept through the upgrade",)]
    assert "cost_line" not in tables


def test_text_file_is_not_an_organiser_database(tmp_path: Path, file_hash: HashOf) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Shopping list: pastries, fruit, coffee\n" * 50)
    before = file_hash(path)
    with pytest.raises(
        ForeignFile,
        match=r"^notes\.sqlite is not an Organiser database \(it is a text file\)\. Nothing was",
    ) as caught:
        open_store(_url(path))
    assert caught.value.path == str(path)
    assert file_hash(path) == before


def test_tiny_file_is_not_an_organiser_database(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite"
    path.write_bytes(b"SQL")
    with pytest.raises(ForeignFile):
        check_sqlite_file(path)


def test_another_programs_database_is_refused(tmp_path: Path, file_hash: HashOf) -> None:
    path = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.commit()
    before = file_hash(path)
    with pytest.raises(ForeignFile, match="database of another program"):
        open_store(_url(path))
    assert file_hash(path) == before


@pytest.fixture
def full_database(tmp_path: Path) -> bytes:
    """The bytes of a closed database holding the example event."""
    from organiser.core.demo import add_demo_event

    path = tmp_path / "full.sqlite"
    store = open_store(_url(path))
    add_demo_event(store)
    store.close()
    data = path.read_bytes()
    assert len(data) > 8 * 4096
    return data


def test_truncated_database_is_damaged(
    tmp_path: Path, full_database: bytes, file_hash: HashOf
) -> None:
    path = tmp_path / "truncated.sqlite"
    path.write_bytes(full_database[: len(full_database) // 2])
    before = file_hash(path)
    with pytest.raises(CorruptDatabase, match=r"truncated.sqlite is damaged \(.*malformed"):
        open_store(_url(path))
    assert file_hash(path) == before
    assert not _sidecars(path)


def test_garbled_database_is_damaged(tmp_path: Path, full_database: bytes) -> None:
    data = bytearray(full_database)
    # Keep the header page, scribble over the rest with a repeating pattern.
    pattern = bytes(range(7, 251))
    for start in range(4096, len(data), len(pattern)):
        chunk = pattern[: len(data) - start]
        data[start : start + len(chunk)] = chunk
    path = tmp_path / "garbled.sqlite"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase, match=r"garbled\.sqlite is damaged"):
        open_store(_url(path))


def test_move_aside_takes_the_wal_and_shm_along(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "organiser.sqlite"
    for suffix, content in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        Path(f"{path}{suffix}").write_bytes(content)
    target = move_aside(path, now=dt.datetime(2027, 3, 14, 10, 5, 9))
    assert target == tmp_path / "organiser.sqlite.damaged-20270314-100509"
    assert not path.exists()
    assert not _sidecars(path)
    assert target.read_bytes() == b"main"
    assert Path(f"{target}-wal").read_bytes() == b"wal"
    assert Path(f"{target}-shm").read_bytes() == b"shm"


def test_move_aside_without_sidecars(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "organiser.sqlite"
    path.write_bytes(b"main")
    target = move_aside(path, now=dt.datetime(2027, 1, 2, 3, 4, 5))
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_stepping_back_from_the_team_schema_keeps_every_row(tmp_path: Path) -> None:
    """0013's downgrade drops its columns in place: rebuilding `event` would cascade-delete."""
    from organiser.core.demo import add_demo_event

    path = tmp_path / "team.sqlite"
    store = open_store(_url(path))
    add_demo_event(store)
    store.close()
    tables = ("event", "member", "meeting", "booking", "feedback_response")

    def counts() -> dict[str, int]:
        with closing(sqlite3.connect(path)) as connection:
            return {
                t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
            }

    before = counts()
    assert all(before.values())
    engine = make_engine(_url(path))
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")
    engine.dispose()
    assert counts() == before
    with closing(sqlite3.connect(path)) as connection:
        columns = {r[1] for r in connection.execute("PRAGMA table_info(event)")}
    assert "row_version" not in columns and "taken_offline_by" not in columns
