"""Open a database safely: check it, refuse what is newer, back up, migrate."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import ArgumentError

from organiser.core import backup, migrate
from organiser.core.db import Store, make_engine
from organiser.core.errors import CorruptDatabase, NewerDatabase, StoreError
from organiser.core.integrity import looks_like_sqlite, quick_check, stored_revision
from organiser.core.paths import make_private_dir, make_private_file, sqlite_path
from organiser.core.team import feed


def check_sqlite_file(path: Path) -> str | None:
    """Refuse a damaged, foreign or newer file without writing to it; return its revision."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not looks_like_sqlite(path):
        raise CorruptDatabase(f"{path.name} is not an Organiser database.", path=str(path))
    verdict = quick_check(path)
    if verdict != "ok":
        raise CorruptDatabase(f"{path.name} is damaged ({verdict}).", path=str(path))
    revision, has_tables = stored_revision(path)
    if revision is None and has_tables:
        raise CorruptDatabase(
            f"{path.name} is a database of another program, not Organiser.", path=str(path)
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerDatabase(
            f"{path.name} was saved by a newer version of Organiser; "
            "update Organiser to open it. The file was not changed."
        )
    return revision


def open_store(url: str, *, daily_backup: bool = True) -> Store:
    """Check, back up (before migrating and once a day) and migrate, then return the store."""
    path = sqlite_path(url)
    if path is not None:
        if not path.parent.exists():
            make_private_dir(path.parent)
        revision = check_sqlite_file(path)
        if revision is not None and revision != migrate.head_revision():
            backup.make_backup(path, reason="pre-migration")
        elif revision is not None and daily_backup and backup.daily_backup_due(path):
            backup.make_backup(path, reason="daily")
            backup.rotate(path)
        # SQLite gives -wal and -shm the mode of the database file, so make it private first.
        if not path.exists():
            try:
                os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
            except OSError as exc:
                raise StoreError(f"Cannot create the database {path}: {exc.strerror}.") from exc
        make_private_file(path)
    try:
        engine = make_engine(url)
    except ImportError as exc:  # a server URL whose driver is not installed
        raise StoreError(
            f"Cannot open the database: its driver {exc.name or ''} is not installed. For "
            "PostgreSQL, use a postgresql+psycopg:// address and install Organiser with "
            "pip install 'organiser[postgres]'."
        ) from exc
    except ArgumentError as exc:
        raise StoreError(f"Cannot open the database: {_first_line(exc)}") from exc
    try:
        with engine.connect() as connection:
            current = migrate.current_revision(connection)
        if path is None and current is not None and current not in migrate.known_revisions():
            raise NewerDatabase(
                "This database was saved by a newer version of Organiser; update Organiser to "
                "open it. Nothing was changed."
            )
        if current != migrate.head_revision():
            migrate.upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:  # the driver's own words, on one line
        engine.dispose()
        raise StoreError(f"Cannot open the database: {_first_line(exc)}") from exc
    store = Store(engine, url)
    with store.begin() as session:
        feed.prune(session)
    return store


def _first_line(exc: Exception) -> str:
    """The driver's own words on one line, without SQLAlchemy's "(psycopg.OperationalError)"."""
    line = (str(exc).splitlines() or [type(exc).__name__])[0]
    return re.sub(r"^\([\w.]+\) ", "", line)


def integrity_report(store: Store) -> str:
    """'ok' or what the database's own check found (SQLite quick_check / a PostgreSQL ping)."""
    if store.path is not None:
        return quick_check(store.path)
    with store.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return "ok"


def move_aside(path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database and its -wal/-shm out of the way; return the new name."""
    stamp = f"{now or dt.datetime.now():%Y%m%d-%H%M%S}"
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(Path(f"{target}{suffix}"))
    return target
