"""The Flyer tab's Languages page driven like a person: the example's Arabic and Polish
versions, words typed under their English and saved, the checklist saying what is still in
English and who checked it, a member marking it checked, adding and removing a language (with
undo), and exporting it alone or beside the English."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from organiser.core.events.service import get_event
from organiser.core.flyer import languages
from organiser.ui import commands
from organiser.ui.flyer.languages import LanguagesPage
from organiser.ui.main_window import MainWindow

STRAPLINE = "صباح هادئ للحركة"


@pytest.fixture
def page(window: MainWindow, qtbot: Any) -> LanguagesPage:
    """The example event's Languages page, with its first preview drawn."""
    commands.open_example(window)
    window.show_tab("flyer")
    window.flyer.show_section("languages")
    shown: LanguagesPage = window.flyer.languages
    qtbot.waitUntil(lambda: shown.preview.renders >= 1, timeout=5000)
    return shown


def stored(window: MainWindow, language: str) -> languages.LanguageVersion:
    assert window.event_id is not None
    return languages.get_language(window.store, window.event_id, language)


def test_the_example_shows_its_versions_with_the_english_beside_each_field(
    window: MainWindow, page: LanguagesPage, qtbot: Any
) -> None:
    assert [page.choice.itemText(i) for i in range(page.choice.count())] == ["Arabic", "Polish"]
    assert page.choice.currentText() == "Arabic"
    assert page.english_labels["title"].text().startswith("English: Move, Breathe and Connect")
    when = page.form.inputs["when_text"]
    assert window.event_id is not None
    day = get_event(window.store, window.event_id).date  # three weeks from today
    assert day is not None
    english = f"{day:%A} {day.day} {day:%B %Y}"
    assert when.text() == "" and when.placeholderText().startswith(english), "English in grey"
    texts = page.checklist.texts()
    assert texts["translated"].startswith(
        "! Advice: Not yet in Arabic, so printed in English: date"
    )
    assert "a member who reads Arabic" in texts["checked"]
    assert page.check_state.text().startswith("Not checked yet")
    page.choice.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Polish" in page.checklist.texts().get("checked", ""), timeout=3000)
    assert page.checklist.texts()["checked"] == "✓ Passes: The Polish was checked by Łucja Nowak"


def test_typing_saves_the_translation_and_takes_back_the_check(
    window: MainWindow, page: LanguagesPage, person: Any, qtbot: Any
) -> None:
    page.choice.setCurrentIndex(1)  # Polish, checked by Łucja
    person.fill(page.form.inputs["cost_text"], "Za darmo")
    qtbot.waitUntil(lambda: stored(window, "Polish").values["cost_text"] == "Za darmo")
    assert stored(window, "Polish").checked_by == "", "changed words are read again"
    qtbot.waitUntil(lambda: page.check_state.text().startswith("Not checked yet"), timeout=3000)
    window.runner.undo_stack.undo()
    assert stored(window, "Polish").values["cost_text"] == "Bezpłatnie"
    page.checker.setCurrentIndex(page.checker.findText("Łucja Nowak"))
    person.click(page.check_button)
    assert stored(window, "Polish").checked_by == "Łucja Nowak"
    qtbot.waitUntil(lambda: page.check_state.text().startswith("Checked by Łucja"), timeout=3000)


def test_arabic_typed_in_a_field_reaches_the_database_and_the_preview(
    window: MainWindow, page: LanguagesPage, person: Any, qtbot: Any
) -> None:
    before = page.preview.renders
    person.fill(page.form.inputs["strapline"], STRAPLINE)
    qtbot.waitUntil(lambda: stored(window, "Arabic").values["strapline"] == STRAPLINE)
    qtbot.waitUntil(lambda: page.preview.renders > before, timeout=3000)


def test_a_language_is_added_and_removed_with_undo(
    window: MainWindow, page: LanguagesPage, dialogs: Any, person: Any
) -> None:
    dialogs.item = ("Urdu", True)
    person.click(page.add_button)
    assert page.choice.currentText() == "Urdu"
    assert stored(window, "Urdu").untranslated == languages.TRANSLATED
    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(page.remove_button)
    assert dialogs.questions[-1].startswith("Remove the Urdu version of the flyer")
    assert [page.choice.itemText(i) for i in range(page.choice.count())] == ["Arabic", "Polish"]
    stack = window.runner.undo_stack
    stack.undo()
    assert stored(window, "Urdu").language == "Urdu"
    stack.redo()  # removed again, then brought back, then the adding undone and redone
    assert [page.choice.itemText(i) for i in range(page.choice.count())] == ["Arabic", "Polish"]
    stack.undo()
    stack.undo()
    assert window.event_id is not None
    assert [v.language for v in languages.list_languages(window.store, window.event_id)] == [
        "Arabic",
        "Polish",
    ]
    stack.redo()
    assert stored(window, "Urdu").language == "Urdu"


def test_each_version_exports_alone_and_beside_the_english(
    window: MainWindow, page: LanguagesPage, dialogs: Any, person: Any, tmp_path: Path
) -> None:
    dialogs.answer = QMessageBox.StandardButton.Yes  # the Arabic poster's unchecked words
    dialogs.save_path = str(tmp_path / "arabic.pdf")
    person.click(page.export_button)
    alone = PdfReader(io.BytesIO(Path(dialogs.save_path).read_bytes())).pages[0]
    assert round(float(alone.mediabox.width)) == 595
    dialogs.save_path = str(tmp_path / "both.pdf")
    person.click(page.both_button)
    both = PdfReader(io.BytesIO(Path(dialogs.save_path).read_bytes())).pages[0]
    assert round(float(both.mediabox.width)) == 842
    assert "Move, Breathe and Connect" in " ".join(both.extract_text().split())
    assert dialogs.save_suggestions[-1].endswith(" - Arabic.pdf")
