"""Invitation and confirmation letters: read, copy, open in the mail program, edit the wording.

The app never sends email itself; it fills the template and hands it to the person's mail program.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import OrganiserError
from organiser.core.speakers import letters
from organiser.ui.ops import OpRunner


class TemplateDialog(QDialog):
    """Edit the wording of a letter; the fields in braces are filled for each speaker."""

    def __init__(self, runner: OpRunner, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.kind = kind
        self.setWindowTitle(f"Wording of the {kind} letter")
        fields = ", ".join("{" + f + "}" for f in letters.FIELDS)
        intro = QLabel(f"Words in braces are filled in for each speaker: {fields}.", self)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(letters.template(runner.store, kind), self)
        self.text.setAccessibleName(f"Wording of the {kind} letter")
        label = QLabel("&Wording", self)
        label.setBuddy(self.text)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, label, self.text, self.message, buttons):
            layout.addWidget(widget)
        self.resize(640, 480)

    def save(self) -> None:
        """Keep the wording (a blank text brings back the original)."""
        store, kind, text = self.runner.store, self.kind, self.text.toPlainText()
        try:
            self.runner.call(lambda: letters.set_template(store, kind=kind, text=text), quiet=True)
        except OrganiserError as exc:
            self.message.setText(f"⚠ {exc}")
            return
        self.accept()


class LetterDialog(QDialog):
    """One filled-in letter with Copy and Open in mail program."""

    def __init__(
        self, runner: OpRunner, invitation_id: int, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.invitation_id = invitation_id
        self.kind = kind
        self.setWindowTitle(f"{kind.capitalize()} letter")
        self.to = QLineEdit(self)
        self.to.setReadOnly(True)
        self.to.setAccessibleName("To")
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName("Letter")
        self.copy_button = QPushButton("&Copy to clipboard", self)
        self.copy_button.clicked.connect(self.copy)
        self.mail_button = QPushButton("Open in &mail program", self)
        self.mail_button.clicked.connect(self.open_mail)
        self.wording_button = QPushButton("Edit the &wording…", self)
        self.wording_button.clicked.connect(self.edit_wording)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for text, widget in (("&To", self.to), ("&Subject", self.subject), ("&Letter", self.body)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        row = QHBoxLayout()
        for button in (self.copy_button, self.mail_button, self.wording_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(680, 560)
        self.fill()

    def fill(self) -> None:
        """Fill the template for this speaker and event."""
        letter = letters.letter(self.runner.store, invitation_id=self.invitation_id, kind=self.kind)
        self.to.setText(letter.email or "No email address in the directory")
        self.mail_button.setEnabled(bool(letter.email))
        self.subject.setText(letter.subject)
        self.body.setPlainText(letter.body)

    def _current(self) -> letters.Letter:
        base = letters.letter(self.runner.store, invitation_id=self.invitation_id, kind=self.kind)
        return letters.Letter(self.subject.text(), self.body.toPlainText(), base.email)

    def copy(self) -> None:
        """Put the subject and letter on the clipboard, to paste into any mail or message."""
        letter = self._current()
        QGuiApplication.clipboard().setText(f"{letter.subject}\n\n{letter.body}")
        self.copy_button.setText("Copied ✓")

    def open_mail(self) -> None:
        """Open the person's mail program with the letter filled in (nothing is sent)."""
        QDesktopServices.openUrl(QUrl(letters.mailto_url(self._current())))

    def edit_wording(self) -> None:
        """Change the template, then fill the letter again."""
        if TemplateDialog(self.runner, self.kind, self).exec():
            self.fill()
