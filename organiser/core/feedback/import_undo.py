"""Undo and redo an import of feedback responses: thousands at a time, in a few statements.

The responses are copied with their answers and the themes their answers were tagged with
since, then deleted (the database cascades to answers and tags); redo inserts the copies back
with their ids.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.feedback.models import FeedbackAnswer, FeedbackResponse, answer_theme

_CHUNK = 500  # ids per statement, well under SQLite's limit on parameters
_RESPONSES = cast(Table, FeedbackResponse.__table__)
_ANSWERS = cast(Table, FeedbackAnswer.__table__)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _rows(s: Session, query: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in s.execute(query).mappings()]


def remove_imported(store: Store, *, event_id: int, response_ids: Collection[int]) -> Changes:
    """Undo an import: delete its responses (with anything added to them since), keeping a copy."""
    ids = sorted(response_ids)
    saved: dict[str, Any] = {"event_id": event_id, "responses": [], "answers": [], "themes": []}
    with store.begin() as s:
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
    """Redo an import that was undone: its responses come back with their ids and answers."""
    with store.begin() as s:
        for table, key in (
            (_RESPONSES, "responses"),
            (_ANSWERS, "answers"),
            (answer_theme, "themes"),
        ):
            if snapshot[key]:
                s.execute(insert(table), snapshot[key])
    ids = [row["id"] for row in snapshot["responses"]]
    return Changes(Touched.FEEDBACK, event_id=snapshot["event_id"], previous={"created_ids": ids})
