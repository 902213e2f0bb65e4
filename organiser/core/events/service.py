"""Verbs that change events: create, edit, duplicate as the next session, archive, delete; the
reads (list, details, find) live in reading.py and are re-exported here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select

from organiser.core.changes import Changes, Touched
from organiser.core.coproduction.models import Lesson
from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.events.kinds import VENUE_FEATURES, Status
from organiser.core.events.models import Event
from organiser.core.events.reading import EventDetails as EventDetails
from organiser.core.events.reading import EventRow as EventRow
from organiser.core.events.reading import find_event as find_event
from organiser.core.events.reading import get_event as get_event
from organiser.core.events.reading import list_events as list_events
from organiser.core.events.rules import check_details
from organiser.core.planning.models import CostLine, FundingSource, Member, ProgrammeItem
from organiser.core.records import apply_values, get_or_raise, restore, row_dict, snapshot
from organiser.core.relations import EVENT_DEPENDANTS
from organiser.core.versions import merge_edit, retry_races, version_of

EDITABLE = (
    "title",
    "purpose",
    "audience",
    "date",
    "start_time",
    "end_time",
    "venue_name",
    "venue_address",
    *VENUE_FEATURES,
    "capacity",
    "attendance",
    "status",
    "booking_contact",
)
# Children copied when an event is duplicated as the next session of a series.
SERIES_COPIES: tuple[
    type[Member] | type[ProgrammeItem] | type[FundingSource] | type[CostLine], ...
] = (
    Member,
    ProgrammeItem,
    FundingSource,
    CostLine,
)


def create_event(store: Store, *, title: str, status: str = Status.IDEA.value) -> Changes:
    """A new event with just a title."""
    check_details({"title": title, "status": status}, {})
    with store.begin() as s:
        event = Event(title=title.strip(), status=status)
        s.add(event)
        s.flush()
        return Changes(Touched.EVENTS, event_id=event.id, created_id=event.id)


@retry_races
def update_event(
    store: Store,
    *,
    event_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Change some details; `previous` holds the old values for undo.

    With `base` (the details as the page showed them) and the version it showed, details
    someone else changed in between are kept or shown as a clash (organiser.core.versions).
    """
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        values = merge_edit(
            event,
            values,
            base=base,
            expected_version=expected_version,
            what="event’s details",
            row_id=event_id,
        )
        check_details(values, {k: getattr(event, k) for k in ("start_time", "end_time")})
        previous = apply_values(event, values, EDITABLE)
        s.flush()
        touched = Touched.DETAILS
        if {"title", "date", "status"} & previous.keys():
            touched |= Touched.EVENTS
        return Changes(
            touched if previous else Touched.NONE,
            event_id=event_id,
            previous=previous,
            row_version=version_of(event),
            current={key: getattr(event, key) for key in previous},
        )


def event_version(store: Store, event_id: int) -> int:
    """The event row's version now: what the Details page remembers when it shows it."""
    with store.begin() as s:
        return version_of(get_or_raise(s, Event, event_id, "event"))


def set_archived(store: Store, *, event_id: int, archived: bool) -> Changes:
    """Archive an event (hidden from the switcher) or bring it back."""
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        previous = apply_values(event, {"archived": archived}, ["archived"])
        return Changes(Touched.EVENTS | Touched.DETAILS, event_id=event_id, previous=previous)


def duplicate_event(store: Store, *, event_id: int) -> Changes:
    """The next session of a series: details, working group, programme and budget lines."""
    with store.begin() as s:
        source = get_or_raise(s, Event, event_id, "event")
        values = row_dict(source)
        for key in ("id", "created_at", "date", "attendance", "row_version", "taken_offline_at"):
            values.pop(key)
        values["taken_offline_by"] = ""
        values.update(
            title=_next_title(source.title),
            status=Status.PLANNING.value,
            archived=False,
            series_previous_id=source.id,
        )
        copy = Event(**values)
        s.add(copy)
        s.flush()
        for model in SERIES_COPIES:
            for child in s.scalars(
                select(model).where(model.event_id == event_id).order_by(model.id)
            ):
                data = row_dict(child)
                data.pop("id")
                data.pop("row_version")
                data["event_id"] = copy.id
                if model is CostLine:
                    data.update(actual_pence=None, paid=False)
                s.add(model(**data))
        # Lessons go forward to the next session, each pointing at the one it came from.
        for lesson in s.scalars(
            select(Lesson).where(Lesson.event_id == event_id).order_by(Lesson.id)
        ):
            s.add(
                Lesson(
                    event_id=copy.id,
                    happened=lesson.happened,
                    learned=lesson.learned,
                    differently=lesson.differently,
                    tag=lesson.tag,
                    carried_from_id=lesson.id,
                )
            )
        return Changes(Touched.EVENTS, event_id=copy.id, created_id=copy.id)


def _next_title(title: str) -> str:
    """'Pilates morning' → 'Pilates morning (session 2)', then (session 3)…"""
    stem, _, tail = title.rpartition(" (session ")
    if stem and tail.endswith(")") and tail[:-1].isdigit():
        return f"{stem} (session {int(tail[:-1]) + 1})"
    return f"{title} (session 2)"


def delete_event(store: Store, *, event_id: int) -> Changes:
    """Delete an event and everything in it; the snapshot lets undo put it all back."""
    with store.begin() as s:
        event = get_or_raise(s, Event, event_id, "event")
        saved = snapshot(s, event, EVENT_DEPENDANTS)
        saved["series_next"] = list(
            s.scalars(select(Event.id).where(Event.series_previous_id == event_id))
        )
        s.execute(delete(Event).where(Event.id == event_id))
        return Changes(Touched.ALL, event_id=event_id, snapshot=saved)


def restore_event(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a deletion: the event and all its rows come back with their ids."""
    with store.begin() as s:
        restore(s, Event, snapshot, EVENT_DEPENDANTS)
        event_id = snapshot["row"]["id"]
        for later_id in snapshot.get("series_next", []):
            later = s.get(Event, later_id)
            if later is not None:
                later.series_previous_id = event_id
        return Changes(Touched.ALL, event_id=event_id, created_id=event_id, row_id=event_id)


def event_exists(store: Store, event_id: int) -> bool:
    """True while the event is in the database."""
    with store.begin() as s:
        return s.get(Event, event_id) is not None


def require_event(store: Store, event_id: int) -> None:
    """Raise NotFound for an event that has gone."""
    if not event_exists(store, event_id):
        raise NotFound("That event no longer exists.")
