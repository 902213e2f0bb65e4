"""Asking for a protected database's password when the window opens it: typed (never shown,
never kept), or the recovery key from its recovery sheet. A wrong password is said as such
and asked again; the file is never touched until the right one is given."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core import protection, remembered
from organiser.core.errors import StoreError


class PasswordDialog(QDialog):
    """The password (or recovery key) of one protected database."""

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle("Organiser: password")
        self.setObjectName("password_dialog")
        layout = QVBoxLayout(self)
        words = QLabel(
            f"{database.name} is protected with a password. Type it to open the database, or "
            "type the recovery key from its recovery sheet.",
            self,
        )
        words.setWordWrap(True)
        layout.addWidget(words)
        self.field = QLineEdit(self)
        self.field.setObjectName("password")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Password")
        layout.addWidget(self.field)
        self.remember = QCheckBox("&Remember on this computer", self)
        self.remember.setObjectName("remember_password")
        self.remember.setChecked(False)  # off unless the person asks
        why_not = remembered.why_not()
        if why_not is None:
            self.remember.setToolTip(
                f"The key is kept in this computer's own password store ({remembered.store_name()})"
                ", not in Organiser: anyone who can use this computer's account can then open "
                "the database without the password."
            )
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(why_not)
        layout.addWidget(self.remember)
        self.problem = QLabel(self)
        self.problem.setObjectName("password_problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "warning")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.failure: str | None = None  # why the database cannot be opened at all

    def try_unlock(self) -> bool:
        """Unlock with what was typed: accepted, or said why not and asked again."""
        typed = self.field.text()
        self.field.clear()  # not kept in the window a moment longer than needed
        try:
            key = protection.unlock(self.database, typed)
        except protection.WrongPassword as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.field.setFocus()
            return False
        except StoreError as exc:  # a newer format, an unreadable .keys file
            self.failure = str(exc)
            self.reject()
            return False
        protection.remember(self.database, key)
        if self.remember.isChecked() and not remembered.remember_key(self.database, key):
            print(
                "organiser: warning: the password could not be kept in this computer's "
                "password store; it will be asked next time.",
                file=sys.stderr,
            )
        self.accept()
        return True


def unlock_for_window(database: Path, parent: QWidget | None = None) -> str | None:
    """Ask for the password of a protected file not yet unlocked: None once it is open (or
    was never protected), else why not ("" when the person chose Cancel)."""
    if protection.key_for(database) is not None or not protection.is_protected(database):
        return None
    kept = remembered.remembered_key(database)  # asked for on an earlier opening
    if kept is not None:
        protection.remember(database, kept)
        return None
    dialog = PasswordDialog(database, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return None
    return dialog.failure or ""
