"""Other windows' changes: each commit is noted, and others learn what to refresh."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from organiser.core import crud
from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.planning.models import Member
from organiser.core.row_kinds import RowKind
from organiser.core.team import feed, feed_reader
from organiser.core.team.models import ChangeFeedEntry


def test_a_change_elsewhere_says_what_to_refresh_and_for_which_event(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    start = feed_reader.latest_change(store)
    crud.add_row(other, kind=RowKind.COSTS, parent_id=event_id, values={"item": "Pastries"})
    newest, touched, events = feed_reader.changes_since(store, start)
    assert newest > start
    assert Touched.BUDGET in touched and Touched.SPEAKERS not in touched
    assert events == {event_id}
    # Nothing new since: nothing to refresh.
    assert feed_reader.changes_since(store, newest) == (newest, Touched.NONE, set())


def test_a_window_does_not_refresh_for_its_own_changes(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    start = feed_reader.latest_change(store)
    crud.add_row(store, kind=RowKind.MEMBERS, parent_id=event_id, values={"name": "Amira"})
    newest, touched, _events = feed_reader.changes_since(store, start)
    assert newest > start and touched == Touched.NONE


def test_reading_adds_nothing_to_the_feed(store: Store, create_event: Callable[..., int]) -> None:
    create_event()
    start = feed_reader.latest_change(store)
    with store.begin() as s:
        s.execute(select(func.count()).select_from(ChangeFeedEntry))
    assert feed_reader.latest_change(store) == start


def test_a_failed_change_adds_nothing_to_the_feed(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    start = feed_reader.latest_change(store)
    with pytest.raises(RuntimeError), store.begin() as s:
        s.add(Member(event_id=event_id, name="Rolled back"))
        s.flush()
        raise RuntimeError("the change fails after writing")
    assert feed_reader.latest_change(store) == start


def test_old_entries_are_forgotten(store: Store, create_event: Callable[..., int]) -> None:
    create_event()
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=3)
    with store.begin() as s:
        feed.prune(s, now=later)
    with store.begin() as s:
        assert s.scalar(select(func.count()).select_from(ChangeFeedEntry)) == 0


def test_entries_forgotten_do_not_hide_the_next_change(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    """Ids are never reused: a window that saw entry n still sees the change after a prune."""
    event_id = create_event()
    create_event(title="Second")
    create_event(title="Third")
    seen = feed_reader.latest_change(store)
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=3)
    with store.begin() as s:
        feed.prune(s, now=later)
    crud.add_row(other, kind=RowKind.MEMBERS, parent_id=event_id, values={"name": "Amira"})
    newest, touched, events = feed_reader.changes_since(store, seen)
    assert newest > seen and Touched.MEMBERS in touched and events == {event_id}


def test_a_feed_replaced_by_an_older_one_means_everything_may_have_changed(
    store: Store, create_event: Callable[..., int]
) -> None:
    create_event()
    seen = feed_reader.latest_change(store) + 100  # a window that had read further (a restore)
    newest, touched, events = feed_reader.changes_since(store, seen)
    assert newest < seen and touched == Touched.ALL and events is None
