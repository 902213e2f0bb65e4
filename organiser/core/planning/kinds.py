"""Roles, programme item kinds and cost categories: plain names the UI may import."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """A member's role in the working group."""

    LIVED_EXPERIENCE = "Parent or carer with lived experience"
    PROFESSIONAL = "Professional"
    VOLUNTEER = "Volunteer"
    OTHER = "Other"


class ItemKind(enum.StrEnum):
    """What a programme item is."""

    WELCOME = "Welcome"
    PHYSICAL = "Physical activity"
    WELLBEING = "Mental wellbeing"
    INFORMATION = "Information"
    REFRESHMENTS = "Refreshments"
    CRECHE = "Creche"
    OTHER = "Other"


# A new programme item's kind until someone picks another: one the flyer lists under "What to
# expect" (it leaves welcomes out and gives the creche and refreshments lines of their own).
NEW_ITEM_KIND = ItemKind.OTHER


class CostCategory(enum.StrEnum):
    """What a cost line pays for."""

    VENUE = "Venue"
    FEES = "Fees"
    CRECHE = "Creche"
    REFRESHMENTS = "Refreshments"
    MATERIALS = "Materials"
    PRINTING = "Printing"
    TRAVEL = "Travel and expenses"
    OTHER = "Other"
