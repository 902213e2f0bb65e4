"""A new event's first flyer, made as a newcomer would: a programme item added without choosing
its kind shows under "What to expect"; nothing prints that nobody typed (no "Free"); exporting
or printing asks about the essentials the checklist finds missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from organiser.ui.flyer.draft import DraftPage
from organiser.ui.main_window import MainWindow

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def flyer_page(window: MainWindow, qtbot: Any) -> DraftPage:
    """The Flyer tab's Draft page with its preview drawn."""
    window.show_tab("flyer")
    draft: DraftPage = window.flyer.draft
    qtbot.waitUntil(lambda: draft.preview.renders >= 1, timeout=5000)
    return draft


def shown_text(page: DraftPage) -> str:
    """The words of the page the preview shows, as QtPdf reads them."""
    return " ".join(page.preview.document.getAllText(0).text().split())


def test_a_programme_item_added_without_choosing_a_kind_is_on_the_flyer(
    window: MainWindow, new_event: Any, person: Any, qtbot: Any
) -> None:
    new_event("Walk and talk")
    window.planning.show_section("programme")
    section = window.planning.programme.section
    kind = section.form.inputs["kind"]
    assert person.shown(kind) == "Other", "a kind the flyer lists, not Welcome"
    person.type(section.form.inputs["title"], "Welcome and tea")
    person.choose(kind, "Welcome")
    person.type(section.form.inputs["start"], "10:00")
    person.type(section.form.inputs["end"], "10:15")
    person.click(section.add_button)
    person.click(section.new_button)
    assert person.shown(kind) == "Other", "the last item's kind is not carried over"
    person.type(section.form.inputs["title"], "A walk along the seafront")
    person.type(section.form.inputs["start"], "10:15")
    person.type(section.form.inputs["end"], "11:00")
    person.click(section.add_button)
    assert person.column(section.table, "Kind") == ["Welcome", "Other"]

    page = flyer_page(window, qtbot)
    assert person.shown(page.editor.form.inputs["expect"]) == "A walk along the seafront"
    # The welcome is left off, as before; no cost was typed, so none prints (no "Free").
    assert shown_text(page) == "Walk and talk What to expect • A walk along the seafront"
    assert page.checklist.texts()["essentials"] == (
        "✗ Change this: Missing: when, where, cost, how to book, access."
    )


def test_exporting_a_new_events_flyer_asks_once_about_what_is_missing(
    window: MainWindow, new_event: Any, person: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    new_event("Walk and talk")
    page = flyer_page(window, qtbot)
    target = tmp_path / "walk.pdf"
    dialogs.save_path = str(target)
    dialogs.answer = NO
    person.click(page.output.export_button)
    assert dialogs.questions == [
        "The current draft has not been saved as a version, so nobody has signed it off."
        "\n\nThe flyer does not say everything people need to know. "
        "Missing: when, where, cost, how to book and access."
        "\n\nExport anyway? Choose No to go back to the flyer."
    ]
    assert not target.exists(), "going back writes nothing"

    person.fill(page.editor.form.inputs["cost_text"], "Free")
    person.fill(page.editor.form.inputs["venue_text"], "Harbourside Family Centre")
    dialogs.questions.clear()
    dialogs.answer = YES
    person.click(page.output.export_button)
    assert len(dialogs.questions) == 1
    assert "Missing: when, how to book and access." in dialogs.questions[0]
    assert target.exists(), "exported anyway"


def test_printing_asks_about_a_cost_cleared_from_the_example(
    window: MainWindow, person: Any, dialogs: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from organiser.ui import commands
    from organiser.ui.flyer import output

    commands.open_example(window)
    page = flyer_page(window, qtbot)
    person.fill(page.editor.form.inputs["cost_text"], "")
    qtbot.waitUntil(lambda: "Missing: cost" in page.checklist.texts()["essentials"])
    printed: list[bytes] = []
    monkeypatch.setattr(output, "print_pdf", lambda pdf, *_a, **_k: printed.append(pdf))
    dialogs.answer = NO
    person.click(page.output.print_button)
    (question,) = dialogs.questions
    assert "The flyer does not say everything people need to know. Missing: cost." in question
    assert question.endswith("Print anyway? Choose No to go back to the flyer.")
    assert printed == []
