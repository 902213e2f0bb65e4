"""The Feedback tab driven like a person: paper forms typed in from the keyboard and counted,
the figures and charts following them, refused forms said in words, undo, linking a booking
only with consent, and the demo event's twenty responses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from organiser.core.feedback import form, responses
from organiser.core.feedback.kinds import Standard
from organiser.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
# One paper form as keystrokes, question by question: a digit picks a choice, words are typed,
# None leaves the question blank. The new event's form: overall rating, enjoyed, better,
# services (no choices without speakers: skipped), regular sessions, heard, quote consent,
# first name, contact consent, contact.
FORM_ONE = ("1", "Time for me", None, "1", "3", "2", "Amara", "2", None)
FORM_TWO = ("2", "The coffee", "A warmer room", "2", "1", "1", None, "2", None)
FORM_THREE = ("4", None, "Too short", "3", "6", "3", None, "2", None)


def entry_page(window: MainWindow) -> Any:
    """Open Feedback ▸ Enter responses."""
    window.show_tab("feedback")
    window.feedback.show_section("entry")
    page = window.feedback.entry
    assert page.isVisible()
    return page


def question_id(window: MainWindow, key: Standard) -> int:
    assert window.event_id is not None
    found = [q.id for q in form.list_questions(window.store, window.event_id) if q.standard == key]
    return found[0]


def focused() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_form(qtbot: Any, page: Any, steps: Sequence[str | None]) -> None:
    """Type one paper form from its first question, Enter after each, Ctrl+Enter at the end."""
    first = page.answers.inputs[page.questions[0].id]
    first.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(first.hasFocus)
    for step in steps:
        if step is not None:
            qtbot.keyClicks(focused(), step)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)


def test_three_paper_forms_by_keyboard_are_counted_and_change_the_figures(
    qtbot: Any, window: MainWindow, new_event: Any
) -> None:
    event_id = new_event("Pilates and wellbeing morning")
    page = entry_page(window)
    assert page.count.text() == "Forms entered this session: 0 · 0 responses in all"
    type_form(qtbot, page, FORM_ONE)
    assert page.count.text() == "Forms entered this session: 1 · 1 response in all"
    # The next empty form is ready, the cursor on its first question.
    assert page.answers.values()[page.questions[0].id] == ""
    assert page.answers.inputs[page.questions[0].id].hasFocus()
    type_form(qtbot, page, FORM_TWO)
    assert page.count.text() == "Forms entered this session: 2 · 2 responses in all"

    fft = question_id(window, Standard.FFT)
    window.feedback.show_section("figures")
    figures = window.feedback.figures
    assert "Friends and Family Test: 100% (2 of 2)" in figures.headline.text()
    before = figures.card(fft)
    assert "Very good 1 (50%); Good 1 (50%)" in before.numbers.text()
    assert b"1 (50%)" in before.svg
    old_svg = before.svg

    window.feedback.show_section("entry")
    type_form(qtbot, page, FORM_THREE)
    assert page.count.text() == "Forms entered this session: 3 · 3 responses in all"
    window.feedback.show_section("figures")
    assert "Friends and Family Test: 67% (2 of 3)" in figures.headline.text()
    assert "Would come to regular sessions: 33% (1 of 3) yes, 1 maybe" in figures.headline.text()
    after = figures.card(fft)
    assert "3 people answered" in after.numbers.text()
    assert "Poor 1 (33%)" in after.numbers.text()
    assert after.svg != old_svg and b"1 (33%)" in after.svg
    assert after.chart.renderer().isValid()

    saved = responses.list_responses(window.store, event_id)
    enjoyed = question_id(window, Standard.ENJOYED)
    first_name = question_id(window, Standard.FIRST_NAME)
    assert [r.answers.get(enjoyed) for r in saved] == ["Time for me", "The coffee", None]
    assert saved[0].answers[first_name] == "Amara"


def test_an_empty_form_and_a_bad_answer_are_refused_in_words(
    qtbot: Any, window: MainWindow, new_event: Any
) -> None:
    event_id = new_event("Pilates and wellbeing morning")
    page = entry_page(window)
    type_form(qtbot, page, ())
    assert page.message.isVisible()
    assert page.message.text() == "⚠ Not saved: This form has no answers: nothing to save."
    assert page.count.text() == "Forms entered this session: 0 · 0 responses in all"

    # The scale changed under this open form (an older copy of the app, say): the answer is
    # refused beside its question. The app itself keeps this scale fixed.
    from organiser.core.feedback.models import FeedbackQuestion

    fft = question_id(window, Standard.FFT)
    with window.store.begin() as s:
        s.get(FeedbackQuestion, fft).choices = "Good\nPoor"
    type_form(qtbot, page, ("1",))
    beside = page.answers.messages[fft]
    assert beside.isVisible()
    assert "“Very good” is not one of the answers (Good / Poor)" in beside.text()
    assert page.message.text() == "⚠ Not saved: question 1 needs a look."
    assert responses.list_responses(window.store, event_id) == []
    assert page.answers.values()[fft] == "Very good"  # kept on screen, to be corrected


def test_a_saved_form_is_undone_and_redone(
    qtbot: Any, window: MainWindow, new_event: Any, find_action: Any
) -> None:
    event_id = new_event("Pilates and wellbeing morning")
    page = entry_page(window)
    type_form(qtbot, page, FORM_ONE)
    assert window.runner.undo_stack.undoText() == "Enter a feedback form"
    find_action(window, "&Edit", "&Undo").trigger()
    assert responses.list_responses(window.store, event_id) == []
    assert page.count.text() == "Forms entered this session: 0 · 0 responses in all"
    find_action(window, "&Edit", "&Redo").trigger()
    assert len(responses.list_responses(window.store, event_id)) == 1
    assert page.count.text() == "Forms entered this session: 1 · 1 response in all"


def test_a_response_links_to_a_booking_only_when_contact_was_agreed(
    qtbot: Any, window: MainWindow, new_event: Any, add_booking: Any, person: Any
) -> None:
    event_id = new_event("Pilates and wellbeing morning")
    booking_id = add_booking(event_id, name="Siobhán Kelly")
    page = entry_page(window)
    assert not page.booking.isEnabled()
    assert "Only when they agreed to be contacted" in page.booking_note.text()
    consent = page.answers.inputs[question_id(window, Standard.CONTACT_CONSENT)]
    person.focus(consent)
    qtbot.keyClick(consent, Qt.Key.Key_1)  # Yes
    assert page.booking.isEnabled()
    person.choose(page.booking, "Siobhán Kelly")
    qtbot.keyClick(consent, Qt.Key.Key_2)  # changed their mind: No
    assert not page.booking.isEnabled()
    assert page.booking.currentText() == "Not linked"
    qtbot.keyClick(consent, Qt.Key.Key_1)
    person.choose(page.booking, "Siobhán Kelly")
    qtbot.keyClick(page.booking, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter from the list saves too
    saved = responses.list_responses(window.store, event_id)
    assert [r.booking_id for r in saved] == [booking_id]
    assert page.booking.currentText() == "Not linked" and not page.booking.isEnabled()

    window.feedback.show_section("responses")
    table = window.feedback.responses.table
    assert table.model().index(0, 5).data() == "Paper form (linked to a booking)"


def test_closing_with_a_half_typed_form_asks_first(
    qtbot: Any, window: MainWindow, new_event: Any, dialogs: Any, person: Any
) -> None:
    new_event("Pilates and wellbeing morning")
    page = entry_page(window)
    fft = page.answers.inputs[question_id(window, Standard.FFT)]
    person.focus(fft)
    qtbot.keyClick(fft, Qt.Key.Key_2)
    window.close()
    assert dialogs.questions and "A feedback form is half typed in" in dialogs.questions[0]
    assert window.isVisible()
    person.click(page.clear_button)
    assert not page.answers.has_typing()


def test_the_demo_event_shows_twenty_responses_and_its_score(
    demo_event: int, window: MainWindow
) -> None:
    assert window.event_id == demo_event
    window.show_tab("feedback")
    window.feedback.show_section("responses")
    page = window.feedback.responses
    assert page.count.text() == "20 responses"
    assert page.table.model().rowCount() == 20
    window.feedback.show_section("figures")
    headline = window.feedback.figures.headline.text()
    assert "Responses: 20" in headline
    assert "Friends and Family Test: 85% (17 of 20) rated it good or very good" in headline
    assert "Stretch Together (7)" in window.feedback.figures.services.text()


def test_the_paper_form_and_the_summary_are_printed_from_their_pages(
    demo_event: int, window: MainWindow, dialogs: Any, person: Any, tmp_path: Any
) -> None:
    window.show_tab("feedback")
    for key, name in (("form", "form.pdf"), ("figures", "summary.pdf")):
        window.feedback.show_section(key)
        dialogs.save_path = str(tmp_path / name)
        person.click(window.feedback.page(key).print_button)
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert dialogs.save_suggestions[0].endswith("feedback form.pdf")
    assert dialogs.save_suggestions[1].endswith("feedback summary.pdf")
