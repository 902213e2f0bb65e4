"""Booking statuses and staff qualification levels: plain names the UI may import."""

from __future__ import annotations

import enum


class BookingStatus(enum.StrEnum):
    """Where a booking stands."""

    BOOKED = "Booked"
    WAITING = "Waiting list"
    CANCELLED = "Cancelled"
    ATTENDED = "Attended"
    NO_SHOW = "No-show"


# Bookings that hold places (and whose children the creche plans for).
HOLDING = (BookingStatus.BOOKED.value, BookingStatus.ATTENDED.value)


class Qualification(enum.StrEnum):
    """An early-years qualification level (level 6 allows 1:13 for children of 3 and over)."""

    NONE = "None yet"
    LEVEL_2 = "Level 2"
    LEVEL_3 = "Level 3"
    LEVEL_4_5 = "Level 4 or 5"
    LEVEL_6 = "Level 6 (QTS, EYTS or EYPS)"
