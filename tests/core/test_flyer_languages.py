"""A flyer's language versions: added, translated field by field (empty fields print in
English), checked by a member who reads the language, changed words taking the check back,
removed and brought back; printed on their own or beside the English on one sheet."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.flyer import languages, service
from organiser.core.flyer.checklist import ADVICE, PASS, language_items
from organiser.documents import DOCUMENTS
from organiser.reports.flyer import render_flyer

TITLE = "بيلاتس للأمهات الجدد"


@pytest.fixture
def event_id(create_event: Callable[..., int]) -> int:
    return create_event("Coffee and conversation")


def test_a_version_is_added_translated_checked_and_its_check_taken_back_by_an_edit(
    store: Store, event_id: int, add_member: Any
) -> None:
    amara = add_member(event_id, name="Amara Haddad")
    languages.add_language(store, event_id=event_id, language="  arabic ")
    (found,) = languages.list_languages(store, event_id)
    assert found.language == "Arabic" and found.checked_by == ""
    assert found.untranslated == languages.TRANSLATED, "all English until translated"
    languages.update_language(
        store, event_id=event_id, language="ARABIC", values={"title": TITLE, "cost_text": "مجاناً"}
    )
    languages.check_language(store, event_id=event_id, language="Arabic", member_id=amara)
    found = languages.get_language(store, event_id, "Arabic")
    assert (found.checked_by, found.values["title"]) == ("Amara Haddad", TITLE)
    assert "title" not in found.untranslated and "strapline" in found.untranslated
    changes = languages.update_language(
        store, event_id=event_id, language="Arabic", values={"cost_text": "مجانا"}
    )
    assert changes.previous["checked_by"] == "Amara Haddad"
    assert languages.get_language(store, event_id, "Arabic").checked_by == "", "read it again"
    same = languages.update_language(
        store, event_id=event_id, language="Arabic", values={"cost_text": "مجانا"}
    )
    assert not same.touched


def test_bad_names_and_fields_are_refused_in_words(store: Store, event_id: int) -> None:
    for name, words in (
        ("", "Say which language"),
        ("English", "is the English version"),
        ("x" * 61, "at most 60 characters"),
    ):
        with pytest.raises(ValidationError, match=words):
            languages.add_language(store, event_id=event_id, language=name)
    languages.add_language(store, event_id=event_id, language="Polish")
    with pytest.raises(ValidationError, match="has a Polish version already"):
        languages.add_language(store, event_id=event_id, language="polish")
    with pytest.raises(ValidationError, match="no field booking_link"):
        languages.update_language(
            store, event_id=event_id, language="Polish", values={"booking_link": "x"}
        )
    with pytest.raises(NotFound, match="no Somali version"):
        languages.get_language(store, event_id, "Somali")


def test_a_removed_version_comes_back_with_its_words(store: Store, event_id: int) -> None:
    languages.add_language(store, event_id=event_id, language="Polish")
    languages.update_language(
        store, event_id=event_id, language="Polish", values={"title": "Poranek"}
    )
    removed = languages.remove_language(store, event_id=event_id, language="Polish")
    assert languages.list_languages(store, event_id) == []
    assert removed.snapshot is not None
    back = languages.restore_language(store, event_id=event_id, snapshot=removed.snapshot)
    assert languages.get_language(store, event_id, "Polish").values["title"] == "Poranek"
    assert back.created_id == removed.row_id, "back with its id: undo of its edits still works"


def test_an_empty_field_prints_in_english_and_the_checklist_says_so(
    store: Store, event_id: int
) -> None:
    languages.add_language(store, event_id=event_id, language="Arabic")
    languages.update_language(
        store, event_id=event_id, language="Arabic", values={"title": TITLE, "expect": "أ\nب"}
    )
    english = service.flyer_sheet(store, event_id)
    found = languages.get_language(store, event_id, "Arabic")
    sheet = languages.translated_sheet(english, found)
    assert (sheet.title, sheet.expect) == (TITLE, ("أ", "ب"))
    assert sheet.when_text == english.when_text and sheet.template == english.template
    words, checked = language_items("Arabic", found.untranslated, found.checked_by)
    assert words.state == ADVICE and words.text.startswith("Not yet in Arabic, so printed in")
    assert "strapline" in words.text and "title" not in words.text
    assert checked.state == ADVICE and "a member who reads Arabic" in checked.text
    words, checked = language_items("Arabic", (), "Amara")
    assert (words.state, checked.state) == (PASS, PASS)


def test_both_languages_print_on_one_sheet(store: Store, event_id: int) -> None:
    languages.add_language(store, event_id=event_id, language="Arabic")
    languages.update_language(store, event_id=event_id, language="Arabic", values={"title": TITLE})
    said: list[str] = []
    pdf = DOCUMENTS["flyer-two-languages"].make(store, event_id, None, warn=said.append)
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    assert "Coffee and conversation" in " ".join(page.extract_text().split())
    assert any("not been checked" in line for line in said)
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any("NotoSansArabic" in name for name in fonts)
    alone = DOCUMENTS["flyer"].make(store, event_id, None, language="arabic", warn=said.append)
    assert "Coffee and conversation" not in PdfReader(io.BytesIO(alone)).pages[0].extract_text()


def test_without_a_version_the_two_language_sheet_says_what_to_do(
    store: Store, event_id: int
) -> None:
    with pytest.raises(ValidationError, match="no language version yet"):
        DOCUMENTS["flyer-two-languages"].make(store, event_id, None)
    english = service.flyer_sheet(store, event_id)
    assert render_flyer(english, beside=english).pdf.startswith(b"%PDF")


def test_a_version_prints_its_headings_and_an_arabic_one_stands_on_the_right(
    store: Store, event_id: int
) -> None:
    service.update_flyer(
        store, event_id=event_id, values={"cost_text": "Free", "when_text": "Monday 10am"}
    )
    languages.add_language(store, event_id=event_id, language="Polish")
    languages.update_language(
        store,
        event_id=event_id,
        language="Polish",
        values={"cost_text": "Bezpłatnie", "heading_cost": "Koszt", "heading_when": "Kiedy"},
    )
    found = languages.get_language(store, event_id, "Polish")
    assert "heading_cost" not in found.untranslated and "heading_where" in found.untranslated
    words, _checked = language_items("Polish", found.untranslated, found.checked_by)
    assert "heading “where”" in words.text
    pdf = DOCUMENTS["flyer"].make(store, event_id, None, language="Polish")
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Koszt Bezpłatnie" in text and "Kiedy Monday 10am" in text
    assert "Cost" not in text and "When" not in text

    languages.add_language(store, event_id=event_id, language="Arabic")
    languages.update_language(
        store, event_id=event_id, language="Arabic", values={"heading_cost": "التكلفة"}
    )
    arabic = render_flyer(
        languages.translated_sheet(
            service.flyer_sheet(store, event_id), languages.get_language(store, event_id, "Arabic")
        ),
        mark_overflow=False,
    ).pdf
    xs: dict[str, float] = {}

    def seen(text: str, cm: Any, tm: Any, _fonts: Any, _size: Any) -> None:
        if "Free" in text:  # where on the page the words start
            xs["Free"] = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]

    PdfReader(io.BytesIO(arabic)).pages[0].extract_text(visitor_text=seen)
    assert "Free" in xs, "the English words still print"
    assert xs["Free"] < 100, "the words on the left, the Arabic heading to their right"


def test_a_long_heading_in_a_version_wraps_rather_than_squeezing_the_flyer_off_the_page(
    store: Store, event_id: int
) -> None:
    service.update_flyer(
        store,
        event_id=event_id,
        values={"when_text": "Monday 28 December, 9:45am", "access_text": "Step-free entrance"},
    )
    languages.add_language(store, event_id=event_id, language="Polish")
    long_heading = "Dostępność dla osób z niepełnosprawnościami i rodziców z wózkami"
    languages.update_language(
        store, event_id=event_id, language="Polish", values={"heading_access": long_heading}
    )
    sheet = languages.translated_sheet(
        service.flyer_sheet(store, event_id), languages.get_language(store, event_id, "Polish")
    )
    rendered = render_flyer(sheet, mark_overflow=False)
    assert rendered.overflow == ()
    text = " ".join(PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text().split())
    assert "Monday 28 December, 9:45am" in text, "the words beside it keep their room"


def test_a_heading_with_a_character_no_font_has_is_named(store: Store, event_id: int) -> None:
    service.update_flyer(store, event_id=event_id, values={"cost_text": "Free"})
    languages.add_language(store, event_id=event_id, language="Polish")
    languages.update_language(
        store, event_id=event_id, language="Polish", values={"heading_cost": "Koszt 🌼"}
    )
    sheet = languages.translated_sheet(
        service.flyer_sheet(store, event_id), languages.get_language(store, event_id, "Polish")
    )
    found = render_flyer(sheet, mark_overflow=False).unprintable
    assert [key for key, _what in found] == ["heading_cost"]
