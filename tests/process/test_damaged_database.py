"""Opening a damaged database from the window: moved aside, newest good backup offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from organiser.core import backup
from organiser.core.events.service import create_event, list_events
from organiser.core.opening import open_store
from organiser.ui import launch, opening


def _saved_and_backed_up(tmp_path: Path, title: str) -> Path:
    """A database holding one event, with a daily backup of it."""
    path = tmp_path / "events.sqlite"
    store = open_store(f"sqlite:///{path}")
    create_event(store, title=title)
    store.close()
    backup.make_backup(path, reason="daily")
    return path


def _answering_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question answered Yes; returns what was asked."""
    asked: list[str] = []

    def answer_yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    return asked


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = _saved_and_backed_up(tmp_path, "Saved before the damage")
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    Path(f"{path}-wal").write_bytes(b"junk")
    return path


def test_damaged_file_is_moved_aside_and_backup_restored(
    qapp: object, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answering_yes(monkeypatch)
    store = opening.open_database(f"sqlite:///{damaged}")
    assert store is not None
    try:
        assert [e.title for e in list_events(store)] == ["Saved before the damage"]
    finally:
        store.close()
    aside = [p.name for p in damaged.parent.iterdir() if ".damaged-" in p.name]
    assert any(name.endswith("-wal") for name in aside)
    assert any(name[-4:] not in ("-wal", "-shm") for name in aside)
    assert "moved aside" in asked[0] and "Restore the backup" in asked[0]


def test_damaged_file_without_a_backup_starts_empty(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(str(args[2])))
    store = opening.open_database(f"sqlite:///{path}")
    assert store is not None
    try:
        assert list_events(store) == []
    finally:
        store.close()
    assert "notes.sqlite is damaged" in told[0] and "no backup" in told[0]
    assert (tmp_path / "notes.sqlite").exists()
    assert any(".damaged-" in p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG picture"),
        (b"these are not the droids", "a text file"),
    ],
)
def test_a_file_that_is_not_a_database_is_said_and_left_alone(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, kind: str
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    folder.chmod(0o755)
    path = folder / "photo.png"
    path.write_bytes(content)
    path.chmod(0o644)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(str(args[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("nothing to ask"))
    assert opening.open_database(f"sqlite:///{path}") is None
    assert told == [f"photo.png is not an Organiser database (it is {kind}). Nothing was changed."]
    assert path.read_bytes() == content
    assert sorted(p.name for p in folder.iterdir()) == ["photo.png"]
    assert (path.stat().st_mode & 0o777, folder.stat().st_mode & 0o777) == (0o644, 0o755)


def test_an_empty_file_with_backups_is_said_and_the_backup_offered(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved_and_backed_up(tmp_path, "Kept in the backup")
    path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    asked = _answering_yes(monkeypatch)
    store = opening.open_database(f"sqlite:///{path}")
    assert store is not None
    try:
        assert [e.title for e in list_events(store)] == ["Kept in the backup"]
    finally:
        store.close()
    assert asked[0].startswith("events.sqlite is empty (0 bytes), but Organiser has backups of it.")
    [empty] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert empty.read_bytes() == b""  # the empty file is kept


def test_a_restore_that_cannot_write_says_so_and_keeps_the_damaged_file(
    qapp: object, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(str(args[2])))

    def full(*_args: object) -> None:
        raise backup.OrganiserError("Could not restore it: the disk is full.")

    monkeypatch.setattr(backup, "restore_backup", full)
    assert opening.open_database(f"sqlite:///{damaged}") is None
    assert told[0].startswith("Could not restore it: the disk is full. The damaged file is kept")
    assert any(".damaged-" in p.name for p in damaged.parent.iterdir())


def test_an_unexpected_error_is_said_kindly_and_logged_without_personal_data(
    qapp: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: told.append(str(args[2])))
    try:
        raise ValueError("Zoë Marsh, allergic to nuts")
    except ValueError as exc:
        launch.report_unexpected(ValueError, exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert err.startswith("organiser: unexpected ValueError at test_damaged_database.py:")
    assert "Zoë" not in err and "nuts" not in err
    assert "Everything saved so far is safe" in told[0] and "Zoë" not in told[0]
