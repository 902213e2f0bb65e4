"""The window is drawn before its database is open, then filled: what a person does in between
is kept, and the first frame imports none of the data layer, the pages or the reports."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.ui import menus
from organiser.ui.main_window import MainWindow
from organiser.ui.opening import Opening
from tests.ui.shown import shown_window

FIRST_FRAME = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
import organiser.ui.launch
from organiser.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(None, QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
app.processEvents()
print("\\n".join(sorted(sys.modules)))
"""

NOT_BEFORE_THE_FIRST_FRAME = (
    "sqlalchemy",
    "alembic",
    "reportlab",
    "PIL",
    "organiser.core.db",
    "organiser.core.opening",
    "organiser.core.models",
    "organiser.core.events.service",
    "organiser.core.demo",
    "organiser.reports",
    "organiser.ui.planning.overview",
    "organiser.ui.printing",
)


def test_the_first_frame_imports_no_data_layer_pages_or_reports(tmp_path: Path) -> None:
    shown = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    modules = shown.stdout.split()
    assert "organiser.ui.main_window" in modules, "the window was made"
    early = [m for m in modules if m.startswith(NOT_BEFORE_THE_FIRST_FRAME)]
    assert early == [], f"imported before the first frame: {early[:5]}"


@pytest.fixture
def unfilled(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[MainWindow]:
    """The window's first step: on screen, no database open yet."""
    with shown_window(qtbot, qapp, None, tmp_path / "s.ini") as shown:
        yield shown


def test_a_menu_command_chosen_while_opening_runs_once_the_database_is_open(
    unfilled: MainWindow, store: Store, dialogs: Any, find_action: Any
) -> None:
    assert not unfilled.is_filled
    find_action(unfilled, "&Help", "&About Organiser").trigger()
    assert dialogs.abouts == [], "nothing to name yet: it waits"
    unfilled.fill(store)
    assert unfilled.is_filled
    assert len(dialogs.abouts) == 1
    assert store.display_name in dialogs.abouts[0]


def test_a_tab_chosen_while_opening_stays_chosen_and_shows_the_last_event(
    unfilled: MainWindow, store: Store, qtbot: Any
) -> None:
    made = events.create_event(store, title="Move, breathe and connect")
    unfilled.tabs.setCurrentWidget(unfilled.creche)  # clicked before the event was there
    assert unfilled.creche.shown_page() is None, "no page is built before the database opens"
    unfilled.fill(store)
    assert unfilled.tabs.currentWidget() is unfilled.creche
    assert unfilled.creche.shown_page() is not None
    assert unfilled.event_id == made.created_id
    assert "Move, breathe and connect" in unfilled.windowTitle()


def test_text_size_and_quit_need_no_database(
    unfilled: MainWindow, find_action: Any, qapp: QApplication
) -> None:
    before = qapp.font().pointSizeF()
    find_action(unfilled, "&View", "Zoom &in").trigger()
    assert qapp.font().pointSizeF() > before
    find_action(unfilled, "&File", "&Quit").trigger()
    assert not unfilled.isVisible()


@pytest.mark.parametrize("tab", ["planning", "speakers", "creche", "flyer", "feedback"])
def test_every_page_a_tab_imports_later_exists(tab: str) -> None:
    pages = importlib.import_module(f"organiser.ui.{tab}.tab").PAGES
    for _title, factory in pages.values():
        module, name = factory.__qualname__.rsplit(".", 1)
        assert callable(getattr(importlib.import_module(module), name)), factory.__qualname__


def test_every_menu_command_imported_later_exists() -> None:
    source = Path(menus.__file__).read_text(encoding="utf-8")
    commands = [
        node.args[1].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "_later"
        and isinstance(node.args[1], ast.Constant)
    ]
    assert len(commands) > 10, "the menus' commands were found"
    for command in commands:
        module, name = command.rsplit(".", 1)
        assert callable(getattr(importlib.import_module(f"organiser.ui.{module}"), name)), command


def test_a_window_closed_while_opening_opens_nothing_and_runs_nothing(
    unfilled: MainWindow, qapp: QApplication, tmp_path: Path, dialogs: Any, find_action: Any
) -> None:
    database = tmp_path / "closed.sqlite"
    opening = Opening(qapp, unfilled, f"sqlite:///{database}", demo=False)
    assert opening.check_the_file()
    find_action(unfilled, "&Help", "&About Organiser").trigger()
    unfilled.close()  # Ctrl+Q, or a logout's SIGTERM, before the database was open
    opening._start()
    assert opening.store is None and not unfilled.is_filled
    assert not database.exists(), "no database made or migrated for a closed window"
    assert dialogs.abouts == []
    opening.close()
    assert not (tmp_path / "closed.sqlite.lock").exists()


def test_show_archived_events_before_the_database_is_open_waits_for_it(
    unfilled: MainWindow, store: Store
) -> None:
    events.create_event(store, title="Autumn coffee morning")
    unfilled.panel.show_archived.setChecked(True)  # no error, nothing to list yet
    unfilled.fill(store)
    assert "Autumn coffee morning" in unfilled.windowTitle()


def test_the_example_event_opens_before_commands_chosen_meanwhile(
    unfilled: MainWindow, store: Store, dialogs: Any, find_action: Any
) -> None:
    order: list[str] = []
    find_action(unfilled, "&Help", "&About Organiser").trigger()
    unfilled.fill(store, first=lambda: order.append(f"example, {len(dialogs.abouts)} about"))
    assert order == ["example, 0 about"]
    assert len(dialogs.abouts) == 1


def test_pyside_no_longer_reads_the_source_of_every_module_imported() -> None:
    feature = sys.modules["shibokensupport.feature"]
    # This very file names PySide6: the scan would read it and answer True.
    assert feature._mod_uses_pyside(sys.modules[__name__]) is False


OVERVIEW = """
import datetime as dt, sys
from organiser.core.events.reading import list_events
from organiser.core.opening import open_store
from organiser.core.planning.overview import overview
store = open_store(sys.argv[1], daily_backup=False)
lines = overview(store, list_events(store)[0].id, today=dt.date(2026, 12, 1))
print(len(lines), "PIL" in sys.modules)
"""


def test_the_first_events_overview_does_not_load_the_image_library(tmp_path: Path) -> None:
    # Pillow is for a flyer's picture when one is added: tens of milliseconds at start-up.
    url = f"sqlite:///{tmp_path / 'o.sqlite'}"
    env = {**os.environ, "ORGANISER_DATA_DIR": str(tmp_path)}
    made = [sys.executable, "-m", "organiser", "--database", url, "demo"]
    subprocess.run(made, capture_output=True, env=env, timeout=120, check=True)
    shown = subprocess.run(
        [sys.executable, "-c", OVERVIEW, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    count, image_library = shown.stdout.split()
    assert int(count) > 5, "the overview was made"
    assert image_library == "False"


def test_memory_is_tidied_after_the_events_frame_not_before_it(
    unfilled: MainWindow, qapp: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    # The collection takes tens of milliseconds: the frame that shows the event goes first.
    tidied: list[bool] = []
    monkeypatch.setattr("organiser.ui.opening.settle_memory", lambda: tidied.append(True))
    monkeypatch.setattr("organiser.ui.getting_started.offer_at_start", lambda window: None)
    opening = Opening(qapp, unfilled, f"sqlite:///{tmp_path / 'tidy.sqlite'}", demo=False)
    assert opening.check_the_file()
    opening._start()
    assert unfilled.is_filled
    opening._afterwards()
    assert tidied == [], "not in the same turn as the frame"
    with qtbot.waitSignal(opening.settled, timeout=5000):
        pass
    assert tidied == [True]
    opening.close()
