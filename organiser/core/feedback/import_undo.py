"""Undo and redo an import of feedback responses: thousands at a time, in a few statements.

The responses are copied with their answers and the themes their answers were tagged with
since, then deleted (the database cascades to answers and tags); redo inserts the copies back
with their ids. Responses an import updated (edited since they were imported before) are put
back as they were, answers, tags and all, each way keeping the other version for the next step.
Choices added from a file are taken off again, exactly those (import_choices).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from organiser.core.base import VERSION_COLUMN
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.feedback.import_choices import add_choices, remove_choices
from organiser.core.feedback.models import (
    FeedbackAnswer,
    FeedbackResponse,
    FeedbackTheme,
    answer_theme,
)

_CHUNK = 500  # ids per statement, well under SQLite's limit on parameters
_RESPONSES = cast(Table, FeedbackResponse.__table__)
_ANSWERS = cast(Table, FeedbackAnswer.__table__)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _rows(s: Session, query: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in s.execute(query).mappings()]


def response_state(s: Session, response_id: int) -> dict[str, Any] | None:
    """A response as it is now, with its answers and their themes (None: not there)."""
    found = _rows(s, select(_RESPONSES).where(_RESPONSES.c.id == response_id))
    if not found:
        return None
    return {
        "response": found[0],
        "answers": _rows(
            s, select(_ANSWERS).where(_ANSWERS.c.response_id == response_id).order_by(_ANSWERS.c.id)
        ),
        "themes": _rows(
            s,
            select(answer_theme)
            .join(_ANSWERS, _ANSWERS.c.id == answer_theme.c.answer_id)
            .where(_ANSWERS.c.response_id == response_id),
        ),
    }


def put_state(s: Session, state: Mapping[str, Any]) -> dict[str, Any] | None:
    """Make a response as `state` says (see response_state), returning how it was."""
    row = dict(state["response"])
    response_id = row["id"]
    was = response_state(s, response_id)
    s.execute(delete(_ANSWERS).where(_ANSWERS.c.response_id == response_id))
    if was is None:
        s.execute(insert(_RESPONSES), [row])
    else:
        fields = {k: v for k, v in row.items() if k not in ("id", VERSION_COLUMN)}
        version = _RESPONSES.c[VERSION_COLUMN]
        s.execute(
            update(_RESPONSES)
            .where(_RESPONSES.c.id == response_id)
            .values(**fields, **{VERSION_COLUMN: version + 1})
        )
    if state["answers"]:
        s.execute(insert(_ANSWERS), list(state["answers"]))
    themes = set(
        s.scalars(select(FeedbackTheme.id).where(FeedbackTheme.event_id == row["event_id"]))
    )
    tags = [t for t in state["themes"] if t["theme_id"] in themes]  # a theme deleted since
    if tags:
        s.execute(insert(answer_theme), tags)
    return was


def _put_back(s: Session, states: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Put responses back as `states` say; how they were, for the step back."""
    return [was for state in states if (was := put_state(s, state)) is not None]


def remove_imported(
    store: Store,
    *,
    event_id: int,
    response_ids: Collection[int],
    updated: Sequence[Mapping[str, Any]] = (),
) -> Changes:
    """Undo an import: delete its responses (with anything added to them since), keeping a copy,
    and put the responses it updated back as they were (`updated`: their states before)."""
    ids = sorted(response_ids)
    saved: dict[str, Any] = {"event_id": event_id, "responses": [], "answers": [], "themes": []}
    with store.begin() as s:
        saved["updated"] = _put_back(s, updated)
        for chunk in _chunks(ids):
            saved["responses"] += _rows(
                s,
                select(_RESPONSES)
                .where(_RESPONSES.c.id.in_(chunk), _RESPONSES.c.event_id == event_id)
                .order_by(_RESPONSES.c.id),  # PostgreSQL returns rows in no set order
            )
            saved["answers"] += _rows(s, select(_ANSWERS).where(_ANSWERS.c.response_id.in_(chunk)))
            saved["themes"] += _rows(
                s,
                select(answer_theme)
                .join(_ANSWERS, _ANSWERS.c.id == answer_theme.c.answer_id)
                .where(_ANSWERS.c.response_id.in_(chunk)),
            )
            s.execute(
                delete(_RESPONSES).where(
                    _RESPONSES.c.id.in_(chunk), _RESPONSES.c.event_id == event_id
                )
            )
    return Changes(Touched.FEEDBACK, event_id=event_id, snapshot=saved)


def restore_imported(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Redo an import that was undone: its responses come back with their ids and answers, and
    the ones it updated take the imported answers again."""
    with store.begin() as s:
        for table, key in (
            (_RESPONSES, "responses"),
            (_ANSWERS, "answers"),
            (answer_theme, "themes"),
        ):
            if snapshot[key]:
                s.execute(insert(table), snapshot[key])
        updated = _put_back(s, snapshot.get("updated", ()))
    ids = [row["id"] for row in snapshot["responses"]]
    return Changes(
        Touched.FEEDBACK,
        event_id=snapshot["event_id"],
        previous={"created_ids": ids, "updated": updated},
    )


def undo_import(store: Store, changes: Changes) -> Callable[[], Changes]:
    """What reverses an import (or its undo): the responses it added removed and those it
    updated put back, both kept, so redo brings the same ones back."""
    if changes.snapshot is not None:
        saved = changes.snapshot
        return lambda: restore_imported(store, snapshot=saved)
    event_id, ids = changes.event_id, list(changes.previous["created_ids"])
    updated = list(changes.previous.get("updated", ()))
    assert event_id is not None
    return lambda: remove_imported(store, event_id=event_id, response_ids=ids, updated=updated)


def undo_choices(store: Store, changes: Changes) -> Callable[[], Changes]:
    """What reverses choices added from a file (or their removal): exactly those taken off
    again, so others' edits stay."""
    event_id = changes.event_id
    assert event_id is not None
    if "added" in changes.previous:
        added = dict(changes.previous["added"])
        return lambda: remove_choices(store, event_id=event_id, removals=added)
    removed = dict(changes.previous["removed"])
    return lambda: add_choices(store, event_id=event_id, additions=removed)
