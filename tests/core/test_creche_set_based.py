"""The creche checks and the bookings list read by the database (counts, joins) give exactly
what reading every booking and child and looping over them gave."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from organiser.core.creche import checks, counts, service
from organiser.core.creche.kinds import HOLDING, BookingStatus
from organiser.core.creche.models import Booking, Child, CrecheStaff
from organiser.core.creche.ratios import (
    ENGLAND_GROUP,
    OnDuty,
    band_counts,
    check_counts,
    check_ratios,
    is_level3,
    is_level6,
    rule_set,
)
from organiser.core.creche.rows import BookingRow, ChildRow
from organiser.core.db import Store
from organiser.core.parsing import name_key

DAY = dt.date(2026, 12, 12)


def _mixed_event(store: Store, create_event: Callable[..., int]) -> int:
    """Bookings of every status, anonymised ones, children short and over, twins, odd ages."""
    event = create_event(date=DAY)
    service.update_creche(
        store, event_id=event, values={"start": dt.time(10), "end": dt.time(11, 30)}
    )
    booked, waiting = BookingStatus.BOOKED.value, BookingStatus.WAITING.value
    with store.begin() as s:
        made = {}
        for key, status, children, anonymised, since in (
            ("Siobhán Kelly", booked, 2, False, None),
            ("Ama Mensah", BookingStatus.ATTENDED.value, 3, False, None),
            ("Anonymised", booked, 2, True, None),
            ("Cancelled", BookingStatus.CANCELLED.value, 1, False, None),
            ("Over-entered", booked, 0, False, None),
            ("Ages", booked, 4, False, None),
            ("Late", waiting, 1, False, dt.datetime(2026, 11, 3, 9)),
            ("Early", waiting, 2, False, dt.datetime(2026, 11, 1, 9)),
            ("Never", waiting, 0, False, None),
            ("No-show", BookingStatus.NO_SHOW.value, 1, False, None),
        ):
            booking = Booking(
                event_id=event,
                name=key,
                children=children,
                status=status,
                anonymised=anonymised,
                waiting_since=since,
            )
            s.add(booking)
            s.flush()
            made[key] = booking.id
        for key, first, last, born, months, collectors, anonymised in (
            ("Siobhán Kelly", "Niamh", "Kelly", dt.date(2024, 3, 1), None, "Mum", False),
            ("Siobhán Kelly", "Ruairí", "", None, 30, "", False),
            ("Ama Mensah", "niamh ", " KELLY", dt.date(2024, 3, 1), None, "Dad", False),
            ("Cancelled", "Gone", "", None, 20, "Mum", False),
            ("Over-entered", "Extra", "", None, 40, "Gran", False),
            ("Over-entered", "Hidden", "", None, 10, "", True),
            ("Ages", "Old", "", None, 90, "Mum", False),
            ("Ages", "Unborn", "", dt.date(2027, 2, 1), None, "Mum", False),
            ("Ages", "Unknown", "", None, None, "Mum", False),
            ("Ages", "Leap", "", dt.date(2024, 2, 29), None, "Mum", False),
            ("Ages", "Leap", "", dt.date(2024, 2, 29), None, "Mum", False),
            ("Late", "Waits", "", None, 12, "Mum", False),
        ):
            s.add(
                Child(
                    booking_id=made[key],
                    first_name=first,
                    last_name=last,
                    date_of_birth=born,
                    age_months=months,
                    collectors=collectors,
                    anonymised=anonymised,
                )
            )
        for name, qualification, on_from, on_until in (
            ("Lead", "Level 6 (QTS, EYTS or EYPS)", None, dt.time(11)),
            ("Helper", "Level 3", dt.time(10, 15), None),
            ("Volunteer", "None yet", None, None),
        ):
            s.add(
                CrecheStaff(
                    event_id=event,
                    name=name,
                    qualification=qualification,
                    dbs_date=dt.date(2026, 1, 1),
                    first_aid_expiry=dt.date(2028, 1, 1),
                    on_from=on_from,
                    on_until=on_until,
                )
            )
    return event


def _bookings_by_loop(store: Store, event: int) -> list[BookingRow]:
    """The bookings list as it was read: every booking, counted and queued in Python."""
    with store.begin() as s:
        bookings = list(s.query(Booking).filter(Booking.event_id == event).order_by(Booking.id))
        registered = {
            b.id: s.query(Child).filter(Child.booking_id == b.id).count() for b in bookings
        }
    waiting = sorted(
        (b for b in bookings if b.status == BookingStatus.WAITING.value),
        key=lambda b: (b.waiting_since is None, b.waiting_since or dt.datetime.min, b.id),
    )
    position = {b.id: n for n, b in enumerate(waiting, start=1)}
    fields = [f for f in BookingRow.__dataclass_fields__ if f not in {"registered", "position"}]
    return [
        BookingRow(
            **{f: getattr(b, f) for f in fields},
            registered=registered[b.id],
            position=position.get(b.id),
        )
        for b in bookings
    ]


def _warnings_by_loop(children: list[ChildRow], bookings: list[BookingRow]) -> list[str]:
    """The children's and bookings' warnings as they were found, child by child."""
    texts = []
    seen: dict[tuple[str, dt.date | None], ChildRow] = {}
    for child in (c for c in children if c.booking_status in HOLDING and not c.anonymised):
        name = child.full_name
        if not child.collectors.strip():
            texts.append(f"Nobody is named to collect {name}.")
        if child.age is None:
            texts.append(f"{name} has no date of birth or age; counted as under 2.")
        elif child.age >= 72:
            texts.append(
                f"{name} is {child.age_text} at the event, older than the creche takes (up to 5)."
            )
        elif child.age < 0:
            texts.append(f"{name}’s date of birth is after the event.")
        twin = seen.get((name_key(name), child.date_of_birth))
        if twin is not None:
            where = (
                "twice in the same booking"
                if twin.booking_id == child.booking_id
                else f"by {twin.booking} and by {child.booking}"
            )
            texts.append(f"{name} is booked {where}.")
        seen[(name_key(name), child.date_of_birth)] = child
    for b in bookings:
        if b.status in HOLDING and not b.anonymised and b.registered < b.children:
            missing = b.children - b.registered
            texts.append(
                f"{b.name} booked {b.children} creche place{'s' if b.children != 1 else ''}; "
                f"{missing} child{'ren' if missing != 1 else ''}’s details still to add."
            )
    return texts


def test_the_bookings_list_is_what_reading_every_booking_gave(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = _mixed_event(store, create_event)
    listed = service.list_bookings(store, event)
    assert listed == _bookings_by_loop(store, event)
    assert [b.name for b in listed if b.position] == ["Late", "Early", "Never"]
    assert {b.name: b.position for b in listed if b.position} == {
        "Early": 1,
        "Late": 2,
        "Never": 3,
    }
    assert hash(listed[0]) == hash(_bookings_by_loop(store, event)[0])  # still a frozen row


def test_the_checks_are_what_looping_over_every_child_gave(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = _mixed_event(store, create_event)
    review = checks.review(store, event, today=DAY)
    children = service.list_children(store, event)
    bookings = service.list_bookings(store, event)
    texts = [w.text for w in review.warnings if w.page == "children"]
    assert texts == _warnings_by_loop(children, bookings)
    assert "niamh   KELLY is booked by Siobhán Kelly and by Ama Mensah." in texts
    assert "Leap is booked twice in the same booking." in texts
    assert not any("Anonymised" in t or "Hidden" in t or "Waits" in t for t in texts)

    # The ratio check: every child of a booking holding places (anonymised ones too), and
    # one of unknown age for each child booked but not entered.
    ages: list[int | None] = [c.age for c in service.list_children(store, event, holding_only=True)]
    for b in bookings:
        if b.status in HOLDING:
            ages += [None] * max(b.children - b.registered, 0)
    staff = [
        OnDuty(m.on_from, m.on_until, is_level6(m.qualification), is_level3(m.qualification))
        for m in service.list_staff(store, event)
    ]
    expected = check_ratios(
        ages, staff, rule_set("england-group"), start=dt.time(10), end=dt.time(11, 30)
    )
    assert review.ratios == expected == counts.ratio_check(store, event)
    assert review.ratios.children == len(ages) == 14
    assert review.ratios.gaps  # pieces of the session differ, and one is short


def test_counting_ages_once_gives_the_check_of_every_age() -> None:
    ages = [None, 3, 25, 40, 40, 70, -2, None] * 5
    staff = [OnDuty(None, dt.time(11), level6=True), OnDuty(dt.time(10, 30), None, level3=True)]
    for start, end in ((None, None), (dt.time(10), dt.time(12))):
        assert check_counts(
            band_counts(ages, ENGLAND_GROUP), staff, ENGLAND_GROUP, start=start, end=end
        ) == check_ratios(ages, staff, ENGLAND_GROUP, start=start, end=end)


def test_the_checks_of_an_empty_event_read_nothing_wrong(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event(date=DAY)
    review = checks.review(store, event, today=DAY + dt.timedelta(days=90))
    assert review.warnings == () and not review.planned
    assert review.ratios.children == 0 and service.list_bookings(store, event) == []
