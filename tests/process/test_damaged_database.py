"""Opening a damaged database from the window: moved aside, newest good backup offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from organiser.core import backup
from organiser.core.events.service import create_event, list_events
from organiser.core.opening import open_store
from organiser.ui import launch


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    store = open_store(f"sqlite:///{path}")
    create_event(store, title="Saved before the damage")
    store.close()
    backup.make_backup(path, reason="daily")
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    Path(f"{path}-wal").write_bytes(b"junk")
    return path


def test_damaged_file_is_moved_aside_and_backup_restored(
    qapp: object, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer_yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    store = launch._open(f"sqlite:///{damaged}")
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
    path.write_text("these are not the droids", encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(str(args[2])))
    store = launch._open(f"sqlite:///{path}")
    assert store is not None
    try:
        assert list_events(store) == []
    finally:
        store.close()
    assert "not an Organiser database" in told[0] and "no backup" in told[0]
    assert (tmp_path / "notes.sqlite").exists()
    assert any(".damaged-" in p.name for p in tmp_path.iterdir())


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
