"""WCAG contrast against reference pairs, and the checklist's rules."""

from __future__ import annotations

import dataclasses

import pytest

from organiser.core.errors import ValidationError
from organiser.core.flyer import checklist
from organiser.core.flyer.contrast import parse_colour, passes_aa, ratio
from organiser.core.flyer.documents import FlyerSheet


@pytest.mark.parametrize(
    ("fore", "back", "expected"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#777777", "#FFFFFF", 4.48),
        ("#FFFFFF", "#777777", 4.48),  # order does not matter
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white
        ("#0000FF", "#FFFFFF", 8.59),
        ("#FF0000", "#FFFFFF", 4.0),
        ("#123456", "#123456", 1.0),
    ],
)
def test_contrast_ratio_reference_pairs(fore: str, back: str, expected: float) -> None:
    assert ratio(fore, back) == pytest.approx(expected, abs=0.01)


def test_large_text_needs_three_to_one_only() -> None:
    assert not passes_aa("#777777", "#FFFFFF", size_pt=12)
    assert passes_aa("#777777", "#FFFFFF", size_pt=18)
    assert passes_aa("#777777", "#FFFFFF", size_pt=14, bold=True)
    assert not passes_aa("#999999", "#FFFFFF", size_pt=24)  # 2.85:1


def test_colours_are_tidied_or_refused_in_words() -> None:
    assert parse_colour("abc") == "#AABBCC"
    assert parse_colour(" #0b4f6c ") == "#0B4F6C"
    with pytest.raises(ValidationError, match="not a colour"):
        parse_colour("blue", field="text_colour")


SHEET = FlyerSheet(
    template="a4-poster",
    title="Move, Breathe and Connect",
    strapline="A relaxed morning for parents.",
    when_text="Thursday 17 December 2026, 9:45am to 12:15pm",
    venue_text="Harbourside Family Centre",
    expect=("Gentle Pilates",),
    hear_from=("Zoë Marsh",),
    creche_text="Free creche",
    refreshments_text="Free refreshments",
    cost_text="Free",
    access_text="Step-free access",
    booking_text="To book: call 01702 555 014",
    booking_link="",
    credit_line="",
    image=None,
    image_placement="No image",
    text_colour="#1A1A1A",
    background_colour="#FFFFFF",
    accent_colour="#0B4F6C",
    body_size=14,
    heading_size=34,
    alignment="Left",
)


def _states(sheet: FlyerSheet, overflow: tuple[str, ...] = ()) -> dict[str, str]:
    return {item.key: item.state for item in checklist.check(sheet, overflow)}


def test_a_clear_flyer_passes_everything() -> None:
    assert set(_states(SHEET).values()) == {"pass"}


def test_low_contrast_fails_with_the_ratio_in_words() -> None:
    grey = dataclasses.replace(SHEET, text_colour="#777777", body_size=12)
    item = next(i for i in checklist.check(grey) if i.key == "contrast_text")
    assert item.state == "fail"
    assert item.text == (
        "Body text contrast is only 4.48:1; it needs 4.5:1. Darken the text or lighten the "
        "background."
    )
    same = dataclasses.replace(SHEET, accent_colour="#FFFFFF")
    heading = next(i for i in checklist.check(same) if i.key == "contrast_heading")
    assert heading.state == "fail" and "only 1:1" in heading.text


def test_sizes_follow_clear_and_large_print() -> None:
    assert _states(dataclasses.replace(SHEET, body_size=11))["size"] == "fail"
    assert _states(dataclasses.replace(SHEET, body_size=12))["size"] == "advice"
    large = dataclasses.replace(SHEET, template="large-print", body_size=14)
    assert _states(large)["size"] == "advice"  # the large-print page prints 16 pt anyway
    assert _states(dataclasses.replace(large, body_size=16))["size"] == "pass"


def test_capitals_centring_image_behind_and_missing_essentials() -> None:
    shouting = dataclasses.replace(SHEET, strapline="FREE FOR ALL PARENTS this week")
    assert _states(shouting)["capitals"] == "fail"
    assert _states(dataclasses.replace(SHEET, strapline="Meet the NHS team"))["capitals"] == "pass"
    assert _states(dataclasses.replace(SHEET, alignment="Centred"))["alignment"] == "fail"
    behind = dataclasses.replace(SHEET, image=b"png", image_placement="Behind the text")
    assert _states(behind)["image_text"] == "fail"
    missing = dataclasses.replace(SHEET, cost_text="", access_text=" ")
    item = next(i for i in checklist.check(missing) if i.key == "essentials")
    assert item.text == "Missing: cost, access."


def test_the_missing_essentials_are_said_in_one_sentence_before_output() -> None:
    assert checklist.essentials_warning(SHEET) == ""
    no_cost = dataclasses.replace(SHEET, cost_text="")
    assert checklist.essentials_warning(no_cost) == (
        "The flyer does not say everything people need to know. Missing: cost."
    )
    bare = dataclasses.replace(no_cost, when_text="", booking_text="", access_text="")
    assert checklist.missing_essentials(bare) == ["when", "cost", "how to book", "access"]
    assert checklist.essentials_warning(bare).endswith(
        "Missing: when, cost, how to book and access."
    )
    linked = dataclasses.replace(bare, booking_link="01702 555 014")
    assert "how to book" not in checklist.essentials_warning(linked), "a link is a way to book"


def test_long_sentences_and_overflow_name_their_fields() -> None:
    wordy = dataclasses.replace(SHEET, strapline=" ".join(["word"] * 30) + ".")
    item = next(i for i in checklist.check(wordy) if i.key == "plain")
    assert item.state == "advice" and "(strapline)" in item.text
    over = next(i for i in checklist.check(SHEET, ("strapline", "expect")) if i.key == "overflow")
    assert over.state == "fail"
    assert over.text.startswith("Does not fit on the page: strapline, what to expect.")


def test_text_contrast_is_judged_at_the_credit_lines_smaller_size() -> None:
    light = dataclasses.replace(SHEET, text_colour="#949494", body_size=18, credit_line="")
    assert _states(light)["contrast_text"] == "pass"  # 18 pt is large text: 3:1 is enough
    credited = dataclasses.replace(light, credit_line="Funded by the council")
    assert _states(credited)["contrast_text"] == "fail"  # the 16 pt credit needs 4.5:1
