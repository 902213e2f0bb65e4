"""Is this file a healthy SQLite database, and which schema does it hold? Read-only checks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from organiser.core import protection
from organiser.core.disk import disk_words, is_damage, nearly_full, why_not_writable
from organiser.core.errors import DiskProblem, ForeignFile
from organiser.core.instance import held_by_running_app

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    """True when the file starts with SQLite's header (an empty file counts as new)."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head == SQLITE_HEADER


# What a file that is not a database most likely is, by its first bytes.
_KINDS = (
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip file (perhaps a Word or Excel document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


def _what_it_is(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(512)
    for magic, kind in _KINDS:
        if head.startswith(magic):
            return f" (it is {kind})"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return " (it is a text file)"


def refuse_foreign_file(path: Path) -> None:
    """Refuse a file that is not a database at all (a picture, a document) by its first bytes:
    cheap enough to run before anything, such as a lock file, is written beside it. A file
    protected with a password is a database: Locked until its password has been given."""
    if protection.is_protected(path):
        if protection.key_for(path) is None:
            raise protection.Locked(
                f"{path.name} is protected with a password: it opens once the password (or "
                "its recovery key) is given. Nothing was changed.",
            )
        return
    try:
        foreign = path.is_file() and path.stat().st_size > 0 and not looks_like_sqlite(path)
        kind = _what_it_is(path) if foreign else ""
    except OSError as exc:
        raise DiskProblem(f"Cannot read {path.name}: {disk_words(path, exc)}.") from exc
    if foreign:
        raise ForeignFile(
            f"{path.name} is not an Organiser database{kind}. Nothing was changed.",
            path=str(path),
        )


def open_read_only(path: Path, *, shared: bool = False) -> sqlite3.Connection:
    """A connection that writes nothing, not even a -wal or -shm beside a closed database.

    `shared`: for a connection pool that hands it to more than one thread. A protected
    file is opened with the key this process unlocked for it.
    """
    # Read-only SQLite still creates (and, unable to checkpoint, leaves) -wal and -shm files
    # beside a WAL database. With no -wal present nobody has the file open, so open it
    # immutable; a file in use keeps the normal read-only mode to see its latest commits.
    # Where nobody can write (a read-only folder or medium) immutable is the only way in. So
    # it is for an empty -wal left by a start on a full disk, that no other window holds:
    # reading it normally needs room for the -shm the full disk lacks, and no writer fits.
    wal = Path(f"{path}-wal")
    leftover = (
        wal.exists()
        and wal.stat().st_size == 0
        and nearly_full(path) is not None
        and not held_by_running_app(path, other_than_me=True)
    )
    unused = not wal.exists() or why_not_writable(path) is not None or leftover
    immutable = "&immutable=1" if unused else ""
    # as_uri() percent-encodes, so a folder named "a?b#c" still opens the right file.
    uri = f"{path.resolve().as_uri()}?mode=ro{immutable}"
    key = protection.key_for(path)
    if key is not None:
        return protection.connect_uri(uri, key, shared=shared)  # type: ignore[no-any-return]
    return sqlite3.connect(uri, uri=True, timeout=5, check_same_thread=not shared)


def one_line(problems: list[str]) -> str:
    """The first problem, and how many more: SQLite lists each damaged page on its own line."""
    lines = [line.strip() for text in problems for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("*** in database")]
    if not lines:
        return "no answer"
    more = len(lines) - 1
    return lines[0] + (f" (and {more:,} more problem{'s' if more != 1 else ''})" if more else "")


def quick_check(path: Path) -> str:
    """'ok', or (in one line) what SQLite found wrong with the file.

    Raises DiskProblem when the file could not be read at all (a full disk, no permission, a
    lock, an I/O error): that is not damage, and the file must not be treated as damaged.
    """
    try:
        with closing(open_read_only(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except protection.database_errors("DatabaseError") as exc:
        if is_damage(exc):
            return one_line([str(exc)])
        raise DiskProblem(f"Cannot read {path.name}: {disk_words(path, exc)}.") from exc
    if [str(row[0]) for row in rows] == ["ok"]:
        return "ok"
    return one_line([str(row[0]) for row in rows])


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
