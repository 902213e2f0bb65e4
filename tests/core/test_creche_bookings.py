"""Places, the waiting list in order, offering a freed place, and recorded promotions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from organiser.core import crud
from organiser.core.creche import bookings, service
from organiser.core.creche.kinds import BookingStatus
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.row_kinds import RowKind

WAITING = BookingStatus.WAITING.value
BOOKED = BookingStatus.BOOKED.value


def _statuses(store: Store, event_id: int) -> dict[str, tuple[str, int | None]]:
    return {b.name: (b.status, b.position) for b in service.list_bookings(store, event_id)}


def test_bookings_past_capacity_go_on_the_waiting_list_in_order(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=4)
    add_booking(event, name="Zoë Hartley", adults=2)
    add_booking(event, name="Amara Okafor", adults=2)
    add_booking(event, name="Daniel Osei", adults=2)
    add_booking(event, name="Grace Mbeki", adults=1)
    assert _statuses(store, event) == {
        "Zoë Hartley": (BOOKED, None),
        "Amara Okafor": (BOOKED, None),
        "Daniel Osei": (WAITING, 1),
        "Grace Mbeki": (WAITING, 2),
    }
    assert bookings.places(store, event).words() == "4 of 4 places booked"
    assert bookings.next_offer(store, event) is None


def test_a_freed_place_is_offered_to_the_first_household_that_fits(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=3)
    first = add_booking(event, name="Zoë Hartley", adults=2)
    add_booking(event, name="Callum Reid", adults=1)
    add_booking(event, name="Daniel Osei", adults=2)
    add_booking(event, name="Grace Mbeki", adults=1)
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=first, values={"status": "Cancelled"})
    offer = bookings.next_offer(store, event)
    assert offer is not None
    assert (offer.name, offer.position) == ("Daniel Osei", 1)  # two places free: first fits
    crud.update_row(
        store, kind=RowKind.BOOKINGS, row_id=offer.booking_id, values={"status": BOOKED}
    )
    assert bookings.places(store, event).words() == "3 of 3 places booked"
    assert bookings.next_offer(store, event) is None


def test_the_offer_skips_a_household_too_big_for_the_places_free(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=2)
    first = add_booking(event, name="Callum Reid", adults=1)
    add_booking(event, name="Kerry Dawson", adults=1)
    add_booking(event, name="Daniel Osei", adults=2)
    add_booking(event, name="Grace Mbeki", adults=1)
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=first, values={"status": "Cancelled"})
    offer = bookings.next_offer(store, event)
    assert offer is not None
    assert (offer.name, offer.position) == ("Grace Mbeki", 2)
    assert offer.words() == (
        "A place is free: offer it to Grace Mbeki (1 adult, number 2 on the waiting list)."
    )


def test_promotion_is_recorded_with_its_time(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=1)
    add_booking(event, name="Callum Reid")
    waiting = add_booking(event, name="Grace Mbeki")
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=waiting, values={"status": BOOKED})
    history = [status for status, _at in bookings.status_history(store, waiting)]
    assert history == [WAITING, BOOKED]


def test_creche_places_also_fill_up(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=20)
    service.update_creche(store, event_id=event, values={"places": 2})
    add_booking(event, name="Zoë Hartley", children=2)
    third = add_booking(event, name="Amara Okafor", children=1)
    assert _statuses(store, event)["Amara Okafor"] == (WAITING, 1)
    assert bookings.places(store, event).words() == "1 of 20 places booked; creche 2 of 2"
    assert third in bookings.waiting_list(store, event)


def test_no_capacity_means_no_waiting_list(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event()
    for n in range(5):
        add_booking(event, name=f"Parent {n}", adults=3)
    assert {s for s, _ in _statuses(store, event).values()} == {BOOKED}


def test_deleting_a_booking_takes_its_children_and_undo_brings_them_back(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event = create_event()
    booking = add_booking(event, children=1)
    add_child(booking, first_name="Niamh")
    gone = crud.delete_row(store, kind=RowKind.BOOKINGS, row_id=booking)
    assert service.list_children(store, event) == []
    assert gone.snapshot is not None
    crud.restore_row(store, kind=RowKind.BOOKINGS, snapshot=gone.snapshot)
    assert [c.first_name for c in service.list_children(store, event)] == ["Niamh"]
    assert bookings.status_history(store, booking)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "A", "adults": -1}, "adults"),
        ({"name": "A", "adults": 0, "children": 0}, "adults"),
        ({"name": "A", "children": 400}, "children"),
        ({"name": "A", "status": "Maybe"}, "status"),
    ],
)
def test_bad_bookings_are_refused_with_the_field_named(
    store: Store, create_event: Callable[..., int], values: dict[str, object], field: str
) -> None:
    event = create_event()
    with pytest.raises(ValidationError) as refused:
        crud.add_row(store, kind=RowKind.BOOKINGS, parent_id=event, values=values)
    assert refused.value.field == field
    assert service.list_bookings(store, event) == []


def test_consent_to_future_contact_is_dated(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event()
    add_booking(event, contact_consent=True)
    (row,) = service.list_bookings(store, event)
    assert row.contact_consent_date is not None


def test_saving_a_consented_booking_again_keeps_the_consent_date(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    import datetime as dt

    event = create_event()
    booking = add_booking(event, contact_consent=True, contact_consent_date=dt.date(2026, 1, 1))
    crud.update_row(
        store,
        kind=RowKind.BOOKINGS,
        row_id=booking,
        values={"contact_consent": True, "notes": "Prefers a text message"},
    )
    (row,) = service.list_bookings(store, event)
    assert row.contact_consent_date == dt.date(2026, 1, 1)


def test_a_household_back_on_the_waiting_list_joins_its_end_and_undo_restores_its_place(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=1)
    first = add_booking(event, name="Callum Reid")
    grace = add_booking(event, name="Grace Mbeki")
    add_booking(event, name="Daniel Osei")
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=first, values={"status": "Cancelled"})
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values={"status": BOOKED})
    back = crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values={"status": WAITING})
    assert _statuses(store, event)["Grace Mbeki"] == (WAITING, 2)
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values=back.previous)
    given = crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values={"status": WAITING})
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values=given.previous)
    assert _statuses(store, event)["Grace Mbeki"] == (BOOKED, None)
    promoted = crud.update_row(
        store, kind=RowKind.BOOKINGS, row_id=grace, values={"status": "Cancelled"}
    )
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values=promoted.previous)
    assert _statuses(store, event)["Grace Mbeki"] == (BOOKED, None)


def test_undoing_a_promotion_keeps_the_households_place_in_the_queue(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(capacity=1)
    first = add_booking(event, name="Callum Reid")
    grace = add_booking(event, name="Grace Mbeki")
    add_booking(event, name="Daniel Osei")
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=first, values={"status": "Cancelled"})
    given = crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values={"status": BOOKED})
    crud.update_row(store, kind=RowKind.BOOKINGS, row_id=grace, values=given.previous)
    assert _statuses(store, event)["Grace Mbeki"] == (WAITING, 1)
