"""File ▸ Print…: choose one of the open event's documents, then print it, preview it, or save
it as PDF. Every document prints through the same path (organiser.ui.printing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from organiser.documents import DOCUMENTS
from organiser.ui import printing
from organiser.ui.host import Host

KIND = Qt.ItemDataRole.UserRole


class PrintChooser(QDialog):
    """The documents of the open event, with Print, Print preview and Save as PDF."""

    last_kind = "programme"  # the document chosen last time, chosen again

    def __init__(self, window: Host, *, preview: bool = False) -> None:
        super().__init__(window.window())
        self.host = window
        self.setObjectName("print_chooser")
        self.setWindowTitle("Print")
        label = QLabel("&Document to print:", self)
        self.documents = QListWidget(self)
        self.documents.setObjectName("print_documents")
        self.documents.setAccessibleName("Document to print")
        label.setBuddy(self.documents)
        for kind, what in printing.printable().items():
            item = QListWidgetItem(what[:1].upper() + what[1:], self.documents)
            item.setData(KIND, kind)
            if kind == PrintChooser.last_kind:
                self.documents.setCurrentItem(item)
        if self.documents.currentItem() is None:
            self.documents.setCurrentRow(0)
        self.about = QLabel(self)
        self.about.setObjectName("print_about")
        self.about.setWordWrap(True)
        self.documents.currentItemChanged.connect(lambda _now, _before: self._describe())
        self.documents.itemActivated.connect(lambda _item: self._print(preview=preview))
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("&Print…", self)
        self.preview_button = QPushButton("Print pre&view…", self)
        self.save_button = QPushButton("&Save as PDF…", self)
        for button in (self.print_button, self.preview_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        (self.preview_button if preview else self.print_button).setDefault(True)
        self.print_button.clicked.connect(lambda: self._print(preview=False))
        self.preview_button.clicked.connect(lambda: self._print(preview=True))
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.documents, 1)
        layout.addWidget(self.about)
        layout.addWidget(buttons)
        self._describe()
        self.documents.setFocus()
        # Every document in view at once, on a 1366 × 768 screen too.
        rows = self.documents.sizeHintForRow(0) * (self.documents.count() + 1)
        self.resize(max(self.sizeHint().width(), 460), min(rows + 200, 640))

    def kind(self) -> str:
        """The document chosen."""
        item = self.documents.currentItem()
        return str(item.data(KIND)) if item is not None else "programme"

    def _describe(self) -> None:
        words = DOCUMENTS[self.kind()].help.removesuffix(" (PDF)").replace(" (PDF):", ":")
        self.about.setText(words[:1].upper() + words[1:] + ".")

    def _print(self, *, preview: bool) -> None:
        PrintChooser.last_kind = self.kind()
        if printing.print_document(self.host, self.kind(), preview=preview):
            self.accept()

    def _save(self) -> None:
        PrintChooser.last_kind = self.kind()
        if printing.save_document(self.host, self.kind()) is not None:
            self.accept()


def choose_and_print(window: Host, preview: bool = False) -> PrintChooser | None:
    """File ▸ Print… and Print preview…: the chooser, for the open event."""
    if window.event_id is None:
        return None
    window.flush()
    dialog = PrintChooser(window, preview=preview)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
