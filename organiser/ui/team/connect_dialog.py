"""File ▸ Connect to team database…: the server's address, and a password asked every time."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import OrganiserError
from organiser.core.opening import open_store
from organiser.ui.team.address import DEFAULT_PORT, team_url, without_password

# Remembered between sessions; the password never is.
REMEMBERED = ("host", "database", "user")
_DRIVER_PREFIX = re.compile(r"\((?:[\w.]+)\) ")


class ConnectDialog(QDialog):
    """Asks where the team database is; `connected(store)` fires once it is open."""

    connected = Signal(object)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle("Connect to team database")
        self.setMinimumWidth(480)
        self.settings = settings
        intro = QLabel(
            "Work on the same events as the rest of your team, on a PostgreSQL server. Whoever "
            "looks after the server can tell you these details.",
            self,
        )
        intro.setWordWrap(True)
        self.host = self._line("host", "Server", "For example db.example.org")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        port = str(settings.value("team/port", DEFAULT_PORT))
        self.port.setValue(int(port) if port.isdigit() else DEFAULT_PORT)
        self.port.setAccessibleName("Port")
        self.database = self._line("database", "Database", "For example organiser")
        self.user = self._line("user", "User name", "")
        self.password = self._line("password", "Password", "Asked every time, never kept")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("connect_message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        form = QFormLayout()
        for text, widget in (
            ("&Server", self.host),
            ("P&ort", self.port),
            ("&Database", self.database),
            ("&User name", self.user),
            ("Pass&word", self.password),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(self)
        self.connect_button = buttons.addButton("&Connect", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_connect)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        first_empty = next((w for w in (self.host, self.database, self.user) if not w.text()), None)
        (first_empty or self.password).setFocus()

    def _line(self, key: str, name: str, hint: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(key)
        line.setAccessibleName(name)
        line.setPlaceholderText(hint)
        if key in REMEMBERED:
            line.setText(str(self.settings.value(f"team/{key}", "")))
        return line

    def url(self) -> str:
        """The address typed (with the password: used to connect, never kept or shown)."""
        return team_url(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )

    def try_connect(self) -> None:
        """Open the database; on failure say why here and stay open."""
        missing = [
            name
            for name, widget in (
                ("the server", self.host),
                ("the database", self.database),
                ("your user name", self.user),
            )
            if not widget.text().strip()
        ]
        if missing:
            listed = ", ".join(missing[:-1]) + " and " + missing[-1] if missing[1:] else missing[0]
            self.show_message(f"Fill in {listed}.")
            return
        password = self.password.text()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = open_store(self.url(), daily_backup=False)
        except OrganiserError as exc:
            self.show_message(_DRIVER_PREFIX.sub("", without_password(str(exc), password)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.password.clear()
        for key in REMEMBERED:
            self.settings.setValue(f"team/{key}", getattr(self, key).text().strip())
        self.settings.setValue("team/port", self.port.value())
        self.accept()
        self.connected.emit(store)

    def show_message(self, text: str) -> None:
        """Say what went wrong under the fields (in words, read out by screen readers)."""
        self.message.setText(f"⚠ {text}")
        self.message.setAccessibleName(text)
        self.message.show()
