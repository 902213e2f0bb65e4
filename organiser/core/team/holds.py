"""Who has taken which event offline: shown beside the event's title on a team database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from organiser.core.db import Store
from organiser.core.events.models import Event


@dataclass(frozen=True)
class Hold:
    """An event someone took offline: who, and when (UTC, as stored)."""

    who: str
    since: dt.datetime | None


def offline_holds(store: Store) -> dict[int, Hold]:
    """Every event taken offline, by its id (events nobody holds are left out)."""
    with store.begin() as s:
        rows = s.execute(
            select(Event.id, Event.taken_offline_by, Event.taken_offline_at).where(
                Event.taken_offline_by != ""
            )
        ).all()
    return {event_id: Hold(who, since) for event_id, who, since in rows}
