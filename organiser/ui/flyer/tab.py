"""The Flyer tab: Draft (editor, live preview, checklist, output) and Versions and sign-off.

Pages are built the first time they are opened and reload only while on show, as on the Creche
tab; the co-design page (and what it imports) loads when it is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from organiser.ui.flyer.draft import DraftPage
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import LazyTab


def _codesign_page(runner: OpRunner, parent: QWidget) -> Any:
    from organiser.ui.flyer.codesign import CoDesignPage

    return CoDesignPage(runner, parent)


PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "draft": ("Draft", DraftPage),
    "versions": ("Versions and sign-off", _codesign_page),
}


class FlyerTab(LazyTab):
    """The open event's flyer, one page at a time."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, PAGES, name="Flyer", parent=parent)

    draft = property(lambda self: self.page("draft"))
    versions = property(lambda self: self.page("versions"))
