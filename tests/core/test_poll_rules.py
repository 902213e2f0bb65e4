"""Poll rules with worked examples: needs read from notes, the venue's gaps, ranking, words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pytest

from organiser.core.polls.rules import (
    Answer,
    OptionTally,
    describe_option,
    explain,
    missing_features,
    needed_features,
    next_answer,
    rank,
)

Y, MAYBE, N = Answer.YES, Answer.IF_NEED_BE, Answer.NO
MONDAY = dt.date(2027, 3, 1)


@pytest.mark.parametrize(
    ("notes", "needs"),
    [
        ("Uses a wheelchair on some days", {"step_free"}),
        ("cannot manage stairs", {"step_free"}),
        ("walks with crutches after an operation", {"step_free"}),
        ("Brings baby to meetings", {"baby_change"}),
        ("needs somewhere for nappies", {"baby_change"}),
        ("Blue badge holder", {"parking"}),
        ("needs an accessible toilet", {"accessible_toilet"}),
        ("needs childcare for two children", {"creche_room"}),
        ("wheelchair user; brings baby", {"step_free", "baby_change"}),
        # A carer is not a car: the words must match whole, not inside other words.
        ("is a carer for her mum", set()),
        ("school run until 9:30", set()),
        ("", set()),
    ],
)
def test_needed_features_read_from_access_notes(notes: str, needs: set[str]) -> None:
    assert needed_features(notes) == needs


def test_needs_come_from_access_needs_and_availability_notes_together() -> None:
    assert needed_features("Uses a WHEELCHAIR", "brings baby") == {"step_free", "baby_change"}


def test_missing_features_says_what_the_venue_lacks_in_words() -> None:
    venue = {"step_free": False, "baby_change": True, "parking": False}
    assert missing_features({"step_free", "baby_change"}, venue) == ["step-free access"]
    assert missing_features({"step_free", "parking"}, venue) == ["step-free access", "parking"]
    assert missing_features({"baby_change"}, venue) == []
    assert missing_features(set(), {}) == []


def tally(
    option_id: int,
    answers: Mapping[str, Answer],
    *,
    day: int = 0,
    unanswered: Sequence[str] = (),
    conflicts: Mapping[str, list[str]] | None = None,
    features: Sequence[str] = (),
    place: str = "Hall A",
) -> OptionTally:
    return OptionTally(
        option_id=option_id,
        date=MONDAY + dt.timedelta(days=day),
        start=dt.time(10),
        end=dt.time(12),
        place=place,
        answers=answers,
        unanswered=unanswered,
        conflicts=conflicts or {},
        features=features,
    )


def order(*tallies: OptionTally) -> list[int]:
    return [t.option_id for t in rank(tallies)]


def test_an_option_without_a_no_beats_one_with_more_yes_and_a_no() -> None:
    everyone_but_one = tally(1, {"Zoë": Y, "Dev": Y, "Ali": Y, "Bea": N})
    nobody_against = tally(2, {"Zoë": Y, "Dev": MAYBE, "Ali": MAYBE, "Bea": MAYBE}, day=5)
    assert order(everyone_but_one, nobody_against) == [2, 1]


def test_among_options_without_a_no_most_yes_first() -> None:
    two_yes = tally(1, {"Zoë": Y, "Dev": Y, "Ali": MAYBE})
    three_yes = tally(2, {"Zoë": Y, "Dev": Y, "Ali": Y}, day=3)
    assert order(two_yes, three_yes) == [2, 1]


def test_with_equal_yes_fewest_no_then_fewest_if_need_be() -> None:
    one_no = tally(1, {"Zoë": Y, "Dev": N, "Ali": MAYBE})
    two_no = tally(2, {"Zoë": Y, "Dev": N, "Ali": N})
    assert order(two_no, one_no) == [1, 2]
    two_maybe = tally(3, {"Zoë": Y, "Dev": MAYBE, "Ali": MAYBE})
    one_maybe = tally(4, {"Zoë": Y, "Dev": MAYBE}, day=9)
    assert order(two_maybe, one_maybe) == [4, 3]


def test_with_equal_answers_fewer_access_conflicts_first_then_earlier_date() -> None:
    blocked = tally(1, {"Zoë": Y, "Dev": Y}, conflicts={"Zoë": ["step-free access"]})
    open_to_all = tally(2, {"Zoë": Y, "Dev": Y}, day=7)
    later_same = tally(3, {"Zoë": Y, "Dev": Y}, day=8)
    assert order(later_same, blocked, open_to_all) == [2, 3, 1]


def test_a_tie_goes_to_the_earlier_date_then_the_earlier_start() -> None:
    later = tally(1, {"Zoë": Y}, day=2)
    sooner = tally(2, {"Zoë": Y}, day=1)
    assert order(later, sooner) == [2, 1]


def test_explain_counts_answers_and_names_who_said_no() -> None:
    text = explain(
        tally(1, {"Zoë": Y, "Dev": Y, "Ali": MAYBE, "Bea": N}, unanswered=["Łucja"], features=())
    )
    assert text == "2 yes, 1 if need be, 1 no (Bea), 1 not answered"


def test_explain_names_the_access_problem_before_anything_else_about_the_venue() -> None:
    text = explain(
        tally(
            1,
            {"Zoë": Y},
            conflicts={"Zoë Marsh": ["step-free access", "an accessible toilet"]},
            features=("parking",),
        )
    )
    assert text == (
        "1 yes; access problem: Zoë Marsh needs step-free access and an accessible toilet"
    )


def test_explain_lists_the_venue_features_when_nobody_is_shut_out() -> None:
    text = explain(tally(1, {"Zoë": Y, "Dev": Y}, features=("step-free access", "baby change")))
    assert text == "2 yes; step-free access, baby change"
    assert explain(tally(2, {})) == "0 yes"


def test_space_cycles_yes_if_need_be_no_not_answered_and_round_again() -> None:
    seen = [None]
    for _ in range(4):
        seen.append(next_answer(seen[-1]))
    assert seen == [None, Y, MAYBE, N, None]


def test_an_option_is_described_with_day_date_times_and_place() -> None:
    text = describe_option(dt.date(2027, 1, 13), dt.time(10), dt.time(12), "Hall A")
    assert text == "Wed 13 Jan 2027, 10:00–12:00, Hall A"
    assert describe_option(dt.date(2027, 1, 13), dt.time(9, 30), dt.time(11), "") == (
        "Wed 13 Jan 2027, 09:30–11:00"
    )


@pytest.mark.parametrize(
    ("notes", "needs"),
    [
        ("No parking needed", set()),
        ("Fine with stairs", set()),
        ("no childcare needed", set()),
        ("stairs are fine but needs parking", {"parking"}),
        ("needs a lift to the first floor", {"step_free"}),
        ("power chair user", {"step_free"}),
        ("comes with a pushchair", {"step_free"}),
        ("brings her baby", {"baby_change"}),
        ("drives to meetings, no blue badge", {"parking"}),
    ],
)
def test_needs_said_not_to_be_needs_are_not_flagged(notes: str, needs: set[str]) -> None:
    assert needed_features(notes) == needs
