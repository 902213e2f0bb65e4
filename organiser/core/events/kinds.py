"""Event statuses and venue access features: plain names the UI may import."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """Where an event is in its life."""

    IDEA = "Idea"
    PLANNING = "Planning"
    CONFIRMED = "Confirmed"
    DELIVERED = "Delivered"
    EVALUATED = "Evaluated"


VENUE_FEATURES: dict[str, str] = {
    "step_free": "Step-free access",
    "accessible_toilet": "Accessible toilet",
    "parking": "Parking",
    "baby_change": "Baby change",
    "creche_room": "Room for a creche",
}
