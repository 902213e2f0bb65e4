"""The paper feedback form's language versions: named like the flyer's, words and questions
stored per version, choices kept in the English order, the check taken back by a change, the
form printed from them with English where a word is missing, and every version brought back
by undo after its event is deleted (and, with it, the flyer's)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Table

import organiser.core.models  # noqa: F401  (every table on Base.metadata)
from organiser.core.base import Base
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.errors import ValidationError
from organiser.core.events import service as events
from organiser.core.feedback import languages, responses
from organiser.core.feedback.form import (
    add_question,
    list_questions,
    remove_question,
    update_question,
)
from organiser.core.feedback.kinds import Standard
from organiser.core.feedback.printing import paper_form_sheet
from organiser.core.flyer.languages import list_languages
from organiser.core.records import Dependants
from organiser.core.relations import EVENT_DEPENDANTS


@pytest.fixture
def event_id(create_event: Callable[..., int]) -> int:
    return create_event(title="Move, breathe and connect")


def _question(store: Store, event_id: int, standard: Standard) -> int:
    return next(q.id for q in list_questions(store, event_id) if q.standard == standard.value)


def test_a_version_is_named_once_and_never_english(store: Store, event_id: int) -> None:
    added = languages.add_form_language(store, event_id=event_id, language="  polish ")
    assert languages.list_form_languages(store, event_id)[0].language == "Polish"
    assert added.created_id is not None
    with pytest.raises(ValidationError, match="has a POLISH version already"):
        languages.add_form_language(store, event_id=event_id, language="POLISH")
    with pytest.raises(ValidationError, match="is the English version"):
        languages.add_form_language(store, event_id=event_id, language="English")


def test_words_and_questions_are_stored_and_a_change_takes_back_the_check(
    store: Store, event_id: int, add_member: Callable[..., int]
) -> None:
    reader = add_member(event_id, name="Łucja Nowak")
    language_id = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert language_id.created_id is not None
    fft = _question(store, event_id, Standard.FFT)
    values = {
        "heading": "Formularz opinii",
        languages.text_key(fft): "Ogólnie, jak oceniasz?",
        languages.choices_key(
            fft
        ): "Bardzo dobrze\nDobrze\nAni dobrze, ani źle\nŹle\nBardzo źle\nNie wiem",
    }
    changes = languages.update_form_language(
        store, language_id=language_id.created_id, values=values
    )
    assert changes.previous == {key: "" for key in values}, "undo puts the empty words back"
    languages.check_form_language(store, language_id=language_id.created_id, member_id=reader)
    version = languages.get_form_language(store, event_id, "polish")
    assert version.checked_by == "Łucja Nowak"
    english = next(q for q in list_questions(store, event_id) if q.id == fft).choices
    assert version.question(fft, english) == (
        "Ogólnie, jak oceniasz?",
        tuple(values[languages.choices_key(fft)].splitlines()),
    )
    languages.update_form_language(
        store, language_id=language_id.created_id, values={"closing": "Dziękujemy."}
    )
    assert languages.get_form_language(store, event_id, "Polish").checked_by == ""


def test_choices_must_match_the_english_one_for_one(store: Store, event_id: int) -> None:
    added = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert added.created_id is not None
    regular = _question(store, event_id, Standard.REGULAR)
    with pytest.raises(ValidationError, match="has 3 choices in English; give 3"):
        languages.update_form_language(
            store,
            language_id=added.created_id,
            values={languages.choices_key(regular): "Tak\nNie"},
        )
    with pytest.raises(ValidationError, match="has no field"):
        languages.update_form_language(
            store, language_id=added.created_id, values={"text:999999": "Nic"}
        )


def test_the_form_prints_the_version_with_english_where_a_word_is_missing(
    store: Store, event_id: int
) -> None:
    added = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert added.created_id is not None
    regular = _question(store, event_id, Standard.REGULAR)
    languages.update_form_language(
        store,
        language_id=added.created_id,
        values={
            "heading": "Formularz opinii",
            "tick_one": "Zaznacz jedną odpowiedź.",
            languages.text_key(regular): "Czy przyjdziesz znowu?",
            languages.choices_key(regular): "Tak\nMoże\nNie",
        },
    )
    form = paper_form_sheet(store, event_id, language="Polish")
    english = paper_form_sheet(store, event_id)
    asked = {q.text: q for q in form.questions}
    assert asked["Czy przyjdziesz znowu?"].choices == ("Tak", "Może", "Nie")
    assert asked["Czy przyjdziesz znowu?"].hint == "Zaznacz jedną odpowiedź."
    assert form.heading == "Formularz opinii" and english.heading == "Feedback form"
    assert form.intro == english.intro, "an empty word prints in English"
    assert "introduction" in form.in_english and "question 1" in form.in_english
    number = next(q.number for q in form.questions if q.text == "Czy przyjdziesz znowu?")
    assert f"question {number}" not in form.in_english
    assert [q.number for q in form.questions] == [q.number for q in english.questions]
    assert form.language == "Polish" and form.checked_by == ""


def test_undo_of_deleting_an_event_brings_back_its_language_versions(store: Store) -> None:
    event_id = add_demo_event(store)
    before = languages.list_form_languages(store, event_id)
    flyers = [v.language for v in list_languages(store, event_id)]
    assert [v.language for v in before] == ["Polish"] and flyers == ["Arabic", "Polish"]
    deleted = events.delete_event(store, event_id=event_id)
    events.restore_event(store, snapshot=deleted.snapshot)
    after = languages.list_form_languages(store, event_id)
    assert [(v.language, v.values, v.checked_by) for v in after] == [
        (v.language, v.values, v.checked_by) for v in before
    ]
    assert [v.language for v in list_languages(store, event_id)] == flyers


def _covered(dependants: Dependants) -> set[str]:
    names: set[str] = set()
    for model, _column, own in dependants.children:
        names.add(model.__tablename__)
        names |= _covered(own)
    names |= {table.name for table, _column in dependants.tables}
    return names


def test_every_table_deleted_with_an_event_comes_back_with_its_undo() -> None:
    # A table whose rows go with an event (a CASCADE chain to it) but that undo forgets would
    # lose those rows for good on Edit ▸ Undo: the flyer's language versions once did.
    tables: dict[str, Table] = dict(Base.metadata.tables)
    deleted_with = {"event"}
    grew = True
    while grew:
        grew = False
        for name, table in tables.items():
            if name in deleted_with:
                continue
            if any(
                fk.ondelete == "CASCADE" and fk.column.table.name in deleted_with
                for fk in table.foreign_keys
            ):
                deleted_with.add(name)
                grew = True
    deleted_with.discard("event")
    # Where this database holds an event taken offline: a record of the copy, not its content.
    deleted_with -= {"offline_copy", "offline_row"}
    assert deleted_with - _covered(EVENT_DEPENDANTS) == set()


def _polish_with_regular(store: Store, event_id: int) -> tuple[int, int]:
    added = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert added.created_id is not None
    regular = _question(store, event_id, Standard.REGULAR)
    languages.update_form_language(
        store,
        language_id=added.created_id,
        values={
            languages.text_key(regular): "Czy przyjdziesz znowu?",
            languages.choices_key(regular): "Tak\nMoże\nNie",
        },
    )
    return added.created_id, regular


def test_english_choices_reordered_after_translating_print_in_english_not_misplaced(
    store: Store, event_id: int
) -> None:
    added = add_question(
        store,
        event_id=event_id,
        values={
            "text": "Will you come back?",
            "kind": "Single choice",
            "choices": "Yes\nMaybe\nNo",
        },
    )
    assert added.created_id is not None
    regular = added.created_id
    language = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert language.created_id is not None
    language_id = language.created_id
    languages.update_form_language(
        store,
        language_id=language_id,
        values={
            languages.text_key(regular): "Czy przyjdziesz znowu?",
            languages.choices_key(regular): "Tak\nMoże\nNie",
        },
    )
    first = paper_form_sheet(store, event_id, language="Polish")
    assert next(q for q in first.questions if q.text == "Czy przyjdziesz znowu?").choices == (
        "Tak",
        "Może",
        "Nie",
    )
    update_question(store, question_id=regular, values={"choices": "No\nMaybe\nYes"})
    form = paper_form_sheet(store, event_id, language="Polish")
    asked = next(q for q in form.questions if q.text == "Czy przyjdziesz znowu?")
    assert asked.choices == ("No", "Maybe", "Yes"), "a tick must not land on another choice"
    assert f"question {asked.number}'s choices" in form.in_english
    version = languages.get_form_language(store, event_id, "Polish")
    assert version.choices_changed(regular, ("No", "Maybe", "Yes"))
    languages.update_form_language(
        store,
        language_id=language_id,
        values={languages.choices_key(regular): "Nie\nMoże\nTak"},
    )
    again = paper_form_sheet(store, event_id, language="Polish").questions[asked.number - 1]
    assert again.choices == ("Nie", "Może", "Tak")


def test_the_services_names_are_never_translated_nor_said_to_be_english(
    store: Store, event_id: int
) -> None:
    language_id, _regular = _polish_with_regular(store, event_id)
    services = _question(store, event_id, Standard.SERVICES)
    update_question(store, question_id=services, values={"choices": "Stretch Together"})
    with pytest.raises(ValidationError, match="has no choices to translate"):
        languages.update_form_language(
            store, language_id=language_id, values={languages.choices_key(services): "Rozciąganie"}
        )
    form = paper_form_sheet(store, event_id, language="Polish")
    number = next(q.number for q in form.questions if q.choices == ("Stretch Together",))
    assert f"question {number}'s choices" not in form.in_english


def test_a_changed_date_prints_in_english_until_its_translation_is_typed_again(
    store: Store, event_id: int
) -> None:
    language_id, _regular = _polish_with_regular(store, event_id)
    events.update_event(store, event_id=event_id, values={"venue_name": "Harbourside"})
    languages.update_form_language(
        store, language_id=language_id, values={"when_text": "Harbourside (po polsku)"}
    )
    assert paper_form_sheet(store, event_id, language="Polish").when == "Harbourside (po polsku)"
    events.update_event(store, event_id=event_id, values={"venue_name": "The Old Library"})
    form = paper_form_sheet(store, event_id, language="Polish")
    assert form.when == "The Old Library"
    assert "date and place (changed since it was translated)" in form.in_english


def test_a_removed_version_comes_back_with_its_id_and_words_of_a_question_taken_off(
    store: Store, event_id: int, add_member: Callable[..., int]
) -> None:
    language_id, regular = _polish_with_regular(store, event_id)
    reader = add_member(event_id, name="Łucja Nowak")
    languages.check_form_language(store, language_id=language_id, member_id=reader)
    responses.add_response(store, event_id=event_id, answers={regular: "Yes"})
    remove_question(store, question_id=regular)  # answered, so taken off the form: archived
    before = languages.get_form_language(store, event_id, "Polish")
    assert before.values[languages.text_key(regular)] == "Czy przyjdziesz znowu?"
    removed = languages.remove_form_language(store, language_id=language_id)
    assert removed.snapshot is not None
    back = languages.restore_form_language(store, snapshot=removed.snapshot)
    assert back.created_id == language_id, "its id kept: undoing its earlier edits still works"
    after = languages.get_form_language(store, event_id, "Polish")
    assert after.values == before.values and after.checked_by == "Łucja Nowak"
