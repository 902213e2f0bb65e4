"""Times are stored in UTC and dated where the person is: in a British summer, something done
at half past midnight is dated that day, not the day before."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from organiser.core.creche.models import Creche
from organiser.core.creche.printing import register_sheet
from organiser.core.db import Store
from organiser.core.parsing import local_date
from organiser.core.speakers.invitations import list_invitations
from organiser.core.speakers.models import StatusChange

# 00:30 on 1 July 2027 in London is 23:30 UTC on 30 June.
HALF_PAST_MIDNIGHT = dt.datetime(2027, 6, 30, 23, 30)


@pytest.fixture
def british_summer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with monkeypatch.context() as zone:  # undoes this alone, not the private data folder
        zone.setenv("TZ", "Europe/London")
        time.tzset()
        yield
    time.tzset()


def test_a_stored_time_is_dated_where_the_person_is(british_summer: None) -> None:
    assert local_date(HALF_PAST_MIDNIGHT) == dt.date(2027, 7, 1)
    assert local_date(dt.datetime(2027, 1, 31, 23, 30)) == dt.date(2027, 1, 31), "winter: GMT"


def test_the_purge_and_a_speakers_status_are_dated_where_the_person_is(
    store: Store, demo_event: int, british_summer: None
) -> None:
    with store.begin() as s:
        s.execute(
            update(Creche).where(Creche.event_id == demo_event).values(purged_at=HALF_PAST_MIDNIGHT)
        )
        s.execute(update(StatusChange).values(at=HALF_PAST_MIDNIGHT))
    sheet = register_sheet(store, demo_event, today=dt.date(2027, 7, 1))
    assert sheet.facts.purged == "01/07/2027"
    dated = {
        row.status_since for row in list_invitations(store, demo_event, today=dt.date(2027, 7, 1))
    }
    assert dated == {dt.date(2027, 7, 1)}
