"""How each feedback change is reversed: questions, responses, themes, tags and stars."""

from __future__ import annotations

import dataclasses

from organiser.core.changes import Changes
from organiser.core.db import Store
from organiser.core.feedback import form, responses, themes
from organiser.ui.ops import Call, Inverse
from organiser.ui.undo import record_inverse


def question_inverse(store: Store) -> Inverse:
    """A new question is taken off the form (archived); an edit or removal puts the old back."""
    return record_inverse(
        restore=_never,
        delete=lambda question_id: form.remove_question(store, question_id=question_id),
        update=lambda question_id, values: form.update_question(
            store, question_id=question_id, values=values
        ),
        checked=lambda question_id, values, base, version: form.update_question(
            store, question_id=question_id, values=values, base=base, expected_version=version
        ),
    )


def move(store: Store, question_id: int, step: int) -> Call:
    """Move a question (step -1 up, +1 down), remembering the step so it can be undone."""

    def call() -> Changes:
        changes = form.move_question(store, question_id=question_id, step=step)
        return dataclasses.replace(changes, previous={"step": step})

    return call


def move_inverse(store: Store, question_id: int) -> Inverse:
    """Moving a question up is undone by moving it down, and back."""
    return lambda changes: move(store, question_id, -int(changes.previous["step"]))


def response_inverse(store: Store) -> Inverse:
    """A saved form is deleted; a deleted one restored; an edit puts the old answers back."""
    return record_inverse(
        restore=lambda saved: responses.restore_response(store, saved=saved),
        delete=lambda response_id: responses.delete_response(store, response_id=response_id),
        update=lambda response_id, values: responses.update_response(
            store,
            response_id=response_id,
            answers=values["answers"],
            booking_id=values.get("booking_id"),
        ),
    )


def theme_inverse(store: Store) -> Inverse:
    """A new theme is deleted; a deleted one comes back with its tags."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            saved = dict(changes.snapshot)
            return lambda: themes.restore_theme(store, saved=saved)
        theme_id = changes.created_id
        assert theme_id is not None
        return lambda: themes.delete_theme(store, theme_id=theme_id)

    return inverse


def tag_inverse(store: Store, answer_id: int, theme_id: int) -> Inverse:
    """A tag put on is taken off, and back."""

    def inverse(changes: Changes) -> Call:
        on = bool(changes.previous["on"])
        return lambda: themes.tag(store, answer_id=answer_id, theme_id=theme_id, on=on)

    return inverse


def star_inverse(store: Store) -> Inverse:
    """A star given is taken away, and back."""

    def inverse(changes: Changes) -> Call:
        answer_id, starred = changes.row_id, bool(changes.previous["starred"])
        assert answer_id is not None
        return lambda: responses.set_starred(store, answer_id=answer_id, starred=starred)

    return inverse


def _never(_saved: object) -> Changes:
    raise AssertionError("a question is archived, never deleted")
