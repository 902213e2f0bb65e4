"""Opening a protected database in the window: the password asked in a dialog (hidden as it
is typed), a wrong one said as such and asked again with the file untouched, the recovery key
accepted instead, and Cancel opening nothing (never a damaged-file or backup question)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from organiser.core import protection
from organiser.core.demo import add_demo_event
from organiser.core.events.reading import list_events
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.ui import opening
from organiser.ui.password_dialog import PasswordDialog, unlock_for_window

PASSWORD = "a long enough password"


@pytest.fixture
def protected(tmp_path: Path) -> tuple[Path, protection.Key]:
    path = tmp_path / "organiser.sqlite"
    store = open_store(database_url(str(path)))
    add_demo_event(store)
    store.close()
    key = protection.protect_database(path, PASSWORD).key
    protection.remove_plain_copy(path)
    protection._UNLOCKED.clear()
    return path, key


def test_a_wrong_password_is_said_and_asked_again_and_the_right_one_opens(
    qtbot: Any, protected: tuple[Path, protection.Key], file_hash: Callable[[Path], str]
) -> None:
    path, key = protected
    before = file_hash(path)
    dialog = PasswordDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password, "never shown as typed"
    qtbot.keyClicks(dialog.field, "not it at all")
    assert not dialog.try_unlock()
    assert "That password does not open organiser.sqlite" in dialog.problem.text()
    assert dialog.field.text() == "" and file_hash(path) == before
    qtbot.keyClicks(dialog.field, PASSWORD)
    assert dialog.try_unlock() and dialog.result() == QDialog.DialogCode.Accepted
    assert protection.key_for(path) == key


def test_the_recovery_key_opens_it_too(qtbot: Any, protected: tuple[Path, protection.Key]) -> None:
    path, key = protected
    dialog = PasswordDialog(path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, key.recovery.lower())
    assert dialog.try_unlock() and protection.key_for(path) == key


def test_the_window_opens_a_protected_database_once_the_password_is_given(
    qapp: Any, protected: tuple[Path, protection.Key], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _key = protected

    def typed(dialog: PasswordDialog) -> int:
        dialog.field.setText(PASSWORD)
        return int(dialog.try_unlock())

    monkeypatch.setattr(PasswordDialog, "exec", typed)
    store = opening.open_database(database_url(str(path)))
    assert store is not None
    try:
        assert "Move, Breathe and Connect" in list_events(store)[0].title
    finally:
        store.close()


def test_cancel_opens_nothing_and_asks_nothing_about_damage(
    qapp: Any,
    protected: tuple[Path, protection.Key],
    monkeypatch: pytest.MonkeyPatch,
    file_hash: Callable[[Path], str],
) -> None:
    path, _key = protected
    before = file_hash(path)
    asked: list[str] = []
    monkeypatch.setattr(PasswordDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **_k: asked.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: asked.append(a[2]))
    assert opening.open_database(database_url(str(path))) is None
    assert asked == [] and file_hash(path) == before
    assert not any(p.name.startswith(f"{path.name}.damaged") for p in path.parent.iterdir())


class MemoryStore(KeyringBackend):
    """A computer's password store, in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def computer_store() -> Iterator[MemoryStore]:
    before = keyring.get_keyring()
    store = MemoryStore()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


def test_remember_on_this_computer_is_off_and_keeps_the_key_only_when_asked(
    qtbot: Any,
    protected: tuple[Path, protection.Key],
    computer_store: MemoryStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, key = protected
    dialog = PasswordDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and not dialog.remember.isChecked(), "off by default"
    dialog.field.setText(PASSWORD)
    assert dialog.try_unlock() and computer_store.kept == {}, "not kept unless asked"
    protection._UNLOCKED.clear()
    again = PasswordDialog(path)
    qtbot.addWidget(again)
    again.remember.setChecked(True)
    again.field.setText(PASSWORD)
    assert again.try_unlock()
    assert list(computer_store.kept.values()) == [key.recovery], "the key, not the password"
    protection._UNLOCKED.clear()
    monkeypatch.setattr(PasswordDialog, "exec", lambda _self: pytest.fail("asked again"))
    assert unlock_for_window(path) is None and protection.key_for(path) == key
    protection.unprotect_database(path, key)
    protection.protect_database(path, PASSWORD)  # a new key: the kept one opens nothing now
    protection._UNLOCKED.clear()
    monkeypatch.setattr(PasswordDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert unlock_for_window(path) == "" and computer_store.kept == {}, "a stale key is dropped"


def test_without_a_password_store_the_choice_is_off_and_says_why(
    qtbot: Any, protected: tuple[Path, protection.Key]
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = PasswordDialog(protected[0])
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled()
        assert "no password store Organiser can use" in dialog.remember.toolTip()
    finally:
        keyring.set_keyring(before)
