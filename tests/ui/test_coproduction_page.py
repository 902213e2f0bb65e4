"""The Co-production page driven like a person: the ledger's rungs, people and reasons saved at
once and undone, a suggestion taken, the profile naming its gaps, and what people received."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from organiser.core.coproduction import ledger
from organiser.core.coproduction.rows import list_received
from organiser.core.crud import add_row
from organiser.core.planning.kinds import Role
from organiser.core.row_kinds import RowKind
from organiser.ui import commands
from organiser.ui.main_window import MainWindow
from organiser.ui.planning.coproduction import CoproductionPage

FLYER = "Flyer and publicity"


def entry(window: MainWindow, aspect: str) -> ledger.LedgerRow:
    assert window.event_id is not None
    return next(r for r in ledger.list_ledger(window.store, window.event_id) if r.aspect == aspect)


@pytest.fixture
def page(window: MainWindow, new_event: Any) -> CoproductionPage:
    """The Co-production page of a new event with a working group of three, on screen."""
    event_id = new_event("Coffee morning")
    for name, role in (
        ("Zoë Marsh", Role.LIVED_EXPERIENCE),
        ("Łucja Nowak", Role.PROFESSIONAL),
        ("Dev Okafor", Role.VOLUNTEER),
    ):
        add_row(
            window.store,
            kind=RowKind.MEMBERS,
            parent_id=event_id,
            values={"name": name, "role": role.value},
        )
    add_row(
        window.store,
        kind=RowKind.COSTS,
        parent_id=event_id,
        values={"item": "Bus fares", "category": "Other", "estimated_pence": 1200},
    )
    window.planning.show_section("coproduction")
    shown: CoproductionPage = window.planning.coproduction
    assert shown.isVisible()
    return shown


def test_the_demo_event_shows_its_ledger(window: MainWindow, person: Any) -> None:
    commands.open_example(window)
    window.planning.show_section("coproduction")
    page = window.planning.coproduction
    rungs = person.column(page.table, "Rung reached")
    assert len(rungs) == 8
    assert sum(r != "Not decided yet" for r in rungs) == 7
    assert rungs[0] == "Co-production · doing with"
    assert rungs[-1] == "Not decided yet"
    assert person.column(page.table, "Aspect")[-1] == "Evaluation"
    assert person.column(page.table, "Suggested")[-1] == (
        "Consultation — feedback was collected from 20 people"
    )
    assert page.summary.text() == (
        "7 of 8 aspects decided: 3 doing for, 4 doing with. Not decided yet: Evaluation."
    )
    person.choose_row(page.table, 7)
    editor = page.editor
    assert editor.heading.text() == "Evaluation"
    assert editor.rung.currentText() == "Not decided yet"
    assert editor.suggestion.text() == (
        "Suggested: Consultation — feedback was collected from 20 people."
    )
    assert editor.use_button.isVisible() and editor.use_button.isEnabled()
    person.choose_row(page.table, 5)
    assert editor.heading.text() == FLYER
    assert editor.members.item(0).text() == ("Zoë Marsh — lived experience")
    assert editor.held["Time"].isChecked() and editor.held["Capacity"].isChecked()
    assert not editor.held["Funding"].isChecked()
    assert "Zoë saw the flyer late" in person.shown(editor.note.inputs["note"])
    profile = page.profile.plain_text()
    assert "- Flyer and publicity — consultation" in profile
    assert "Not decided yet\n- Evaluation" in profile


def test_use_the_suggestion_and_undo(window: MainWindow, person: Any, find_action: Any) -> None:
    commands.open_example(window)
    window.planning.show_section("coproduction")
    page = window.planning.coproduction
    page.choose("Evaluation")
    person.click(page.editor.use_button)
    assert entry(window, "Evaluation").rung == "Consultation"
    assert person.column(page.table, "Rung reached")[-1] == "Consultation · doing for"
    assert not page.editor.use_button.isEnabled(), "the suggestion is already taken"
    assert page.summary.text() == "8 of 8 aspects decided: 4 doing for, 4 doing with."
    assert "Evaluation: consultation — feedback was collected from 20 people" in (
        page.profile.plain_text()
    )
    undo = find_action(window, "&Edit", "&Undo")
    assert "Use the suggested rung (evaluation)" in undo.text()
    undo.trigger()
    assert entry(window, "Evaluation").rung == ""
    assert page.editor.rung.currentText() == "Not decided yet"
    assert page.editor.use_button.isEnabled()


def test_choose_a_rung_and_the_profile_names_the_gap(
    window: MainWindow, page: CoproductionPage, person: Any, find_action: Any
) -> None:
    assert page.summary.text().startswith("No aspect decided yet")
    assert "Gaps" not in page.profile.plain_text()
    page.choose(FLYER)
    editor = page.editor
    assert editor.suggestion.text() == "Nothing in the data suggests a rung."
    assert not editor.use_button.isVisible()
    person.choose(editor.rung, "Consultation")
    assert entry(window, FLYER).rung == "Consultation"
    assert editor.meaning.text().startswith("Doing for:")
    assert person.column(page.table, "Rung reached")[5] == "Consultation · doing for"
    assert "Gaps: below co-design\n- Flyer and publicity: consultation" in (
        page.profile.plain_text()
    )
    assert "⚠ Flyer and publicity: consultation" in page.profile.text.text()
    assert page.summary.text() == "1 of 8 aspects decided: 1 doing for. 7 not decided yet."

    person.fill(editor.note.inputs["note"], "Zoë saw the flyer once it was printed")
    assert entry(window, FLYER).note == "Zoë saw the flyer once it was printed"
    assert (
        "- Flyer and publicity: consultation — Zoë saw the flyer once it was printed"
        in page.profile.plain_text()
    )
    assert person.column(page.table, "Note")[5] == "Zoë saw the flyer once it was printed"

    undo = find_action(window, "&Edit", "&Undo")
    assert "Edit the note (flyer and publicity)" in undo.text()
    undo.trigger()
    assert entry(window, FLYER).note == ""
    assert person.shown(editor.note.inputs["note"]) == ""

    person.choose(editor.rung, "Co-design")
    assert entry(window, FLYER).rung == "Co-design"
    assert "Gaps: below co-design\n- None" in page.profile.plain_text()
    assert "Doing with (co-design, co-production)\n- Flyer and publicity — co-design" in (
        page.profile.plain_text()
    )
    undo.trigger()  # the arrow keys passed through Engagement on the way
    assert entry(window, FLYER).rung == "Engagement"
    person.choose(editor.rung, "Not decided yet")
    assert entry(window, FLYER).rung == ""
    assert "Gaps" not in page.profile.plain_text()


def test_tick_who_was_involved_and_what_held_it_back(
    window: MainWindow, page: CoproductionPage, person: Any, qtbot: Any, find_action: Any
) -> None:
    page.choose("Budget")
    editor = page.editor
    listing = editor.members
    person.focus(listing)
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    listing.setCurrentRow(2)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert [n for _i, n in entry(window, "Budget").members] == ["Zoë Marsh", "Dev Okafor"]
    assert person.column(page.table, "Who was involved")[4] == "Zoë Marsh, Dev Okafor"

    person.tick(editor.held["Funding"])
    person.tick(editor.held["Health"])
    assert entry(window, "Budget").held_back == ("Funding", "Health")
    assert person.column(page.table, "Held back by")[4] == "Funding, Health"

    undo = find_action(window, "&Edit", "&Undo")
    assert "Change what held it back (budget)" in undo.text()
    undo.trigger()
    assert entry(window, "Budget").held_back == ("Funding",)
    assert editor.held["Funding"].isChecked() and not editor.held["Health"].isChecked()
    undo.trigger()
    undo.trigger()
    assert [n for _i, n in entry(window, "Budget").members] == ["Zoë Marsh"]
    assert editor.ticked_ids() == [i for i, _n in entry(window, "Budget").members]
    find_action(window, "&Edit", "&Redo").trigger()
    assert [n for _i, n in entry(window, "Budget").members] == ["Zoë Marsh", "Dev Okafor"]
    # Another aspect keeps its own people.
    person.choose_row(page.table, 0)
    assert editor.heading.text() == "The idea"
    assert editor.ticked_ids() == []


def test_a_note_typed_then_another_aspect_chosen_is_kept_where_it_was_typed(
    window: MainWindow, page: CoproductionPage, person: Any
) -> None:
    page.choose("Speakers")
    person.type(page.editor.note.inputs["note"], "Booked between meetings")
    person.choose_row(page.table, 1)
    assert page.editor.heading.text() == "Content of the session"
    assert entry(window, "Speakers").note == "Booked between meetings"
    assert entry(window, "Content of the session").note == ""
    assert person.shown(page.editor.note.inputs["note"]) == ""


def test_add_what_was_received_linked_to_a_budget_line(
    window: MainWindow, page: CoproductionPage, person: Any, find_action: Any
) -> None:
    page.tabs.setCurrentIndex(2)
    section = page.received_list
    assert page.received.text().startswith("Nothing recorded yet")
    form = section.form
    person.choose(form.inputs["member_id"], "Zoë Marsh")
    person.choose(form.inputs["cost_line_id"], "Bus fares (Other)")
    person.type(form.inputs["amount_pence"], "12")
    person.type(form.inputs["what"], "Bus fares to the planning meetings")
    person.click(section.add_button)

    assert window.event_id is not None
    stored = list_received(window.store, window.event_id)
    assert [(r.member, r.what, r.amount_pence, r.cost_line) for r in stored] == [
        ("Zoë Marsh", "Bus fares to the planning meetings", 1200, "Bus fares")
    ]
    assert person.column(section.table, "Budget line") == ["Bus fares"]
    assert person.column(section.table, "Amount") == ["£12.00"]
    assert page.received.text() == "1 thing received, worth £12.00 where an amount is recorded."

    find_action(window, "&Edit", "&Undo").trigger()
    assert list_received(window.store, window.event_id) == []
    assert section.model.rowCount() == 0


def test_a_thing_received_needs_saying_what(
    window: MainWindow, page: CoproductionPage, person: Any
) -> None:
    page.tabs.setCurrentIndex(2)
    section = page.received_list
    person.type(section.form.inputs["amount_pence"], "20")
    person.click(section.add_button)
    assert "What they received" in person.message(section.form, "what")
    assert section.model.rowCount() == 0


def test_the_page_follows_the_open_event(window: MainWindow, page: CoproductionPage) -> None:
    page.choose("Budget")
    commands.open_example(window)
    assert window.planning.coproduction is page
    assert page.summary.text().startswith("7 of 8 aspects decided")
    assert page.editor.heading.text() == "The idea", "another event starts at its first aspect"
    assert page.received_list.model.rowCount() == 3


def test_the_overview_links_to_the_ledger_and_the_lessons(window: MainWindow) -> None:
    commands.open_example(window)
    overview = window.planning.overview
    text = overview.plain_text()
    assert "Co-production: 7 of 8 aspects decided, 4 done with people" in text
    assert "Lessons: 3 recorded" in text
    overview.text.linkActivated.emit("coproduction")
    assert window.planning.shown_page() is window.planning.coproduction
    overview.text.linkActivated.emit("lessons")
    assert window.planning.shown_page() is window.planning.lessons


def test_the_ledger_and_what_people_received_models_pass_the_model_tester(
    window: MainWindow, qtmodeltester: Any
) -> None:
    commands.open_example(window)
    page = window.planning.coproduction
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.received_list.model)
    qtmodeltester.check(window.planning.lessons.lessons.model)
    assert page.model.rowCount() == 8


def test_the_profile_chart_is_drawn_when_seen_and_follows_the_ledger(
    window: MainWindow, page: CoproductionPage, person: Any
) -> None:
    page.choose(FLYER)
    person.choose(page.editor.rung, "Informing")
    assert page.profile.svg == b"", "no chart is drawn while nobody looks at it"
    page.tabs.setCurrentIndex(1)
    svg = page.profile.svg.decode()
    assert "<title>Co-production profile</title>" in svg
    assert "Flyer and publicity: Informing (doing for)" in svg
    assert page.profile.chart.isVisible()
    assert page.profile.chart.accessibleDescription().startswith("The idea: not decided yet")
    page.tabs.setCurrentIndex(0)
    person.choose(page.editor.rung, "Co-production")
    page.tabs.setCurrentIndex(1)
    assert "Flyer and publicity: Co-production (doing with)" in page.profile.svg.decode()
