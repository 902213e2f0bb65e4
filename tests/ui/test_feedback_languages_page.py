"""The Feedback tab's Languages page and a translated paper typed back in, driven like a
person: the example's Polish form checked by Łucja, a question's words typed under its English
and saved (taking back the check), choices that do not match the English refused, a language
added and removed with undo, the PDF saved; and on Enter responses, a Polish paper's ticks
stored as the English choices in the same questions."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from organiser.core.feedback import languages, responses
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard
from organiser.ui import commands
from organiser.ui.feedback.entry import EntryPage
from organiser.ui.feedback.languages_page import LanguagesPage
from organiser.ui.main_window import MainWindow


@pytest.fixture
def page(window: MainWindow) -> LanguagesPage:
    """The example event's Feedback ▸ Languages page."""
    commands.open_example(window)
    window.show_tab("feedback")
    window.feedback.show_section("languages")
    shown: LanguagesPage = window.feedback.languages
    return shown


def polish(window: MainWindow) -> languages.FormLanguage:
    assert window.event_id is not None
    return languages.get_form_language(window.store, window.event_id, "Polish")


def question_id(window: MainWindow, standard: Standard) -> int:
    assert window.event_id is not None
    return next(
        q.id for q in list_questions(window.store, window.event_id) if q.standard == standard.value
    )


def test_the_example_shows_its_polish_form_under_the_english(
    window: MainWindow, page: LanguagesPage
) -> None:
    assert [page.choice.itemText(i) for i in range(page.choice.count())] == ["Polish"]
    assert page.form is not None
    fft = languages.text_key(question_id(window, Standard.FFT))
    assert page.english_labels[fft].text() == (
        "English: Overall, how was your experience of our service?"
    )
    assert page.form.inputs[fft].text().startswith("Ogólnie, jak oceniasz")
    assert page.form.inputs["heading"].placeholderText() == "Feedback form"
    assert page.check_state.text().startswith("Checked by Łucja Nowak")


def test_typing_a_question_saves_it_and_takes_back_the_check(
    window: MainWindow, page: LanguagesPage, person: Any, qtbot: Any
) -> None:
    assert page.form is not None
    better = languages.text_key(question_id(window, Standard.BETTER))
    person.fill(page.form.inputs[better], "Co możemy zrobić lepiej?")
    qtbot.waitUntil(lambda: polish(window).values[better] == "Co możemy zrobić lepiej?")
    assert polish(window).checked_by == "", "changed words are read again"
    qtbot.waitUntil(lambda: page.check_state.text().startswith("Not checked yet"), timeout=3000)
    window.runner.undo_stack.undo()
    assert polish(window).values[better] == "Co mogło być lepsze?"
    page.checker.setCurrentIndex(page.checker.findText("Łucja Nowak"))
    person.click(page.check_button)
    assert polish(window).checked_by == "Łucja Nowak"


def test_choices_that_do_not_match_the_english_are_refused_in_words(
    window: MainWindow, page: LanguagesPage, person: Any, qtbot: Any
) -> None:
    assert page.form is not None
    regular = languages.choices_key(question_id(window, Standard.REGULAR))
    person.focus(page.form.inputs[regular])
    page.form.inputs[regular].setPlainText("Tak\nNie")  # two lines, as typed with Enter
    person.tab(page.form.inputs[regular])
    qtbot.waitUntil(lambda: "has 3 choices in English" in " ".join(page.form.problems()))
    assert polish(window).values[regular] == "Tak\nMoże\nNie", "the stored choices stay"


def test_a_language_is_added_and_removed_with_undo(
    window: MainWindow, page: LanguagesPage, dialogs: Any, person: Any
) -> None:
    dialogs.item = ("Urdu", True)
    person.click(page.add_button)
    assert page.choice.currentText() == "Urdu"
    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(page.remove_button)
    assert dialogs.questions[-1].startswith("Remove the Urdu version of the feedback form")
    assert [page.choice.itemText(i) for i in range(page.choice.count())] == ["Polish"]
    assert window.event_id is not None

    def names() -> list[str]:
        assert window.event_id is not None
        return [v.language for v in languages.list_form_languages(window.store, window.event_id)]

    stack = window.runner.undo_stack
    stack.undo()
    assert names() == ["Polish", "Urdu"]
    stack.redo()  # removed again
    assert names() == ["Polish"]
    stack.undo()
    stack.undo()  # the adding undone
    assert names() == ["Polish"]
    stack.redo()
    assert names() == ["Polish", "Urdu"]
    assert stack.canUndo() and stack.canRedo(), "the history is whole"


def test_the_polish_form_is_saved_as_a_pdf_in_polish(
    page: LanguagesPage, dialogs: Any, person: Any, tmp_path: Path
) -> None:
    dialogs.save_path = str(tmp_path / "polish.pdf")
    person.click(page.export_button)
    pdf = PdfReader(io.BytesIO(Path(dialogs.save_path).read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Formularz opinii" in text and "Ani dobrze, ani źle" in text
    assert "Feedback form" not in text and "Tick one." not in text
    assert "Page 1 of" not in text and "1 / 2" in text, "pages numbered without English"
    assert pdf.trailer["/Root"]["/Lang"] == "pl", "a screen reader reads it in Polish"
    assert dialogs.save_suggestions[-1].endswith("Feedback form - Polish.pdf")


def test_the_polish_sign_in_sheet_is_saved_beside_the_english(
    page: LanguagesPage, dialogs: Any, person: Any, tmp_path: Path
) -> None:
    assert page.form is not None
    assert page.form.inputs["column_name"].text() == "Imię"
    dialogs.save_path = str(tmp_path / "sign-in.pdf")
    person.click(page.sign_in_button)
    pdf = PdfReader(io.BytesIO(Path(dialogs.save_path).read_bytes()))
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Lista obecności · Sign-in sheet" in text and "Dorośli Adults" in text
    assert dialogs.save_suggestions[-1].endswith("Sign-in sheet - Polish.pdf")


def test_a_polish_paper_is_typed_in_and_lands_in_the_same_questions(
    window: MainWindow, page: LanguagesPage, qtbot: Any
) -> None:
    window.feedback.show_section("entry")
    entry: EntryPage = window.feedback.entry
    assert entry.paper.isVisible()
    entry.paper.setCurrentIndex(entry.paper.findText("Polish"))
    fft = question_id(window, Standard.FFT)
    label = entry.answers.labels[fft].text()
    assert label.startswith("1. Ogólnie, jak oceniasz") and label.endswith("of our service?")
    first_choice = entry.answers.inputs[fft].group.button(0).text()
    assert first_choice == "1 Bardzo dobrze · Very good"
    entry.answers.focus_first()
    qtbot.keyClick(entry.answers.inputs[fft], Qt.Key.Key_2)  # "Dobrze", as ticked on paper
    entry.save_form()
    assert window.event_id is not None
    latest = max(responses.list_responses(window.store, window.event_id), key=lambda r: r.id)
    assert latest.answers[fft] == "Good"
    assert latest.source == "Paper form (Polish)"
