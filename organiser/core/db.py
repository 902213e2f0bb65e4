"""Engine with safe SQLite pragmas, and the store every service call goes through."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Engine,
    Integer,
    SmallInteger,
    String,
    create_engine,
    event,
    inspect,
)
from sqlalchemy.exc import NotSupportedError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool, QueuePool

from organiser.core import protection
from organiser.core.disk import sqlite_code
from organiser.core.errors import SavedElsewhere, StoreError, ValidationError
from organiser.core.integrity import open_read_only
from organiser.core.paths import sqlite_path
from organiser.core.team import feed

if TYPE_CHECKING:
    from organiser.core.team.roles import TeamRole

BUSY_TIMEOUT_MS = 5000
# What a team database says when a role may not do something: no privilege (or a row policy),
# or a column its role's view blanks, which cannot be written.
REFUSED = ("42501", "0A000")


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """foreign_keys, WAL (DELETE where the file system cannot), synchronous=FULL, busy timeout."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
        except protection.database_errors("OperationalError"):
            mode = None
        if not mode or str(mode[0]).lower() != "wal":
            cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def read_only_engine(path: Path) -> Engine:
    """An engine that reads `path` and can write nothing, not even a journal beside it."""
    # A fresh connection for every use: each sees the file as it is then (one kept open
    # would keep reading what was there when it opened).
    extra = {"module": protection.cipher()} if protection.key_for(path) else {}
    engine = create_engine(
        "sqlite://", creator=lambda: open_read_only(path, shared=True), poolclass=NullPool, **extra
    )
    event.listen(engine, "connect", _set_read_only_pragmas)
    return engine


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite connections get the pragmas of QUALITY.md. A file protected
    with a password is opened through SQLCipher with the key this process unlocked for it."""
    path = sqlite_path(url)
    key = protection.key_for(path) if path is not None else None
    if path is not None and key is not None:
        engine = create_engine(
            "sqlite://",
            module=protection.cipher(),
            creator=lambda: protection.connect(path, key, shared=True),
            poolclass=QueuePool,
        )
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _too_big(column_type: Any, value: Any) -> str | None:
    """Why a column cannot hold the value, or None when it can."""
    if isinstance(column_type, String) and column_type.length and isinstance(value, str):
        if len(value) > column_type.length:
            return f"is longer than the {column_type.length:,} characters it can hold; shorten it"
    elif isinstance(column_type, Integer) and isinstance(value, int):
        bits = {BigInteger: 64, SmallInteger: 16}.get(type(column_type), 32)
        if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
            return "is too large a number to store"
    return None


def _refuse_what_columns_cannot_hold(session: Session, _context: Any, _instances: Any) -> None:
    """Text longer than its column, or a number beyond it, is refused in words on every database.

    PostgreSQL enforces VARCHAR(n) and 32-bit INTEGER (with a traceback); SQLite would keep
    the value, and the same data could then not be copied to a team database.
    """
    for obj, is_new in [*((o, True) for o in session.new), *((o, False) for o in session.dirty)]:
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if is_new:
                values = [state.dict.get(attr.key)]
            else:
                values = list(state.attrs[attr.key].history.added)
            for value in values:
                why = _too_big(attr.columns[0].type, value)
                if why is not None:
                    raise ValidationError(f"The {_words(attr.key)} {why}.", field=attr.key)


def _words(key: str) -> str:
    """A column's name as words: estimated_pence → estimated amount."""
    if key.endswith("_pence"):
        key = key.removesuffix("_pence").removesuffix("amount") + "_amount"
    return key.replace("_", " ").strip()


class Store:
    """An open database: one `begin()` per user action, nothing held open in between.

    `read_only` says why nothing can be changed (a read-only file, a full disk), or is None;
    `warnings` holds what the person should hear on opening (today's backup failed).
    """

    def __init__(self, engine: Engine, url: str, *, read_only: str | None = None) -> None:
        self.engine = engine
        self.url = url
        self.read_only = read_only
        self.warnings: list[str] = []
        self.role: TeamRole | None = None  # on a team database with roles: this person's
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _refuse_what_columns_cannot_hold)
        if read_only is not None:
            event.listen(self._sessions, "before_flush", self._refuse_changes)
        self.origin = uuid.uuid4().hex  # this window's (or command's) name in the change feed
        feed.watch(self._sessions, self.origin)
        self._outer = threading.local()

    def take_role(self) -> None:
        """On a team database with roles: find this person's role, and read through the
        role's views from now on (each new connection puts them first on its search path)."""
        if self.engine.dialect.name != "postgresql":
            return
        from organiser.core.team import roles

        with self.engine.connect() as connection:
            where = roles.names(connection)
            self.role = roles.role_of(connection, where)
        if self.role is roles.TeamRole.VIEWER and self.read_only is None:
            self.read_only = "you are connected to the team database as a viewer"
            event.listen(self._sessions, "before_flush", self._refuse_changes)
        path = roles.search_path(where, self.role)
        if path is None:
            return

        def put_views_first(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute(f"SET search_path TO {path}")
            finally:
                cursor.close()
            dbapi_connection.commit()  # a SET is undone with its transaction otherwise

        event.listen(self.engine, "connect", put_views_first)
        self.engine.dispose()  # connections made before read the tables themselves

    def _refuse_changes(self, session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            raise StoreError(self.read_only_words())

    def read_only_words(self) -> str:
        """Why nothing can be changed, for a refused edit."""
        return f"Nothing was changed: this database is open read-only ({self.read_only})."

    def refused_words(self) -> str:
        """What a person hears when the team database refuses their role something."""
        role = f"a {self.role.words}" if self.role is not None else "your login"
        return (
            f"The team database did not allow this: you are connected as {role}, and it is "
            "for other roles. An organiser can change your role in File ▸ Team members…."
        )

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """What the window title shows: the file name, or the server and database."""
        if self.path is not None:
            return str(self.path)
        url = self.engine.url.difference_update_query(["password"])  # ?password=… too
        return url.render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on error.

        A database that cannot be written (locked by another program, a full disk, a
        read-only file) is said in words, so the screen keeps what was typed unsaved
        instead of a traceback losing it.
        """
        outer = getattr(self._outer, "session", None)
        if outer is not None:  # inside one_transaction: part of it, flushed as a commit would
            yield outer
            outer.flush()
            return
        try:
            with self._sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            raise SavedElsewhere(
                "Someone else saved the same thing at the same moment, so this change was not "
                "saved. Look at it again and repeat the change if it is still needed."
            ) from exc
        except (ProgrammingError, NotSupportedError) as exc:
            if getattr(exc.orig, "sqlstate", None) not in REFUSED:
                raise
            raise StoreError(self.refused_words()) from exc
        except OperationalError as exc:
            if self.read_only is not None and sqlite_code(exc) == sqlite3.SQLITE_READONLY:
                raise StoreError(self.read_only_words()) from exc
            reason = str(exc.orig).strip() or "unknown problem"
            check = (
                "Check the disk has room and no other program has the file open, then try again."
                if self.path is not None
                else "Check the connection to the server, then try again."
            )
            raise StoreError(
                f"The change could not be saved: the database says “{reason}”. {check}"
            ) from exc

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Make every `begin()` inside (on this thread) part of one transaction: all of it is
        saved, or, after an error, a kill or a full disk, none of it."""
        with self.begin() as session:
            self._outer.session = session
            try:
                yield
            finally:
                self._outer.session = None

    def close(self) -> None:
        """Release every connection (needed before a restore replaces the file)."""
        self.engine.dispose()
