"""The creche register, collection sheet, booking list and allergy card, built from a real
database and parsed back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.creche.printing import (
    allergy_card,
    booking_sheet,
    collection_sheet,
    register_sheet,
)
from organiser.core.creche.privacy import purge_personal_data
from organiser.core.creche.service import update_creche
from organiser.core.crud import update_row
from organiser.core.db import Store
from organiser.core.row_kinds import RowKind
from organiser.reports.creche import render_collection_sheet, render_register
from organiser.reports.creche_lists import render_allergy_card, render_booking_list

A4_POINTS = (595.27, 841.89)
A4_LANDSCAPE = (841.89, 595.27)
TODAY = dt.date(2027, 2, 1)
EVENT_DAY = dt.date(2027, 3, 13)
PASSWORD = "lighthouse-42"
HEADER = "Child Allergies, medical, diet Photos Who may collect Time in Time out Initials"


@pytest.fixture
def event(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    add_staff: Callable[..., int],
) -> int:
    """Three households booked (one arrived), one cancelled, one waiting; three children."""
    event_id = create_event(
        date=EVENT_DAY,
        start_time="10:00",
        end_time="12:30",
        venue_name="Harbourside Family Centre",
        capacity=4,
    )
    update_creche(store, event_id=event_id, values={"start": dt.time(10), "end": dt.time(11, 45)})
    siobhan = add_booking(
        event_id, name="Siobhán Kelly", contact="07700 900412", children=1, adults=2
    )
    add_child(
        siobhan,
        first_name="Zoë",
        last_name="Kelly",
        age_months=41,
        allergies="Peanuts\n  sesame",
        medical="Carries an adrenaline pen",
        photo_consent=False,
        collectors="Siobhán Kelly (mother)\nŁucja Nowak (aunt)",
        collection_password=PASSWORD,
    )
    lan = add_booking(
        event_id,
        name="Nguyễn Thị Lan",
        contact="lan.nguyen@example.org",
        children=2,
        access_needs="Vietnamese interpreter",
    )
    # Two on the event date: the "aged 2" band, not "under 2".
    add_child(
        lan,
        first_name="Minh",
        last_name="Trần",
        age_months=None,
        date_of_birth=EVENT_DAY.replace(year=EVENT_DAY.year - 2),
        dietary="Vegetarian",
        photo_consent=True,
        collectors="Nguyễn Thị Lan (mother)",
        collection_password="harbour-7",
    )
    add_child(
        lan, first_name="Bảo", last_name="Trần", age_months=14, allergies="None", collectors=""
    )
    cancelled = add_booking(event_id, name="Carl Cancelled", children=1)
    add_child(cancelled, first_name="Ignored", allergies="Mustard")
    update_row(store, kind=RowKind.BOOKINGS, row_id=cancelled, values={"status": "Cancelled"})
    arrived = add_booking(event_id, name="Amara Okafor")
    update_row(store, kind=RowKind.BOOKINGS, row_id=arrived, values={"status": "Attended"})
    # The event is full: these two wait, in this order, though "Aaron" sorts first by name.
    waiting = add_booking(event_id, name="Zara Young", children=1)
    add_child(waiting, first_name="Waiting Child", allergies="Kiwi")
    add_booking(event_id, name="Aaron Abbott", adults=1)
    add_staff(event_id, name="Bronwen Evans", role="Creche lead")
    return event_id


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def runs(reader: PdfReader) -> list[tuple[str, str, float]]:
    """(text, font name, size in points) of every piece of text on every page."""
    found: list[tuple[str, str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and font is not None:
            found.append((text.strip(), str(font["/BaseFont"]), abs(size * tm[3] * cm[3])))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def page_sizes(reader: PdfReader) -> set[tuple[float, float]]:
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}


def assert_clear_print(reader: PdfReader) -> None:
    pieces = runs(reader)
    assert min(size for _t, _f, size in pieces) >= 12
    assert not any("Italic" in font or "Helvetica" in font for _t, font, _s in pieces)


def register(store: Store, event_id: int) -> PdfReader:
    return read(render_register(register_sheet(store, event_id, today=TODAY)))


def test_the_register_shows_each_child_coming_with_needs_in_bold_and_no_password(
    store: Store, event: int
) -> None:
    reader = register(store, event)
    assert page_sizes(reader) == {tuple(round(x) for x in A4_LANDSCAPE)}
    text = text_of(reader)
    for expected in (
        "Creche register Pilates and wellbeing morning",
        "Saturday 13 March 2027, Creche 10:00 to 11:45, Harbourside Family Centre",
        "3 children need 1 staff; 1 on throughout — enough.",
        "By age group: under 2, 1 child; aged 2, 1 child; 3 and over, 1 child.",
        "Staff: Bronwen Evans, Creche lead, the whole session",
        HEADER,
        "Zoë Kelly 3 years (3 and over) Allergy: Peanuts; sesame Medical: Carries an adrenaline "
        "pen No Siobhán Kelly (mother) Łucja Nowak (aunt)",
        "Minh Trần 2 years (aged 2) Diet: Vegetarian Yes Nguyễn Thị Lan (mother)",
        "Bảo Trần 1 year 2 months (under 2) None recorded No Nobody named: ask the creche lead",
        "Printed 01/02/2027. Confidential: children’s details",
    ):
        assert expected in text
    # Alphabetical, so staff find a child fast; nobody from a cancelled or waiting booking.
    assert text.index("Bảo Trần") < text.index("Minh Trần") < text.index("Zoë Kelly")
    assert "Ignored" not in text and "Waiting Child" not in text and "Kiwi" not in text
    # The register lies on the sign-in table: no collection password, ever.
    assert PASSWORD not in text and "harbour-7" not in text and "Password" not in text
    bold = {t for t, font, _s in runs(reader) if font.endswith("-Bold")}
    # (lines wrap in the column, so pypdf gives each line as its own piece)
    assert any(t.startswith("Allergy: Peanuts") for t in bold)
    assert any(t.startswith("Medical: Carries") for t in bold)
    assert "Diet: Vegetarian" not in bold
    assert_clear_print(reader)


def test_a_long_register_repeats_its_header_on_every_page(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event_id = create_event(date=EVENT_DAY)
    for n in range(12):
        booking = add_booking(event_id, name=f"Parent {n:02d}", children=2)
        for m in range(2):
            add_child(booking, first_name=f"Child {n:02d}-{m}", allergies="x" * 2000)
    reader = register(store, event_id)
    assert len(reader.pages) > 2
    assert all(HEADER in " ".join(p.extract_text().split()) for p in reader.pages)
    text = text_of(reader)
    assert all(f"Child {n:02d}-{m}" in text for n in range(12) for m in range(2))
    assert "(shortened for print)" in text
    assert "Page 1 of" in text


def test_the_collection_sheet_has_each_password_and_says_it_is_confidential(
    store: Store, event: int
) -> None:
    reader = read(render_collection_sheet(collection_sheet(store, event, today=TODAY)))
    assert page_sizes(reader) == {tuple(round(x) for x in A4_POINTS)}
    text = text_of(reader)
    for expected in (
        "Collection passwords Pilates and wellbeing morning",
        "Confidential: for creche staff only The creche lead keeps this sheet.",
        "Shred it after the session.",
        "Child Who may collect Password",
        f"Zoë Kelly 3 years Siobhán Kelly (mother) Łucja Nowak (aunt) {PASSWORD}",
        "Minh Trần 2 years Nguyễn Thị Lan (mother) harbour-7",
        "Bảo Trần 1 year 2 months Nobody named: ask the creche lead No password set",
        "Confidential: shred after the session",
    ):
        assert expected in text
    # Passwords only: the children's health details are on the register and the card.
    assert "Peanuts" not in text and "Vegetarian" not in text
    assert_clear_print(reader)


def test_the_booking_list_has_totals_then_households_by_name_then_the_waiting_list(
    store: Store, event: int
) -> None:
    reader = read(render_booking_list(booking_sheet(store, event, today=TODAY)))
    assert page_sizes(reader) == {tuple(round(x) for x in A4_POINTS)}
    text = text_of(reader)
    for expected in (
        "Booking list and check-in Pilates and wellbeing morning",
        "Saturday 13 March 2027, 10:00 to 12:30, Harbourside Family Centre",
        "4 of 4 places booked",
        "3 households booked: 4 adults and 3 children. 1 arrived so far.",
        "2 households on the waiting list.",
        "Arrived Name Adults Children Access needs",
        "Yes Amara Okafor 1 0",
        "Nguyễn Thị Lan 1 2 Vietnamese interpreter",
        "Siobhán Kelly 2 1",
        "Zara Young Number 1 on the waiting list 1 1",
        "Aaron Abbott Number 2 on the waiting list 1 0",
    ):
        assert expected in text
    assert text.index("4 of 4 places booked") < text.index("Booked, by name")
    order = [
        "Amara Okafor",
        "Nguyễn Thị Lan",
        "Siobhán Kelly",
        "Waiting list, in order",
        "Zara Young",
        "Aaron Abbott",
    ]
    assert [text.index(name) for name in order] == sorted(text.index(name) for name in order)
    assert "Carl Cancelled" not in text
    # The front desk sees no child's name or health details.
    for private in ("Zoë Kelly", "Peanuts", "adrenaline", "Vegetarian", PASSWORD):
        assert private not in text
    assert_clear_print(reader)


def test_the_allergy_card_counts_needs_then_gives_each_child_and_who_to_contact(
    store: Store, event: int
) -> None:
    reader = read(render_allergy_card(allergy_card(store, event, today=TODAY)))
    assert page_sizes(reader) == {tuple(round(x) for x in A4_POINTS)}
    text = text_of(reader)
    for expected in (
        "Allergy and medical card Pilates and wellbeing morning",
        "3 children are coming; 2 have an allergy, dietary or medical need.",
        "• 1 child with a peanut allergy • 1 child with a sesame allergy • 1 child: vegetarian",
        "Child Needs in full Who to contact",
        "Zoë Kelly 3 years Allergy: Peanuts; sesame Medical: Carries an adrenaline pen "
        "Siobhán Kelly 07700 900412",
        "Minh Trần 2 years Diet: Vegetarian Nguyễn Thị Lan lan.nguyen@example.org",
        "Confidential: children’s health details",
    ):
        assert expected in text
    assert text.index("peanut allergy") < text.index("Needs in full")
    # "None" is no allergy; cancelled and waiting children are not coming.
    assert "Bảo" not in text and "Mustard" not in text and "Kiwi" not in text
    assert PASSWORD not in text
    assert_clear_print(reader)


@pytest.mark.parametrize(
    ("build", "render", "says"),
    [
        (register_sheet, render_register, "No children are booked into the creche yet."),
        (
            collection_sheet,
            render_collection_sheet,
            "No children are booked into the creche, so there are no passwords.",
        ),
        (booking_sheet, render_booking_list, "0 households booked: 0 adults and 0 children."),
        (allergy_card, render_allergy_card, "No children are booked into the creche yet."),
    ],
)
def test_an_event_with_no_bookings_prints_one_page_saying_so(
    store: Store,
    create_event: Callable[..., int],
    build: Callable[..., Any],
    render: Callable[[Any], bytes],
    says: str,
) -> None:
    event_id = create_event(title="Quiet event")
    reader = read(render(build(store, event_id, today=TODAY)))
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert "Quiet event" in text and "Date to be set" in text and says in text
    assert "Creche hours not set yet" in text or build is booking_sheet


def test_the_booking_list_of_an_event_with_no_bookings_says_so(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    text = text_of(read(render_booking_list(booking_sheet(store, event_id, today=TODAY))))
    assert "No bookings yet." in text and "Arrived Name" not in text


def test_children_without_needs_print_a_card_that_says_none_are_recorded(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event_id = create_event()
    add_child(add_booking(event_id, children=1), first_name="Łucja", allergies="None known")
    text = text_of(read(render_allergy_card(allergy_card(store, event_id, today=TODAY))))
    assert "1 child is coming; 0 have an allergy" in text
    assert "No allergies or dietary needs are recorded." in text
    assert "Needs in full" not in text


def test_after_the_purge_the_papers_say_so_keep_the_counts_and_print_no_names(
    store: Store, event: int
) -> None:
    purge_personal_data(store, event, keep_consented=False)
    day = dt.date.today().strftime("%d/%m/%Y")
    texts = [
        text_of(register(store, event)),
        text_of(read(render_collection_sheet(collection_sheet(store, event, today=TODAY)))),
        text_of(read(render_booking_list(booking_sheet(store, event, today=TODAY)))),
        text_of(read(render_allergy_card(allergy_card(store, event, today=TODAY)))),
    ]
    for text in texts:
        assert f"The personal data of this event was removed on {day}: only counts" in text
        assert "Zoë" not in text and "Siobhán" not in text and "Child 1" not in text
        assert "No children are booked" not in text and "No bookings yet" not in text
    assert "3 households booked: 4 adults and 3 children." in texts[2]
    assert "Household 1" not in texts[2]


def test_the_demo_event_prints_all_four_papers_without_leaking_passwords(
    store: Store, demo_event: int
) -> None:
    papers = {
        "register": render_register(register_sheet(store, demo_event, today=TODAY)),
        "collection": render_collection_sheet(collection_sheet(store, demo_event, today=TODAY)),
        "bookings": render_booking_list(booking_sheet(store, demo_event, today=TODAY)),
        "allergies": render_allergy_card(allergy_card(store, demo_event, today=TODAY)),
    }
    texts = {name: text_of(read(pdf)) for name, pdf in papers.items()}
    assert "Allergy: Peanuts" in texts["register"]
    assert "seagull" in texts["collection"]
    assert not any("seagull" in texts[name] for name in ("register", "bookings", "allergies"))
    for name in ("Zoë Hartley", "Siobhán Kelly", "Nguyễn Thị Lan"):
        assert all(name in text for text in texts.values())


def test_any_script_emoji_and_huge_fields_print_without_crashing(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event_id = create_event(title="Сімейний ранок 🌊")
    booking = add_booking(
        event_id, name="ليلى حداد", contact="07700 900999", access_needs="♿ " * 50_000, children=1
    )
    add_child(
        booking,
        first_name="Мария",
        allergies="🥜 peanuts\r\n\tand sesame " + "x" * 1_000_000,
        collectors="Мария Petrova (aunt)",
        collection_password="🔑",
    )
    for build, render in (
        (register_sheet, render_register),
        (collection_sheet, render_collection_sheet),
        (booking_sheet, render_booking_list),
        (allergy_card, render_allergy_card),
    ):
        text = text_of(read(render(build(store, event_id, today=TODAY))))
        assert "Сімейний ранок" in text
        # Unshaped Arabic prints as the fallback's boxes (QUALITY.md), but it prints.
        assert "Мария" in text or build is booking_sheet
        assert "(shortened for print)" in text or build is collection_sheet
