"""The Feedback tab's Form, Responses and Themes and quotes pages driven like a person: questions
added, edited, moved and taken off the form with undo; a response changed and deleted; themes
tagged and counted; quotes starred with their consent in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from organiser.core.feedback import form, responses, themes
from organiser.core.feedback.kinds import Standard
from organiser.ui.main_window import MainWindow


def open_page(window: MainWindow, key: str) -> Any:
    window.show_tab("feedback")
    window.feedback.show_section(key)
    page = window.feedback.page(key)
    assert page.isVisible()
    return page


def row_with(person: Any, view: Any, title: str, text: str) -> int:
    return person.column(view, title).index(text)


def theme_counts(person: Any, page: Any) -> dict[str, str]:
    """Each theme's count as the themes list shows it."""
    names = person.column(page.table, "Theme")
    return dict(zip(names, person.column(page.table, "Answers"), strict=True))


def test_questions_are_added_edited_moved_and_taken_off_with_undo(
    qtbot: Any, window: MainWindow, new_event: Any, person: Any, find_action: Any
) -> None:
    event_id = new_event("Pilates and wellbeing morning")
    page = open_page(window, "form")
    table = page.table
    assert len(person.column(table, "Question")) == 10
    editor = page.editor
    person.type(editor.inputs["text"], "How warm was the room?")
    person.choose(editor.inputs["kind"], "Single choice")
    person.type(editor.inputs["choices"], "Cold")
    for word in ("Fine", "Warm"):
        qtbot.keyClick(editor.inputs["choices"], Qt.Key.Key_Return)
        qtbot.keyClicks(editor.inputs["choices"], word)
    person.click(page.add_button)
    assert person.column(table, "Question")[-1] == "How warm was the room?"
    assert person.column(table, "Choices")[-1] == "Cold / Fine / Warm"
    assert person.column(table, "No.")[-1] == "11"
    find_action(window, "&Edit", "&Undo").trigger()  # taken off the form again
    assert len(person.column(table, "Question")) == 10
    find_action(window, "&Edit", "&Redo").trigger()
    assert person.column(table, "Question")[-1] == "How warm was the room?"
    person.choose_row(table, 10)

    # Edit its words: saved as typed; Ctrl+Z puts them back.
    person.fill(editor.inputs["text"], "How warm was the hall?")
    assert person.column(table, "Question")[-1] == "How warm was the hall?"
    find_action(window, "&Edit", "&Undo").trigger()
    assert person.column(table, "Question")[-1] == "How warm was the room?"

    # Move it up one place, and back with undo.
    person.click(page.up_button)
    assert person.column(table, "Question")[9] == "How warm was the room?"
    assert person.column(table, "No.")[9] == "10"
    find_action(window, "&Edit", "&Undo").trigger()
    assert person.column(table, "Question")[10] == "How warm was the room?"

    # Two people answer the overall question; it cannot become free text, and taking it off the
    # form keeps its answers, said in words.
    store = window.store
    fft = page.model.row_at(0)
    assert fft.standard == Standard.FFT.value
    for answer in ("Good", "Very good"):
        window.runner.call(
            lambda a=answer: responses.add_response(store, event_id=event_id, answers={fft.id: a})
        )
    person.choose_row(table, 0)
    assert page.mode.text() == "Question 1: 2 answers so far"
    person.choose(editor.inputs["kind"], "Free text")
    assert "already has answers, so its kind stays" in person.message(editor, "kind")
    assert person.column(table, "Answer")[0] == "Rating"
    person.click(page.remove_button)
    assert "Its 2 answers are kept" in page.status.text()
    assert fft.text not in person.column(table, "Question")
    find_action(window, "&Edit", "&Undo").trigger()
    assert person.column(table, "Question")[0] == fft.text

    # A question taken off the form can be shown and put back.
    person.choose_row(table, 0)
    person.click(page.remove_button)
    person.tick(page.show_removed)
    assert f"{fft.text} (taken off the form)" in person.column(table, "Question")
    person.choose_row(
        table, row_with(person, table, "Question", f"{fft.text} (taken off the form)")
    )
    assert page.remove_button.text() == "Put &back on the form"
    person.click(page.remove_button)
    assert person.column(table, "Question")[0] == fft.text


def test_a_response_is_changed_and_deleted_with_undo(
    qtbot: Any, demo_event: int, window: MainWindow, person: Any, find_action: Any
) -> None:
    page = open_page(window, "responses")
    person.choose_row(page.table, 0)
    assert page.heading.text().startswith("Response 1 of 20: paper form, received")
    fft = next(q.id for q in page.questions if q.standard == Standard.FFT.value)
    assert person.column(page.table, "Overall")[0] == "Very good"
    rating = page.answers.inputs[fft]
    person.focus(rating)
    qtbot.keyClick(rating, Qt.Key.Key_2)
    assert person.column(page.table, "Overall")[0] == "Good"
    assert window.runner.undo_stack.undoText() == "Edit feedback response"
    find_action(window, "&Edit", "&Undo").trigger()
    assert person.column(page.table, "Overall")[0] == "Very good"
    assert page.answers.value(fft) == "Very good"

    better = next(q.id for q in page.questions if q.standard == Standard.BETTER.value)
    person.fill(page.answers.inputs[better], "Longer, and a warmer room")
    saved = responses.list_responses(window.store, demo_event)[0]
    assert saved.answers[better] == "Longer, and a warmer room"

    person.click(page.delete_button)
    assert page.count.text() == "19 responses"
    find_action(window, "&Edit", "&Undo").trigger()
    assert page.count.text() == "20 responses"


def test_themes_are_tagged_counted_added_and_deleted(
    demo_event: int, window: MainWindow, person: Any, find_action: Any
) -> None:
    page = open_page(window, "themes")
    assert theme_counts(person, page)["Information"] == "1"
    answers = page.answers
    person.choose_row(
        answers.table,
        row_with(person, answers.table, "Answer", "The Pilates was gentle enough for my back."),
    )
    information = page.model.row_at(row_with(person, page.table, "Theme", "Information")).id
    person.tick(answers.boxes[information])
    assert theme_counts(person, page)["Information"] == "2"
    chosen = row_with(person, answers.table, "Answer", "The Pilates was gentle enough for my back.")
    assert person.column(answers.table, "Themes")[chosen] == "Information"
    find_action(window, "&Edit", "&Undo").trigger()
    assert theme_counts(person, page)["Information"] == "1"

    # Choosing a theme shows only its answers.
    person.choose_row(page.table, row_with(person, page.table, "Theme", "Social connection"))
    assert answers.theme_filter.currentText() == "Social connection"
    assert answers.shown.text() == "Showing 3 of 30 written answers"

    person.type(page.new_theme, "Exercise")
    person.click(page.add_button)
    assert "Exercise" in person.column(page.table, "Theme")
    person.choose_row(page.table, row_with(person, page.table, "Theme", "Exercise"))
    person.click(page.delete_button)
    assert "Exercise" not in person.column(page.table, "Theme")
    assert page.message.text() == "Theme “Exercise” deleted. Ctrl+Z brings it back."
    find_action(window, "&Edit", "&Undo").trigger()
    assert "Exercise" in person.column(page.table, "Theme")
    person.type(page.new_theme, "exercise")
    person.click(page.add_button)
    assert page.message.text() == "⚠ There is already a theme called “exercise”."


def test_quotes_are_starred_with_their_consent_in_words(
    demo_event: int, window: MainWindow, person: Any, find_action: Any
) -> None:
    page = open_page(window, "themes")
    answers = page.answers
    table = answers.table
    person.choose_row(table, row_with(person, table, "Answer", "Longer, please!"))
    assert answers.consent.text() == "May we quote it? Agreed with first name: Amara"
    person.choose_row(table, row_with(person, table, "Answer", "The room was a bit cold at first."))
    assert answers.consent.text() == "May we quote it? Agreed to be quoted anonymously"

    unconsented = "More time for questions."
    person.choose_row(table, row_with(person, table, "Answer", unconsented))
    assert answers.consent.text() == "May we quote it? Did not agree — never printed"
    assert not answers.star.isChecked()
    person.tick(answers.star)
    assert answers.star_note.text() == (
        "Starred, but it will not print: the person did not agree to be quoted."
    )
    row = row_with(person, table, "Answer", unconsented)
    assert person.column(table, "Star")[row] == "★ Starred"
    printed = [q.text for q in themes.quotes(window.store, demo_event, for_print=True)]
    assert unconsented not in printed

    person.tick(answers.starred_only)
    assert unconsented in person.column(table, "Answer")
    assert all(star == "★ Starred" for star in person.column(table, "Star"))
    find_action(window, "&Edit", "&Undo").trigger()
    assert unconsented not in person.column(table, "Answer")


def test_a_form_changed_while_a_paper_form_is_typed_in_keeps_the_answers_given(
    qtbot: Any, window: MainWindow, new_event: Any, person: Any
) -> None:
    event_id = new_event("Pilates and wellbeing morning")
    page = open_page(window, "entry")
    fft = page.questions[0].id
    person.focus(page.answers.inputs[fft])
    qtbot.keyClick(page.answers.inputs[fft], Qt.Key.Key_2)
    store = window.store
    values = {"text": "Was the hall warm enough?", "kind": "Single choice", "choices": "Yes\nNo"}
    window.runner.call(lambda: form.add_question(store, event_id=event_id, values=values))
    assert len(page.answers.inputs) == 11
    assert page.answers.labels[page.questions[-1].id].text() == "11. Was the hall warm enough?"
    assert page.answers.value(fft) == "Good"
    person.click(page.clear_button)


def test_the_figures_in_words_are_reachable_with_tab(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    from organiser.ui import commands

    commands.open_example(window)
    page = open_page(window, "figures")
    numbers = [
        label for label in page.findChildren(QLabel) if label.objectName().startswith("numbers_")
    ]
    assert numbers
    for label in [page.headline, *numbers]:
        assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
