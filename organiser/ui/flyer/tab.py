"""The Flyer tab: Draft (editor, live preview, checklist, output), Versions and sign-off, and
Languages (the flyer in other languages).

Each page, and the module that makes it, loads the first time it is opened; it reloads only
while on show (LazyTab).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import LazyTab, later

PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "draft": ("Draft", later("organiser.ui.flyer.draft", "DraftPage")),
    "versions": ("Versions and sign-off", later("organiser.ui.flyer.codesign", "CoDesignPage")),
    "languages": ("Languages", later("organiser.ui.flyer.languages", "LanguagesPage")),
}


class FlyerTab(LazyTab):
    """The open event's flyer, one page at a time."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, PAGES, name="Flyer", parent=parent)

    draft = property(lambda self: self.page("draft"))
    versions = property(lambda self: self.page("versions"))
    languages = property(lambda self: self.page("languages"))
