"""File ▸ Password protection… driven like a person: protect the open database (two passwords
that must match, a short one refused with the reason), the window carries on on the protected
file, the recovery key is shown and its sheet saved, and the unprotected copy goes only once
the key is said to be safe; then change the password and remove the protection, each asking
for the current password first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QPushButton

from organiser.core import protection
from organiser.core.events.reading import list_events
from organiser.ui import commands
from organiser.ui.main_window import MainWindow
from organiser.ui.protect_dialog import ProtectionDialog

PASSWORD = "a long enough password"


def shown_and_active(qtbot: Any, dialog: ProtectionDialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def field(dialog: ProtectionDialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def press(person: Any, dialog: ProtectionDialog, name: str) -> None:
    found = dialog.findChild(QPushButton, name)
    assert found is not None and found.isEnabled(), name
    person.click(found)


def test_protect_the_open_database_keep_the_key_then_change_and_remove(
    window: MainWindow, person: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    commands.open_example(window)
    path = window.store.path
    assert path is not None
    dialog = ProtectionDialog(window)
    qtbot.addWidget(dialog)
    shown_and_active(qtbot, dialog)
    person.type(field(dialog, "new_password"), "short")
    person.type(field(dialog, "new_password_again"), "short")
    press(person, dialog, "protect")
    assert "at least 8 characters" in dialog.problem.text()
    person.type(field(dialog, "new_password"), PASSWORD)
    person.type(field(dialog, "new_password_again"), PASSWORD + "x")
    press(person, dialog, "protect")
    assert "not the same" in dialog.problem.text() and not protection.is_protected(path)
    person.type(field(dialog, "new_password"), PASSWORD)
    person.type(field(dialog, "new_password_again"), PASSWORD)
    press(person, dialog, "protect")
    assert protection.is_protected(path)
    assert b"Harbourside" not in path.read_bytes()
    assert list_events(window.store), "the window carries on, on the protected file"
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "recovery_key").isVisible())
    shown = dialog.findChild(QLabel, "recovery_key")
    assert shown is not None and dialog.key is not None
    assert protection.key_from_recovery(shown.text()) == dialog.key
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(sheet), ""))
    press(person, dialog, "save_recovery_sheet")
    assert dialog.key.recovery.split("-")[0] in PdfReader(sheet).pages[0].extract_text()
    done = dialog.findChild(QPushButton, "recovery_done")
    assert done is not None and not done.isEnabled(), "not before the key is said to be safe"
    assert protection.plain_copy_path(path).exists()
    kept = dialog.findChild(QCheckBox, "recovery_kept")
    assert kept is not None
    person.click(kept)
    press(person, dialog, "recovery_done")
    assert not protection.plain_copy_path(path).exists()

    changing = ProtectionDialog(window)
    qtbot.addWidget(changing)
    shown_and_active(qtbot, changing)
    person.type(field(changing, "current_password"), "not it at all")
    person.type(field(changing, "new_password"), "another long password")
    person.type(field(changing, "new_password_again"), "another long password")
    press(person, changing, "change_password")
    assert "That password does not open" in changing.problem.text()
    person.type(field(changing, "current_password"), PASSWORD)
    person.type(field(changing, "new_password"), "another long password")
    person.type(field(changing, "new_password_again"), "another long password")
    press(person, changing, "change_password")
    assert protection.unlock(path, "another long password") == dialog.key

    again = ProtectionDialog(window)
    qtbot.addWidget(again)
    shown_and_active(qtbot, again)
    sheet.unlink()
    person.type(field(again, "current_password"), "another long password")
    press(person, again, "save_recovery_sheet_again")
    assert dialog.key.recovery.split("-")[0] in PdfReader(sheet).pages[0].extract_text()
    again.close()

    removing = ProtectionDialog(window)
    qtbot.addWidget(removing)
    shown_and_active(qtbot, removing)
    person.type(field(removing, "current_password"), "another long password")
    press(person, removing, "remove_protection")
    assert not protection.is_protected(path) and b"Harbourside" in path.read_bytes()
    assert list_events(window.store)
