"""On a team database every laptop stamps by the server's clock, so one whose clock is out
neither jumps the creche's waiting list, nor stops meeting notes keeping revisions, nor has
its changes forgotten before the other windows hear of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import closing, contextmanager

import pytest
from sqlalchemy import text

from organiser.core.creche.bookings import status_history, waiting_list
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.events.service import create_event, update_event
from organiser.core.meetings.rules import revision_due
from organiser.core.meetings.service import list_revisions, save_notes
from organiser.core.opening import open_store
from organiser.core.row_kinds import RowKind
from organiser.core.team import feed


@pytest.fixture
def team(postgres_url: str) -> Iterator[Store]:
    with closing(open_store(postgres_url, daily_backup=False)) as store:
        yield store


@contextmanager
def laptop_clock(monkeypatch: pytest.MonkeyPatch, out_by: dt.timedelta) -> Iterator[None]:
    """This laptop's clock `out_by` from the right time (never set, or on the wrong zone)."""

    class Laptop(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Laptop:
            return super().now(tz) + out_by

    with monkeypatch.context() as laptop:  # undoes this alone, not the private data folder
        laptop.setattr(dt, "datetime", Laptop)
        yield


def server_now(store: Store) -> dt.datetime:
    with store.begin() as s:
        return s.execute(text("SELECT now() AT TIME ZONE 'UTC'")).scalar_one()  # type: ignore[no-any-return]


def _event(store: Store) -> int:
    event = create_event(store, title="Pilates and wellbeing morning").created_id
    assert event is not None
    return event


def test_a_laptop_an_hour_slow_does_not_put_its_household_first_on_the_waiting_list(
    team: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = _event(team)
    update_event(team, event_id=event, values={"capacity": 1})

    def book(name: str) -> int:
        made = add_row(team, kind=RowKind.BOOKINGS, parent_id=event, values={"name": name})
        assert made.created_id is not None
        return made.created_id

    book("Zoë Hartley")  # the one place
    first = book("Amara Okafor")
    with laptop_clock(monkeypatch, -dt.timedelta(hours=1)):
        second = book("Daniel Osei")
    assert waiting_list(team, event) == [first, second]
    ((_status, at),) = status_history(team, second)  # its history prints in the order it was
    assert abs(server_now(team) - at) < dt.timedelta(minutes=1)


def test_notes_saved_on_a_laptop_an_hour_fast_are_stamped_by_the_server(
    team: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = _event(team)
    meeting = add_row(team, kind=RowKind.MEETINGS, parent_id=event, values={"title": "Venue"})
    assert meeting.created_id is not None
    with laptop_clock(monkeypatch, dt.timedelta(hours=1)):
        save_notes(team, meeting_id=meeting.created_id, text="We chose Harbourside.")
    (kept,) = list_revisions(team, meeting.created_id)
    assert abs(server_now(team) - kept.saved_at) < dt.timedelta(minutes=1)


def test_a_revision_stamped_ahead_of_now_does_not_stop_the_next_one() -> None:
    now = dt.datetime(2027, 2, 1, 10, 0)
    assert not revision_due(now - dt.timedelta(minutes=1), now)
    assert revision_due(now - dt.timedelta(minutes=3), now)
    assert revision_due(now + dt.timedelta(hours=1), now), "a clock that was an hour fast"


def test_a_change_from_a_laptop_days_slow_is_not_forgotten_before_others_hear_of_it(
    team: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with team.begin() as s:
        before = feed.latest(s)
    with laptop_clock(monkeypatch, -dt.timedelta(days=3)):
        _event(team)
    with team.begin() as s:
        feed.prune(s)  # as an organiser's window does on opening
    with team.begin() as s:
        _newest, touched, events = feed.since(s, before, origin="another window")
    assert touched and events, "the new event is still in the feed"


def test_the_servers_clock_is_asked_once_a_transaction(team: Store) -> None:
    from sqlalchemy import event

    from organiser.core.base import shared_now

    asked: list[str] = []

    def count(*args: object) -> None:
        asked.append(str(args[2]))

    event.listen(team.engine, "before_cursor_execute", count)
    try:
        with team.begin() as s:
            first = shared_now(s)
            assert shared_now(s) == first and len(asked) == 1, "now() holds for the transaction"
        with team.begin() as s:
            assert shared_now(s) >= first and len(asked) == 2, "a new transaction asks again"
    finally:
        event.remove(team.engine, "before_cursor_execute", count)
