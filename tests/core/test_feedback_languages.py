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
from organiser.core.feedback import languages
from organiser.core.feedback.form import list_questions
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
    assert version.question(fft) == (
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
