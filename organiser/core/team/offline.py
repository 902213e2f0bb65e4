"""Take an event offline from a team database, work on it anywhere, and bring it back.

Taking copies the event, with everything it owns, into a local file and records each row's
values as taken; the team's event shows who has it (others may still edit it). A second person
may take it as well when they say so; each name leaves the hold as that person brings it back
(or with release_hold, for a copy that will never come back). Bringing back compares three
versions of every row — as taken, as it is offline, as it is on the team — and applies what
changed offline, asking a person to decide where both sides changed the same thing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import delete, insert, make_url, select, update
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from organiser.core.backup import make_backup
from organiser.core.base import VERSION_COLUMN, Base
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import Conflict, NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.paths import sqlite_path
from organiser.core.team.models import OfflineCopy, OfflineReturn, OfflineRow
from organiser.core.team.offline_apply import Applier, Undecided, decided, holders, released
from organiser.core.team.offline_merge import Merge
from organiser.core.team.offline_plan import (
    HERE,
    BringBackPlan,
    Difference,
    Taken,
    as_here,
    as_taken,
    compared,
)
from organiser.core.team.transfer import (
    GLOBAL,
    ROOT,
    Extract,
    has_id,
    read_events,
    refused,
    rows_by_id,
    table,
    write_extract,
)

__all__ = [
    "AlreadyHeld",
    "BringBackPlan",
    "Difference",
    "OfflineEvent",
    "Undecided",
    "bring_back",
    "held_by",
    "offline_events",
    "plan_bring_back",
    "release_hold",
    "take_offline",
    "team_address",
]

POSTGRES_PORT = 5432
_HOLD_LENGTH = Event.__table__.c.taken_offline_by.type.length  # type: ignore[attr-defined]


class AlreadyHeld(Conflict):
    """Someone else has the event offline: taking it as well has to be asked for (`also`)."""

    def __init__(self, message: str, *, who: str, since: dt.datetime | None) -> None:
        super().__init__(message)
        self.who = who
        self.since = since


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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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
    now = _now()
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
        insert(OfflineCopy.__table__)
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
        session.execute(insert(OfflineRow.__table__), records)
    return copied.events[0][1]


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


@dataclass(frozen=True)
class _Copy:
    """The offline copy as stored here: how it was taken and what it holds now."""

    event_id: int
    team_event_id: int
    team_address: str
    taken_by: str
    created_at: dt.datetime
    key: str
    extract: Extract
    taken: Taken


def _offline_copy(local: Store, event_id: int) -> _Copy:
    with local.begin() as s:
        copy = s.scalars(select(OfflineCopy).where(OfflineCopy.event_id == event_id)).first()
        event = s.get(Event, event_id)
        if event is None:
            raise NotFound(f"There is no event {event_id} here; it may have been deleted.")
        if copy is None:
            raise NotFound(
                f"“{event.title}” was not taken offline from a team database, so there is "
                "nothing to bring back."
            )
        taken = Taken()
        records = s.execute(
            select(OfflineRow.table_name, OfflineRow.local_id, OfflineRow.team_id, OfflineRow.base)
            .where(OfflineRow.copy_id == copy.id)
            .order_by(OfflineRow.id)
        )
        for name, local_id, team_id, base in records:
            if name not in Base.metadata.tables:
                continue
            values = json.loads(base)
            if local_id is None or team_id is None:
                taken.pairs[name].add(tuple(values.get(c) for c in compared(name)))
            else:
                here = values.pop(HERE, None)
                if here is not None:
                    taken.here[name][local_id] = here
                taken.links[name][local_id] = team_id
                taken.base[name][team_id] = values
        extract = read_events(s, [event_id])
        for name in GLOBAL & set(taken.links):  # linked, though the event no longer uses them
            have = {row["id"] for row in extract.rows.get(name, [])}
            missing = set(taken.links[name]) - have
            if missing:
                extract.rows[name] = [*extract.rows.get(name, []), *rows_by_id(s, name, missing)]
        return _Copy(
            event_id=event_id,
            team_event_id=copy.team_event_id,
            team_address=team_address(copy.team_address),
            taken_by=copy.taken_by,
            created_at=event.created_at,
            key=copy.key,
            extract=extract,
            taken=taken,
        )


def _merge(session: Session, copy: _Copy) -> Merge:
    """Compare the copy with the team's event, refusing a database it was not taken from."""
    title = copy.extract.events[0][1]
    event = table(ROOT)
    found = session.execute(
        select(event.c.created_at).where(event.c.id == copy.team_event_id)
    ).first()
    if found is None:
        raise Conflict(
            f"“{title}” is no longer on the team database ({copy.team_address}): someone "
            "deleted it there. The offline copy is kept here; copy it to the team database to "
            "share it again."
        )
    if found[0] != copy.created_at:
        raise Conflict(
            f"This is not the team database “{title}” was taken from ({copy.team_address}): "
            f"its event {copy.team_event_id} is another event. Nothing was brought back."
        )
    _refuse_returned(session, copy, title)
    return Merge(
        session,
        local=copy.extract,
        team=read_events(session, [copy.team_event_id]),
        taken=copy.taken,
        event_id=copy.event_id,
        team_event_id=copy.team_event_id,
    )


def _refuse_returned(session: Session, copy: _Copy, title: str) -> None:
    """A copy already brought back (its file restored from a backup, or its removal here
    failed after the team kept it) would add what it added a second time: refused."""
    if not copy.key:
        return  # taken before copies had keys: nothing to check against
    returned = session.scalar(
        select(OfflineReturn.returned_at).where(OfflineReturn.key == copy.key).with_for_update()
    )
    if returned is not None:
        raise Conflict(
            f"This copy of “{title}” was already brought back on {returned:%d/%m/%Y at %H:%M} "
            "UTC; nothing was written. The team database has its changes: delete the event here."
        )


def _mark_returned(session: Session, copy: _Copy) -> None:
    if copy.key:
        session.execute(
            update(OfflineReturn).where(OfflineReturn.key == copy.key).values(returned_at=_now())
        )


def plan_bring_back(local: Store, team: Store, *, event_id: int) -> BringBackPlan:
    """What bringing the event back would do (a dry run: nothing is written anywhere)."""
    copy = _offline_copy(local, event_id)
    with team.begin() as ts:
        return _merge(ts, copy).plan()


def bring_back(
    local: Store, team: Store, *, event_id: int, choices: Mapping[str, str] | None = None
) -> BringBackPlan:
    """Apply the offline changes to the team's event (clashes as chosen), all or nothing.

    Then the team's event is no longer held, and the offline copy leaves this database (a
    backup of the file is made first). Returns the plan that was applied.
    """
    copy = _offline_copy(local, event_id)
    try:
        with team.begin() as ts:
            merge = _merge(ts, copy)
            plan = merge.plan()
            chosen = decided(plan, choices or {})
            if local.path is not None:
                make_backup(local.path, reason="before-bring-back")
            Applier(ts, merge, returning=copy.taken_by).run(plan, chosen)
            _mark_returned(ts, copy)
    except DBAPIError as exc:
        raise refused(exc, "Nothing was brought back") from exc
    with local.begin() as s:
        s.execute(delete(table(ROOT)).where(table(ROOT).c.id == event_id))
    return plan
