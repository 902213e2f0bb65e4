"""Invitation statuses: plain names the UI may import."""

from __future__ import annotations

import enum


class InvitationStatus(enum.StrEnum):
    """Where an invitation stands."""

    IDEA = "idea"
    INVITED = "invited"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    CANCELLED = "cancelled"


ACTIVE = (InvitationStatus.IDEA, InvitationStatus.INVITED, InvitationStatus.CONFIRMED)
CONFIRM_DAYS_KEY = "speakers.confirm_days"
CONFIRM_DAYS_DEFAULT = 14
