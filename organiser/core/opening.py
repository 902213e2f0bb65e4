"""Open a database safely: check it, refuse what is newer, back up, migrate."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import ArgumentError, DBAPIError

from organiser.core import backup, migrate, protection
from organiser.core.db import Store, make_engine, read_only_engine
from organiser.core.disk import disk_words, nearly_full, why_not_writable
from organiser.core.errors import (
    CorruptDatabase,
    DiskProblem,
    ForeignFile,
    NewerDatabase,
    OrganiserError,
    StoreError,
)
from organiser.core.integrity import quick_check, refuse_foreign_file, stored_revision
from organiser.core.paths import make_private_dir, make_private_file, sqlite_path
from organiser.core.team import feed
from organiser.core.team.roles import TeamRole


def check_sqlite_file(path: Path) -> str | None:
    """Refuse a damaged, foreign or newer file without writing to it; return its revision.

    An empty file where backups of the database exist is damage (the database was lost); a
    file that cannot be read (no room, no permission, a lock) is a DiskProblem, never damage.
    """
    try:
        if not path.exists():
            return None
        if path.stat().st_size == 0:
            if backup.list_backups(path):
                raise CorruptDatabase(
                    f"{path.name} is empty (0 bytes), but Organiser has backups of it.",
                    path=str(path),
                )
            return None
        refuse_foreign_file(path)
        verdict = quick_check(path)
        if verdict != "ok":
            raise CorruptDatabase(f"{path.name} is damaged ({verdict}).", path=str(path))
        revision, has_tables = stored_revision(path)
    except OSError as exc:
        raise DiskProblem(f"Cannot read {path.name}: {disk_words(path, exc)}.") from exc
    except protection.database_errors("DatabaseError") as exc:
        raise DiskProblem(f"Cannot read {path.name}: {disk_words(path, exc)}.") from exc
    if revision is None and has_tables:
        raise ForeignFile(
            f"{path.name} is a database of another program, not Organiser. Nothing was changed.",
            path=str(path),
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerDatabase(
            f"{path.name} was saved by a newer version of Organiser; "
            "update Organiser to open it. The file was not changed."
        )
    return revision


def open_store(
    url: str,
    *,
    daily_backup: bool = True,
    read_only_ok: bool = False,
    force_read_only: str | None = None,
) -> Store:
    """Check, back up (before migrating and once a day) and migrate, then return the store.

    A file that cannot be written (read-only, on read-only media, on a full disk) opens
    read-only when `read_only_ok` (the window, and commands that only read), saying why in
    `store.read_only`; otherwise it is refused in words. A daily backup that cannot be
    written is a warning in `store.warnings`, never a reason not to open. `force_read_only`
    opens read-only for that reason even where the file could be written.
    """
    path = sqlite_path(url)
    if path is None:
        return _open_engine(url, None)
    if not path.parent.exists():
        make_private_dir(path.parent)
    revision = check_sqlite_file(path)
    full = nearly_full(path) if path.exists() else None
    blocked = force_read_only or why_not_writable(path) or full
    if blocked is None:
        try:
            return _open_writable(url, path, revision, daily_backup=daily_backup)
        except DiskProblem as exc:
            if not (read_only_ok and revision == migrate.head_revision()):
                raise
            cause = exc.__cause__
            blocked = disk_words(path, cause) if cause is not None else str(exc).rstrip(".")
    if not read_only_ok:
        raise DiskProblem(f"Cannot change {path.name}: {blocked}. Nothing was changed.")
    if revision is None:
        raise DiskProblem(f"Cannot create a database at {path}: {blocked}.")
    if revision != migrate.head_revision():
        raise DiskProblem(
            f"This version of Organiser must update {path.name} before opening it, but "
            f"{blocked}. Copy it to a folder on your computer and open the copy. Nothing was "
            "changed."
        )
    return Store(read_only_engine(path), url, read_only=blocked)


def _open_writable(url: str, path: Path, revision: str | None, *, daily_backup: bool) -> Store:
    warnings: list[str] = []
    if revision is not None and revision != migrate.head_revision():
        try:
            backup.make_backup(path, reason="pre-migration")
        except OrganiserError as exc:
            raise DiskProblem(
                f"Organiser backs up {path.name} before updating it, and the backup could not "
                f"be written: {exc} Nothing was changed."
            ) from exc
    elif revision is not None and daily_backup and backup.daily_backup_due(path):
        try:
            backup.make_backup(path, reason="daily")
            backup.rotate(path)
        except OrganiserError as exc:
            warnings.append(f"Today's backup could not be made. {exc}")
    if protection.plain_copy_path(path).exists() and protection.is_protected(path):
        warnings.append(
            f"An unprotected copy of {path.name} is still kept beside it, readable by anyone "
            "who copies it: once the recovery key is safe, remove it (File ▸ Password "
            "protection…, or organiser protect --remove-plain-copy)."
        )
    # SQLite gives -wal and -shm the mode of the database file, so make it private first.
    if not path.exists():
        try:
            os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
        except OSError as exc:
            raise DiskProblem(
                f"Cannot create the database {path}: {disk_words(path, exc)}."
            ) from exc
        make_private_file(path)
    store = _open_engine(url, path)
    store.warnings.extend(warnings)
    return store


def _open_engine(url: str, path: Path | None) -> Store:
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
    team = engine.dialect.name == "postgresql"
    refreshed: str | None = None
    try:
        with engine.connect() as connection:
            current = _revision(connection)
        if path is None and current is not None and current not in migrate.known_revisions():
            raise NewerDatabase(
                "This database was saved by a newer version of Organiser; update Organiser to "
                "open it. Nothing was changed."
            )
        if current is None and team:
            _refuse_outsider(engine)
        if current != migrate.head_revision():
            if team and current is not None:
                _refuse_non_owner(engine)
            migrate.upgrade(engine)
        elif team:
            refreshed = _refresh_roles(engine)
        store = Store(engine, url)
        if refreshed is not None:
            store.warnings.append(refreshed)
        store.take_role()
        if store.read_only is None and store.role in (None, TeamRole.ORGANISER):
            with store.begin() as session:
                feed.prune(session)
    except StoreError as exc:
        engine.dispose()
        if path is not None and isinstance(exc.__cause__, DBAPIError):
            cause = exc.__cause__
            raise DiskProblem(f"Cannot open {path.name}: {disk_words(path, cause)}.") from cause
        raise
    except Exception as exc:  # the driver's own words, on one line
        engine.dispose()
        if path is not None and isinstance(
            exc, (DBAPIError, OSError, *protection.database_errors())
        ):
            raise DiskProblem(f"Cannot open {path.name}: {disk_words(path, exc)}.") from exc
        raise StoreError(f"Cannot open the database: {_first_line(exc)}") from exc
    return store


NOT_IN_TEAM = (
    "Cannot open the team database: your login is in none of its team roles, so it may read "
    "nothing there. Ask an organiser to give you a role (File ▸ Team members…)."
)


OWNER_FIRST = (
    "Cannot open the team database yet: this version of Organiser has changes to make to it "
    "that only its owner's login may make. Ask whoever looks after the server to open it once "
    "with this version, then connect again."
)


def _revision(connection: Connection) -> str | None:
    """The database's schema revision; a team database that refuses even that to a login
    says it is in none of the team's roles."""
    try:
        return migrate.current_revision(connection)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise StoreError(NOT_IN_TEAM) from exc
        raise


def _refuse_non_owner(engine: Engine) -> None:
    """Only the tables' owner migrates a team database (a role's login cannot, and would read
    a misleading refusal half-way)."""
    from organiser.core.team import roles

    with engine.connect() as connection:
        where = roles.names(connection)
        owner = roles.table_owner(connection, where)
        me, superuser = connection.execute(
            text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        ).one()
        if owner is not None and owner != me and not superuser:
            raise StoreError(OWNER_FIRST)


def _refresh_roles(engine: Engine) -> str | None:
    """The owner puts in newer rules for the team roles; a failure is a warning, never a
    reason not to open (the roles stay as they were)."""
    from organiser.core.team import roles_install

    try:
        with engine.begin() as connection:
            roles_install.refresh(connection)
    except DBAPIError as exc:
        return (
            "The team roles could not be brought up to date "
            f"({_first_line(exc)}); everyone keeps the roles as they were."
        )
    return None


def _refuse_outsider(engine: Engine) -> None:
    """A login that sees no schema (it may use none) is not in the team: say so, rather than
    try to create the tables."""
    with engine.connect() as connection:
        if connection.execute(text("SELECT current_schema()")).scalar() is None:
            raise StoreError(NOT_IN_TEAM)


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
