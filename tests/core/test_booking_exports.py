"""The exports people actually have import on a fresh event with no change to the columns:
Eventbrite's attendee report (CSV and Excel), Ticket Tailor's tickets export, a plain spreadsheet.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence

import pytest
from openpyxl import Workbook

from organiser.core.creche.importing import (
    ImportPlan,
    apply_import,
    plan_for_event,
    suggest_mapping,
)
from organiser.core.creche.rows import BookingRow
from organiser.core.creche.service import list_bookings
from organiser.core.db import Store
from organiser.core.tables import read_table

# Eventbrite's attendee summary report, as "Export to CSV/Excel" writes it: one row per
# attendee, the order's buyer beside each, custom questions as their own columns.
EVENTBRITE_HEADER = (
    "Order #",
    "Order Date",
    "First Name",
    "Last Name",
    "Email",
    "Quantity",
    "Price Tier",
    "Ticket Type",
    "Attendee #",
    "Group",
    "Order Type",
    "Currency",
    "Total Paid",
    "Fees Paid",
    "Eventbrite Fees",
    "Eventbrite Payment Processing",
    "Attendee Status",
    "Barcode #",
    "Buyer Last Name",
    "Buyer First Name",
    "Buyer Email",
    "Date Attending",
    "Device Name",
    "Check-In Date",
    "Cell Phone",
    "Do you need a creche place? (ages)",
    "Do you have any access needs?",
    "How did you hear about this event?",
)
EVENTBRITE_ROWS = (
    ("6001", "2027-01-14 10:22:31", "Siobhán", "Ó Briain", "siobhan@example.ie", "1", "",
     "General admission", "7001", "", "Free Order", "GBP", "0.00", "0.00", "0.00", "0.00",
     "Attending", "700100001", "Ó Briain", "Siobhán", "siobhan@example.ie",
     "13 March 2027", "", "", "07700 900001", "Yes – 2 and 4", "None", "Leaflet at the library"),
    ("6001", "2027-01-14 10:22:31", "Dara", "Ó Briain", "dara@example.ie", "1", "",
     "General admission", "7002", "", "Free Order", "GBP", "0.00", "0.00", "0.00", "0.00",
     "Attending", "700200001", "Ó Briain", "Siobhán", "siobhan@example.ie",
     "13 March 2027", "", "", "", "Yes – 2 and 4", "N/A", "Leaflet at the library"),
    ("6002", "14/01/2027 18:30", "Zoë", "Brontë", "zoe@example.co.uk", "1", "",
     "General admission", "7003", "", "Free Order", "GBP", "0.00", "0.00", "0.00", "0.00",
     "Checked In", "700300001", "Brontë", "Zoë", "zoe@example.co.uk",
     "13 March 2027", "Door iPad", "13/03/2027 09:58", "", "Yes, one aged 3",
     "Step-free access please", "Instagram"),
    ("6003", "2027-01-15 08:00:00", "Renée", "Dubois", "renee@example.fr", "1", "",
     "General admission", "7004", "", "Free Order", "GBP", "0.00", "0.00", "0.00", "0.00",
     "Not Attending", "700400001", "Dubois", "Renée", "renee@example.fr",
     "13 March 2027", "", "", "", "No", "-", "A friend"),
    ("6004", "2027-01-16 12:00:00", "Łucja", "Wiśniewska", "lucja@example.pl", "1", "",
     "General admission", "7005", "", "Free Order", "GBP", "0.00", "0.00", "0.00", "0.00",
     "Attending", "700500001", "Wiśniewska", "Łucja", "lucja@example.pl",
     "13 March 2027", "", "", "", "yes - 1 child (18 months)", "none needed", "Health visitor"),
    ("6005", "2027-01-16 13:05:09", "Nguyễn Thị", "Lan", "lan@example.vn", "1", "",
     "General admission", "7006", "", "Free Order", "GBP", "0.00", "0.00", "0.00", "0.00",
     "Attending", "700600001", "Lan", "Nguyễn Thị", "lan@example.vn",
     "13 March 2027", "", "", "", "Yes", "", ""),
)  # fmt: skip


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]], separator: str = ",") -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerows([header, *rows])
    return out.getvalue()


def eventbrite_xlsx() -> bytes:
    """The same report as Eventbrite's Excel export: numbers as numbers, the order date a date."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Attendee Summary Report"
    sheet.append(EVENTBRITE_HEADER)
    for row in EVENTBRITE_ROWS:
        cells: list[object] = list(row)
        for place in (0, 5, 8, 17):  # Order #, Quantity, Attendee #, Barcode #
            cells[place] = int(row[place])
        cells[12] = 0.0
        when = row[1]
        cells[1] = (
            dt.datetime.strptime(when, "%d/%m/%Y %H:%M")
            if "/" in when
            else dt.datetime.fromisoformat(when)
        )
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_as_it_is(store: Store, event_id: int, data: bytes, name: str) -> ImportPlan:
    """Import a file with the columns as guessed, as a person pressing Import would."""
    table = read_table(data, name)
    mapping, remembered = suggest_mapping(store, event_id, table)
    assert not remembered
    plan = plan_for_event(store, event_id, table, mapping)
    assert plan.ok, [e.words() for e in plan.errors] + list(plan.problems)
    apply_import(store, event_id, plan)
    return plan


def by_name(store: Store, event_id: int) -> dict[str, BookingRow]:
    return {b.name: b for b in list_bookings(store, event_id)}


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + csv_bytes(EVENTBRITE_HEADER, EVENTBRITE_ROWS).encode(),
        eventbrite_xlsx(),
    ],
    ids=["CSV UTF-8 with BOM", "Excel"],
)
def test_an_eventbrite_attendee_report_imports_as_it_is(
    store: Store, create_event: Callable[..., int], data: bytes
) -> None:
    event_id = create_event()
    plan = import_as_it_is(store, event_id, data, "report.xlsx")
    assert plan.mapping["first_name"] == "First Name"  # the attendee's, not the buyer's
    assert plan.mapping["email"] == "Email"
    assert plan.mapping["phone"] == "Cell Phone"
    assert plan.mapping["children"] is None
    assert plan.mapping["creche_answer"] == "Do you need a creche place? (ages)"
    assert plan.mapping["checked_in"] == "Check-In Date"
    assert plan.summary() == "5 bookings to add, 1 row merged into its order."
    rows = by_name(store, event_id)
    assert list(rows) == [
        "Siobhán Ó Briain",
        "Zoë Brontë",
        "Renée Dubois",
        "Łucja Wiśniewska",
        "Nguyễn Thị Lan",
    ]
    siobhan = rows["Siobhán Ó Briain"]
    assert (siobhan.adults, siobhan.children, siobhan.source_ref) == (2, 2, "6001")
    assert siobhan.contact == "siobhan@example.ie, 07700 900001"
    assert (siobhan.access_needs, siobhan.notes) == ("", "Creche: Yes – 2 and 4")
    zoe = rows["Zoë Brontë"]
    assert (zoe.status, zoe.children, zoe.access_needs) == (
        "Attended",
        1,
        "Step-free access please",
    )
    assert (rows["Renée Dubois"].status, rows["Renée Dubois"].children) == ("Cancelled", 0)
    assert rows["Renée Dubois"].access_needs == ""
    assert rows["Łucja Wiśniewska"].children == 1
    assert rows["Łucja Wiśniewska"].access_needs == ""
    assert (rows["Nguyễn Thị Lan"].children, rows["Nguyễn Thị Lan"].notes) == (1, "")
    assert (
        "“Do you need a creche place? (ages)” read as yes/no and ages: 4 bookings want the "
        "creche for 5 children." in plan.notes()
    )


TICKET_TAILOR_HEADER = (
    "Ticket ID",
    "Barcode",
    "Event ID",
    "Event name",
    "Event start",
    "Ticket type",
    "Status",
    "Check-in",
    "Order ID",
    "Created at",
    "First name",
    "Last name",
    "Email",
    "Phone",
    "Does your child need a place in the creche?",
    "Do you have any accessibility requirements?",
    "Can we contact you about future sessions?",
)
TICKET_TAILOR_ROWS = (
    ("it_1001", "TT1001", "ev_77", "Pilates and wellbeing morning", "2027-03-13 10:00",
     "Adult", "valid", "Yes", "or_501", "2027-01-20 09:00:12", "Aoife", "Byrne",
     "aoife@example.ie", "07700 900101", "Yes, 2", "N/A", "Yes"),
    ("it_1002", "TT1002", "ev_77", "Pilates and wellbeing morning", "2027-03-13 10:00",
     "Child (creche)", "valid", "No", "or_501", "2027-01-20 09:00:12", "Aoife", "Byrne",
     "aoife@example.ie", "07700 900101", "", "", ""),
    ("it_1003", "TT1003", "ev_77", "Pilates and wellbeing morning", "2027-03-13 10:00",
     "Adult", "voided", "No", "or_502", "21/01/2027 14:15", "Kwame", "Asante",
     "kwame@example.com", "", "No", "Hearing loop", "No"),
    ("it_1004", "TT1004", "ev_77", "Pilates and wellbeing morning", "2027-03-13 10:00",
     "Adult", "valid", "No", "or_503", "22/01/2027 08:01", "Chloé", "Martin",
     "", "07700 900103", "", "", "No thanks"),
)  # fmt: skip


def test_a_ticket_tailor_export_imports_as_it_is(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    data = codecs.BOM_UTF8 + csv_bytes(TICKET_TAILOR_HEADER, TICKET_TAILOR_ROWS).encode()
    plan = import_as_it_is(store, event_id, data, "tickets.csv")
    assert plan.mapping["reference"] == "Order ID"
    assert plan.mapping["full_name"] is None  # "Event name" is the event's
    assert plan.mapping["booked_on"] == "Created at"
    assert plan.mapping["checked_in"] == "Check-in"
    rows = by_name(store, event_id)
    aoife = rows["Aoife Byrne"]  # an adult's ticket, and a child's ticket for the creche
    assert (aoife.adults, aoife.children, aoife.status) == (1, 1, "Attended")
    assert aoife.contact == "aoife@example.ie, 07700 900101"
    assert (aoife.contact_consent, aoife.contact_consent_date) == (True, dt.date(2027, 1, 20))
    kwame = rows["Kwame Asante"]
    assert (kwame.status, kwame.access_needs, kwame.contact_consent) == (
        "Cancelled",
        "Hearing loop",
        False,
    )
    assert (rows["Chloé Martin"].status, rows["Chloé Martin"].contact) == (
        "Booked",
        "07700 900103",
    )
    assert "No quantity column: each row counts as one adult." in plan.notes()
    assert "Rows 2–3 (order or_501) are one household: 1 adult and 1 child." in plan.notes()


SPREADSHEET = (
    "Parent/carer name;Mobile;Email;No. of adults;No. of children;Notes\r\n"
    "Zoë Marsh;07700 900201;zoe@example.org;1;2;Brings a buggy\r\n"
    "Renée O'Neill;07700 900202;;2;0;-\r\n"
    "Siobhán Kelly;;siobhan@example.ie;1;1;N/A\r\n"
)


@pytest.mark.parametrize(
    "data",
    [
        SPREADSHEET.encode("cp1252"),
        codecs.BOM_UTF8
        + (
            "Name,Phone,Email,Adults,Children,Notes\r\n"
            + "\r\n".join(line.replace(";", ",") for line in SPREADSHEET.splitlines()[1:])
            + "\r\n"
        ).encode(),
    ],
    ids=["semicolons in cp1252", "commas in UTF-8"],
)
def test_a_plain_spreadsheet_imports_as_it_is(
    store: Store, create_event: Callable[..., int], data: bytes
) -> None:
    event_id = create_event()
    plan = import_as_it_is(store, event_id, data, "list.csv")
    assert plan.notes() == []
    rows = list_bookings(store, event_id)
    assert [(r.name, r.contact, r.adults, r.children, r.notes) for r in rows] == [
        ("Zoë Marsh", "zoe@example.org, 07700 900201", 1, 2, "Brings a buggy"),
        ("Renée O'Neill", "07700 900202", 2, 0, ""),
        ("Siobhán Kelly", "siobhan@example.ie", 1, 1, ""),
    ]
