"""Is this file a healthy SQLite database, and which schema does it hold? Read-only checks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    """True when the file starts with SQLite's header (an empty file counts as new)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head == SQLITE_HEADER


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing, not even a -wal or -shm beside a closed database."""
    # Read-only SQLite still creates (and, unable to checkpoint, leaves) -wal and -shm files
    # beside a WAL database. With no -wal present nobody has the file open, so open it
    # immutable; a file in use keeps the normal read-only mode to see its latest commits.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    # as_uri() percent-encodes, so a folder named "a?b#c" still opens the right file.
    uri = f"{path.resolve().as_uri()}?mode=ro{immutable}"
    return sqlite3.connect(uri, uri=True, timeout=5)


def quick_check(path: Path) -> str:
    """'ok', or what SQLite found wrong with the file."""
    try:
        with closing(open_read_only(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(row[0]) for row in rows)
    return result or "no answer"


def stored_revision(path: Path) -> tuple[str | None, bool]:
    """(schema revision, has other tables) read without writing to the file."""
    with closing(open_read_only(path)) as connection:
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(tables - {"alembic_version"})
