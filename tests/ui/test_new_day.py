"""A window left open overnight moves on with the day: the overview counts a day fewer to go,
and the file gets its daily backup, as opening it in the morning would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from organiser.core import backup
from organiser.core.errors import StoreError
from organiser.core.team import feed_reader
from organiser.ui import commands
from organiser.ui.main_window import MainWindow


def test_the_next_morning_the_overview_counts_a_day_less_and_the_file_is_backed_up(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands.open_example(window)  # three weeks from today
    window.show_tab("planning")
    overview = window.planning.overview
    assert "21 days to go" in overview.text.text()
    assert window.store.path is not None and window.new_day is not None
    before = backup.list_backups(window.store.path)
    assert not window.new_day.look(), "the same day: nothing to do"

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> Tomorrow:
            real = dt.datetime.now().date() + dt.timedelta(days=1)
            return cls(real.year, real.month, real.day)

    monkeypatch.setattr(dt, "date", Tomorrow)
    monkeypatch.setattr(backup, "daily_backup_due", lambda _path: True)  # made none "today"
    with monkeypatch.context() as asleep:  # the laptop wakes before its network is back

        def unreachable(_store: object) -> int:
            raise StoreError("Cannot reach the team database.")

        asleep.setattr(feed_reader, "latest_change", unreachable)
        assert not window.new_day.look(), "no view is refreshed while the database is away"
    assert "21 days to go" in overview.text.text()
    assert window.new_day.look(), "a minute later, it is"
    assert "20 days to go" in overview.text.text()
    made = backup.list_backups(window.store.path)
    assert [b.reason for b in made if b not in before] == ["daily"]
    assert window.statusBar().currentMessage().endswith("Today's backup was made.")
    assert not window.new_day.look(), "noticed once"
