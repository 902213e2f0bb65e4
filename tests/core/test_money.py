"""Money: whole pence in the database, pounds on screen."""

from __future__ import annotations

import pytest

from organiser.core.errors import ValidationError
from organiser.core.money import format_pence, parse_pence


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("£1,234.50", 123450),
        ("1234.5", 123450),
        ("12", 1200),
        ("0.5", 50),
        (".99", 99),
        ("0", 0),
        (" £ 45 ", 4500),
        ("999,999,999.99", 99999999999),
        ("0.07", 7),
        ("1.10", 110),
    ],
)
def test_parse_pence(text: str, pence: int) -> None:
    assert parse_pence(text) == pence


@pytest.mark.parametrize("text", ["-5", "£-5.00", "-0.01"])
def test_negative_amount_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_pence(text, field="estimated_pence")
    assert str(caught.value) == "An amount cannot be negative."
    assert caught.value.field == "estimated_pence"


@pytest.mark.parametrize(
    "text", ["twelve", "12.345", "1e5", "12,50 €", ".", "1.2.3", "NaN", "£1,2,3x"]
)
def test_non_numeric_amount_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="is not an amount in pounds") as caught:
        parse_pence(text, field="amount_pence")
    assert caught.value.field == "amount_pence"


def test_blank_amount() -> None:
    assert parse_pence("  ", allow_blank=True) is None
    for text in ("  ", "£"):
        with pytest.raises(ValidationError, match="Enter an amount in pounds"):
            parse_pence(text)


@pytest.mark.parametrize(
    ("pence", "text"),
    [
        (123450, "£1,234.50"),
        (0, "£0.00"),
        (7, "£0.07"),
        (100000000, "£1,000,000.00"),
        (-1050, "−£10.50"),
    ],
)
def test_format_pence(pence: int, text: str) -> None:
    assert format_pence(pence) == text


def test_format_pence_blank_and_round_trip() -> None:
    assert format_pence(None) == ""
    assert format_pence(None, blank="–") == "–"
    for pence in (1, 99, 100, 4_480_000, 123_456_789):
        assert parse_pence(format_pence(pence)) == pence
