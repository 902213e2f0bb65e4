"""Importing bookings from an Eventbrite attendee report, all rows or none; exporting the list."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import io
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from organiser.core.changes import Touched
from organiser.core.creche import bookings, export, import_values
from organiser.core.creche.import_columns import guess_mapping
from organiser.core.creche.importing import (
    ImportPlan,
    apply_import,
    plan_for_event,
    plan_import,
    remove_imported,
    restore_imported,
)
from organiser.core.creche.service import list_bookings
from organiser.core.db import Store
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.import_plans import refused_csv
from organiser.core.tables import read_table

HEADER = (
    "Order #,Order Date,First Name,Last Name,Email,Quantity,Price Tier,Ticket Type,Attendee #,"
    "Group,Order Type,Currency,Total Paid,Attendee Status,How did you hear about this event?,"
    "Do you have any access needs?,How many children need a place in the crèche?,"
    "Can we contact you about future sessions?"
)
ROWS = [
    "1001,2027-01-10 09:12:44+00:00,Siobhán,Ó Briain,siobhan@example.ie,1,,General admission,"
    "5001,,Free Order,GBP,0.00,Attending,Leaflet at the library,,2,Yes",
    "1001,2027-01-10 09:12:44+00:00,Siobhán,Ó Briain,siobhan@example.ie,1,,General admission,"
    "5002,,Free Order,GBP,0.00,Attending,Leaflet at the library,,2,Yes",
    "1002,2027-01-11 18:30:00+00:00,Zoë,Brontë,zoe@example.co.uk,1,,General admission,5003,,"
    "Free Order,GBP,0.00,Checked In,Instagram,Step-free access please,0,No",
    "1003,2027-01-12 08:00:00+00:00,Renée,Dubois,renee@example.fr,1,,Crèche place (child),5004,"
    ",Free Order,GBP,0.00,Attending,A friend,,,I do not agree",
    "1004,2027-01-13 12:00:00+00:00,Ama,Mensah,ama@example.com,1,,General admission,5005,,"
    "Free Order,GBP,0.00,Refunded,,,,",
]
EVENTBRITE = "\r\n".join([HEADER, *ROWS]) + "\r\n"
COUNT = 4  # orders


def bytes_of(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def booked(store: Store, event_id: int) -> int:
    return len(list_bookings(store, event_id))


def plan(store: Store, event_id: int, data: bytes, **mapping: str | None) -> ImportPlan:
    table = read_table(data)
    chosen = {**guess_mapping(table), **mapping}
    return plan_for_event(store, event_id, table, chosen)


def test_eventbrite_columns_are_guessed() -> None:
    guessed = guess_mapping(read_table(bytes_of(EVENTBRITE)))
    assert guessed == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "full_name": None,
        "email": "Email",
        "phone": None,
        "adults": "Quantity",
        "children": "How many children need a place in the crèche?",
        "creche_answer": None,
        "ticket_type": "Ticket Type",
        "status": "Attendee Status",
        "checked_in": None,
        "access_needs": "Do you have any access needs?",
        "heard_from": "How did you hear about this event?",
        "consent": "Can we contact you about future sessions?",
        "booked_on": "Order Date",
        "notes": None,
        "reference": "Order #",
    }


@pytest.mark.parametrize(
    "data",
    [
        bytes_of(EVENTBRITE),
        codecs.BOM_UTF8 + bytes_of(EVENTBRITE),
        bytes_of(EVENTBRITE, "cp1252"),
        bytes_of(EVENTBRITE, "utf-16"),
        codecs.BOM_UTF8 + bytes_of(EVENTBRITE.replace(",", ";")),
        bytes_of(EVENTBRITE.replace(",", "\t"), "cp1252"),
    ],
    ids=["utf-8", "BOM", "cp1252", "utf-16", "semicolons", "tabs in cp1252"],
)
def test_an_eventbrite_export_imports_as_households(
    store: Store, create_event: Callable[..., int], data: bytes
) -> None:
    event_id = create_event()
    found = plan(store, event_id, data)
    assert found.ok, [e.words() for e in found.errors]
    assert found.summary() == "4 bookings to add, 1 row merged into its order."
    changes = apply_import(store, event_id, found)
    assert Touched.BOOKINGS in changes and len(changes.previous["created_ids"]) == COUNT
    rows = {r.name: r for r in list_bookings(store, event_id)}
    assert list(rows) == ["Siobhán Ó Briain", "Zoë Brontë", "Renée Dubois", "Ama Mensah"]
    siobhan, zoe = rows["Siobhán Ó Briain"], rows["Zoë Brontë"]
    assert (siobhan.adults, siobhan.children, siobhan.status) == (2, 2, "Booked")
    assert siobhan.contact == "siobhan@example.ie" and siobhan.source_ref == "1001"
    assert siobhan.heard_from == "Leaflet at the library"
    assert (siobhan.contact_consent, siobhan.contact_consent_date) == (True, dt.date(2027, 1, 10))
    assert (zoe.status, zoe.access_needs, zoe.contact_consent) == (
        "Attended",
        "Step-free access please",
        False,
    )
    renee = rows["Renée Dubois"]  # a child's ticket is a creche place, not an adult's
    assert (renee.adults, renee.children, renee.contact_consent) == (0, 1, False)
    assert rows["Ama Mensah"].status == "Cancelled"


def test_a_missing_column_is_left_out_and_an_extra_one_ignored(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = (
        "Order #,First Name,Last Name,Favourite colour,Email\r\n"
        "\r\n"
        "2001,Siobhán,Kelly,green,s@example.ie\r\n"
        ",,,,\r\n"
        "2002,Zoë,Marsh,blue,\r\n"
    )
    found = plan(store, event_id, bytes_of(text, "cp1252"))
    assert found.mapping["adults"] is None and found.mapping["status"] is None
    assert [b.rows for b in found.bookings] == [(3,), (5,)]  # as a spreadsheet numbers them
    apply_import(store, event_id, found)
    rows = list_bookings(store, event_id)
    assert [(r.name, r.adults, r.status, r.contact) for r in rows] == [
        ("Siobhán Kelly", 1, "Booked", "s@example.ie"),
        ("Zoë Marsh", 1, "Booked", ""),
    ]
    assert plan(store, event_id, bytes_of(text), email="Phone").problems == (
        "The column “Phone” is not in this file.",
    )
    no_name = plan(store, event_id, bytes_of(text), first_name=None, last_name=None)
    assert not no_name.ok and "column that holds the name" in no_name.summary()
    with pytest.raises(OrganiserError, match="Nothing was imported"):
        apply_import(store, event_id, no_name)


def test_nul_bytes_are_refused_before_anything_is_planned(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    with pytest.raises(OrganiserError, match="NUL bytes"):
        plan_import(bytes_of(EVENTBRITE).replace(b"Zo", b"Z\x00o"), {})
    assert booked(store, event_id) == 0


def test_one_bad_row_imports_nothing(store: Store, create_event: Callable[..., int]) -> None:
    event_id = create_event()
    rows = [*ROWS[:4], ROWS[2].replace("1002", "1005").replace(",1,,General", ",two,,General")]
    rows.insert(3, "")  # a blank row still counts in the row numbers a spreadsheet shows
    found = plan(store, event_id, bytes_of("\r\n".join([HEADER, *rows])))
    assert [e.words() for e in found.errors] == [
        "Row 7: the quantity “two” is not a whole number; write it in figures, such as 2"
    ]
    assert found.errors[0].column == "Quantity"
    assert found.summary() == ("3 bookings to add, 1 row merged into its order, 1 row refused.")
    with pytest.raises(OrganiserError, match="Nothing was imported: 1 row"):
        apply_import(store, event_id, found)
    assert booked(store, event_id) == 0


def test_a_refusal_half_way_through_the_transaction_leaves_nothing(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    found = plan(store, event_id, bytes_of(EVENTBRITE))
    slip = dataclasses.replace(found.bookings[-1], adults=500)
    broken = dataclasses.replace(found, bookings=(*found.bookings[:-1], slip))
    with pytest.raises(ValidationError, match="looks like a slip"):
        apply_import(store, event_id, broken)
    assert booked(store, event_id) == 0


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("-1", "the quantity “-1” cannot be negative"),
        (
            "siobhan@example.ie",
            "the quantity in “Quantity” is not a whole number; write it in figures, such as 2",
        ),
        (
            "07700 900123",
            "the quantity in “Quantity” is not a whole number; write it in figures, such as 2",
        ),
        ("51", "51 adults in one booking looks like a slip; enter at most 50"),
    ],
)
def test_row_errors_name_the_row_and_never_the_person(
    store: Store,
    create_event: Callable[..., int],
    caplog: pytest.LogCaptureFixture,
    cell: str,
    message: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    event_id = create_event()
    text = f"Name,Quantity\r\nSiobhán Ó Briain,{cell}\r\n"
    found = plan(store, event_id, bytes_of(text, "cp1252"), adults="Quantity")
    assert [e.words() for e in found.errors] == [f"Row 2: {message}"]
    with pytest.raises(OrganiserError) as refused:
        apply_import(store, event_id, found)
    for said in (found.summary(), str(refused.value), caplog.text):
        assert "Siobhán" not in said and "@" not in said and "900123" not in said
    assert found.bookings[0].name == "Siobhán Ó Briain"  # the preview may show it


def test_blank_names_and_unknown_answers_are_row_errors(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = (
        "First Name,Last Name,Attendee Status,Future contact,Order Date\r\n"
        ",,Attending,Yes,\r\n"
        "Zoë,Marsh,Maybe,Perhaps,31/02/2027\r\n"
    )
    found = plan(store, event_id, bytes_of(text))
    assert [e.words() for e in found.errors] == [
        "Row 2: the name is blank; fill it in, or delete the row",
        "Row 3: the attendee status “Maybe” is not one we know; use Attending, Checked In, "
        "Not Attending, Cancelled, Refunded or Waiting list",
        "Row 3: the answer “Perhaps” about future contact is not yes or no; write Yes or No",
        "Row 3: the date “31/02/2027” is not a date in the calendar; check the day and the month",
    ]


def test_importing_the_same_file_again_adds_nothing(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    apply_import(store, event_id, plan(store, event_id, bytes_of(EVENTBRITE)))
    again = plan(store, event_id, bytes_of(EVENTBRITE, "cp1252"))
    assert again.bookings == () and len(again.skipped) == COUNT
    assert again.summary() == "0 bookings to add, 4 already imported."
    assert apply_import(store, event_id, again).touched == Touched.NONE
    more = EVENTBRITE + ROWS[2].replace("1002", "1009").replace("Zoë", "Chloé") + "\r\n"
    grown = plan(store, event_id, bytes_of(more))
    assert [b.name for b in grown.bookings] == ["Chloé Brontë"]
    assert grown.summary() == "1 booking to add, 4 already imported."
    apply_import(store, event_id, grown)
    assert booked(store, event_id) == COUNT + 1


def test_a_plan_made_before_another_import_does_not_add_twice(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    first = plan(store, event_id, bytes_of(EVENTBRITE))
    second = plan(store, event_id, bytes_of(EVENTBRITE))
    apply_import(store, event_id, first)
    assert apply_import(store, event_id, second).touched == Touched.NONE
    assert booked(store, event_id) == COUNT


def test_rows_without_an_order_number_are_matched_by_name_and_contact(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event_id = create_event()
    add_booking(event_id, name="Zoë Marsh", contact="zoe@example.com")
    text = "Name,Email\r\nZOË  MARSH,zoe@example.com\r\nZoë Marsh,other@example.com\r\n"
    found = plan(store, event_id, bytes_of(text))
    assert found.skipped == ((2,),)
    assert [b.contact for b in found.bookings] == ["other@example.com"]


def test_over_capacity_the_waiting_list_follows_the_file(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event_id = create_event(capacity=5)
    add_booking(event_id, name="Already booked", adults=1)
    lines = ["Order #,Name,Quantity"] + [
        f"{300 + n},{name},{count}"
        for n, (name, count) in enumerate(
            [("Aoife", 2), ("Bea", 2), ("Cai", 2), ("Dara", 3), ("Eli", 1)]
        )
    ]
    found = plan(store, event_id, bytes_of("\n".join(lines)))
    preview = [(b.name, b.status) for b in found.bookings]
    assert preview == [
        ("Aoife", "Booked"),
        ("Bea", "Booked"),
        ("Cai", "Waiting list"),
        ("Dara", "Waiting list"),
        ("Eli", "Waiting list"),
    ]
    assert found.summary() == "5 bookings to add (3 on the waiting list)."
    apply_import(store, event_id, found)
    stored = list_bookings(store, event_id)[1:]
    assert [(b.name, b.status, b.position) for b in stored] == [
        ("Aoife", "Booked", None),
        ("Bea", "Booked", None),
        ("Cai", "Waiting list", 1),
        ("Dara", "Waiting list", 2),
        ("Eli", "Waiting list", 3),
    ]
    names = {b.id: b.name for b in stored}
    assert [names[i] for i in bookings.waiting_list(store, event_id)] == ["Cai", "Dara", "Eli"]


def test_undo_removes_the_import_and_redo_brings_it_back(
    store: Store, create_event: Callable[..., int], add_child: Callable[..., int]
) -> None:
    event_id = create_event()
    added = apply_import(store, event_id, plan(store, event_id, bytes_of(EVENTBRITE)))
    ids = added.previous["created_ids"]
    add_child(ids[0], first_name="Niamh")
    before = list_bookings(store, event_id)
    undone = remove_imported(store, event_id=event_id, booking_ids=ids)
    assert booked(store, event_id) == 0 and undone.snapshot is not None
    redone = restore_imported(store, snapshot=undone.snapshot)
    assert redone.previous["created_ids"] == ids
    assert list_bookings(store, event_id) == before
    assert [s for s, _ in bookings.status_history(store, ids[0])] == ["Booked"]


def test_the_export_is_formula_safe_and_imports_back(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int], tmp_path: Path
) -> None:
    event_id = create_event(capacity=3)
    risky = {
        "name": "Zoë Brontë",
        "contact": "+44 7700 900123",
        "adults": 2,
        "children": 1,
        "access_needs": "-1",
        "heard_from": "@SUM(A1:A9)",
        "notes": '=HYPERLINK("http://example.com/x","Click me")',
        "contact_consent": True,
        "contact_consent_date": dt.date(2027, 1, 5),
    }
    add_booking(event_id, **risky)
    add_booking(event_id, name="Siobhán Ó Briain", adults=2, source_ref="1001")
    path = tmp_path / "bookings.csv"
    assert export.export_bookings(store, event_id, path) == 2
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0]["Contact"] == "'+44 7700 900123"
    assert rows[0]["Access needs"] == "'-1"
    assert rows[0]["How they heard"] == "'@SUM(A1:A9)"
    assert rows[0]["Notes"] == "'" + risky["notes"]
    assert (rows[0]["Future contact"], rows[0]["Consent date"]) == ("Yes", "05/01/2027")
    assert (rows[1]["Name"], rows[1]["Status"], rows[1]["Waiting list position"]) == (
        "Siobhán Ó Briain",
        "Waiting list",
        "1",
    )
    other = create_event(title="Second session")
    back = plan(store, other, data)
    assert back.ok and back.mapping["email"] == "Contact"
    apply_import(store, other, back)
    copied = list_bookings(store, other)[0]
    for key, value in risky.items():
        assert getattr(copied, key) == value, key
    assert export.bookings_csv(store, other).startswith(codecs.BOM_UTF8)
    with pytest.raises(OrganiserError, match="does not exist"):
        export.export_bookings(store, event_id, tmp_path / "gone" / "bookings.csv")


def test_the_same_household_twice_in_a_file_without_order_numbers_is_booked_once(
    store: Store, create_event: Callable[..., int]
) -> None:
    from organiser.core.creche import importing as booking_import

    event = create_event()
    data = (
        b"First Name,Last Name,Email,Quantity\r\n"
        b"Grace,Mbeki,grace@example.org,1\r\n"
        b"Grace,Mbeki,grace@example.org,1\r\n"
    )
    table = read_table(data)
    plan = booking_import.plan_for_event(store, event, table, guess_mapping(table))
    booking_import.apply_import(store, event, plan)
    assert [b.name for b in list_bookings(store, event)] == ["Grace Mbeki"]


CRECHE_QUESTION = "Do you need a creche place? (ages)"
ANSWERS = (
    ("Yes – 2 and 4", 2),
    ("Yes, one aged 3", 1),
    ("yes - 1 child (18 months)", 1),
    ("Yes", 1),
    ("No", 0),
    ("", 0),
    ("n/a", 0),
    ("Yes, two and four", 2),
    ("Yes, 3", 1),
)


def test_a_creche_question_answered_in_words_is_read_as_yes_no_and_ages(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    lines = [f"Order #,First Name,Last Name,Quantity,{CRECHE_QUESTION}"] + [
        f'{7000 + n},Parent,{n},1,"{answer}"' for n, (answer, _count) in enumerate(ANSWERS)
    ]
    found = plan(store, event_id, bytes_of("\r\n".join(lines)))
    assert found.mapping["children"] is None
    assert found.mapping["creche_answer"] == CRECHE_QUESTION
    assert found.ok, [e.words() for e in found.errors]
    assert [b.children for b in found.bookings] == [count for _answer, count in ANSWERS]
    assert found.bookings[0].notes == "Creche: Yes – 2 and 4"
    assert found.bookings[3].notes == ""  # a plain yes says nothing more
    assert (
        f"“{CRECHE_QUESTION}” read as yes/no and ages: 6 bookings want the creche for "
        "8 children." in found.notes()
    )


def test_a_creche_count_column_is_still_a_count() -> None:
    table = read_table(b"Name,How many children need a creche place?\r\nZo,2\r\nAl,0\r\n")
    guessed = guess_mapping(table)
    assert guessed["children"] == "How many children need a creche place?"
    assert guessed["creche_answer"] is None


def test_a_creche_answer_not_understood_counts_none_and_is_kept(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = f"Name,{CRECHE_QUESTION}\r\nZoë Marsh,Maybe\r\nAma Mensah,Yes\r\n"
    found = plan(store, event_id, bytes_of(text))
    assert [(b.children, b.notes) for b in found.bookings] == [(0, "Creche: Maybe"), (1, "")]
    assert (
        f"Row 2: the answer to “{CRECHE_QUESTION}” is not yes, no or ages, so no creche place "
        "is counted; the answer is kept in the notes." in found.notes()
    )


@pytest.mark.parametrize(
    ("header", "note"),
    [
        ("Last Name,Email,Quantity", "No first-name column: names will be surnames only."),
        ("First Name,Email,Quantity", "No last-name column: names will be first names only."),
        (
            "Name,Notes,Quantity",
            "No email or phone column: the bookings will have no contact details.",
        ),
        ("Name,Email,Notes", "No quantity column: each row counts as one adult."),
    ],
)
def test_the_plan_says_which_expected_columns_are_missing(
    store: Store, create_event: Callable[..., int], header: str, note: str
) -> None:
    event_id = create_event()
    found = plan(store, event_id, bytes_of(f"{header}\r\nBrontë,zoe@example.org,1\r\n"))
    assert found.ok
    assert found.notes() == [note]


def test_identical_rows_are_counted_once_and_said(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    twice = "6002,Zoë,Brontë,zoe@example.co.uk,1"
    text = "\r\n".join(
        [
            "Order #,First Name,Last Name,Email,Quantity",
            "6001,Ama,Mensah,ama@example.com,1",
            twice,
            twice,
            "6003,Kofi,Mensah,kofi@example.com,1",
        ]
    )
    found = plan(store, event_id, bytes_of(text))
    assert [(b.name, b.adults, b.rows) for b in found.bookings] == [
        ("Ama Mensah", 1, (2,)),
        ("Zoë Brontë", 1, (3,)),
        ("Kofi Mensah", 1, (5,)),
    ]
    assert found.notes() == ["2 identical rows for order 6002: counted once."]
    assert found.summary() == "3 bookings to add, 1 identical row counted once."
    apply_import(store, event_id, found)
    assert [r.adults for r in list_bookings(store, event_id)] == [1, 1, 1]
    zoe = "Zoë,z@example.com"
    no_orders = "\r\n".join(
        ["Name,Email", "Ama,a@example.com", zoe, "Kofi,k@example.com", zoe, "", zoe]
    )
    found = plan(store, create_event(), bytes_of(no_orders))
    assert "Rows 3, 5 and 7 are identical: counted once." in found.notes()
    assert found.summary() == "3 bookings to add, 2 identical rows counted once."
    assert [b.rows for b in found.bookings] == [(2,), (3,), (4,)]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/02/2026 10:00", "the date “31/02/2026” is not a date in the calendar"),
        ("2026-02-31", "the date “2026-02-31” is not a date in the calendar"),
        ("2026-02-31T10:00:00Z", "the date “2026-02-31” is not a date in the calendar"),
        ("Feb 30, 2027", "the date “Feb 30, 2027” is not a date in the calendar"),
        ("30 February 2027 10:00", "the date “30 February 2027” is not a date in the calendar"),
        ("soon", "the date “soon” is not a date; write it as day/month/year"),
        ("next Tuesday", "the value in “Order Date” is not a date; write it as day/month/year"),
    ],
)
def test_a_date_that_is_not_in_the_calendar_is_said_so(
    store: Store, create_event: Callable[..., int], cell: str, message: str
) -> None:
    event_id = create_event()
    found = plan(store, event_id, bytes_of(f'Name,Order Date\r\nZoë Marsh,"{cell}"\r\n'))
    assert len(found.errors) == 1
    assert found.errors[0].words().startswith(f"Row 2: {message}")
    assert found.errors[0].column == "Order Date"


@pytest.mark.parametrize(
    "cell", ["None", "N/A", "n/a", "no", "No.", "-", "nil", "none needed", "not applicable"]
)
def test_an_answer_meaning_nothing_is_no_access_need(
    store: Store, create_event: Callable[..., int], cell: str
) -> None:
    event_id = create_event()
    text = (
        "Name,Do you have any access needs?,How did you hear about this event?,Notes\r\n"
        f"Zoë Marsh,{cell},{cell},{cell}\r\n"
        "Ama Mensah,Step-free access please,A friend,Brings a buggy\r\n"
    )
    found = plan(store, event_id, bytes_of(text))
    assert [(b.access_needs, b.heard_from, b.notes) for b in found.bookings] == [
        ("", "", ""),
        ("Step-free access please", "A friend", "Brings a buggy"),
    ]


def refused_rows_of(found: ImportPlan) -> list[list[str]]:
    """The refused CSV read back: the header, then each refused row with why."""
    text = refused_csv(found.table, found.errors).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_refused_ticket_refuses_its_whole_order_and_the_fixed_csv_brings_it_all(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = (
        "Order #,Name,Quantity\r\n"
        "2001,Ama Mensah,1\r\n"
        "2001,Kofi Mensah,two\r\n"
        "2001,Efua Mensah,1\r\n"
        "2002,Zoë Marsh,1\r\n"
    )
    found = plan(store, event_id, bytes_of(text))
    assert [e.words() for e in found.errors] == [
        "Row 2: left out with row 3: the same order (2001) has a row that is refused",
        "Row 3: the quantity “two” is not a whole number; write it in figures, such as 2",
        "Row 4: left out with row 3: the same order (2001) has a row that is refused",
    ]
    assert found.refused == {2, 3, 4} and found.good_count() == 1
    assert found.summary() == "1 booking to add, 3 rows refused."
    refused = refused_rows_of(found)
    assert [r[:3] for r in refused[1:]] == [
        ["2001", "Ama Mensah", "1"],
        ["2001", "Kofi Mensah", "two"],
        ["2001", "Efua Mensah", "1"],
    ]
    with pytest.raises(OrganiserError, match="Nothing was imported: 3 rows"):
        apply_import(store, event_id, found)
    apply_import(store, event_id, found, leave_out_refused=True)
    fixed = "\r\n".join(
        ",".join(r[:3]).replace("two", "1") for r in refused
    )  # the person fixes the cell; the extra column is not imported
    again = plan(store, event_id, bytes_of(fixed))
    assert again.ok and again.summary() == "1 booking to add, 2 rows merged into its order."
    apply_import(store, event_id, again)
    assert [(r.name, r.adults) for r in list_bookings(store, event_id)] == [
        ("Zoë Marsh", 1),
        ("Ama Mensah", 3),
    ]


def test_the_same_person_twice_without_an_order_number_is_planned_as_booked_once(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = (
        "Name,Email,Quantity\r\n"
        "Ama Mensah,ama@example.com,1\r\n"
        "Zoë Marsh,zoe@example.com,1\r\n"
        "Kofi Asante,kofi@example.com,2\r\n"
        "ZOË  MARSH,zoe@example.com,2\r\n"
    )
    found = plan(store, event_id, bytes_of(text))
    assert found.ok and found.good_count() == 3
    assert [b.rows for b in found.bookings] == [(2,), (3,), (4,)]
    note = (
        "Rows 3 and 5 are the same person (same name and contact) with no order number: "
        "booked once."
    )
    assert note in found.notes()
    assert found.summary() == "3 bookings to add, 1 row for the same person booked once."
    for said in (*found.notes(), found.summary()):
        assert "Zo" not in said and "@" not in said
    changes = apply_import(store, event_id, found)
    assert len(changes.previous["created_ids"]) == found.good_count()
    assert [(r.name, r.adults) for r in list_bookings(store, event_id)] == [
        ("Ama Mensah", 1),
        ("Zoë Marsh", 1),
        ("Kofi Asante", 2),
    ]


def test_the_same_person_twice_with_one_row_refused_is_refused_together(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = "Name,Email,Quantity\r\nZoë Marsh,z@example.com,1\r\nZoë Marsh,z@example.com,two\r\n"
    found = plan(store, event_id, bytes_of(text))
    assert found.refused == {2, 3} and found.good_count() == 0
    assert found.errors[0].words() == (
        "Row 2: left out with row 3: it is the same person (same name and contact), "
        "and that row is refused"
    )
    apply_import(store, event_id, found, leave_out_refused=True)
    assert list_bookings(store, event_id) == []


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Quantity", "adults"),
        ("Adults", "adults"),
        ("Number of children", "children"),
        ("Buyer Quantity", "adults"),
    ],
)
def test_a_column_named_for_a_count_is_read_as_one_and_its_bad_cells_refused(
    store: Store, create_event: Callable[..., int], header: str, key: str
) -> None:
    event_id = create_event()
    text = f"Name,{header}\r\nZoë Marsh,two\r\nAma Mensah,three\r\nKofi Asante,1\r\n"
    found = plan(store, event_id, bytes_of(text))
    assert found.mapping[key] == header and found.mapping["creche_answer"] is None
    assert found.refused == {2, 3}
    assert found.errors[0].column == header


def test_a_column_named_children_answered_in_words_is_still_a_creche_question() -> None:
    table = read_table("Name,Children\r\nZo,Yes – 2 and 4\r\nAl,No\r\n".encode())
    guessed = guess_mapping(table)
    assert (guessed["children"], guessed["creche_answer"]) == (None, "Children")


def test_the_creche_note_counts_only_the_bookings_to_add(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = f"Name,Quantity,{CRECHE_QUESTION}\r\nZoë Marsh,1,Yes – 2 and 4\r\nAma Mensah,two,Yes\r\n"
    found = plan(store, event_id, bytes_of(text))
    assert found.refused == {3}
    assert (
        f"“{CRECHE_QUESTION}” read as yes/no and ages: 1 booking wants the creche for "
        "2 children." in found.notes()
    )


def test_a_row_already_imported_is_skipped_and_not_refused(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event_id = create_event()
    add_booking(event_id, name="Zoë Marsh", source_ref="1001")
    text = "Order #,Name,Quantity\r\n1001,Zoë Marsh,two\r\n"
    found = plan(store, event_id, bytes_of(text), adults="Quantity")
    assert found.skipped == ((2,),) and found.errors == ()
    assert found.ok and found.summary() == "0 bookings to add, 1 already imported."
    assert apply_import(store, event_id, found).touched == Touched.NONE


def test_when_every_row_is_refused_nothing_is_to_add(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = "Order #,Name,Quantity\r\n1,Zoë Marsh,two\r\n2,Ama Mensah,-1\r\n"
    found = plan(store, event_id, bytes_of(text), adults="Quantity")
    assert found.good_count() == 0
    assert found.summary() == "0 bookings to add, 2 rows refused."


def test_a_sheet_row_wider_than_its_header_says_a_column_has_no_heading(
    store: Store, create_event: Callable[..., int]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Quantity"])
    sheet.append(["Zoë Marsh", 1, "stray"])
    out = io.BytesIO()
    book.save(out)
    found = plan_for_event(
        store, create_event(), read_table(out.getvalue(), "list.xlsx"), {"full_name": "Name"}
    )
    assert [e.words() for e in found.errors] == [
        "Row 2: it has 3 cells but the header row has 2 columns; "
        "a column without a heading holds values"
    ]


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        (
            "Attendee Status",
            "Paid by Jo Smith",
            "the attendee status in “Attendee Status” is not one we know; use Attending",
        ),
        ("Check-in", "Sue Hope", "the value in “Check-in” is not yes, no or a time"),
        (
            "Future contact",
            "ask my wife Sue",
            "the answer in “Future contact” is not yes or no; write Yes or No",
        ),
        ("Quantity", "ask Jo Smith", "the quantity in “Quantity” is not a whole number"),
    ],
)
def test_a_value_that_may_name_someone_is_not_quoted_but_its_column_named(
    store: Store, create_event: Callable[..., int], column: str, cell: str, message: str
) -> None:
    found = plan(store, create_event(), bytes_of(f"Name,{column}\r\nZoë Marsh,{cell}\r\n"))
    assert [e.words()[: len(message) + 7] for e in found.errors] == [f"Row 2: {message}"]
    for error in found.errors:
        assert "Jo" not in error.message and "Sue" not in error.message


def test_month_names_in_dates_are_read() -> None:
    for text in ("14 March 2027", "Mar 14, 2027 10:22 AM", "14 Mar, 2027", "Sept 14, 2027"):
        found = import_values.when(text)
        assert found is not None and (found.day, found.year) == (14, 2027), text
