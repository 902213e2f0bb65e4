"""What stopped a file being read or written, in words a person can act on.

A full disk, a read-only file or folder, another program's lock and an I/O error are not
damage: the file is left where it is and the person is told what to do.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

# SQLite's primary result codes that say the file itself is damaged or is not a database.
DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
# Less room than this and SQLite cannot write a page, its journal or a backup.
NEARLY_FULL = 256 * 1024


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind an error (through SQLAlchemy's wrapper too)."""
    inner = getattr(exc, "orig", None) or exc
    code = getattr(inner, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(exc: BaseException) -> bool:
    """True when SQLite says the file is malformed or not a database at all."""
    return sqlite_code(exc) in DAMAGE_CODES


def free_bytes(path: Path) -> int | None:
    """Room left on the disk that holds `path` (its nearest existing folder)."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _full(path: Path, free: int | None) -> str:
    room = f" ({free // 1024:,} KB free)" if free is not None else ""
    return f"the disk that holds {path.name} is full{room}; free some space"


def nearly_full(path: Path) -> str | None:
    """Why writing `path` is not worth trying (too little room left for a page, its journal
    or a backup), or None; None too when the room cannot be told."""
    free = free_bytes(path)
    return _full(path, free) if free is not None and free < NEARLY_FULL else None


def why_not_writable(path: Path) -> str | None:
    """Why Organiser cannot write `path` (or create it and its journal beside it), or None."""
    folder = path.parent
    try:
        read_only_medium = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only_medium = False
    if read_only_medium:
        return f"the disk or stick that holds {path.name} can only be read"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path.name} is read-only"
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only"
    return None


def disk_words(path: Path, exc: BaseException) -> str:
    """What went wrong with `path`, as the first half of a sentence ("the disk … is full")."""
    code = sqlite_code(exc)
    number = getattr(exc, "errno", None)
    free = free_bytes(path)
    if (
        code == sqlite3.SQLITE_FULL
        or number == errno.ENOSPC
        or (free is not None and free < NEARLY_FULL and code in (sqlite3.SQLITE_IOERR, None))
    ):
        return _full(path, free)
    blocked = why_not_writable(path)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or number in (
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
    ):
        return f"{blocked or f'{path.name} cannot be written'} (permission denied)"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"another program is using {path.name}; close it"
    if code == sqlite3.SQLITE_CANTOPEN:
        if path.exists() and not os.access(path, os.R_OK):
            return f"{path.name} cannot be read (permission denied)"
        return f"{path.name} cannot be opened{f' ({blocked})' if blocked else ''}"
    if code == sqlite3.SQLITE_IOERR:
        return (
            f"the disk could not read or write {path.name} (an input/output error); check the "
            "disk or stick is still connected and has room"
        )
    text = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["unknown"])[0]
    return f"{path.name} could not be used ({text})"
