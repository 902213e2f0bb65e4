"""The example event's speakers: an instructor, two local services, the perinatal team and the
parent herself, with one GP who could not come."""

from __future__ import annotations

import datetime as dt

from organiser.core.crud import update_row
from organiser.core.db import Store
from organiser.core.planning.service import list_costs, list_members, list_programme
from organiser.core.row_kinds import RowKind
from organiser.core.speakers.invitations import add_invitation
from organiser.core.speakers.service import add_speaker, speaker_from_member, update_speaker

DIRECTORY = (
    {
        "name": "Priya Shah",
        "organisation": "Priya Shah Pilates",
        "role_title": "Pilates instructor",
        "topics": "Postnatal Pilates; chair-based exercise; Pilates after injury",
        "bio": "Priya teaches Pilates to new parents and to people coming back from injury or "
        "illness, on a mat or from a chair.",
        "email": "priya@example.org",
        "phone": "07700 900 412",
        "equipment": "A clear floor space for 20 mats; a socket for a small speaker",
        "usual_fee_pence": 12000,
        "photo_consent": True,
        "credit_consent": True,
    },
    {
        "name": "Jordan Reece",
        "organisation": "Seaside Health Trainers",
        "role_title": "Health trainer",
        "topics": "Free health coaching; moving more; sleep",
        "bio": "Jordan helps people in Seabrook set small, doable health goals, one to one.",
        "email": "jordan.reece@example.org",
        "equipment": "A table for leaflets",
        "photo_consent": True,
        "credit_consent": True,
    },
    {
        "name": "Mei Lin",
        "organisation": "Stretch Together",
        "role_title": "Yoga teacher",
        "topics": "Gentle yoga groups; walking groups",
        "bio": "Mei runs low-cost gentle yoga and walking groups along the seafront.",
        "phone": "07700 900 118",
        "equipment": "A table for leaflets",
        "credit_consent": True,
    },
    {
        "name": "Dr Ama Boateng",
        "organisation": "Seabrook Medical Practice",
        "role_title": "GP",
        "topics": "Postnatal checks; when to ask for help",
        "email": "ama.boateng@example.org",
    },
)


def _item(store: Store, event_id: int, words: str) -> int:
    return next(i.id for i in list_programme(store, event_id) if words in i.title)


def add_speakers(store: Store, event_id: int) -> None:
    """The directory and the event's invitations, most confirmed with a slot."""
    ids = {}
    for values in DIRECTORY:
        created = add_speaker(store, values=values).created_id
        assert created is not None
        ids[values["name"]] = created
    members = {m.name: m.id for m in list_members(store, event_id)}
    for name in ("Zoë Marsh", "Siobhán Kelly"):
        created = speaker_from_member(store, member_id=members[name]).created_id
        assert created is not None
        ids[name] = created
    update_speaker(
        store,
        speaker_id=ids["Zoë Marsh"],
        values={"role_title": "Parent and co-designer", "credit_consent": True},
    )
    update_speaker(
        store,
        speaker_id=ids["Siobhán Kelly"],
        values={"role_title": "Specialist perinatal nurse", "credit_consent": True},
    )
    invitations = (
        ("Zoë Marsh", "Why we made this morning", 10, "Welcome: why", None, dt.time(9, 30), ""),
        (
            "Priya Shah",
            "Gentle Pilates for every body",
            45,
            "Gentle Pilates",
            12000,
            dt.time(9, 15),
            "Ten spare mats and a small speaker for music",
        ),
        (
            "Siobhán Kelly",
            "Looking after your mind after a baby",
            30,
            "Looking after",
            None,
            dt.time(10, 30),
            "Leaflets about the perinatal team",
        ),
        (
            "Jordan Reece",
            "Health coaching near you",
            10,
            "Local support",
            None,
            dt.time(11, 0),
            "Leaflets and sign-up cards",
        ),
        (
            "Mei Lin",
            "Gentle yoga and walking groups",
            10,
            "Local support",
            None,
            dt.time(11, 0),
            "Timetables of the groups",
        ),
    )
    for name, talk, minutes, slot, fee, arrival, brings in invitations:
        add_invitation(
            store,
            event_id=event_id,
            values={
                "speaker_id": ids[name],
                "talk_title": talk,
                "length_minutes": minutes,
                "status": "confirmed",
                "fee_pence": fee,
                "programme_item_id": _item(store, event_id, slot),
                "arrival": arrival,
                "brings": brings,
            },
        )
    add_invitation(
        store,
        event_id=event_id,
        values={
            "speaker_id": ids["Dr Ama Boateng"],
            "talk_title": "When to ask for help",
            "length_minutes": 15,
            "status": "declined",
            "notes": "Surgery that morning; happy to send leaflets",
        },
    )
    paid = next(c for c in list_costs(store, event_id) if c.supplier == "Priya Shah")
    update_row(
        store, kind=RowKind.COSTS, row_id=paid.id, values={"actual_pence": 12000, "paid": True}
    )
