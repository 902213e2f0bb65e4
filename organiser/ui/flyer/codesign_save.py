"""Save version…: a small dialog asking for a note and who is saving it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organiser.core.planning.rows import MemberRow
from organiser.ui.flyer.codesign_common import fill_members, member_chooser


class SaveVersionDialog(QDialog):
    """The note that says what this version is, and the member saving it."""

    def __init__(
        self,
        number: int,
        members: Sequence[MemberRow],
        saver: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("save_version_dialog")
        self.setWindowTitle(f"Save flyer version {number}")
        intro = QLabel(
            f"Keep the flyer as it is now as version {number}, so the working group can "
            "comment on it and sign it off. Later edits do not change a saved version.",
            self,
        )
        intro.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("version_note")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("For example: bigger title, babies welcome")
        self.saved_by = member_chooser(self, "version_saved_by", "Saved by")
        fill_members(self.saved_by, members, saver)
        note_label = QLabel("&Note (what changed and why):", self)
        note_label.setBuddy(self.note)
        saver_label = QLabel("Saved &by:", self)
        saver_label.setBuddy(self.saved_by)
        form = QFormLayout()
        form.addRow(note_label, self.note)
        form.addRow(saver_label, self.saved_by)
        if not members:
            form.addRow(QLabel("Nobody is in the working group yet.", self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save = self.buttons.addButton(
            f"Save version {number}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save.setObjectName("confirm_save_version")
        self.save.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.note.setFocus()

    def member_id(self) -> int | None:
        """The member chosen as saving the version (None when the group is empty)."""
        chosen = self.saved_by.currentData()
        return int(chosen) if chosen is not None else None
