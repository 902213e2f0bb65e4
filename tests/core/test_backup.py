"""Verified backups, their rotation, and restoring from one."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from organiser.core import backup
from organiser.core.backup import BackupFile, backups_to_keep
from organiser.core.errors import OrganiserError
from organiser.core.events.service import create_event, list_events
from organiser.core.integrity import quick_check
from organiser.core.opening import open_store
from organiser.core.paths import database_url


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A closed database holding one event."""
    path = tmp_path / "organiser.sqlite"
    store = open_store(database_url(str(path)))
    create_event(store, title="Pilates morning")
    store.close()
    return path


def _titles(path: Path) -> list[str]:
    store = open_store(database_url(str(path)), daily_backup=False)
    try:
        return [row.title for row in list_events(store)]
    finally:
        store.close()


def test_make_backup_writes_a_verified_private_copy(database: Path) -> None:
    made = backup.make_backup(database)
    assert made.parent == database.parent / "backups"
    assert made.name.startswith("organiser-") and made.name.endswith("-manual.sqlite")
    # Nothing but the backup itself: no partial file, no -wal or -shm left behind.
    assert [p.name for p in made.parent.iterdir()] == [made.name]
    assert quick_check(made) == "ok"
    assert _titles(made) == ["Pilates morning"]


def test_backup_of_a_database_in_use_includes_uncheckpointed_commits(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite"
    store = open_store(database_url(str(path)))
    try:
        create_event(store, title="Only in the WAL so far")
        assert Path(f"{path}-wal").stat().st_size > 0
        made = backup.make_backup(path, out=tmp_path / "copy.sqlite")
    finally:
        store.close()
    assert _titles(made) == ["Only in the WAL so far"]


def test_a_backup_that_does_not_verify_is_not_kept(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "quick_check", lambda path: "database disk image is malformed")
    with pytest.raises(
        OrganiserError, match=r"did not verify \(database disk image is malformed\)"
    ):
        backup.make_backup(database)
    assert list((database.parent / "backups").iterdir()) == []


def test_backup_to_a_chosen_file(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "copy.sqlite"
    out.parent.mkdir()
    assert backup.make_backup(database, out=out) == out
    assert quick_check(out) == "ok"


def test_backup_of_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(OrganiserError, match="There is no database"):
        backup.make_backup(tmp_path / "nothing.sqlite")


def test_backup_into_a_missing_folder_leaves_nothing_behind(database: Path, tmp_path: Path) -> None:
    with pytest.raises(OrganiserError, match="Could not write the backup"):
        backup.make_backup(database, out=tmp_path / "missing" / "copy.sqlite")
    assert not (tmp_path / "missing").exists()


def test_list_backups_newest_first_and_only_this_databases(database: Path) -> None:
    folder = database.parent / "backups"
    folder.mkdir(exist_ok=True)
    names = [
        "organiser-20270301-090000-daily.sqlite",
        "organiser-20270303-090000-pre-migration.sqlite",
        "organiser-20270302-090000-manual.sqlite",
        "organiser-old-20270304-090000-daily.sqlite",  # another database's
        "organiser-notes.txt",
    ]
    for name in names:
        (folder / name).write_bytes(b"")
    found = backup.list_backups(database)
    assert [(b.made, b.reason) for b in found] == [
        (dt.datetime(2027, 3, 3, 9), "pre-migration"),
        (dt.datetime(2027, 3, 2, 9), "manual"),
        (dt.datetime(2027, 3, 1, 9), "daily"),
    ]


def test_no_backups_folder_means_no_backups(tmp_path: Path) -> None:
    assert backup.list_backups(tmp_path / "organiser.sqlite") == []


def _daily(made: dt.datetime, reason: str = "daily") -> BackupFile:
    return BackupFile(Path(f"b-{made:%Y%m%d-%H%M%S}-{reason}.sqlite"), made, reason)


def test_rotation_keeps_seven_daily_and_four_weekly() -> None:
    now = dt.datetime(2027, 3, 31, 12, 0)  # a Wednesday
    # Two backups a day, morning and evening, for ten weeks.
    backups = [
        _daily(dt.datetime(2027, 3, 31, hour) - dt.timedelta(days=days))
        for days in range(70)
        for hour in (8, 18)
        if not (days == 0 and hour == 18)
    ]
    kept = sorted(
        (b for b in backups if b.path in backups_to_keep(backups, now=now)),
        key=lambda b: b.made,
        reverse=True,
    )
    daily = [b for b in kept if (now.date() - b.made.date()).days < 7]
    weekly = [b for b in kept if (now.date() - b.made.date()).days >= 7]

    # The newest backup of each of the last seven days…
    assert [b.made for b in daily] == [
        dt.datetime(2027, 3, 31, 8),
        *(dt.datetime(2027, 3, day, 18) for day in (30, 29, 28, 27, 26, 25)),
    ]
    # …then the newest of each of four older weeks (ISO weeks start on Monday).
    assert [b.made for b in weekly] == [
        dt.datetime(2027, 3, 24, 18),
        dt.datetime(2027, 3, 21, 18),
        dt.datetime(2027, 3, 14, 18),
        dt.datetime(2027, 3, 7, 18),
    ]
    assert len(kept) == 11


def test_rotation_keeps_the_last_five_other_backups_whatever_their_age() -> None:
    now = dt.datetime(2027, 3, 31, 12, 0)
    others = [_daily(dt.datetime(2026, 1, 1 + i), "pre-migration") for i in range(8)]
    manual = [_daily(dt.datetime(2025, 6, 1), "manual")]
    keep = backups_to_keep(others + manual, now=now)
    assert keep == {b.path for b in others[3:]}


def test_rotate_deletes_what_it_does_not_keep(database: Path) -> None:
    folder = database.parent / "backups"
    folder.mkdir(exist_ok=True)
    now = dt.datetime(2027, 3, 31, 12)
    for days in range(40):
        made = now - dt.timedelta(days=days)
        (folder / f"organiser-{made:%Y%m%d-%H%M%S}-daily.sqlite").write_bytes(b"")
    removed = backup.rotate(database, now=now)
    assert len(removed) == 40 - 11
    assert len(backup.list_backups(database)) == 11
    assert all(not path.exists() for path in removed)


def test_daily_backup_due(database: Path) -> None:
    assert backup.daily_backup_due(database)
    backup.make_backup(database, reason="manual")
    assert not backup.daily_backup_due(database)
    tomorrow = dt.datetime.now() + dt.timedelta(days=1)
    assert backup.daily_backup_due(database, now=tomorrow)


def test_opening_makes_one_daily_backup_a_day(database: Path) -> None:
    for _ in range(2):
        open_store(database_url(str(database))).close()
    [made] = backup.list_backups(database)
    assert made.reason == "daily"


def test_newest_good_backup_skips_a_damaged_one(database: Path) -> None:
    good = backup.make_backup(database)
    older = good.with_name("organiser-20270301-090000-daily.sqlite")
    good.replace(older)
    damaged = good.with_name("organiser-20270302-090000-daily.sqlite")
    damaged.write_bytes(older.read_bytes()[:5000])
    assert quick_check(damaged) != "ok"
    newest = backup.newest_good_backup(database)
    assert newest is not None
    assert newest.path == older


def test_no_good_backup(database: Path) -> None:
    folder = database.parent / "backups"
    folder.mkdir()
    (folder / "organiser-20270302-090000-daily.sqlite").write_bytes(b"not a database" * 100)
    assert backup.newest_good_backup(database) is None


def test_restore_backup_replaces_the_data_and_keeps_a_copy_of_it(database: Path) -> None:
    saved = backup.make_backup(database, reason="manual")
    store = open_store(database_url(str(database)), daily_backup=False)
    create_event(store, title="Added after the backup")
    store.close()
    assert _titles(database) == ["Added after the backup", "Pilates morning"]

    backup.restore_backup(saved, database)
    assert _titles(database) == ["Pilates morning"]
    assert database.stat().st_mode & 0o777 == 0o600
    before_restore = [b for b in backup.list_backups(database) if b.reason == "before-restore"]
    assert len(before_restore) == 1
    assert _titles(before_restore[0].path) == ["Added after the backup", "Pilates morning"]


def test_restore_refuses_a_damaged_backup(database: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(OrganiserError, match=r"bad\.sqlite is damaged"):
        backup.restore_backup(bad, database)
    assert _titles(database) == ["Pilates morning"]


def test_restore_into_a_missing_database(database: Path, tmp_path: Path) -> None:
    saved = backup.make_backup(database, out=tmp_path / "saved.sqlite")
    target = tmp_path / "fresh" / "organiser.sqlite"
    target.parent.mkdir()
    backup.restore_backup(saved, target)
    assert _titles(target) == ["Pilates morning"]
    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
