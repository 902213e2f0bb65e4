"""The demo's bookings, waiting list, creche children and two creche staff (all invented)."""

from __future__ import annotations

import datetime as dt

from organiser.core.creche.kinds import BookingStatus, Qualification
from organiser.core.creche.service import update_creche
from organiser.core.crud import add_row, update_row
from organiser.core.db import Store
from organiser.core.row_kinds import RowKind

# name, contact, adults, children, heard from, future contact, access needs
BOOKINGS = (
    ("Zoë Hartley", "zoe.hartley@example.org", 1, 2, "Health visitor", True, ""),
    ("Siobhán Kelly", "07700 900 412", 1, 1, "Children's centre newsletter", True, ""),
    ("Nguyễn Thị Lan", "lan.nguyen@example.org", 1, 1, "A friend", False, "Vietnamese interpreter"),
    ("Amara Okafor", "amara.okafor@example.org", 2, 1, "Flyer at the library", True, ""),
    ("Callum Reid", "", 1, 0, "Facebook group", False, "Uses a wheelchair"),
    ("Priya Shah", "priya.shah@example.org", 1, 1, "Health visitor", True, ""),
    ("Megan Lloyd", "07700 900 733", 2, 0, "A friend", False, ""),
    ("Fatima Haddad", "fatima.h@example.org", 1, 0, "GP surgery", True, ""),
    ("Joanne Price", "jo.price@example.org", 1, 0, "Flyer at the library", False, ""),
    ("Tomasz Wiśniewski", "07700 900 518", 2, 0, "Facebook group", True, ""),
    ("Rebecca Moore", "rebecca.moore@example.org", 1, 0, "Children's centre newsletter", False, ""),
    ("Aisha Begum", "aisha.begum@example.org", 1, 0, "Health visitor", True, "Hearing loop"),
    ("Kerry Dawson", "", 1, 0, "A friend", False, ""),
    ("Hannah Fischer", "hannah.f@example.org", 2, 0, "GP surgery", True, ""),
    ("Leanne Watts", "07700 900 204", 2, 0, "Facebook group", False, ""),
    # The event is full from here: these go on the waiting list, in this order.
    ("Daniel Osei", "daniel.osei@example.org", 2, 1, "Flyer at the library", True, ""),
    ("Grace Mbeki", "grace.mbeki@example.org", 1, 0, "A friend", True, ""),
)
CANCELLED = "Kerry Dawson"  # frees one place: the task offers it to the first who fits

# booking, first name, last name, age in months at the event, allergies, dietary, medical,
# photo consent, who may collect
CHILDREN = (
    ("Zoë Hartley", "Ada", "Hartley", 14, "", "", "", True, "Zoë Hartley (mother)"),
    (
        "Zoë Hartley",
        "Milo",
        "Hartley",
        41,
        "Peanuts",
        "",
        "Carries an adrenaline pen",
        True,
        "Zoë Hartley (mother)\nRuth Hartley (grandmother)",
    ),
    ("Siobhán Kelly", "Niamh", "Kelly", 27, "", "Vegetarian", "", False, "Siobhán Kelly (mother)"),
    ("Nguyễn Thị Lan", "Minh", "Trần", 30, "Dairy", "", "", True, "Nguyễn Thị Lan (mother)"),
    (
        "Amara Okafor",
        "Chidi",
        "Okafor",
        50,
        "Nuts",
        "",
        "Mild eczema",
        True,
        "Amara Okafor (mother)\nEmeka Okafor (father)",
    ),
    ("Priya Shah", "Anaya", "Shah", 38, "", "No egg", "", False, "Priya Shah (mother)"),
)
STAFF = (
    ("Bronwen Evans", "Creche lead", Qualification.LEVEL_6, 400, 800),
    ("Marek Zieliński", "Creche worker", Qualification.LEVEL_3, 300, 1200),
)


def add_creche(store: Store, event_id: int, *, today: dt.date) -> None:
    """Bookings past capacity, a cancellation, children with needs, and two staff."""
    update_creche(store, event_id=event_id, values={"places": 8, "max_age_years": 5})
    ids: dict[str, int] = {}
    for name, contact, adults, children, heard, consent, access in BOOKINGS:
        made = add_row(
            store,
            kind=RowKind.BOOKINGS,
            parent_id=event_id,
            values={
                "name": name,
                "contact": contact,
                "adults": adults,
                "children": children,
                "heard_from": heard,
                "contact_consent": consent,
                "access_needs": access,
            },
        )
        assert made.created_id is not None
        ids[name] = made.created_id
    update_row(
        store,
        kind=RowKind.BOOKINGS,
        row_id=ids[CANCELLED],
        values={"status": BookingStatus.CANCELLED.value},
    )
    for parent, first, last, months, allergies, dietary, medical, photos, collect in CHILDREN:
        add_row(
            store,
            kind=RowKind.CHILDREN,
            parent_id=ids[parent],
            values={
                "first_name": first,
                "last_name": last,
                "age_months": months,
                "allergies": allergies,
                "dietary": dietary,
                "medical": medical,
                "photo_consent": photos,
                "collectors": collect,
                "collection_password": f"{first.lower()}-{len(collect) % 7 + 2}-seagull",
            },
        )
    for name, role, level, dbs_days, aid_days in STAFF:
        add_row(
            store,
            kind=RowKind.STAFF,
            parent_id=event_id,
            values={
                "name": name,
                "role": role,
                "qualification": level.value,
                "dbs_date": today - dt.timedelta(days=dbs_days),
                "first_aid_expiry": today + dt.timedelta(days=aid_days),
                "on_from": dt.time(9, 45),
                "on_until": dt.time(12, 15),
            },
        )
