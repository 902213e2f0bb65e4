"""EYFS staff:child ratios (England, group settings) with worked examples at the boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from organiser.core.creche.ages import age_months, age_words, months_between
from organiser.core.creche.ratios import (
    ENGLAND_GROUP,
    Band,
    OnDuty,
    RuleSet,
    check_ratios,
    needed_staff,
)

EVENT = dt.date(2026, 12, 12)


@pytest.mark.parametrize(
    ("born", "months"),
    [
        (dt.date(2024, 12, 12), 24),  # turns 2 on the event date: aged 2
        (dt.date(2024, 12, 13), 23),  # turns 2 the day after: still under 2
        (dt.date(2023, 12, 12), 36),  # turns 3 on the day: 3 and over
        (dt.date(2023, 12, 13), 35),
        (dt.date(2026, 11, 30), 0),
    ],
)
def test_age_in_months_at_the_event_date(born: dt.date, months: int) -> None:
    assert months_between(born, EVENT) == months


def test_a_leap_day_birthday_counts_from_the_first_of_march() -> None:
    born = dt.date(2024, 2, 29)
    assert months_between(born, dt.date(2027, 2, 28)) == 35
    assert months_between(born, dt.date(2027, 3, 1)) == 36


def test_the_date_of_birth_wins_over_an_age_typed_in_months() -> None:
    assert age_months(dt.date(2024, 12, 12), 5, EVENT) == 24
    assert age_months(None, 5, EVENT) == 5
    assert age_months(None, None, EVENT) is None
    assert age_words(14) == "1 year 2 months"
    assert age_words(48) == "4 years"


@pytest.mark.parametrize(
    ("months", "band"),
    [(0, "Under 2"), (23, "Under 2"), (24, "Aged 2"), (35, "Aged 2"), (36, "3 and over")],
)
def test_bands_at_the_boundaries(months: int, band: str) -> None:
    assert ENGLAND_GROUP.band_for(months).label == band


def test_a_child_of_unknown_age_counts_in_the_youngest_band() -> None:
    assert ENGLAND_GROUP.band_for(None).label == "Under 2"


def _needed(ages: list[int | None], *, level6: bool = False) -> int:
    lead = OnDuty(None, None, level6=level6, level3=True)
    team = [OnDuty(None, None, level3=True) for _ in range(8)]
    return check_ratios(ages, [lead, *team], ENGLAND_GROUP).needed


@pytest.mark.parametrize(
    ("ages", "needed"),
    [
        ([], 0),
        ([10, 10, 10], 1),  # under 2: 1:3
        ([10, 10, 10, 10], 2),
        ([24] * 5, 1),  # aged 2: 1:5
        ([24] * 6, 2),
        ([40] * 8, 1),  # 3 and over: 1:8
        ([40] * 9, 2),
        ([10, 24, 24, 40, 40, 40], 2),  # 1/3 + 2/5 + 3/8 = 1.11
        ([10, 10, 10, 24, 24, 24, 24, 24], 2),  # 1 + 1 exactly: no rounding up to 3
    ],
)
def test_staff_needed_without_level_6(ages: list[int | None], needed: int) -> None:
    assert _needed(ages) == needed


def test_level_6_allows_one_to_thirteen_for_threes_and_over_only() -> None:
    assert _needed([40] * 13, level6=True) == 1
    assert _needed([40] * 13) == 2
    assert _needed([10] * 4, level6=True) == 2  # under 2 stays 1:3


def test_turning_two_or_three_on_the_day_changes_the_need() -> None:
    born_two_today = months_between(dt.date(2024, 12, 12), EVENT)
    born_two_tomorrow = months_between(dt.date(2024, 12, 13), EVENT)
    assert _needed([born_two_today] * 5) == 1
    assert _needed([born_two_tomorrow] * 5) == 2


def test_short_staffed_is_said_in_words_with_the_time() -> None:
    staff = [OnDuty(dt.time(10), dt.time(12)), OnDuty(dt.time(10), dt.time(11))]
    check = check_ratios([10, 10, 10, 10], staff, ENGLAND_GROUP, start=dt.time(10), end=dt.time(12))
    assert check.needed == 2
    assert check.rostered == 1
    assert check.short
    assert check.summary() == (
        "Short-staffed: 4 children need 2 staff, but only 1 on from 11:00 to 12:00."
    )
    enough = check_ratios(
        [10, 10, 10, 10],
        [*staff[:1], OnDuty(dt.time(9, 45), dt.time(12, 15))],
        ENGLAND_GROUP,
        start=dt.time(10),
        end=dt.time(12),
    )
    assert not enough.short
    assert enough.summary() == "4 children need 2 staff; 2 on throughout — enough."
    one = check_ratios([10], staff[:1], ENGLAND_GROUP, start=dt.time(10), end=dt.time(12))
    assert one.summary() == "1 child needs 1 staff; 1 on throughout — enough."


def test_level_6_counts_only_while_that_person_is_on() -> None:
    staff = [
        OnDuty(dt.time(10), dt.time(11), level6=True, level3=True),
        OnDuty(dt.time(10), dt.time(12), level3=True),
    ]
    check = check_ratios([40] * 13, staff, ENGLAND_GROUP, start=dt.time(10), end=dt.time(12))
    assert [(g.start, g.end, g.on, g.needed) for g in check.gaps] == [
        (dt.time(11), dt.time(12), 1, 2)
    ]


def test_one_to_thirteen_needs_someone_else_with_level_3() -> None:
    alone = [OnDuty(None, None, level6=True, level3=True)]
    assert check_ratios([40] * 13, alone, ENGLAND_GROUP).needed == 2
    with_level2 = [*alone, OnDuty(None, None)]
    assert check_ratios([40] * 13, with_level2, ENGLAND_GROUP).needed == 2
    with_level3 = [*alone, OnDuty(None, None, level3=True)]
    assert check_ratios([40] * 13, with_level3, ENGLAND_GROUP).needed == 1


def test_band_shares_are_shown_per_band() -> None:
    needs = needed_staff([10, 24, 40], ENGLAND_GROUP, level6=False)
    assert [(n.label, n.children, n.ratio) for n in needs] == [
        ("Under 2", 1, 3),
        ("Aged 2", 1, 5),
        ("3 and over", 1, 8),
    ]


def test_another_nations_table_is_data_not_code() -> None:
    other = RuleSet(
        key="example",
        name="Example table",
        bands=(Band("Under 3", 0, 36, 3), Band("3 and over", 36, None, 10)),
    )
    assert check_ratios([12] * 4 + [40] * 10, [], other).needed == 3
