"""Connection pragmas and private file modes: data is never lost and stays private."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from organiser.core import backup, db
from organiser.core.db import BUSY_TIMEOUT_MS, Store
from organiser.core.errors import StoreError
from organiser.core.events.service import create_event
from organiser.core.opening import integrity_report, open_store
from organiser.core.paths import DATABASE_ENV, data_dir, default_database_url, sqlite_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.sqlite_only
def test_every_connection_gets_the_safe_pragmas(store: Store) -> None:
    with store.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("foreign_keys") == 1
        assert str(pragma("journal_mode")).lower() == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS


@pytest.mark.sqlite_only
def test_store_knows_its_file(store: Store, db_path: Path) -> None:
    assert store.path == db_path
    assert store.display_name == str(db_path)
    assert integrity_report(store) == "ok"


def test_default_database_lives_in_the_private_data_folder(
    private_data_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not private_data_folder.exists()
    monkeypatch.delenv(DATABASE_ENV)
    url = default_database_url()
    path = sqlite_path(url)
    assert path == private_data_folder / "organiser.sqlite"
    assert data_dir() == private_data_folder
    assert _mode(private_data_folder) == 0o700
    store = open_store(url)
    store.close()
    assert _mode(path) == 0o600


def test_database_wal_shm_and_backups_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "private" / "organiser.sqlite"
        store = open_store(f"sqlite:///{path}")
        try:
            create_event(store, title="Zoë’s group")
            sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(p.exists() for p in sidecars)
            assert [_mode(p) for p in (path, *sidecars)] == [0o600, 0o600, 0o600]
        finally:
            store.close()
        assert _mode(path.parent) == 0o700
        made = backup.make_backup(path)
        assert _mode(made) == 0o600
        assert _mode(made.parent) == 0o700
        chosen = backup.make_backup(path, out=tmp_path / "copy.sqlite")
        assert _mode(chosen) == 0o600
    finally:
        os.umask(old_umask)


def test_a_new_database_is_private_from_the_start(tmp_path: Path) -> None:
    path = tmp_path / "new" / "organiser.sqlite"
    store = open_store(f"sqlite:///{path}", daily_backup=False)
    try:
        create_event(store, title="x")
        assert _mode(path.parent) == 0o700
        assert _mode(path) == 0o600
        assert _mode(Path(f"{path}-wal")) == 0o600
    finally:
        store.close()


def test_an_existing_database_and_folder_keep_their_permissions(tmp_path: Path) -> None:
    # Organiser never changes the mode of a file or folder it did not create: a person (or
    # their organisation) chose it.
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    path = folder / "team.sqlite"
    open_store(f"sqlite:///{path}", daily_backup=False).close()
    path.chmod(0o644)
    store = open_store(f"sqlite:///{path}", daily_backup=False)
    try:
        create_event(store, title="x")
        assert _mode(path) == 0o644
        assert _mode(folder) == 0o755
    finally:
        store.close()


def test_foreign_keys_refuse_orphans(store: Store) -> None:
    orphan = text(
        "INSERT INTO funding_source (event_id, name, amount_pence, conditions) "
        "VALUES (999, 'Orphan', 1, '')"
    )
    refused = "FOREIGN KEY constraint failed|violates foreign key constraint"  # SQLite|PostgreSQL
    with pytest.raises(IntegrityError, match=refused), store.begin() as s:
        s.execute(orphan)


def test_a_database_that_cannot_be_written_is_said_in_words(
    db_path: Path, migrated_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(migrated_template, db_path)
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)  # give up waiting fast
    store = open_store(f"sqlite:///{db_path}", daily_backup=False)
    other = sqlite3.connect(db_path, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the file (or the disk is full)
        with pytest.raises(StoreError, match=r"could not be saved.*database is locked"):
            create_event(store, title="Coffee morning")
    finally:
        other.rollback()
        other.close()
        store.close()
