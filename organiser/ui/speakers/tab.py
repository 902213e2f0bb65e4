"""The Speakers tab: Invitations for the open event, and the Directory of all speakers.

A LazyTab: each part is built when first opened and follows changes only while on show, so the
window opens fast with 10,000 speakers in the directory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import LazyTab, later

PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "invitations": ("Invi&tations", later("organiser.ui.speakers.invitations", "InvitationsPage")),
    "directory": ("&Directory", later("organiser.ui.speakers.directory", "DirectoryPage")),
}


class SpeakersTab(LazyTab):
    """Two parts: Invitations (this event) and Directory (shared by every event)."""

    print_briefing_requested = Signal()
    print_schedule_requested = Signal()
    letter_requested = Signal(int, str)  # invitation id, "invitation" or "confirmation"

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, PAGES, name="Speakers", parent=parent)

    def connect_page(self, key: str, page: Any) -> None:
        if key == "invitations":
            page.print_briefing_requested.connect(self.print_briefing_requested)
            page.print_schedule_requested.connect(self.print_schedule_requested)
            page.letter_requested.connect(self.letter_requested)

    invitations = property(lambda self: self.page("invitations"))
    directory = property(lambda self: self.page("directory"))
