"""Bringing an offline copy back: the three-way comparison with the team, then applying it.

The copy's rows and their values as taken are read here; the team's event is checked to be the
one the copy came from (and the copy not brought back before), compared (Merge), and applied all
or nothing (Applier). Then the hold goes and the copy leaves this database, a backup made first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from organiser.core.backup import make_backup
from organiser.core.base import Base
from organiser.core.db import Store
from organiser.core.errors import Conflict, NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.team.models import OfflineCopy, OfflineReturn, OfflineRow
from organiser.core.team.offline_apply import Applier, decided
from organiser.core.team.offline_holds import team_address, utc_now
from organiser.core.team.offline_merge import Merge
from organiser.core.team.offline_plan import HERE, NOTE, BringBackPlan, Taken, compared
from organiser.core.team.roles import BRINGS_BACK, TeamRole, writes
from organiser.core.team.transfer import refused
from organiser.core.team.transfer_read import Extract, read_events, rows_by_id
from organiser.core.team.transfer_tables import GLOBAL, ROOT, table


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
            update(OfflineReturn).where(OfflineReturn.key == copy.key).values(returned_at=utc_now())
        )


def _refuse_beyond_role(team: Store, plan: BringBackPlan) -> None:
    """A copy changed offline beyond what the person's team role may change: said, with
    what, before anything is written (the database would refuse it all, in its words)."""
    beyond = list(
        dict.fromkeys(
            d.where for d in plan.differences if d.kind != NOTE and not writes(team.role, d.key)
        )
    )
    if not beyond or team.role is None or team.role is TeamRole.ORGANISER:
        return
    shown = ", ".join(beyond[:4]) + (f" and {len(beyond) - 4} more" if len(beyond) > 4 else "")
    raise ValidationError(
        f"Nothing was brought back: a {team.role.words} can bring back "
        f"{BRINGS_BACK[team.role]} only, and this copy also changes {shown}. Put those back "
        "as they were in the copy and bring it back again, or ask an organiser to bring it "
        "back with their login."
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
            _refuse_beyond_role(team, plan)
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
