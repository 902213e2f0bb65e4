"""Taking a team event offline: the copy made here, the hold on the team, the values as taken.

The copy is written with the event's hold in one go: the team's event is marked first (so a
person saving it at that moment is told at once), then the event and all it owns are copied
here, with every row's values as taken recorded for the three-way comparison of a bring back.
Someone else holding the event is refused (AlreadyHeld) unless it is taken as well (`also`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from organiser.core.base import VERSION_COLUMN
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import Conflict, NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.team.models import OfflineCopy, OfflineReturn, OfflineRow
from organiser.core.team.offline_apply import holders
from organiser.core.team.offline_holds import team_address, utc_now
from organiser.core.team.offline_plan import HERE, as_here, as_taken
from organiser.core.team.roles import may_take_offline
from organiser.core.team.transfer import refused
from organiser.core.team.transfer_read import Extract, read_events, rows_by_id
from organiser.core.team.transfer_tables import GLOBAL, ROOT, has_id, table
from organiser.core.team.transfer_write import write_extract

_HOLD_LENGTH = Event.__table__.c.taken_offline_by.type.length  # type: ignore[attr-defined]


class AlreadyHeld(Conflict):
    """Someone else has the event offline: taking it as well has to be asked for (`also`)."""

    def __init__(self, message: str, *, who: str, since: dt.datetime | None) -> None:
        super().__init__(message)
        self.who = who
        self.since = since


def take_offline(
    team: Store, local: Store, *, event_id: int, who: str, also: bool = False
) -> Changes:
    """Copy a team event into `local` to work on offline; the team's event says who has it.

    An event someone else already has is refused (AlreadyHeld names them) unless `also`:
    then both names are shown until each brings their copy back.
    """
    who = " ".join(who.split())
    if not who:
        raise ValidationError("Say who is taking the event offline.", field="who")
    if "," in who:
        raise ValidationError(
            "Give the name without a comma: the team sees several names as a list.", field="who"
        )
    if team.url == local.url:
        raise ValidationError("Take the event offline into another database than the team's.")
    if (why := may_take_offline(team.role)) is not None:
        raise ValidationError(why)
    now = utc_now()
    key = str(uuid.uuid4())
    local_id: int | None = None
    try:
        with team.begin() as ts:
            event = ts.get(Event, event_id, with_for_update=True)
            if event is None:
                raise NotFound(f"The team database has no event {event_id}; it may be deleted.")
            _refuse_second_copy(local, team, event_id=event_id, title=event.title)
            # Marked first: someone saving the event at this moment is told now, not after
            # the copy is made, and nobody changes the event row until the copy is done.
            event.taken_offline_by = _hold_with(event, who, also=also)
            event.taken_offline_at = event.taken_offline_at or now
            ts.add(OfflineReturn(key=key, event_id=event_id, taken_by=who, taken_at=now))
            ts.flush()
            extract = read_events(ts, [event_id])
            with local.begin() as ls:
                copied = _copy_here(ls, extract, team, event_id=event_id, who=who, now=now, key=key)
            local_id = copied  # committed here; the team's commit is still to come
    except BaseException as exc:
        _forget(local, local_id)
        if isinstance(exc, DBAPIError):
            raise refused(exc, "The event was not taken offline") from exc
        raise
    return Changes(Touched.EVENTS, event_id=local_id, created_id=local_id)


def _hold_with(event: Event, who: str, *, also: bool) -> str:
    """The event's hold with `who` added; refused when someone has it and `also` is not said."""
    names = holders(event.taken_offline_by or "")
    if names and not also:
        since = event.taken_offline_at
        when = f" (since {since:%d/%m/%Y %H:%M} UTC)" if since else ""
        raise AlreadyHeld(
            f"“{event.title}” is already taken offline by {', '.join(names)}{when}, so it was "
            "not taken. Ask them first: it can be taken as well, and each brings their own "
            "changes back.",
            who=", ".join(names),
            since=since,
        )
    held = ", ".join([*names, who])
    if len(held) > _HOLD_LENGTH:
        raise ValidationError(
            f"“{event.title}” is taken offline by too many people to list another "
            f"({', '.join(names)}); release the holds of copies that will not come back first.",
            field="who",
        )
    return held


def _refuse_second_copy(local: Store, team: Store, *, event_id: int, title: str) -> None:
    """The team's event is taken into `local` once: a second copy here would be a double."""
    address = team_address(team.url)
    with local.begin() as ls:
        recorded = ls.execute(
            select(OfflineCopy.event_id, OfflineCopy.team_address).where(
                OfflineCopy.team_event_id == event_id
            )
        ).all()
    for held, where in recorded:
        if team_address(where) == address:
            raise Conflict(
                f"“{title}” is already taken offline into this database (event {held}). Bring "
                "it back before taking it again."
            )


def _forget(local: Store, local_id: int | None) -> None:
    """The team did not record the hold after all: the copy made here goes again."""
    if local_id is not None:
        with local.begin() as s:
            s.execute(delete(table(ROOT)).where(table(ROOT).c.id == local_id))


def _copy_here(
    session: Session,
    extract: Extract,
    team: Store,
    *,
    event_id: int,
    who: str,
    now: dt.datetime,
    key: str,
) -> int:
    """Write the copy and record how it was taken: the links and every row's values.

    A shared row (speaker, organisation) also records its values here, which may differ
    from the team's when this database already had it.
    """
    address = team_address(team.url)
    copied = write_extract(session, extract, place="this database", offline=True)
    here: dict[tuple[str, int], dict[str, object]] = {}
    for name in GLOBAL:
        if has_id(table(name)):
            mine = [local for (t, _), local in copied.id_map.items() if t == name]
            here.update(
                ((name, r["id"]), as_here(name, r)) for r in rows_by_id(session, name, mine)
            )
    copy_id = session.scalar(
        insert(OfflineCopy)
        .values(
            event_id=copied.events[0][1],
            team_address=address,
            team_event_id=event_id,
            taken_by=who,
            taken_at=now,
            key=key,
            **{VERSION_COLUMN: 1},
        )
        .returning(OfflineCopy.__table__.c.id)
    )
    records = []
    for name, rows in extract.rows.items():
        keyed = has_id(table(name))
        for row in rows:
            local_id = copied.id_map.get((name, row["id"])) if keyed else None
            if (keyed and local_id is None) or (not keyed and name in GLOBAL):
                continue  # settings travel only with a copy of every event
            base = as_taken(name, row, copied.id_map)
            if name in GLOBAL and local_id is not None:
                base[HERE] = here[(name, local_id)]
            records.append(
                {
                    "copy_id": copy_id,
                    "table_name": name,
                    "local_id": local_id,
                    "team_id": row["id"] if keyed else None,
                    "base": json.dumps(base, ensure_ascii=False),
                    VERSION_COLUMN: 1,
                }
            )
    if records:
        session.execute(insert(OfflineRow), records)
    return copied.events[0][1]
