"""What the parts outside the main window need of it, and no more.

Printing, the report windows, live updates and the shared-folder notice take a `Host`, the
offline and team flows a `TeamHost`, the menus and their commands a `WindowHost`, so none of
them imports the window or reaches into its own workings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenuBar, QStatusBar, QWidget

from organiser.ui.ops import OpRunner

if TYPE_CHECKING:
    from organiser.core.db import Store


class Host(Protocol):
    """The database, the open event, saving what is being typed, running calls (errors and
    changes go through the runner), the status bar, and a window to put dialogs over."""

    runner: OpRunner
    event_id: int | None

    @property
    def store(self) -> Store: ...

    def flush(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class TeamHost(Host, Protocol):
    """A Host that also knows where it came from: settings, and this computer's database."""

    settings: QSettings
    home_url: str | None


class WindowHost(TeamHost, Protocol):
    """The window as its menus see it: what a menu command can ask of it."""

    def menuBar(self) -> QMenuBar: ...

    def close(self) -> bool: ...

    def open_event(self, event_id: int | None) -> None: ...

    def open_page(self, tab: str, page: str) -> None: ...

    def current_page(self) -> str: ...

    def swap_store(self, store: Store) -> None: ...

    def unsaved_work(self) -> list[str]: ...

    def change_zoom(self, step: int) -> None: ...

    def step_to(self, kind: str, step: int) -> None: ...

    def flyer_output(self, kind: str) -> None: ...

    def show_summary_report(self) -> object: ...

    def about_text(self) -> str: ...

    def when_filled(self, action: Callable[[], object]) -> None: ...
