"""Two people editing the same flyer draft, creche settings or feedback question: merged field
by field, or a clash showing both values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from organiser.core.creche import service as creche
from organiser.core.db import Store
from organiser.core.errors import EditConflict
from organiser.core.feedback import form
from organiser.core.feedback.kinds import Kind
from organiser.core.flyer import service as flyers


@pytest.fixture
def event_id(create_event: Callable[..., int]) -> int:
    return create_event()


# Flyer draft.


def test_flyer_saves_raise_the_version(store: Store, event_id: int) -> None:
    version = flyers.flyer_version(store, event_id)
    changes = flyers.update_flyer(store, event_id=event_id, values={"strapline": "Tea"})
    assert changes.row_version == version + 1
    assert changes.current == {"strapline": "Tea"}
    assert flyers.flyer_version(store, event_id) == version + 1


def test_flyer_another_field_is_kept_and_the_same_field_clashes(
    store: Store, other: Store, event_id: int
) -> None:
    shown = flyers.get_flyer(store, event_id).values
    version = flyers.flyer_version(store, event_id)
    flyers.update_flyer(other, event_id=event_id, values={"title": "Theirs"})
    flyers.update_flyer(
        store,
        event_id=event_id,
        values={"strapline": "Mine"},
        base={"strapline": shown["strapline"]},
        expected_version=version,
    )
    values = flyers.get_flyer(store, event_id).values
    assert (values["title"], values["strapline"]) == ("Theirs", "Mine")

    with pytest.raises(EditConflict, match="Someone else changed this flyer draft") as caught:
        flyers.update_flyer(
            store,
            event_id=event_id,
            values={"title": "Mine"},
            base={"title": shown["title"]},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.key, clash.mine, clash.theirs) == ("title", "Mine", "Theirs")
    assert flyers.get_flyer(store, event_id).values["title"] == "Theirs"
    # Saving again over the version that clashed (the choice made) cannot clash again.
    flyers.update_flyer(
        store,
        event_id=event_id,
        values={"title": "Mine"},
        base={"title": "Theirs"},
        expected_version=caught.value.version,
    )
    assert flyers.get_flyer(store, event_id).values["title"] == "Mine"


# Creche settings.


def test_creche_another_setting_is_kept_and_the_same_one_clashes(
    store: Store, other: Store, event_id: int
) -> None:
    version = creche.creche_version(store, event_id)
    changes = creche.update_creche(other, event_id=event_id, values={"places": 12})
    assert changes.row_version == version + 1
    assert changes.current == {"places": 12}
    creche.update_creche(
        store,
        event_id=event_id,
        values={"start": dt.time(10, 0)},
        base={"start": None},
        expected_version=version,
    )
    settings = creche.get_creche(store, event_id)
    assert (settings.places, settings.start) == (12, dt.time(10, 0))

    with pytest.raises(EditConflict) as caught:
        creche.update_creche(
            store,
            event_id=event_id,
            values={"places": 8},
            base={"places": None},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.key, clash.mine, clash.theirs) == ("places", 8, 12)
    assert creche.get_creche(store, event_id).places == 12


def test_creche_same_value_typed_by_both_is_no_clash(
    store: Store, other: Store, event_id: int
) -> None:
    version = creche.creche_version(store, event_id)
    creche.update_creche(other, event_id=event_id, values={"places": 12})
    creche.update_creche(
        store,
        event_id=event_id,
        values={"places": 12},
        base={"places": None},
        expected_version=version,
    )
    assert creche.get_creche(store, event_id).places == 12


# Feedback questions.


@pytest.fixture
def question(store: Store, event_id: int) -> tuple[int, int]:
    values = {"text": "How warm was the room?", "kind": Kind.SINGLE.value, "choices": "Cold\nWarm"}
    question_id = form.add_question(store, event_id=event_id, values=values).created_id
    assert question_id is not None
    return question_id, form.question_version(store, question_id)


def stored_question(store: Store, event_id: int, question_id: int) -> form.Question:
    return next(q for q in form.list_questions(store, event_id) if q.id == question_id)


def test_question_another_field_is_kept_and_the_same_field_clashes(
    store: Store, other: Store, event_id: int, question: tuple[int, int]
) -> None:
    question_id, version = question
    form.update_question(other, question_id=question_id, values={"choices": "Cold\nFine\nWarm"})
    changes = form.update_question(
        store,
        question_id=question_id,
        values={"text": "How warm was the hall?"},
        base={"text": "How warm was the room?"},
        expected_version=version,
    )
    assert changes.current == {"text": "How warm was the hall?"}
    stored = stored_question(store, event_id, question_id)
    assert (stored.text, stored.choices) == ("How warm was the hall?", ("Cold", "Fine", "Warm"))

    with pytest.raises(EditConflict, match="Someone else changed this question") as caught:
        form.update_question(
            store,
            question_id=question_id,
            values={"choices": "Cold\nHot"},
            base={"choices": "Cold\nWarm"},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.mine, clash.theirs) == ("Cold\nHot", "Cold\nFine\nWarm")
    assert stored_question(store, event_id, question_id).choices == ("Cold", "Fine", "Warm")
