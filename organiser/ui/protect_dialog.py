"""File ▸ Password protection…: protect this computer's database with a password, change the
password, or remove the protection. Before protecting it says plainly that a forgotten
password and a lost recovery key cannot be got round; after, it shows the recovery key with a
sheet to print, and removes the unprotected copy only once the person says the key is safe.
Changing or removing asks for the current password (or recovery key) again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core import protection, remembered
from organiser.core.errors import OrganiserError
from organiser.core.files import atomic_write

if TYPE_CHECKING:
    from organiser.core.db import Store
    from organiser.ui.host import WindowHost

NO_WAY_BACK = (
    "Anyone who copies a protected database (a laptop left on a bus, a backup on a stick) "
    "sees only scrambled bytes. To open it, Organiser needs its password, or the recovery key "
    "shown next. If both are lost there is no way back into it: not by Organiser, not by "
    "anyone. Exports you save (PDFs, CSV files) are not protected: keep them in a private "
    "folder and delete them when done."
)


def _password_field(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible)
    return field


class ProtectionDialog(QDialog):
    """Protect, change the password, or remove the protection of the open database."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window_ = window
        self.setWindowTitle("Password protection")
        self.setObjectName("protection_dialog")
        path = window.store.path
        assert path is not None  # offered only for a database on this computer
        self.path = path
        self.pages = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.pages)
        self.layout_ = self._new_page()
        self.problem = QLabel(self)
        self.problem.setObjectName("protection_problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "warning")
        self.key: protection.Key | None = None
        if protection.is_protected(path):
            self._protected_page()
        else:
            self._plain_page()
        self.fit()

    def fit(self) -> None:
        """Wide enough for its words at any text size, tall enough for every line of the page
        shown (wrapped words are not cut off at 200%), never larger than the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.92
        width = min(max(self.fontMetrics().averageCharWidth() * 72, 520), room.width())
        outer = self.layout()
        assert outer is not None
        margins = outer.contentsMargins()
        shown = self.pages.currentWidget()
        page = shown.layout() if shown is not None else None
        assert page is not None
        inner = width - margins.left() - margins.right()
        page.activate()
        wanted = max(page.totalHeightForWidth(inner), page.sizeHint().height())
        height = wanted + margins.top() + margins.bottom()
        self.resize(width, min(max(height, self.sizeHint().height()), room.height()))

    # Pages.

    def _new_page(self) -> QVBoxLayout:
        """A fresh page, shown; what is added next goes on it."""
        page = QWidget(self.pages)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        return QVBoxLayout(page)

    def _words(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        return label

    def _buttons(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        action = QPushButton(text, self)
        action.setObjectName(name)
        action.setDefault(True)
        action.clicked.connect(slot)
        box.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(box)
        self.problem.hide()
        return action

    def _plain_page(self) -> None:
        self._words(f"{self.path.name} is not protected: anyone who copies it can read it.")
        self._words(NO_WAY_BACK)
        form = QFormLayout()
        self.new = _password_field(self, "new_password", "New password")
        self.again = _password_field(self, "new_password_again", "New password again")
        form.addRow(f"&Password (at least {protection.MIN_PASSWORD} characters)", self.new)
        form.addRow("Type it &again", self.again)
        self.layout_.addLayout(form)
        self._buttons("&Protect", "protect", self.protect)

    def _protected_page(self) -> None:
        self._words(f"{self.path.name} is protected with a password.")
        if protection.plain_copy_path(self.path).exists():
            self._words(
                "An unprotected copy is still kept beside it, until the recovery key is safe. "
                "Once it is, remove the copy below."
            )
            remove = QPushButton("Remove the unprotected &copy", self)
            remove.setObjectName("remove_plain_copy")
            remove.clicked.connect(self.remove_plain_copy)
            self.layout_.addWidget(remove)
        form = QFormLayout()
        self.current = _password_field(self, "current_password", "Current password")
        self.new = _password_field(self, "new_password", "New password")
        self.again = _password_field(self, "new_password_again", "New password again")
        form.addRow("&Current password or recovery key", self.current)
        form.addRow("&New password (to change it)", self.new)
        form.addRow("Type it &again", self.again)
        self.layout_.addLayout(form)
        remove = QPushButton("&Remove protection…", self)
        remove.setObjectName("remove_protection")
        remove.clicked.connect(self.unprotect)
        self.layout_.addWidget(remove)
        again = QPushButton("&Save recovery sheet again…", self)
        again.setObjectName("save_recovery_sheet_again")
        again.setToolTip(
            "The recovery key once more, for a sheet mislaid: the current password first"
        )
        again.clicked.connect(self.sheet_again)
        self.layout_.addWidget(again)
        self._buttons("C&hange password", "change_password", self.change)

    def _recovery_page(self, key: protection.Key) -> None:
        self.layout_ = self._new_page()
        self.setWindowTitle("Recovery key")
        self._words(
            f"{self.path.name} is now protected. This is its recovery key: it opens the "
            "database if the password is forgotten. Print the sheet, or write the key down, "
            "and keep it in a locked drawer, apart from this laptop."
        )
        groups = key.recovery.split("-")
        lines = [" ".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
        shown = QLabel("\n".join(lines), self)  # as the sheet prints it: five groups a line
        shown.setObjectName("recovery_key")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 1.5)
        shown.setFont(font)
        self.layout_.addWidget(shown)
        save = QPushButton("&Save recovery sheet…", self)
        save.setObjectName("save_recovery_sheet")
        save.clicked.connect(self.save_sheet)
        self.layout_.addWidget(save)
        self.kept = QCheckBox(
            "I have printed or written down the recovery key and will keep it apart from the "
            "laptop",
            self,
        )
        self.kept.setObjectName("recovery_kept")
        self.layout_.addWidget(self.kept)
        finish = self._buttons("&Done", "recovery_done", self.finish)
        finish.setEnabled(False)
        self.kept.toggled.connect(finish.setEnabled)
        QTimer.singleShot(0, self.fit)  # once the new page's widgets are shown and measured

    # What each button does.

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _chosen(self) -> str | None:
        new, again = self.new.text(), self.again.text()
        self.new.clear()
        self.again.clear()
        try:
            chosen = protection.check_new_password(new)
        except OrganiserError as exc:
            self._say(str(exc))
            return None
        if protection.normalised(again) != chosen:
            self._say("The two passwords are not the same: type them again.")
            return None
        return chosen

    def _reopened(self, change: Callable[[], None]) -> bool:
        """Close the database, change the file, open it again in the window."""
        from organiser.core.opening import open_store

        window = self.window_
        unsaved = window.unsaved_work()
        if unsaved:
            self._say(f"First save or clear what is half typed: {unsaved[0]}")
            return False
        window.flush()
        url = window.store.url
        window.store.close()
        failed: BaseException | None = None
        try:
            change()
        except Exception as exc:  # whatever happened, the window opens the file again
            failed = exc
        try:
            store: Store = open_store(url, daily_backup=False, read_only_ok=True)
        except OrganiserError as exc:
            window.runner.show_error(f"{exc} Organiser will close now; open it again.")
            window.close()
            return False
        window.swap_store(store)
        if failed is not None:
            said = str(failed) if isinstance(failed, OrganiserError) else repr(failed)
            self._say(said)
            return False
        return True

    def protect(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        made: list[protection.Protected] = []
        if self._reopened(lambda: made.append(protection.protect_database(self.path, chosen))):
            remembered.forget_key(self.path)  # a key kept from an earlier protection
            self.key = made[0].key
            self.window_.statusBar().showMessage(f"{self.path.name} is protected")
            self._recovery_page(made[0].key)
            if made[0].left_plain:
                names = ", ".join(p.name for p in made[0].left_plain)
                self._say(f"These backups are damaged, so they stay readable: delete {names}.")

    def _current_key(self) -> protection.Key | None:
        typed = self.current.text()
        self.current.clear()
        try:
            return protection.unlock(self.path, typed)
        except OrganiserError as exc:
            self._say(str(exc))
            return None

    def change(self) -> None:
        key = self._current_key()
        if key is None:
            return
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            protection.change_password(self.path, key, chosen)
        except OrganiserError as exc:
            self._say(str(exc))
            return
        self.window_.statusBar().showMessage("Password changed; the recovery key stays the same")
        self.accept()

    def unprotect(self) -> None:
        key = self._current_key()
        if key is not None and self._reopened(
            lambda: protection.unprotect_database(self.path, key)
        ):
            remembered.forget_key(self.path)
            self.window_.statusBar().showMessage(
                f"{self.path.name} is no longer protected: anyone who copies it can read it"
            )
            self.accept()

    def sheet_again(self) -> None:
        """The recovery sheet once more, after the current password (or recovery key)."""
        key = self._current_key()
        if key is not None:
            self.key = key
            self.save_sheet()

    def remove_plain_copy(self) -> None:
        protection.remove_plain_copy(self.path)
        self.window_.statusBar().showMessage("Removed the unprotected copy")
        self.accept()

    def save_sheet(self) -> Path | None:
        from organiser.reports.recovery_sheet import render_recovery_sheet

        assert self.key is not None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        picked, _ = QFileDialog.getSaveFileName(
            self, "Save recovery sheet", str(Path(folder) / "Recovery key.pdf"), "PDF (*.pdf)"
        )
        if not picked:
            return None
        sheet = render_recovery_sheet(str(self.path), self.key.recovery, made=dt.date.today())
        try:
            atomic_write(Path(picked), sheet)
        except OrganiserError as exc:
            self._say(str(exc))
            return None
        self._say(f"Saved to {picked}: print it, then delete the file.")
        return Path(picked)

    def finish(self) -> None:
        """The key is safe: the unprotected copy goes."""
        protection.remove_plain_copy(self.path)
        self.accept()


def open_protection(window: WindowHost) -> None:
    """File ▸ Password protection…"""
    if window.store.path is None:
        window.runner.show_error(
            "Password protection is for a database on this computer. A team database is "
            "protected by its server and each person's role."
        )
        return
    dialog = ProtectionDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
