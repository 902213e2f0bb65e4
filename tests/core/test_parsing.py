"""Reading what a person types: dates, times, whole numbers, names."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from organiser.core.errors import ValidationError
from organiser.core.parsing import (
    format_date,
    format_minutes,
    format_time,
    long_date,
    minutes_between,
    name_key,
    parse_date,
    parse_time,
    parse_whole_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2027", dt.date(2027, 3, 14)),
        ("14/03/27", dt.date(2027, 3, 14)),
        ("2027-03-14", dt.date(2027, 3, 14)),
        ("14.03.2027", dt.date(2027, 3, 14)),
        ("14 March 2027", dt.date(2027, 3, 14)),
        ("  14   Mar   2027 ", dt.date(2027, 3, 14)),
        ("29/02/2028", dt.date(2028, 2, 29)),
    ],
)
def test_parse_date_reads_day_month_year(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_blank_date_means_not_set() -> None:
    assert parse_date("   ") is None


@pytest.mark.parametrize("text", ["31/02/2027", "29/02/2027", "31/04/2027", "00/01/2027"])
def test_date_not_in_the_calendar_is_refused_clearly(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, field="date")
    assert str(caught.value) == f"{text} is not a date in the calendar."
    assert caught.value.field == "date"


@pytest.mark.parametrize("text", ["next Tuesday", "14/13", "2027"])
def test_text_that_is_no_date_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ValidationError, match="day/month/year, for example 14/03/2027"):
        parse_date(text)


def test_format_and_long_date() -> None:
    assert format_date(dt.date(2027, 3, 6)) == "06/03/2027"
    assert format_date(None) == ""
    assert long_date(dt.date(2027, 3, 13)) == "Saturday 13 March 2027"
    assert long_date(None) == "Date to be set"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30", dt.time(9, 30)),
        ("09.30", dt.time(9, 30)),
        ("14:00", dt.time(14, 0)),
        ("2pm", dt.time(14, 0)),
        ("2 PM", dt.time(14, 0)),
        ("10:15am", dt.time(10, 15)),
        ("12pm", dt.time(12, 0)),
        ("12am", dt.time(0, 0)),
        ("0:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
        ("9", dt.time(9, 0)),
    ],
)
def test_parse_time_reads_clock_times(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "9:60", "13pm", "0am", "half nine", "9:5"])
def test_impossible_time_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time(text, field="start_time")
    assert (
        str(caught.value)
        == f"“{text}” is not a time; write it as hours:minutes, for example 09:30."
    )
    assert caught.value.field == "start_time"


def test_blank_time_and_formatting() -> None:
    assert parse_time("") is None
    assert format_time(dt.time(9, 5)) == "09:05"
    assert format_time(None) == ""


def test_whole_numbers() -> None:
    assert parse_whole_number("1,200") == 1200
    assert parse_whole_number(" ") is None
    assert parse_whole_number("0", minimum=0) == 0
    with pytest.raises(ValidationError, match=r"Capacity must be 1 or more\.") as caught:
        parse_whole_number("0", what="Capacity", field="capacity")
    assert caught.value.field == "capacity"
    with pytest.raises(ValidationError, match="cannot be negative"):
        parse_whole_number("-3", what="Attendance", minimum=0)
    with pytest.raises(ValidationError, match="whole number, for example 30"):
        parse_whole_number("twenty")
    with pytest.raises(ValidationError, match="whole number"):
        parse_whole_number("2.5")


def test_minutes() -> None:
    assert minutes_between(dt.time(9, 45), dt.time(12, 15)) == 150
    assert format_minutes(150) == "2 h 30 min"
    assert format_minutes(120) == "2 h"
    assert format_minutes(45) == "45 min"
    assert format_minutes(-5) == "0 min"


def test_name_key_treats_composed_and_decomposed_accents_alike() -> None:
    composed = "Zo\u00eb"
    decomposed = "Zoe\u0308"
    assert composed != decomposed
    assert unicodedata.normalize("NFC", decomposed) == composed
    assert name_key(composed) == name_key(decomposed) == "zoë"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ZOË MARSH", "zoë marsh"),
        ("  Zoë   Marsh ", "Zoë Marsh"),
        ("Siobha\u0301n Kelly", "SIOBHÁN KELLY"),
        ("Straße", "STRASSE"),
        ("Łucja Nowak", "łucja nowak"),
    ],
)
def test_name_key_matches_names_a_person_would_call_the_same(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Zoë Marsh") != name_key("Zoe Marsh")
    assert name_key("Lucja Nowak") != name_key("Łucja Nowak")
