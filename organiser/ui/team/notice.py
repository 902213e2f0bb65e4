"""At start: say so when the database file sits in a network or cloud-synced folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from organiser.core.team.location import shared_folder_warning

if TYPE_CHECKING:
    from organiser.ui.host import Host

NOTICE = "shared_folder_notice"


def warn_about_shared_folder(window: Host) -> QMessageBox | None:
    """Show the risk once, in a message that does not block, and keep a line in the status bar."""
    path = window.store.path
    text = shared_folder_warning(path) if path is not None else None
    if text is None:
        return None
    notice = QLabel("⚠ The database is in a shared folder (see File ▸ Connect to team database…)")
    notice.setObjectName(NOTICE)
    notice.setToolTip(text)
    notice.setAccessibleDescription(text)
    window.statusBar().addPermanentWidget(notice)
    window.statusBar().showMessage(text, 30000)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Database in a shared folder",
        text,
        QMessageBox.StandardButton.Ok,
        window.window(),
    )
    box.setObjectName("shared_folder_warning")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def clear_notice(window: Host) -> None:
    """The window moved to another database: the warning about the old file no longer applies."""
    notice = window.statusBar().findChild(QLabel, NOTICE)
    if notice is not None:
        window.statusBar().removeWidget(notice)
        notice.deleteLater()
