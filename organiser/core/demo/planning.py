"""The example event's details, working group, programme and budget (invented people)."""

from __future__ import annotations

import datetime as dt

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.events.kinds import Status
from organiser.core.events.service import create_event, update_event
from organiser.core.planning.kinds import CostCategory, ItemKind, Role
from organiser.core.row_kinds import RowKind

DEMO_TITLE = "Move, Breathe and Connect: a Pilates and wellbeing morning"

MEMBERS = (
    (
        "Zoë Marsh",
        Role.LIVED_EXPERIENCE,
        "",
        "Uses a wheelchair on some days; needs step-free rooms",
        "School run until 9:30; brings baby Arlo to meetings",
    ),
    ("Siobhán Kelly", Role.PROFESSIONAL, "Perinatal Mental Health Team", "", "Not on Wednesdays"),
    ("Łucja Nowak", Role.PROFESSIONAL, "Family Engagement Team", "", "Mornings are best"),
    ("Dev Okafor", Role.VOLUNTEER, "Harbourside Family Centre", "", "Free most Fridays"),
)

PROGRAMME = (
    (
        "09:45",
        "10:00",
        "Arrival, name badges and settling children into the creche",
        ItemKind.WELCOME,
        "Łucja Nowak",
        "Main hall",
        False,
    ),
    (
        "10:00",
        "12:15",
        "Creche (Ofsted-registered staff)",
        ItemKind.CRECHE,
        "Harbourside creche team",
        "Garden room",
        True,
    ),
    (
        "10:00",
        "10:10",
        "Welcome: why we made this morning",
        ItemKind.WELCOME,
        "Zoë Marsh",
        "Main hall",
        False,
    ),
    (
        "10:10",
        "10:55",
        "Gentle Pilates for every body (mats provided)",
        ItemKind.PHYSICAL,
        "Priya Shah, Pilates instructor",
        "Main hall",
        False,
    ),
    (
        "10:55",
        "11:25",
        "Looking after your mind after a baby",
        ItemKind.WELLBEING,
        "Siobhán Kelly",
        "Main hall",
        False,
    ),
    (
        "11:25",
        "11:50",
        "Local support: health coaching, yoga and walking groups",
        ItemKind.INFORMATION,
        "Seaside Health Trainers and Stretch Together",
        "Main hall",
        False,
    ),
    (
        "11:50",
        "12:15",
        "Coffee, pastries and fruit: time to talk",
        ItemKind.REFRESHMENTS,
        "Dev Okafor",
        "Café corner",
        False,
    ),
)

FUNDS = (
    ("Community wellbeing grant", 45000, "Spend by the end of March; short report to the funder"),
    ("Family centre in-kind support", 10000, "Room hire waived"),
)

# The Pilates instructor's fee is her invitation's (organiser.core.demo.speakers).
COSTS = (
    ("Hall hire (half day)", CostCategory.VENUE, 10000, 10000, "Harbourside Family Centre", True),
    ("Creche staff (3 × 2.5 hours)", CostCategory.CRECHE, 13500, 12600, "Harbourside creche", True),
    ("Pastries, fruit and coffee", CostCategory.REFRESHMENTS, 6000, 5240, "Tide Café", True),
    ("Flyers and posters", CostCategory.PRINTING, 2500, None, "Print Shop on Marine Parade", False),
    ("Mat cleaning wipes", CostCategory.MATERIALS, 800, 650, "", True),
)


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def add_planning(store: Store, *, today: dt.date) -> int:
    """Create the example event (three weeks from today) with its plan; return its id."""
    event_id = create_event(store, title=DEMO_TITLE).created_id
    assert event_id is not None
    day = today + dt.timedelta(days=21)
    update_event(
        store,
        event_id=event_id,
        values={
            "purpose": "Help isolated parents feel stronger in body and mind, meet each other, "
            "and find out about local support, in a relaxed morning shaped by a parent.",
            "audience": "Parents and carers of children under five who feel isolated, "
            "including parents with a disability or long-term condition.",
            "date": day,
            "start_time": _time("09:45"),
            "end_time": _time("12:15"),
            "venue_name": "Harbourside Family Centre",
            "venue_address": "14 Marine Parade, Seabrook-on-Sea, SB1 4QT",
            "step_free": True,
            "accessible_toilet": True,
            "parking": False,
            "baby_change": True,
            "creche_room": True,
            "capacity": 20,
            "status": Status.CONFIRMED.value,
            "booking_contact": "Łucja Nowak, Family Engagement Team — 01702 555 014",
        },
    )
    for name, role, org, access, availability in MEMBERS:
        add_row(
            store,
            kind=RowKind.MEMBERS,
            parent_id=event_id,
            values={
                "name": name,
                "role": role.value,
                "organisation": org,
                "access_needs": access,
                "availability_notes": availability,
                "consent_to_keep": True,
            },
        )
    for start, end, title, kind, lead, room, alongside in PROGRAMME:
        add_row(
            store,
            kind=RowKind.PROGRAMME,
            parent_id=event_id,
            values={
                "start": _time(start),
                "end": _time(end),
                "title": title,
                "kind": kind.value,
                "lead": lead,
                "room": room,
                "alongside": alongside,
            },
        )
    for name, amount, conditions in FUNDS:
        add_row(
            store,
            kind=RowKind.FUNDS,
            parent_id=event_id,
            values={"name": name, "amount_pence": amount, "conditions": conditions},
        )
    for item, category, estimated, actual, supplier, paid in COSTS:
        add_row(
            store,
            kind=RowKind.COSTS,
            parent_id=event_id,
            values={
                "item": item,
                "category": category.value,
                "estimated_pence": estimated,
                "actual_pence": actual,
                "supplier": supplier,
                "paid": paid,
            },
        )
    return event_id
