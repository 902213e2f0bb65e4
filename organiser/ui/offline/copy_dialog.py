"""File ▸ Copy to team database… (and back): choose events, copy them with all they hold."""

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
    QWidget,
)

from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.team import transfer


class CopyDialog(QDialog):
    """The events of one database, ticked to be copied into another."""

    def __init__(self, source: Store, target: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.target = target
        self.result_words = ""
        self.setWindowTitle("Copy events")
        intro = QLabel(
            f"Copy from {source.display_name}\nto {target.display_name}\n\n"
            "Each event comes with everything it holds: working group, programme, budget, "
            "meetings and notes, polls, speakers' invitations, bookings, creche, flyer, "
            "feedback and lessons. Nothing is removed from where it came from.",
            self,
        )
        intro.setWordWrap(True)
        self.events = QListWidget(self)
        self.events.setAccessibleName("Events to copy")
        for event_id, title, _present in transfer.list_copyable(source):
            item = QListWidgetItem(f"{title}  (event {event_id})", self.events)
            item.setData(Qt.ItemDataRole.UserRole, event_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.events.itemChanged.connect(lambda _item: self._update())
        self.toggle = QPushButton("Choose &none", self)
        self.toggle.clicked.connect(self._toggle_all)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_button = self.buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.events)
        layout.addWidget(self.toggle, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self._update()

    def chosen(self) -> list[int]:
        """The ids of the ticked events."""
        items = (self.events.item(n) for n in range(self.events.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _toggle_all(self) -> None:
        state = Qt.CheckState.Unchecked if self.chosen() else Qt.CheckState.Checked
        for n in range(self.events.count()):
            self.events.item(n).setCheckState(state)

    def _update(self) -> None:
        count, total = len(self.chosen()), self.events.count()
        self.copy_button.setEnabled(count > 0)
        self.toggle.setText("Choose &none" if count else "Choose &all")
        self.message.setText(
            "There are no events to copy." if not total else f"{count} of {total} events chosen."
        )

    def copy(self) -> None:
        """Copy the chosen events (all of them in one go, or none if anything fails)."""
        chosen = self.chosen()
        every = len(chosen) == self.events.count()
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            result = transfer.copy_events(self.source, self.target, None if every else chosen)
        except OrganiserError as exc:
            self.message.setText(f"Nothing was copied: {exc}")
            return
        finally:
            self.unsetCursor()
        titles = ", ".join(f"“{title}”" for _old, _new, title in result.events)
        ids = (
            "every row kept its id"
            if result.ids_kept
            else "some ids were taken there, so those rows have new ids"
        )
        self.result_words = (
            f"Copied {len(result.events)} event{'s' if len(result.events) != 1 else ''} "
            f"({result.rows:,} rows): {titles}; {ids}."
        )
        self.accept()
