"""The Speakers tab, driven like a person: the directory and its search, invitations with
their checks in words, slots, the fee in the budget, archiving, merging, undo, and speed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import insert

from organiser.core.db import Store
from organiser.core.planning import service as planning
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers
from organiser.core.speakers.models import Invitation, Speaker
from organiser.ui.main_window import MainWindow
from organiser.ui.table_model import WARNING_COLOUR
from organiser.ui.widgets.row_section import RowSection


def show(window: MainWindow, part: str) -> RowSection:
    """Open the Speakers tab at Invitations or Directory; returns that part's list and editor."""
    window.tabs.setCurrentWidget(window.speakers)
    window.speakers.show_section(part)
    page = window.speakers.invitations if part == "invitations" else window.speakers.directory
    return page.pane


def add_speaker(store: Store, name: str = "Amira Haddad", **values: Any) -> int:
    created = speakers.add_speaker(
        store, values={"name": name, "organisation": "Seaside Health", **values}
    ).created_id
    assert created is not None
    return created


def invite(store: Store, event_id: int, speaker_id: int, **values: Any) -> int:
    created = invitations.add_invitation(
        store, event_id=event_id, values={"speaker_id": speaker_id, **values}
    ).created_id
    assert created is not None
    return created


def checks(pane: RowSection) -> list[str]:
    return [str(pane.table.model().index(r, 2).data()) for r in range(pane.proxy.rowCount())]


def test_the_tab_sits_after_planning(window: MainWindow) -> None:
    assert window.tabs.tabText(1) == "Speakers"
    assert window.tabs.widget(1) is window.speakers


def test_add_a_speaker_see_them_and_search(
    window: MainWindow, person: Any, new_event: Callable[[str], int], store: Store
) -> None:
    new_event("Coffee morning")
    add_speaker(store, "Dev Patel", organisation="Harbour Pilates", topics="core strength")
    pane = show(window, "directory")
    page = window.speakers.directory
    person.click(pane.new_button)
    form = pane.form
    person.type(form.inputs["name"], "Zoë Łucja Marsh")
    organisation = form.inputs["organisation"]
    assert isinstance(organisation, QComboBox)
    person.type(organisation.lineEdit(), "Perinatal Mental Health Team")
    person.type(form.inputs["topics"], "sleep, feeling low after birth")
    person.type(form.inputs["bio"], "A nurse who listens.")
    assert page.bio_count.text() == "20 characters; about 300 fit a flyer"
    person.type(form.inputs["usual_fee_pence"], "60")
    person.click(pane.add_button)
    names = [r.name for r in pane.shown_rows()]
    assert names == ["Dev Patel", "Zoë Łucja Marsh"]
    saved = next(r for r in speakers.list_speakers(store) if r.name == "Zoë Łucja Marsh")
    assert saved.organisation == "Perinatal Mental Health Team"
    assert saved.usual_fee_pence == 6000
    assert pane.mode_label.text() == "Editing this speaker"
    person.type(page.search, "perinatal")
    assert [r.name for r in pane.shown_rows()] == ["Zoë Łucja Marsh"]
    person.type(page.search, "CORE STRENGTH")
    assert [r.name for r in pane.shown_rows()] == ["Dev Patel"]
    person.type(page.search, "nobody at all")
    assert pane.shown_rows() == []
    assert page.past.item(0).text() == "Not invited to any event yet"


def test_a_long_bio_is_flagged_in_words(
    window: MainWindow, person: Any, new_event: Callable[[str], int]
) -> None:
    new_event("Coffee morning")
    pane = show(window, "directory")
    window.speakers.directory.pane.form.inputs["bio"].setPlainText("x" * 320)
    assert window.speakers.directory.bio_count.text().startswith("⚠ 320 characters")
    assert pane.form.inputs["bio"].accessibleName() == "Bio for flyers"


def test_invite_confirm_clash_and_fix(
    window: MainWindow,
    person: Any,
    new_event: Callable[[str], int],
    store: Store,
    add_item: Callable[..., int],
) -> None:
    event_id = new_event("Coffee morning")
    add_item(event_id, title="Stretch and breathe", start="10:00", end="10:30")
    add_item(event_id, title="Ask the health visitor", start="10:15", end="10:45")
    add_speaker(store)
    window.open_event(event_id)
    pane = show(window, "invitations")
    page = window.speakers.invitations
    assert page.summary.text().startswith("No invitations yet")
    form = pane.form
    person.click(pane.new_button)
    person.choose(form.inputs["speaker_id"], "Amira Haddad — Seaside Health")
    person.type(form.inputs["talk_title"], "Sleep when you have a baby")
    person.type(form.inputs["length_minutes"], "20")
    person.type(form.inputs["fee_pence"], "45")
    person.click(pane.add_button)
    assert [r.speaker for r in pane.shown_rows()] == ["Amira Haddad"]
    assert person.column(pane.table, "Status")[0].startswith("Idea since ")
    costs = planning.list_costs(store, event_id)
    assert [(c.item, c.estimated_pence) for c in costs] == [
        ("Amira Haddad: speaker’s fee or expenses", 4500)
    ]

    person.choose(form.inputs["status"], "Confirmed")
    assert checks(pane) == ["⚠ Confirmed but has no slot"]
    assert "1 confirmed" in page.summary.text()
    assert "⚠ 1 need attention" in page.summary.text()

    person.choose(form.inputs["programme_item_id"], "10:00–10:30 Stretch and breathe")
    assert checks(pane) == ["No problems"]
    assert page.summary.text() == "1 confirmed · no warnings"

    # A second talk by the same speaker, in an item that overlaps the first.
    person.click(pane.new_button)
    person.choose(form.inputs["speaker_id"], "Amira Haddad — Seaside Health")
    person.type(form.inputs["talk_title"], "Questions about sleep")
    person.choose(form.inputs["status"], "Confirmed")
    person.click(pane.add_button)
    person.choose(form.inputs["programme_item_id"], "10:15–10:45 Ask the health visitor")
    found = checks(pane)
    assert found == [
        "⚠ Also on at 10:15 in “Ask the health visitor”",
        "⚠ Also on at 10:00 in “Stretch and breathe”",
    ]
    column = [c.title for c in pane.model.columns].index("Checks")
    brush = pane.table.model().index(0, column).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == WARNING_COLOUR
    assert "⚠ 2 need attention" in page.summary.text()

    # Fix it: a slot of its own at 11:00, made from the invitation.
    person.type(page.slot_start, "11:00")
    person.click(page.slot_button)
    assert checks(pane) == ["No problems", "No problems"]
    assert page.summary.text() == "2 confirmed · no warnings"
    slots = person.column(pane.table, "Slot")
    assert "11:00–11:30 Questions about sleep" in slots

    # A talk longer than its slot is said in words too.
    pane.choose(pane.shown_rows()[0].id if "Stretch" in slots[0] else pane.shown_rows()[1].id)
    person.fill(form.inputs["length_minutes"], "45")
    assert "⚠ Talk is 45 min; the slot is 30 min" in checks(pane)


def test_letters_and_pdfs_are_asked_for_by_signal(
    window: MainWindow, person: Any, new_event: Callable[[str], int], store: Store, qtbot: Any
) -> None:
    event_id = new_event("Coffee morning")
    invitation_id = invite(store, event_id, add_speaker(store))
    window.open_event(event_id)
    pane = show(window, "invitations")
    page = window.speakers.invitations
    assert not page.invitation_letter.isEnabled()
    person.choose_row(pane.table, 0)
    with qtbot.waitSignal(window.speakers.letter_requested) as letter:
        person.click(page.invitation_letter)
    assert letter.args == [invitation_id, "invitation"]
    with qtbot.waitSignal(window.speakers.letter_requested) as letter:
        person.click(page.confirmation_letter)
    assert letter.args == [invitation_id, "confirmation"]
    with qtbot.waitSignal(window.speakers.print_briefing_requested):
        person.click(page.briefing_button)
    with qtbot.waitSignal(window.speakers.print_schedule_requested):
        person.click(page.schedule_button)


def test_deleting_a_speaker_with_invitations_offers_archive(
    window: MainWindow, person: Any, new_event: Callable[[str], int], store: Store, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    event_id = new_event("Coffee morning")
    invited = add_speaker(store)
    spare = add_speaker(store, "Dev Patel")
    invite(store, event_id, invited)
    window.open_event(event_id)
    pane = show(window, "directory")
    page = window.speakers.directory
    pane.choose(invited)
    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(pane.delete_button)
    assert "Amira Haddad has 1 invitation" in dialogs.questions[0]
    assert [r.name for r in pane.shown_rows()] == ["Dev Patel"]
    person.tick(page.show_archived)
    assert person.column(pane.table, "Name") == ["Amira Haddad (archived)", "Dev Patel"]
    window.runner.undo_stack.undo()
    assert person.column(pane.table, "Name") == ["Amira Haddad", "Dev Patel"]

    # One never invited is really deleted, and undo brings them back.
    pane.choose(spare)
    person.click(pane.delete_button)
    assert [r.name for r in pane.shown_rows()] == ["Amira Haddad"]
    window.runner.undo_stack.undo()
    assert [r.name for r in pane.shown_rows()] == ["Amira Haddad", "Dev Patel"]


def test_undo_and_redo_an_invitation_edit(
    window: MainWindow, person: Any, new_event: Callable[[str], int], store: Store
) -> None:
    event_id = new_event("Coffee morning")
    invite(store, event_id, add_speaker(store), talk_title="Sleep", fee_pence=2000)
    window.open_event(event_id)
    pane = show(window, "invitations")
    person.choose_row(pane.table, 0)
    person.fill(pane.form.inputs["talk_title"], "Sleep and feeling low")
    person.fill(pane.form.inputs["fee_pence"], "30")
    assert person.column(pane.table, "Talk") == ["Sleep and feeling low"]
    assert person.column(pane.table, "Fee") == ["£30.00"]
    stack = window.runner.undo_stack
    stack.undo()
    assert person.column(pane.table, "Fee") == ["£20.00"]
    assert planning.list_costs(store, event_id)[0].estimated_pence == 2000
    stack.undo()
    assert person.column(pane.table, "Talk") == ["Sleep"]
    assert person.shown(pane.form.inputs["talk_title"]) == "Sleep"
    stack.redo()
    stack.redo()
    assert person.column(pane.table, "Talk") == ["Sleep and feeling low"]
    assert planning.list_costs(store, event_id)[0].estimated_pence == 3000


def test_a_member_becomes_a_speaker_and_duplicates_merge(
    window: MainWindow,
    person: Any,
    new_event: Callable[[str], int],
    store: Store,
    add_member: Callable[..., int],
    dialogs: Any,
) -> None:
    event_id = new_event("Coffee morning")
    add_member(event_id, name="Zoë Marsh")
    duplicate = add_speaker(store, "Zoe Marsh", organisation="", phone="01632 960 123")
    invite(store, event_id, duplicate)
    window.open_event(event_id)
    pane = show(window, "directory")
    page = window.speakers.directory
    dialogs.item = ("Zoë Marsh", True)
    person.click(page.member_button)
    assert sorted(r.name for r in pane.shown_rows()) == ["Zoe Marsh", "Zoë Marsh"]
    assert pane.current_row().name == "Zoë Marsh"
    dialogs.item = (f"Zoe Marsh (#{duplicate})", True)
    person.click(page.merge_button)
    assert [r.name for r in pane.shown_rows()] == ["Zoë Marsh"]
    assert pane.shown_rows()[0].phone == "01632 960 123"
    assert pane.shown_rows()[0].events == 1
    window.runner.undo_stack.undo()
    assert sorted(r.name for r in pane.shown_rows()) == ["Zoe Marsh", "Zoë Marsh"]
    window.runner.undo_stack.redo()
    assert [r.name for r in pane.shown_rows()] == ["Zoë Marsh"]


def test_the_confirmation_setting_changes_the_checks(
    window: MainWindow, person: Any, new_event: Callable[[str], int], store: Store, qtbot: Any
) -> None:
    import datetime as dt

    from organiser.core.events import service as events

    event_id = new_event("Coffee morning")
    events.update_event(
        store, event_id=event_id, values={"date": dt.date.today() + dt.timedelta(days=20)}
    )
    invite(store, event_id, add_speaker(store), status="invited")
    window.open_event(event_id)
    pane = show(window, "invitations")
    page = window.speakers.invitations
    assert page.confirm_days.value() == 14
    assert checks(pane) == ["No problems"]
    person.focus(page.confirm_days)
    qtbot.keyClick(page.confirm_days, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.confirm_days, "21")
    qtbot.keyClick(page.confirm_days, Qt.Key.Key_Return)
    assert invitations.confirm_days(store) == 21
    assert checks(pane) == ["⚠ Not confirmed, 20 days before the event"]
    window.runner.undo_stack.undo()
    assert page.confirm_days.value() == 14
    assert checks(pane) == ["No problems"]


@pytest.fixture
def many_speakers(store: Store, create_event: Callable[..., int]) -> int:
    """10,000 speakers and 200 invitations to one event, inserted in bulk; returns the event."""
    event_id = create_event("Big directory")
    with store.begin() as s:
        s.execute(
            insert(Speaker),
            [
                {"name": f"Speaker {n:05d}", "topics": "sleep" if n % 2 else "movement"}
                for n in range(10_000)
            ],
        )
        s.execute(
            insert(Invitation),
            [{"event_id": event_id, "speaker_id": n, "status": "invited"} for n in range(1, 201)],
        )
    return event_id


def test_models_pass_the_model_tester_with_10000_speakers(
    window: MainWindow, qtmodeltester: Any, many_speakers: int, person: Any
) -> None:
    window.open_event(many_speakers)
    started = time.perf_counter()
    pane = show(window, "directory")
    opened = time.perf_counter() - started
    assert pane.model.rowCount() == 10_000
    qtmodeltester.check(pane.model)
    qtmodeltester.check(pane.proxy)
    started = time.perf_counter()
    person.type(window.speakers.directory.search, "speaker 09999")
    searched = time.perf_counter() - started
    assert [r.name for r in pane.shown_rows()] == ["Speaker 09999"]
    # Generous bounds for a slow machine: the benchmark measures the real figures.
    assert opened < 5
    assert searched < 5
    invitations_pane = show(window, "invitations")
    assert invitations_pane.model.rowCount() == 200
    qtmodeltester.check(invitations_pane.model)
