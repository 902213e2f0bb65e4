"""The accountability record: which register, collection sheet, allergy list or person's data
was printed or saved, by whom and when. It holds no personal data itself (no child, parent
or file name). On a team database everyone adds to it as themselves and only organisers
read it (a row policy: organiser.core.team.roles_install)."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from organiser.core.base import shared_now_to_write
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.events.models import Event
from organiser.core.team.models import ExportRecord
from organiser.core.team.roles import TeamRole

# What is recorded: the documents and exports that carry children's or households' details.
RECORDED = {
    "register": "creche register",
    "collection-sheet": "collection sheet",
    "allergies": "allergy and medical card",
    "bookings": "booking list",
    "speakers": "speaker schedule",
    "person": "one household's data",
    "bookings-csv": "bookings (CSV)",
}
_CRECHE = (TeamRole.ORGANISER, TeamRole.CRECHE_LEAD)
# On a team database, who may make each: the rest would get a page of blanks.
MADE_BY: dict[str, tuple[TeamRole, ...]] = {
    "register": _CRECHE,
    "collection-sheet": _CRECHE,
    "allergies": _CRECHE,
    "person": (TeamRole.ORGANISER,),  # a subject access request: for an organiser
    "bookings-csv": _CRECHE,
    "bookings": (*_CRECHE, TeamRole.VOLUNTEER),
}


@dataclass(frozen=True)
class RecordRow:
    at: dt.datetime
    who: str
    what: str
    how: str
    event_title: str


def _who(s: Session) -> str:
    """The login on a team database (what its row policy checks); else this computer's user."""
    if s.get_bind().dialect.name == "postgresql":
        return str(s.execute(text("SELECT current_user")).scalar())
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name known (some containers)
        return "this computer"


# What the exports outside the documents' list are called in a refusal.
TITLES = {"bookings-csv": "booking list with contact details", "person": "household's data"}


def why_not(store: Store, what: str, title: str | None = None) -> str | None:
    """Why the person's team role may not make a document (it would be a page of blanks), or
    None when it may."""
    allowed = MADE_BY.get(what)
    if store.role is None or allowed is None or store.role in allowed:
        return None
    who = " and ".join(f"{role.words}s" for role in allowed)
    what_it_is = title or TITLES.get(what, what)
    return (
        f"The {what_it_is} is for {who}: you are connected to the team database as a "
        f"{store.role.words}."
    )


def may_make(store: Store, what: str, title: str | None = None) -> None:
    """Refuse, in words, a document the person's team role may not read."""
    if (why := why_not(store, what, title)) is not None:
        raise OrganiserError(why)


def note(store: Store, what: str, how: str, event_id: int | None) -> None:
    """Add one line to the record, if `what` is recorded; a database that cannot be written
    (a read-only file) keeps no record, and says nothing of it."""
    # A file that cannot be written keeps no line; a team database always takes one (its row
    # policy lets even a viewer, whose window is read-only by role, add theirs).
    if what not in RECORDED or (store.read_only is not None and store.path is not None):
        return
    with store.begin() as s:
        event = s.get(Event, event_id) if event_id is not None else None
        title = event.title if event is not None else ""
        s.execute(
            insert(ExportRecord).values(
                at=shared_now_to_write(s),  # a laptop's clock out would be refused
                who=_who(s)[:200],
                what=what,
                how=how,
                event_id=event_id,
                event_title=title[:200],
            )
        )


def read(store: Store, *, limit: int = 500) -> list[RecordRow]:
    """The newest lines first (on a team database, only an organiser gets any)."""
    with store.begin() as s:
        rows = s.execute(
            select(
                ExportRecord.at,
                ExportRecord.who,
                ExportRecord.what,
                ExportRecord.how,
                ExportRecord.event_title,
            )
            .order_by(ExportRecord.at.desc(), ExportRecord.id.desc())
            .limit(limit)
        ).all()
    return [
        RecordRow(at, who, RECORDED.get(what, what), how, title)
        for at, who, what, how, title in rows
    ]
