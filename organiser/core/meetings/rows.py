"""Plain rows for meetings, decisions, action items and note revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple


class MeetingRow(NamedTuple):
    """A meeting as the meetings list shows it."""

    id: int
    title: str
    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    place: str


class DecisionRow(NamedTuple):
    """A decision recorded at a meeting."""

    id: int
    text: str


@dataclass(frozen=True)
class MeetingDetails:
    """Everything the meeting page shows."""

    id: int
    event_id: int
    title: str
    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    place: str
    agenda: str
    notes: str
    notes_saved_at: dt.datetime | None
    attendee_ids: tuple[int, ...]
    decisions: tuple[DecisionRow, ...]


class ActionRow(NamedTuple):
    """An action item with its owner's name and where it stands in words."""

    id: int
    text: str
    owner_id: int | None
    owner: str
    due: dt.date | None
    done: bool
    done_at: dt.datetime | None
    meeting_id: int | None
    meeting: str
    overdue: bool
    standing: str


class RevisionRow(NamedTuple):
    """An earlier version of a meeting's notes."""

    id: int
    saved_at: dt.datetime
    characters: int
    preview: str
