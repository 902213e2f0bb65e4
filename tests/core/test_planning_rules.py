"""Programme checks (overlaps, gaps, event times, length) and budget sums."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from organiser.core.planning.rules import check_programme, sum_budget


@dataclass(frozen=True)
class Item:
    id: int
    title: str
    start: dt.time
    end: dt.time
    alongside: bool = False


def item(id_: int, title: str, start: str, end: str, *, alongside: bool = False) -> Item:
    return Item(id_, title, dt.time.fromisoformat(start), dt.time.fromisoformat(end), alongside)


def test_overlap_is_reported_on_both_items_and_overall() -> None:
    check = check_programme(
        [item(1, "Pilates", "10:00", "10:45"), item(2, "Talk", "10:30", "11:00")],
        event_start=None,
        event_end=None,
    )
    assert check.per_item == {1: ["Overlaps “Talk”"], 2: ["Overlaps “Pilates”"]}
    assert check.overall == ["“Pilates” and “Talk” overlap (10:30–10:45)."]


def test_item_inside_another_overlaps_for_its_own_length() -> None:
    check = check_programme(
        [item(1, "Morning", "10:00", "12:00"), item(2, "Talk", "10:30", "11:00")],
        event_start=None,
        event_end=None,
    )
    assert check.overall == ["“Morning” and “Talk” overlap (10:30–11:00)."]


def test_no_overlap_when_one_runs_alongside() -> None:
    check = check_programme(
        [
            item(1, "Creche", "10:00", "12:00", alongside=True),
            item(2, "Pilates", "10:00", "11:00"),
            item(3, "Coffee", "11:00", "12:00"),
        ],
        event_start=dt.time(10, 0),
        event_end=dt.time(12, 0),
    )
    assert check.per_item == {}
    assert check.overall == []
    assert check.total_minutes == 120


def test_back_to_back_items_do_not_overlap() -> None:
    check = check_programme(
        [item(1, "A", "10:00", "10:30"), item(2, "B", "10:30", "11:00")],
        event_start=None,
        event_end=None,
    )
    assert check.overall == []


def test_gap_between_items() -> None:
    check = check_programme(
        [item(1, "Welcome", "10:00", "10:10"), item(2, "Pilates", "10:25", "11:00")],
        event_start=None,
        event_end=None,
    )
    assert check.per_item == {2: ["Gap of 15 min before"]}
    assert check.overall == ["Nothing is planned from 10:10 to 10:25."]


def test_no_gap_inside_a_long_item_and_alongside_items_do_not_fill_gaps() -> None:
    check = check_programme(
        [
            item(1, "Long", "10:00", "12:00"),
            item(2, "Short", "10:00", "10:30"),
            item(3, "Creche", "12:00", "13:30", alongside=True),
            item(4, "Lunch", "13:00", "13:30"),
        ],
        event_start=None,
        event_end=None,
    )
    assert check.per_item[4] == ["Gap of 1 h before"]
    assert "Nothing is planned from 12:00 to 13:00." in check.overall


def test_items_outside_the_event_times() -> None:
    check = check_programme(
        [
            item(1, "Set up", "09:30", "10:00"),
            item(2, "Pilates", "10:00", "11:00"),
            item(3, "Clear up", "11:00", "11:30", alongside=True),
        ],
        event_start=dt.time(10, 0),
        event_end=dt.time(11, 0),
    )
    assert check.per_item == {
        1: ["Outside the event’s times"],
        3: ["Outside the event’s times"],
    }
    assert check.overall == [
        "“Set up” is outside the event’s times.",
        "“Clear up” is outside the event’s times.",
    ]


def test_total_length_runs_from_first_start_to_last_end() -> None:
    check = check_programme(
        [item(1, "Coffee", "11:50", "12:15"), item(2, "Arrival", "09:45", "10:00")],
        event_start=None,
        event_end=None,
    )
    assert check.total_minutes == 150
    assert check.total_text == "2 h 30 min"


def test_empty_programme() -> None:
    check = check_programme([], event_start=dt.time(10, 0), event_end=dt.time(12, 0))
    assert (check.per_item, check.overall, check.total_minutes) == ({}, [], 0)


# The demo budget: funds £450 + £100, six cost lines, the printing not yet paid or invoiced.
DEMO_COSTS = [
    (10000, 10000, True),
    (12000, 12000, True),
    (13500, 12600, True),
    (6000, 5240, True),
    (2500, None, False),
    (800, 650, True),
]


def test_budget_sums() -> None:
    summary = sum_budget([45000, 10000], DEMO_COSTS, attendance=18)
    assert summary.funds == 55000
    assert summary.estimated == 44800
    assert summary.actual == 40490
    assert summary.unpaid == 2500
    assert summary.left_estimated == 10200
    assert summary.left_actual == 14510
    assert not summary.over_estimated
    assert not summary.over_actual
    assert summary.per_attendee == 2249  # £404.90 / 18 people = £22.49


def test_unpaid_uses_actual_once_known() -> None:
    summary = sum_budget(
        [], [(1000, 1200, False), (500, None, False), (700, 700, True)], attendance=None
    )
    assert summary.unpaid == 1700


def test_over_budget() -> None:
    summary = sum_budget([10000], [(8000, 10001, True), (3000, None, False)], attendance=None)
    assert summary.over_estimated
    assert summary.over_actual
    assert summary.left_estimated == -1000
    assert summary.left_actual == -1


def test_exactly_on_budget_is_not_over() -> None:
    summary = sum_budget([10000], [(10000, 10000, True)], attendance=None)
    assert not summary.over_estimated
    assert not summary.over_actual


def test_per_attendee() -> None:
    assert sum_budget([], [(3000, None, False)], attendance=None).per_attendee is None
    assert sum_budget([], [(3000, None, False)], attendance=0).per_attendee is None
    # Before any actual cost is known, the estimate is shared out.
    assert sum_budget([], [(3000, None, False)], attendance=4).per_attendee == 750
    assert sum_budget([], [(3000, 1000, True)], attendance=3).per_attendee == 333
    assert sum_budget([], [], attendance=10).per_attendee == 0
