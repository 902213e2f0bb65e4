"""The change feed: every commit notes which tables it wrote, so other windows can refresh.

Each open `Store` has an origin (one per window or command). A commit that wrote rows adds
one `change_feed` row naming its tables and events; another window polls `since()` every
few seconds and refreshes only the views those tables map to (the same `Touched` flags its
own changes use). It works the same on SQLite (two windows on one file) and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import Table, delete, event, func, insert, select, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from organiser.core.base import shared_now, shared_now_to_write
from organiser.core.changes import Touched
from organiser.core.team.models import ChangeFeedEntry

FEED = cast(Table, ChangeFeedEntry.__table__)
KEEP_FOR = dt.timedelta(days=2)
_KEY = "organiser_feed"  # in Session.info: {"tables": set, "events": set, "unknown": bool}

# What a write to each table means for the screens; a table not listed refreshes everything.
TABLE_TOUCHES: dict[str, Touched] = {
    "event": Touched.EVENTS | Touched.DETAILS,
    "member": Touched.MEMBERS,
    "organisation": Touched.ORGANISATIONS | Touched.SPEAKERS,
    "programme_item": Touched.PROGRAMME,
    "funding_source": Touched.BUDGET,
    "cost_line": Touched.BUDGET,
    "meeting": Touched.MEETINGS | Touched.NOTES,
    "meeting_attendee": Touched.MEETINGS,
    "note_revision": Touched.NOTES,
    "decision": Touched.MEETINGS,
    "action_item": Touched.ACTIONS,
    "poll": Touched.POLLS,
    "poll_option": Touched.POLLS,
    "poll_answer": Touched.POLLS,
    "speaker": Touched.SPEAKERS,
    "invitation": Touched.INVITATIONS,
    "invitation_status_change": Touched.INVITATIONS,
    "setting": Touched.SPEAKERS,
    "booking": Touched.BOOKINGS | Touched.CRECHE,
    "booking_status_change": Touched.BOOKINGS,
    "child": Touched.CRECHE,
    "creche": Touched.CRECHE,
    "creche_staff": Touched.CRECHE,
    "flyer": Touched.FLYER,
    "flyer_image": Touched.FLYER,
    "flyer_version": Touched.FLYER,
    "flyer_comment": Touched.FLYER,
    "flyer_sign_off": Touched.FLYER,
    "flyer_translation": Touched.FLYER,
    "feedback_question": Touched.FEEDBACK,
    "feedback_response": Touched.FEEDBACK,
    "feedback_answer": Touched.FEEDBACK,
    "feedback_theme": Touched.FEEDBACK,
    "feedback_answer_theme": Touched.FEEDBACK,
    "feedback_language": Touched.FEEDBACK,
    "feedback_question_words": Touched.FEEDBACK,
    "feedback_phone_address": Touched.FEEDBACK,
    "ledger_entry": Touched.LEDGER,
    "ledger_member": Touched.LEDGER,
    "reciprocity": Touched.LEDGER,
    "lesson": Touched.LESSONS,
    "report_text": Touched.REPORT,
    "offline_copy": Touched.EVENTS,
    "offline_row": Touched.NONE,
    "offline_return": Touched.NONE,
    "export_record": Touched.NONE,
}


def _noted(session: Session) -> dict[str, Any]:
    noted = session.info.setdefault(_KEY, {"tables": set(), "events": set(), "unknown": False})
    return cast(dict[str, Any], noted)


# Tables nobody's screen shows: a line added to them tells no window anything (and a viewer,
# who adds to the record of printed lists, adds nothing to the feed).
UNHEARD = frozenset({FEED.name, "export_record"})


def _after_flush(session: Session, _context: Any) -> None:
    noted = _noted(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None or table in UNHEARD:
            continue
        noted["tables"].add(table)
        event_id = obj.id if table == "event" else getattr(obj, "event_id", None)
        if event_id is None:
            noted["unknown"] = True
        else:
            noted["events"].add(int(event_id))


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name is None or name in UNHEARD:
        return
    noted = _noted(state.session)
    noted["tables"].add(name)
    noted["unknown"] = True  # a statement may reach rows of any event


# PostgreSQL hands out ids when rows are inserted but shows them when they commit, in any
# order: a window could read entry 11 before 10 commits and never see 10. One transaction
# at a time between writing its entry and committing keeps the entries visible in id order.
_FEED_LOCK = "SELECT pg_advisory_xact_lock(7349021)"


def _before_commit(session: Session) -> None:
    session.flush()
    noted = session.info.pop(_KEY, None)
    if not noted or not noted["tables"]:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(_FEED_LOCK))
    events = "" if noted["unknown"] else ",".join(str(e) for e in sorted(noted["events"]))
    session.execute(
        insert(FEED).values(
            origin=session.info.get("origin", ""),
            tables=",".join(sorted(noted["tables"])),
            event_ids=events,
            at=shared_now_to_write(session),
            row_version=1,
        )
    )


def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)


def watch(sessions: sessionmaker[Session], origin: str) -> None:
    """Make every commit of these sessions add its entry to the feed."""
    sessions.kw.setdefault("info", {})["origin"] = origin
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_soft_rollback", lambda s, _t: _after_rollback(s))


def latest(session: Session) -> int:
    """The newest entry's id (0 for none): where a new window starts listening."""
    return int(session.scalar(select(func.coalesce(func.max(FEED.c.id), 0))) or 0)


def since(session: Session, after: int, origin: str) -> tuple[int, Touched, set[int] | None]:
    """What others committed after entry `after`: (newest id, flags, events or None for any).

    A feed whose newest entry is older than `after` was replaced (a backup restored): then
    everything may have changed.
    """
    newest_now = latest(session)
    if newest_now < after:
        return newest_now, Touched.ALL, None
    rows = session.execute(
        select(FEED.c.id, FEED.c.origin, FEED.c.tables, FEED.c.event_ids)
        .where(FEED.c.id > after)
        .order_by(FEED.c.id)
    ).all()
    touched = Touched.NONE
    events: set[int] | None = set()
    newest = after
    for row_id, row_origin, tables, event_ids in rows:
        newest = max(newest, row_id)
        if row_origin == origin:
            continue
        for table in tables.split(","):
            touched |= TABLE_TOUCHES.get(table, Touched.ALL)
        if events is not None and event_ids:
            events.update(int(e) for e in event_ids.split(","))
        else:
            events = None
    return newest, touched, events


def prune(session: Session, *, now: dt.datetime | None = None) -> None:
    """Forget entries older than two days: no window waits that long between polls (by the
    clock the entries were stamped with, the team database's own)."""
    session.execute(delete(FEED).where(FEED.c.at < (now or shared_now(session)) - KEEP_FOR))
