"""Who has a team event offline, and where each offline copy here came from.

The team's event shows who took it (a comma-separated hold) and since when; release_hold takes a
name off for a copy that will never come back. A team database is recorded and compared by its
address without password, options or driver (team_address).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import make_url, select
from sqlalchemy.exc import ArgumentError

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.paths import sqlite_path
from organiser.core.team.models import OfflineCopy
from organiser.core.team.offline_apply import holders, released

POSTGRES_PORT = 5432


def team_address(url: str) -> str:
    """A team database's address as recorded and compared: a file's path, or the server's
    postgresql://user@host[:port]/database — never a password, options or the driver, so the
    window's address (with a connection timeout) and one typed on the command line match."""
    if "://" not in url:
        return url  # a file's path, as recorded before
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    if url.startswith("sqlite"):
        return url.split("?", 1)[0]
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url.split("?", 1)[0].split("@")[-1]
    host = (parsed.host or "").lower()
    server = f"[{host}]" if ":" in host else host
    if parsed.port is not None and parsed.port != POSTGRES_PORT:
        server += f":{parsed.port}"
    user = f"{quote(parsed.username, safe='')}@" if parsed.username else ""
    return f"{parsed.get_backend_name()}://{user}{server}/{parsed.database or ''}"


@dataclass(frozen=True)
class OfflineEvent:
    """An event of the local store that was taken from a team database."""

    event_id: int
    title: str
    team_address: str
    team_event_id: int
    taken_by: str
    taken_at: dt.datetime


def utc_now() -> dt.datetime:
    """Now, in UTC without a zone (how the holds and copies record it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def release_hold(team: Store, *, event_id: int, who: str | None = None) -> Changes:
    """Take a name off the event's hold (None: every name), for a copy that will not come back.

    A lost laptop, or an offline copy deleted: the team no longer shows the event as taken by
    them. A copy still out can be brought back all the same.
    """
    with team.begin() as ts:
        event = ts.get(Event, event_id, with_for_update=True)
        if event is None:
            raise NotFound(f"The team database has no event {event_id}; it may have been deleted.")
        names = holders(event.taken_offline_by or "")
        if who is not None:
            who = " ".join(who.split())
            if who not in names:
                having = f"only {', '.join(names)} has" if names else "nobody has"
                raise ValidationError(
                    f"{who} has not taken “{event.title}” offline: {having} it.", field="who"
                )
        left = released(event.taken_offline_by or "", who)
        if left != (event.taken_offline_by or ""):
            event.taken_offline_by = left
            if not left:
                event.taken_offline_at = None
    return Changes(Touched.EVENTS, event_id=event_id)


def offline_events(local: Store) -> list[OfflineEvent]:
    """The events of `local` taken from a team database, oldest first."""
    with local.begin() as s:
        rows = s.execute(
            select(
                OfflineCopy.event_id,
                Event.title,
                OfflineCopy.team_address,
                OfflineCopy.team_event_id,
                OfflineCopy.taken_by,
                OfflineCopy.taken_at,
            )
            .join(Event, Event.id == OfflineCopy.event_id)
            .order_by(OfflineCopy.taken_at, OfflineCopy.id)
        ).all()
    return [
        OfflineEvent(event_id, title, team_address(address), team_event_id, by, at)
        for event_id, title, address, team_event_id, by, at in rows
    ]


def held_by(team: Store, event_id: int) -> tuple[str, dt.datetime | None]:
    """Who has taken a team event offline, and when (("", None) when nobody)."""
    with team.begin() as s:
        row = s.execute(
            select(Event.taken_offline_by, Event.taken_offline_at).where(Event.id == event_id)
        ).first()
    if row is None:
        raise NotFound(f"The team database has no event {event_id}; it may have been deleted.")
    return (row[0], row[1]) if row[0] else ("", None)
