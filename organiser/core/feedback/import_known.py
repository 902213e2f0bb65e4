"""What an event already holds, for planning an import: the source keys of responses imported
before, and each response's content (its answers at the minute it was sent), read only when a
row is not known by its key.

A row's key is its fingerprint; where the form numbers its responses, the key starts with the
hash of that number (identity_hasher), so an edited response is found by it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.db import Store
from organiser.core.feedback.import_columns import normalise
from organiser.core.feedback.import_file import MICROSOFT, is_own_column
from organiser.core.feedback.models import FeedbackResponse
from organiser.core.feedback.responses import responses_in

Content = tuple[str, tuple[tuple[int, str], ...]]
NUMBER_KEY = 32  # hex characters of a key taken by the response's number


@dataclass(frozen=True)
class Known:
    """What the event already holds from imports and entry (plan_for_event reads it)."""

    keys: Mapping[str, int] = field(default_factory=dict)  # source key → response id
    # Response id → content: read only when a row is not known by its key (a file imported
    # again finds every row by its key, so 10,000 stored responses are not read then).
    contents: Callable[[], Mapping[int, Content]] = dict


def content(received: dt.datetime | None, answers: Mapping[int, str]) -> Content:
    """A response's answers at the minute it was sent: the same under any fingerprint."""
    minute = received.replace(second=0, microsecond=0).isoformat() if received else ""
    return minute, tuple(sorted((qid, value) for qid, value in answers.items() if value))


def identity_hasher(tool: str, header: Sequence[str]) -> Callable[[str], tuple[str, ...]]:
    """The hashes each response's number is known by, for one file: the one it is stored under
    first, then those earlier versions of Organiser stored it under (so an edit still finds a
    response imported by them). SurveyMonkey's and Jotform's numbers are unique across forms.

    Microsoft Forms numbers each form's responses 1, 2, 3…, so its numbers count within the
    form, told by its questions: the columns of the file less those the form fills in by itself
    (ID, Start time, Email, Name, and "Last modified time", which the export gains once someone
    edits a response). A question added to the form since the last import does change it, so
    an edit after that comes in as a new response: from the file alone, the same form with one
    more question cannot be told from another form of the event (a morning's and an
    afternoon's, both numbered from 1), and replacing someone else's response would lose it,
    where a response in twice shows on the Responses page and is deleted there. Two forms of
    one event with exactly the same questions cannot be told apart either: their responses
    with the same number are taken for edits of each other."""
    prefixes = [f"{tool}\x1f\x1f"]
    if tool == MICROSOFT:
        questions = "\n".join(sorted({normalise(h) for h in header if not is_own_column(h)}))
        every = "\n".join(sorted({normalise(h) for h in header}))  # what was hashed before
        prefixes = list(dict.fromkeys([f"{tool}\x1f{questions}\x1f", f"{tool}\x1f{every}\x1f"]))

    def number_keys(number: str) -> tuple[str, ...]:
        return tuple(
            hashlib.sha256(f"{prefix}{number}".encode()).hexdigest()[:NUMBER_KEY]
            for prefix in prefixes
        )

    return number_keys


def _contents(store: Store, event_id: int) -> dict[int, Content]:
    with store.begin() as s:
        return {r.id: content(r.received_at, r.answers) for r in responses_in(s, event_id)}


def known_in(s: Session, store: Store, event_id: int) -> Known:
    """The event's source keys now; its responses' contents when first asked for."""
    keys = s.execute(
        select(FeedbackResponse.source_key, FeedbackResponse.id).where(
            FeedbackResponse.event_id == event_id, FeedbackResponse.source_key.is_not(None)
        )
    )
    return Known({key: rid for key, rid in keys if key}, partial(_contents, store, event_id))
