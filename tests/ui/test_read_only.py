"""A database that can only be read opens read-only: a banner says why, nothing can be edited,
and printing and exporting still work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from organiser.core.demo import add_demo_event
from organiser.core.errors import StoreError
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.ui.main_window import MainWindow
from tests.ui.shown import shown_window

REASON = "the folder /media/stick is read-only"


@pytest.fixture
def read_only_window(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[MainWindow]:
    url = f"sqlite:///{tmp_path / 'stick.sqlite'}"
    writable = open_store(url)
    add_demo_event(writable)
    writable.close()
    store = open_store(url, read_only_ok=True, force_read_only=REASON)
    with shown_window(qtbot, qapp, store, tmp_path / "s.ini") as shown:
        yield shown
    store.close()


def test_a_banner_says_why_and_what_to_do(read_only_window: MainWindow) -> None:
    banner = read_only_window.findChild(QLabel, "read_only_banner")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith(f"⚠ Read only: {REASON}. You can look, print and export")
    assert "copy the database to a folder on your computer" in banner.text()
    assert read_only_window.statusBar().currentMessage() == f"Read only: {REASON}"


def test_nothing_can_be_edited(read_only_window: MainWindow, find_action: Any) -> None:
    window = read_only_window
    window.planning.show_section("details")
    title = window.planning.details.form.inputs["title"]
    assert isinstance(title, QLineEdit) and title.isReadOnly()
    assert title.text().startswith("Move, Breathe and Connect")  # still there to read
    assert not find_action(window, "&File", "&New event").isEnabled()
    assert not find_action(window, "&Edit", "&Undo").isEnabled()
    # A page built only when first opened is locked too.
    window.show_tab("creche")
    edits = [
        b
        for b in window.creche.findChildren(QPushButton)
        if b.isVisible()
        and not b.text().replace("&", "").startswith(("Print", "Save", "Show", "Export"))
    ]
    assert edits and [b.text() for b in edits if b.isEnabled()] == []
    # A change that gets past the screen is refused in words by the database itself.
    with pytest.raises(StoreError, match=r"^Nothing was changed: this database is open read-only"):
        events.create_event(window.store, title="Sneaked in")


def test_finding_printing_and_exporting_still_work(
    read_only_window: MainWindow, find_action: Any, dialogs: Any, tmp_path: Path
) -> None:
    window = read_only_window
    assert not window.panel.search.isReadOnly()
    assert find_action(window, "&File", "Save &flyer as PDF…").isEnabled()
    window.planning.show_section("programme")
    button = window.planning.programme.print_button
    assert button.isEnabled()
    dialogs.save_path = str(tmp_path / "programme.pdf")
    button.click()
    assert (tmp_path / "programme.pdf").read_bytes().startswith(b"%PDF")


def test_a_button_a_page_enables_again_stays_locked(read_only_window: MainWindow) -> None:
    window = read_only_window
    window.show_tab("creche")
    [button, *_] = [b for b in window.creche.findChildren(QPushButton) if not b.isEnabled()]
    button.setEnabled(True)  # as a page does when a row is chosen
    assert not button.isEnabled()


def test_leaving_read_only_gives_back_the_windows_own_state(
    read_only_window: MainWindow, find_action: Any, tmp_path: Path
) -> None:
    window = read_only_window
    window.show_tab("creche")
    writable = open_store(f"sqlite:///{tmp_path / 'stick.sqlite'}")
    window.swap_store(writable)  # File ▸ Use this computer's database, a restore
    assert window.findChild(QLabel, "read_only_banner") is None
    assert find_action(window, "&File", "&New event").isEnabled()
    assert not find_action(window, "&Edit", "&Undo").isEnabled()  # nothing to undo yet
    window.planning.show_section("details")
    assert not window.planning.details.form.inputs["title"].isReadOnly()
    assert events.create_event(window.store, title="Allowed again").created_id
