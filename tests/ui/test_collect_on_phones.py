"""Collect on phones, driven like a person: the Feedback tab's button opens the dialog with a
QR code and the address; a phone's answers (sent over real HTTP from another thread) are
stored by the window as one undoable step and counted live; closing stops the server; and
with no network the dialog says how to share a phone's hotspot instead."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from organiser.core.errors import OrganiserError
from organiser.core.feedback import phones, responses
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard
from organiser.ui import commands
from organiser.ui.feedback.phones_dialog import NO_NETWORK, CollectDialog
from organiser.ui.main_window import MainWindow
from tests.collect.test_phone_collector import page_fields


def open_dialog(
    window: MainWindow, person: Any, monkeypatch: pytest.MonkeyPatch, host: str | None
) -> CollectDialog:
    """The example event's Collect on phones dialog, on `host` (None: no network)."""
    monkeypatch.setattr("organiser.ui.feedback.phones_dialog.local_address", lambda: host)
    if window.event_id is None:
        commands.open_example(window)
    window.show_tab("feedback")
    window.feedback.show_section("form")
    page = window.feedback.form
    person.click(page.phones_button)
    shown: CollectDialog = page.phones
    return shown


@pytest.fixture
def dialog(window: MainWindow, person: Any, monkeypatch: pytest.MonkeyPatch) -> CollectDialog:
    """The example event's Collect on phones dialog, served on this computer only."""
    return open_dialog(window, person, monkeypatch, "127.0.0.1")


def label(dialog: CollectDialog, name: str) -> str:
    found = dialog.findChild(QLabel, name)
    return found.text() if found is not None else ""


def send(url: str, fields: list[tuple[str, str]], qtbot: Any) -> tuple[int, str]:
    """A phone's Send, from another thread while the window keeps running."""
    result: dict[str, Any] = {}

    def phone() -> None:
        data = urllib.parse.urlencode(fields).encode()
        try:
            with urllib.request.urlopen(url, data=data, timeout=20) as reply:
                result["reply"] = (reply.status, reply.read().decode())
        except urllib.error.HTTPError as exc:
            result["reply"] = (exc.code, exc.read().decode())

    thread = threading.Thread(target=phone)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20000)
    return result["reply"]


def test_a_phone_answer_is_stored_counted_and_undoable(
    window: MainWindow, dialog: CollectDialog, qtbot: Any
) -> None:
    assert dialog.running is not None
    url = dialog.running.url
    address = dialog.findChild(type(dialog.count), "collect_address")
    assert address is not None and address.text() == url
    assert dialog.count.text() == "0 people have answered on their phones."
    with urllib.request.urlopen(url, timeout=10) as reply:
        form = page_fields(reply.read().decode())
    assert window.event_id is not None
    fft = next(q.id for q in list_questions(window.store, window.event_id) if q.standard == "fft")
    before = len(responses.list_responses(window.store, window.event_id))
    status, html = send(url, [("once", form.hidden["once"]), (f"q{fft}", "0")], qtbot)
    assert status == 200 and "Thank you" in html
    assert dialog.count.text() == "1 person has answered on their phones."
    after = responses.list_responses(window.store, window.event_id)
    assert len(after) == before + 1 and max(after, key=lambda r: r.id).source == "Phone"
    assert window.runner.undo_stack.undoText() == "Feedback from a phone"
    window.runner.undo_stack.undo()
    assert len(responses.list_responses(window.store, window.event_id)) == before


def test_a_refused_answer_is_said_on_the_phone_and_nothing_is_stored(
    window: MainWindow, dialog: CollectDialog, qtbot: Any
) -> None:
    assert dialog.running is not None and window.event_id is not None
    quote = next(
        q.id
        for q in list_questions(window.store, window.event_id)
        if q.standard == Standard.QUOTE.value
    )
    before = window.runner.undo_stack.count()
    status, html = send(dialog.running.url, [("once", "abc"), (f"q{quote}", "7")], qtbot)
    assert status == 400 and "That is not one of the answers." in html
    assert window.runner.undo_stack.count() == before


def test_closing_the_dialog_stops_the_form(dialog: CollectDialog) -> None:
    assert dialog.running is not None
    url, running = dialog.running.url, dialog.running
    dialog.close()
    assert not running.thread.is_alive()
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=3)


def test_without_a_network_the_dialog_says_how_to_share_a_hotspot(
    window: MainWindow, person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = open_dialog(window, person, monkeypatch, None)
    message = shown.findChild(type(shown.count), "collect_message")
    assert message is not None and message.text() == NO_NETWORK and shown.running is None
    shown.close()


def test_the_form_is_at_the_events_kept_address_and_a_card_can_be_saved(
    window: MainWindow, dialog: CollectDialog, person: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    assert dialog.running is not None and window.event_id is not None
    kept = phones.phone_address(window.store, window.event_id)
    assert dialog.running.url == kept.url("127.0.0.1"), "a card printed before still opens it"
    assert label(dialog, "collect_warning") == ""
    path = tmp_path / "card.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    save = dialog.findChild(QPushButton, "collect_save_card")
    assert save is not None
    person.click(save)
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert f"127.0.0.1:{kept.port}/{kept.token}" in text
    assert phones.phone_address(window.store, window.event_id).card_host == "127.0.0.1"


def test_cards_printed_on_another_network_are_said_not_to_work(
    window: MainWindow, person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands.open_example(window)
    assert window.event_id is not None
    phones.card_printed(window.store, window.event_id, "192.168.1.20")
    shown = open_dialog(window, person, monkeypatch, "127.0.0.1")
    warning = label(shown, "collect_warning")
    assert "Cards printed earlier show 192.168.1.20" in warning and "127.0.0.1" in warning
    shown.close()


def test_a_kept_port_in_use_serves_on_another_and_says_cards_will_not_work(
    window: MainWindow, person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands.open_example(window)
    assert window.event_id is not None
    kept = phones.card_printed(window.store, window.event_id, "127.0.0.1")
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", kept.port))
        other_program.listen()
        shown = open_dialog(window, person, monkeypatch, "127.0.0.1")
        assert shown.running is not None and shown.running.port != kept.port
        assert f"use port {kept.port}, which another program is using" in label(
            shown, "collect_warning"
        )
        with urllib.request.urlopen(shown.running.url, timeout=10) as reply:
            assert reply.status == 200
        shown.close()


def test_closing_while_a_send_waits_for_the_window_answers_the_phone_at_once(
    window: MainWindow, dialog: CollectDialog, qtbot: Any
) -> None:
    assert dialog.running is not None and window.event_id is not None
    url = dialog.running.url
    with urllib.request.urlopen(url, timeout=10) as reply:
        once = page_fields(reply.read().decode()).hidden["once"]
    before = len(responses.list_responses(window.store, window.event_id))
    result: dict[str, Any] = {}

    def phone() -> None:
        data = urllib.parse.urlencode([("once", once)]).encode()
        try:
            urllib.request.urlopen(url, data=data, timeout=20)
        except urllib.error.HTTPError as exc:
            result["status"] = exc.code

    thread = threading.Thread(target=phone)
    thread.start()
    deadline = time.monotonic() + 10
    while not dialog.pending and time.monotonic() < deadline:  # the window is busy elsewhere
        time.sleep(0.01)
    assert dialog.pending, "the answers are waiting for the window"
    started = time.monotonic()
    dialog.close()
    assert time.monotonic() - started < 2, "closing does not wait for the phone's timeout"
    thread.join(10)
    assert result.get("status") == 503, "the phone is told it was not saved"
    qtbot.wait(50)  # the hand-over still queued arrives: it is not stored
    assert len(responses.list_responses(window.store, window.event_id)) == before


def test_asking_again_while_collecting_brings_the_same_window_back(
    window: MainWindow, dialog: CollectDialog, person: Any
) -> None:
    running = dialog.running
    person.click(window.feedback.form.phones_button)
    assert window.feedback.form.phones is dialog and dialog.running is running, "one server"
    dialog.close()
    person.click(window.feedback.form.phones_button)
    again = window.feedback.form.phones
    assert again is not dialog and again is not None and again.running is not None
    again.close()


def test_answers_arriving_as_collecting_stops_are_turned_away(dialog: CollectDialog) -> None:
    dialog.stop()
    with pytest.raises(OrganiserError, match="Collecting has stopped"):
        dialog._hand_over({}, "late", "")
    assert not dialog.pending, "nothing left waiting for a window that is closing"
