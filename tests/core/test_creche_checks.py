"""What the creche page warns about, and the allergy and dietary summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from organiser.core.creche import allergies, checks, counts, service
from organiser.core.db import Store

DAY = dt.date(2026, 12, 12)


def _texts(store: Store, event: int) -> list[str]:
    return [w.text for w in checks.review(store, event, today=DAY).warnings]


def test_a_creche_of_two_hours_warns_about_registration(
    store: Store, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    event = create_event(date=DAY)
    add_item(event, title="Creche", kind="Creche", start="10:00", end="11:59")
    assert not any("Ofsted" in t for t in _texts(store, event))
    service.update_creche(store, event_id=event, values={"end": dt.time(12, 0)})
    settings = service.get_creche(store, event)
    assert (settings.session_start, settings.session_end) == (dt.time(10), dt.time(12))
    assert any("runs 2 h" in t and "Ofsted" in t for t in _texts(store, event))


def test_an_event_with_no_creche_is_not_told_its_creche_has_no_hours(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_staff: Callable[..., int],
) -> None:
    from organiser.core.planning.overview import overview

    event = create_event(date=DAY)
    add_booking(event, children=0)  # a parent coming alone: still no creche
    review = checks.review(store, event, today=DAY)
    assert not review.planned and review.warnings == ()
    assert not any("creche has no hours" in line.text for line in overview(store, event, today=DAY))

    service.update_creche(store, event_id=event, values={"places": 6})
    assert checks.review(store, event, today=DAY).planned
    assert _texts(store, event) == [
        "The creche has no hours: set them on Creche ▸ Settings and checks, or add a Creche "
        "item to the programme."
    ]
    staffed = create_event(title="Staffed", date=DAY)
    add_staff(staffed)
    assert any("creche has no hours" in t for t in _texts(store, staffed))


def test_staff_without_checks_and_children_without_collectors_are_named(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    add_staff: Callable[..., int],
) -> None:
    event = create_event(date=DAY)
    add_staff(event, name="Marek Zieliński", dbs_date=None)
    add_staff(event, name="Bronwen Evans", first_aid_expiry=dt.date(2026, 12, 1))
    booking = add_booking(event, children=2)
    add_child(booking, first_name="Niamh", last_name="Kelly", collectors="")
    add_child(booking, first_name="Ruairí", age_months=90)
    texts = _texts(store, event)
    assert "Marek Zieliński has no DBS check recorded." in texts
    assert "Bronwen Evans’s paediatric first aid expires on 01/12/2026, before the event." in texts
    assert "Nobody is named to collect Niamh Kelly." in texts
    assert "Ruairí is 7 years at the event, older than the creche takes (up to 5)." in texts


def test_the_same_child_booked_twice_is_found_across_bookings(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event = create_event(date=DAY)
    mum = add_booking(event, name="Siobhán Kelly", children=1)
    dad = add_booking(event, name="Declan Kelly", children=1)
    add_child(mum, first_name="Niamh", last_name="Kelly")
    add_child(dad, first_name="niamh ", last_name="KELLY")
    assert any("booked by Siobhán Kelly and by Declan Kelly" in t for t in _texts(store, event))


def test_missing_child_details_and_a_passed_retention_date(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(date=dt.date(2026, 10, 1))
    add_booking(event, name="Amara Okafor", children=2)
    texts = _texts(store, event)
    assert "Amara Okafor booked 2 creche places; 2 children’s details still to add." in texts
    assert texts[0].startswith("The retention date (31/10/2026) has passed")


def test_short_staffing_comes_first_and_clears_when_staff_are_added(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    add_staff: Callable[..., int],
) -> None:
    event = create_event(date=DAY)
    booking = add_booking(event, children=4)
    for name in ("Ada", "Bea", "Cai", "Dot"):
        add_child(booking, first_name=name, age_months=12)
    add_staff(event)
    review = checks.review(store, event, today=DAY)
    assert review.ratios.short
    assert review.warnings[0].text.startswith("Short-staffed: 4 children need 2 staff")
    add_staff(event, name="Marek Zieliński")
    assert not checks.review(store, event, today=DAY).ratios.short


def test_allergy_needs_are_split_merged_and_counted() -> None:
    assert allergies.needs_in("Nuts and egg; dairy allergy") == ["nuts", "eggs", "dairy"]
    assert allergies.needs_in("None") == []
    summary = allergies.summarise(
        [("nut allergy", ""), ("Nuts", "vegetarian"), ("", "Gluten-free"), ("milk", "")]
    )
    assert allergies.summary_line(summary) == (
        "2 children with a nut allergy; 1 child with a dairy allergy; 1 child: gluten; "
        "1 child: vegetarian"
    )


def test_the_summary_counts_only_children_coming(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event = create_event(capacity=1, date=DAY)
    coming = add_booking(event, children=1)
    waiting = add_booking(event, name="Grace Mbeki", children=1)
    add_child(coming, allergies="Peanuts")
    add_child(waiting, first_name="Kofi", allergies="Sesame")
    assert [n.need for n in service.allergy_summary(store, event)] == ["peanuts"]


def test_the_overview_shows_bookings_the_offer_and_creche_warnings(
    store: Store, demo_event: int
) -> None:
    from organiser.core.planning.overview import overview

    lines = overview(store, demo_event, today=DAY - dt.timedelta(days=21))
    texts = [line.text for line in lines]
    assert "Bookings: 19 of 20 places booked; creche 6 of 8; 2 on the waiting list" in texts
    offer = next(line for line in lines if line.text.startswith("A place is free"))
    assert offer.page == "creche" and offer.attention
    assert any(t.startswith("Creche: 6 children need") for t in texts)


def test_the_overview_names_a_few_creche_checks_and_counts_the_rest(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    from organiser.core.planning.overview import CRECHE_WARNINGS, overview

    event = create_event("Coffee morning")
    for n in range(40):  # forty parents who booked a creche place but named no child yet
        add_booking(event, name=f"Parent {n:02d}", children=1)
    creche = [line for line in overview(store, event, today=DAY) if line.page == "creche"]
    warned = [line.text for line in creche if line.attention]
    assert len(warned) == CRECHE_WARNINGS + 1
    assert warned[-1].startswith("…and ") and "more creche checks on the Creche tab" in warned[-1]
    more = int(warned[-1].split()[1].replace(",", ""))
    assert more + CRECHE_WARNINGS > 40, "every parent is counted, named or not"


def test_the_catering_note_for_budget_and_programme(store: Store, demo_event: int) -> None:
    assert service.catering_note(store, demo_event) == (
        "Refreshments: cater for 1 child with a dairy allergy; 1 child with a nut allergy; "
        "1 child with a peanut allergy; 1 child: no egg; 1 child: vegetarian."
    )


def test_nothing_written_several_ways_is_no_need_and_articles_read_right() -> None:
    assert allergies.needs_in("n/a") == []
    assert allergies.needs_in("N/A.") == []
    assert allergies.summary_line(allergies.summarise([("egg", "")])) == (
        "1 child with an egg allergy"
    )


def test_children_booked_but_not_entered_still_count_for_staffing(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    add_staff: Callable[..., int],
) -> None:
    event = create_event(date=DAY)
    booking = add_booking(event, children=6)
    add_child(booking, first_name="Ada", age_months=10)
    add_staff(event)
    check = counts.ratio_check(store, event)
    assert check.children == 6
    assert check.short  # six children of unknown age count as under 2: two staff needed
