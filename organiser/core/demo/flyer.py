"""The demo's flyer: drafted from the event, two saved versions, comments and sign-offs.

Version 2 is approved by three of the four members and waits for the parent in the group, so
the co-design record shows where the flyer stands.
"""

from __future__ import annotations

from organiser.core.db import Store
from organiser.core.flyer import service, versions
from organiser.core.flyer.kinds import Decision
from organiser.core.planning.service import list_members

STRAPLINE = "A relaxed morning to move, breathe and meet other parents. Bring your baby."
EXPECT = (
    "Gentle Pilates for every body, mats provided\n"
    "Looking after your mind after a baby\n"
    "Meet local health coaches and walking groups\n"
    "Babies are welcome in the session too"
)


def add_flyer(store: Store, event_id: int) -> None:
    """A flyer draft with versions, comments and sign-offs from the working group."""
    members = {m.name: m.id for m in list_members(store, event_id)}
    zoe, siobhan, lucja, dev = (
        members["Zoë Marsh"],
        members["Siobhán Kelly"],
        members["Łucja Nowak"],
        members["Dev Okafor"],
    )
    service.get_flyer(store, event_id)
    service.update_flyer(
        store,
        event_id=event_id,
        values={
            "strapline": STRAPLINE,
            "cost_text": "Free",
            "booking_link": "https://example.org/move-breathe",
        },
    )
    first = versions.save_version(
        store, event_id=event_id, note="First draft from the event details", member_id=lucja
    ).created_id
    assert first is not None
    versions.add_comment(
        store,
        version_id=first,
        member_id=zoe,
        text="Say that babies are welcome in the session, not only in the creche.",
    )
    versions.sign_off(
        store, version_id=first, member_id=zoe, decision=Decision.CHANGES.value, note="Babies"
    )
    service.update_flyer(store, event_id=event_id, values={"expect": EXPECT})
    second = versions.save_version(
        store, event_id=event_id, note="Shorter lines; babies welcome", member_id=lucja
    ).created_id
    assert second is not None
    versions.add_comment(
        store, version_id=second, member_id=dev, text="Looks good to print on the centre's A4."
    )
    for member in (siobhan, lucja, dev):
        versions.sign_off(
            store, version_id=second, member_id=member, decision=Decision.APPROVED.value
        )
