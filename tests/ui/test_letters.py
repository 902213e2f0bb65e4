"""Letters to speakers: filled in, copied, handed to the mail program, wording edited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from organiser.core.demo import add_demo_event
from organiser.core.speakers.invitations import list_invitations
from organiser.ui.letters import LetterDialog, TemplateDialog
from organiser.ui.main_window import MainWindow


@pytest.fixture
def priya(window: MainWindow) -> int:
    event_id = add_demo_event(window.store)
    window.open_event(event_id)
    rows = list_invitations(window.store, event_id, today=dt.date.today())
    return next(r.id for r in rows if r.speaker == "Priya Shah")


def test_the_letter_is_filled_copied_and_opened_in_the_mail_program(
    window: MainWindow, priya: int, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = LetterDialog(window.runner, priya, "confirmation", window)
    qtbot.addWidget(dialog)
    assert dialog.to.text() == "priya@example.org"
    assert dialog.subject.text().startswith("Your talk at Move, Breathe and Connect")
    assert "Dear Priya Shah" in dialog.body.toPlainText()
    assert "Gentle Pilates for every body" in dialog.body.toPlainText()
    dialog.copy_button.click()
    assert QApplication.clipboard().text().startswith(dialog.subject.text() + "\n\n")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.mail_button.click()
    assert opened[0].scheme() == "mailto"
    assert opened[0].toString().startswith("mailto:priya@example.org?subject=")


def test_wording_with_an_unknown_field_is_refused_and_good_wording_is_used(
    window: MainWindow, priya: int, qtbot: Any
) -> None:
    editor = TemplateDialog(window.runner, "invitation", window)
    qtbot.addWidget(editor)
    editor.text.setPlainText("Hello {speaker}, see you on {weekday}.")
    editor.save()
    assert "{weekday}" in editor.message.text() and editor.result() == 0
    editor.text.setPlainText("Hello {speaker}, see you on {date} at {venue}.")
    editor.save()
    assert editor.result() == 1
    dialog = LetterDialog(window.runner, priya, "invitation", window)
    qtbot.addWidget(dialog)
    assert dialog.body.toPlainText().startswith("Hello Priya Shah, see you on ")
    assert "Harbourside Family Centre" in dialog.body.toPlainText()


def test_the_app_icon_is_shipped_inside_the_package(qapp: QApplication) -> None:
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    icon = files("organiser") / "resources" / "organiser.svg"
    assert icon.is_file()
    assert not QIcon(str(icon)).pixmap(32).isNull()
