"""Checks on an event's details: errors that block, warnings that inform."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from organiser.core.errors import ValidationError
from organiser.core.events.rules import TEXT_LIMIT, check_details, days_to_go, detail_warnings

NINE = dt.time(9, 0)
NOON = dt.time(12, 0)


def _field_of(values: dict[str, Any], current: dict[str, Any] | None = None) -> str | None:
    with pytest.raises(ValidationError) as caught:
        check_details(values, current or {})
    return caught.value.field


def test_valid_details_pass() -> None:
    check_details(
        {"title": "Pilates", "start_time": NINE, "end_time": NOON, "capacity": 20}, current={}
    )
    check_details({"attendance": 0}, current={})


def test_end_before_start_is_refused_on_the_field_being_edited() -> None:
    with pytest.raises(ValidationError, match=r"end time must be after the start time \(12:00\)"):
        check_details({"end_time": NINE}, {"start_time": NOON, "end_time": None})
    assert _field_of({"end_time": NINE}, {"start_time": NOON}) == "end_time"
    assert _field_of({"start_time": NOON}, {"end_time": NINE}) == "start_time"


def test_end_equal_to_start_is_refused() -> None:
    assert _field_of({"start_time": NINE, "end_time": NINE}) == "end_time"


@pytest.mark.parametrize("capacity", [0, -1, -20])
def test_capacity_must_be_positive(capacity: int) -> None:
    with pytest.raises(ValidationError, match=r"Capacity must be a positive whole number\."):
        check_details({"capacity": capacity}, {})
    assert _field_of({"capacity": capacity}) == "capacity"


def test_attendance_cannot_be_negative() -> None:
    assert _field_of({"attendance": -1}) == "attendance"


def test_blank_title_and_unknown_status_are_refused() -> None:
    assert _field_of({"title": "   "}) == "title"
    assert _field_of({"status": "Cancelled"}) == "status"


def test_text_over_the_limit_is_refused() -> None:
    check_details({"purpose": "x" * TEXT_LIMIT}, {})
    assert _field_of({"purpose": "x" * (TEXT_LIMIT + 1)}) == "purpose"


def test_past_date_is_a_warning_not_an_error() -> None:
    today = dt.date(2027, 3, 14)
    assert detail_warnings(dt.date(2027, 3, 13), today=today) == [
        "The date 13/03/2027 is in the past."
    ]
    assert detail_warnings(today, today=today) == []
    assert detail_warnings(dt.date(2027, 4, 1), today=today) == []
    assert detail_warnings(None, today=today) == []


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2027, 3, 14), "Today"),
        (dt.date(2027, 3, 15), "Tomorrow"),
        (dt.date(2027, 3, 16), "2 days to go"),
        (dt.date(2027, 4, 4), "21 days to go"),
        (dt.date(2028, 3, 14), "366 days to go"),
        (dt.date(2027, 3, 13), "Yesterday"),
        (dt.date(2027, 3, 11), "3 days ago"),
        (None, "No date yet"),
    ],
)
def test_days_to_go(date: dt.date | None, text: str) -> None:
    assert days_to_go(date, today=dt.date(2027, 3, 14)) == text
