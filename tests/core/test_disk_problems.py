"""A file that cannot be read or written is said as what it is, never called damaged; damage
is said in one line; restores keep what they replace; the example event is all or nothing."""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from pathlib import Path

import pytest

from organiser.core import backup, demo, disk, integrity
from organiser.core.demo import add_demo_event
from organiser.core.errors import CorruptDatabase, DiskProblem, OrganiserError
from organiser.core.events.service import list_events
from organiser.core.opening import check_sqlite_file, open_store


def _error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "organiser.sqlite"
    store = open_store(f"sqlite:///{path}")
    add_demo_event(store)
    store.close()
    return path


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (sqlite3.SQLITE_FULL, "the disk that holds organiser.sqlite is full"),
        (sqlite3.SQLITE_READONLY, "cannot be written (permission denied)"),
        (sqlite3.SQLITE_BUSY, "another program is using organiser.sqlite"),
        (sqlite3.SQLITE_IOERR, "the disk could not read or write organiser.sqlite"),
    ],
)
def test_what_stopped_the_file_is_said_in_words(
    database: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    monkeypatch.setattr(disk, "free_bytes", lambda _path: 10 * 1024 * 1024)
    assert words in disk.disk_words(database, _error(code, "raw"))


def test_a_file_that_cannot_be_read_is_a_disk_problem_not_damage(
    database: Path, monkeypatch: pytest.MonkeyPatch, file_hash: object
) -> None:
    def unreadable(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise _error(sqlite3.SQLITE_IOERR, "disk I/O error")

    monkeypatch.setattr(integrity, "open_read_only", unreadable)
    with pytest.raises(DiskProblem, match=r"^Cannot read organiser\.sqlite: ") as caught:
        check_sqlite_file(database)
    assert not isinstance(caught.value, CorruptDatabase)
    assert sorted(p.name for p in database.parent.iterdir() if ".damaged-" in p.name) == []


def _zero_pages(path: Path, first: int, count: int) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[first * size : (first + count) * size] = bytes(count * size)
    path.write_bytes(bytes(data))


def _pages_never_used(path: Path, count: int) -> None:
    """Grow the file by `count` pages nothing points to: SQLite names each on its own line."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    pages = struct.unpack(">I", data[28:32])[0]
    data[28:32] = struct.pack(">I", pages + count)
    path.write_bytes(bytes(data) + bytes(count * size))


def test_many_problems_are_one_line_with_a_count(database: Path) -> None:
    _pages_never_used(database, 5)
    verdict = integrity.quick_check(database)
    assert verdict.endswith("is never used (and 4 more problems)"), verdict
    assert "\n" not in verdict
    with pytest.raises(CorruptDatabase) as caught:
        check_sqlite_file(database)
    assert "\n" not in str(caught.value)


def test_an_empty_file_where_backups_exist_is_damage(database: Path) -> None:
    backup.make_backup(database, reason="daily")
    database.write_bytes(b"")
    with pytest.raises(CorruptDatabase, match=r"is empty \(0 bytes\), but Organiser has backups"):
        check_sqlite_file(database)
    assert database.read_bytes() == b""


def test_an_empty_file_with_no_backups_is_a_new_database(tmp_path: Path) -> None:
    fresh = tmp_path / "new.sqlite"
    fresh.write_bytes(b"")
    assert check_sqlite_file(fresh) is None


def test_restoring_over_a_damaged_file_keeps_it(database: Path) -> None:
    made = backup.make_backup(database, reason="manual")
    _zero_pages(database, 2, 5)
    damaged = database.read_bytes()
    kept = backup.restore_backup(made, database)
    assert kept is not None and kept.read_bytes() == damaged
    assert integrity.quick_check(database) == "ok"


def test_restoring_over_a_file_that_cannot_be_read_still_works(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = backup.make_backup(database, reason="manual")
    real = backup.quick_check

    def cannot_read_the_database(path: Path) -> str:
        if path == database:
            raise DiskProblem("Cannot read organiser.sqlite: permission denied.")
        return real(path)

    monkeypatch.setattr(backup, "quick_check", cannot_read_the_database)
    kept = backup.restore_backup(made, database)
    assert kept is not None and kept.name.startswith("organiser.sqlite.damaged-")
    monkeypatch.undo()
    assert integrity.quick_check(database) == "ok"


def test_the_example_event_is_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'half.sqlite'}")
    try:

        def full_disk(*_args: object) -> None:
            raise OrganiserError("The change could not be saved: the disk is full.")

        monkeypatch.setattr(demo, "add_feedback", full_disk)
        with pytest.raises(OrganiserError, match="disk is full"):
            add_demo_event(store)
        assert list_events(store, include_archived=True) == []
        monkeypatch.undo()
        assert [e.title for e in list_events(store)] == [] and add_demo_event(store) > 0
    finally:
        store.close()


def test_check_says_many_problems_in_one_line(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from organiser.app import main

    _pages_never_used(database, 5)
    assert main(["check", "--database", str(database)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("organiser: organiser.sqlite is damaged (Page ")
    assert "(and 4 more problems))." in err


def test_an_empty_database_with_backups_points_to_the_newest(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from organiser.app import main

    made = backup.make_backup(database, reason="daily")
    database.write_bytes(b"")
    assert main(["events", "--database", str(database)]) == 1
    err = capsys.readouterr().err
    assert err == (
        "organiser: organiser.sqlite is empty (0 bytes), but Organiser has backups of it. "
        f"Restore the newest good backup: organiser restore {made}\n"
    )
    assert database.read_bytes() == b""
