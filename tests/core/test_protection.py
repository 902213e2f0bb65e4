"""A database protected with a password: none of the example's names left in the file, its
-wal or its backups; it opens with the password and with the recovery key, and a wrong one is
refused without touching the file; the password can change and the protection can go; an
interrupted protect leaves the plain file as it was."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from organiser.core import backup, protection
from organiser.core.demo import add_demo_event
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.events.service import list_events
from organiser.core.opening import open_store
from organiser.core.paths import database_url

PASSWORD = "correct horse battery"
# Names from the example event: children, parents, the venue, a member of the group.
NAMES = (b"Harbourside", b"Mbeki", b"Nowak", b"Pilates")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """The example event in a plain database, with a backup of it, closed."""
    path = tmp_path / "organiser.sqlite"
    store = open_store(database_url(str(path)))
    add_demo_event(store)
    store.close()
    backup.make_backup(path, reason="manual")
    return path


def every_file(database: Path) -> list[Path]:
    folder = database.parent
    return [p for p in [*folder.iterdir(), *(folder / "backups").iterdir()] if p.is_file()]


def names_in(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [name for name in NAMES if name in data]


def titles(database: Path) -> list[str]:
    store = open_store(database_url(str(database)), daily_backup=False)
    try:
        return [event.title for event in list_events(store)]
    finally:
        store.close()


def test_a_protected_database_holds_none_of_its_names_in_any_file(database: Path) -> None:
    assert names_in(database), "the plain file shows them (the test can fail)"
    key = protection.protect_database(database, PASSWORD).key
    assert protection.is_protected(database)
    kept = protection.plain_copy_path(database)
    assert names_in(kept), "the plain copy stays until the person says it may go"
    protection.remove_plain_copy(database)
    assert not kept.exists()
    store = open_store(database_url(str(database)))  # written to: a -wal and a daily backup
    store.close()
    for path in every_file(database):
        assert names_in(path) == [], path.name
    keys = json.loads(protection.keys_path(database).read_text())
    assert PASSWORD not in json.dumps(keys) and key.raw.hex() not in json.dumps(keys)
    backups = backup.list_backups(database)
    assert backups and all(protection.is_protected(b.path) for b in backups)


def test_it_opens_with_the_password_and_with_the_recovery_key(database: Path) -> None:
    key = protection.protect_database(database, PASSWORD).key
    protection._UNLOCKED.clear()
    assert protection.unlock(database, PASSWORD) == key
    assert protection.unlock(database, f"{PASSWORD}\n") == key, "pasted with a newline"
    assert protection.unlock(database, key.recovery.lower().replace("-", " ")) == key
    protection.keys_path(database).unlink()  # the .keys file lost: the recovery key still opens
    assert protection.unlock(database, key.recovery) == key
    protection.remember(database, key)
    assert "Move, Breathe and Connect" in titles(database)[0]


def test_a_wrong_password_is_refused_and_the_file_untouched(
    database: Path, file_hash: Callable[[Path], str]
) -> None:
    protection.protect_database(database, PASSWORD)
    protection._UNLOCKED.clear()
    before = {p.name: file_hash(p) for p in every_file(database)}
    with pytest.raises(protection.WrongPassword, match="That password does not open"):
        protection.unlock(database, "not the password")
    assert {p.name: file_hash(p) for p in every_file(database)} == before


def test_a_short_password_is_refused_with_the_reason(database: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8 characters"):
        protection.protect_database(database, "short")
    assert not protection.is_protected(database)


def test_a_new_password_replaces_the_old_and_the_recovery_key_stays(database: Path) -> None:
    key = protection.protect_database(database, PASSWORD).key
    protection.change_password(database, key, "a new long password")
    with pytest.raises(protection.WrongPassword):
        protection.unlock(database, PASSWORD)
    assert protection.unlock(database, "a new long password") == key
    assert protection.unlock(database, key.recovery) == key


def test_removing_the_protection_gives_back_plain_files(database: Path) -> None:
    key = protection.protect_database(database, PASSWORD).key
    protection.unprotect_database(database, key)
    assert not protection.is_protected(database)
    assert not protection.keys_path(database).exists()
    assert names_in(database)
    assert all(not protection.is_protected(b.path) for b in backup.list_backups(database))
    assert "Move, Breathe and Connect" in titles(database)[0]


def test_a_file_protected_by_a_newer_version_is_said_as_such(database: Path) -> None:
    protection.protect_database(database, PASSWORD)
    keys = protection.keys_path(database)
    document = json.loads(keys.read_text())
    keys.write_text(json.dumps({**document, "format": 99}))
    with pytest.raises(protection.NewerProtection, match="newer version of Organiser"):
        protection.unlock(database, PASSWORD)


def test_an_interrupted_protect_leaves_the_plain_file_as_it_was(
    database: Path, monkeypatch: pytest.MonkeyPatch, file_hash: Callable[[Path], str]
) -> None:
    before = file_hash(database)

    class PowerCut:
        """The laptop switched off as the protected file was about to take the plain one's
        place (the new file and the .keys file are written by then)."""

        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

        @staticmethod
        def replace(*_args: object) -> None:
            raise OSError("the laptop was switched off")

    monkeypatch.setattr(protection, "os", PowerCut())
    with pytest.raises(OSError):
        protection.protect_database(database, PASSWORD)
    assert not protection.keys_path(database).exists(), "nothing left to mislead"
    monkeypatch.undo()
    protection._UNLOCKED.clear()
    assert file_hash(database) == before and not protection.is_protected(database)
    assert "Move, Breathe and Connect" in titles(database)[0]


def test_the_recovery_key_is_52_letters_in_groups_and_reads_back() -> None:
    key = protection.new_key()
    groups = key.recovery.split("-")
    assert len(groups) == 13 and all(len(g) == 4 for g in groups)
    assert protection.key_from_recovery(key.recovery) == key
    assert protection.key_from_recovery("not a key") is None
    assert "hidden" in repr(key) and key.raw.hex() not in repr(key)


def test_sqlcipher_opens_nothing_with_a_wrong_key(database: Path) -> None:
    protection.protect_database(database, PASSWORD)
    wrong = protection.new_key()
    assert not protection.opens(database, wrong)
    with (
        closing(protection.connect(database, wrong, read_only=True)) as connection,
        pytest.raises(protection.cipher().DatabaseError),
    ):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_removing_the_plain_copy_overwrites_the_original_files_own_bytes(database: Path) -> None:
    with database.open("rb") as original:  # the plain file as it was, held open
        protection.protect_database(database, PASSWORD)
        protection.remove_plain_copy(database)
        original.seek(0)
        assert names_in_bytes(original.read()) == [], (
            "its blocks were overwritten, not just unlinked"
        )


def names_in_bytes(data: bytes) -> list[bytes]:
    return [name for name in NAMES if name in data]


def test_a_damaged_backup_is_left_as_it_is_and_said(database: Path) -> None:
    damaged = backup.make_backup(database, reason="manual")
    data = bytearray(damaged.read_bytes())
    data[4096 * 3 : 4096 * 3 + 2048] = b"\xff" * 2048
    damaged.write_bytes(bytes(data))
    done = protection.protect_database(database, PASSWORD)
    assert protection.is_protected(database) and done.left_plain == (damaged,)
    assert not list(damaged.parent.glob(".*converting")), "nothing half made left behind"


def test_a_write_by_another_program_meanwhile_stops_it_with_nothing_changed(
    database: Path, monkeypatch: pytest.MonkeyPatch, file_hash: Callable[[Path], str]
) -> None:
    import sqlite3

    convert = protection.convert

    def and_another_writes(*args: object, **kwargs: object) -> None:
        convert(*args, **kwargs)  # type: ignore[arg-type]
        with closing(sqlite3.connect(database)) as other:
            other.execute("UPDATE event SET title = 'Changed meanwhile'")
            other.commit()

    monkeypatch.setattr(protection, "convert", and_another_writes)
    with pytest.raises(OrganiserError, match="Another program changed"):
        protection.protect_database(database, PASSWORD)
    assert not protection.is_protected(database)
    assert not protection.keys_path(database).exists()
    assert titles(database) == ["Changed meanwhile"], "the other program's change is kept"


def test_keys_are_never_stale_after_unprotecting_and_protecting_again(database: Path) -> None:
    key = protection.protect_database(database, PASSWORD).key
    made = backup.make_backup(database, reason="manual")
    protection.unprotect_database(database, key)
    assert backup.newest_good_backup(database) is not None, "plain backups read as plain"
    again = protection.protect_database(database, PASSWORD).key
    assert again != key and protection.key_for(made) == again
    assert backup.newest_good_backup(database) is not None


def test_a_broken_keys_file_still_lets_the_recovery_key_in(database: Path) -> None:
    key = protection.protect_database(database, PASSWORD).key
    protection._UNLOCKED.clear()
    keys = protection.keys_path(database)
    document = json.loads(keys.read_text())
    keys.write_text(json.dumps({k: v for k, v in document.items() if k != "salt"}))
    with pytest.raises(protection.WrongPassword, match="cannot be used"):
        protection.unlock(database, PASSWORD)
    assert protection.unlock(database, key.recovery) == key
    keys.write_text("not json at all")
    assert protection.unlock(database, key.recovery) == key


def test_an_emptied_protected_file_is_still_protected(database: Path) -> None:
    protection.protect_database(database, PASSWORD)
    database.write_bytes(b"")
    assert protection.is_protected(database)
