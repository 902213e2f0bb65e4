"""A booking import's plan explains itself, imports the good rows when asked, and lets the
command line choose columns in words."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from organiser.core.creche.importing import (
    ImportPlan,
    apply_import,
    choose,
    guess_mapping,
    plan_for_event,
    remove_imported,
    suggest_mapping,
)
from organiser.core.creche.service import list_bookings
from organiser.core.db import Store
from organiser.core.errors import NotFound, OrganiserError, ValidationError
from organiser.core.import_plans import Plan, Reading, refused_csv
from organiser.core.tables import read_table

FILE = (
    "Order #,First Name,Last Name,Email,Quantity,Buyer First Name,Attendee Status\r\n"
    "6001,Siobhán,Ó Briain,siobhan@example.ie,1,Siobhán,Attending\r\n"
    "6001,Dara,Ó Briain,dara@example.ie,1,Siobhán,Attending\r\n"
    "6002,Zoë,Brontë,zoe@example.co.uk,1,Zoë,Attending\r\n"
    "6003,Ama,Mensah,ama@example.com,two,Ama,Attending\r\n"
    "6004,Kofi,Asante,kofi@example.com,1,Kofi,Waiting list\r\n"
    "6005,Renée,Dubois,renee@example.fr,1,Renée,Maybe\r\n"
    "6005,Luc,Dubois,luc@example.fr,1,Renée,Attending\r\n"
).encode()


def planned(store: Store, event_id: int, data: bytes = FILE) -> ImportPlan:
    table = read_table(data, "attendees.csv")
    mapping, _remembered = suggest_mapping(store, event_id, table)
    return plan_for_event(store, event_id, table, mapping)


def as_plan(plan: ImportPlan) -> Plan:
    """The booking plan has the shape the dialog and the command line show (checked by mypy)."""
    return plan


def test_the_plan_says_what_each_column_was_read_as(
    store: Store, create_event: Callable[..., int]
) -> None:
    plan = as_plan(planned(store, create_event()))
    readings = plan.readings()
    assert readings[0] == Reading("Order #", "Order number or reference", ("6001", "6002"))
    assert readings[4] == Reading("Quantity", "Adults (quantity)", ("1", "two"))
    assert readings[5].column == "Buyer First Name"
    assert readings[5].meaning == "Not imported"  # the attendee's own name is used
    assert [r.column for r in readings] == list(read_table(FILE).header)
    assert readings[0].words() == "“Order #” → Order number or reference (e.g. “6001”, “6002”)"


def test_the_plan_sums_up_adds_skips_merges_and_refusals(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event_id = create_event(capacity=3)
    add_booking(event_id, name="Zoë Brontë", source_ref="6002")
    plan = planned(store, event_id)
    assert plan.skipped == ((4,),)
    assert [e.words() for e in plan.errors] == [
        "Row 5: the quantity “two” is not a whole number; write it in figures, such as 2",
        "Row 7: the attendee status “Maybe” is not one we know; use Attending, Checked In, "
        "Not Attending, Cancelled, Refunded or Waiting list",
        "Row 8: left out with row 7: the same order (6005) has a row that is refused",
    ]
    assert plan.good_count() == 2  # order 6005 has a refused row, so it is left out whole
    assert plan.summary() == (
        "2 bookings to add (1 on the waiting list), 1 already imported, "
        "1 row merged into its order, 3 rows refused."
    )
    assert plan.notes() == [
        "Rows 2–3 (order 6001) are one household: 2 adults.",
        "Rows 7–8 (order 6005) are one household: 2 adults.",
        "1 booking is on the waiting list in the file.",
    ]


def test_a_full_event_is_said_in_the_notes(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event_id = create_event(capacity=2)
    add_booking(event_id, name="Already booked", adults=1)
    text = "Name,Quantity\r\nAoife,1\r\nBea,1\r\nCai,2\r\n"
    plan = planned(store, event_id, text.encode())
    assert [b.status for b in plan.bookings] == ["Booked", "Waiting list", "Waiting list"]
    assert plan.notes() == [
        "No email or phone column: the bookings will have no contact details.",
        "2 bookings will go on the waiting list: there are not enough free places (or creche "
        "places) for them.",
    ]


def test_the_good_rows_import_when_the_refused_are_left_out_in_one_undo_step(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    plan = planned(store, event_id)
    with pytest.raises(OrganiserError, match="Nothing was imported: 3 rows"):
        apply_import(store, event_id, plan)
    assert list_bookings(store, event_id) == []
    changes = apply_import(store, event_id, plan, leave_out_refused=True)
    rows = list_bookings(store, event_id)
    assert [(r.name, r.adults, r.status) for r in rows] == [
        ("Siobhán Ó Briain", 2, "Booked"),
        ("Zoë Brontë", 1, "Booked"),
        ("Kofi Asante", 1, "Waiting list"),
    ]
    assert changes.previous["created_ids"] == [r.id for r in rows]
    remove_imported(store, event_id=event_id, booking_ids=changes.previous["created_ids"])
    assert list_bookings(store, event_id) == []
    refused = list(
        csv.reader(io.StringIO(refused_csv(plan.table, plan.errors).decode("utf-8-sig")))
    )
    assert [r[:3] for r in refused[1:]] == [  # the whole of order 6005, to import again
        ["6003", "Ama", "Mensah"],
        ["6005", "Renée", "Dubois"],
        ["6005", "Luc", "Dubois"],
    ]
    assert refused[1][-1].startswith("the quantity “two” is not a whole number")


def test_nothing_is_imported_when_the_columns_are_wrong_even_leaving_out(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    table = read_table(FILE)
    mapping = {**guess_mapping(table), "first_name": None, "last_name": None}
    plan = plan_for_event(store, event_id, table, mapping)
    assert plan.good_count() == 0 and plan.notes() == []
    with pytest.raises(OrganiserError, match="column that holds the name"):
        apply_import(store, event_id, plan, leave_out_refused=True)
    assert list_bookings(store, event_id) == []


def test_suggest_mapping_guesses_for_an_event_that_exists(
    store: Store, create_event: Callable[..., int]
) -> None:
    table = read_table(FILE)
    mapping, remembered = suggest_mapping(store, create_event(), table)
    assert (mapping, remembered) == (guess_mapping(table), False)
    with pytest.raises(NotFound):
        suggest_mapping(store, 999, table)


def test_choose_says_what_a_column_holds_in_words() -> None:
    table = read_table(FILE)
    mapping = guess_mapping(table)
    by_label = choose(mapping, "Buyer First Name", "FIRST NAME")
    assert by_label["first_name"] == "Buyer First Name"
    by_key = choose(mapping, "First Name", "notes")
    assert (by_key["notes"], by_key["first_name"]) == ("First Name", None)  # one detail each
    assert choose(mapping, "Quantity", "none")["adults"] is None
    assert choose(mapping, "Quantity", "")["adults"] is None
    assert mapping["adults"] == "Quantity"  # the choices given are left as they were
    named = choose(mapping, "order #", "Order number or reference", header=table.header)
    assert named["reference"] == "Order #"
    with pytest.raises(ValidationError, match=r"“shoe size” is not a booking detail.*full_name"):
        choose(mapping, "Quantity", "shoe size")
    with pytest.raises(ValidationError, match="The column “Phone” is not in this file"):
        choose(mapping, "Phone", "phone", header=table.header)


def test_contact_columns_show_no_values_but_names_do(
    store: Store, create_event: Callable[..., int]
) -> None:
    text = (
        "Name,Email,Cell Phone,Buyer Email,Contact,Mobile number,Can we contact you by email?\r\n"
        "Zoë Marsh,zoe@example.org,07700 900201,buyer@example.org,zoe@example.org,07700 900201,"
        "Yes\r\n"
    )
    plan = planned(store, create_event(), text.encode())
    shown = {r.column: r.examples for r in plan.readings()}
    assert shown["Name"] == ("Zoë Marsh",)
    for column in ("Email", "Cell Phone", "Buyer Email", "Contact", "Mobile number"):
        assert shown[column] == ("(contact details)",), column
    assert shown["Can we contact you by email?"] == ("Yes",)
