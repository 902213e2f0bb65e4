"""Alt+letter mnemonics in the dialogs the window opens: each dialog is a window of its own,
with one thing per letter, every "&" on a label leading to a field, and no unnamed scroll area
taking a Tab stop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mnemonic_scan import check
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from organiser.core.speakers.invitations import list_invitations
from organiser.ui.creche import csv_actions as booking_files
from organiser.ui.feedback import csv_actions as response_files
from organiser.ui.keyboard import ShortcutsDialog
from organiser.ui.letters import LetterDialog, TemplateDialog
from organiser.ui.main_window import MainWindow
from organiser.ui.print_chooser import PrintChooser
from organiser.ui.team.connect_dialog import ConnectDialog

BOOKINGS = "First Name,Last Name,Email,Quantity\r\nZoë,Kowalska,zoe@example.org,1\r\n"
RESPONSES = "Timestamp,What did you enjoy most?\r\n2027/03/01 10:15,The Pilates\r\n"


def shown(qtbot: Any, dialog: QDialog | None) -> QDialog:
    """A dialog on screen, as a person sees it."""
    assert dialog is not None
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def opened(window: MainWindow, kind: type[QDialog]) -> QDialog | None:
    """The dialog of this kind a button or menu entry opened."""
    return next((d for d in window.findChildren(kind) if d.isVisible()), None)


@pytest.fixture
def pick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[str, str], None]:
    """The file the Open dialog answers with."""

    def _pick(name: str, text: str) -> None:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), ""))
        )

    return _pick


@pytest.mark.usefixtures("demo_event")
def test_every_dialog_has_one_thing_per_letter(
    window: MainWindow, qtbot: Any, pick: Callable[[str, str], None], find_action: Any
) -> None:
    def printing() -> QDialog | None:
        find_action(window, "&File", "&Print").trigger()
        return opened(window, PrintChooser)

    def summary() -> QDialog | None:
        return window.show_summary_report()

    def series() -> QDialog | None:
        report = window.show_summary_report()
        return report.open_series() if report is not None else None

    def shortcuts() -> QDialog | None:
        find_action(window, "&Help", "&Keyboard shortcuts").trigger()
        return opened(window, ShortcutsDialog)

    def letter() -> QDialog | None:
        assert window.event_id is not None
        rows = list_invitations(window.store, window.event_id, today=dt.date.today())
        window.show_letter(rows[0].id, "invitation")
        return opened(window, LetterDialog)

    def wording() -> QDialog | None:
        return TemplateDialog(window.runner, "invitation", window)

    def bookings() -> QDialog | None:
        assert window.event_id is not None
        pick("bookings.csv", BOOKINGS)
        return booking_files.import_bookings(window, window.runner, window.event_id)

    def responses() -> QDialog | None:
        assert window.event_id is not None
        pick("responses.csv", RESPONSES)
        return response_files.import_responses(window, window.runner, window.event_id)

    def connect() -> QDialog | None:
        return ConnectDialog(window.settings, window)

    def save_version() -> QDialog | None:
        window.open_page("flyer", "versions")
        page = window.flyer.versions
        page.ask_to_save()
        return page.save_dialog

    def purge() -> QDialog | None:
        window.open_page("creche", "privacy")
        page = window.creche.page("privacy")
        page.ask_to_purge()
        return page.dialog

    def revisions() -> QDialog | None:
        window.open_page("planning", "meetings")
        page = window.planning.meetings
        page.meetings.choose(page.meetings.model.row_at(0).id)
        return page.notes.open_revisions()

    dialogs: dict[str, Callable[[], QDialog | None]] = {
        "Print": printing,
        "Summary report": summary,
        "Series report": series,
        "Keyboard shortcuts": shortcuts,
        "Letter": letter,
        "Letter wording": wording,
        "Import bookings": bookings,
        "Import responses": responses,
        "Connect to team database": connect,
        "Save flyer version": save_version,
        "Remove personal data": purge,
        "Earlier versions of the notes": revisions,
    }
    problems: list[str] = []
    for name, open_it in dialogs.items():
        dialog = shown(qtbot, open_it())
        problems += check(dialog, name)
        dialog.close()
    assert not problems, "\n".join(problems)


def test_the_dialog_check_sees_a_clash(qtbot: Any) -> None:
    """The check itself: two buttons with one letter in a window are a clash."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    for text in ("&Save", "&Skip"):
        row.addWidget(QPushButton(text, window))
    assert check(window, "Test") == ["Test: Alt+S — button '&Save', button '&Skip'"]
