"""Verified backups (SQLite online backup API, then quick_check), rotation and restore."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from organiser.core import protection
from organiser.core.disk import disk_words, sqlite_code
from organiser.core.errors import DiskProblem, OrganiserError
from organiser.core.files import atomic_write
from organiser.core.integrity import open_read_only, quick_check
from organiser.core.paths import backups_dir, make_private_file

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.sqlite$")
DAILY_KEPT = 7
WEEKLY_KEPT = 4
OTHER_KEPT = 5


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk: when it was made and why."""

    path: Path
    made: dt.datetime
    reason: str


def _copy(source: Path, target: Path) -> None:
    """Copy a live database page by page with SQLite's backup API (safe while in use); a
    protected one stays encrypted, with the same key, in the copy."""
    key = protection.key_for(source)
    if key is not None:
        protection.remember(target, key)
    opened = protection.connect(target, key) if key else sqlite3.connect(target, timeout=5)
    with closing(open_read_only(source)) as src, closing(opened) as dst:
        src.backup(dst)


def make_backup(database: Path, *, reason: str = "manual", out: Path | None = None) -> Path:
    """Back up `database` and verify the copy; return the backup's path."""
    if not database.exists():
        raise OrganiserError(f"There is no database at {database} to back up.")
    now = dt.datetime.now()
    target = out or backups_dir(database) / f"{database.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite"
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        _copy(database, partial)
        make_private_file(partial)
        verdict = quick_check(partial)
        if verdict != "ok":
            raise OrganiserError(f"The backup did not verify ({verdict}); nothing was replaced.")
        partial.replace(target)
        key = protection.key_for(database)
        if key is not None:
            protection.remember(target, key)
            if out is not None:  # beside a copy put elsewhere, so its password opens it too
                _copy_keys(database, target)
    except _failures() as exc:
        raise OrganiserError(
            f"Could not write the backup to {target}: {disk_words(target, exc)}."
        ) from exc
    except DiskProblem as exc:
        raise OrganiserError(f"Could not verify the backup {target}: {exc}") from exc
    finally:
        with contextlib.suppress(OSError):  # a copy that failed to verify is not kept either
            partial.unlink(missing_ok=True)
        protection.forget(partial)
    return target


def _failures() -> tuple[type[BaseException], ...]:
    """What writing or reading a copy can raise: the disk's errors and the database's."""
    return (OSError, *protection.database_errors())


def _copy_keys(database: Path, target: Path) -> None:
    keys = protection.keys_path(database)
    if keys.exists():
        atomic_write(protection.keys_path(target), keys.read_bytes())


def list_backups(database: Path) -> list[BackupFile]:
    """Backups of `database`, newest first."""
    folder = database.parent / "backups"
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{database.stem}-*.sqlite"):
        match = _NAME.match(path.name)
        if match and match["stem"] == database.stem:
            made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, made, match["reason"]))
    return sorted(found, key=lambda b: b.made, reverse=True)


def _good(path: Path) -> bool:
    try:
        return quick_check(path) == "ok"
    except DiskProblem:
        return False


def newest_good_backup(database: Path) -> BackupFile | None:
    """The most recent backup that passes quick_check."""
    for backup in list_backups(database):
        if _good(backup.path):
            return backup
    return None


def backups_to_keep(backups: Iterable[BackupFile], *, now: dt.datetime) -> set[Path]:
    """Newest per day for the last 7 days, newest per week for 4 older weeks, last 5 others."""
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    others = 0
    for backup in sorted(backups, key=lambda b: b.made, reverse=True):
        if backup.reason != "daily":
            if others < OTHER_KEPT:
                keep.add(backup.path)
                others += 1
            continue
        day = backup.made.date()
        week = (day.isocalendar().year, day.isocalendar().week)
        if (now.date() - day).days < DAILY_KEPT:
            if day not in days:
                days.add(day)
                keep.add(backup.path)
        elif week not in weeks and len(weeks) < WEEKLY_KEPT:
            weeks.add(week)
            keep.add(backup.path)
    return keep


def rotate(database: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups the rotation no longer keeps; return what was removed."""
    backups = list_backups(database)
    keep = backups_to_keep(backups, now=now or dt.datetime.now())
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        with contextlib.suppress(OSError):  # a read-only folder keeps its old backups
            path.unlink(missing_ok=True)
    return removed


def daily_backup_due(database: Path, *, now: dt.datetime | None = None) -> bool:
    """True when no backup of any kind was made today."""
    today = (now or dt.datetime.now()).date()
    return not any(b.made.date() == today for b in list_backups(database))


def move_aside(path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database and its -wal/-shm out of the way; return the new name.

    The -wal and -shm go first, so a stale log is never left where a new database would
    read it; if any rename fails, those done are put back and the error raised.
    """
    stamp = f"{now or dt.datetime.now():%Y%m%d-%H%M%S}"
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    done: list[tuple[Path, Path]] = []
    try:
        for suffix in ("-wal", "-shm", ""):
            part = Path(f"{path}{suffix}")
            if part.exists():
                part.replace(Path(f"{target}{suffix}"))
                done.append((part, Path(f"{target}{suffix}")))
    except OSError:
        for original, moved in reversed(done):
            with contextlib.suppress(OSError):
                moved.replace(original)
        raise
    return target


def _state(database: Path) -> str:
    """ "healthy", "missing", "damaged" (or empty, or unreadable), or "busy" (in use)."""
    if not database.exists():
        return "missing"
    if database.stat().st_size == 0:
        return "damaged"
    try:
        return "healthy" if quick_check(database) == "ok" else "damaged"
    except DiskProblem as exc:
        code = sqlite_code(exc.__cause__) if exc.__cause__ is not None else None
        return "busy" if code in {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED} else "damaged"


def restore_backup(backup: Path, database: Path) -> Path | None:
    """Replace the database with a verified backup.

    A healthy database is backed up first and overwritten page by page; a damaged, empty or
    unreadable one is kept, moved aside with its -wal and -shm (its new name returned), once
    the restored copy is safely written beside it. One in use by another program is refused.
    """
    verdict = quick_check(backup)
    if verdict != "ok":
        raise OrganiserError(f"{backup.name} is damaged ({verdict}); choose another backup.")
    state = _state(database)
    if state == "busy":
        raise OrganiserError(
            f"Another program is using {database.name}; close it, then restore. Nothing was "
            "changed."
        )
    try:
        if state == "healthy":
            make_backup(database, reason="before-restore")
            _copy(backup, database)
            return None
        fresh = database.with_name(f".{database.name}.restoring")
        fresh.unlink(missing_ok=True)
        os.close(os.open(fresh, os.O_RDONLY | os.O_CREAT, 0o600))  # private from its first byte
        try:
            _copy(backup, fresh)
            kept = move_aside(database) if state == "damaged" else None
            try:
                fresh.replace(database)
            except OSError:
                if kept is not None:  # put the kept file back where it was
                    for suffix in ("", "-wal", "-shm"):
                        with contextlib.suppress(OSError):
                            Path(f"{kept}{suffix}").replace(Path(f"{database}{suffix}"))
                raise
        finally:
            fresh.unlink(missing_ok=True)
    except _failures() as exc:
        raise OrganiserError(
            f"Could not restore {backup.name}: {disk_words(database, exc)}. Nothing was changed."
        ) from exc
    return kept
