"""The Summary report window driven like a person: opened from File and from the Feedback tab,
the demo event's words written from its data, edits kept and marked, undone, put back to the
data's words after asking, following the event switcher, and printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt

from organiser.core.coproduction import narrative
from organiser.ui.main_window import MainWindow
from organiser.ui.report.section_editor import EDITED, FROM_DATA
from organiser.ui.report.summary_dialog import SummaryReportDialog

MINE = "Parents shaped every part of the morning"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def demo_window(window: MainWindow, demo_event: int) -> MainWindow:
    """The window with the example event open."""
    window.reload_events()
    window.open_event(demo_event)
    return window


def open_from_menu(window: MainWindow, find_action: Any) -> SummaryReportDialog:
    action = find_action(window, "&File", "Su&mmary report")
    assert action.isEnabled()
    action.trigger()
    dialog = window.summary_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def stored(window: MainWindow, key: str) -> narrative.NarrativeSection:
    assert window.event_id is not None
    return next(s for s in narrative.narrative(window.store, window.event_id) if s.key == key)


def write(person: Any, dialog: SummaryReportDialog, key: str, text: str) -> None:
    """Put the cursor at the start of a section and type."""
    editor = dialog.sections[key].text
    person.focus(editor)
    person.qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    person.type(editor, text, replace=False)


def test_file_menu_opens_the_demo_event_written_from_its_data(
    demo_window: MainWindow, find_action: Any
) -> None:
    action = find_action(demo_window, "&File", "Su&mmary report")
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    dialog = open_from_menu(demo_window, find_action)
    assert "Move, Breathe and Connect" in dialog.windowTitle()
    assert "only where the person agreed" in dialog.intro.text()
    background = dialog.sections["background"]
    assert "Harbourside Family Centre" in background.text.toPlainText()
    assert "85% rated their experience good" in dialog.sections["outcomes"].text.toPlainText()
    assert [e.heading.text().replace("&", "") for e in dialog.sections.values()] == [
        title for _key, title in narrative.SECTIONS
    ]
    for editor in dialog.sections.values():
        assert editor.state.text() == FROM_DATA
        assert not editor.reset_button.isEnabled()


def test_no_open_event_no_summary_report(window: MainWindow, find_action: Any) -> None:
    assert window.event_id is None
    assert not find_action(window, "&File", "Su&mmary report").isEnabled()
    assert window.show_summary_report() is None


def test_the_feedback_tab_opens_the_same_window(
    demo_window: MainWindow, person: Any, find_action: Any
) -> None:
    demo_window.show_tab("feedback")
    demo_window.feedback.show_section("figures")
    person.click(demo_window.feedback.figures.summary_button)
    dialog = demo_window.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Harbourside Family Centre" in dialog.sections["background"].text.toPlainText()
    assert open_from_menu(demo_window, find_action) is dialog


def test_an_edit_saves_as_typed_and_is_kept_and_marked_after_closing(
    demo_window: MainWindow, person: Any, qtbot: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "conclusion", f"{MINE}. ")
    qtbot.waitUntil(lambda: stored(demo_window, "conclusion").edited, timeout=5000)
    assert stored(demo_window, "conclusion").text.startswith(MINE)
    assert dialog.sections["conclusion"].state.text() == EDITED
    assert dialog.status.text().startswith("Saved")
    write(person, dialog, "next_steps", "Ask early. ")
    dialog.close()  # closing keeps what was typed less than a second ago
    assert stored(demo_window, "next_steps").text.startswith("Ask early.")
    reopened = open_from_menu(demo_window, find_action)
    assert reopened is dialog
    conclusion = dialog.sections["conclusion"]
    assert conclusion.text.toPlainText().startswith(MINE)
    assert conclusion.state.text() == EDITED
    assert conclusion.reset_button.isEnabled()
    assert dialog.sections["background"].state.text() == FROM_DATA


def test_closing_the_main_window_keeps_the_words_being_typed(
    demo_window: MainWindow, person: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "background", "Typed just now. ")
    demo_window.close()
    assert stored(demo_window, "background").text.startswith("Typed just now.")
    assert not dialog.isVisible()


def test_undo_returns_the_words_from_the_data_in_one_step(
    demo_window: MainWindow, person: Any, qtbot: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    prefill = stored(demo_window, "outcomes").text
    write(person, dialog, "outcomes", "First words. ")
    qtbot.waitUntil(lambda: stored(demo_window, "outcomes").edited, timeout=5000)
    person.qtbot.keyClicks(dialog.sections["outcomes"].text, "More words. ")
    qtbot.waitUntil(lambda: "More words" in stored(demo_window, "outcomes").text, timeout=5000)
    find_action(demo_window, "&Edit", "&Undo").trigger()
    section = stored(demo_window, "outcomes")
    assert not section.edited and section.text == prefill
    outcomes = dialog.sections["outcomes"]
    assert outcomes.text.toPlainText().startswith("20 people gave feedback")
    assert outcomes.state.text() == FROM_DATA
    find_action(demo_window, "&Edit", "&Redo").trigger()
    assert outcomes.text.toPlainText().startswith("First words. More words.")
    assert outcomes.state.text() == EDITED


def test_use_the_words_from_the_data_again_asks_and_can_be_undone(
    demo_window: MainWindow, person: Any, qtbot: Any, dialogs: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "process", "Our own account. ")
    process = dialog.sections["process"]
    person.click(process.reset_button)  # asks first; the answer is No
    assert "How we worked together" in dialogs.questions[-1]
    assert stored(demo_window, "process").edited
    dialogs.answer = dialogs.answer.Yes
    person.click(process.reset_button)
    assert not stored(demo_window, "process").edited
    assert process.text.toPlainText().startswith("A working group of 4 people")
    assert process.state.text() == FROM_DATA
    assert not process.reset_button.isEnabled()
    person.click(dialog.undo_button)
    assert stored(demo_window, "process").text.startswith("Our own account.")
    assert process.text.toPlainText().startswith("Our own account.")
    assert process.state.text() == EDITED


def test_words_typed_back_to_the_data_are_the_data_again(
    demo_window: MainWindow, person: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "conclusion", "x")
    person.qtbot.keyClick(dialog.sections["conclusion"].text, Qt.Key.Key_Backspace)
    dialog.flush()
    assert not stored(demo_window, "conclusion").edited
    assert dialog.sections["conclusion"].state.text() == FROM_DATA


def test_switching_event_shows_the_other_events_sections(
    demo_window: MainWindow, person: Any, new_event: Any, find_action: Any, demo_event: int
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "background", "Kept for the demo. ")
    new_event("Coffee and chat")
    assert dialog.isVisible() and "Coffee and chat" in dialog.windowTitle()
    assert dialog.sections["background"].text.toPlainText() == "Coffee and chat has no date yet."
    assert dialog.sections["outcomes"].text.toPlainText() == "Feedback was not recorded."
    assert dialog.sections["background"].state.text() == FROM_DATA
    demo_window.open_event(demo_event)
    assert dialog.sections["background"].text.toPlainText().startswith("Kept for the demo.")
    assert dialog.sections["background"].state.text() == EDITED


def test_the_words_from_the_data_follow_the_data(
    demo_window: MainWindow, person: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    demo_window.activateWindow()
    person.qtbot.waitUntil(demo_window.isActiveWindow)
    demo_window.show_tab("planning")
    demo_window.planning.show_section("details")
    details = demo_window.planning.details
    person.fill(details.form.inputs["venue_name"], "Seafront Pavilion")
    assert "Seafront Pavilion" in dialog.sections["background"].text.toPlainText()


def test_bold_and_lists_from_the_keyboard_are_kept_as_markdown(
    demo_window: MainWindow, person: Any, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    editor = dialog.sections["conclusion"].text
    write(person, dialog, "conclusion", "Worth doing again")
    shift = Qt.KeyboardModifier.ShiftModifier
    person.qtbot.keyClick(editor, Qt.Key.Key_Home, shift)
    person.qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    person.qtbot.keyClick(editor, Qt.Key.Key_End)
    person.qtbot.keyClick(editor, Qt.Key.Key_Return)
    person.qtbot.keyClick(editor, Qt.Key.Key_8, CTRL_SHIFT)
    person.qtbot.keyClicks(editor, "Book the hall early")
    dialog.flush()
    text = stored(demo_window, "conclusion").text
    assert text.startswith("**Worth doing again**")
    assert "- Book the hall early" in text


def test_series_report_lists_the_sessions_and_checks_the_dates(
    demo_window: MainWindow, person: Any, find_action: Any
) -> None:
    find_action(demo_window, "&File", "&Duplicate as next session").trigger()
    dialog = open_from_menu(demo_window, find_action)
    person.click(dialog.series_button)
    series = dialog.series_dialog
    assert series is not None and series.isVisible()
    assert series.by_series.isChecked()
    assert series.series_list.text().startswith("2 sessions:")
    assert "(session 2)" in series.series_list.text()
    assert series.start.text() == "22/02/2027" and not series.start.isEnabled()
    person.qtbot.waitUntil(series.isActiveWindow)
    person.tick(series.by_dates)  # the space bar chooses a radio button
    assert series.end.isEnabled()
    person.type(series.end, "31/02/2027")
    assert "not a date in the calendar" in series.included.text()
    assert not series.save_button.isEnabled()
    person.type(series.end, "01/01/2027")
    assert "before its start" in series.included.text()
    person.type(series.end, "28/02/2027")
    assert series.included.text().startswith("The report covers 1 event:")
    assert "Move, Breathe and Connect" in series.included.text()


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_save_as_pdf_prints_the_edited_words(
    demo_window: MainWindow, person: Any, dialogs: Any, tmp_path: Path, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "conclusion", f"{MINE}. ")
    dialogs.save_path = str(tmp_path / "summary.pdf")
    person.click(dialog.pdf_button)  # saving keeps what was typed a moment ago first
    assert dialogs.save_suggestions[-1].endswith("summary report.pdf")
    text = " ".join(pdf_text(tmp_path / "summary.pdf").split())
    assert MINE in text
    assert "Harbourside Family Centre" in text
    assert dialog.status.text() == f"Saved the summary report to {tmp_path / 'summary.pdf'}"


def test_save_as_word_document_writes_the_edited_words(
    demo_window: MainWindow, person: Any, dialogs: Any, tmp_path: Path, find_action: Any
) -> None:
    dialog = open_from_menu(demo_window, find_action)
    write(person, dialog, "background", "Zoë asked for this morning. ")
    dialogs.save_path = str(tmp_path / "summary.docx")
    person.click(dialog.word_button)
    words = "\n".join(p.text for p in Document(str(tmp_path / "summary.docx")).paragraphs)
    assert "Zoë asked for this morning." in words


def test_series_report_saves_the_series_or_the_chosen_dates(
    demo_window: MainWindow, person: Any, dialogs: Any, tmp_path: Path, find_action: Any
) -> None:
    find_action(demo_window, "&File", "&Duplicate as next session").trigger()
    dialog = open_from_menu(demo_window, find_action)
    series = dialog.open_series()
    assert series is not None
    dialogs.save_path = str(tmp_path / "series.pdf")
    person.qtbot.waitUntil(series.isActiveWindow)
    person.click(series.save_button)
    assert "2 sessions" in pdf_text(tmp_path / "series.pdf")
    person.tick(series.by_dates)
    dialogs.save_path = str(tmp_path / "range.pdf")
    person.click(series.save_button)
    assert dialogs.save_suggestions[-1].endswith(
        "Events 2027-02-22 to 2027-02-22 - series report.pdf"
    )
    assert "1 session" in pdf_text(tmp_path / "range.pdf")
    assert series.included.text() == f"Saved to {tmp_path / 'range.pdf'}"
